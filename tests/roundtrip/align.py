"""Words and how two texts line up: tokens, exact edit distance, index maps and order anchors."""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Sequence
from difflib import SequenceMatcher

from .document import MARKER

_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_NOT_WORD = re.compile(r"[\W_]+")
# Consecutive words that tie a stretch of clean text to one place in the output.
ANCHOR_WORDS = 4


def plain(text: str) -> str:
    """Inline text as a reader sees it: no note markers, emphasis marks or link targets.

    >>> plain("See *[the list](http://x.org)*.[^2]")
    'See the list.'
    """
    return _LINK.sub(r"\1", MARKER.sub("", text)).replace("*", "")


def words(text: str) -> list[str]:
    """The words of inline text, punctuation and case kept (what word error rate counts)."""
    return plain(text).split()


def norm(word: str) -> str:
    """A word reduced to lower-case letters and digits, for lining texts up.

    >>> norm("“Self-Management,”"), norm("—")
    ('selfmanagement', '')
    """
    return _NOT_WORD.sub("", word).lower()


def edit_distance(first: Sequence[str], second: Sequence[str]) -> int:
    """Levenshtein distance between two word sequences (bit-parallel, after Myers and Hyyrö).

    Each word of `first` is a bit; one pass over `second` keeps the vertical
    differences of the dynamic-programming table as two bit vectors, so long
    texts cost a few big-integer operations per word.

    >>> edit_distance("the men left".split(), "the women left early".split())
    2
    """
    if not first:
        return len(second)
    mask, high = (1 << len(first)) - 1, 1 << (len(first) - 1)
    equal: dict[str, int] = {}
    for index, word in enumerate(first):
        equal[word] = equal.get(word, 0) | 1 << index
    plus, minus, score = mask, 0, len(first)
    for word in second:
        eq = equal.get(word, 0)
        across = eq | minus
        down = ((((eq & plus) + plus) & mask) ^ plus) | eq
        up_h, down_h = minus | (~(down | plus) & mask), plus & down
        score += 1 if up_h & high else -1 if down_h & high else 0
        up_h, down_h = (up_h << 1 | 1) & mask, (down_h << 1) & mask
        plus, minus = down_h | (~(across | up_h) & mask), up_h & across
    return score


def index_map(clean: Sequence[str], output: Sequence[str]) -> list[int]:
    """For each output word, the clean word it stands for (or would stand before) in a monotone alignment.

    >>> index_map("a b c d".split(), "a x c d".split())
    [0, 1, 2, 3]
    """
    mapping: list[int] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, clean, output, autojunk=False).get_opcodes():
        for offset in range(j2 - j1):
            mapping.append(i1 + offset if tag == "equal" else i1 + min(offset, max(i2 - i1 - 1, 0)))
    return mapping


def anchor_positions(clean: Sequence[str], owners: Sequence[int], output: Sequence[str]) -> dict[int, float]:
    """Where each clean block lies in the output: the median output index of its anchors.

    An anchor is a run of ANCHOR_WORDS words inside one clean block, found
    exactly once in the clean text and once in the output. Pages moved as a
    whole keep their anchors, so this survives reordering.

    >>> anchor_positions("a b c d e f g h i".split(), [0, 0, 0, 0, 0, 1, 1, 1, 1], "f g h i x a b c d e".split())
    {0: 5.5, 1: 0.0}
    """
    grams_clean = _grams(clean)
    grams_output = _grams(output)
    once_clean = {gram for gram, count in Counter(grams_clean).items() if count == 1}
    where = Counter(grams_output)
    at = {gram: index for index, gram in enumerate(grams_output) if where[gram] == 1}
    found: dict[int, list[int]] = {}
    for index, gram in enumerate(grams_clean):
        inside = owners[index] == owners[index + ANCHOR_WORDS - 1]
        if inside and gram in once_clean and gram in at:
            found.setdefault(owners[index], []).append(at[gram])
    return {owner: float(statistics.median(spots)) for owner, spots in found.items()}


def _grams(sequence: Sequence[str]) -> list[tuple[str, ...]]:
    return [tuple(sequence[i : i + ANCHOR_WORDS]) for i in range(len(sequence) - ANCHOR_WORDS + 1)]


def similar(first: str, second: str, at_least: float = 0.9) -> bool:
    """Two passages say the same, letters compared, spacing and punctuation ignored.

    >>> similar("“We took the yards.” [A, p. 2]", '"We took the yards." [A, p. 2]'), similar("We took", "They left")
    (True, False)
    """
    a = " ".join(filter(None, map(norm, plain(first).split())))
    b = " ".join(filter(None, map(norm, plain(second).split())))
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    return matcher.quick_ratio() >= at_least and matcher.ratio() >= at_least
