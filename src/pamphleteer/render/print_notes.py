"""Footnotes for print: a linked call in the text, the note beside it floated to the page foot."""

from __future__ import annotations

import re

from markupsafe import Markup

from ..model import nodes as n
from ..model.parse import plain_text
from .html import HtmlWriter

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
        self._paragraphs = 0

    def block(self, block: n.Block) -> Markup:
        """Paragraphs carry a key, so that layout can adjust one of them (see note_fit)."""
        if not isinstance(block, n.Para):
            return super().block(block)
        self._paragraphs += 1
        key = f"{self.chapter.slug}-p{self._paragraphs}"
        adjust = Markup(' class="{}"').format(self.adjust[key]) if key in self.adjust else Markup("")
        return Markup('<p data-p="{}"{}>{}</p>').format(key, adjust, self.inlines(block.content))

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
