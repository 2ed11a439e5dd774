"""Text extracted from a PDF: hard-wrapped lines, page furniture, notes at page feet."""

from __future__ import annotations

import re

from ..normalise.draft import Draft
from .lines import split_lines

_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
# Superscript digits after a word or a mark, or opening a line: note numbers.
_NOTE_NUMBER = re.compile(r"(?:(?<=[^\W\d_])|(?<=[.,;:!?”’\"')\]])|^)[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}", re.M)


def read(source: str, path: str) -> Draft:
    """Read extracted text line by line, keeping form feeds as page marks.

    Superscript note numbers become plain digits, as most extractors write them.

    >>> [line.text for line in read("As Smith² showed.\\n\\n² A note.", "x").lines]
    ['As Smith2 showed.', '', '2 A note.']
    """
    source = _NOTE_NUMBER.sub(lambda match: match.group(0).translate(_SUPERSCRIPTS), source)
    return Draft(path=path, kind="pdf-text", lines=split_lines(source))
