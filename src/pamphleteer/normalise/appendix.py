"""Read the material a web scraper tore out and appended: numbered section titles, each with its quotes."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .draft import Block
from .paragraphs import OPENS_QUOTE

_NUMBERED = re.compile(r"^(\d{1,3})[.)]?\s+(\S.*)$")
# The closing mark of a quotation, then perhaps its bracketed citation.
_CLOSED = re.compile(r"[\"”][.,;]?\s*(?:\[[^\[\]]*\])?[.,;]?$")
_ENDS_SENTENCE = re.compile(r"[.!?…\"”’'\]]$")
_CITED = re.compile(r"[\"”][.,;]?\s*\[[^\[\]]*\][.,;]?$")
# A quotation set off without quote marks, as block quotes often are, still ends with its citation.
_CITED_PLAIN = re.compile(r"[.!?…][\"”’']?\s*\[[^\[\]]*\][.,;]?$")
_ENDS_TITLE = re.compile(r"[.!?:]$")
# Titles are short; a longer "title" is a numbered paragraph of the text itself.
_TITLE_WORDS = 25
_TITLE_LINE = 50  # the rest of a wrapped title is shorter than a wrapped line of text


@dataclass
class Moved:
    """One paragraph of a quotation found in the appended material."""

    texts: list[str]
    lines: list[int]

    @property
    def text(self) -> str:
        return "\n".join(self.texts)

    @property
    def open(self) -> bool:
        """True if the quotation goes on after this paragraph (no closing mark yet).

        Typesetters open each later paragraph of a quotation with a quote
        mark and close only the last one.
        """
        return bool(OPENS_QUOTE.match(self.texts[0])) and not _CLOSED.search(" ".join(self.texts).strip())


@dataclass
class Title:
    """A numbered section title and the quotations that followed it."""

    number: str
    texts: list[str]
    lines: list[int]
    quotes: list[Moved] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join(self.texts)


@dataclass(frozen=True)
class Appendix:
    """Where the appended material starts (block index, line within it) and what it holds."""

    block: int
    segment: int
    titles: tuple[Title, ...]


def find_appendix(blocks: tuple[Block, ...]) -> Appendix | None:
    """The appended list of titles and quotes that runs to the end of the text, if any.

    >>> blocks = (Block("para", "Body text ends:", (1,)),
    ...           Block("para", '1 First?\\n2 Second title\\n"A quote." [Ref]', (3, 4, 5)))
    >>> found = find_appendix(blocks)
    >>> found.block, [t.text for t in found.titles], found.titles[1].quotes[0].text
    (1, ['1 First?', '2 Second title'], '"A quote." [Ref]')
    """
    segments = [(index, offset, text, line)
                for index, block in enumerate(blocks)
                for offset, (text, line) in enumerate(zip(block.text.split("\n"), block.lines, strict=False))]
    for start, (index, offset, text, _) in enumerate(segments):
        number = _NUMBERED.match(text)
        if number and number.group(1) == "1":
            titles = _parse([(t, line) for _, _, t, line in segments[start:]])
            if titles:
                return Appendix(index, offset, tuple(titles))
    return None


def _parse(segments: list[tuple[str, int]]) -> list[Title] | None:
    """Titles numbered 1, 2, ... each followed by quote paragraphs, to the very end."""
    titles: list[Title] = []
    previous = ""
    for position, (text, line) in enumerate(segments):
        following = segments[position + 1][0] if position + 1 < len(segments) else ""
        number = _NUMBERED.match(text)
        after_title = not titles or not titles[-1].quotes
        if number and int(number.group(1)) == len(titles) + 1 and (after_title or _ENDS_SENTENCE.search(previous)):
            titles.append(Title(number.group(1), [number.group(2)], [line]))
        elif titles:
            _take(titles[-1], text, line, previous, following)
        else:
            return None
        previous = text
    if len(titles) < 2 or not all(map(_plausible, titles)) or not _quoted(titles):
        return None
    for title in titles:
        title.texts[0] = f"{title.number} {title.texts[0]}"
    return titles


def _plausible(title: Title) -> bool:
    """A section title, not a numbered paragraph: short, not a sentence."""
    return len(title.text.split()) <= _TITLE_WORDS and not re.search(r"[.;,:]$", title.text)


def _quoted(titles: list[Title]) -> bool:
    """What follows the titles, if anything, looks quoted: a quote mark opens it or a citation ends it."""
    quotes = [quote for title in titles for quote in title.quotes]
    return not quotes or any(OPENS_QUOTE.match(quote.texts[0]) or _CITED_PLAIN.search(_joined(quote.text))
                             for quote in quotes)


def _joined(text: str) -> str:
    return " ".join(text.split())


def _take(title: Title, text: str, line: int, previous: str, following: str) -> None:
    """Add a segment to the current title, or to its quotes."""
    if not title.quotes and not _ENDS_TITLE.search(title.texts[-1]) and _continues_title(text, following):
        title.texts.append(text)
        title.lines.append(line)
    elif not title.quotes or _starts_paragraph(text, previous, title.quotes[-1].text):
        title.quotes.append(Moved([text], [line]))
    else:
        title.quotes[-1].texts.append(text)
        title.quotes[-1].lines.append(line)


def _continues_title(text: str, following: str) -> bool:
    """A title wrapped over lines: it goes on in lower case, or briefly before a quotation or the next title."""
    if OPENS_QUOTE.match(text) or _CITED_PLAIN.search(text):
        return False
    brief = len(text) <= _TITLE_LINE and not re.search(r"[.,;:]$", text)
    return text[:1].islower() or (brief and (not following or bool(OPENS_QUOTE.match(following) or _NUMBERED.match(following))))


def _starts_paragraph(text: str, previous: str, paragraph: str) -> bool:
    """A new quote paragraph: a quote mark after a sentence end, or anything after a quotation's citation.

    A bracket closing a line may be an editor's insertion ("from [the
    ministry]"), not a citation: only one after the closing quote mark, or
    after a sentence's end, counts.
    """
    # Both citation patterns end in a bracket: look no further unless the paragraph does.
    bracketed = paragraph.rstrip().rstrip(".,;").endswith("]")
    cited = bracketed and bool(_CITED.search(_joined(paragraph)) or _CITED_PLAIN.search(_joined(paragraph)))
    return (bool(OPENS_QUOTE.match(text)) and bool(_ENDS_SENTENCE.search(previous))) or cited
