"""Place displaced section titles: at section breaks where the text shows them, else by words and quote slots."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from .appendix import Title
from .draft import Block
from .lexicon import Lexicon
from .paragraphs import LIST_MARK
from .seating import slot_kind
from .structure import is_whole_quotation

# Scores of a placement (a small maximum-weight alignment of titles to positions).
_BREAK = 10.0  # a title at a section break
_OPENING = 5.0  # a title opening the text, which its words open: weaker evidence than a break
_PLACE = 4.0  # cost of any title: a weak match is left out and reported
_UNEVEN = 3.0  # a section much longer or shorter than the text's average, where nothing else tells
_LEXICAL = 8.0  # title words found at the start of the section
_UNPLACED_QUOTES = 50.0  # a title left out although its quotations need a home
_MISSING_SLOT = 3.0  # a quotation of the section with no colon left to follow
_IDLE_SLOT = 2.0  # a colon in the section with no quotation for it
_SECOND_PARAGRAPH = 0.5
# A title this much of whose words open one paragraph, and this much less any other, has its section in the text.
EVIDENT = 0.6
_DISTINCT = 0.3  # a section echoes its title in its first paragraph, less often in its second


def section_breaks(body: Sequence[Block]) -> set[int]:
    """Blocks preceded by more blank lines than paragraphs usually are: where a heading was cut out."""
    gaps = [body[i].line - body[i - 1].lines[-1] - 1 for i in range(1, len(body))]
    if not gaps:
        return set()
    counts = Counter(gaps)
    usual = min(counts, key=lambda gap: (-counts[gap], gap))  # as common, the smaller: a break adds lines
    return {i for i, gap in enumerate(gaps, start=1) if gap > usual}


def torn_from(titles: Sequence[Title], body: Sequence[Block], lexicon: Lexicon) -> bool:
    """A numbered list ending the text names sections torn from it, not a list of the text's own.

    Its titles carry quotations, or the text shows a break for each, or
    most titles' words open one paragraph each.
    """
    if any(title.quotes for title in titles) or len(section_breaks(body)) >= len(titles) - 1:
        return True
    positions = list(range(len(body)))
    evident = sum(_distinct(positions, opening_matches(title, body, lexicon)) is not None for title in titles)
    return evident * 2 > len(titles)


@dataclass(frozen=True)
class _Slots:
    """Running counts of colon slots before each body position."""

    empty: list[int]
    continued: list[int]
    wanted: dict[int, tuple[int, int, int]] = field(default_factory=dict, compare=False)

    @classmethod
    def of(cls, body: Sequence[Block]) -> _Slots:
        empty, continued = [0], [0]
        for index in range(len(body)):
            kind = slot_kind(body, index)
            empty.append(empty[-1] + (kind == "empty"))
            continued.append(continued[-1] + (kind == "continued"))
        return cls(empty, continued)

    def fit(self, title: Title | None, start: int, end: int) -> float:
        """How well the colons in body[start:end] match a title's quotations (0 at best).

        Each quotation wants a colon; one whose first paragraph alone was
        moved (left open) wants the colon before the rest of it; a colon
        with nothing for it belongs to another section.
        """
        empty = self.empty[end] - self.empty[start]
        continued = self.continued[end] - self.continued[start]
        quotes, fewest, opened = self._wants(title)
        missing = max(0, fewest - empty - continued)
        idle = max(0, empty - quotes) + max(0, continued - opened)
        return -_MISSING_SLOT * missing - _IDLE_SLOT * idle

    def _wants(self, title: Title | None) -> tuple[int, int, int]:
        """A title's quotations, the fewest colons they need, and how many are left open."""
        if title is None:
            return 0, 0, 0
        wants = self.wanted.get(id(title))  # asked for every span the alignment weighs
        if wants is None:
            quotes, opens = title.quotes, [quote.open for quote in title.quotes]
            fewest = sum(1 for i in range(len(quotes)) if i == 0 or not opens[i - 1])
            wants = self.wanted[id(title)] = (len(quotes), fewest, sum(opens))
        return wants


