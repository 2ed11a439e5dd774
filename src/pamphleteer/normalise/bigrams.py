"""How strongly two words attract each other in general English, from wordsegment's web word-pair counts."""

from __future__ import annotations

import math
from functools import lru_cache

# wordsegment lists only word pairs seen at least this often; a rarer pair is missing.
_LISTED_FROM = 100_000
# Evidence is capped: a word pair hints at a join, it does not prove one.
_CAP = 2.0


@lru_cache(maxsize=1)
def _counts() -> tuple[dict[str, float], dict[str, float], float]:
    from wordsegment import Segmenter

    unigrams = _read_counts(Segmenter.UNIGRAMS_FILENAME)
    return unigrams, _read_counts(Segmenter.BIGRAMS_FILENAME), sum(unigrams.values())


def _read_counts(path: str) -> dict[str, float]:
    """wordsegment's tab-separated counts (`word<TAB>count` a line), as its own `load` reads them.

    Read whole and split once: twice as fast as `load`, which also reads a word list never used here.
    """
    with open(path, encoding="utf-8") as file:
        fields = file.read().replace("\t", "\n").split("\n")
    if fields[-1] == "":
        fields.pop()
    return dict(zip(fields[::2], map(float, fields[1::2]), strict=True))


def attraction(first: str, second: str, language: str = "en") -> float:
    """Pointwise mutual information (log10) of `first` followed by `second`, capped at ±2; 0 when unknown.

    Positive: the words stand together more often than chance ("not so much");
    negative: less often ("so are", or two very common words never listed together).

    >>> attraction("so", "much") > 1.5, attraction("so", "are") < 0, attraction("the", "and") < -2 + 1e-9
    (True, True, True)
    >>> attraction("inspectors", "had"), attraction("so", "much", "de")
    (0.0, 0.0)
    """
    if language != "en":
        return 0.0
    unigrams, pairs, total = _counts()
    a, b = first.lower(), second.lower()
    if a not in unigrams or b not in unigrams:
        return 0.0
    chance = unigrams[a] * unigrams[b] / total
    seen = pairs.get(f"{a} {b}")
    if seen is None:  # below the listing threshold: only an upper bound, telling when chance is high
        return max(-_CAP, min(0.0, math.log10(_LISTED_FROM / chance)))
    return max(-_CAP, min(_CAP, math.log10(seen / chance)))


def apart_ratio(first: str, second: str) -> float:
    """How many times more often the web writes two words apart than closed up as one (0 when unknown).

    >>> apart_ratio("at", "least") > 50, apart_ratio("can", "not") > 50, apart_ratio("work", "place") < 1
    (True, True, True)
    """
    unigrams, pairs, _ = _counts()
    apart = pairs.get(f"{first.lower()} {second.lower()}", 0.0)
    closed = unigrams.get(f"{first}{second}".lower(), 0.0)
    return apart / closed if closed else (float("inf") if apart else 0.0)


def apart_ratios(word: str) -> list[float]:
    """`apart_ratio` of every cut of `word` (in lower case) into two, in order; the closed form is looked up once.

    >>> apart_ratios("atleast") == [apart_ratio(first, second) for first, second in [("a", "tleast"), ("at", "least"),
    ...     ("atl", "east"), ("atle", "ast"), ("atlea", "st"), ("atleas", "t")]]
    True
    """
    unigrams, pairs, _ = _counts()
    closed = unigrams.get(word, 0.0)
    aparts = (pairs.get(f"{word[:cut]} {word[cut:]}", 0.0) for cut in range(1, len(word)))
    return [apart / closed if closed else (float("inf") if apart else 0.0) for apart in aparts]
