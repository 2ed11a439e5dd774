"""Unwrap hard-wrapped lines into paragraphs, and rejoin paragraphs cut by a page break."""

from __future__ import annotations

import re
import statistics

from .draft import Block, Draft, Line, note_blocks, notes_from_blocks
from .frontmatter import is_issue_line
from .layout import unmarked_paragraph_starts
from .paragraphs import web_paragraphs
from .passes import Change, PassContext, register
from .seams import reference_goes_on

# What may end a paragraph: sentence punctuation, closing quotes/brackets.
_FINAL = re.compile(r"[.!?:;…\"”’)\]*_]\s*$")
_END_MARKERS = re.compile(r"(?:\[\^\w+\])+\s*$")
_SENTENCE_END = re.compile(r"[.!?:;,…][\"”’')\]]*$")
_STARTS_LOWER = re.compile(r"^[\"“‘'(\[]?[a-z]")
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_QUOTE = re.compile(r"^>\s?")
_MD_ITEM = re.compile(r"^(?:[-*+]|\d{1,3}[.)])\s+")
_BULLET = re.compile(r"^[-*+•▪◦●■]\s")
_BULLET_GLYPH = re.compile(r"^[•▪◦●■]\s")
_NUMBERED = re.compile(r"^(\d{1,2})[.)]\s")
_OPENS_PARAGRAPH = re.compile(r"^[\"“‘(\[A-Z0-9•]")
_SHORT_LINE_FACTOR = 0.75
_TITLE_LINE_CHARS = 40
# A year, or words that all open with a capital: a title block's line ("Jane Writer", "1998").
_TITLE_LINE = re.compile(r"^(?:\d{4}|(?:[\W_]*[A-Z][\w’'.,-]*(?:\s+(?:and|of|the|a|an|in|on|for|to)\b)*\s*)+)\s*$")

@register("unwrap-lines")
def unwrap_lines(draft: Draft, context: PassContext) -> tuple[Draft, list[Change]]:
    """Group lines into paragraphs (kept as "\\n"-joined text until `join-lines`).

    A blank line or a page mark ends a paragraph; web text is split into
    paragraphs by `paragraphs.web_paragraphs` (one per line, hard-wrapped, or both).

    >>> from pamphleteer.readers.lines import split_lines
    >>> d = Draft("x", "pdf-text", lines=split_lines("One two\\nthree.\\n\\nFour."))
    >>> [b.text for b in unwrap_lines(d, PassContext("x", "pdf-text"))[0].blocks]
    ['One two\\nthree.', 'Four.']
    """
    if draft.kind == "text":
        groups = web_paragraphs(draft.lines)
    else:
        groups = _paragraphs(draft.lines, _wrap_width(draft.lines), draft.markup)
    groups, changes = _join_page_seams(groups)
    blocks = tuple(_block(group, draft.markup) for group in groups)
    return draft.but(lines=(), blocks=blocks), changes


def _wrap_width(lines: tuple[Line, ...]) -> float:
    """The usual length of a wrapped line (upper quartile of plausible line lengths)."""
    lengths = sorted(len(line.text.rstrip()) for line in lines if 20 <= len(line.text.strip()) <= 120)
    if len(lengths) < 4:
        return 80.0
    return float(statistics.quantiles(lengths, n=4)[2])


def _paragraphs(lines: tuple[Line, ...], width: float, markup: bool) -> list[list[Line]]:
    groups: list[list[Line]] = []
    current: list[Line] = []
    # In Markdown an indent means code or a list's inside, not a new paragraph.
    unmarked = set() if markup else unmarked_paragraph_starts(lines)
    for index, line in enumerate(lines):
        text = line.text.rstrip()
        if not text.strip():
            current = _close(groups, current)
            continue
        if current and line.page != current[-1].page and _opens_page_apart(current[-1], lines, index, width):
            current = _close(groups, current)
        if current and (index in unmarked or _starts_new_paragraph(current[-1], line, width)
                        or _next_numbered(current[0], line, current[-1])):
            current = _close(groups, current)
        current.append(line)
    _close(groups, current)
    return groups


def _close(groups: list[list[Line]], current: list[Line]) -> list[Line]:
    if current:
        groups.append(current)
    return []


def _starts_new_paragraph(previous: Line, line: Line, width: float) -> bool:
    text = line.text.strip()
    if _MD_HEADING.match(previous.text.strip()) or _BULLET_GLYPH.match(text):
        return True  # after a heading; and a bullet starts an item even with no blank line before it
    if previous.page != line.page:
        return _ends_paragraph(previous.text.rstrip(), width) and bool(_OPENS_PARAGRAPH.match(text))
    return False


def _next_numbered(first: Line, line: Line, last: Line) -> bool:
    """A line numbered one more than the paragraph's first line starts the next item of a numbered list;
    one numbered 1 after a sentence's end starts the list."""
    number, previous = _NUMBERED.match(line.text.strip()), _NUMBERED.match(first.text.strip())
    if number and number.group(1) == "1" and _final(last.text.strip()):
        return True
    return bool(number and previous) and int(number.group(1)) == int(previous.group(1)) + 1


def _opens_page_apart(previous: Line, lines: tuple[Line, ...], index: int, width: float) -> bool:
    """A page that opens with a heading (a short line set apart), or after a page ending in a colon."""
    text = lines[index].text.strip()
    if not _OPENS_PARAGRAPH.match(text):
        return False
    following = lines[index + 1].text.strip() if index + 1 < len(lines) else ""
    heading = len(text) < _SHORT_LINE_FACTOR * width and not following and not _SENTENCE_END.search(text)
    return heading or previous.text.rstrip().endswith(":")


