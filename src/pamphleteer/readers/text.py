"""Web-scraped plain text: one paragraph per line or hard-wrapped."""

from __future__ import annotations

from ..normalise.draft import Draft
from .lines import split_lines


def read(source: str, path: str) -> Draft:
    """Read plain text line by line; structure is recovered by the passes."""
    return Draft(path=path, kind="text", lines=split_lines(source))
