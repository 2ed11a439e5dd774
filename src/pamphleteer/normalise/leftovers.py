"""Clean what a web page leaves in scraped text: glued link texts, truncation marks."""

from __future__ import annotations

import re

from .draft import Block, Draft
from .passes import Change, PassContext, register

_TRUNCATION = re.compile(r"\s*(?:<>|\[(?:\.\.\.|…)\]|\((?:more|continued)\)|(?:read|continue reading) more\W*)$", re.I)
# Link text glued to the next sentence: "…and StalinismIf one wants".
_GLUED = re.compile(r"(?<![\w’'])([A-Z]?[a-z]{2,})([A-Z][a-z]{0,5})(?=\s)")
# The word after the glue must be this common (Zipf): sentence openers.
_OPENER_ZIPF = 5.0


@register("remove-truncation-marks")
def remove_truncation_marks(draft: Draft, context: PassContext) -> tuple[Draft, list[Change]]:
    """Remove marks a site leaves where it cut a text short (`<>`, `[...]`, "read more").

    >>> d = Draft("x", "text", blocks=(Block("para", "as a whole: <>", (9,)),))
    >>> kept, changes = remove_truncation_marks(d, PassContext("x", "text"))
    >>> kept.blocks[0].text, changes[0].before
    ('as a whole:', '<>')
    """
    blocks, changes = [], []
    for block in draft.blocks:
        mark = _TRUNCATION.search(block.text)
        if mark and mark.start() > 0:
            changes.append(Change("remove-truncation-marks", "removed", block.line, mark.group(0).strip(), "", "truncation mark"))
            changes.append(Change("remove-truncation-marks", "review", block.line, block.text[-60:], "",
                                  "the source cut the text short here"))
            block = block.with_text(block.text[: mark.start()])
        blocks.append(block)
    return draft.but(blocks=tuple(blocks)), changes


@register("split-glued-link-text")
def split_glued_link_text(draft: Draft, context: PassContext) -> tuple[Draft, list[Change]]:
    """Split a link text glued to the sentence after it into two paragraphs.

    >>> d = Draft("x", "text", blocks=(Block("para", "See Bolshevism and StalinismIf one wants more", (2,)),))
    >>> [b.text for b in split_glued_link_text(d, PassContext("x", "text"))[0].blocks]
    ['See Bolshevism and Stalinism', 'If one wants more']
    """
    blocks, changes = [], []
    for block in draft.blocks:
        pieces = _split_points(block.text, context)
        start = 0
        for point in pieces:
            changes.append(Change("split-glued-link-text", "split", block.line, block.text[max(0, point - 20): point + 20],
                                  "", "link text glued to the next sentence"))
            blocks.append(Block(block.kind, block.text[start:point].strip(), block.lines, block.level))
            start = point
        blocks.append(block.with_text(block.text[start:].strip()) if start else block)
    return draft.but(blocks=tuple(blocks)), changes


def _split_points(text: str, context: PassContext) -> list[int]:
    points = []
    for match in _GLUED.finditer(text):
        left, right = match.group(1), match.group(2)
        if context.vocabulary.zipf(right) >= _OPENER_ZIPF and context.vocabulary.is_word(left):
            points.append(match.start(2))
    return points
