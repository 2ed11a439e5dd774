"""Decide where displaced material belongs: each title at a section break, each quotation in its slot."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .appendix import Moved, Title
from .draft import Block
from .paragraphs import LIST_MARK, OPENS_QUOTE

_WORD = re.compile(r"[^\W\d_]{3,}")
# Words this common (Zipf) say nothing about where a passage belongs.
_COMMON_ZIPF = 5.5
# Scores of the title placement (a small maximum-weight alignment).
_BREAK = 10.0  # a title at a section break
_PLACE = 4.0  # cost of a title anywhere: a weak match is left out and reported
_LEXICAL = 6.0  # title words found at the start of the section
_UNPLACED_QUOTES = 50.0  # a title whose quotations then have no home
# Scores of a quotation group in a slot, by slot kind and whether the group is left open.
_SLOT_SCORES = {("empty", False): 10.0, ("empty", True): 8.0, ("continued", True): 12.0,
                ("continued", False): -2.0, ("list", False): 2.0, ("list", True): 1.0,
                ("plain", False): -6.0, ("plain", True): -7.0}
_STACKED = -12.0  # a second quotation in the same slot
_JOINED = 1.0  # an open paragraph continued by the next, as typesetters mark quotations
_QUOTE_LEXICAL = 3.0


class Lexicon:
    """Rare-word overlap between passages, weighted by how few paragraphs use each word."""

    def __init__(self, texts: Sequence[str], zipf: Callable[[str], float]) -> None:
        self._zipf = zipf
        self._frequency: Counter[str] = Counter()
        for text in texts:
            self._frequency.update(self.words(text))
        self._count = max(1, len(texts))

    def words(self, text: str) -> set[str]:
        words = {word.lower() for word in _WORD.findall(text)}
        return {word.removesuffix("s") for word in words if self._zipf(word) < _COMMON_ZIPF}

    def similarity(self, text: str, context: str) -> float:
        """Share of `text`'s rare-word weight that `context` also has (0 to 1)."""
        words, found = self.words(text), self.words(context)
        weights = {word: math.log((1 + self._count) / (1 + self._frequency[word])) + 0.1 for word in words}
        total = sum(weights.values())
        return sum(weights[word] for word in words & found) / total if total else 0.0


def section_breaks(body: Sequence[Block]) -> set[int]:
    """Blocks preceded by more blank lines than paragraphs usually are: where a heading was cut out."""
    gaps = [body[i].line - body[i - 1].lines[-1] - 1 for i in range(1, len(body))]
    if not gaps:
        return set()
    usual = Counter(gaps).most_common(1)[0][0]
    return {i for i, gap in enumerate(gaps, start=1) if gap > usual}


def place_titles(titles: Sequence[Title], body: Sequence[Block], lexicon: Lexicon) -> dict[int, int]:
    """Title index -> body position (a heading goes before that block); titles left out have no body.

    Titles keep their order; each goes to a section break where there are
    breaks enough, otherwise to the paragraph its words match best.
    Titles with quotations must be placed, others only where the evidence
    is good.
    """
    breaks = section_breaks(body)
    quoted = sum(1 for title in titles if title.quotes)
    candidates = sorted({0, *breaks}) if len(breaks) >= quoted else list(range(len(body)))
    bonus = {p: _BREAK for p in breaks}
    if len(titles) == len(breaks) + 1:
        bonus[0] = _BREAK  # one section more than breaks: the text opens with the first section
    scores = [[bonus.get(p, 0.0) - _PLACE + _LEXICAL * _opening_match(title, body, p, lexicon)
               for p in candidates] for title in titles]
    return _align(titles, candidates, scores)


def _opening_match(title: Title, body: Sequence[Block], position: int, lexicon: Lexicon) -> float:
    opening = " ".join(block.text for block in body[position: position + 2])
    return lexicon.similarity(title.text.split(" ", 1)[-1], opening)


