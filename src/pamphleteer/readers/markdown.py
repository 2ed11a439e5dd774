"""Markdown converted from a PDF: inline markup kept, page structure still raw."""

from __future__ import annotations

from ..normalise.draft import Draft
from .lines import split_lines
from .superscripts import rewrite_note_numbers


def read(source: str, path: str) -> Draft:
    """Read Markdown line by line; its inline markup is kept as is.

    Superscript digits after a word or opening a line are note numbers, as `<sup>N</sup>`.

    >>> [line.text for line in read("As Smith² showed.\\n\\n---\\n\\n² A note.", "x").lines]
    ['As Smith<sup>2</sup> showed.', '', '---', '', '<sup>2</sup> A note.']
    """
    source = rewrite_note_numbers(source, lambda number: f"<sup>{number}</sup>")
    return Draft(path=path, kind="markdown", markup=True, lines=split_lines(source))
