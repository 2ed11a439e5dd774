"""Find page breaks that left no mark: text cut mid-sentence, resumed in lower case, or a page's length."""

from __future__ import annotations

import re
import statistics
from collections import Counter

from .draft import Draft, Line
from .frontmatter import is_colophon, title_lines
from .furniture import FOLIO
from .passes import Change, PassContext, register
from .seams import ends_mid_sentence, starts_mid_sentence

# A run of text this many times a typical page long holds more than one page.
_SEVERAL_PAGES = 1.3
# Paragraphs shorter than this are titles or headings: they say nothing of page breaks.
_PROSE_CHARS = 80
_PROSE_WORDS = 6
# A short line repeated this often is a running head, and starts a page.
_HEAD_REPEATS = 3
_HEAD_CHARS = 80
# Title blocks are made of short lines; prose has at least one this long.
_PROSE_LINE = 50
# Headings capitalise many of their words.
_TITLE_CASE_SHARE = 0.4
# A run within this share of a whole number of pages holds whole pages.
_WHOLE_PAGE = 0.8
# Notes are set in smaller type: a character of a note takes about this much of a page.
_NOTE_TYPE = 0.6
_HEADING = re.compile(r"^#{1,6}\s")
_MARKED = re.compile(r"^(?:#{1,6}|>|[-*+•]|\d{1,3}[.)])\s")
_LINK_ONLY = re.compile(r"^(?:\[[^\]]*\]\([^)\s]*\)|<?(?:https?://|www\.)\S+?>?)$")


@register("find-page-breaks")
def find_page_breaks(draft: Draft, context: PassContext) -> tuple[Draft, list[Change]]:
    """Start a new page where a paragraph stops mid-sentence or starts in lower case, or where a page is full.

    Markdown converted from a PDF often marks only pages that end with notes
    (a converter that marks every page leaves nothing to find); the other
    page breaks show as paragraphs cut mid-sentence, as paragraphs
    opening in lower case, or only by the length of the text between marks.

    >>> from pamphleteer.readers.lines import split_lines
    >>> text = "A page that stops, as pages do, in the middle of a sentence about the councils and\\n\\nNext page."
    >>> d = find_page_breaks(Draft("x", "markdown", lines=split_lines(text)), PassContext("x", "markdown"))[0]
    >>> [line.page for line in d.lines]
    [0, 0, 1]
    """
    paragraphs = _paragraphs(draft.lines)
    if not paragraphs or draft.pages_marked:
        return draft, []
    heads = _repeated_heads(paragraphs)
    first, colophon = _matter(paragraphs, heads)
    breaks = {index for index in range(1, len(paragraphs))
              if _text(paragraphs[index]) in heads
              or (_text(paragraphs[index - 1]) not in heads
                  and _breaks_before(paragraphs, index, index - 1 > first and not colophon[index - 1]))}
    edges = {index for index in range(first + 1, len(paragraphs)) if colophon[index] != colophon[index - 1]}
    breaks = sorted(_after_folios(paragraphs, breaks | edges | ({first} if first else set())))
    breaks = sorted(set(breaks) | set(_length_breaks(paragraphs, breaks, draft)))
    lines, page, changes = [], 0, []
    for index, paragraph in enumerate(paragraphs):
        if index in breaks:
            page += 1
            if paragraph[0].page == paragraphs[index - 1][0].page:
                changes.append(Change("find-page-breaks", "split", paragraph[0].line, paragraph[0].text[:40], "",
                                      "an unmarked page break"))
        lines += [Line(line.text, line.line, page) for line in paragraph]
    return draft.but(lines=tuple(lines)), changes


def _after_folios(paragraphs: list[list[Line]], breaks: set[int]) -> set[int]:
    """A page number standing alone ends its page, even after the page's notes.

    >>> lines = [Line(text, n) for n, text in enumerate(["Text.", "", "7", "", "More."], start=1)]
    >>> sorted(_after_folios(_paragraphs(tuple(lines)), {1}))
    [2]
    """
    folios = [index for index, paragraph in enumerate(paragraphs) if FOLIO.match(_text(paragraph))]
    return (breaks - set(folios)) | {index + 1 for index in folios if index + 1 < len(paragraphs)}


def _paragraphs(lines: tuple[Line, ...]) -> list[list[Line]]:
    """Runs of lines between blank lines; blank lines stay with the paragraph before them."""
    paragraphs: list[list[Line]] = [[]]
    for line in lines:
        current = paragraphs[-1]
        after_blank = bool(current) and not current[-1].text.strip() and bool(_text(current))
        if current and (line.page != current[-1].page or (line.text.strip() and after_blank)):
            paragraphs.append([])
        paragraphs[-1].append(line)
    return [paragraph for paragraph in paragraphs if paragraph]


def _repeated_heads(paragraphs: list[list[Line]]) -> set[str]:
    """Short lines repeated through the text, as running heads are at each page top."""
    counts = Counter(_text(paragraph) for paragraph in paragraphs)
    return {text for text, count in counts.items() if count >= _HEAD_REPEATS and text and not _is_prose_text(text)
            and len(text) <= _HEAD_CHARS}


def _text(paragraph: list[Line]) -> str:
    return " ".join(line.text.strip() for line in paragraph if line.text.strip())


def _breaks_before(paragraphs: list[list[Line]], index: int, in_text: bool) -> bool:
    """A page break before `index`: marked, or a sentence cut off before it or going on in it.

    In the text (past the title block, not a colophon), a few words in
    sentence case with no end mark are a paragraph cut by the page end too.
    """
    previous, current = _text(paragraphs[index - 1]), _text(paragraphs[index])
    if paragraphs[index][0].page != paragraphs[index - 1][0].page:
        return True
    cut = _is_prose(paragraphs[index - 1]) or (in_text and _is_fragment(previous))
    return (cut and ends_mid_sentence(previous)) or starts_mid_sentence(current)


