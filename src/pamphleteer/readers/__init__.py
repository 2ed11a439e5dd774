"""Readers turn a seed file of one kind into a Draft; `detect` guesses the kind."""

from __future__ import annotations

from collections.abc import Callable

from ..normalise.draft import Draft
from . import html, markdown, pdf_text, text
from .detect import detect
from .seed import load_seed

Reader = Callable[[str, str], Draft]

READERS: dict[str, Reader] = {
    "text": text.read,
    "pdf-text": pdf_text.read,
    "markdown": markdown.read,
    "html": html.read,
}

KINDS = (*READERS, "auto")

__all__ = ["KINDS", "READERS", "detect", "load_seed", "read"]


def read(source: str, path: str, kind: str) -> tuple[Draft, str]:
    """Read `source` as `kind` ("auto" detects it).

    Returns:
        The draft and a sentence saying which kind was used and why.
    """
    reason = f"read as {kind} (given)"
    if kind == "auto":
        kind, why = detect(source)
        reason = f"detected as {kind}: {why}"
    return READERS[kind](source, path), reason
