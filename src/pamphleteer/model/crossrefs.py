"""References within the pamphlet: "see note 4" and "see section 3" become links to their targets."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from . import nodes as n
from .parse import plain_text

_NOTE = re.compile(r"\bnote (\d{1,3})\b")
_SECTION = re.compile(
    r"\b(?P<word>sections?) (?P<number>[A-Z]?\.?\d+(?:\.\d+)*)\b(?P<elsewhere> of (?:the|an?|this|that|his|her|their)\b)?")
_RELATIVE = re.compile(r"\b(?P<which>next|following|previous|preceding) section\b", re.I)
_NUMBERED = re.compile(r"^(\d+(?:\.\d+)*)[.)]?\s")


@dataclass(frozen=True)
class SectionReference:
    """A mention of a part of the text, and the heading it leads to ("" if not in the pamphlet)."""

    text: str
    target: str


def link_notes(chapter: n.Chapter, numbers: dict[str, int]) -> n.Chapter:
    """Make "note 4" (4 being a note label in the chapter file) a link to that note, as numbered now."""
    def edit(text: str) -> list[n.Inline] | None:
        return _split(text, _NOTE, lambda m: _note_link(chapter, numbers, m))

    notes = tuple(replace(note, content=_map_blocks(note.content, edit)) for note in chapter.notes)
    return replace(chapter, blocks=_map_blocks(chapter.blocks, edit), notes=notes)


def _note_link(chapter: n.Chapter, numbers: dict[str, int], match: re.Match[str]) -> n.Inline | None:
    number = numbers.get(match.group(1))
    if number is None:
        return None
    return n.Link(f"#{chapter.slug}-note-{number}", (n.Str(f"note {number}"),))


def section_references(chapter: n.Chapter) -> list[SectionReference]:
    """Every "section N" and "the next section" in the chapter body, with its target heading."""
    found: list[SectionReference] = []
    for index, block in enumerate(chapter.blocks):
        text = plain_text(_inlines_of(block))
        for match in _mentions(text):
            shown = match.group(0) if match.group("which") else f"{match.group('word')} {match.group('number')}"
            found.append(SectionReference(shown, _target(chapter, index, match)))
    return found


def link_sections(chapter: n.Chapter) -> n.Chapter:
    """Make mentions of sections that are in the chapter links to their headings."""
    blocks = []
    for index, block in enumerate(chapter.blocks):
        def edit(text: str, index=index) -> list[n.Inline] | None:
            return _split(text, _BOTH, lambda m: _section_link(chapter, index, m))

        blocks.append(_map_blocks((block,), edit)[0])
    return replace(chapter, blocks=tuple(blocks))


_BOTH = re.compile(f"{_SECTION.pattern}|{_RELATIVE.pattern}", re.I)


def _mentions(text: str) -> list[re.Match[str]]:
    return list(_BOTH.finditer(text))


def _section_link(chapter: n.Chapter, index: int, match: re.Match[str]) -> n.Inline | None:
    target = _target(chapter, index, match)
    return n.Link(f"#{target}", (n.Str(match.group(0)),)) if target else None


def _target(chapter: n.Chapter, index: int, match: re.Match[str]) -> str:
    """The identifier of the heading a mention leads to, or "" if the pamphlet lacks it."""
    headers = [(i, block) for i, block in enumerate(chapter.blocks) if isinstance(block, n.Header)]
    if match.group("which"):
        forward = match.group("which").lower() in ("next", "following")
        after = [h for i, h in headers if i > index] if forward else [h for i, h in headers if i < index][:-1]
        return (after[0] if forward else after[-1]).identifier if after else ""
    if match.group("elsewhere"):
        return ""  # "section 3 of the appendix on ...": another text
    numbered = {m.group(1): h.identifier for _, h in headers if (m := _NUMBERED.match(plain_text(h.content)))}
    return numbered.get(match.group("number"), "")


def _inlines_of(block: n.Block) -> tuple[n.Inline, ...]:
    if isinstance(block, (n.Para, n.Header)):
        return block.content
    if isinstance(block, n.BlockQuote):
        return tuple(node for inner in block.content for node in _inlines_of(inner) + (n.Str(" "),))
    if isinstance(block, (n.BulletList, n.OrderedList)):
        return tuple(node for item in block.items for inner in item for node in _inlines_of(inner) + (n.Str(" "),))
    return ()


def _split(text: str, pattern: re.Pattern[str], make: Callable[[re.Match[str]], n.Inline | None]) -> list[n.Inline] | None:
    """`text` as Str nodes with each match `make` accepts replaced by the node it makes; None if none is."""
    matches = list(pattern.finditer(text))
    if not matches:
        return None  # most text mentions no note or section: the node stays as it is
    out: list[n.Inline] = []
    last = 0
    for match in matches:
        node = make(match)
        if node is not None:
            out += [n.Str(text[last:match.start()]), node]
            last = match.end()
    if not last:
        return None
    out.append(n.Str(text[last:]))
    return [node for node in out if not (isinstance(node, n.Str) and not node.text)]


Edit = Callable[[str], "list[n.Inline] | None"]


def _map_blocks(blocks: tuple[n.Block, ...], edit: Edit) -> tuple[n.Block, ...]:
    return tuple(_map_block(block, edit) for block in blocks)


def _map_block(block: n.Block, edit: Edit) -> n.Block:
    if isinstance(block, n.Para):
        return n.Para(_map_inlines(block.content, edit))
    if isinstance(block, n.BlockQuote):
        return n.BlockQuote(_map_blocks(block.content, edit))
    if isinstance(block, n.BulletList):
        return n.BulletList(tuple(_map_blocks(item, edit) for item in block.items))
    if isinstance(block, n.OrderedList):
        return n.OrderedList(tuple(_map_blocks(item, edit) for item in block.items), block.start)
    return block


def _map_inlines(content: tuple[n.Inline, ...], edit: Edit) -> tuple[n.Inline, ...]:
    out: list[n.Inline] = []
    for node in content:
        if isinstance(node, n.Str):
            edited = edit(node.text)
            out += [node] if edited is None else edited
        elif isinstance(node, (n.Emph, n.Strong)):
            out.append(type(node)(_map_inlines(node.content, edit)))
        else:
            out.append(node)  # links stay as they are: no link inside a link
    return tuple(out)
