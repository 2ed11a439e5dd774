"""Seat displaced quotations in the slots they were cut from, in order, within their section."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .appendix import Moved
from .draft import Block
from .lexicon import Lexicon
from .paragraphs import LIST_MARK, OPENS_QUOTE
from .structure import is_whole_quotation

# Scores of a quotation group in a slot, by slot kind and whether the group is left open.
# A paragraph left open stands alone where the rest of its quotation follows ("continued"); before a list
# it would be a quotation cut short, hardly ever.
_SLOT_SCORES = {("empty", False): 10.0, ("empty", True): 8.0, ("continued", True): 12.0,
                ("continued", False): -2.0, ("list", False): 2.0, ("list", True): -2.0,
                ("plain", False): -6.0, ("plain", True): -7.0}
_STACKED = -12.0  # a second quotation in the same slot
_JOINED = 4.0  # an open paragraph continued by the next, as typesetters mark quotations
_QUOTE_LEXICAL = 3.0
_ASIDE_WORDS = 10


@dataclass(frozen=True)
class Seat:
    """A quotation (its paragraphs) to go after body block `after`; `kind` says how sure that is."""

    after: int
    paragraphs: tuple[Moved, ...]
    kind: str


def slot_kind(body: Sequence[Block], index: int) -> str:
    """How the place after body[index] suits a quotation cut from the text.

    After a colon the quotation it introduces is missing ("empty"), or
    only its first paragraph is ("continued": the rest is still there,
    opening with a quote mark); a colon before a list introduces the list.
    A caption or link line standing between is looked past.
    """
    if not body[index].text.rstrip().endswith(":"):
        return "plain"
    following = next((block for block in body[index + 1:] if not _aside(block)), None)
    if following is None:
        return "empty"
    if is_whole_quotation(following.text):
        return "continued"
    return "list" if LIST_MARK.match(following.text) else "empty"


def _aside(block: Block) -> bool:
    """A short line with no end punctuation: a caption or link text, not a paragraph."""
    text = block.text.strip()
    return ("\n" not in text and len(text.split()) <= _ASIDE_WORDS and not re.search(r"[.!?:;,”\"’'\])]$", text)
            and not LIST_MARK.match(text))  # a list item without a full stop is no aside


def seat_quotes(quotes: Sequence[Moved], body: Sequence[Block], start: int, end: int, lexicon: Lexicon) -> list[Seat]:
    """Seat a section's quotations, in order, into the slots of body[start:end].

    Consecutive paragraphs may form one quotation when the first is left
    open; which reading wins is decided by the slots the text offers.
    """
    slots = [(i, slot_kind(body, i)) for i in range(start, max(start, end))]
    if not slots or not quotes:
        return []
    # Each slot is weighed with the paragraph after it (a quotation is introduced across both).
    texts = tuple(block.text for block in body)
    fit = [[_QUOTE_LEXICAL * share for share in lexicon.similarities(quote.text, texts, 2)[start:start + len(slots)]]
           for quote in quotes]
    return _best_seating(quotes, slots, fit)


def _group_score(kind: str, paragraph: Moved) -> float:
    return _SLOT_SCORES[(kind, paragraph.open)]


def _best_seating(quotes: Sequence[Moved], slots: list[tuple[int, str]], fit: list[list[float]]) -> list[Seat]:
    """Dynamic programme over paragraphs: join the previous quotation or start one in a later slot."""
    size = len(slots)
    best = [fit[0][s] for s in range(size)]
    trace: list[list[tuple[int, bool]]] = [[(s, False) for s in range(size)]]
    for index in range(1, len(quotes)):
        previous = quotes[index - 1]
        closed = [best[s] + _group_score(slots[s][1], previous) for s in range(size)]
        row, new = [], []
        for s in range(size):
            options = [(closed[s] + _STACKED, s, False)]
            options += [(closed[t], t, False) for t in range(s)]
            # Only a quotation's first paragraph is moved when the rest stayed in place.
            if previous.open and OPENS_QUOTE.match(quotes[index].texts[0]) and slots[s][1] != "continued":
                options.append((best[s] + _JOINED - fit[index][s], s, True))
            score, origin, joined = max(options, key=lambda option: option[0])
            new.append(score + fit[index][s])
            row.append((origin, joined))
        best, trace = new, [*trace, row]
    final = [best[s] + _group_score(slots[s][1], quotes[-1]) for s in range(size)]
    return _seats(quotes, slots, trace, max(range(size), key=final.__getitem__))


def _seats(quotes: Sequence[Moved], slots: list[tuple[int, str]], trace: list[list[tuple[int, bool]]], slot: int) -> list[Seat]:
    groups: list[tuple[int, list[Moved]]] = []
    joined = False
    for index in range(len(quotes) - 1, -1, -1):
        if joined:
            groups[-1][1].insert(0, quotes[index])
        else:
            groups.append((slot, [quotes[index]]))
        slot, joined = trace[index][slot] if index else (slot, False)
    return [Seat(slots[s][0], tuple(paragraphs), slots[s][1]) for s, paragraphs in reversed(groups)]
