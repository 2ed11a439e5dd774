"""Rejoin words hyphenated at line ends; keep real compounds; let evidence decide."""

from __future__ import annotations

import re

from .draft import Block, Draft, note_blocks, notes_from_blocks
from .passes import Change, PassContext, register
from .vocabulary import REAL_WORD_ZIPF, Vocabulary

# A word broken at a line end: "mach-\ninery". Soft hyphens and U+2010 too. `(?<!...)` starts a
# match only at a word's first letter: from further in, the scanner retried the same failed match.
_BREAK = re.compile(r"(?<![^\W\d_])([^\W\d_][\w'’]*)[-\u00ad\u2010]\n([^\W\d_][\w'’]*)")
# Every break holds one of these; most blocks hold none, and looking for them is cheaper still.
_BREAK_HINTS = ("-\n", "\u00ad\n", "\u2010\n")
_URL_TAIL = re.compile(r"(?:https?://|www\.)\S*$")
# A line-end break a converter joined up, leaving the hyphen and a space: "sym- pathisers".
_JOINED_BREAK = re.compile(r"(?<![^\W\d_])([^\W\d_][\w'’]*)- ([^\W\d_\sA-Z][\w'’]*)")
# "pre- and post-war": a hyphen left hanging before a word as common as these is meant.
_FUNCTION_WORD = 5.0
# Both halves this common (Zipf) make a compound likely: "one-man", "self-management".
_COMMON_PART = 3.0
# A closed form this common is the word, whatever its halves: "under", "being".
_SURE_WORD = 2.5
# Halves of a compound must be words at least this common ("ideologically").
_PART_WORD = 2.0


@register("rejoin-hyphenated-words")
def rejoin_hyphenated_words(draft: Draft, context: PassContext) -> tuple[Draft, list[Change]]:
    """Close up words split by a line-end hyphen unless the hyphen belongs to the word.

    In text from a PDF, a break a converter joined up leaving "sym- pathisers"
    is closed up too where the closed form is the word. The document's own usage wins ("self-management" written mid-line
    elsewhere keeps its hyphen); otherwise a word list decides.

    >>> d = Draft("x", "pdf-text", blocks=(Block("para", "changing mach-\\ninery and self-\\nmanagement", (1, 2, 3)),))
    >>> rejoin_hyphenated_words(d, PassContext("x", "pdf-text"))[0].blocks[0].text
    'changing machinery and self-management'
    """
    changes: list[Change] = []
    # Text from a PDF may carry breaks a converter already joined up.
    joined = draft.kind in ("pdf-text", "markdown")
    blocks = tuple(_rejoin_block(block, context.vocabulary, changes, joined) for block in draft.blocks)
    notes = [_rejoin_block(block, context.vocabulary, changes, joined) for block in note_blocks(draft.notes)]
    return draft.but(blocks=blocks, notes=notes_from_blocks(draft.notes, notes)), changes


def _rejoin_block(block: Block, vocabulary: Vocabulary, changes: list[Change], joined: bool) -> Block:
    def decide(match: re.Match[str]) -> str:
        left, right = match.group(1), match.group(2)
        line = block.line_at(match.start())
        if _URL_TAIL.search(block.text[: match.end(1)].rsplit(None, 1)[-1]):
            joined, why = f"{left}-{right}", "inside a URL"
        else:
            joined, why = decide_hyphen(left, right, vocabulary)
        action = "review" if why.startswith("unsure") else "joined"
        changes.append(Change("rejoin-hyphenated-words", action, line, f"{left}-/{right}", joined, why))
        return joined

    def close_up(match: re.Match[str]) -> str:
        left, right = match.group(1), match.group(2)
        if vocabulary.zipf(right) >= _FUNCTION_WORD:
            return match.group(0)
        closed, why = decide_hyphen(left, right, vocabulary)
        if closed != left + right or why.startswith("unsure"):
            return match.group(0)
        changes.append(Change("rejoin-hyphenated-words", "joined", block.line_at(match.start()), f"{left}- {right}",
                              closed, f"{why} (a line-end break joined with its hyphen left in)"))
        return closed

    text = _BREAK.sub(decide, block.text) if any(hint in block.text for hint in _BREAK_HINTS) else block.text
    if joined and "- " in text:
        text = _JOINED_BREAK.sub(close_up, text)
    return block.with_text(text)


def decide_hyphen(left: str, right: str, vocabulary: Vocabulary) -> tuple[str, str]:
    """Choose between "leftright" and "left-right" for a line-end break, and say why.

    >>> v = Vocabulary("")
    >>> decide_hyphen("technol", "ogy", v)[0], decide_hyphen("one", "man", v)[0]
    ('technology', 'one-man')
    """
    closed, open_ = f"{left}{right}", f"{left}-{right}"
    closed_uses, open_uses = vocabulary.count(closed), vocabulary.hyphenated_count(open_)
    if closed_uses != open_uses:
        chosen = closed if closed_uses > open_uses else open_
        return chosen, f"the document writes {chosen} elsewhere"
    if right[:1].isupper():
        return open_, "a capital after the hyphen marks a compound"
    closed_zipf = vocabulary.zipf(closed)
    left_zipf, right_zipf = vocabulary.zipf(left), vocabulary.zipf(right)
    parts_common = min(left_zipf, right_zipf) >= _COMMON_PART
    if closed_zipf >= _SURE_WORD:
        return closed, f"{closed} is a common word"
    if closed_zipf >= REAL_WORD_ZIPF:
        if parts_common:
            return open_, f"unsure: {closed} is a rare word, {open_} a compound of common ones"
        return closed, f"{closed} is a word"
    if vocabulary.is_word(left) and vocabulary.is_word(right) and min(left_zipf, right_zipf) >= _PART_WORD:
        return open_, "both halves are words; a compound"
    return closed, "the halves are not words on their own"
