"""Section headings as the chapter template sets them: from level 2 down, with no emphasis of their own."""

from __future__ import annotations

import re
from dataclasses import replace

from .draft import Block, Draft
from .passes import Change, PassContext, register

NAME = "even-heading-levels"
# A heading set wholly in bold or italics by a converter: "**The Drift Back**", "*Notes*".
_WHOLLY_EMPHASISED = re.compile(r"^(\*\*|__|\*|_)(?=\S)((?:(?!\1).)+?)(?<=\S)\1$")
# The chapter's title is level 1; its sections start here.
_FIRST_SECTION_LEVEL = 2


@register(NAME)
def even_heading_levels(draft: Draft, context: PassContext) -> tuple[Draft, list[Change]]:
    """Number heading levels from 2 without gaps, and take off emphasis that covers a whole heading.

    Converters set a PDF's headings at whatever level its type size
    suggested ("#### Section") and often in bold as well; the levels used
    keep their order.

    >>> blocks = (Block("heading", "**The Drift Back**", (3,), 4), Block("para", "Text.", (5,)),
    ...           Block("heading", "A Detail", (7,), 6))
    >>> kept, changes = even_heading_levels(Draft("x", "markdown", blocks=blocks), PassContext("x", "markdown"))
    >>> [(b.text, b.level) for b in kept.blocks if b.kind == "heading"]
    [('The Drift Back', 2), ('A Detail', 3)]
    """
    levels = sorted({block.level for block in draft.blocks if block.kind == "heading"})
    even = {level: _FIRST_SECTION_LEVEL + rank for rank, level in enumerate(levels)}
    blocks, changes = [], []
    for block in draft.blocks:
        if block.kind != "heading":
            blocks.append(block)
            continue
        emphasis = _WHOLLY_EMPHASISED.match(block.text)
        text = emphasis.group(2) if emphasis else block.text
        if emphasis:
            changes.append(Change(NAME, "replaced", block.line, block.text, text, "emphasis over a whole heading"))
        if even[block.level] != block.level:
            changes.append(Change(NAME, "replaced", block.line, "#" * block.level, "#" * even[block.level],
                                  "heading level"))
        blocks.append(replace(block, text=text, level=even[block.level]))
    return draft.but(blocks=tuple(blocks)), changes
