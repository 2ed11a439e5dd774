"""Break an essay the way a PDF-to-Markdown conversion of an imposed pamphlet is broken."""

from __future__ import annotations

import random
from dataclasses import dataclass

from ..document import MARKER, Block, Document
from .common import BACK, Degraded, glue_markers, page_order

_SUP = "<sup>{}</sup>"


@dataclass(frozen=True)
class MarkdownLayout:
    """How the converted pamphlet was paged and what the conversion left in.

    Attributes:
        page_words: Words per page; a paragraph that does not fit is cut mid-sentence.
        order: Page order delivered: "reading", "booklet" or "shuffle".
        quote_marks: Block quotes kept as `>` lines; else plain paragraphs.
        publisher: The publisher's line above the title block.
        site: The site named in the colophon on the back page.
        folios: Each page ends with its page number on a line of its own.
    """

    page_words: int = 330
    order: str = "booklet"
    quote_marks: bool = False
    publisher: str = "The Commons Library (Mirror)"
    site: str = "texts.example.org"
    folios: bool = False


def degrade(document: Document, layout: MarkdownLayout, seed: int) -> Degraded:
    """The essay as converted Markdown: title block, cut pages out of order, notes after `---`, a colophon.

    >>> doc = Document("T", "A", 1990, (Block("para", "One two three.[^1] Four five six seven."),), ("N.",), "An essay")
    >>> print(degrade(doc, MarkdownLayout(page_words=4, order="reading", publisher="P"), 1).source.split("1990")[1])
    <BLANKLINE>
    <BLANKLINE>
    One two three.<sup>1</sup> Four
    <BLANKLINE>
    ---
    <BLANKLINE>
    <sup>1</sup> N.
    <BLANKLINE>
    A
    <BLANKLINE>
    T  
    An essay  
    <BLANKLINE>
    """
    rng = random.Random(seed)
    pages = _paginate(document, layout)
    order = [page for page in page_order(len(pages), layout.order, rng) if isinstance(page, int) or page == BACK]
    if BACK not in order:  # an unimposed conversion still has the back page somewhere inside
        order.insert(rng.randint(1, max(1, len(order) - 1)), BACK)
    texts = [_colophon(document, layout) if page == BACK else _page_text(pages[page], document) + _folio(page, layout)
             for page in order]
    story = f"pages in {layout.order} order: {[p if p == BACK else p + 1 for p in order]}"
    source = "\n\n".join([_title_block(document, layout), *texts]) + "\n"
    return Degraded("markdown", source, _furniture(document, layout), story)


def _paginate(document: Document, layout: MarkdownLayout) -> list[list[str]]:
    """Pages of Markdown paragraphs; a paragraph that overflows a page is cut and goes on overleaf."""
    pages: list[list[str]] = [[]]
    room = layout.page_words
    for block in document.blocks:
        prefix, words = _prefix(block, layout), block.text.split()
        while words:
            if room <= 0 or (block.kind in ("heading", "item") and len(words) > room):
                pages.append([])
                room = layout.page_words
            taken, words = words[: max(room, 0)], words[max(room, 0):]
            pages[-1].append(" ".join(([prefix] if prefix else []) + taken))
            room -= len(taken)
    return [page for page in pages if page]


def _prefix(block: Block, layout: MarkdownLayout) -> str:
    return {"heading": "##", "item": "-", "quote": ">" if layout.quote_marks else ""}.get(block.kind, "")


def _page_text(paragraphs: list[str], document: Document) -> str:
    text = "\n\n".join(glue_markers(paragraph, _SUP) for paragraph in paragraphs)
    notes = [number for paragraph in paragraphs for number in MARKER.findall(paragraph)]
    if not notes:
        return text
    foot = "\n\n".join(f"{_SUP.format(n)} {document.notes[int(n) - 1]}" for n in dict.fromkeys(notes))
    return f"{text}\n\n---\n\n{foot}"


def _folio(page: int, layout: MarkdownLayout) -> str:
    """The page number a conversion kept at the page's end (the cover is page 1)."""
    return f"\n\n{page + 2}" if layout.folios else ""


def _title_block(document: Document, layout: MarkdownLayout) -> str:
    return "\n\n".join(["\n" + layout.publisher, "Anti-Copyright\n\n", f"# {document.title}",
                        document.subtitle, document.author, str(document.year)])


def _colophon(document: Document, layout: MarkdownLayout) -> str:
    return (f"{document.author}\n\n{document.title}  \n{document.subtitle}  \n{document.year}\n\n"
            f"Retrieved on 3<sup>rd</sup> March 2021 from {layout.site}.\n\n[{layout.site}](https://{layout.site})")


def _furniture(document: Document, layout: MarkdownLayout) -> tuple[str, ...]:
    """What the title block and the colophon say, as a reader would see it if it stayed in the body."""
    facts = (document.title, document.subtitle, document.author, str(document.year))
    retrieved = f"Retrieved on 3rd March 2021 from {layout.site}."
    return (layout.publisher, "Anti-Copyright", *facts, *facts, retrieved, layout.site)
