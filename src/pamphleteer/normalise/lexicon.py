"""Rare-word overlap between passages: evidence of where a displaced passage belongs."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from functools import lru_cache

from .vocabulary import find_words

# Words (of three letters or more, as `_words` keeps them), and years (a heading "The Winter of 1921" names one).
_WORD = re.compile(r"[^\W\d_]+|\b(?:1[5-9]|20)\d\d\b")
# Words this common (Zipf) say nothing about where a passage belongs.
_COMMON_ZIPF = 5.5
# Endings dropped so that a heading's words meet their other forms ("Organise", "organised").
_ENDING = re.compile(r"(?:['’]s|ies|ing|ed|es|s|e)$")


class Lexicon:
    """Rare-word overlap between passages, weighted by how few paragraphs use each word."""

    def __init__(self, texts: Sequence[str], zipf: Callable[[str], float]) -> None:
        self._zipf = zipf
        # Passages are compared many times over: their words and weights are worked out once.
        self._stems: dict[str, str] = {}
        self._words: dict[tuple[str, ...], frozenset[str]] = {}
        self._weighed: dict[str, tuple[dict[str, float], float]] = {}
        self._frequency: Counter[str] = Counter()
        self._places: dict[tuple[str, ...], dict[str, list[int]]] = {}  # by passages: where each word stands
        for text in texts:
            self._frequency.update(self.words(text))
        self._count = max(1, len(texts))

    def words(self, *texts: str) -> frozenset[str]:
        """The telling words of the texts read as one passage, each cut to its stem.

        >>> sorted(Lexicon([], lambda word: 3.0).words("The tenants organised it in 1921; tenant’s rights"))
        ['1921', 'organis', 'right', 'tenant', 'the']
        """
        found = self._words.get(texts)
        if found is None:
            if len(texts) == 1:
                found = frozenset(stem for stem in map(self._telling_stem, _words(texts[0])) if stem)
            else:
                # Passages read as one (a paragraph and the next) have the words each has alone,
                # and each paragraph is read once.
                found = frozenset().union(*map(self.words, texts))
            self._words[texts] = found
        return found

    def similarity(self, text: str, *context: str) -> float:
        """Share of `text`'s rare-word weight that the `context` passages (read as one) also have (0 to 1)."""
        weights, total = self._weights(text)
        found = self.words(*context)
        # The text's words looked up in the passage, not the passage's in the text's: a title has a
        # few words, a paragraph many. (The order of the sum is that of a set, as it was before.)
        shared = sum(weight for word, weight in weights.items() if word in found)
        return shared / total if total else 0.0

    def similarities(self, text: str, passages: tuple[str, ...], together: int = 1) -> list[float]:
        """`similarity(text, *passages[i:i + together])` for every i, all at once.

        Worked out from the passages each of the text's words stands in, not
        passage by passage: a title has a few words, and most are in few paragraphs.

        >>> lexicon = Lexicon(["The strike began.", "Rents rose.", "The rent strike spread."], lambda word: 3.0)
        >>> passages = ("The strike began.", "Rents rose.", "The rent strike spread.")
        >>> lexicon.similarities("Rent strike", passages) == [lexicon.similarity("Rent strike", p) for p in passages]
        True
        >>> lexicon.similarities("Rent strike", passages, 2) == [lexicon.similarity("Rent strike", *passages[i:i + 2])
        ...                                                       for i in range(3)]
        True
        """
        weights, total = self._weights(text)
        shared = [0.0] * len(passages)
        if not total:
            return shared
        where = self._where(passages)
        # Each word's weight is added in the order `similarity` adds it, so the sums are the same.
        for word, weight in weights.items():
            for start in {start for place in where.get(word, ()) for start in range(max(0, place - together + 1), place + 1)}:
                shared[start] += weight
        return [value / total for value in shared]

    def _where(self, passages: tuple[str, ...]) -> dict[str, list[int]]:
        where = self._places.get(passages)
        if where is None:
            where = self._places[passages] = {}
            for index, passage in enumerate(passages):
                for word in self.words(passage):
                    where.setdefault(word, []).append(index)
        return where

    def _telling_stem(self, word: str) -> str:
        """The word's stem, or "" for a word too common to tell anything."""
        stem = self._stems.get(word)
        if stem is None:
            stem = self._stems[word] = _stem(word) if self._zipf(word) < _COMMON_ZIPF else ""
        return stem

    def _weights(self, text: str) -> tuple[dict[str, float], float]:
        weighed = self._weighed.get(text)
        if weighed is None:
            weights = {word: math.log((1 + self._count) / (1 + self._frequency[word])) + 0.1 for word in self.words(text)}
            weighed = self._weighed[text] = (weights, sum(weights.values()))
        return weighed


def _words(text: str) -> set[str]:
    """The words (three letters or more) and years in `text`, in lower case."""
    return {word.lower() for word in find_words(_WORD, text) if len(word) >= 3}


@lru_cache(maxsize=100_000)
def _stem(word: str) -> str:
    """The word without a plural, past or -ing ending, if enough of it is left to mean something."""
    stem = _ENDING.sub("", word)
    return stem if len(stem) >= 3 else word
