"""At a page foot, WeasyPrint moves the paragraph on, not the notes: each note stays on its call's page.

WeasyPrint (70, layout/block.py, "first try to report footnotes") honours
orphans and widows at a page foot by moving the page's last footnotes to the
next page when that lets one more line fit, so those notes stand a page after
their calls. Inside a multi-column box it skips that and breaks the paragraph
instead (orphans and widows still kept), as a compositor would. No CSS asks
for that on a page, so while WeasyPrint lays out lines it is told it is in a
column; while it sizes the footnote area (whose height is taken off the page
only outside columns) it is told the truth. Nothing else in WeasyPrint 70
reads the flag but column breaks, which the pamphlet never asks for.

If WeasyPrint's internals change, nothing is changed and note fitting
(note_fit.py) puts the notes right with extra layouts, as before.
"""

from __future__ import annotations

import functools

_INSTALLED = "_pamphleteer_notes_stay"
_ORIGINALS: dict[str, object] = {}


def install() -> bool:
    """Change WeasyPrint as above, once per process; False if its internals are not as expected."""
    from weasyprint.layout import LayoutContext, block

    if getattr(LayoutContext, _INSTALLED, False):
        return True
    if not (callable(getattr(block, "_linebox_layout", None))
            and callable(getattr(LayoutContext, "_update_footnote_area", None))
            and not isinstance(getattr(LayoutContext, "in_column", None), property)):
        return False
    _ORIGINALS.update(lines=block._linebox_layout, area=LayoutContext._update_footnote_area)
    block._linebox_layout = _counted(block._linebox_layout, "_setting_lines")
    LayoutContext._update_footnote_area = _counted(LayoutContext._update_footnote_area, "_sizing_notes")
    LayoutContext.in_column = property(_in_column, _set_in_column)
    setattr(LayoutContext, _INSTALLED, True)
    return True


def uninstall() -> None:
    """WeasyPrint as it comes again (to see what it does alone)."""
    from weasyprint.layout import LayoutContext, block

    if not getattr(LayoutContext, _INSTALLED, False):
        return
    block._linebox_layout = _ORIGINALS.pop("lines")
    LayoutContext._update_footnote_area = _ORIGINALS.pop("area")
    del LayoutContext.in_column  # back to a plain attribute, set in each context's __init__
    setattr(LayoutContext, _INSTALLED, False)


def _in_column(context) -> bool:
    state = context.__dict__
    lines_only = state.get("_setting_lines", 0) > 0 and not state.get("_sizing_notes", 0)
    return state.get("_in_column", False) or lines_only


def _set_in_column(context, value: bool) -> None:
    context.__dict__["_in_column"] = value


def _counted(function, depth: str):
    """`function`, keeping count in the layout context of how deep inside it the layout is."""

    @functools.wraps(function)
    def counted(context, *args, **kwargs):
        state = context.__dict__
        state[depth] = state.get(depth, 0) + 1
        try:
            return function(context, *args, **kwargs)
        finally:
            state[depth] -= 1

    return counted
