"""The document while it is normalised: seed lines, then blocks, each tied to its seed line."""

from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Line:
    """One line of the seed as read, before it is unwrapped.

    Attributes:
        text: The line without its newline.
        line: 1-based line number in the seed.
        page: Page index assigned by page splitting (0 while unpaged).
    """

    text: str
    line: int
    page: int = 0


@dataclass(frozen=True)
class Block:
    """A paragraph-level unit of the chapter.

    `text` may still hold "\\n" between the seed lines it was made from;
    `lines` gives the seed line of each of those segments, so a change
    anywhere in the block can be located exactly.

    Attributes:
        kind: "para", "heading", "quote" or "item".
        text: Inline text (Markdown inline syntax if `Draft.markup`).
        lines: Seed line of each "\\n"-separated segment of `text`.
        level: Heading level; for quotes, the quote group (consecutive quote
            blocks with the same group are paragraphs of one quotation);
            for items, 0 = bulleted, 1 = numbered.
    """

    kind: str
    text: str
    lines: tuple[int, ...]
    level: int = 0

    @property
    def line(self) -> int:
        return self.lines[0] if self.lines else 0

    def line_at(self, offset: int) -> int:
        """Seed line of the character at `offset` in `text`."""
        index = self.text.count("\n", 0, offset)
        return self.lines[min(index, len(self.lines) - 1)] if self.lines else 0

    def with_text(self, text: str) -> Block:
        """Same block, new text; keeps as many line anchors as segments remain."""
        segments = text.count("\n") + 1
        lines = self.lines[:segments] if segments < len(self.lines) else self.lines
        return replace(self, text=text, lines=lines)


@dataclass(frozen=True)
class Note:
    """A note's text, collected from wherever the source put it."""

    label: str
    text: str
    line: int


@dataclass(frozen=True)
class Draft:
    """Everything a pass may read or rewrite.

    Attributes:
        path: The seed's path as shown in locations.
        kind: The reader kind the seed was read as.
        markup: True when block text already holds Markdown inline syntax
            (markdown and html kinds); plain text is escaped on writing.
        lines: Seed lines, until a pass turns them into blocks.
        blocks: The chapter body, once unwrapped.
        notes: Note texts, keyed by their label in the source.
        meta: Front-matter facts found in the text (title, author, ...).
        page_order: The page order chosen, as original page indices.
        pages_marked: True when the source marks every page's end (a
            converter's page separators), so no page break is left to find.
    """

    path: str
    kind: str
    markup: bool = False
    lines: tuple[Line, ...] = ()
    blocks: tuple[Block, ...] = ()
    notes: tuple[Note, ...] = ()
    meta: tuple[tuple[str, str], ...] = ()
    page_order: tuple[int, ...] = ()
    pages_marked: bool = False

    def but(self, **changes) -> Draft:
        """A copy with some fields replaced (drafts are immutable)."""
        return replace(self, **changes)

    def meta_value(self, key: str) -> str:
        return dict(self.meta).get(key, "")

    def with_meta(self, key: str, value: str) -> Draft:
        """Record a front-matter fact unless one is known already."""
        if self.meta_value(key) or not value:
            return self
        return replace(self, meta=self.meta + ((key, value),))

    def words(self) -> list[str]:
        """Every whitespace-separated token of the body and notes, for audits."""
        texts = [line.text for line in self.lines]
        texts += [block.text for block in self.blocks]
        texts += [note.text for note in self.notes]
        return " ".join(texts).split()


def note_blocks(notes: tuple[Note, ...]) -> tuple[Block, ...]:
    """Notes as blocks, so that text passes can treat them like paragraphs."""
    return tuple(Block("note", note.text, (note.line,) * (note.text.count("\n") + 1)) for note in notes)


def notes_from_blocks(notes: tuple[Note, ...], blocks: tuple[Block, ...] | list[Block]) -> tuple[Note, ...]:
    """The notes again, with the text of the blocks made by `note_blocks`."""
    return tuple(Note(note.label, block.text, note.line) for note, block in zip(notes, blocks, strict=True))
