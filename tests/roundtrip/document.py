"""The clean truth: an essay as typed blocks and notes, and the chapter Markdown both sides are read back from."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

MARKER = re.compile(r"\[\^(\w+)\]")
_NOTE_DEF = re.compile(r"^\[\^(\w+)\]:\s?(.*)$")
_HEADING = re.compile(r"^#{1,6}\s+(.*)$")
_ITEM = re.compile(r"^(?:[-*+]|\d{1,9}[.)])\s+(.*)$")
_ESCAPED = re.compile(r"\\([\\`*_<>#\[\]\-+.!=()>|{}])")


@dataclass(frozen=True)
class Block:
    """A paragraph-level unit: "para", "heading", "quote" or "item".

    `text` is inline text with note markers written `[^n]`; `group` ties the
    paragraphs of one quotation (and the items of one list) together.
    """

    kind: str
    text: str
    group: int = 0


@dataclass(frozen=True)
class Document:
    """An essay: front-matter facts, body blocks, and note texts by number (notes[0] is note 1)."""

    title: str
    author: str
    year: int
    blocks: tuple[Block, ...]
    notes: tuple[str, ...] = ()
    subtitle: str = ""


@dataclass(frozen=True)
class Body:
    """A chapter body read back: blocks in order and note texts by label."""

    blocks: tuple[Block, ...]
    notes: dict[str, str] = field(default_factory=dict)


def to_markdown(document: Document) -> str:
    """The body as a chapter file writes it: the form the normaliser should reach.

    >>> doc = Document("T", "A", 1990, (Block("heading", "Start"), Block("quote", "“One”", 1),
    ...                 Block("quote", "“Two”", 1), Block("para", "Said.[^1]")), ("Note.",))
    >>> print(to_markdown(doc), end="")
    ## Start
    <BLANKLINE>
    > “One”
    >
    > “Two”
    <BLANKLINE>
    Said.[^1]
    <BLANKLINE>
    [^1]: Note.
    """
    parts: list[str] = []
    previous: Block | None = None
    for block in document.blocks:
        if previous is not None:
            parts.append(_separator(previous, block))
        parts.append(_line(block))
        previous = block
    body = "".join(parts)
    for number, text in enumerate(document.notes, start=1):
        body += f"\n[^{number}]: {text}\n"
    return body


def _separator(previous: Block, block: Block) -> str:
    if previous.kind == block.kind and previous.group == block.group:
        return {"quote": ">\n", "item": ""}.get(block.kind, "\n")
    return "\n"


def _line(block: Block) -> str:
    prefix = {"heading": "## ", "quote": "> ", "item": "- "}.get(block.kind, "")
    return f"{prefix}{block.text}\n"


def parse_body(markdown: str) -> Body:
    """Read a chapter body back into blocks and notes (the subset chapters use).

    >>> body = parse_body("## On it\\n\\n> “A\\n>\\n> “B”\\n\\n- x\\n- y\\n\\nText\\nwraps.[^1]\\n\\n[^1]: N.\\n")
    >>> [(b.kind, b.text, b.group) for b in body.blocks]
    [('heading', 'On it', 0), ('quote', '“A', 2), ('quote', '“B”', 2), ('item', 'x', 3), ('item', 'y', 3), ('para', 'Text wraps.[^1]', 0)]
    >>> body.notes
    {'1': 'N.'}
    """
    blocks: list[Block] = []
    notes: dict[str, str] = {}
    for number, chunk in enumerate(re.split(r"\n[ \t]*\n", markdown.strip("\n")), start=1):
        lines = [line.rstrip() for line in chunk.split("\n") if line.strip()]
        if not lines:
            continue
        definition = _NOTE_DEF.match(lines[0])
        if definition:
            notes[definition.group(1)] = _inline(" ".join([definition.group(2), *lines[1:]]))
        else:
            blocks.extend(_chunk_blocks(lines, number))
    return Body(tuple(blocks), notes)


def _chunk_blocks(lines: list[str], group: int) -> list[Block]:
    """The blocks of one blank-line-separated chunk; `group` numbers its quote or list."""
    heading = _HEADING.match(lines[0])
    if heading and len(lines) == 1:
        return [Block("heading", _inline(heading.group(1)))]
    if all(line.startswith(">") for line in lines):
        paragraphs = " ".join(line[1:].strip() or "\n" for line in lines).split("\n")
        return [Block("quote", _inline(text), group) for text in paragraphs if text.strip()]
    if _ITEM.match(lines[0]):
        return [Block("item", _inline(text), group) for text in _items(lines)]
    return [Block("para", _inline(" ".join(lines)))]


def _items(lines: list[str]) -> list[str]:
    items: list[str] = []
    for line in lines:
        item = _ITEM.match(line)
        if item or not items:
            items.append(item.group(1) if item else line)
        else:
            items[-1] += " " + line.strip()
    return items


def _inline(text: str) -> str:
    """Inline text with spacing tidied and Markdown escapes undone."""
    return _ESCAPED.sub(r"\1", re.sub(r"\s+", " ", text).strip())
