"""Choose the reading order of pages: weigh every possible join, then find the best path.

The evidence is scored pairwise (how well page b runs on from page a, and
whether a must come anywhere before b); the best order maximises the sum.
That is a small maximum-weight path problem: exact for a few units, and
pages joined by sure seams are first chained into one unit.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .pagefacts import PageFacts
from .seams import SURE, PageEnd, PageStart, Seam, page_end, page_start, seam_between
from .vocabulary import Vocabulary

# Evidence that is not in the text itself.
_FOLIO_NEXT = 6.0  # printed page numbers n and n+1
_FOLIO_BEFORE = 3.0  # a lower printed number comes earlier
_NOTES_BEFORE = 2.0  # lower note numbers come earlier
_NOTES_BACKWARDS = -4.0  # a page's notes continue from a later page's
_SEED_ORDER = 0.3
_QUOTE_PAIRS = 2.0  # an open quotation closed overleaf  # with no other evidence, pages stay as they came
_OPENS_MID_SENTENCE = -4.0
_ENDS_MID_SENTENCE = -3.0
_OPENS_WITH_TITLE = 2.0
# Title pages and colophons stand together, or close the text, rather than between two pages of text.
_MATTER_TOGETHER = 1.0
_MATTER_CLOSES = 0.5
# A title page that comes first in the source (where converters put the title block) stays first.
_TITLE_FIRST = 1.0
# Exact search handles this many units; beyond it, insertion and local moves.
EXACT_UNITS = 12


@dataclass(frozen=True)
class Evidence:
    """All the pairwise and single-page weights for a set of pages.

    Attributes:
        seams: seams[a][b] is the evidence that b directly follows a.
        before: before[a][b] is the evidence that a comes somewhere before b.
        opening: Weight of each page opening the text.
        closing: Weight of each page closing it.
        matter: Whether each page is a title page or colophon, apart from the text.
    """

    seams: list[list[Seam]]
    before: list[list[float]]
    opening: list[float]
    closing: list[float]
    matter: list[bool] = field(default_factory=list)

    @property
    def size(self) -> int:
        return len(self.opening)

    def score(self, order: list[int]) -> float:
        """The total weight of reading the pages in `order` (a list of page positions)."""
        if not order:
            return 0.0
        total = self.opening[order[0]] + self.closing[order[-1]]
        total += sum(self.seams[a][b].weight for a, b in zip(order, order[1:]))
        for index, a in enumerate(order):
            total += sum(self.before[a][b] for b in order[index + 1 :])
        return total


def weigh(facts: list[PageFacts], vocabulary: Vocabulary) -> Evidence:
    """Score every pair of pages and every page as opening or closing the text."""
    n = len(facts)
    # Each end meets every start: what an end or a start says is read once, not once per pair.
    ends, starts = [page_end(page.tail) for page in facts], [page_start(page.head) for page in facts]
    seams = [[_join(facts[a], facts[b], (ends[a], starts[b]), vocabulary, b == a + 1) for b in range(n)] for a in range(n)]
    before = [[_before(facts[a], facts[b]) for b in range(n)] for a in range(n)]
    opening = [_opening(page, start) + (_TITLE_FIRST if position == 0 and page.title else 0.0)
               for position, (page, start) in enumerate(zip(facts, starts))]
    closing = [_closing(page, end, vocabulary) for page, end in zip(facts, ends)]
    return Evidence(seams, before, opening, closing, [page.matter for page in facts])


def _join(
    a: PageFacts, b: PageFacts, edges: tuple[PageEnd, PageStart], vocabulary: Vocabulary, next_in_seed: bool,
) -> Seam:
    if a.matter or b.matter:
        return Seam(_MATTER_TOGETHER if a.matter and b.matter else 0.0, "a title page or colophon")
    found = seam_between(*edges, vocabulary)
    weight, reasons = found.weight, [found.reason]
    quoting = _quotation_fit(a, b)
    if quoting:
        weight += quoting
        reasons.append("a quotation goes on and closes" if quoting > 0 else "quotation marks do not pair up")
    if a.folio is not None and b.folio is not None:
        weight += _FOLIO_NEXT if b.folio == a.folio + 1 else -_FOLIO_NEXT
        reasons.append(f"folios {a.folio} and {b.folio}")
    if a.notes and b.notes and min(b.notes) < max(a.notes):
        weight += _NOTES_BACKWARDS
        reasons.append(f"note {min(b.notes)} after note {max(a.notes)}")
    if next_in_seed:
        weight += _SEED_ORDER
    return Seam(weight, "; ".join(reasons))


def _quotation_fit(a: PageFacts, b: PageFacts) -> float:
    """A quotation left open at a page's end is closed on the next page before another opens, and only then."""
    if a.open_quote:
        return {"closes": _QUOTE_PAIRS, "opens": 0.0}.get(b.head_quote, -_QUOTE_PAIRS)
    return -_QUOTE_PAIRS if b.head_quote == "closes" else 0.0