def place_titles(titles: Sequence[Title], body: Sequence[Block], lexicon: Lexicon) -> dict[int, int]:
    """Title index -> body position (a heading goes before that block); titles left out have no body.

    Titles keep their order. Where the text has section breaks enough,
    titles go to breaks; otherwise to the paragraph their words match,
    with as many colons in the section as it has quotations.
    """
    breaks = section_breaks(body)
    if len(breaks) >= max(1, sum(1 for title in titles if title.quotes)):
        return _at_breaks(titles, body, breaks, lexicon)
    return _unmarked(titles, body, lexicon)


def _at_breaks(titles: Sequence[Title], body: Sequence[Block], breaks: set[int], lexicon: Lexicon) -> dict[int, int]:
    """Titles at the section breaks the text shows; a title with no break to go to has no body here."""
    candidates = sorted({0, *breaks})
    positions = list(range(len(body)))
    matches = [opening_matches(title, body, lexicon) for title in titles]
    where = [_distinct(positions, row) for row in matches]
    # Where sections open with their titles' words, a title whose words do not open the text is
    # no title of its opening: an excerpt's list names sections before it.
    topical = _topical(matches)
    scores = []
    for title, row, place in zip(titles, matches, where):
        one_more = len(titles) == len(breaks) + 1 and (bool(title.quotes) or not topical)
        opening = _BREAK if one_more else _OPENING if place == 0 else -math.inf
        scores.append([(_BREAK if p in breaks else opening) - _PLACE + _LEXICAL * row[p] for p in candidates])
    # A text holds a run of the listed sections: one left out between two placed costs something.
    skips = [-_UNPLACED_QUOTES if title.quotes else -_BREAK for title in titles]
    ends = [-_UNPLACED_QUOTES if title.quotes else 0.0 for title in titles]
    return _Alignment(titles, candidates, scores, skips, _Slots.of(body).fit, len(body), ends).solve()


def _unmarked(titles: Sequence[Title], body: Sequence[Block], lexicon: Lexicon) -> dict[int, int]:
    """No breaks show where headings were cut: titles are placed by their words, their quotations' colons
    and, failing all else, sections of even length.

    Every title between two placed ones is placed. Where sections open with
    their titles' words, one at either end of the list with no quotations is
    placed only where its words open one section and no other: an excerpt's
    list names sections it lacks, and their words recur in it. Elsewhere
    words say nothing, and all titles are placed as evenly as may be.
    """
    # A section does not open with a quotation or the rest of one, nor inside a list.
    candidates = [p for p in range(len(body)) if not p or _may_open_section(body[p - 1], body[p])]
    matches = [[row[p] for p in candidates] for row in (opening_matches(title, body, lexicon) for title in titles)]
    quoted = [t for t, title in enumerate(titles) if title.quotes]
    inside = range(quoted[0], quoted[-1] + 1) if quoted and _topical(matches) else range(len(titles))
    sections = sum(1 for t, row in enumerate(matches) if t in inside or max(row, default=0.0) >= EVIDENT)
    slots, mean = _Slots.of(body), len(body) / (sections + 1)

    def span(title: Title | None, start: int, end: int) -> float:
        return slots.fit(title, start, end) - _UNEVEN * abs(end - start - mean) / mean

    where = [_distinct(candidates, row) if t not in inside else None for t, row in enumerate(matches)]
    scores = [[_LEXICAL * match - _PLACE - (0.0 if t in inside or p == where[t] else _LEXICAL)
               for p, match in zip(candidates, row)] for t, row in enumerate(matches)]
    ends = [-_UNPLACED_QUOTES if t in inside else 0.0 for t in range(len(titles))]
    return _Alignment(titles, candidates, scores, [-_UNPLACED_QUOTES] * len(titles), span, len(body), ends).solve()


def _topical(matches: list[list[float]]) -> bool:
    """Most titles' words open some paragraph: the text's sections open on their titles' subjects."""
    return sum(max(row, default=0.0) >= EVIDENT for row in matches) * 2 > len(matches)


