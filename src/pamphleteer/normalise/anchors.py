"""A PDF converter's anchors in Markdown: empty targets, and links from note numbers to them."""

from __future__ import annotations

import re

from .draft import Draft, Line
from .passes import Change, PassContext, register

NAME = "remove-converter-anchors"
# An element that holds nothing and only names a place: `<span id="page-3-1"></span>`.
_EMPTY_ANCHOR = re.compile(r"<(span|a)\s+(?:id|name)=[\"“”'][^\"“”'<>]*[\"“”']\s*>\s*</\1>", re.I)
# A note number linked to its note: `<sup>[2](#page-3-1)</sup>`, or `[2](#page-3-1)` set in superscript.
_LINKED_NUMBER = re.compile(r"<sup>\s*\[(\d{1,3})\]\(#[^)\s]*\)\s*</sup>")


@register(NAME)
def remove_converter_anchors(draft: Draft, context: PassContext) -> tuple[Draft, list[Change]]:
    """Remove empty anchors, and write a note number linked to its note as a plain superscript.

    A converter marks where each note and heading stands on its page, and
    links each note number there; the notes are numbered and linked afresh.

    >>> from pamphleteer.readers.lines import split_lines
    >>> text = 'Text.<sup>[2](#page-3-1)</sup>\\n\\n<span id="page-3-1"></span><sup>2</sup> A note.'
    >>> kept, changes = remove_converter_anchors(Draft("x", "markdown", lines=split_lines(text)), PassContext("x", "markdown"))
    >>> [line.text for line in kept.lines], [change.action for change in changes]
    (['Text.<sup>2</sup>', '', '<sup>2</sup> A note.'], ['replaced', 'removed'])
    """
    changes: list[Change] = []
    lines = []
    for line in draft.lines:
        text = line.text
        if "<" not in text:
            lines.append(line)
            continue
        for match in _LINKED_NUMBER.finditer(text):
            changes.append(Change(NAME, "replaced", line.line, match.group(0), f"<sup>{match.group(1)}</sup>",
                                  "note number linked to its place on the page"))
        text = _LINKED_NUMBER.sub(r"<sup>\1</sup>", text)
        for match in _EMPTY_ANCHOR.finditer(text):
            changes.append(Change(NAME, "removed", line.line, match.group(0), "", "empty anchor"))
        text = _EMPTY_ANCHOR.sub("", text)
        lines.append(Line(text, line.line, line.page) if text != line.text else line)
    return draft.but(lines=tuple(lines)), changes