def _align(titles: Sequence[Title], candidates: list[int], scores: list[list[float]]) -> dict[int, int]:
    """Best increasing assignment of titles to candidates; a title may stay unplaced."""
    # best[c + 1]: best total with the last placed title at candidates[c] (best[0]: none placed yet)
    best = [0.0] + [-math.inf] * len(candidates)
    trace: list[list[tuple[bool, int]]] = []
    for index, title in enumerate(titles):
        skip = -_UNPLACED_QUOTES if title.quotes else 0.0
        row, new = [], []
        running, origin = -math.inf, 0
        for c in range(len(candidates) + 1):
            stay = best[c] + skip
            place = running + scores[index][c - 1] if c else -math.inf
            new.append(max(stay, place))
            row.append((place > stay, origin))
            if best[c] > running:
                running, origin = best[c], c
        best = new
        trace.append(row)
    return _trace_back(trace, candidates, max(range(len(best)), key=best.__getitem__))


def _trace_back(trace: list[list[tuple[bool, int]]], candidates: list[int], state: int) -> dict[int, int]:
    placed = {}
    for index in range(len(trace) - 1, -1, -1):
        took, origin = trace[index][state]
        if took:
            placed[index] = candidates[state - 1]
            state = origin
    return placed


@dataclass(frozen=True)
class Seat:
    """A quotation (its paragraphs) to go after body block `after`; `kind` says how sure that is."""

    after: int
    paragraphs: tuple[Moved, ...]
    kind: str


def slot_kind(block: Block, following: Block | None) -> str:
    """How a place after `block` suits a quotation cut from the text.

    After a colon the quotation it introduces is missing ("empty"), or
    only its first paragraph is ("continued": the rest is still there,
    opening with a quote mark); a colon before a list introduces the list.
    """
    if not block.text.rstrip().endswith(":"):
        return "plain"
    if following is None:
        return "empty"
    if OPENS_QUOTE.match(following.text):
        return "continued"
    return "list" if LIST_MARK.match(following.text) else "empty"


def seat_quotes(quotes: Sequence[Moved], body: Sequence[Block], start: int, end: int, lexicon: Lexicon) -> list[Seat]:
    """Seat a section's quotations, in order, into the slots of body[start:end].

    Consecutive paragraphs may form one quotation when the first is left
    open; which reading wins is decided by the slots the text offers.
    """
    slots = [(i, slot_kind(body[i], body[i + 1] if i + 1 < len(body) else None)) for i in range(start, max(start, end))]
    if not slots or not quotes:
        return []
    contexts = [f"{body[i].text} {body[i + 1].text if i + 1 < len(body) else ''}" for i, _ in slots]
    fit = [[_QUOTE_LEXICAL * lexicon.similarity(quote.text, context) for context in contexts] for quote in quotes]
    return _best_seating(quotes, slots, fit)


def _group_score(kind: str, paragraph: Moved) -> float:
    return _SLOT_SCORES[(kind, paragraph.open)]


def _best_seating(quotes: Sequence[Moved], slots: list[tuple[int, str]], fit: list[list[float]]) -> list[Seat]:
    """Dynamic programme over paragraphs: join the previous quotation or start one in a later slot."""
    size = len(slots)
    best = [fit[0][s] for s in range(size)]
    trace: list[list[tuple[int, bool]]] = [[(s, False) for s in range(size)]]
    for index in range(1, len(quotes)):
        previous = quotes[index - 1]
        closed = [best[s] + _group_score(slots[s][1], previous) for s in range(size)]
        row, new = [], []
        for s in range(size):
            options = [(closed[s] + _STACKED, s, False)]
            options += [(closed[t], t, False) for t in range(s)]
            if previous.open and OPENS_QUOTE.match(quotes[index].texts[0]):
                options.append((best[s] + _JOINED - fit[index][s], s, True))
            score, origin, joined = max(options, key=lambda option: option[0])
            new.append(score + fit[index][s])
            row.append((origin, joined))
        best, trace = new, [*trace, row]
    final = [best[s] + _group_score(slots[s][1], quotes[-1]) for s in range(size)]
    return _seats(quotes, slots, trace, max(range(size), key=final.__getitem__))


def _seats(quotes: Sequence[Moved], slots: list[tuple[int, str]], trace: list[list[tuple[int, bool]]], slot: int) -> list[Seat]:
    groups: list[tuple[int, list[Moved]]] = []
    joined = False
    for index in range(len(quotes) - 1, -1, -1):
        if joined:
            groups[-1][1].insert(0, quotes[index])
        else:
            groups.append((slot, [quotes[index]]))
        slot, joined = trace[index][slot] if index else (slot, False)
    return [Seat(slots[s][0], tuple(paragraphs), slots[s][1]) for s, paragraphs in reversed(groups)]
