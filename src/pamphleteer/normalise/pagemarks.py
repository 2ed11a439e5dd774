"""Where pages start in extracted text with no page marks: at the folios and running heads between pages."""

from __future__ import annotations

import re
import statistics
from collections import Counter

from .draft import Line
from .furniture import FOLIO, head_key, may_be_head, repeats_needed
from .notes import calls_note

_ADDRESS = re.compile(r"https?://|www\.")
# A running head or foot is a short line.
_HEAD_CHARS = 70
_FOLIO_KEY = "(folio)"
# A page without a running head holds at least this share of a typical page.
_PAGE_SHARE = 0.6
_MIN_PAGE_LINES = 2
_NOTE_START = re.compile(r"^(\d{1,3})[.)]?\s+\S")
_NOTE_DONE = re.compile(r"[.!?)\]”\"’]$")
# A note's marker stands at most this many lines above the note.
_NOTE_REACH = 60


def unmarked_page_starts(lines: tuple[Line, ...]) -> set[int]:
    """Indices of the lines that start a page, read from the furniture between pages.

    Between two pages stand the foot of one (a folio, a running foot, after a
    blank line) and the head of the next (a running head, or a folio, straight
    below the last line of text). Each kind of furniture is a head or a foot
    by where it mostly stands; a page starts at the first head item of a group.
    With no heads at all, a page starts after each group of foot items.

    >>> page = "A sentence of text.\\n" * 4
    >>> text = f"{page}\\n7\\nThe Head\\n{page}\\n8\\nThe Head\\n{page}\\n9\\nThe Head\\n{page}"
    >>> from pamphleteer.readers.lines import split_lines
    >>> sorted(unmarked_page_starts(split_lines(text)))
    [6, 13, 20]
    """
    repeated = _repeated_lines(lines)
    keys = _with_weak_folios(lines, [_mark_key(lines, index, repeated) for index in range(len(lines))])
    heads = _head_keys(lines, keys)
    starts, feet = set(), []
    for start, end in _groups(lines, keys):
        first_head = next((i for i in range(start, end) if keys[i] in heads), None)
        if first_head is not None:
            starts.add(first_head)
        elif not heads:
            starts.add(end)
        elif _FOLIO_KEY in keys[start:end]:
            feet.append(end)
    starts |= _pages_without_head(feet, sorted(starts), len(lines)) | _after_foot_notes(lines)
    return _no_scraps(lines, sorted(start for start in starts if 0 < start < len(lines)))


def _after_foot_notes(lines: tuple[Line, ...]) -> set[int]:
    """Where the text goes straight on after a page's foot notes: the next page starts there.

    A block of notes stands after a blank line, each note opening with its
    number, the first of them glued to a word above; a line that follows a
    finished note and opens with no number is the next page's first line.
    """
    starts = set()
    for index in range(1, len(lines)):
        note = _NOTE_START.match(lines[index].text.strip())
        if note and not lines[index - 1].text.strip() and _called_above(lines, index, note.group(1)):
            end = _notes_end(lines, index, int(note.group(1)))
            if end is not None:
                starts.add(end)
    return starts


def _called_above(lines: tuple[Line, ...], index: int, number: str) -> bool:
    return calls_note(" ".join(line.text for line in lines[max(0, index - _NOTE_REACH) : index]), number)


def _notes_end(lines: tuple[Line, ...], start: int, number: int) -> int | None:
    """The first line after the notes that begin at `start`, if text follows them with no blank line."""
    expected, finished = number + 1, False
    for index in range(start + 1, len(lines)):
        text = lines[index].text.strip()
        if not text:
            return None
        note = _NOTE_START.match(text)
        if note and int(note.group(1)) == expected:
            expected += 1
        elif finished:
            return index
        finished = bool(_NOTE_DONE.search(text)) and not _ADDRESS.search(text.split()[-1])  # not "https://archive."
    return None


def _no_scraps(lines: tuple[Line, ...], starts: list[int]) -> set[int]:
    """Starts that leave a page of some lines before them: the head of the second page of a sheet
    side read across stands just below the first line of the opening page, which has none."""
    kept, previous = set(), 0
    for start in starts:
        if sum(1 for line in lines[previous:start] if line.text.strip()) >= _MIN_PAGE_LINES:
            kept.add(start)
            previous = start
    return kept


def _groups(lines: tuple[Line, ...], keys: list[str]) -> list[tuple[int, int]]:
    """(first, last + 1) of each run of furniture and blank lines that holds some furniture."""
    groups, index = [], 0
    while index < len(lines):
        if not keys[index]:
            index += 1
            continue
        end = index
        while end < len(lines) and (keys[end] or not lines[end].text.strip()):
            end += 1
        groups.append((index, end))
        index = end
    return groups


