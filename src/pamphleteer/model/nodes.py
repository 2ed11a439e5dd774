"""The edition as a tree of typed nodes; names follow Pandoc's AST."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..diagnostics import Location

# Inline nodes -------------------------------------------------------------


@dataclass(frozen=True)
class Str:
    text: str


@dataclass(frozen=True)
class Emph:
    content: tuple[Inline, ...]


@dataclass(frozen=True)
class Strong:
    content: tuple[Inline, ...]


@dataclass(frozen=True)
class Code:
    text: str


@dataclass(frozen=True)
class Link:
    url: str
    content: tuple[Inline, ...]


@dataclass(frozen=True)
class LineBreak:
    pass


@dataclass(frozen=True)
class NoteRef:
    """A call to note `number` of its chapter."""

    number: int


@dataclass(frozen=True)
class Cite:
    """A citation `[@key, locator]`; `rendered` is filled by transforms."""

    key: str
    locator: str = ""
    prefix: str = ""
    rendered: tuple[Inline, ...] = ()


Inline = Str | Emph | Strong | Code | Link | LineBreak | NoteRef | Cite

# Block nodes --------------------------------------------------------------


@dataclass(frozen=True)
class Para:
    content: tuple[Inline, ...]


@dataclass(frozen=True)
class Header:
    level: int
    content: tuple[Inline, ...]
    identifier: str


@dataclass(frozen=True)
class BlockQuote:
    content: tuple[Block, ...]


@dataclass(frozen=True)
class BulletList:
    items: tuple[tuple[Block, ...], ...]


@dataclass(frozen=True)
class OrderedList:
    items: tuple[tuple[Block, ...], ...]
    start: int = 1


@dataclass(frozen=True)
class HorizontalRule:
    pass


Block = Para | Header | BlockQuote | BulletList | OrderedList | HorizontalRule

# Document -----------------------------------------------------------------


@dataclass(frozen=True)
class Note:
    """A chapter's note: its number, label in the file, and content."""

    number: int
    label: str
    content: tuple[Block, ...]
    location: Location


@dataclass(frozen=True)
class Chapter:
    """One chapter: front matter, body blocks and notes."""

    slug: str
    number: int
    role: str
    title: str
    subtitle: str
    author: str
    meta: dict[str, object]
    blocks: tuple[Block, ...]
    notes: tuple[Note, ...]
    location: Location

    @property
    def identifier(self) -> str:
        return f"ch-{self.slug}"


@dataclass(frozen=True)
class Correction:
    """An editorial correction applied to this edition."""

    chapter: str
    find: str
    replace: str
    reason: str


@dataclass(frozen=True)
class Edition:
    """The pamphlet as it will be published."""

    slug: str
    title: str
    subtitle: str
    editor: str
    publisher: str
    authors: tuple[str, ...]
    language: str
    edition: int
    date: dt.date
    description: str
    chapters: tuple[Chapter, ...]
    corrections: tuple[Correction, ...] = ()
    works_cited: tuple[tuple[Inline, ...], ...] = ()
    options: dict[str, str] = field(default_factory=dict)