def _before(a: PageFacts, b: PageFacts) -> float:
    weight = 0.0
    if a.folio is not None and b.folio is not None and a.folio != b.folio:
        weight += _FOLIO_BEFORE if a.folio < b.folio else -_FOLIO_BEFORE
    if a.notes and b.notes:
        if max(a.notes) < min(b.notes):
            weight += _NOTES_BEFORE
        elif min(a.notes) > max(b.notes):
            weight -= _NOTES_BEFORE
    return weight


def _opening(page: PageFacts, start: PageStart) -> float:
    """A text does not open mid-sentence; it may open with a title block."""
    if seam_between(page_end("An opening."), start, Vocabulary()).weight < 0:
        return _OPENS_MID_SENTENCE
    return _OPENS_WITH_TITLE if page.title or page.matter else 0.0


def _closing(page: PageFacts, end: PageEnd, vocabulary: Vocabulary) -> float:
    """A text does not close mid-sentence or mid-word; a colophon may close it."""
    if page.matter:
        return _MATTER_CLOSES
    found = seam_between(end, page_start("A close."), vocabulary)
    return _ENDS_MID_SENTENCE if found.weight < 0 else 0.0


def best_order(evidence: Evidence) -> list[int]:
    """The order of pages with the highest total weight (exact for small sets).

    >>> s = lambda w: Seam(w, "")
    >>> e = Evidence([[s(0), s(-5), s(8)], [s(0), s(0), s(0)], [s(0), s(8), s(0)]],
    ...              [[0.0] * 3 for _ in range(3)], [0.0] * 3, [0.0] * 3)
    >>> best_order(e)
    [0, 2, 1]
    """
    units = _chains(evidence)
    if len(units) <= EXACT_UNITS:
        ordered = _exact(units, evidence)
    else:
        ordered = _search(units, evidence)
    return [page for unit in ordered for page in unit]


def _chains(evidence: Evidence) -> list[list[int]]:
    """Chain pages whose seam is sure and clearly better than any rival seam."""
    n = evidence.size
    if n <= EXACT_UNITS:
        return [[page] for page in range(n)]
    after: dict[int, int] = {}
    for a in range(n):
        b = max((b for b in range(n) if b != a), key=lambda b: evidence.seams[a][b].weight)
        weight = evidence.seams[a][b].weight
        rivals = [evidence.seams[a][c].weight for c in range(n) if c not in (a, b)]
        rivals += [evidence.seams[c][b].weight for c in range(n) if c not in (a, b)]
        if weight >= SURE and weight - max(rivals, default=0.0) >= SURE / 2 and b not in after.values():
            after[a] = b
    return _link(n, after)


def _link(n: int, after: dict[int, int]) -> list[list[int]]:
    """Turn successor links into chains, breaking any cycle."""
    starts = [page for page in range(n) if page not in set(after.values())]
    chains, seen = [], set()
    for page in starts + list(range(n)):
        chain = []
        while page not in seen:
            seen.add(page)
            chain.append(page)
            if page not in after:
                break
            page = after[page]
        if chain:
            chains.append(chain)
    return chains


def _unit_weights(units: list[list[int]], evidence: Evidence):
    k = len(units)
    join = [[evidence.seams[u[-1]][v[0]].weight for v in units] for u in units]
    before = [[sum(evidence.before[a][b] for a in u for b in v) for v in units] for u in units]
    opening = [evidence.opening[u[0]] for u in units]
    closing = [evidence.closing[u[-1]] for u in units]
    return k, join, before, opening, closing


