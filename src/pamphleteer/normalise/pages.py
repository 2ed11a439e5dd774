"""Split extracted text into pages, and put pages back in reading order."""

from __future__ import annotations

import re

from .booklet import Booklet, explain
from .draft import Draft, Line
from .furniture import FOLIO
from .ordering import Evidence, best_order, weigh
from .pagefacts import PageFacts, page_facts
from .pagemarks import unmarked_page_starts
from .passes import Change, PassContext, register
from .seams import LIKELY

_PASS = "restore-page-order"
# A seam weight this low means the order breaks the text.
_CONTRADICTION = -2.5
# How much weight per page the booklet order may give up to the best order found.
_BOOKLET_SLACK = 0.5
# Pages stay as they came unless another order is clearly better.
_KEEP_MARGIN = 3.0
_PER_CHANGED_SEAM = 0.5

_PAGE_START_SPACE = re.compile(r"^ [^ ]")
# Leading-space page starts are trusted only when they are rare: in text
# where every line is indented, an indent means nothing.
_MAX_INDENT_SHARE = 0.34


@register("split-pages")
def split_pages(draft: Draft, context: PassContext) -> tuple[Draft, list[Change]]:
    """Number the pages: a form feed, a lone folio or a one-space indent starts a new page.

    PDF extractors mark a new page by a form feed, or leave the first line of
    each page indented by one space; a folio standing alone ends its page.
    Where nothing marks the pages, the folios and running heads between them do.

    >>> from pamphleteer.readers.lines import split_lines
    >>> d = Draft("x", "pdf-text", lines=split_lines("end of one\\n\\n7\\n\\nnext page\\nmore"))
    >>> [l.page for l in split_pages(d, PassContext("x", "pdf-text"))[0].lines]
    [0, 0, 0, 0, 1, 1]
    """
    feeds = any(line.text == "\f" for line in draft.lines)
    indents = not feeds and _indent_starts_trusted(draft.lines)
    # With no marks at all, the folios and running heads between pages show where they start.
    unmarked = unmarked_page_starts(draft.lines) if not feeds and not indents else set()
    page, lines, after_folio = 0, [], False
    for index, line in enumerate(draft.lines):
        indented = indents and bool(_PAGE_START_SPACE.match(line.text))
        starts_page = line.text == "\f" or indented or index in unmarked or (after_folio and bool(line.text.strip()))
        if starts_page and any(kept.text.strip() for kept in lines if kept.page == page):
            page += 1
        after_folio = after_folio and not line.text.strip()
        if line.text == "\f":
            continue
        lines.append(Line(line.text[1:] if indented else line.text, line.line, page))
        # Where form feeds mark the pages, a lone number may be a note's number.
        after_folio = after_folio or (not feeds and bool(FOLIO.match(line.text)) and _stands_alone(draft.lines, index))
    return draft.but(lines=tuple(lines)), []


def _indent_starts_trusted(lines: tuple[Line, ...]) -> bool:
    texts = [line.text for line in lines if line.text.strip()]
    indented = sum(1 for text in texts if _PAGE_START_SPACE.match(text))
    return 0 < indented <= _MAX_INDENT_SHARE * len(texts)


def _stands_alone(lines: tuple[Line, ...], index: int) -> bool:
    """Blank lines (or the text's edge) on both sides."""
    before = lines[index - 1].text.strip() if index > 0 else ""
    after = lines[index + 1].text.strip() if index + 1 < len(lines) else ""
    return not before and not after


@register("restore-page-order")
def restore_page_order(draft: Draft, context: PassContext) -> tuple[Draft, list[Change]]:
    """Put pages in reading order: an order pinned in the manifest, else the order the evidence gives.

    Seams (a word or sentence cut at a page end and resumed elsewhere),
    folios, note numbers and the sheet order of an imposed booklet are
    weighed together; every join chosen is reported with its confidence.

    >>> from pamphleteer.readers.lines import split_lines
    >>> d = Draft("x", "pdf-text", lines=split_lines("goes on to the end.\\fThe story be-\\ngins and"))
    >>> d = split_pages(d, PassContext("x", "pdf-text"))[0]
    >>> [l.text for l in restore_page_order(d, PassContext("x", "pdf-text"))[0].lines]
    ['The story be-', 'gins and', 'goes on to the end.']
    """
    pages = sorted({line.page for line in draft.lines})
    if context.options.get("page_order"):
        return _pinned_order(draft, context, pages)
    facts = page_facts(draft.lines)
    if len(facts) < 2:
        return draft.but(page_order=tuple(pages)), []
    evidence = weigh(facts, context.vocabulary)
    positions, how = choose_order(evidence)
    order = [facts[position].page for position in positions]
    return _reordered(draft, order), _order_changes(facts, positions, evidence, how)


