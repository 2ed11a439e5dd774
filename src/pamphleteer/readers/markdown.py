"""Markdown converted from a PDF: inline markup kept, page structure still raw."""

from __future__ import annotations

from ..normalise.draft import Draft
from .lines import split_lines


def read(source: str, path: str) -> Draft:
    """Read Markdown line by line; its inline markup is kept as is."""
    return Draft(path=path, kind="markdown", markup=True, lines=split_lines(source))
