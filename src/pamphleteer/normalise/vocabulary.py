"""Word knowledge for repairs: the document's own words first, then a frequency list."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import cached_property, lru_cache

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# Phrases are counted within clauses: punctuation breaks them, and an apostrophe that joins no letters.
# "Not after a letter" is looked for behind the apostrophe, so that every alternative starts with a
# character and the regex engine skips straight to those characters.
CLAUSE_BREAK = re.compile(r"[.,;:!?()\[\]\"“”‘—–]|['’](?:(?<!\w['’])|(?!\w))")
# Patterns start with a character, not by looking behind: those are tried at every character.
_SENTENCE_START = re.compile(r"[.!?][\"”’)]*[ \t]+([A-Z][^\W\d_]*)")
# A word standing mid-sentence: after a lower-case word or a comma, then a space.
_MID_SENTENCE = re.compile(r" (?<=[a-z,;] )([^\W\d_]+)")
# A hyphenated word. `\b` lets a match start only at a word's first character: without it the
# scanner retried the rest of every word, letter by letter, for the same (failed) answer.
_HYPHENATED = re.compile(r"\b\w+(?:-\w+)+")
# A word, or (as "", matching no group) a line break or a clause break, which phrases do not run over.
_PHRASE_TOKEN = re.compile(rf"({WORD.pattern})|\n|{CLAUSE_BREAK.pattern}")
_BREAK = "\n"  # stands for every break in the phrase tokens: no word holds it

# A document's first phrases asked about are searched for in its joined words, one search in C
# each; past this many, indexing where each word stands costs less.
_PHRASES_SEARCHED = 48

# Zipf frequency (log10 per billion words) above which wordfreq's word is
# taken as a real word: 1.0 admits rare but genuine words ("agronomist")
# and excludes most extraction fragments ("technol", "ogy").
REAL_WORD_ZIPF = 1.0
# A capitalised word this rare (Zipf), never in lower case, is taken for a name.
_RARE_WORD_ZIPF = 3.5
# Words this common (Zipf) open sentences, whatever the document does.
_OPENER_ZIPF = 5.5


def find_words(pattern: re.Pattern[str], text: str) -> list[str]:
    """`pattern.findall(text)`, for a pattern that takes any run of letters standing alone whole and
    whose matches hold no space.

    Most runs of non-spaces are one word, all letters: they are taken as they stand and only the
    others are scanned, which halves the time. A run ends at a space, which no match holds, so
    each is scanned as in the text.

    >>> find_words(WORD, "Workers’ councils (1917), they said")
    ['Workers', 'councils', 'they', 'said']
    """
    found: list[str] = []
    for run in text.split():
        if run.isalpha():
            found.append(run)
        else:
            found += pattern.findall(run)
    return found


@lru_cache(maxsize=200_000)
def _zipf(word: str, language: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, language)


class Vocabulary:
    """Counts of the words a document uses, plus general word frequencies.

    Args:
        text: The document's text; its words count as evidence.
        language: Language code for the frequency list.

    >>> v = Vocabulary("self-management and selfish technology")
    >>> v.count("technology"), v.count("selfmanagement")
    (1, 0)
    >>> v.is_word("technology"), v.is_word("compatibil")
    (True, False)
    """

    def __init__(self, text: str = "", language: str = "en") -> None:
        self.language = language
        self._text = text
        # Zipf values looked up again and again for one document: a plain dict is several
        # times cheaper than the shared lru_cache (which also lower-cases and hashes the language).
        self._zipf: dict[str, float] = {}
        # Words asked about being written apart, and those that are (see `weigh_apart`).
        self._apart_asked: set[str] = set()
        self._apart: set[str] = set()
        self._phrases_asked = 0

    # Each table is counted when a pass first asks for it: the html pipeline never
    # asks for phrases or hyphenated forms, and one document's passes share one set.
    @cached_property
    def _tokens(self) -> list[str]:
        """The words (as written) and, as "", the breaks that phrases do not run over.

        >>> Vocabulary("Workers’ councils, in 1917:\\n'tis so")._tokens
        ['Workers', '', 'councils', '', 'in', '', '', '', 'tis', 'so']
        """
        tokens: list[str] = []
        for line in self._text.split("\n"):
            tokens += find_words(_PHRASE_TOKEN, line)
            tokens.append("")  # the line break
        tokens.pop()
        return tokens

    @cached_property
    def _words(self) -> list[str]:
        return list(filter(None, self._tokens))

    @cached_property
    def counts(self) -> Counter[str]:
        return Counter(map(str.lower, self._words))

    @cached_property
    def hyphenated(self) -> Counter[str]:
        # A hyphenated word lies within one run of non-spaces, and few runs hold a hyphen: only
        # those are scanned (spaces stand between them, as in the text).
        runs = " ".join(run for run in self._text.split() if "-" in run)
        return Counter(map(str.lower, _HYPHENATED.findall(runs)))

    @cached_property
    def mid_sentence(self) -> Counter[str]:
        return Counter(_MID_SENTENCE.findall(self._text))

    @cached_property
    def cased(self) -> Counter[str]:
        return Counter(self._words)

    @cached_property
    def sentence_starts(self) -> Counter[str]:
        return Counter(_SENTENCE_START.findall(self._text))

    @cached_property
    def _phrase_tokens(self) -> list[str]:
        """The words in lower case, each break as a character no word holds."""
        return [token or _BREAK for token in map(str.lower, self._tokens)]

    @cached_property
    def _phrase_text(self) -> str:
        # The phrase tokens, a space either side of each: a phrase is found as " w1 w2 " in it.
        return f" {' '.join(self._phrase_tokens)} "

    @cached_property
    def _positions(self) -> dict[str, list[int]]:
        # Where each word stands: a phrase is counted from the places of its rarest word. This index
        # costs a fraction of counting every two and three words.
        positions: dict[str, list[int]] = {}
        for index, token in enumerate(self._phrase_tokens):
            positions.setdefault(token, []).append(index)
        return positions

    def count(self, word: str) -> int:
        """How often the document itself uses `word` (case-insensitive)."""
        return self.counts.get(word.lower(), 0)

    def hyphenated_count(self, word: str) -> int:
        """How often the document writes `word` with its hyphen(s) mid-line."""
        return self.hyphenated.get(word.lower(), 0)

    def phrase_count(self, *words: str) -> int:
        """How often the document writes two or three words in a row within one line.

        Phrases split over lines are not counted: a line break may be a page seam in question.

        >>> v = Vocabulary("the tenants union movement\\nthe tenants\\nunion")
        >>> v.phrase_count("tenants", "union"), v.phrase_count("the", "tenants", "union")
        (1, 1)
        >>> Vocabulary("so the the the end, the. The end").phrase_count("the", "the"), v.phrase_count("the", "")
        (2, 0)
        """
        wanted = [word.lower() for word in words]
        if len(wanted) not in (2, 3) or " ".join(wanted).split() != wanted:
            return 0  # an empty "word", or one holding a space or a break, is no word of the text
        self._phrases_asked += 1
        if self._phrases_asked <= _PHRASES_SEARCHED:
            return self._searched_phrase_count(wanted)
        places = [self._positions.get(word, ()) for word in wanted]
        rarest = min(range(len(wanted)), key=lambda index: len(places[index]))
        tokens = self._phrase_tokens
        starts = (place - rarest for place in places[rarest] if place >= rarest)
        return sum(tokens[start:start + len(wanted)] == wanted for start in starts)

    def _searched_phrase_count(self, wanted: list[str]) -> int:
        text, phrase = self._phrase_text, f" {' '.join(wanted)} "
        count, at = 0, text.find(phrase)
        while at >= 0:  # each place counts, overlapping ones too ("the the" in "the the the")
            count, at = count + 1, text.find(phrase, at + 1)
        return count

    def writes_apart(self, word: str) -> bool:
        """True if some two or three words the document writes in a row make `word` closed up.

        A word not weighed already (see `weigh_apart`) costs a pass over the text.

        >>> v = Vocabulary("in which the river")
        >>> v.writes_apart("inwhich"), v.writes_apart("river")
        (True, False)
        """
        word = word.lower()
        if word not in self._apart_asked:
            self.weigh_apart([word])
        return word in self._apart

    def weigh_apart(self, words: Iterable[str]) -> None:
        """Find out at once which of `words` the document writes apart, for `writes_apart` to answer.

        One pass over the text answers for many words: joining every two and
        three words of a long text cost more than looking, at each word,
        whether it begins one of the words asked about.

        >>> v = Vocabulary("a tenants union, in which the river")
        >>> v.weigh_apart(["tenantsunion", "inwhich", "unionin", "river"])
        >>> [v.writes_apart(word) for word in ["tenantsunion", "inwhich", "unionin", "river"]]
        [True, True, False, False]
        """
        wanted = {word.lower() for word in words} - self._apart_asked
        if not wanted:
            return
        starts = {word[:cut] for word in wanted for cut in range(1, len(word))}
        tokens = self._phrase_tokens
        last = len(tokens) - 1
        for index, token in enumerate(tokens):
            if token in starts and index < last:
                pair = token + tokens[index + 1]
                if pair in wanted:
                    self._apart.add(pair)
                if pair in starts and index + 1 < last and pair + tokens[index + 2] in wanted:
                    self._apart.add(pair + tokens[index + 2])
        self._apart_asked |= wanted

    def zipf(self, word: str) -> float:
        """General frequency of `word` on the Zipf scale (0 = unknown)."""
        found = self._zipf.get(word)
        if found is None:
            found = self._zipf[word] = _zipf(word.lower(), self.language)
        return found

    def is_word(self, word: str) -> bool:
        """True if `word` is a known word of the language or of the document."""
        return self.count(word) > 0 or self.zipf(word) >= REAL_WORD_ZIPF

    def is_name(self, word: str) -> bool:
        """True if `word`, capitalised, is a name: the document capitalises it mid-sentence
        more often than it writes it in lower case, or it is a rare word never in lower case.

        >>> v = Vocabulary("as Moreau said, during the war and in Velmark. During the war the")
        >>> v.is_name("Moreau"), v.is_name("Velmark"), v.is_name("During"), v.is_name("The")
        (True, True, False, False)
        """
        capitalised = word[:1].upper() + word[1:]
        lower = self.cased.get(word.lower(), 0)
        if self.mid_sentence.get(capitalised, 0) > lower:
            return True
        return lower == 0 and self.zipf(word) < _RARE_WORD_ZIPF

    def opens_sentences(self, word: str) -> bool:
        """True if `word` is an everyday sentence opener, or one the document only uses to open sentences.

        >>> v = Vocabulary("Meanwhile, they left. Meanwhile the rest stayed.")
        >>> v.opens_sentences("Meanwhile"), v.opens_sentences("Germany"), v.opens_sentences("The")
        (True, False, True)
        """
        capitalised = word[:1].upper() + word[1:]
        if self.zipf(word) >= _OPENER_ZIPF:
            return True
        return self.sentence_starts.get(capitalised, 0) >= 1 and not self.mid_sentence.get(capitalised, 0)
