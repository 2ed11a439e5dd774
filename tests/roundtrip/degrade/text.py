"""Break an essay the way text scraped from a web page is broken."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from ..document import Block, Document
from ..typeset import wrap
from .common import Degraded, straighten_quotes

# A paragraph that does not end like a sentence is a link line; scrapers glue it to what follows.
_SENTENCE_END = re.compile(r"[.!?:;”\]]$")


@dataclass(frozen=True)
class TextLayout:
    """How the page was scraped.

    Attributes:
        width: 0 for one paragraph per line; else hard-wrapped at this width with blank lines between.
        tear_out: Headings and block quotes were torn out and appended at the end, under numbered titles.
        first_only: Share of multi-paragraph quotes of which only the first paragraph was torn out.
        end_width: Width the appended quotes are wrapped to.
        straight: Share of runs of paragraphs whose quotes and apostrophes are straight.
        caption: An image caption stands between two paragraphs.
        truncation: A mark the site left where it cut the text ("" for none).
        title_line: The page title ("Title, by Author") opens the text.
    """

    width: int = 0
    tear_out: bool = True
    first_only: float = 0.5
    end_width: int = 60
    straight: float = 0.5
    caption: str = "Delegates outside the depot, 1921"
    truncation: str = "<>"
    title_line: bool = True


def degrade(document: Document, layout: TextLayout, seed: int) -> Degraded:
    """The essay as scraped text: displaced headings and quotes, glued links, a caption, a truncation mark.

    >>> doc = Document("T", "A", 1990, (Block("para", "One."), Block("heading", "Two"), Block("para", "Said:"),
    ...                 Block("quote", "“Three.” [X, p. 1]", 1), Block("para", "Four.")))
    >>> print(degrade(doc, TextLayout(straight=0, caption="", title_line=False), 1).source, end="")
    One.
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
        body.insert(rng.randint(2, max(2, len(body) - 2)), layout.caption)
        furniture.append(layout.caption)
    if layout.truncation:
        body[-1] += " " + layout.truncation
        furniture.append(layout.truncation)
    if layout.title_line:
        body.insert(0, f"{document.title}, by {document.author}")
        furniture.append(body[0])
    text = _set(body, layout.width) + (" \n" * 3 if sections else "") + _appendix(sections, layout, rng)
    return Degraded("text", text, tuple(furniture), f"{len(sections)} sections torn out" if sections else "in place")


def _tear(blocks: tuple[Block, ...], layout: TextLayout, rng: random.Random) -> tuple[list[Block], list[tuple[str, list[str]]]]:
    """Blocks left in place (link lines marked "link"), and per section its title and the quotes torn out."""
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


def _glue_links(body: list[Block]) -> list[str]:
    """Paragraph texts as scraped; a link line loses its line break: "…See also X: TitleIf one wants…"."""
    texts: list[str] = []
    for index, block in enumerate(body):
        text = ("• " if block.kind == "item" else "") + block.text
        if index and body[index - 1].kind == "link":
            texts[-1] += text
        else:
            texts.append(text)
    return texts


def _straighten_runs(body: list[str], share: float, rng: random.Random) -> list[str]:
    """Straight quotes in runs of a few paragraphs, as pages of a site made at different times have."""
    out, straight = [], False
    for index, text in enumerate(body):
        if index % 4 == 0:
            straight = rng.random() < share
        out.append(straighten_quotes(text) if straight else text)
    return out


def _set(body: list[str], width: int) -> str:
    if not width:
        return "\n".join(body) + "\n"
    return "\n\n".join("\n".join(wrap(text, width, hyphenate=False)) for text in body) + "\n"


def _appendix(sections: list[tuple[str, list[str]]], layout: TextLayout, rng: random.Random) -> str:
    """The torn-out material: a numbered title per section, each followed by its quotes, hard-wrapped."""
    lines: list[str] = []
    for number, (title, quotes) in enumerate(sections, start=1):
        lines += wrap(f"{number} {title}", layout.end_width, hyphenate=False)
        for quote in quotes:
            quote = straighten_quotes(quote) if rng.random() < layout.straight else quote
            lines += [line + (" " if rng.random() < 0.4 else "") for line in wrap(quote, layout.end_width, hyphenate=False)]
    return "".join(line + "\n" for line in lines)
