"""Text extracted from a PDF: hard-wrapped lines, page furniture, notes at page feet."""

from __future__ import annotations

from ..normalise.draft import Draft
from .lines import split_lines


def read(source: str, path: str) -> Draft:
    """Read extracted text line by line, keeping form feeds as page marks."""
    return Draft(path=path, kind="pdf-text", lines=split_lines(source))
