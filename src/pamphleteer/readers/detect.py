"""Guess a seed's kind from its text, with a reason the user can check."""

from __future__ import annotations

import re
import statistics

_HTML = re.compile(r"<(?:!doctype html|html|body|p|div|h[1-6]|blockquote)\b", re.I)
_MD_SIGNS = re.compile(r"<sup>\d+</sup>|^#{1,6} |^---$|^\*\*?\S", re.M)


def detect(source: str) -> tuple[str, str]:
    """Return (kind, reason) for a seed's text.

    >>> detect("<html><body><p>Hi</p></body></html>")[0]
    'html'
    >>> detect("A paragraph on one long line. " * 20)[0]
    'text'
    """
    head = source[:20000]
    if len(_HTML.findall(head)) >= 2:
        return "html", "it has HTML tags such as <p> or <html>"
    markdown_signs = len(_MD_SIGNS.findall(source))
    if markdown_signs >= 3:
        return "markdown", f"it has {markdown_signs} Markdown marks (headings, <sup> notes, --- rules)"
    lines = [line for line in source.split("\n") if line.strip()]
    if not lines:
        return "text", "it is empty"
    hyphen_ends = sum(1 for line in lines if re.search(r"[a-z]-$", line))
    lengths = [len(line) for line in lines]
    median = statistics.median(lengths)
    if median < 90 and hyphen_ends >= max(3, len(lines) // 40):
        return "pdf-text", (
            f"its lines are hard-wrapped (median {median:.0f} characters) "
            f"and {hyphen_ends} end in a hyphen"
        )
    return "text", f"plain text, median line {median:.0f} characters, few line-end hyphens"
