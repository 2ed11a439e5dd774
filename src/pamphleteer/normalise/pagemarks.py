"""Where pages start in extracted text with no page marks: at the folios and running heads between pages."""

from __future__ import annotations

import re
from collections import Counter

from .draft import Line
from .furniture import FOLIO

_DIGITS = re.compile(r"\d+")
_SENTENCE_END = re.compile(r"[.,;:!?…][\"”’')\]]*$")
_ADDRESS = re.compile(r"https?://|www\.")
# A running head or foot repeats at least this often; it is a short line.
_MIN_REPEATS = 3
_HEAD_CHARS = 70


def unmarked_page_starts(lines: tuple[Line, ...]) -> set[int]:
    """Indices of the lines that start a page, read from the furniture between pages.

    Between two pages stand the foot of one (a folio, a running foot, after a
    blank line) and the head of the next (a running head, or a folio, straight
    above the text). The new page starts at the first item of the head, or
    after the whole group when all of it is foot.

    >>> text = "Body of page one.\\n\\n7\\nThe Running Head\\nBody of page two.\\n\\n8\\nAn Author\\nMore.\\n\\n9\\nThe Running Head\\nEnd."
    >>> from pamphleteer.readers.lines import split_lines
    >>> sorted(unmarked_page_starts(split_lines(text)))
    [3, 7, 11]
    """
    repeated = _repeated_lines(lines)
    marks = [_is_mark(lines, index, repeated) for index in range(len(lines))]
    starts, index = set(), 0
    while index < len(lines):
        if not marks[index]:
            index += 1
            continue
        end = index
        while end < len(lines) and (marks[end] or not lines[end].text.strip()):
            end += 1
        heads = [i for i in range(index, end) if marks[i] and i > 0 and lines[i - 1].text.strip()]
        starts.add(heads[0] if heads else end)
        index = end
    return {start for start in starts if 0 < start < len(lines)}


def _repeated_lines(lines: tuple[Line, ...]) -> set[str]:
    """Short lines, digits masked, that repeat through the text and are no sentence: running heads and feet."""
    counts = Counter(_masked(line.text) for line in lines)
    return {text for text, count in counts.items() if count >= _MIN_REPEATS and _may_be_head(text)}


def _masked(text: str) -> str:
    return _DIGITS.sub("#", text.strip())


def _may_be_head(text: str) -> bool:
    letters = re.search(r"[^\W\d_]", text)
    return bool(letters) and len(text) <= _HEAD_CHARS and not _SENTENCE_END.search(text) and not _ADDRESS.search(text)


def _is_mark(lines: tuple[Line, ...], index: int, repeated: set[str]) -> bool:
    """A running head or foot, or a folio: after a blank line (not a note's number before its web address),
    or next to a running head."""
    text = lines[index].text.strip()
    if not text:
        return False
    if _masked(text) in repeated:
        return True
    if not FOLIO.match(text):
        return False
    before = lines[index - 1].text.strip() if index else ""
    after = lines[index + 1].text.strip() if index + 1 < len(lines) else ""
    beside_head = any(_masked(other) in repeated for other in (before, after) if other)
    return beside_head or (not before and not _ADDRESS.match(after))
