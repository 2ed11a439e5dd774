"""Remove page furniture (folios, running heads, rules) and record every removal."""

from __future__ import annotations

import re
from collections import Counter

from .draft import Draft, Line
from .pages import FOLIO
from .passes import Change, PassContext, register

_DIGITS = re.compile(r"\d+")
# A running head repeats on at least this many page edges.
_MIN_REPEATS = 3


@register("remove-folios")
def remove_folios(draft: Draft, context: PassContext) -> tuple[Draft, list[Change]]:
    """Remove page numbers standing alone on a line.

    >>> from pamphleteer.readers.lines import split_lines
    >>> d = Draft("x", "pdf-text", lines=split_lines("text\\n\\n12\\n\\nmore"))
    >>> kept, changes = remove_folios(d, PassContext("x", "pdf-text"))
    >>> [l.text for l in kept.lines], changes[0].before
    (['text', '', '', 'more'], '12')
    """
    kept, changes = [], []
    for index, line in enumerate(draft.lines):
        if FOLIO.match(line.text) and _isolated(draft.lines, index):
            changes.append(Change("remove-folios", "removed", line.line, line.text.strip(), "", "page number"))
            continue
        kept.append(line)
    return draft.but(lines=tuple(kept)), changes


def _isolated(lines: tuple[Line, ...], index: int) -> bool:
    """A folio has a blank line or a page edge on at least one side."""
    line = lines[index]
    before = lines[index - 1] if index > 0 else None
    after = lines[index + 1] if index + 1 < len(lines) else None
    edge_before = before is None or before.page != line.page or not before.text.strip()
    edge_after = after is None or after.page != line.page or not after.text.strip()
    return edge_before or edge_after


@register("remove-running-heads")
def remove_running_heads(draft: Draft, context: PassContext) -> tuple[Draft, list[Change]]:
    """Remove lines repeated at the top or foot of many pages (running heads and feet).

    Lines are compared with their digits masked, so "Against Leninism 12"
    and "Against Leninism 14" count as the same running head.
    """
    edges = _page_edges(draft.lines)
    repeats = Counter(_DIGITS.sub("#", draft.lines[i].text.strip()) for i in edges)
    furniture = {text for text, count in repeats.items() if count >= _MIN_REPEATS and text}
    kept, changes = [], []
    for index, line in enumerate(draft.lines):
        if index in edges and _DIGITS.sub("#", line.text.strip()) in furniture:
            changes.append(Change("remove-running-heads", "removed", line.line, line.text.strip(), "", "running head"))
            continue
        kept.append(line)
    return draft.but(lines=tuple(kept)), changes


def _page_edges(lines: tuple[Line, ...]) -> set[int]:
    """Indices of the first and last non-blank line of every page."""
    first: dict[int, int] = {}
    last: dict[int, int] = {}
    for index, line in enumerate(lines):
        if line.text.strip():
            first.setdefault(line.page, index)
            last[line.page] = index
    return set(first.values()) | set(last.values())
