"""What each page tells the page-order solver: its first and last lines of text, folio and notes."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .draft import Line
from .frontmatter import is_title_matter
from .furniture import FOLIO, is_running_head, running_heads
from .notes import foot_note_start, parse_foot_notes

_SUP_LABEL = re.compile(r"<sup>(\d{1,3})</sup>")
_SENTENCE_END = re.compile(r"[.,;:!?…]\W*$")
# Lines of a title block are short.
_TITLE_CHARS = 45
_NUMBER = re.compile(r"(?<!\d)(\d{1,3})(?!\d)")


@dataclass(frozen=True)
class PageFacts:
    """One page as the solver sees it, furniture and foot notes set aside.

    Attributes:
        page: The page's index in the seed.
        line: Seed line of the page's first line.
        head: First line of text.
        tail: Last line of text.
        folio: The printed page number, if the page shows one.
        notes: Note numbers on the page, in order.
        chars: Characters of text, notes included (a measure of the page's length).
        title: True if the page opens with a title block (two or more short, unpunctuated lines).
        matter: True if the page is all title page or colophon: it joins no text on either side.
    """

    page: int
    line: int
    head: str
    tail: str
    folio: int | None = None
    notes: tuple[int, ...] = ()
    chars: int = 0
    title: bool = False
    matter: bool = False


def page_facts(lines: tuple[Line, ...]) -> list[PageFacts]:
    """The facts of every page, in the order the pages come.

    >>> from pamphleteer.readers.lines import split_lines
    >>> lines = [Line(l.text, l.line, 0 if l.line < 5 else 1) for l in split_lines(
    ...     "the end of a\\n\\n3\\n\\n7\\nsentence.1\\n\\n1 A note.")]
    >>> [(f.head, f.tail, f.folio, f.notes) for f in page_facts(tuple(lines))]
    [('the end of a', 'the end of a', 3, ()), ('sentence.1', 'sentence.1', 7, (1,))]
    """
    heads = running_heads(lines)
    pages: dict[int, list[Line]] = {}
    for line in lines:
        pages.setdefault(line.page, []).append(line)
    return [_facts(page, page_lines, heads) for page, page_lines in pages.items()]


def _facts(page: int, lines: list[Line], heads: set[str]) -> PageFacts:
    texts = [line for line in lines if line.text.strip()]
    folio, furniture = None, []
    while texts and _is_furniture(texts, heads):
        furniture.append(texts.pop(0) if _is_edge_furniture(texts[0], heads) else texts.pop())
        folio = folio if folio is not None else _folio_value(furniture[-1].text)
    body = [line for line in lines if line not in furniture]
    start = foot_note_start(body, list(range(len(body)))) if body else None
    foot = body[start:] if start is not None else []
    notes = [int(note.label) for note in parse_foot_notes(foot)]
    content = [line for line in body[:start] if line.text.strip()]
    notes += [int(label) for line in content for label in _SUP_LABEL.findall(line.text)]
    if not content:
        return PageFacts(page, lines[0].line, "", "", folio, tuple(notes), 0)
    chars = sum(len(line.text.strip()) for line in texts)
    return PageFacts(page, lines[0].line, content[0].text.strip(), content[-1].text.strip(), folio, tuple(notes),
                     chars, _opens_with_title(content), is_title_matter([line.text for line in content]))


def _opens_with_title(content: list[Line]) -> bool:
    short = [len(line.text.strip()) <= _TITLE_CHARS and not _SENTENCE_END.search(line.text) for line in content[:2]]
    return len(short) == 2 and all(short)


def _is_edge_furniture(line: Line, heads: set[str]) -> bool:
    return bool(FOLIO.match(line.text)) or is_running_head(line.text, heads)


def _is_furniture(texts: list[Line], heads: set[str]) -> bool:
    return _is_edge_furniture(texts[0], heads) or _is_edge_furniture(texts[-1], heads)


def _folio_value(text: str) -> int | None:
    """The page number a folio line or running head shows (roman numerals count as none).

    >>> _folio_value("Page 12 of 40"), _folio_value("Councils 7"), _folio_value("xii")
    (12, 7, None)
    """
    folio = FOLIO.match(text)
    if folio:
        return int(folio.group(1)) if folio.group(1).isdigit() else None
    numbers = _NUMBER.findall(text)
    return int(numbers[0]) if len(numbers) == 1 else None
