"""Split extracted text into pages, and put pages back in reading order."""

from __future__ import annotations

import re

from .draft import Draft, Line
from .passes import Change, PassContext, register

# Folios: up to three digits (four would take years for page numbers) or roman.
FOLIO = re.compile(r"^\s*(?:\d{1,3}|[ivxlcdm]{1,7})\s*$")
_PAGE_START_SPACE = re.compile(r"^ [^ ]")
# Leading-space page starts are trusted only when they are rare: in text
# where every line is indented, an indent means nothing.
_MAX_INDENT_SHARE = 0.2


@register("split-pages")
def split_pages(draft: Draft, context: PassContext) -> tuple[Draft, list[Change]]:
    """Number the pages: a form feed, a lone folio or a one-space indent starts a new page.

    PDF extractors mark a new page by a form feed, or leave the first line of
    each page indented by one space; a folio standing alone ends its page.

    >>> from pamphleteer.readers.lines import split_lines
    >>> d = Draft("x", "pdf-text", lines=split_lines("end of one\\n\\n7\\n\\nnext page\\nmore"))
    >>> [l.page for l in split_pages(d, PassContext("x", "pdf-text"))[0].lines]
    [0, 0, 0, 0, 1, 1]
    """
    indent_starts = _indent_starts_trusted(draft.lines)
    page, lines, after_folio = 0, [], False
    for index, line in enumerate(draft.lines):
        starts_page = line.text == "\f" or (indent_starts and _PAGE_START_SPACE.match(line.text))
        if after_folio and line.text.strip():
            starts_page, after_folio = True, False
        if starts_page and index and any(l.text.strip() for l in lines if l.page == page):
            page += 1
        if line.text == "\f":
            continue
        text = line.text[1:] if indent_starts and _PAGE_START_SPACE.match(line.text) else line.text
        lines.append(Line(text, line.line, page))
        if FOLIO.match(text) and _stands_alone(draft.lines, index):
            after_folio = True
    return draft.but(lines=tuple(lines)), []


def _indent_starts_trusted(lines: tuple[Line, ...]) -> bool:
    texts = [line.text for line in lines if line.text.strip()]
    indented = sum(1 for text in texts if _PAGE_START_SPACE.match(text))
    return 0 < indented <= _MAX_INDENT_SHARE * len(texts)


def _stands_alone(lines: tuple[Line, ...], index: int) -> bool:
    before = lines[index - 1].text.strip() if index > 0 else ""
    after = lines[index + 1].text.strip() if index + 1 < len(lines) else ""
    return not before or not after


@register("restore-page-order")
def restore_page_order(draft: Draft, context: PassContext) -> tuple[Draft, list[Change]]:
    """Put pages in reading order: an order pinned in the manifest, else the order found.

    Example: with `page_order = [2, 1]` in the manifest, page 2's lines come first.
    """
    pages = sorted({line.page for line in draft.lines})
    pinned = context.options.get("page_order")
    if not pinned:
        return draft.but(page_order=tuple(pages)), []
    order = [page - 1 for page in pinned]  # the manifest counts pages from 1
    missing = [page + 1 for page in pages if page not in order]
    order += [page for page in pages if page not in order]
    by_page = {page: [line for line in draft.lines if line.page == page] for page in pages}
    lines = tuple(line for page in order for line in by_page.get(page, []))
    changes = [
        Change("restore-page-order", "moved", by_page[page][0].line, f"page {page + 1}",
               f"position {position + 1}", "pinned in pamphlet.toml")
        for position, page in enumerate(order)
        if page in by_page and by_page[page] and position != pages.index(page)
    ]
    if missing:
        changes.append(Change("restore-page-order", "review", 0, "",
                              f"pages {missing} not in the pinned order; kept at the end"))
    return draft.but(lines=lines, page_order=tuple(order)), changes
