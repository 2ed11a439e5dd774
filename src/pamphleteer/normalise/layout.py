"""Paragraph starts that extracted PDF text shows with no blank line: a first-line indent, or a short line before."""

from __future__ import annotations

from collections import Counter

from .draft import Line
from .paragraphs import SENTENCE_END, regions, stops_short, wrap_width

# An indent this much deeper than the text's usual margin opens a paragraph (one space is an
# extractor's rounding, or a page start: see `split-pages`).
_MIN_INDENT = 2
# Where more lines than this share are set in, the indent marks nothing.
_MAX_INDENTED_SHARE = 0.5
# Paragraphs run on with no blank line between them when at least this many lines inside runs
# stop short at a sentence's end, and no fewer than the runs that end at one.
_MIN_SHORT_STOPS = 3


def unmarked_paragraph_starts(lines: tuple[Line, ...]) -> set[int]:
    """Indices of lines that open a paragraph though no blank line stands before them.

    A line set in deeper than the one before opens a paragraph (or a block
    quotation); a line back at the margin after two or more set-in lines ends
    the quotation. Where blank lines do not set paragraphs apart, a line the
    next line's first word would have fitted on ends its paragraph too.

    >>> from pamphleteer.readers.lines import split_lines
    >>> text = "     One paragraph that runs\\nover two lines.\\n     Another one that\\nalso runs on.\\nText at the margin."
    >>> sorted(unmarked_paragraph_starts(split_lines(text)))
    [2]
    """
    return _indent_starts(lines) | _short_line_starts(lines)


def _indent_starts(lines: tuple[Line, ...]) -> set[int]:
    leads = [len(line.text) - len(line.text.lstrip(" ")) if line.text.strip() else None for line in lines]
    counted = Counter(lead for lead in leads if lead is not None)
    if not counted:
        return set()
    margin = counted.most_common(1)[0][0]
    set_in = sum(count for lead, count in counted.items() if lead >= margin + _MIN_INDENT)
    if not 0 < set_in <= _MAX_INDENTED_SHARE * sum(counted.values()):
        return set()
    starts = set()
    for index in range(1, len(lines)):
        lead, before = leads[index], leads[index - 1]
        if lead is None or before is None or lines[index].page != lines[index - 1].page:
            continue
        deeper = lead >= before + _MIN_INDENT and lead >= margin + _MIN_INDENT
        block_ends = lead + _MIN_INDENT <= before and index >= 2 and leads[index - 2] == before
        if deeper or block_ends:
            starts.add(index)
    return starts


def _short_line_starts(lines: tuple[Line, ...]) -> set[int]:
    """Lines after a line that stops short at a sentence's end, where paragraphs are not set apart.

    Page breaks and headings cut such text into runs too, so it is told from
    text set out in paragraphs by where short sentence ends stand: inside
    the runs as often as at their ends.
    """
    runs = regions(lines)
    width = wrap_width(runs)
    if width is None:
        return set()
    index_of = {id(line): index for index, line in enumerate(lines)}
    inside = [index_of[id(line)] for run in runs for before, line in zip(run, run[1:])
              if before.page == line.page and stops_short(before.text.strip(), line.text.strip(), width)]
    at_ends = sum(1 for run in runs if len(run) > 1 and SENTENCE_END.search(run[-1].text.strip()))
    return set(inside) if len(inside) >= max(_MIN_SHORT_STOPS, at_ends) else set()