def _is_fragment(text: str) -> bool:
    """Some words in sentence case, no heading, list item or quotation: the start of a cut sentence.

    >>> _is_fragment("Some were released"), _is_fragment("The Long Retreat"), _is_fragment("- An item")
    (True, False, False)
    """
    words = re.findall(r"[^\W\d_]+", text)
    capitalised = sum(1 for word in words if word[0].isupper())
    return len(words) >= 2 and not _MARKED.match(text) and capitalised < _TITLE_CASE_SHARE * len(words)


def _is_prose(paragraph: list[Line]) -> bool:
    """Sentences, not a title block or heading: a long line, with punctuation or mostly lower-case words.

    >>> _is_prose([Line("As a result, the railway workers reconsidered every proposal", 1)])
    True
    >>> _is_prose([Line("A subtitle for the essay", 1)]), _is_prose([Line("Bread and Coal for the Striking Families", 1)])
    (False, False)
    """
    if max(len(line.text.strip()) for line in paragraph) < _PROSE_LINE:
        return False
    return _is_prose_text(_text(paragraph))


def _is_prose_text(text: str) -> bool:
    if len(text) >= _PROSE_CHARS and re.search(r"[.,;:!?]\s", text):
        return True
    words = re.findall(r"[^\W\d_]+", text)
    capitalised = sum(1 for word in words if word[0].isupper())
    return len(words) >= _PROSE_WORDS and capitalised < _TITLE_CASE_SHARE * len(words)


def _matter(paragraphs: list[list[Line]], heads: set[str]) -> tuple[int, list[bool]]:
    """The first paragraph of prose after the title block, and which paragraphs are colophon lines.

    Both are pages of their own. A conversion puts the back page (author,
    title, "Retrieved on ...", the site's link) wherever that page fell in
    the PDF, often between two pages of one sentence.
    """
    texts = [[line.text for line in paragraph if line.text.strip()] for paragraph in paragraphs]
    first = next((index for index, paragraph in enumerate(paragraphs) if _is_prose(paragraph)
                  and not is_colophon(texts[index], title_lines(["\n".join(t) for t in texts[:index]]))), 0)
    known = title_lines(["\n".join(text) for text in texts[:first]])
    flags = [index >= first and bool(text) and _text(paragraphs[index]) not in heads and is_colophon(text, known)
             for index, text in enumerate(texts)]
    return first, _colophons(flags, texts)


def _colophons(flags: list[bool], texts: list[list[str]]) -> list[bool]:
    """Runs of colophon paragraphs, less runs that are only links: a link standing alone may be text."""
    kept = list(flags)
    index = 0
    while index < len(flags):
        end = index
        while end < len(flags) and flags[end]:
            end += 1
        if end > index and all(_LINK_ONLY.match(" ".join(text).strip()) for text in texts[index:end]):
            kept[index:end] = [False] * (end - index)
        index = end + 1
    return kept


def _length_breaks(paragraphs: list[list[Line]], breaks: list[int], draft: Draft) -> list[int]:
    """Breaks inside runs of text that hold several pages' worth, near each page's length."""
    bounds = [0, *breaks, len(paragraphs)]
    runs = list(zip(bounds, bounds[1:]))
    sizes = [_run_chars(paragraphs, start, end, draft) for start, end in runs]
    page = _page_length(sizes)
    if page is None:
        return []
    found: list[int] = []
    for (start, end), size in zip(runs, sizes):
        if not any(_is_prose(paragraph) for paragraph in paragraphs[start:end]):
            continue  # a title page or colophon
        pages = max(2, round(size / page)) if size >= _SEVERAL_PAGES * page else 1
        found += _even_cuts(paragraphs, start, end, pages)
    return found


def _page_length(sizes: list[int]) -> float | None:
    """The length of a full page: each run between known breaks holds whole pages, most of them one.

    >>> _page_length([1900, 2000, 4000, 1950, 600, 6000])
    2000.0
    """
    if len(sizes) < 3:
        return None
    guess = statistics.median(sizes)
    wholes = [size / round(size / guess) for size in sizes
              if size >= _WHOLE_PAGE * guess and abs(size / guess - round(size / guess)) <= 1 - _WHOLE_PAGE]
    return statistics.median(wholes) if wholes else guess


def _run_chars(paragraphs: list[list[Line]], start: int, end: int, draft: Draft) -> int:
    """Characters of a run of paragraphs, with the notes printed at the foot of its pages."""
    first = paragraphs[start][0].line
    last = paragraphs[end][0].line if end < len(paragraphs) else float("inf")
    notes = sum(len(note.text) for note in draft.notes if first <= note.line < last)
    return sum(len(_text(paragraph)) for paragraph in paragraphs[start:end]) + round(_NOTE_TYPE * notes)


def _even_cuts(paragraphs: list[list[Line]], start: int, end: int, pages: int) -> list[int]:
    """Paragraph indices nearest to equal shares of a run's length; a page never ends with a heading."""
    if pages < 2:
        return []
    ends, total = [], 0
    for index in range(start, end):
        total += len(_text(paragraphs[index]))
        if not _HEADING.match(_text(paragraphs[index])):
            ends.append((total, index + 1))
    cuts = []
    for share in range(1, pages):
        target = total * share / pages
        _, cut = min(ends[:-1], key=lambda item: (abs(item[0] - target), item[1]), default=(0, start))
        if start < cut < end and cut not in cuts:
            cuts.append(cut)
    return cuts
