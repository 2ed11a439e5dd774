"""Break an essay the way text scraped from a web page is broken."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from .. import parts
from ..document import Block, Document
from ..slots import Slots
from ..typeset import wrap
from .common import Degraded, straighten_quotes

# A paragraph that does not end like a sentence is a link line; scrapers glue it to what follows.
_SENTENCE_END = re.compile(r"[.!?:;”\]]$")


@dataclass(frozen=True)
class TextLayout:
    """How the page was scraped.

    Attributes:
        width: 0 for one paragraph per line; else hard-wrapped at this width.
        lead: Hard-wrapped text whose first paragraphs (this many) are one to a line, as a page's lead is.
        spaced: Blank lines between paragraphs (between those set one to a line too).
        blank: What a blank line holds: "" or the space some scrapers leave.
        trace: Blank lines a torn-out heading leaves where it stood, over the usual ones (0: no trace).
        tear_out: Headings and block quotes were torn out and appended at the end, under numbered titles.
        first_only: Share of multi-paragraph quotes of which only the first paragraph was torn out.
        bodiless: Titles the appended list has with no section in this text, as when a page holds an
            excerpt of a longer work: (how many before the first section, how many after the last).
        end_width: Width the appended quotes are wrapped to.
        straight: Share of runs of paragraphs whose quotes and apostrophes are straight.
        caption: An image caption stands between two paragraphs.
        truncation: A mark the site left where it cut the text ("" for none).
        title_line: The page title ("Title, by Author") opens the text.
    """

    width: int = 0
    lead: int = 0
    spaced: bool = True
    blank: str = ""
    trace: int = 0
    tear_out: bool = True
    first_only: float = 0.5
    bodiless: tuple[int, int] = (0, 0)
    end_width: int = 60
    straight: float = 0.5
    caption: str = "Delegates outside the depot, 1921"
    truncation: str = "<>"
    title_line: bool = True


@dataclass
class _Paragraph:
    """A paragraph as scraped, and how many extra blank lines stand before it."""

    text: str
    trace: int = 0


def degrade(document: Document, layout: TextLayout, seed: int) -> Degraded:
    """The essay as scraped text: displaced headings and quotes, glued links, a caption, a truncation mark.

    >>> doc = Document("T", "A", 1990, (Block("para", "One."), Block("heading", "Two"), Block("para", "Said:"),
    ...                 Block("quote", "“Three.” [X, p. 1]", 1), Block("para", "Four.")))
    >>> print(degrade(doc, TextLayout(spaced=False, straight=0, caption="", title_line=False, trace=1), 1).source, end="")
    One.
    <BLANKLINE>
    Said:
    Four. <>
    <BLANKLINE>
    <BLANKLINE>
    <BLANKLINE>
    1 Two
    “Three.” [X, p. 1]
    """
    rng = random.Random(seed)
    body, sections = _tear(document.blocks, layout, rng)
    body = _straighten_runs(_glue_links(body), layout.straight, rng)
    furniture = []
    if layout.caption:
        body.insert(rng.randint(2, max(2, len(body) - 2)), _Paragraph(layout.caption))
        furniture.append(layout.caption)
    if layout.truncation:
        body[-1].text += " " + layout.truncation
        furniture.append(layout.truncation)
    if layout.title_line:
        body.insert(0, _Paragraph(f"{document.title}, by {document.author}"))
        furniture.append(body[0].text)
    before, after = _bodiless(document, layout.bodiless, rng) if sections else ([], [])
    furniture += before + after
    sections = [(title, []) for title in before] + sections + [(title, []) for title in after]
    text = _set(body, layout) + (f"{layout.blank}\n" * 3 if sections else "") + _appendix(sections, layout, rng)
    return Degraded("text", text, tuple(furniture), _story(sections, before + after))


def _story(sections: list[tuple[str, list[str]]], bodiless: list[str]) -> str:
    if not sections:
        return "in place"
    return f"{len(sections) - len(bodiless)} sections torn out" + (f", {len(bodiless)} titles with no body" if bodiless else "")


def _tear(blocks: tuple[Block, ...], layout: TextLayout, rng: random.Random) -> tuple[list[Block], list[tuple[str, list[str]]]]:
    """Blocks left in place (link lines marked "link", a torn-out heading's place "gap"),
    and per section its title and the quotes torn out."""
    body: list[Block] = []
    sections: list[tuple[str, list[str]]] = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        if block.kind == "quote":
            group = _quote_run(blocks, index)
            index += len(group)
            moved = 1 if len(group) > 1 and rng.random() < layout.first_only else len(group)
            if layout.tear_out and sections:
                sections[-1][1].extend(b.text for b in group[:moved])
                group = group[moved:]
            body.extend(group)
            continue
        if block.kind == "heading" and layout.tear_out:
            sections.append((block.text, []))
            body.append(Block("gap", ""))
        elif block.kind == "para" and not _SENTENCE_END.search(block.text):
            body.append(Block("link", block.text))
        else:
            body.append(block)
        index += 1
    return body, sections


def _quote_run(blocks: tuple[Block, ...], start: int) -> list[Block]:
    """The paragraphs of the quotation starting at `start`."""
    run = []
    for block in blocks[start:]:
        if block.kind != "quote" or block.group != blocks[start].group:
            break
        run.append(block)
    return run


def _glue_links(body: list[Block]) -> list[_Paragraph]:
    """Paragraphs as scraped; a link line loses its line break: "…See also X: TitleIf one wants…".

    A torn-out heading leaves its mark on the paragraph after it.
    """
    paragraphs: list[_Paragraph] = []
    gaps = 0
    for index, block in enumerate(body):
        if block.kind == "gap":
            gaps += 1
            continue
        text = ("• " if block.kind == "item" else "") + block.text
        if index and body[index - 1].kind == "link":
            paragraphs[-1].text += text
        else:
            paragraphs.append(_Paragraph(text, gaps))
        gaps = 0
    return paragraphs


def _straighten_runs(body: list[_Paragraph], share: float, rng: random.Random) -> list[_Paragraph]:
    """Straight quotes in runs of a few paragraphs, as pages of a site made at different times have."""
    straight = False
    for index, paragraph in enumerate(body):
        if index % 4 == 0:
            straight = rng.random() < share
        if straight:
            paragraph.text = straighten_quotes(paragraph.text)
    return body


def _set(body: list[_Paragraph], layout: TextLayout) -> str:
    """The paragraphs as lines: one to a line or wrapped, blank lines between as the layout has them."""
    lines: list[str] = []
    for index, paragraph in enumerate(body):
        one_line = not layout.width or index < layout.lead
        usual = 0 if index < layout.lead else int(layout.spaced)
        if index:
            lines += [layout.blank] * (usual + (layout.trace if paragraph.trace else 0))
        lines += [paragraph.text] if one_line else wrap(paragraph.text, layout.width, hyphenate=False)
    return "".join(line + "\n" for line in lines)


def _bodiless(document: Document, counts: tuple[int, int], rng: random.Random) -> tuple[list[str], list[str]]:
    """Titles of sections this text does not hold, before and after its own, drawn from headings it lacks."""
    own = {block.text for block in document.blocks if block.kind == "heading"}
    slots = Slots(rng)
    spare = [title for title in (slots.fill(line.partition(" | ")[0]) for line in parts.HEADINGS) if title not in own]
    chosen = rng.sample(spare, sum(counts))
    return chosen[: counts[0]], chosen[counts[0]:]


def _appendix(sections: list[tuple[str, list[str]]], layout: TextLayout, rng: random.Random) -> str:
    """The torn-out material: a numbered title per section, each followed by its quotes, hard-wrapped."""
    lines: list[str] = []
    for number, (title, quotes) in enumerate(sections, start=1):
        lines += wrap(f"{number} {title}", layout.end_width, hyphenate=False)
        for quote in quotes:
            quote = straighten_quotes(quote) if rng.random() < layout.straight else quote
            lines += [line + (" " if rng.random() < 0.4 else "") for line in wrap(quote, layout.end_width, hyphenate=False)]
    return "".join(line + "\n" for line in lines)
