"""Keep every footnote on its call's page, as a compositor would: a short page, or a tighter paragraph.

WeasyPrint (70) honours orphans and widows at a page foot by moving the
page's last footnotes on to the next page when that lets one more line fit
(layout/block.py, "first try to report footnotes"): the notes then stand a
page after their calls. notes_stay.py turns that off; what is left (a note
too long for the space under its call, or a WeasyPrint whose internals
notes_stay does not know) is put right here. After layout the notes are
checked, and on each page where one went astray:

- if the paragraph at the foot has only one or two lines there (the orphan
  case), it starts on the next page instead, leaving the page a line or two
  short, which is what orphan control does on a page without notes (and if
  the next page starts with a new paragraph, that one is told to, which
  changes nothing but keeps WeasyPrint from trying to fit it);
- otherwise a paragraph standing wholly on the page is set a little tighter
  (slightly less word and letter spacing), so that it loses a line.

Then the pamphlet is laid out again, until no note strays.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

MAX_PASSES = 4  # each pass is one more layout of the whole pamphlet
MIN_LINES = 4  # a paragraph this long or longer can usually lose a line unseen


@dataclass(frozen=True)
class Stray:
    """A note laid out on a later page than its call (0-based page indexes)."""

    note: str
    call_page: int
    note_page: int


TIGHT, PAGE_START = "tight", "page-start"  # classes the print stylesheet knows


def fit_notes(typeset: Callable[[dict[str, str]], object]):
    """Lay out with `typeset(adjust)` until every note is on its call's page (or nothing is left to adjust).

    Args:
        typeset: Lays out the pamphlet, giving each paragraph keyed in
            `adjust` the class named there; returns the WeasyPrint Document.
    """
    adjust: dict[str, str] = {}
    document = typeset(adjust)
    for _ in range(MAX_PASSES):
        pages = sorted({stray.call_page for stray in stray_notes(document)})
        chosen = [change for page in pages if (change := _adjustment(document, page, adjust))]
        if not chosen:
            break
        adjust = {**adjust, **dict(chosen)}
        document = typeset(adjust)
    return document


def _adjustment(document, page: int, adjust: dict[str, str]) -> tuple[str, str] | None:
    """What to change on `page`: start its foot paragraph on the next page, or set a paragraph tighter."""
    foot = _foot_paragraph(document, page)
    if foot and foot not in adjust:
        return foot, PAGE_START
    key = _paragraph_to_tighten(document, page, frozenset(adjust))
    return (key, TIGHT) if key else None


def _foot_paragraph(document, page: int) -> str | None:
    """The paragraph WeasyPrint tried to fit at the foot of `page`, if starting it on the next page costs little.

    That is the paragraph broken by the page break when only one or two of
    its lines stand on `page`; or, when no paragraph is broken there, the one
    that starts the next page (WeasyPrint sometimes moves the notes and then
    moves that paragraph on all the same).
    """
    on_page = list(_paragraphs(document, page))
    following = [key for key, _ in _paragraphs(document, page + 1)]
    if on_page and following and on_page[-1][0] == following[0]:
        key, box = on_page[-1]
        return key if len(_lines(box)) <= 2 else None
    return following[0] if following else None


def _lines(box) -> list:
    return [child for child in box.children if type(child).__name__ == "LineBox"]


def stray_notes(document) -> list[Stray]:
    """Notes whose box stands on another page than their call's."""
    calls: dict[str, int] = {}
    notes: dict[str, int] = {}
    for index, page in enumerate(document.pages):
        for box in page._page_box.descendants():  # noqa: SLF001  (WeasyPrint keeps the box tree here)
            element = getattr(box, "element", None)
            if element is None or box.element_tag not in ("a", "span"):
                continue
            if element.get("class") == "note-call":
                calls.setdefault(element.get("href", "").lstrip("#"), index)
            elif element.get("class") == "footnote" and _is_block(box):
                notes.setdefault(element.get("id", ""), index)
    return [Stray(note, calls[note], page) for note, page in notes.items() if note in calls and calls[note] != page]


def _is_block(box) -> bool:
    from weasyprint.formatting_structure import boxes

    return isinstance(box, boxes.BlockBox)


def _paragraph_to_tighten(document, page: int, tight: frozenset[str]) -> str | None:
    """The paragraph on `page` most likely to lose a line: whole on the page, long, with the shortest last line."""
    candidates = []
    elsewhere = _paragraph_keys(document, page - 1) | _paragraph_keys(document, page + 1)
    for key, box in _paragraphs(document, page):
        lines = _lines(box)
        if key in tight or key in elsewhere or len(lines) < MIN_LINES:
            continue
        last = sum(child.margin_width() for child in lines[-1].children)
        candidates.append((last / box.width, key))
    return min(candidates)[1] if candidates else None


def _paragraph_keys(document, page: int) -> set[str]:
    return {key for key, _ in _paragraphs(document, page)}


def _paragraphs(document, page: int):
    """(key, box) for every keyed paragraph on a page."""
    if not 0 <= page < len(document.pages):
        return
    for box in document.pages[page]._page_box.descendants():  # noqa: SLF001
        element = getattr(box, "element", None)
        if element is not None and box.element_tag == "p" and "--" in (element.get("id") or "") and _is_block(box):
            yield element.get("id"), box
