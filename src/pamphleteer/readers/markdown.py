"""Markdown converted from a PDF: inline markup kept, page structure still raw."""

from __future__ import annotations

import re

from ..normalise.draft import Draft
from .lines import split_lines

_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_NOTE_NUMBER = re.compile(r"(?:(?<=[^\W\d_])|(?<=[.,;:!?”’\"')\]])|^)[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}", re.M)


def read(source: str, path: str) -> Draft:
    """Read Markdown line by line; its inline markup is kept as is.

    Superscript digits after a word or opening a line are note numbers, as `<sup>N</sup>`.

    >>> [line.text for line in read("As Smith² showed.\\n\\n---\\n\\n² A note.", "x").lines]
    ['As Smith<sup>2</sup> showed.', '', '---', '', '<sup>2</sup> A note.']
    """
    source = _NOTE_NUMBER.sub(lambda match: f"<sup>{match.group(0).translate(_SUPERSCRIPTS)}</sup>", source)
    return Draft(path=path, kind="markdown", markup=True, lines=split_lines(source))
