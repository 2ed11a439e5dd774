"""Word knowledge for repairs: the document's own words first, then a frequency list."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")

# Zipf frequency (log10 per billion words) above which wordfreq's word is
# taken as a real word: 1.0 admits rare but genuine words ("agronomist")
# and excludes most extraction fragments ("technol", "ogy").
REAL_WORD_ZIPF = 1.0


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
        self.counts = Counter(word.lower() for word in WORD.findall(text))
        self.hyphenated = Counter(
            word.lower() for word in re.findall(r"\w+(?:-\w+)+", text)
        )

    def count(self, word: str) -> int:
        """How often the document itself uses `word` (case-insensitive)."""
        return self.counts.get(word.lower(), 0)

    def hyphenated_count(self, word: str) -> int:
        """How often the document writes `word` with its hyphen(s) mid-line."""
        return self.hyphenated.get(word.lower(), 0)

    def zipf(self, word: str) -> float:
        """General frequency of `word` on the Zipf scale (0 = unknown)."""
        return _zipf(word.lower(), self.language)

    def is_word(self, word: str) -> bool:
        """True if `word` is a known word of the language or of the document."""
        return self.count(word) > 0 or self.zipf(word) >= REAL_WORD_ZIPF
