"""Separate two pages whose lines an extractor interleaved (both pages of one side of a booklet sheet)."""

from __future__ import annotations

import re

from .draft import Draft, Line
from .furniture import FOLIO
from .notes import foot_note_start, parse_foot_notes
from .passes import Change, PassContext, register
from .vocabulary import Vocabulary

# `(?<!...)` starts a match only at a word's first letter: from further in, the scanner would
# retry the same failed match letter by letter, all through a long paragraph.
_BROKEN_WORD = re.compile(r"(?<![^\W\d_])([^\W\d_]+)[-\u00ad\u2010]$")
_FIRST_WORD = re.compile(r"^[\"“‘'(\[]*([^\W\d_]+)")
_TERMINAL = re.compile(r"[.!?…][\"”’')\]]*$")
# Alternate lines must read on this much better than neighbouring ones, in all.
_MIN_GAIN = 6.0
# Pages shorter than this many lines are not tested.
_MIN_LINES = 8
# Gains this close count as equal.
_TIE = 0.25
# A run of spaces between two pages set side by side, on most of the lines.
_GUTTER = re.compile(r" {4,}")
_SIDE_BY_SIDE_SHARE = 0.6


@register("separate-interleaved-pages")
def separate_interleaved_pages(draft: Draft, context: PassContext) -> tuple[Draft, list[Change]]:
    """Split a page whose lines alternate between two pages into those two pages.

    Lines read on from the line two below them (a hyphenated word closes up,
    a sentence goes on) instead of the line just below: two pages printed
    side by side were read across, line by line. Or most lines hold two
    runs of text at the same columns, apart by a wide gap: the two pages
    were laid out side by side.

    >>> from pamphleteer.readers.lines import split_lines
    >>> text = "\\n".join([
    ...     "the weavers met every week in the old mill to talk about wa-",
    ...     "the bakers met on Sundays in the back room of the inn to set pri-",
    ...     "ges and hours. Their council kept minutes, and each dele-",
    ...     "ces for bread. Their books were open to anyone, and the ac-",
    ...     "gate reported back to the workshop that had chosen her.",
    ...     "counts were read aloud at every meeting of the assembly.",
    ...     "In time the council took over the sale of cloth.",
    ...     "Nobody asked for them to be kept secret."])
    >>> d = separate_interleaved_pages(Draft("x", "pdf-text", lines=split_lines(text)), PassContext("x", "pdf-text"))[0]
    >>> [line.page for line in d.lines]
    [0, 0, 0, 0, 1, 1, 1, 1]
    """
    pages: dict[int, list[Line]] = {}
    for line in draft.lines:
        pages.setdefault(line.page, []).append(line)
    lines: list[Line] = []
    changes: list[Change] = []
    number = 0
    for page_lines in pages.values():
        split = _separate(page_lines, context.vocabulary)
        for part in split:
            lines += [Line(line.text, line.line, number) for line in part]
            number += 1
        if len(split) == 2:
            changes.append(Change("separate-interleaved-pages", "moved", page_lines[0].line, page_lines[0].text[:40],
                                  split[1][0].text[:40], "page separated from another page's interleaved lines"))
    return draft.but(lines=tuple(lines)), changes


