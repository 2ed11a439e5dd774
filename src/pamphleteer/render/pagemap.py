"""Where the print edition breaks its pages, read from the WeasyPrint layout."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class PageBreak:
    """Print page `label` starts in the element with id `anchor`, after `offset` letters of its text.

    `anchor` is "" for a page that carries no text of its own (a blank verso).
    Only letters are counted: hyphens added at line ends, note calls and
    spaces differ between a laid-out page and the source, letters do not.
    """

    label: str
    anchor: str
    offset: int


def count_letters(text: str) -> int:
    """How many letters `text` holds.

    >>> count_letters("Revolu-\\ntion, 1917!")
    10
    """
    return sum(character.isalpha() for character in text)


def page_breaks(document) -> list[PageBreak]:
    """One PageBreak per page of a laid-out WeasyPrint Document, in page order.

    Each page's first text in the main flow (not the running heads and
    folios in the margins, nor the footnotes) names the element it belongs
    to, and how many letters of that element earlier pages already hold.
    """
    letters: dict[str, int] = {}
    breaks = []
    for number, page in enumerate(document.pages, start=1):
        first = None
        for anchor, text in flow_text(page):
            if first is None:
                first = PageBreak(str(number), anchor, letters.get(anchor, 0))
            letters[anchor] = letters.get(anchor, 0) + count_letters(text)
        breaks.append(first or PageBreak(str(number), "", 0))
    return breaks


def flow_text(page) -> Iterator[tuple[str, str]]:
    """(innermost anchor, text) of every piece of text in a page's main flow, in reading order."""
    from weasyprint.formatting_structure import boxes

    # WeasyPrint keeps the laid-out box tree of a page only on Page._page_box.
    for child in page._page_box.children:  # noqa: SLF001
        if not isinstance(child, (boxes.MarginBox, boxes.FootnoteAreaBox)):
            yield from _texts(child, "", boxes.TextBox)


# Pseudo-elements whose content the stylesheet makes up; ::first-letter and ::first-line hold real text.
GENERATED = ("::before", "::after", "::marker", "::footnote-call", "::footnote-marker")


def _texts(box, anchor: str, text_box: type) -> Iterator[tuple[str, str]]:
    if (getattr(box, "element_tag", "") or "").endswith(GENERATED):
        return  # generated content (note calls, list markers, leaders) is not the text
    anchor = box.style["anchor"] or anchor
    if isinstance(box, text_box):
        yield anchor, box.text
    for child in getattr(box, "children", None) or ():
        yield from _texts(child, anchor, text_box)
