"""Put back headings and block quotes that a web scraper tore out and appended at the end."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .appendix import Appendix, Moved, Title, find_appendix
from .draft import Block, Draft
from .lexicon import Lexicon
from .passes import Change, PassContext, register
from .seating import Seat, seat_quotes
from .sections import EVIDENT, opening_matches, place_titles, section_breaks, torn_from

NAME = "restore-displaced-material"
_SECTION_REFERENCE = re.compile(r"\bsections?\s+(\d{1,3})\b", re.I)


@register(NAME)
def restore_displaced_material(draft: Draft, context: PassContext) -> tuple[Draft, list[Change]]:
    """Re-seat appended section titles at their section breaks and quotations where they were cut.

    Scraped pages sometimes lose their headings and block quotes to the
    end of the text: a numbered list of section titles, each followed by
    the quotations of its section. Each title goes back to a section
    break (a run of extra blank lines), each quotation after the
    paragraph that introduced it (typically one ending with a colon).

    >>> body = [Block("para", text, (line,)) for text, line in [("It began.", 1), ("It went on.", 2),
    ...         ("As she put it:", 5), ("So it ended.", 6)]]
    >>> tail = Block("para", '1 Start\\n2 The End\\n"We won." [Her]', (8, 9, 10))
    >>> out, _ = restore_displaced_material(Draft("x", "text", blocks=(*body, tail)), PassContext("x", "text"))
    >>> [(b.kind, b.text) for b in out.blocks]  # doctest: +NORMALIZE_WHITESPACE
    [('heading', 'Start'), ('para', 'It began.'), ('para', 'It went on.'), ('heading', 'The End'),
     ('para', 'As she put it:'), ('quote', '"We won." [Her]'), ('para', 'So it ended.')]
    """
    appendix = find_appendix(draft.blocks)
    if appendix is None:
        return draft, []
    body = _body(draft.blocks, appendix)
    lexicon = Lexicon([block.text for block in body], context.vocabulary.zipf)
    if not torn_from(appendix.titles, body, lexicon):
        return draft, []
    placed = place_titles(appendix.titles, body, lexicon)
    seats = _seat_all(appendix.titles, placed, body, lexicon)
    numbered = _numbers_referenced(body, appendix.titles)
    headings = {position: appendix.titles[index] for index, position in placed.items()}
    blocks, changes = _rebuild(body, headings, seats, numbered)
    changes += _report_unmarked(headings, body, lexicon)
    blocks += _left_at_end(appendix.titles, placed)
    changes += _report_unplaced(appendix.titles, placed)
    return draft.but(blocks=tuple(blocks)), changes


def _body(blocks: tuple[Block, ...], appendix: Appendix) -> list[Block]:
    """The blocks before the appended material (a block it starts inside is cut short)."""
    body = list(blocks[: appendix.block])
    if appendix.segment:
        block = blocks[appendix.block]
        kept = block.text.split("\n")[: appendix.segment]
        body.append(Block(block.kind, "\n".join(kept), block.lines[: appendix.segment], block.level))
    return body


def _seat_all(titles: Sequence[Title], placed: dict[int, int], body: list[Block], lexicon: Lexicon) -> list[Seat]:
    """Seat every placed title's quotations within its section (up to the next placed title)."""
    order = sorted(placed.items(), key=lambda item: item[1])
    ends = [start for _, start in order[1:]] + [len(body)] if order else []
    seats: list[Seat] = []
    for (index, start), end in zip(order, ends, strict=True):
        seats += seat_quotes(titles[index].quotes, body, start, end, lexicon)
    return seats


def _numbers_referenced(body: list[Block], titles: Sequence[Title]) -> bool:
    """Keep the titles' numbers if the text refers to its sections by number ("see section 4")."""
    numbers = {title.number for title in titles}
    return any(match.group(1) in numbers for block in body for match in _SECTION_REFERENCE.finditer(block.text))


