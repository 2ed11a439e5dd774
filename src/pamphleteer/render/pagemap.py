"""Where the print edition breaks its pages, read from the WeasyPrint layout, and kept for the next build.

The EPUB cites the print pages. Laying the print edition out again only to
learn them would cost an EPUB build most of the PDF's time, so the page map
(and the cover picture, page 1 rendered) is saved in build/ with the
fingerprint of the inputs it was read from, and reused while they are the
same.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from dataclasses import astuple, dataclass
from pathlib import Path

CACHE = ".pamphleteer-pages.json"  # in build/, beside the build state


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


@dataclass(frozen=True)
class PageMap:
    """What the EPUB takes from the print edition: its page breaks, and its cover as a PNG."""

    breaks: list[PageBreak]
    cover: bytes


def page_map(document) -> PageMap:
    """The page map of a laid-out WeasyPrint Document."""
    from .epub.cover import cover_png

    return PageMap(page_breaks(document), cover_png(document))


def save_page_map(build_dir: Path, inputs: str, pages: PageMap) -> None:
    """Keep `pages` in build/ as read from the inputs with fingerprint `inputs`."""
    from ..files import write_atomic

    data = {"inputs": inputs, "breaks": [astuple(page) for page in pages.breaks],
            "cover": base64.b64encode(pages.cover).decode("ascii")}
    write_atomic(build_dir / CACHE, json.dumps(data, separators=(",", ":")) + "\n")


def cached_page_map(build_dir: Path, inputs: str) -> PageMap | None:
    """The page map saved for the same inputs, if there is one (a damaged cache counts as none).

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> save_page_map(folder, "abc", PageMap([PageBreak("1", "x--1", 0)], b"png"))
    >>> cached_page_map(folder, "abc")
    PageMap(breaks=[PageBreak(label='1', anchor='x--1', offset=0)], cover=b'png')
    >>> cached_page_map(folder, "other") is None
    True
    """
    try:
        data = json.loads((build_dir / CACHE).read_text(encoding="utf-8"))
        if data.get("inputs") != inputs:
            return None
        breaks = [PageBreak(str(label), str(anchor), int(offset)) for label, anchor, offset in data["breaks"]]
        return PageMap(breaks, base64.b64decode(data["cover"]))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
