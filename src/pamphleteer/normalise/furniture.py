"""Remove page furniture (folios, running heads, rules, image placeholders) and record every removal."""

from __future__ import annotations

import re
from collections import Counter

from .draft import Draft, Line
from .passes import Change, PassContext, register

# Folios: up to three digits (four would take years for page numbers) or roman, perhaps
# decorated: "12", "- 12 -", "[12]", "Page 12", "12 of 40", "12 / 40", "xii". A bracket
# must be closed ("325]" is the end of a reference cut by a page break).
FOLIO = re.compile(
    r"^(?![^(\[]*[)\]])(?![^)\]]*[(\[][^)\]]*$)\s*[-–—|•·(\[]?\s*(?:(?i:page|p\.)\s*)?(\d{1,3}|[ivxlcdm]{1,7})(?:\s*(?:/|(?i:of))\s*\d{1,3})?\s*[-–—|•·)\]]?\s*$"
)
_DIGITS = re.compile(r"\d+")
# Letters set a space apart ("C O N T E N T S"), as letter-spaced capitals come out of a PDF.
_SPACED_LETTERS = re.compile(r"(?<!\S)[^\W\d_](?: [^\W\d_]){3,}(?!\S)")
# A roman folio at either end of a running head ("Introduction xiii").
_EDGE_ROMAN = re.compile(r"^[ivxlc]{1,7}(?=\s)|(?<=\s)[ivxlc]{1,7}$")
_WORD = re.compile(r"[^\W\d_]{3}")
# A title may end in a question or exclamation mark; a running head ends in no other stop.
_SENTENCE_END = re.compile(r"[.,;:…][\"”’')\]]*$")
# A running head repeats on at least this many page edges.
_MIN_REPEATS = 3
# A running head has at most this many lines.
_HEAD_LINES = 3


# A converter's image on a line of its own: "![](image_12.png)", "![A map](map.png)", "<img src=...>".
_IMAGE_LINE = re.compile(r"^\s*(?:(?:!\[[^\]]*\]\([^)]*\)|<img\b[^>]*>)\s*)+$", re.I)


@register("remove-images")
def remove_images(draft: Draft, context: PassContext) -> tuple[Draft, list[Change]]:
    """Remove images standing on lines of their own: a pamphlet set from text has no picture for them.

    A converter leaves one where the page had a figure; in the text it is a
    paragraph of its own that breaks the one it stands in. Each is reported,
    with its description if it has one.

    >>> from pamphleteer.readers.lines import split_lines
    >>> d = Draft("x", "markdown", lines=split_lines("the end of\\n\\n![](image_12.png)\\n\\na sentence"))
    >>> kept, changes = remove_images(d, PassContext("x", "markdown"))
    >>> [l.text for l in kept.lines], changes[0].before
    (['the end of', '', '', 'a sentence'], '![](image_12.png)')
    """
    kept, changes = [], []
    for line in draft.lines:
        if _IMAGE_LINE.match(line.text):
            changes.append(Change("remove-images", "removed", line.line, line.text.strip(), "", "image"))
            continue
        kept.append(line)
    return draft.but(lines=tuple(kept)), changes


@register("remove-folios")
def remove_folios(draft: Draft, context: PassContext) -> tuple[Draft, list[Change]]:
    """Remove page numbers standing alone on a line.

    >>> from pamphleteer.readers.lines import split_lines
    >>> d = Draft("x", "pdf-text", lines=split_lines("text\\n\\n12\\n\\nmore"))
    >>> kept, changes = remove_folios(d, PassContext("x", "pdf-text"))
    >>> [l.text for l in kept.lines], changes[0].before
    (['text', '', '', 'more'], '12')
    >>> [bool(FOLIO.match(text)) for text in ("[12]", "- 12 -", "Page 3 of 9", "325]", "(12")]
    [True, True, True, False, False]
    """
    kept, changes = [], []
    heads = running_heads(draft.lines)
    for index, line in enumerate(draft.lines):
        if FOLIO.match(line.text) and _isolated(draft.lines, index, heads):
            changes.append(Change("remove-folios", "removed", line.line, line.text.strip(), "", "page number"))
            continue
        kept.append(line)
    return draft.but(lines=tuple(kept)), changes


def _isolated(lines: tuple[Line, ...], index: int, heads: set[str]) -> bool:
    """A folio is the first or last line of text on its page, or has blank lines on both sides.

    A folio set beside its running head ("Introduction" over "xiii") stands
    as alone as one between blanks. A lone number with text straight after
    it and more text below is a note's number whose text (often a long web
    address) went to the next line.
    """
    before, after = _page_neighbours(lines, index, -1, heads), _page_neighbours(lines, index, 1, heads)
    return not any(before) or not any(after) or (not before[0] and not after[0])


