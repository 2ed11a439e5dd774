"""Recognise structure that plain text lost: headings, lists and block quotes."""

from __future__ import annotations

import re

from .draft import Block, Draft
from .passes import Change, PassContext, register

_BULLET = re.compile(r"^[•▪◦·‣∙●○■□–]\s+|^[-*+]\s+")
_NUMBERED = re.compile(r"^\d{1,2}[.)]\s+")
_HEADING_END = re.compile(r"[.,;:]\s*[”\"’']?$")
_OPEN_QUOTE = re.compile(r"^[\"“]")
_CLOSE_QUOTE = re.compile(r"[\"”](?:[.,;:]?\s*(?:\[\^\w+\]|\[[^\]]{1,120}\]))?[.,;]?$|[”\"][.,]?\s*\[\^\w+\]$")
# Headings are short: at most this many characters and words.
_HEADING_CHARS = 90
_HEADING_WORDS = 14


@register("recognise-lists")
def recognise_lists(draft: Draft, context: PassContext) -> tuple[Draft, list[Change]]:
    """Make paragraphs that open with a bullet into list items.

    >>> d = Draft("x", "pdf-text", blocks=(Block("para", "• Workers can act", (3,)),))
    >>> out = recognise_lists(d, PassContext("x", "pdf-text"))[0].blocks[0]
    >>> out.kind, out.text
    ('item', 'Workers can act')
    """
    blocks, changes = [], []
    for block in draft.blocks:
        bullet = _BULLET.match(block.text) if block.kind == "para" else None
        if bullet:
            changes.append(Change("recognise-lists", "replaced", block.line, bullet.group(0).strip(), "- ", "list item"))
            block = Block("item", block.text[bullet.end():], block.lines, 0)
        blocks.append(block)
    return draft.but(blocks=tuple(blocks)), changes


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
    for index, block in enumerate(blocks):
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if block.kind == "para" and following is not None and following.kind != "heading" and _looks_like_heading(block.text):
            blocks[index] = Block("heading", block.text, block.lines, 2)
            changes.append(Change("recognise-headings", "replaced", block.line, block.text, f"## {block.text}", "heading"))
    return draft.but(blocks=tuple(blocks)), changes


def _looks_like_heading(text: str) -> bool:
    words = text.split()
    if not words or len(text) > _HEADING_CHARS or len(words) > _HEADING_WORDS:
        return False
    if _HEADING_END.search(text) or not re.match(r"^[\"“‘(]?[A-Z0-9]", text):
        return False
    if "[^" in text:
        return False
    capitalised = sum(1 for word in words if re.match(r"^[\"“‘(]?[A-Z0-9]", word))
    return capitalised * 2 >= len(words) or text.endswith("?")


@register("recognise-block-quotes")
def recognise_block_quotes(draft: Draft, context: PassContext) -> tuple[Draft, list[Change]]:
    """Make a paragraph that is wholly a quotation, introduced by a colon, a block quote.

    Later paragraphs of the same quotation open with a quote mark, as
    typesetters do, and join the same quote.

    >>> blocks = (Block("para", "Lenin wrote:", (1,)), Block("para", "“All power.”", (2,)))
    >>> [b.kind for b in recognise_block_quotes(Draft("x", "text", blocks=blocks), PassContext("x", "text"))[0].blocks]
    ['para', 'quote']
    """
    blocks = list(draft.blocks)
    changes = []
    group = 0
    for index in range(1, len(blocks)):
        block, previous = blocks[index], blocks[index - 1]
        if block.kind != "para" or not _OPEN_QUOTE.match(block.text):
            continue
        continues = previous.kind == "quote" and not _CLOSE_QUOTE.search(previous.text)
        introduced = previous.kind in ("para", "quote") and previous.text.rstrip().endswith(":")
        if continues or (introduced and _is_whole_quotation(block.text)):
            group = previous.level if continues else group + 1
            blocks[index] = Block("quote", block.text, block.lines, group)
            changes.append(Change("recognise-block-quotes", "replaced", block.line, block.text[:40], "> …", "block quote"))
    return draft.but(blocks=tuple(blocks)), changes


def _is_whole_quotation(text: str) -> bool:
    """A quotation from first to last word: opens with a quote mark and does not reopen prose."""
    return bool(_OPEN_QUOTE.match(text)) and (bool(_CLOSE_QUOTE.search(text)) or text.count("“") > text.count("”"))