def _distinct(candidates: list[int], row: list[float]) -> int | None:
    """The paragraph a title's words open, if no other (but the one before it, echoing it) comes close."""
    if not row:
        return None
    best = max(range(len(row)), key=row.__getitem__)
    others = [match for position, match in zip(candidates, row) if position not in (candidates[best], candidates[best] - 1)]
    distinct = row[best] >= EVIDENT and row[best] - max(others, default=0.0) >= _DISTINCT
    return candidates[best] if distinct else None


def opening_matches(title: Title, body: Sequence[Block], lexicon: Lexicon) -> list[float]:
    """At each position of the body, how much of the title the section opening there takes up.

    Its first paragraph counts fully, its second less.
    """
    alone = lexicon.similarities(title.text.split(" ", 1)[-1], tuple(block.text for block in body))
    return [max(match, _SECOND_PARAGRAPH * (alone[p + 1] if p + 1 < len(alone) else 0.0))
            for p, match in enumerate(alone)]


def _may_open_section(before: Block, block: Block) -> bool:
    return not is_whole_quotation(block.text) and not (LIST_MARK.match(before.text) and LIST_MARK.match(block.text))


class _Alignment:
    """Best increasing assignment of titles to candidate positions, each section scored on its colons."""

    def __init__(self, titles: Sequence[Title], candidates: list[int], scores: list[list[float]],
                 skips: list[float], span: Callable[[Title | None, int, int], float], end: int,
                 end_skips: list[float] | None = None) -> None:
        self.titles, self.candidates, self.scores, self.span, self.end = titles, candidates, scores, span, end
        self.skipped, self.end_skipped = _running(skips), _running(skips if end_skips is None else end_skips)

    def _skip(self, first: int, last: int) -> float:
        """Cost of leaving out titles first..last-1, between two placed ones or, if first is 0 or last
        the end of the list, before the first or after the last placed title."""
        running = self.end_skipped if first == 0 or last == len(self.titles) else self.skipped
        return running[max(first, last)] - running[first]

    def solve(self) -> dict[int, int]:
        count, size = len(self.titles), len(self.candidates)
        placed = [[-math.inf] * size for _ in range(count)]
        origin: list[list[tuple[int, int] | None]] = [[None] * size for _ in range(count)]
        closing = [[(-math.inf, 0)] * size for _ in range(count)]
        for t in range(count):
            for c in range(size):
                best = (self._skip(0, t) + self.span(None, 0, self.candidates[c]), None)
                for earlier in range(t):
                    score, start = closing[earlier][c]
                    best = max(best, (score + self._skip(earlier + 1, t), (earlier, start)), key=lambda b: b[0])
                placed[t][c] = best[0] + self.scores[t][c]
                origin[t][c] = best[1]
            closing[t] = self._closing(t, placed[t])
        return self._trace(placed, origin)

    def _closing(self, t: int, placed: list[float]) -> list[tuple[float, int]]:
        """For each candidate c: the best score with title t placed before c and its section ending at c."""
        row = []
        for c, position in enumerate(self.candidates):
            options = [(placed[s] + self.span(self.titles[t], self.candidates[s], position), s) for s in range(c)]
            row.append(max(options, default=(-math.inf, 0), key=lambda option: option[0]))
        return row

    def _trace(self, placed: list[list[float]], origin: list[list[tuple[int, int] | None]]) -> dict[int, int]:
        best, state = self._skip(0, len(self.titles)) + self.span(None, 0, self.end), None
        for t, row in enumerate(placed):
            for c, score in enumerate(row):
                total = score + self.span(self.titles[t], self.candidates[c], self.end) + self._skip(t + 1, len(self.titles))
                if total > best:
                    best, state = total, (t, c)
        result = {}
        while state is not None:
            result[state[0]] = self.candidates[state[1]]
            state = origin[state[0]][state[1]]
        return result


def _running(values: list[float]) -> list[float]:
    """Running sums, from 0."""
    sums = [0.0]
    for value in values:
        sums.append(sums[-1] + value)
    return sums
