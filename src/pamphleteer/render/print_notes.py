"""Footnotes for print: a linked call in the text, the note beside it floated to the page foot."""

from __future__ import annotations

import re

from markupsafe import Markup

from ..model import nodes as n
from ..model.parse import plain_text
from .html import HtmlWriter
from .note_fit import PAGE_START

# The id of a note (HtmlWriter.note_id); a link to it is a note call.
NOTE_TARGET = re.compile(r"-note-\d+$")


class PrintWriter(HtmlWriter):
    """The chapter HTML for print, with footnotes WeasyPrint floats to the foot of the page.

    Each call is a link to its note and each note number links back, so the
    PDF's links show (and `check` measures) whether a note landed on the
    page of its call. Numbers come from the model, so they restart in every
    chapter whatever the CSS counters do.
    """

    def __init__(self, chapter: n.Chapter, adjust: dict[str, str] | None = None) -> None:
        super().__init__(chapter, "print")
        self.adjust = adjust or {}
        self._given_to_heading: set[str] = set()

    def blocks(self, blocks: tuple[n.Block, ...]) -> Markup:
        """Blocks in order; a paragraph told to start a page hands that to its heading, if it follows one."""
        parts = []
        for index, block in enumerate(blocks):
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            key = self._key(following) if isinstance(following, n.Para) else ""
            if isinstance(block, n.Header) and key and self._starts_page(key):
                self._given_to_heading.add(key)
                heading = str(self.block(block))  # <hN id="..."> from HtmlWriter: add the class to its tag
                parts.append(Markup(heading.replace(">", f' class="{PAGE_START}">', 1)))
            else:
                parts.append(self.block(block))
        return Markup("\n").join(parts)

    def block(self, block: n.Block) -> Markup:
        """Paragraphs keep their position id, by which layout can adjust one of them (see note_fit)."""
        key = self._key(block) if isinstance(block, n.Para) else ""
        if not key:
            return super().block(block)
        adjust = self.adjust.get(key) if key not in self._given_to_heading else None
        extra = Markup(' class="{}"').format(adjust) if adjust else Markup("")
        return Markup('<p id="{}"{}>{}</p>').format(key, extra, self.inlines(block.content))

    def _key(self, block: n.Block) -> str:
        return self._anchors.get(id(block), "")

    def _starts_page(self, key: str) -> bool:
        return self.adjust.get(key) == PAGE_START

    def note_call(self, number: int) -> Markup:
        note_id = self.note_id(number)
        note = self._notes.get(number)
        body = self.note_body(note) if note else Markup("")
        # No space between call and note: they must stay on one line, so the
        # note is laid out with the line that calls it.
        return Markup(
            '<a class="note-call" href="#{0}" id="{0}-call">{1}</a>'
            '<span class="footnote" id="{0}"><a class="note-number" href="#{0}-call">{1}</a>{2}</span>'
        ).format(note_id, number, body)

    def note_body(self, note: n.Note) -> Markup:
        """A note's blocks as spans (a footnote lives inside a paragraph): the first runs on after its number.

        >>> from pamphleteer.diagnostics import Location
        >>> note = n.Note(1, "1", (n.Para((n.Str("One."),)), n.Para((n.Str("Two."),))), Location("x"))
        >>> chapter = n.Chapter("c", 1, "chapter", "T", "", "", {}, (), (note,), Location("x"))
        >>> str(PrintWriter(chapter).note_body(note))
        ' One.<span class="note-para">Two.</span>'
        """
        parts = [self._note_block(block, index == 0) for index, block in enumerate(note.content)]
        return Markup("").join(parts)

    def _note_block(self, block: n.Block, first: bool) -> Markup:
        if isinstance(block, n.Para):
            if first:
                return Markup(" ") + self.inlines(block.content)
            return Markup('<span class="note-para">{}</span>').format(self.inlines(block.content))
        if isinstance(block, n.BlockQuote):
            inner = Markup("").join(self._note_block(b, False) for b in block.content)
            return Markup('<span class="note-quote">{}</span>').format(inner)
        if isinstance(block, (n.BulletList, n.OrderedList)):
            items = [Markup("").join(self._note_block(b, False) for b in item) for item in block.items]
            return Markup("").join(Markup('<span class="note-item">{}</span>').format(i) for i in items)
        return Markup('<span class="note-para">{}</span>').format(plain_text(getattr(block, "content", ())))