def _exact(units: list[list[int]], evidence: Evidence) -> list[list[int]]:
    """Held-Karp dynamic programming over subsets: the best path through all units."""
    k, join, before, opening, closing = _unit_weights(units, evidence)
    into = [_subset_sums(before, v, k) for v in range(k)]
    best = [[float("-inf")] * k for _ in range(1 << k)]
    back = [[-1] * k for _ in range(1 << k)]
    for v in range(k):
        best[1 << v][v] = opening[v]
    for mask in range(1, 1 << k):
        for u in range(k):
            value = best[mask][u]
            if value == float("-inf"):
                continue
            for v in range(k):
                if not mask >> v & 1:
                    candidate = value + join[u][v] + into[v][mask]
                    if candidate > best[mask | 1 << v][v]:
                        best[mask | 1 << v][v], back[mask | 1 << v][v] = candidate, u
    full = (1 << k) - 1
    last = max(range(k), key=lambda v: (best[full][v] + closing[v], -v))
    path, mask = [], full
    while last != -1:
        path.append(last)
        mask, last = mask ^ (1 << last), back[mask][last]
    return [units[u] for u in reversed(path)]


def _subset_sums(before: list[list[float]], v: int, k: int) -> list[float]:
    """sums[mask] = weight of every unit in `mask` coming before unit v."""
    sums = [0.0] * (1 << k)
    for mask in range(1, 1 << k):
        low = mask & -mask
        sums[mask] = sums[mask ^ low] + before[low.bit_length() - 1][v]
    return sums


class _Units:
    """Weights between units (chains of pages), for local search."""

    def __init__(self, units: list[list[int]], evidence: Evidence) -> None:
        self.units = units
        _, self.join, self.before, self.opening, self.closing = _unit_weights(units, evidence)

    def edge(self, a: int | None, b: int | None) -> float:
        """Weight of `b` following `a`; None stands for the text's opening or close."""
        if a is None:
            return self.opening[b] if b is not None else 0.0
        return self.closing[a] if b is None else self.join[a][b]



class _Move:
    """Every place one block of an order may move to, each weighed in constant time.

    Taking the block out joins its neighbours; putting it in at `slot` of the
    rest parts two; it passes the units between, whose precedence terms flip
    (running sums over the rest make that a subtraction).
    """

    def __init__(self, weights: _Units, order: list[int], start: int, length: int) -> None:
        self.weights, self.start = weights, start
        self.block, self.rest = order[start : start + length], order[:start] + order[start + length :]
        before_block = order[start - 1] if start else None
        after_block = order[start + length] if start + length < len(order) else None
        edge, first, last = weights.edge, self.block[0], self.block[-1]
        self.taken_out = edge(before_block, after_block) - edge(before_block, first) - edge(last, after_block)
        self.passed = [0.0]
        for x in self.rest:
            self.passed.append(self.passed[-1] + sum(weights.before[u][x] - weights.before[x][u] for u in self.block))

    def to(self, slot: int) -> tuple[float, float]:
        """Change in the seams' weight and in precedence with the block moved to `slot` of the rest."""
        edge, rest = self.weights.edge, self.rest
        left, right = rest[slot - 1] if slot else None, rest[slot] if slot < len(rest) else None
        put_in = edge(left, self.block[0]) + edge(self.block[-1], right) - edge(left, right)
        # Moving left, the block comes before rest[slot:start]; moving right, rest[start:slot] before it.
        return self.taken_out + put_in, self.passed[self.start] - self.passed[slot]

    def order(self, slot: int) -> list[int]:
        return self.rest[:slot] + self.block + self.rest[slot:]


def _search(units: list[list[int]], evidence: Evidence) -> list[list[int]]:
    """Local search: move blocks of one to three units while the score rises."""
    weights = _Units(units, evidence)
    order = list(range(len(units)))
    improved = True
    while improved:
        improved = False
        for length in (1, 2, 3):
            for start in range(len(order) - length + 1):
                move = _Move(weights, order, start, length)
                for slot in range(len(order) - length + 1):
                    seams, passed = move.to(slot)
                    if seams + passed > 1e-9:
                        order, improved = move.order(slot), True
                        move = _Move(weights, order, start, length)
    return [units[u] for u in order]