def _pages_without_head(feet: list[int], starts: list[int], size: int) -> set[int]:
    """Folios with no running head after them that end a page: a page's worth of text follows.

    The opening page carries no running head; where two pages are read across
    a sheet side, the shorter one's folio is followed by a few lines only.
    """
    bounds = [0, *starts, size]
    lengths = [b - a for a, b in zip(bounds, bounds[1:]) if b > a]
    if not lengths:
        return set()
    page = statistics.median(lengths)
    return {end for end in feet if min((s for s in starts if s > end), default=size) - end >= _PAGE_SHARE * page}


def _head_keys(lines: tuple[Line, ...], keys: list[str]) -> set[str]:
    """Kinds of furniture that mostly stand nearer the text below them (heads) than the text above (feet).

    A head stands straight below the last line of the page before, or, where
    blank lines stand on both sides, after more of them than it has below it.
    Deciding by kind, not line by line, holds where two pages' lines alternate.
    """
    votes: dict[str, int] = {}
    for index, key in enumerate(keys):
        if key:
            above, below = _blanks(lines, index, -1), _blanks(lines, index, 1)
            votes[key] = votes.get(key, 0) + (1 if above == 0 or 0 < below < above else -1)
    return {key for key, vote in votes.items() if vote > 0}


def _blanks(lines: tuple[Line, ...], index: int, step: int) -> int:
    """Blank lines from `index` (not counted) to the next line with text, in direction `step`; the
    text's edge counts as far."""
    count, index = 0, index + step
    while 0 <= index < len(lines) and not lines[index].text.strip():
        count, index = count + 1, index + step
    return count if 0 <= index < len(lines) else len(lines)


def _repeated_lines(lines: tuple[Line, ...]) -> set[str]:
    """Short lines (as `head_key` gives them) that repeat through the text and are no sentence: running heads and feet.

    A line seen only twice counts when it stands next to a folio both times, or
    carries one ("# Journal of Notes"), as a head that alternates with another on
    facing pages does in a short text.
    """
    counts = Counter(head_key(line.text) for line in lines)
    by_folio = Counter(head_key(line.text) for index, line in enumerate(lines) if _beside_folio(lines, index))
    return {text for text, count in counts.items() if _may_be_head(text)
            and (count >= repeats_needed(text) or (count >= 2 and by_folio[text] == count))}


def _beside_folio(lines: tuple[Line, ...], index: int) -> bool:
    return any(0 <= other < len(lines) and FOLIO.match(lines[other].text) for other in (index - 1, index + 1))


def _may_be_head(text: str) -> bool:
    return len(text) <= _HEAD_CHARS and may_be_head(text)


def _with_weak_folios(lines: tuple[Line, ...], keys: list[str]) -> list[str]:
    """Also take for folios lone numbers between lines of text that fill a gap in the folios found.

    A folio at a page's head stands straight below the last line of the page
    before; on the opening page no running head comes with it.
    """
    found = {_folio_value(lines[index].text) for index, key in enumerate(keys) if key == _FOLIO_KEY} - {None}
    if len(found) < 2:
        return keys
    low, high = min(found) - 1, max(found) + 1
    weak = list(keys)
    for index, line in enumerate(lines):
        value = _folio_value(line.text)
        after = lines[index + 1].text.strip() if index + 1 < len(lines) else ""
        if not keys[index] and value is not None and low <= value <= high and value not in found \
                and not _ADDRESS.match(after):
            weak[index] = _FOLIO_KEY
            found.add(value)
    return weak


def _folio_value(text: str) -> int | None:
    folio = FOLIO.match(text)
    return int(folio.group(1)) if folio and folio.group(1).isdigit() else None


def _mark_key(lines: tuple[Line, ...], index: int, repeated: set[str]) -> str:
    """The kind of furniture a line is ("" for none): a running head or foot, or a folio after a
    blank line (not a note's number before its web address) or next to a running head."""
    text = lines[index].text.strip()
    if not text:
        return ""
    if head_key(text) in repeated:
        return head_key(text)
    if not FOLIO.match(text):
        return ""
    before = lines[index - 1].text.strip() if index else ""
    after = lines[index + 1].text.strip() if index + 1 < len(lines) else ""
    beside_head = any(head_key(other) in repeated for other in (before, after) if other)
    return _FOLIO_KEY if beside_head or (not before and not _ADDRESS.match(after)) else ""
