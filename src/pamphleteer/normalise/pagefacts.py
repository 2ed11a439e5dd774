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
# A page's end is read over this many lines.
_TAIL_LINES = 3
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
        open_quote: True if the page's last paragraph leaves a quotation open.
        head_quote: "closes" if the first paragraph closes a quotation opened before the page,
            "opens" if it opens one, else "".
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
    open_quote: bool = False
    head_quote: str = ""


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
    paragraphs = _paragraphs(body[:start])
    return PageFacts(page, lines[0].line, content[0].text.strip(), _tail(paragraphs[-1]), folio, tuple(notes),
                     chars, _opens_with_title(content), is_title_matter([line.text for line in content]),
                     _leaves_open(paragraphs[-1]), _quote_at_head(paragraphs[0]))


def _tail(paragraph: str) -> str:
    """The end of the page's last paragraph: its last lines, so that a reference set over two lines is whole.

    >>> _tail("“We stopped.” [A. Name, The Long\\nWinter, p. 143]")
    '“We stopped.” [A. Name, The Long Winter, p. 143]'
    """
    return " ".join(line.strip() for line in paragraph.split("\n")[-_TAIL_LINES:])


def _paragraphs(lines: list[Line]) -> list[str]:
    """The page's paragraphs (runs of lines between blank lines), as text."""
    text = "\n".join(line.text.strip() for line in lines)
    return [part for part in re.split(r"\n\s*\n", text.strip()) if part.strip()] or [""]


def _leaves_open(paragraph: str) -> bool:
    """A quotation opened in the paragraph is not closed by its end.

    >>> _leaves_open("He wrote: “We took the"), _leaves_open("“We took it.” Then")
    (True, False)
    """
    return paragraph.count("“") > paragraph.count("”")


def _quote_at_head(paragraph: str) -> str:
    """ "closes" if a closing quote mark comes before any opening one, "opens" if the paragraph opens with one.

    >>> _quote_at_head("yards.” [Name, p. 4] Then"), _quote_at_head("“We went"), _quote_at_head("the men")
    ('closes', 'opens', '')
    """
    closing, opening = paragraph.find("”"), paragraph.find("“")
    if closing >= 0 and (opening < 0 or closing < opening):
        return "closes"
    return "opens" if re.match(r"^(?:>\s*)?“", paragraph) else ""


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
