"""Resolve citations: render each in one style, make them notes (or keep them inline), list the works cited."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from ..diagnostics import Location
from ..errors import ContentError
from ..project.references import REFERENCES, Reference
from . import nodes as n
from .chicago import bibliography_entry, note_form, sort_key
from .crossrefs import link_notes, link_sections

WORKS_CITED = "works-cited"
_PUNCTUATION = re.compile(r"^[.,;:]")


def resolve_citations(edition: n.Edition, references: Mapping[str, Reference]) -> n.Edition:
    """The edition with every citation rendered, notes renumbered, and "Works cited" at the end.

    With `citations = "notes"` (the default) a citation in the text becomes a
    note, numbered with the chapter's other notes; with "inline" it stays in
    the text in its short form, in parentheses.
    """
    as_notes = edition.options.get("citations", "notes") == "notes"
    resolved = [resolve_chapter(chapter, references, as_notes) for chapter in edition.chapters]
    return with_works_cited(replace(edition, chapters=tuple(chapter for chapter, _ in resolved)),
                            [key for _, keys in resolved for key in keys], references)


def resolve_chapter(chapter: n.Chapter, references: Mapping[str, Reference],
                    as_notes: bool) -> tuple[n.Chapter, list[str]]:
    """One chapter with its citations rendered and notes renumbered (see resolve_citations), and the keys it cites."""
    cited: list[str] = []
    return _Chapter(chapter, references, as_notes, cited).resolve(), cited


def with_works_cited(edition: n.Edition, cited: list[str], references: Mapping[str, Reference]) -> n.Edition:
    """The edition with "Works cited" at the end, listing each work in `cited` once, by author."""
    keys = sorted(dict.fromkeys(cited), key=lambda key: sort_key(references[key]))  # ties: first cited first
    entries = tuple(bibliography_entry(references[key]) for key in keys)
    chapters = edition.chapters
    if entries:
        chapters += (works_cited_chapter(entries, len(chapters) + 1),)
    return replace(edition, chapters=chapters, works_cited=entries)


def works_cited_chapter(entries: tuple[tuple[n.Inline, ...], ...], number: int) -> n.Chapter:
    """The list of works cited, as a back-matter chapter both renderers show and list."""
    return n.Chapter(slug=WORKS_CITED, number=number, role="bibliography", title="Works cited", subtitle="",
                     author="", meta={}, blocks=tuple(n.Para(entry) for entry in entries), notes=(),
                     location=Location(REFERENCES))


@dataclass
class _Chapter:
    """Resolving one chapter: notes are numbered again in the order they are called."""

    chapter: n.Chapter
    references: Mapping[str, Reference]
    as_notes: bool
    cited: list[str]
    notes: list[n.Note] = field(default_factory=list)
    numbers: dict[int, int] = field(default_factory=dict)
    in_full: set[str] = field(default_factory=set)

    def resolve(self) -> n.Chapter:
        blocks = tuple(self.block(block) for block in self.chapter.blocks)
        for note in self.chapter.notes:  # notes never called keep their place at the end
            if note.number not in self.numbers:
                self.place(note)
        labels = {note.label: self.numbers[note.number] for note in self.chapter.notes}
        chapter = replace(self.chapter, blocks=blocks, notes=tuple(self.notes))
        return link_sections(link_notes(chapter, labels))

    def block(self, block: n.Block, in_note: bool = False) -> n.Block:
        if isinstance(block, (n.Para, n.Header)):
            return replace(block, content=self.inlines(block.content, in_note))
        if isinstance(block, n.BlockQuote):
            return n.BlockQuote(tuple(self.block(inner, in_note) for inner in block.content))
        if isinstance(block, (n.BulletList, n.OrderedList)):
            items = tuple(tuple(self.block(inner, in_note) for inner in item) for item in block.items)
            return replace(block, items=items)
        return block

    def inlines(self, content: tuple[n.Inline, ...], in_note: bool) -> tuple[n.Inline, ...]:
        out: list[n.Inline] = []
        skip = 0  # punctuation after a citation made a note goes before its call
        for index, node in enumerate(content):
            if skip and isinstance(node, n.Str):
                node, skip = n.Str(node.text[skip:]), 0
            made = self.inline(node, in_note)
            out.append(made)
            if isinstance(node, n.Cite) and isinstance(made, n.NoteRef):
                skip = _place_call(out, content[index + 1] if index + 1 < len(content) else None)
        return tuple(part for part in out if not (isinstance(part, n.Str) and not part.text))

    def inline(self, node: n.Inline, in_note: bool) -> n.Inline:
        if isinstance(node, n.Cite):
            return self.cite(node, in_note)
        if isinstance(node, n.NoteRef):
            note = next((x for x in self.chapter.notes if x.number == node.number), None)
            return n.NoteRef(self.numbers.get(node.number) or self.place(note)) if note else node
        if isinstance(node, (n.Emph, n.Strong, n.Link)):
            return replace(node, content=self.inlines(node.content, in_note))
        return node

    def place(self, note: n.Note) -> int:
        """Give a note its number in calling order, and resolve the citations in it."""
        number = len(self.notes) + 1
        self.numbers[note.number] = number
        self.notes.append(n.Note(number, note.label, (), note.location))
        content = tuple(self.block(block, in_note=True) for block in note.content)
        self.notes[number - 1] = n.Note(number, note.label, content, note.location)
        return number

    def cite(self, cite: n.Cite, in_note: bool) -> n.Inline:
        reference = self.references.get(cite.key)
        if reference is None:
            raise ContentError(f"{self.chapter.location.path}: unknown citation key @{cite.key}; "
                               f"add the work to {REFERENCES} or fix the key.")
        if cite.key not in self.cited:
            self.cited.append(cite.key)
        full = cite.key not in self.in_full and (self.as_notes or in_note)
        self.in_full.add(cite.key)
        rendered = _with_prefix(cite.prefix, note_form(reference, cite.locator, full))
        if in_note:
            return replace(cite, rendered=rendered)
        if not self.as_notes:
            return replace(cite, rendered=(n.Str("("), *rendered, n.Str(")")))
        number = len(self.notes) + 1
        content = (n.Para(_capitalised(rendered) + (n.Str("."),)),)
        self.notes.append(n.Note(number, "", content, self.chapter.location))
        return n.NoteRef(number)


def _with_prefix(prefix: str, rendered: tuple[n.Inline, ...]) -> tuple[n.Inline, ...]:
    return (n.Str(f"{prefix} "), *rendered) if prefix else rendered


def _capitalised(content: tuple[n.Inline, ...]) -> tuple[n.Inline, ...]:
    first = content[0] if content else None
    if isinstance(first, n.Str) and first.text:
        return (n.Str(first.text[0].upper() + first.text[1:]), *content[1:])
    return content


def _place_call(out: list[n.Inline], following: n.Inline | None) -> int:
    """A note call follows the sentence's punctuation: "said [@a]." reads "said.¹".

    The space before the call goes; a mark after it moves before it, unless
    the sentence already ends with that mark (it is not doubled). Returns how
    many characters of the following text were moved.
    """
    call = out.pop()
    if out and isinstance(out[-1], n.Str):
        out[-1] = n.Str(out[-1].text.rstrip())
    match = _PUNCTUATION.match(following.text) if isinstance(following, n.Str) else None
    mark = match.group(0) if match else ""
    if mark and out and isinstance(out[-1], n.Str) and not re.search(rf"{re.escape(mark)}[”’\"']*$", out[-1].text):
        out[-1] = n.Str(out[-1].text + mark)
    out.append(call)
    return len(mark)
