"""Find the paragraphs of web-scraped text: one per line, hard-wrapped, or a mix of both."""

from __future__ import annotations

import re
import statistics

from .draft import Line

# What ends a sentence, and so may end a paragraph (a citation bracket too).
SENTENCE_END = re.compile(r"[.!?:;…\"”’')\]*_]$")
_STARTS_LOWER = re.compile(r"^[\"“‘'(\[]?[a-z]")
OPENS_QUOTE = re.compile(r"^[\"“]")
# A quotation ends with its closing mark, perhaps followed by a bracketed citation.
_ENDS_QUOTE = re.compile(r"[\"”][.,;]?(?:\s*\[[^\[\]]*\])?[.,;]?$|\]$")
# A list item opens with a bullet, "1." or "1)", or "(a)"; never "p." (page).
LIST_MARK = re.compile(r"^(?:[•▪◦·‣∙●○■□–*+-]|\(?\d{1,2}[.)]|\(?[a-z]\))\s+")
# A line this many times the wrap width cannot be a wrapped line: it is a
# paragraph written on one line, as scraped web pages give them.
_LONG_FACTOR = 1.6
# Lines ending mid-sentence must be this common for the text to count as hard-wrapped.
_MIN_WRAPS = 3
# A line ends a paragraph if the next word would have fitted within this share of the width;
# a line with no end punctuation must stop shorter still.
_ROOM = 0.9
# A wrapped line is filled to at least this share of the wrap width.
_FULL = 0.75
_UNWRAPPED_LINES = 3
_WIDER = 1.05
_UNPUNCTUATED_ROOM = 0.8


def web_paragraphs(lines: tuple[Line, ...]) -> list[list[Line]]:
    """Group the lines of web text into paragraphs.

    Blank (or space-only) lines always end a paragraph. Inside a run of
    lines, a line is a paragraph of its own when the text is not
    hard-wrapped or the line is far longer than the wrap width; wrapped
    lines are joined unless a list item or a new quotation starts, or,
    where paragraphs are not set apart by blank lines, a short line ends
    a sentence.

    >>> from pamphleteer.readers.lines import split_lines
    >>> text = "One paragraph on one line, as scraped pages give it, well past the width.\\nA wrapped one\\nwhose lines\\ngo on to\\nthe end."
    >>> [len(group) for group in web_paragraphs(split_lines(text))]
    [1, 4]
    """
    runs = regions(lines)
    width = wrap_width(runs)
    apart = blank_separated(runs, width)
    groups: list[list[Line]] = []
    for region in runs:
        groups.extend(_split_region(region, width, apart))
    return groups


def regions(lines: tuple[Line, ...]) -> list[list[Line]]:
    """Runs of lines between blank lines."""
    runs: list[list[Line]] = [[]]
    for line in lines:
        if line.text.strip():
            runs[-1].append(line)
        elif runs[-1]:
            runs.append([])
    return [run for run in runs if run]


def blank_separated(regions: list[list[Line]], width: float | None) -> bool:
    """Blank lines set paragraphs apart: inside the runs between them, fewer lines than runs stop short at a sentence end.

    Text wrapped with no blank lines between paragraphs may still have a few
    (where a heading was cut out, or at a page's edge): the short lines that
    end its paragraphs inside each run tell it apart.
    """
    runs = [region for region in regions if len(region) > 1]
    if len(runs) < 2:
        return False
    if width is None:
        return True
    inner = sum(1 for region in runs for previous, line in zip(region, region[1:])
                if stops_short(previous.text.strip(), line.text.strip(), width))
    return inner < len(runs)


def stops_short(before: str, text: str, width: float) -> bool:
    """A line that ends a sentence though the next line's first word would have fitted on it."""
    return not _continues(before, text) and _fits(before, text, width, _ROOM)


def _fits(before: str, text: str, width: float, share: float) -> bool:
    """The first word of `text` would have fitted on the line `before` within `share` of the wrap width.

    A wrapper would have taken that word up; `width` is only a high
    percentile of wrapped lines' lengths, and wrappers differ, hence a margin.
    """
    return len(before) + 1 + len(text.split()[0]) < share * width


