"""Chapter Markdown to model nodes: notes numbered, headings given identifiers."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass
from pathlib import Path

from ..chapters import ChapterFile
from ..diagnostics import Location
from . import nodes as n
from .markdown_ext import chapter_markdown, parse_tree

_DEFINITION = re.compile(r"^\[\^([^\]\s]+)\]:[ \t]?(.*)$")


@dataclass(frozen=True)
class NoteText:
    label: str
    text: str
    line: int


def split_note_definitions(body: str, first_line: int = 1) -> tuple[str, list[NoteText]]:
    """Take `[^label]: text` definitions (and their indented continuations) out of `body`.

    >>> text, notes = split_note_definitions("A.[^1]\\n\\n[^1]: One\\n    more.\\n")
    >>> text, [(x.label, x.text, x.line) for x in notes]
    ('A.[^1]\\n', [('1', 'One\\nmore.', 3)])
    """
    kept: list[str] = []
    notes: list[NoteText] = []
    current: list[str] | None = None
    for number, line in enumerate(body.split("\n"), start=first_line):
        match = _DEFINITION.match(line)
        if match:
            current = [match.group(2)]
            notes.append(NoteText(match.group(1), "", number))
        elif current is not None and (line.startswith(("    ", "\t")) or not line.strip()):
            current.append(line[4:] if line.startswith("    ") else line.lstrip("\t"))
        else:
            current = None
        if current is not None and notes:
            notes[-1] = NoteText(notes[-1].label, "\n".join(current).strip(), notes[-1].line)
        else:
            kept.append(line)
    return "\n".join(kept), notes


class ChapterParser:
    """Parses chapters; one instance reuses its Markdown parser across chapters."""

    def __init__(self) -> None:
        self._md = chapter_markdown()

    def parse(self, chapter: ChapterFile, number: int, slug: str, role: str, shown: str) -> n.Chapter:
        """Build a Chapter node from a chapter file."""
        text, definitions = split_note_definitions(chapter.body, chapter.body_line)
        builder = _Builder(slug)
        blocks = builder.blocks(parse_tree(self._md, text))
        by_label = {d.label: d for d in definitions}
        notes = []
        for index, label in enumerate(builder.note_order, start=1):
            definition = by_label.get(label)
            content = builder.blocks(parse_tree(self._md, definition.text)) if definition else ()
            line = definition.line if definition else chapter.body_line
            notes.append(n.Note(index, label, content, Location(shown, line)))
        meta = dict(chapter.meta)
        return n.Chapter(
            slug=slug, number=number, role=role,
            title=str(meta.get("title", "")), subtitle=str(meta.get("subtitle", "") or ""),
            author=str(meta.get("author", "") or ""), meta=meta,
            blocks=blocks, notes=tuple(notes), location=Location(shown, 1),
        )


class _Builder:
    """Converts Python-Markdown's element tree into model nodes."""

    def __init__(self, slug: str) -> None:
        self.slug = slug
        self.note_order: list[str] = []
        self._identifiers: set[str] = set()

    def blocks(self, root: etree.Element) -> tuple[n.Block, ...]:
        return tuple(block for child in root if (block := self.block(child)) is not None)

    def block(self, element: etree.Element) -> n.Block | None:
        tag = element.tag
        if tag == "p":
            return n.Para(self.inlines(element))
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            content = self.inlines(element)
            return n.Header(int(tag[1]), content, self._identifier(content))
        if tag == "blockquote":
            return n.BlockQuote(self.blocks(element))
        if tag in ("ul", "ol"):
            items = tuple(self._item(li) for li in element if li.tag == "li")
            if tag == "ul":
                return n.BulletList(items)
            return n.OrderedList(items, int(element.get("start", "1")))
        if tag == "hr":
            return n.HorizontalRule()
        if tag == "pre":
            return n.Para((n.Code("".join(element.itertext())),))
        return n.Para(self.inlines(element))

    def _item(self, li: etree.Element) -> tuple[n.Block, ...]:
        if any(child.tag in ("p", "ul", "ol", "blockquote") for child in li):
            return self.blocks(li)
        return (n.Para(self.inlines(li)),)

    def inlines(self, element: etree.Element) -> tuple[n.Inline, ...]:
        out: list[n.Inline] = []
        if element.text:
            out.append(n.Str(element.text))
        for child in element:
            node = self.inline(child)
            if node is not None:
                out.append(node)
            if child.tail:
                out.append(n.Str(child.tail))
        return _merge_strings(out)

    def inline(self, element: etree.Element) -> n.Inline | None:
        tag = element.tag
        if tag in ("em", "i"):
            return n.Emph(self.inlines(element))
        if tag in ("strong", "b"):
            return n.Strong(self.inlines(element))
        if tag == "code":
            return n.Code("".join(element.itertext()))
        if tag == "a":
            return n.Link(element.get("href", ""), self.inlines(element))
        if tag == "br":
            return n.LineBreak()
        if tag == "noteref":
            label = element.get("label", "")
            if label not in self.note_order:
                self.note_order.append(label)
            return n.NoteRef(self.note_order.index(label) + 1)
        if tag == "cite":
            return n.Cite(element.get("key", ""), element.get("locator", ""), element.get("prefix", ""))
        if tag == "img":
            return n.Str(element.get("alt", ""))
        return n.Str("".join(element.itertext()))

    def _identifier(self, content: tuple[n.Inline, ...]) -> str:
        words = re.findall(r"\w+", plain_text(content).lower())
        base = f"{self.slug}-{'-'.join(words[:6]) or 'section'}"
        identifier, count = base, 1
        while identifier in self._identifiers:
            count += 1
            identifier = f"{base}-{count}"
        self._identifiers.add(identifier)
        return identifier


def _merge_strings(nodes: list[n.Inline]) -> tuple[n.Inline, ...]:
    merged: list[n.Inline] = []
    for node in nodes:
        if isinstance(node, n.Str) and merged and isinstance(merged[-1], n.Str):
            merged[-1] = n.Str(merged[-1].text + node.text)
        else:
            merged.append(node)
    return tuple(merged)


def plain_text(content) -> str:
    """The text of inline nodes without markup (for identifiers, metadata, checks)."""
    parts: list[str] = []
    for node in content:
        if isinstance(node, (n.Str, n.Code)):
            parts.append(node.text)
        elif isinstance(node, (n.Emph, n.Strong, n.Link)):
            parts.append(plain_text(node.content))
        elif isinstance(node, n.LineBreak):
            parts.append(" ")
        elif isinstance(node, n.Cite) and node.rendered:
            parts.append(plain_text(node.rendered))
    return "".join(parts)


__all__ = ["ChapterParser", "Path", "plain_text", "split_note_definitions"]
