"""Block quotes that extraction left without quote marks or indent: paragraphs set in narrower lines."""

from __future__ import annotations

import re
import statistics

from .draft import Block, Draft
from .passes import Change, PassContext, register

# A quotation set off is indented on both sides: its full lines stay this much shorter than the text's.
_NARROW = 0.86
# Lines (not counting a paragraph's last) needed to judge a paragraph's measure.
_MIN_LINES = 2
# Line lengths that may be full lines of text (shorter ones are headings, folios, last lines).
_LINE_RANGE = (20, 120)
_OPENS_ITEM = re.compile(r"^(?:[•▪◦●■–*+-]|\(?\d{1,2}[.)])\s")
_COLON_END = re.compile(r":\s*(?:\[\^\w+\])?\s*$")


@register("recognise-narrow-quotes")
def recognise_narrow_quotes(draft: Draft, context: PassContext) -> tuple[Draft, list[Change]]:
    """Make a paragraph set in narrower lines than the text, introduced by a colon, a block quote.

    Pamphlets set long quotations indented on both sides, often without quote
    marks; extraction drops the indent, but the lines stay short. The next
    paragraphs set as narrow belong to the same quotation.

    >>> text = "the text runs on in lines that fill the whole measure of\\n" * 3 + "the page, and then it says:"
    >>> quote = "We have placed the workers\\nabove the party, as if the\\nparty were not entitled.\\nSo it goes."
    >>> blocks = (Block("para", text, (1, 2, 3, 4)), Block("para", quote, (6, 7, 8, 9)))
    >>> [b.kind for b in recognise_narrow_quotes(Draft("x", "pdf-text", blocks=blocks), PassContext("x", "pdf-text"))[0].blocks]
    ['para', 'quote']
    """
    width = _measure(draft.blocks)
    blocks, changes = list(draft.blocks), []
    for index in range(1, len(blocks)):
        block, previous = blocks[index], blocks[index - 1]
        if block.kind != "para" or not _narrow(block.text, width):
            continue
        goes_on = previous.kind == "quote" and _narrow(previous.text, width)
        if goes_on or (previous.kind == "para" and _COLON_END.search(previous.text)):
            blocks[index] = Block("quote", block.text, block.lines, previous.level if goes_on else block.line)
            changes.append(Change("recognise-narrow-quotes", "replaced", block.line, block.text[:40], "> …",
                                  "block quote set in narrower lines"))
    return draft.but(blocks=tuple(blocks)), changes


def _measure(blocks: tuple[Block, ...]) -> float:
    """The length of the text's full lines: the upper quartile of line lengths."""
    low, high = _LINE_RANGE
    lengths = [len(line.strip()) for block in blocks if block.kind == "para" for line in block.text.split("\n")
               if low <= len(line.strip()) <= high]
    return float(statistics.quantiles(lengths, n=4)[2]) if len(lengths) >= 4 else 0.0


def _narrow(text: str, width: float) -> bool:
    """Every line but the last is well short of the text's measure (a list item is no quotation)."""
    lines = [line.strip() for line in text.split("\n")][:-1]
    if width <= 0 or len(lines) < _MIN_LINES or _OPENS_ITEM.match(text):
        return False
    return max(len(line) for line in lines) <= _NARROW * width
