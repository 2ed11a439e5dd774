"""Break an essay the way text extracted from a printed PDF is broken."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from ..document import MARKER, Block, Document
from ..typeset import HOLD, wrap
from .common import Degraded, interleave, lose_spaces, page_order

# Note markers travel through wrapping held, so each line knows its notes.
_HELD = re.compile(HOLD + r"(\d+)")
_EMPHASIS = re.compile(r"\*([^*]+)\*")
_DROP_CAP = re.compile(r"^([AI]) (?=[a-z])")
QUOTE_INDENT = 6


@dataclass(frozen=True)
class PdfLayout:
    """How the printed pamphlet was set and how the extraction went wrong.

    Attributes:
        width: Characters per line.
        page_lines: Body lines per page (blank lines count).
        order: Page order delivered: "reading", "booklet" or "shuffle".
        interleave: Lines of the two pages on a sheet side alternate.
        page_mark: How a page starts: "formfeed", "indent" (one space) or "none".
        folios: Page numbers: "foot", "head" (own line) or "" (none).
        heads: Running heads (title and author on facing pages).
        foot: A running foot line, "" for none.
        lost_spaces: Share of losable spaces that are lost.
        drop_cap: The essay opens with a drop cap glued to the next word.
        note_number: How a note opens at the page foot: "{} " ("3 Text") or "{}. " ("3. Text").
    """

    width: int = 62
    page_lines: int = 34
    order: str = "booklet"
    interleave: bool = False
    page_mark: str = "formfeed"
    folios: str = "foot"
    heads: bool = True
    foot: str = ""
    lost_spaces: float = 0.015
    drop_cap: bool = True
    note_number: str = "{} "


def degrade(document: Document, layout: PdfLayout, seed: int) -> Degraded:
    """The essay as pdftotext would give it from an imposed or shuffled print.

    >>> from ..document import Block, Document
    >>> doc = Document("T", "A", 1990, (Block("para", "A strike began.[^1] It spread to the yards."),), ("Note.",))
    >>> print(degrade(doc, PdfLayout(width=18, order="reading", heads=False), 1).source, end="")
    Astrike began.1 It
    spread to the
    yards.
    <BLANKLINE>
    1 Note.
    <BLANKLINE>
    2
    """
    rng = random.Random(seed)
    pages = _paginate(_flow(document, layout, rng), layout.page_lines)
    sides = _sides(page_order(len(pages), layout.order, rng), layout.interleave)
    texts, furniture = [], []
    for side in sides:
        dressed = [_dress(page, pages[page], document, layout) for page in side]
        furniture += [piece for _, extra in dressed for piece in extra]
        texts.append(interleave(dressed[0][0], dressed[1][0]) if len(dressed) == 2 else dressed[0][0])
    order = [page + 1 for side in sides for page in side]
    story = f"pages in {layout.order} order: {order}" + (", sheet sides interleaved" if layout.interleave else "")
    return Degraded("pdf-text", _join_pages(texts, layout.page_mark), tuple(furniture), story)


def _sides(order: list[int | str], together: bool) -> list[list[int]]:
    """The content pages as extracted: one by one, or two at a time when a sheet side is read across.

    >>> _sides(["back", "cover", 0, "blank", 4, 1, 2, 3], True)
    [[0], [4, 1], [2, 3]]
    """
    sides = [order[i : i + 2] for i in range(0, len(order), 2)] if together else [[page] for page in order]
    return [kept for kept in ([p for p in side if isinstance(p, int)] for side in sides) if kept]


def _flow(document: Document, layout: PdfLayout, rng: random.Random) -> list[tuple[str, tuple[str, ...]]]:
    """Every body line in reading order, with the note numbers whose markers it holds."""
    lines: list[str] = []
    for index, block in enumerate(document.blocks):
        text = MARKER.sub(lambda m: HOLD + m.group(1), block.text)
        if block.kind != "heading":
            text = lose_spaces(text, rng, layout.lost_spaces)[0]
        if index == 0 and layout.drop_cap:
            text = _DROP_CAP.sub(r"\1", text)
        lines += _block_lines(block, text, layout.width) + [""]
    return [(_HELD.sub(r"\1", line), tuple(_HELD.findall(line))) for line in lines]


def _block_lines(block: Block, text: str, width: int) -> list[str]:
    if block.kind == "heading":
        return ["", *wrap(text, width, hyphenate=False)]
    if block.kind == "quote":
        return wrap(text, width - QUOTE_INDENT)
    if block.kind == "item":
        return wrap("• " + text, width)
    return wrap(text, width)


def _paginate(flow: list[tuple[str, tuple[str, ...]]], page_lines: int) -> list[list[tuple[str, tuple[str, ...]]]]:
    """Fill pages with `page_lines` lines each; a page never starts with a blank line."""
    pages: list[list[tuple[str, tuple[str, ...]]]] = [[]]
    for line in flow:
        if len(pages[-1]) >= page_lines:
            pages.append([])
        if line[0] or pages[-1]:
            pages[-1].append(line)
    return [page for page in pages if any(text for text, _ in page)]


def _dress(number: int, page: list[tuple[str, tuple[str, ...]]], document: Document,
           layout: PdfLayout) -> tuple[list[str], list[str]]:
    """A page's lines with its running head, foot notes, foot and folio; and the furniture added."""
    body = [text for text, _ in page]
    while body and not body[-1]:
        body.pop()
    notes = list(dict.fromkeys(note for _, held in page for note in held))
    for note in notes:
        opening = layout.note_number.format(note)
        body += ([""] if note == notes[0] else []) + wrap(opening + _plain(document.notes[int(note) - 1]), layout.width)
    folio = str(number + 2)  # the cover is page 1
    top, bottom = _furniture(number, folio, document, layout)
    return top + body + bottom, [line for line in top + bottom if line]


def _furniture(number: int, folio: str, document: Document, layout: PdfLayout) -> tuple[list[str], list[str]]:
    top: list[str] = []
    if layout.folios == "head":
        top.append(folio)
    if layout.heads and number:  # the opening page has no running head
        top.append(document.title if number % 2 else document.author)
    bottom = ["", layout.foot] if layout.foot else []
    if layout.folios == "foot":
        bottom += ["", folio]
    return top, bottom


def _plain(text: str) -> str:
    """Note text as extracted: emphasis lost."""
    return _EMPHASIS.sub(r"\1", text)


def _join_pages(pages: list[list[str]], mark: str) -> str:
    if mark == "indent":
        pages = [[" " + page[0], *page[1:]] if page else page for page in pages]
    separator = "\f" if mark == "formfeed" else ""
    return separator.join("\n".join(page) + "\n" for page in pages)