def _page_neighbours(lines: tuple[Line, ...], index: int, step: int, heads: set[str]) -> list[str]:
    """The texts of the lines on the folio's page from it in direction `step`, up to the first with
    text; blank lines and running heads count as "" (an empty list: the page's edge)."""
    page, texts = lines[index].page, []
    index += step
    while 0 <= index < len(lines):
        if lines[index].page == page:
            text = lines[index].text.strip()
            texts.append("" if not text or is_running_head(text, heads) else text)
            if texts[-1]:
                break
        index += step
    return texts


@register("remove-running-heads")
def remove_running_heads(draft: Draft, context: PassContext) -> tuple[Draft, list[Change]]:
    """Remove lines repeated at the top or foot of many pages (running heads and feet).

    Lines are compared with their digits masked, so "On Councils 12"
    and "On Councils 14" count as the same running head. A head of two or
    three lines (a title over its author) is taken off line by line.
    """
    lines, changes = draft.lines, []
    for _ in range(_HEAD_LINES):
        edges = _page_edges(lines)
        furniture = running_heads(lines)
        kept = []
        for index, line in enumerate(lines):
            if index in edges and is_running_head(line.text, furniture) and not _opening_title(lines, index):
                changes.append(Change("remove-running-heads", "removed", line.line, line.text.strip(), "",
                                      "running head"))
                continue
            kept.append(line)
        if len(kept) == len(lines):
            break
        lines = tuple(kept)
    return draft.but(lines=lines), changes


def _opening_title(lines: tuple[Line, ...], index: int) -> bool:
    """A Markdown heading on the opening page is the title the later pages repeat as their head."""
    return lines[index].page == lines[0].page and lines[index].text.startswith("#")


def running_heads(lines: tuple[Line, ...]) -> set[str]:
    """Texts (as `head_key` gives them) that repeat on the top or foot line of many pages.

    A line ending like a sentence is text, not a running head, however
    often it repeats: notes such as "4 Ibid., p. 12." recur at page feet.
    """
    tops, feet = _page_edges(lines, top=True), _page_edges(lines, top=False)
    repeats = Counter(head_key(lines[i].text) for i in tops | feet)
    # Facing pages may carry different heads (title, author): in a short text each repeats only twice,
    # always on the same edge.
    on_top = Counter(head_key(lines[i].text) for i in tops)
    return {text for text, count in repeats.items() if may_be_head(text)
            and (count >= repeats_needed(text) or (count >= 2 and on_top[text] in (0, count)))}


def repeats_needed(text: str) -> int:
    """A head carrying the page number at one end ("Councils 12") is furniture on two pages already."""
    return _MIN_REPEATS - 1 if re.match(r"^#\W|.*\W#$", text) else _MIN_REPEATS


def may_be_head(text: str) -> bool:
    """Sentences, web addresses and the end of a reference cut by a page break are text, not running heads.

    >>> may_be_head("Councils Against the Clock #"), may_be_head("4 Ibid., p. 12."), may_be_head("p. #]")
    (True, False, False)
    """
    balanced = text.count("[") == text.count("]") and text.count("(") == text.count(")")
    return (bool(_WORD.search(text)) and balanced and not _SENTENCE_END.search(text)
            and not re.search(r"https?://|www\.", text))


def is_running_head(text: str, heads: set[str]) -> bool:
    return head_key(text) in heads


def head_key(text: str) -> str:
    """What repeats in a running head: its letters closed up, its page numbers masked as "#".

    >>> head_key(" I N T R O D U C T I O N   xiii"), head_key("212   Journal of Notes")
    ('INTRODUCTION   #', '#   Journal of Notes')
    """
    closed = _SPACED_LETTERS.sub(lambda match: match.group(0).replace(" ", ""), text.strip())
    return _EDGE_ROMAN.sub("#", _DIGITS.sub("#", closed))


def _page_edges(lines: tuple[Line, ...], top: bool | None = None) -> set[int]:
    """Indices of the first and last non-blank line of every page (or only the first, or only the last)."""
    first: dict[int, int] = {}
    last: dict[int, int] = {}
    for index, line in enumerate(lines):
        if line.text.strip():
            first.setdefault(line.page, index)
            last[line.page] = index
    tops, feet = set(first.values()), set(last.values())
    return tops | feet if top is None else tops if top else feet