def _ends_paragraph(text: str, width: float) -> bool:
    """A short line ending a sentence: the last line of a paragraph."""
    return len(text) < _SHORT_LINE_FACTOR * width and _final(text)


def _join_page_seams(groups: list[list[Line]]) -> tuple[list[list[Line]], list[Change]]:
    """Join a paragraph that ends a page mid-sentence with the one that continues it."""
    joined: list[list[Line]] = []
    changes: list[Change] = []
    for group in groups:
        if joined and _continues(joined[-1], group):
            last, first = joined[-1][-1], group[0]
            changes.append(Change("unwrap-lines", "joined", first.line, last.text.strip()[-30:],
                                  first.text.strip()[:30], "paragraph continued over a page break"))
            joined[-1] = joined[-1] + group
        else:
            joined.append(group)
    return joined, changes


def _continues(previous: list[Line], group: list[Line]) -> bool:
    last, first = previous[-1], group[0]
    if last.page == first.page:
        return False
    end, start = last.text.strip(), first.text.strip()
    if _MD_HEADING.match(end) or _MD_HEADING.match(start) or _BULLET.match(start):
        return False  # a heading, or the next item of a list, starts afresh
    if end.endswith("-") or reference_goes_on(end, start):
        return True
    # Short lines alone (a year, a name, a title block) are no sentence cut by the page end.
    short = all(len(line.text.strip()) < _TITLE_LINE_CHARS or is_issue_line(line.text) for line in previous)
    if _STARTS_LOWER.match(start):
        return not (short and all(_TITLE_LINE.match(line.text.strip()) for line in previous))
    return not _final(end) and not short


def _final(text: str) -> bool:
    """The text ends like a paragraph: a full stop or closing mark, before any note markers.

    >>> _final("as he said.[^1]"), _final("as he said so[^1]")
    (True, False)
    """
    return bool(_FINAL.search(_END_MARKERS.sub("", text)))


def _block(group: list[Line], markup: bool) -> Block:
    texts = [line.text.strip() for line in group]
    lines = tuple(line.line for line in group)
    if markup:
        heading = _MD_HEADING.match(texts[0])
        if heading and len(texts) == 1:
            return Block("heading", heading.group(2), lines, len(heading.group(1)))
        if all(_MD_QUOTE.match(text) for text in texts):
            return Block("quote", "\n".join(_MD_QUOTE.sub("", t) for t in texts), lines, lines[0])
        if _MD_ITEM.match(texts[0]):
            return Block("item", "\n".join([_MD_ITEM.sub("", texts[0]), *texts[1:]]), lines,
                         1 if texts[0][0].isdigit() else 0)
    return Block("para", "\n".join(texts), lines)


@register("rejoin-split-paragraphs")
def rejoin_split_paragraphs(draft: Draft, context: PassContext) -> tuple[Draft, list[Change]]:
    """Join a paragraph that stops mid-sentence with a following one that starts in lower case.

    >>> d = Draft("x", "markdown", blocks=(Block("para", "the factory", (1,)), Block("para", "movement. Any", (9,))))
    >>> [b.text for b in rejoin_split_paragraphs(d, PassContext("x", "markdown"))[0].blocks]
    ['the factory\\nmovement. Any']
    """
    blocks: list[Block] = []
    changes: list[Change] = []
    for block in draft.blocks:
        previous = blocks[-1] if blocks else None
        if (
            previous is not None
            and previous.kind == block.kind
            and block.kind in ("para", "quote")
            and ((not _final(previous.text) and _STARTS_LOWER.match(block.text))
                 or reference_goes_on(previous.text, block.text))
        ):
            changes.append(Change("rejoin-split-paragraphs", "joined", block.line, previous.text[-30:],
                                  block.text[:30], "paragraph split across pages"))
            blocks[-1] = Block(previous.kind, f"{previous.text}\n{block.text}",
                               previous.lines + block.lines, previous.level)
        else:
            blocks.append(block)
    return draft.but(blocks=tuple(blocks)), changes


@register("join-lines")
def join_lines(draft: Draft, context: PassContext) -> tuple[Draft, list[Change]]:
    """Join the lines of each paragraph with single spaces; a URL or an unspaced dash split over lines is closed up.

    >>> d = Draft("x", "text", blocks=(Block("para", "see https://a.org/\\nb/c and the army—\\nthe rest", (1, 2, 3)),))
    >>> join_lines(d, PassContext("x", "text"))[0].blocks[0].text
    'see https://a.org/b/c and the army—the rest'
    """
    blocks = tuple(_join_block(block) for block in draft.blocks)
    notes = [_join_block(block) for block in note_blocks(draft.notes)]
    return draft.but(blocks=blocks, notes=notes_from_blocks(draft.notes, notes)), []


def _join_block(block: Block) -> Block:
    pieces = block.text.split("\n")
    text = pieces[0]
    for piece in pieces[1:]:
        text = text.rstrip()
        text += ("" if _ends_in_url(text) or _unspaced_dash(text) else " ") + piece.lstrip()
    return Block(block.kind, text.strip(), block.lines[:1], block.level)


def _unspaced_dash(text: str) -> bool:
    """A dash set close to the word before it ("army—") is set close to the word after it too."""
    return len(text) > 1 and text[-1] in "—―" and not text[-2].isspace()


def _ends_in_url(text: str) -> bool:
    """True if `text` ends inside a URL that was broken at the line end."""
    tail = text.rstrip().rsplit(" ", 1)[-1]
    return bool(re.match(r"^<?(?:https?://|www\.)\S*[/\-_.?=&#%]$", tail))
