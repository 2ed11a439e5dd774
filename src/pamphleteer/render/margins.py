"""Page margins (folios, running heads) laid out after the pages, once a part knows its first page number.

WeasyPrint lays out the margin boxes at the end of layout, from each page's
counters; a part of a long book does not yet know then how many pages come
before it. So while a part is laid out its margin boxes are held back, and
added when its offset is known, with the page counter moved on by it. The
text flow, notes and page breaks do not depend on the margins, so the pages
are the same as if the offset had been known from the start.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator


@contextlib.contextmanager
def held_margins() -> Iterator[list]:
    """While active, WeasyPrint's layout keeps (context, page, state) of each page instead of its margin boxes."""
    from weasyprint import layout

    held: list = []
    original = layout.make_margin_boxes

    def hold(context, page, state):
        held.append((context, page, state))
        return ()

    layout.make_margin_boxes = hold  # the name layout_document calls
    try:
        yield held
    finally:
        layout.make_margin_boxes = original


def add_margins(held: list, offset: int) -> None:
    """Lay out the held margin boxes, numbering pages from `offset` + 1."""
    from weasyprint.layout.background import layout_box_backgrounds
    from weasyprint.layout.page import make_margin_boxes

    for number, (context, page, state) in enumerate(held, start=1):
        counters = state[1]  # (quote depth, counter values, counter scopes, page groups)
        counters = {**counters, "page": [value + offset for value in counters.get("page", [number])]}
        context.current_page = number  # string() lookups for running heads read it
        boxes = list(make_margin_boxes(context, page, (state[0], counters, *state[2:])))
        for box in boxes:
            layout_box_backgrounds(page, box, context.get_image_from_uri)
        page.children = (*page.children, *boxes)
