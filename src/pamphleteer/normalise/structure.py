"""Recognise structure that plain text lost: headings, lists and block quotes."""

from __future__ import annotations

import re
from collections import Counter

from .draft import Block, Draft
from .leftovers import LINK_LINE
from .paragraphs import OPENS_QUOTE
from .passes import Change, PassContext, register

_BULLET = re.compile(r"^[•▪◦·‣∙●○■□–]\s+|^[-*+]\s+")
_NUMBERED = re.compile(r"^\(?(\d{1,2})[.)]\s+")
_HEADING_END = re.compile(r"[.,;:]\s*[”\"’']?$")
# A citation or note marker closing a quotation: "..." [Author, p. 3]
_CITATION = re.compile(r"(?:\s*(?:\[\^\w+\]|\[[^\[\]]{1,160}\]))+\.?$")
_CLOSED = re.compile(r"[\"”][.,;:!?…]*$")
_CITED = re.compile(r"[\"”][.,;]?\s*\[[^\[\]^]{1,160}\]\.?$")
# Headings are short: at most this many characters and words.
_HEADING_CHARS = 90
_HEADING_WORDS = 14
# A paragraph of this few words with no end punctuation at all is a heading, in any case style.
_SENTENCE_CASE_WORDS = 10


@register("recognise-lists")
def recognise_lists(draft: Draft, context: PassContext) -> tuple[Draft, list[Change]]:
    """Make paragraphs that open with a bullet, or runs numbered 1, 2, 3, into list items.

    >>> d = Draft("x", "pdf-text", blocks=(Block("para", "• Workers can act", (3,)),))
    >>> out = recognise_lists(d, PassContext("x", "pdf-text"))[0].blocks[0]
    >>> out.kind, out.text
    ('item', 'Workers can act')
    >>> d = Draft("x", "text", blocks=(Block("para", "1) One point", (3,)), Block("para", "2) Another", (5,))))
    >>> [(b.kind, b.level, b.text) for b in recognise_lists(d, PassContext("x", "text"))[0].blocks]
    [('item', 1, 'One point'), ('item', 1, 'Another')]
    """
    numbered = _numbered_runs(draft.blocks)
    blocks, changes = [], []
    for index, block in enumerate(draft.blocks):
        mark = _BULLET.match(block.text) if block.kind == "para" else None
        mark = mark or (_NUMBERED.match(block.text) if index in numbered else None)
        if mark:
            changes.append(Change("recognise-lists", "replaced", block.line, mark.group(0).strip(),
                                  "1. " if index in numbered else "- ", "list item"))
            block = Block("item", block.text[mark.end():], block.lines, 1 if index in numbered else 0)
        blocks.append(block)
    return draft.but(blocks=tuple(blocks)), changes


def _numbered_runs(blocks: tuple[Block, ...]) -> set[int]:
    """Indices of paragraphs numbered 1, 2, 3, ... in a row (at least two): a numbered list."""
    found: set[int] = set()
    run: list[int] = []
    for index, block in enumerate([*blocks, Block("para", "", ())]):
        number = _NUMBERED.match(block.text) if block.kind == "para" else None
        if number and int(number.group(1)) == len(run) + 1:
            run.append(index)
            continue
        if len(run) >= 2:
            found.update(run)
        run = [index] if number and number.group(1) == "1" else []
    return found


# A speaker's name before a colon, opening a turn in an interview: "Common Ground: Whose idea ...?"
_SPEAKER = re.compile(r"^[A-Z][^:]{0,30}:\s+")


@register("recognise-headings")
def recognise_headings(draft: Draft, context: PassContext) -> tuple[Draft, list[Change]]:
    """Make short, unpunctuated paragraphs standing between paragraphs into `##` headings.

    >>> blocks = (Block("para", "Long text. " * 9, (1,)), Block("para", "The Syndicalist Alternative", (5,)),
    ...           Block("para", "Moreover, syndicalism proposes.", (7,)))
    >>> [b.kind for b in recognise_headings(Draft("x", "pdf-text", blocks=blocks), PassContext("x", "pdf-text"))[0].blocks]
    ['para', 'heading', 'para']
    """
    blocks = list(draft.blocks)
    changes = []
    # A speaker's name that opens two paragraphs or more marks turns in an interview.
    speakers = Counter(speaker.group(0) for block in blocks if (speaker := _SPEAKER.match(block.text)))
    for index, block in enumerate(blocks):
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        speaker = _SPEAKER.match(block.text)
        if speaker and speakers[speaker.group(0)] > 1:
            continue
        if block.kind == "para" and following is not None and following.kind != "heading" and _looks_like_heading(block.text):
            blocks[index] = Block("heading", block.text, block.lines, 2)
            changes.append(Change("recognise-headings", "replaced", block.line, block.text, f"## {block.text}", "heading"))
    return draft.but(blocks=tuple(blocks)), changes