def _rebuild(body: list[Block], headings: dict[int, Title], seats: list[Seat],
             numbered: bool) -> tuple[list[Block], list[Change]]:
    by_slot: dict[int, list[Seat]] = {}
    for seat in seats:
        by_slot.setdefault(seat.after, []).append(seat)
    blocks: list[Block] = []
    changes: list[Change] = []
    for index, block in enumerate(body):
        if index in headings:
            heading, made = _heading(headings[index], block, numbered)
            blocks.append(heading)
            changes += made
        blocks.append(block)
        for seat in by_slot.get(index, []):
            blocks += _quote_blocks(seat.paragraphs)
            changes += _seat_changes(seat, block)
    return blocks, changes


def _heading(title: Title, before: Block, numbered: bool) -> tuple[Block, list[Change]]:
    text = title.text if numbered else title.text.split(" ", 1)[1]
    changes = [Change(NAME, "moved", title.lines[0], title.text, f"## {text}",
                      f"section title put back before line {before.line}")]
    if not numbered:
        changes.append(Change(NAME, "removed", title.lines[0], title.number, "", "list number of a section title"))
    return Block("heading", text, tuple(title.lines[:1]), 2), changes


def _quote_blocks(paragraphs: tuple[Moved, ...]) -> list[Block]:
    group = paragraphs[0].lines[0]
    return [Block("quote", paragraph.text, tuple(paragraph.lines), group) for paragraph in paragraphs]


def _seat_changes(seat: Seat, block: Block) -> list[Change]:
    first = seat.paragraphs[0]
    where = f"after line {block.lines[-1]}"
    changes = [Change(NAME, "moved", first.lines[0], first.texts[0], where, "quotation put back where it was cut from")]
    if seat.kind == "plain":
        changes.append(Change(NAME, "review", first.lines[0], first.texts[0], where,
                              "no colon introduces this quotation; check where it belongs"))
    return changes


def _report_unmarked(headings: dict[int, Title], body: list[Block], lexicon: Lexicon) -> list[Change]:
    """A title put where the text shows no section break is worth a look; the note says what placed it."""
    breaks = section_breaks(body) | {0}
    return [Change(NAME, "review", title.lines[0], title.text, f"before line {body[position].line}",
                   "no section break there; the title was placed " + _evidence(title, body, position, lexicon))
            for position, title in sorted(headings.items()) if position not in breaks]


def _evidence(title: Title, body: list[Block], position: int, lexicon: Lexicon) -> str:
    if opening_matches(title, body, lexicon)[position] >= EVIDENT:
        return "by its words, which the section's opening shares"
    if title.quotes:
        return "where its quotations' introductions are"
    return "by the length of the sections alone: check where it belongs"


def _left_at_end(titles: Sequence[Title], placed: dict[int, int]) -> list[Block]:
    """A title whose quotations found no section stays at the end, with them (reported for review)."""
    blocks: list[Block] = []
    for index, title in enumerate(titles):
        if title.quotes and index not in placed:
            blocks.append(Block("heading", title.text, tuple(title.lines[:1]), 2))
            blocks += [block for quote in title.quotes for block in _quote_blocks((quote,))]
    return blocks


def _report_unplaced(titles: Sequence[Title], placed: dict[int, int]) -> list[Change]:
    """Titles with no body in this source are removed, listed verbatim, and flagged once for review."""
    unplaced = [title for index, title in enumerate(titles) if index not in placed and not title.quotes]
    stranded = [title for index, title in enumerate(titles) if index not in placed and title.quotes]
    changes = [Change(NAME, "removed", title.lines[0], title.text, "", "section title with no body in this source")
               for title in unplaced]
    changes += [Change(NAME, "review", title.lines[0], title.text, "",
                       "no section found for this title; it stays at the end with its quotations") for title in stranded]
    if unplaced:
        numbers = ", ".join(title.number for title in unplaced)
        changes.append(Change(NAME, "review", unplaced[0].lines[0], numbers, "",
                              "section titles left out: this source has no text for them"))
    return changes