def _continues(previous: str, text: str) -> bool:
    """The sentence runs on from `previous` into `text`: a wrapped line."""
    return not SENTENCE_END.search(previous) or bool(_STARTS_LOWER.match(text))


def wrap_width(regions: list[list[Line]]) -> float | None:
    """The width text was wrapped at, or None if it was not hard-wrapped.

    Measured on lines the next line goes on from in lower case: a title,
    caption or list item without end punctuation, standing before a
    capital, is no wrapped line.
    """
    lengths = [
        len(previous.text.strip())
        for region in regions
        for previous, line in zip(region, region[1:])
        if _STARTS_LOWER.match(line.text.strip()) and not LIST_MARK.match(line.text.strip())
    ]
    if len(lengths) < _MIN_WRAPS:
        return None
    return float(statistics.quantiles(lengths, n=10)[8]) if len(lengths) > 1 else float(lengths[0])


def _split_region(region: list[Line], width: float | None, apart: bool) -> list[list[Line]]:
    one_per_line = width is None or _one_per_line(region, width)
    groups = [[region[0]]]
    for line in region[1:]:
        if _breaks(groups[-1], line, width, one_per_line, apart):
            groups.append([line])
        else:
            groups[-1].append(line)
    return groups


def _one_per_line(region: list[Line], width: float) -> bool:
    """A run of paragraphs written one to a line: mostly long lines, or some (or a few lines) and no sentence run over a line end.

    Short lines among them are headings, captions or link texts, each a paragraph of its own.
    """
    texts = [line.text.strip() for line in region]
    longs = sum(1 for line in region if _long(line, width))
    # List items stand one to a line in either layout: they do not tell.
    items = sum(1 for text in texts if LIST_MARK.match(text))
    # Lines that no sentence runs past, from a wrapped line, are no wrap's if one is long, or if there
    # are three or more and one is wider than the wrap width.
    wider = any(len(text) > _WIDER * width for text in texts)
    unwrapped = longs > 0 or (len(region) - items >= _UNWRAPPED_LINES and wider)
    return longs * 2 > len(region) - items or (unwrapped and not any(
        _runs_over(before, text, width) for before, text in zip(texts, texts[1:])))


def _runs_over(before: str, text: str, width: float) -> bool:
    """A sentence goes on past a line filled to near the wrap width: the line was wrapped.

    A short line without end punctuation (a caption, a list item) is no wrapped line.
    """
    return _continues(before, text) and len(before) >= _FULL * width and not LIST_MARK.match(before)


def _starts_item(group: list[Line], before: str) -> bool:
    """A dash or number opens a list item only after a sentence ends (else it is a dash wrapped to the line start)."""
    return bool(SENTENCE_END.search(before)) or bool(LIST_MARK.match(group[0].text.strip()))


def _long(line: Line, width: float | None) -> bool:
    return width is None or len(line.text.strip()) > _LONG_FACTOR * width


def _breaks(group: list[Line], line: Line, width: float | None, one_per_line: bool, apart: bool) -> bool:
    """True if `line` starts a new paragraph after the lines of `group`."""
    before, text = group[-1].text.strip(), line.text.strip()
    if LIST_MARK.match(text) and (text[0] in "•▪◦·‣∙●○■□" or _starts_item(group, before)):
        return True
    if _STARTS_LOWER.match(text):
        return False
    if one_per_line:
        return True
    continues = _continues(before, text)
    if not continues and (_long(group[-1], width) or _long(line, width)):
        return True
    if not apart and width is not None:
        return _breaks_unspaced(before, text, width)
    if continues:
        return False
    # A run of quotations with no blank line between them.
    return bool(OPENS_QUOTE.match(group[0].text.strip()) and _ENDS_QUOTE.search(before) and OPENS_QUOTE.match(text))


def _breaks_unspaced(before: str, text: str, width: float) -> bool:
    """Wrapped text with no blank lines between paragraphs: a line the next word would have fitted on ends one.

    So does a colon before a quotation set off on the next line. A line with
    no end punctuation (a title, a link text, a caption) must stop clearly
    short, as a line broken at a stray tag seldom does.
    """
    if before.endswith(":") and OPENS_QUOTE.match(text):
        return True
    return _fits(before, text, width, _ROOM if not _continues(before, text) else _UNPUNCTUATED_ROOM)