def _looks_like_heading(text: str) -> bool:
    """Short and not a sentence: Title Case, a question, or a few words with no end punctuation."""
    words = text.split()
    if not words or len(text) > _HEADING_CHARS or len(words) > _HEADING_WORDS:
        return False
    if _HEADING_END.search(text) or not re.match(r"^[\"“‘(]?[A-Z0-9]", text):
        return False
    if "[^" in text or LINK_LINE.match(text):
        return False  # a note call, or a link line ("See also ...") kept as a paragraph
    speaker = _SPEAKER.match(text)
    if speaker and not _title_case(text[speaker.end():].split()):
        return False  # an interviewer's turn ("Magazine: Whose idea was it?"), not a heading
    unpunctuated = len(words) <= _SENTENCE_CASE_WORDS and not re.search(r"[.!;:,\"”’'\])]$", text)
    return _title_case(words) or text.endswith("?") or unpunctuated


def _title_case(words: list[str]) -> bool:
    """At least half the words open with a capital (or a digit)."""
    return sum(1 for word in words if re.match(r"^[\"“‘(]?[A-Z0-9]", word)) * 2 >= len(words)


@register("recognise-block-quotes")
def recognise_block_quotes(draft: Draft, context: PassContext) -> tuple[Draft, list[Change]]:
    """Make a paragraph that is wholly a quotation, set off from the text, a block quote.

    A quotation is set off when a colon introduces it, when it follows
    another block quote, or when its citation closes it. Later paragraphs
    of the same quotation open with a quote mark, as typesetters do, and
    join the same quote; two quotations in a row stay two.

    >>> blocks = (Block("para", "She wrote:", (1,)), Block("para", "“All power.”", (2,)), Block("para", "“And more.”", (3,)))
    >>> [(b.kind, b.level) for b in recognise_block_quotes(Draft("x", "text", blocks=blocks), PassContext("x", "text"))[0].blocks]
    [('para', 0), ('quote', 2), ('quote', 3)]
    """
    blocks = list(draft.blocks)
    changes = []
    for index in range(1, len(blocks)):
        block, previous = blocks[index], blocks[index - 1]
        if block.kind not in ("para", "quote") or not OPENS_QUOTE.match(block.text):
            continue
        continues = previous.kind == "quote" and quotation_is_open(previous.text)
        if block.kind == "quote":  # Markdown gives each paragraph of a quotation its own `>` block
            blocks[index] = Block("quote", block.text, block.lines, previous.level if continues else block.level)
            continue
        if continues or _set_off(block.text, previous):
            blocks[index] = Block("quote", block.text, block.lines, previous.level if continues else block.line)
            changes.append(Change("recognise-block-quotes", "replaced", block.line, block.text[:40], "> …", "block quote"))
    return draft.but(blocks=tuple(blocks)), changes


def _set_off(text: str, previous: Block) -> bool:
    if not is_whole_quotation(text):
        return False
    # "this way:[^1]": a note marker may follow the colon that introduces the quotation.
    introduced = previous.kind in ("para", "quote") and re.sub(r"\[\^\w+\]$", "", previous.text.rstrip()).endswith(":")
    return introduced or previous.kind == "quote" or bool(_CITED.search(text))


def _without_citation(text: str) -> str:
    return _CITATION.sub("", text.strip()).rstrip()


def quotation_is_open(text: str) -> bool:
    """True if a quotation paragraph does not close: the quotation goes on in the next paragraph.

    >>> quotation_is_open('"We went on. [Ref]'), quotation_is_open("“We stopped.” [Ref, p. 2]")
    (True, False)
    """
    return not _CLOSED.search(_without_citation(text))


def is_whole_quotation(text: str) -> bool:
    """A quotation from first to last word: it opens with a quote mark and closes at its end or not at all.

    >>> is_whole_quotation("“It was “treason” to them.”"), is_whole_quotation('"Power" is a word.')
    (True, False)
    """
    if not OPENS_QUOTE.match(text):
        return False
    body = _without_citation(text)
    if _CLOSED.search(body):
        return True
    straight = body.count('"')
    return body.count("“") > body.count("”") or (straight % 2 == 1 and "“" not in body)