def choose_order(evidence: Evidence) -> tuple[list[int], str]:
    """The booklet explanation when it fits the evidence, else the best order found.

    Returns:
        Page positions in reading order, and how the order was found.
    """
    # As they came, but with title pages and colophons first: a conversion drops the back page anywhere.
    matter = evidence.matter or [False] * evidence.size
    identity = sorted(range(evidence.size), key=lambda page: not matter[page])
    free = best_order(evidence)
    booklet = explain(evidence)
    if booklet is not None and _booklet_fits(booklet, evidence, free, identity):
        return list(booklet.order), booklet.describe()
    if free == identity or evidence.score(free) < evidence.score(identity) + _keep_margin(evidence, free, identity):
        return identity, "as they came" + (", title pages and colophons first" if identity != sorted(identity) else "")
    return free, "the order the page seams, folios and notes support best"


def _keep_margin(evidence: Evidence, free: list[int], identity: list[int]) -> float:
    """How much better another order must score than the pages as they came.

    Pages that read on at every seam as they came need more: a few seams
    that merely read a little better elsewhere do not make a shuffle.
    """
    seams = [evidence.seams[a][b].weight for a, b in zip(identity, identity[1:])]
    if min(seams, default=0.0) < 0:
        return _KEEP_MARGIN
    kept = set(zip(identity, identity[1:]))
    return _KEEP_MARGIN + _PER_CHANGED_SEAM * sum(1 for pair in zip(free, free[1:]) if pair not in kept)


def _booklet_fits(booklet: Booklet, evidence: Evidence, free: list[int], identity: list[int]) -> bool:
    """The booklet order contradicts no seam and scores about as well as the best order."""
    weights = [evidence.seams[a][b].weight for a, b in zip(booklet.order, booklet.order[1:])]
    if min(weights) < _CONTRADICTION:
        return False
    # Seams that only say "plausible" add up over many pages; the booklet's
    # single explanation of the whole sequence outweighs a few of them.
    slack = _BOOKLET_SLACK * evidence.size
    return (booklet.score >= evidence.score(free) - slack
            and (list(booklet.order) == identity or booklet.score >= evidence.score(identity) + LIKELY))


def _reordered(draft: Draft, order: list[int]) -> Draft:
    by_page: dict[int, list[Line]] = {}
    for line in draft.lines:
        by_page.setdefault(line.page, []).append(line)
    lines = tuple(line for page in order for line in by_page[page])
    return draft.but(lines=lines, page_order=tuple(order))


def _order_changes(facts: list[PageFacts], positions: list[int], evidence: Evidence, how: str) -> list[Change]:
    """One change for the order chosen, one per seam with its confidence."""
    changes = []
    if positions != sorted(positions):
        came = ", ".join(str(page.page + 1) for page in facts)
        shown = ", ".join(str(facts[p].page + 1) for p in positions)
        changes.append(Change(_PASS, "moved", facts[positions[0]].line, f"as they came: {came}", f"in reading order: {shown}",
                              f"page order: {how}"))
    for a, b in zip(positions, positions[1:]):
        found = evidence.seams[a][b]
        action = "review" if found.confidence == "doubtful" else "joined"
        changes.append(Change(_PASS, action, facts[b].line, facts[a].tail[-40:], facts[b].head[:40],
                              f"page {facts[a].page + 1} to page {facts[b].page + 1}: {found.confidence} "
                              f"({found.weight:+.1f}: {found.reason})"))
    return changes


def _pinned_order(draft: Draft, context: PassContext, pages: list[int]) -> tuple[Draft, list[Change]]:
    pinned = context.options["page_order"]
    order = [page - 1 for page in pinned]  # the manifest counts pages from 1
    missing = [page + 1 for page in pages if page not in order]
    order += [page for page in pages if page not in order]
    by_page = {page: [line for line in draft.lines if line.page == page] for page in pages}
    lines = tuple(line for page in order for line in by_page.get(page, []))
    changes = [
        Change(_PASS, "moved", by_page[page][0].line, f"page {page + 1}",
               f"position {position + 1}", "pinned in pamphlet.toml")
        for position, page in enumerate(order)
        if page in by_page and by_page[page] and position != pages.index(page)
    ]
    if missing:
        changes.append(Change(_PASS, "review", 0, "",
                              f"pages {missing} not in the pinned order; kept at the end"))
    return draft.but(lines=lines, page_order=tuple(order)), changes
