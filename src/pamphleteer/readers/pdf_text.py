"""Text extracted from a PDF: hard-wrapped lines, page furniture, notes at page feet."""

from __future__ import annotations

from ..normalise.draft import Draft
from .lines import split_lines
from .superscripts import rewrite_note_numbers


def read(source: str, path: str) -> Draft:
    """Read extracted text line by line, keeping form feeds as page marks.

    Superscript note numbers become plain digits, as most extractors write them.

    >>> [line.text for line in read("As Smith² showed.\\n\\n² A note.", "x").lines]
    ['As Smith2 showed.', '', '2 A note.']
    """
    source = rewrite_note_numbers(source, lambda number: number)
    return Draft(path=path, kind="pdf-text", lines=split_lines(source))