def _separate(lines: list[Line], vocabulary: Vocabulary) -> list[list[Line]]:
    """The page as one page, or as the two pages side by side or alternating in it."""
    column = _gutter(lines)
    if column:
        left = [Line(line.text[:column].rstrip(), line.line, line.page) for line in lines]
        right = [Line(line.text[column:].strip(), line.line, line.page) for line in lines]
        return [left, right]
    texts = [line.text.strip() for line in lines]
    if sum(1 for text in texts if text) < _MIN_LINES:
        return [lines]
    straight = [_reads_on(a, b, vocabulary) for a, b in zip(texts, texts[1:])]
    across = [_reads_on(a, b, vocabulary) for a, b in zip(texts, texts[2:])]
    gains = {(stop, parity): _gain(straight, across, stop, parity, len(texts))
             for stop in range(_MIN_LINES, len(texts) + 1) for parity in (0, 1)}
    best = max(gains.values())
    if best < _MIN_GAIN:
        return [lines]
    # Furniture, notes and blank lines at the foot say little: among near-equal readings, the one that
    # ends both pages with a folio, then the one that keeps notes with their markers, then the one
    # whose alternation runs longest.
    ties = [key for key, gain in gains.items() if gain >= best - _TIE]
    return max((_two_pages(lines, *key) for key in ties),
               key=lambda pages: (_folio_ends(pages), _notes_at_home(pages), len(pages[0]) + len(pages[1]) - len(pages[2])))[:2]


def _two_pages(lines: list[Line], end: int, owner: int) -> list[list[Line]]:
    """The two pages (and, third, the lines after the alternation) for one reading."""
    pages = [lines[0:end:2], lines[1:end:2], lines[end:]]
    pages[owner] = pages[owner] + lines[end:]
    return pages


def _folio_ends(pages: list[list[Line]]) -> int:
    ends = [[line for line in page if line.text.strip()][-1:] for page in pages[:2]]
    return sum(1 for end in ends if end and FOLIO.match(end[0].text))


def _notes_at_home(pages: list[list[Line]]) -> int:
    """How many foot notes stand on the page whose text carries their marker."""
    at_home = 0
    for page in pages[:2]:
        start = foot_note_start(page, list(range(len(page)))) if page else None
        if start is None:
            continue
        body = " ".join(line.text for line in page[:start])
        for note in parse_foot_notes(page[start:]):
            at_home += bool(re.search(rf"[^\W\d_][.,;:!?’”\"')\]]?{note.label}(?![\w])", body))
    return at_home


def _gutter(lines: list[Line]) -> int:
    """The column where a second page starts, when most lines hold two pages side by side.

    >>> rows = [Line(f"left words here {i}      right words {i}", i) for i in range(10)]
    >>> _gutter(rows)
    23
    """
    wide = [line.text for line in lines if len(line.text.strip()) > _MIN_LINES]
    if len(wide) < _MIN_LINES:
        return 0
    starts: dict[int, int] = {}
    for text in wide:
        for gap in _GUTTER.finditer(text.rstrip()):
            if gap.start() > 0:
                starts[gap.end()] = starts.get(gap.end(), 0) + 1
    if not starts:
        return 0
    column, count = max(starts.items(), key=lambda item: (item[1], -item[0]))
    return column if count >= _SIDE_BY_SIDE_SHARE * len(wide) else 0


def _gain(straight: list[float], across: list[float], stop: int, owner: int, size: int) -> float:
    """How much better the page reads as two alternating pages up to `stop` than as one page.

    Lines from `stop` on (one page ran out of lines) go on page `owner`
    (0: the page of the first line, 1: the other), after its last line.
    """
    alternate = sum(across[: stop - 2]) + sum(straight[stop:])
    if stop < size:
        last = stop - 1 if (stop - 1) % 2 == owner else stop - 2
        alternate += straight[last] if last == stop - 1 else across[last]
    return alternate - sum(straight)


def _reads_on(line: str, following: str, vocabulary: Vocabulary) -> float:
    """How well `following` continues `line`: a hyphenated word closes up, or cannot; a finished
    sentence cannot go on in lower case. Weaker hints (common word pairs) mislead more than they help.
    """
    if not line or not following:
        return 0.0
    first = _FIRST_WORD.match(following)
    broken = _BROKEN_WORD.search(line)
    if broken:
        joined = broken.group(1) + (first.group(1) if first else "")
        return 3.0 if first and first.group(1).islower() and vocabulary.is_word(joined) else -2.0
    lower = bool(first) and first.group(1)[0].islower()
    return -2.0 if lower and _TERMINAL.search(line) else 0.0
