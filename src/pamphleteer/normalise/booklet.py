"""The booklet explanation: pages that arrive in the sheet order of an imposed booklet.

A saddle-stitched booklet of N pages prints pages N and 1 on the first side
of the outer sheet, 2 and N-1 on its back, then N-2 and 3, 4 and N-3, ...
Text extracted from such a PDF comes in that order, often without the
cover, front matter or back page. One hypothesis (N, pages missing at the
front, pages missing at the back) explains the whole sequence at once.
"""

from __future__ import annotations

from dataclasses import dataclass

from .ordering import Evidence

# Pages a booklet may have lost from front and back together (cover, title, blanks...).
MAX_MISSING = 10
# Each page missing makes a hypothesis a little less likely.
_MISSING_PAGE = -0.25
# With fewer pages than this, too many booklets would fit by chance.
MIN_PAGES = 4
# A side read left to right gives its pages in printing order (outer side: last page, then first);
# a side read the other way round needs evidence that outweighs this.
_PRINTED_WAY = 1.5


@dataclass(frozen=True)
class Booklet:
    """A booklet hypothesis and the reading order it implies.

    Attributes:
        order: Positions of the pages as they came, in reading order.
        numbers: The booklet page number of each position as it came.
        pages: Pages in the whole booklet.
        score: Total evidence weight of the order.
    """

    order: tuple[int, ...]
    numbers: tuple[int, ...]
    pages: int
    score: float

    def describe(self) -> str:
        """The hypothesis in words, for the report."""
        missing = sorted(set(range(1, self.pages + 1)) - set(self.numbers))
        gone = f"; pages {', '.join(map(str, missing))} missing" if missing else ""
        return f"sheets of a {self.pages}-page booklet{gone}"


def sheet_sides(pages: int) -> list[tuple[int, int]]:
    """(low, high) page numbers on each side of each sheet, in printing order.

    >>> sheet_sides(8)
    [(1, 8), (2, 7), (3, 6), (4, 5)]
    """
    return [(side + 1, pages - side) for side in range(pages // 2)]


def printing_order(pages: int) -> list[int]:
    """Page numbers as a booklet's sheets carry them, left then right.

    >>> printing_order(8)
    [8, 1, 2, 7, 6, 3, 4, 5]
    """
    order: list[int] = []
    for side, (low, high) in enumerate(sheet_sides(pages)):
        order += [high, low] if side % 2 == 0 else [low, high]
    return order


def explain(evidence: Evidence) -> Booklet | None:
    """The booklet hypothesis that best explains the pages, or None if too few pages."""
    n = evidence.size
    if n < MIN_PAGES:
        return None
    best: Booklet | None = None
    first = -(-n // 4) * 4
    for pages in range(first, n + MAX_MISSING + 1, 4):
        for front in range(pages - n + 1):
            candidate = _fit(evidence, pages, front, pages - n - front)
            if best is None or candidate.score > best.score + 1e-9:
                best = candidate
    return best


def _fit(evidence: Evidence, pages: int, front: int, back: int) -> Booklet:
    """Best orientation of each two-page side for one (pages, front, back) hypothesis."""
    options = _side_options(_present_sides(pages, front, back))
    chosen = _best_orientations(options, evidence, front + 1, pages - back)
    numbers = [0] * evidence.size
    for option in chosen:
        for number, position in option.items():
            numbers[position] = number
    order = tuple(sorted(range(evidence.size), key=lambda position: numbers[position]))
    score = evidence.score(list(order)) + _MISSING_PAGE * (front + back)
    return Booklet(order, tuple(numbers), pages, score)


def _present_sides(pages: int, front: int, back: int) -> list[list[int]]:
    """Page numbers present on each printed side, in printing order (missing ones dropped)."""
    present = set(range(front + 1, pages - back + 1))
    order = [number for number in printing_order(pages) if number in present]
    sides = [[low, high] for low, high in sheet_sides(pages)]
    return [[number for number in order if number in side] for side in sides if any(p in present for p in side)]


def _side_options(sides: list[list[int]]) -> list[list[dict[int, int]]]:
    """For each side, the ways its pages may map to the positions they came in (the printed way first)."""
    options, position = [], 0
    for side in sides:
        places = list(range(position, position + len(side)))
        ways = [dict(zip(side, places))]
        if len(side) == 2:
            ways.append(dict(zip(reversed(side), places)))
        options.append(ways)
        position += len(side)
    return options


def _best_orientations(options, evidence: Evidence, first_page: int, last_page: int) -> list[dict[int, int]]:
    """Dynamic programming along the sides: joins link only neighbouring sides."""
    values = [[_inside(way, evidence, first_page, last_page) + _printed(k) for k, way in enumerate(options[0])]]
    back: list[list[int]] = [[]]
    for index in range(1, len(options)):
        row, links = [], []
        for j, way in enumerate(options[index]):
            scores = [values[-1][k] + _across(prev, way, evidence) for k, prev in enumerate(options[index - 1])]
            k = max(range(len(scores)), key=lambda i: (scores[i], -i))
            row.append(scores[k] + _inside(way, evidence, first_page, last_page) + _printed(j))
            links.append(k)
        values.append(row)
        back.append(links)
    k = max(range(len(values[-1])), key=lambda i: (values[-1][i], -i))
    chosen = []
    for index in range(len(options) - 1, -1, -1):
        chosen.append(options[index][k])
        k = back[index][k] if index else k
    return list(reversed(chosen))


def _printed(way: int) -> float:
    return _PRINTED_WAY if way == 0 else 0.0


def _inside(way: dict[int, int], evidence: Evidence, first_page: int, last_page: int) -> float:
    """Weight within one side: its two pages may face each other in the middle of the booklet."""
    score = sum(evidence.seams[way[p]][way[p + 1]].weight for p in way if p + 1 in way)
    score += evidence.opening[way[first_page]] if first_page in way else 0.0
    return score + (evidence.closing[way[last_page]] if last_page in way else 0.0)


def _across(previous: dict[int, int], way: dict[int, int], evidence: Evidence) -> float:
    """Weight of the joins between pages of neighbouring sides."""
    score = 0.0
    for p, position in previous.items():
        if p + 1 in way:
            score += evidence.seams[position][way[p + 1]].weight
        if p - 1 in way:
            score += evidence.seams[way[p - 1]][position].weight
    return score
