"""Guess a seed's kind from its text, with a reason the user can check."""

from __future__ import annotations

import re
import statistics
from collections import Counter

_HTML_TAGS = re.compile(r"<(!doctype html|html|head|body|p|div|br|h[1-6]|blockquote|li|ul|ol|article|a\s+href)\b", re.I)
# Markdown marks, by kind: strong ones no plain text has, weak ones web text may have too.
_MARKDOWN_STRONG = {
    "headings": re.compile(r"^#{1,6}\s+\S", re.M),
    "<sup> note marks": re.compile(r"<sup>\s*\d+\s*</sup>"),
    "links": re.compile(r"\[[^\]\n]+\]\((?:https?://|/|#)[^)\s]*\)"),
    "bold or italic": re.compile(r"(?<![\w*])\*\*?[^\s*][^*\n]*\*\*?(?![\w*])|(?<!\w)_[^\s_][^_\n]*_(?!\w)"),
    "note definitions": re.compile(r"^\[\^\w+\]:", re.M),
    "YAML front matter": re.compile(r"\A---\n(?:[\w-]+:.*\n)+(?:---|\.\.\.)\n"),
}
_MARKDOWN_WEAK = {
    "--- rules": re.compile(r"^(?:-{3,}|\*{3,})\s*$", re.M),
    "> quotes": re.compile(r"^>\s", re.M),
}
_HYPHEN_END = re.compile(r"[a-z]-\n[a-z]")
_FOLIO = re.compile(r"^\s*\d{1,3}\s*$", re.M)
_PAGE_INDENT = re.compile(r"^ [^\s]", re.M)
_ENDS_SENTENCE = re.compile(r"[.!?:\"”’)\]]\s*$")


def detect(source: str) -> tuple[str, str]:
    """Return (kind, reason) for a seed's text.

    >>> detect("<html><body><p>Hi</p></body></html>")[0]
    'html'
    >>> detect("A paragraph on one long line. " * 20)[0]
    'text'
    >>> detect("## Part\\n\\nSee [this](https://a.org) and **that**.\\n")[0]
    'markdown'
    >>> detect("---\\ntitle: On Tenants\\n---\\n\\n# Part\\n\\nText.\\n")[0]
    'markdown'
    >>> detect("the frag-\\nment and the sepa-\\nrated word, re-\\nunited\\n\\f12\\n")[0]
    'pdf-text'
    """
    lines = [line for line in source.split("\n") if line.strip()]
    if not lines:
        return "text", "it is empty"
    for test in (_html, _markdown, _pdf_text):
        found = test(source, lines)
        if found:
            return found
    return "text", _text_reason(lines)


def _html(source: str, lines: list[str]) -> tuple[str, str] | None:
    tags = Counter(match.group(1).lower().split()[0] for match in _HTML_TAGS.finditer(source[:50_000]))
    if len(tags) >= 2:
        shown = ", ".join(f"{n} <{tag}>" for tag, n in tags.most_common(4))
        return "html", f"it is marked up with HTML tags ({shown})"
    return None


def _markdown(source: str, lines: list[str]) -> tuple[str, str] | None:
    strong = {name: len(rule.findall(source)) for name, rule in _MARKDOWN_STRONG.items()}
    weak = {name: len(rule.findall(source)) for name, rule in _MARKDOWN_WEAK.items()}
    found = {name: n for name, n in {**strong, **weak}.items() if n}
    if sum(strong.values()) >= 2 and sum(found.values()) >= 3:
        shown = ", ".join(f"{n} {name}" for name, n in found.items())
        return "markdown", f"it has Markdown marks: {shown}"
    return None


def _pdf_text(source: str, lines: list[str]) -> tuple[str, str] | None:
    """Text extracted from a PDF: page breaks, words hyphenated at line ends, page numbers alone on a line."""
    pages = source.count("\f")
    hyphens = len(_HYPHEN_END.findall(source))
    folios = len(_FOLIO.findall(source))
    indents = len(_PAGE_INDENT.findall(source))
    signs = [f"{n} {name}" for n, name, least in (
        (pages, "page breaks", 1), (hyphens, "words hyphenated at line ends", 2),
        (folios, "page numbers on lines of their own", 2), (indents, "pages starting with an indent", 2)) if n >= least]
    strong = pages or hyphens >= max(3, len(lines) // 40) or folios >= 3
    if strong or len(signs) >= 2:
        return "pdf-text", "it looks extracted from a PDF: " + ", ".join(signs)
    return None


def _text_reason(lines: list[str]) -> str:
    median = statistics.median(len(line) for line in lines)
    ended = sum(1 for line in lines if _ENDS_SENTENCE.search(line)) / len(lines)
    if ended >= 0.6 or median > 150:
        return f"plain text with one paragraph per line (median line {median:.0f} characters)"
    return f"plain text, hard-wrapped (median line {median:.0f} characters) with no page breaks or hyphenation"
