"""Superscript digits that are note numbers: after a word or a mark, or opening a line."""

from __future__ import annotations

import re
from collections.abc import Callable

_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_PLAIN = str.maketrans(_DIGITS, "0123456789")
# The first digit is matched before what stands behind it is looked at: a pattern that starts by
# looking behind is tried at every character of the seed, some ten times slower.
_NOTE_NUMBER = re.compile(rf"[{_DIGITS}](?:(?<=[^\W\d_].)|(?<=[.,;:!?”’\"')\]].)|(?<=^.))[{_DIGITS}]{{0,2}}", re.M)


def rewrite_note_numbers(source: str, write: Callable[[str], str]) -> str:
    """`source` with each note number in superscript digits replaced by `write` of its plain digits.

    >>> rewrite_note_numbers("As Smith² showed (x ²), in 1917.¹²\\n³ A note.", lambda number: f"[{number}]")
    'As Smith[2] showed (x ²), in 1917.[12]\\n[3] A note.'
    """
    return _NOTE_NUMBER.sub(lambda match: write(match.group(0).translate(_PLAIN)), source)
