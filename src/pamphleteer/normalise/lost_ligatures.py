"""Letters a PDF's text layer lost with a ligature glyph, leaving a space: "di erence" is "difference"."""

from __future__ import annotations

import re
from dataclasses import replace

from .draft import Draft
from .passes import Change, PassContext, register
from .vocabulary import Vocabulary

NAME = "restore-lost-ligatures"
# The letters a font commonly draws as one glyph, which some extractors drop.
_LOST = ("ff", "fi", "fl", "ffi", "ffl")
# A run of letters, a space, and a run in lower case (overlapping pairs read by the lookahead).
_PAIR = re.compile(r"(?<![^\W\d_])([^\W\d_]{1,20}) (?=([a-zß-ÿ]{1,20})(?![^\W\d_'’]))")
# The word put back must be this common in the language, or one the document writes whole.
_WHOLE_ZIPF = 3.0
# A part that is a word this common (and not a lone letter) leaves the pair as written ...
_PART_ZIPF = 3.0
_LONE_WORDS = {"a", "i"}
# ... unless the document lost ligatures in this many other places, and the word put back is at
# least as common as its rarer part ("di er" is "differ").
_SYSTEMATIC = 2


@register(NAME)
def restore_lost_ligatures(draft: Draft, context: PassContext) -> tuple[Draft, list[Change]]:
    """Put back the letters of a ligature lost to a space: "signi cant" is "significant", "o ice" "office".

    A pair is mended where one part is no common word and the two, with ff,
    fi, fl, ffi or ffl between them, make a common word or one the document
    writes whole. Where the document lost ligatures so more than once, two
    common words are mended too if the word they make is as common. Each
    mended word is reported.

    >>> from pamphleteer.readers.lines import split_lines
    >>> d = Draft("x", "pdf-text", lines=split_lines("A signi cant di erence in the o ice, a fine day."))
    >>> kept, changes = restore_lost_ligatures(d, PassContext("x", "pdf-text"))
    >>> kept.lines[0].text, len(changes)
    ('A significant difference in the office, a fine day.', 3)
    """
    vocabulary = context.vocabulary
    systematic = sum(len(_mended(line.text, vocabulary, False)[1]) for line in draft.lines) >= _SYSTEMATIC
    changes: list[Change] = []
    lines = []
    for line in draft.lines:
        mended = _mended(line.text, vocabulary, systematic)
        changes += [Change(NAME, "replaced", line.line, before, after, "letters lost with a ligature glyph")
                     for before, after in mended[1]]
        lines.append(replace(line, text=mended[0]) if mended[1] else line)
    return draft.but(lines=tuple(lines)), changes


def _mended(text: str, vocabulary: Vocabulary, systematic: bool) -> tuple[str, list[tuple[str, str]]]:
    """`text` with each lost ligature put back, and (as written, as mended) for each."""
    pieces, found, done = [], [], 0
    for match in _PAIR.finditer(text):
        start, first, second = match.start(1), match.group(1), match.group(2)
        whole = _whole(first, second, vocabulary, systematic) if start >= done else None
        if whole is None:
            continue
        end = match.end(1) + 1 + len(second)
        pieces += [text[done:start], whole]
        found.append((text[start:end], whole))
        done = end
    return "".join(pieces) + text[done:], found


def _whole(first: str, second: str, vocabulary: Vocabulary, systematic: bool) -> str | None:
    both_words = _common(first, vocabulary) and _common(second, vocabulary)
    if (both_words and not systematic) or vocabulary.phrase_count(first, second) > 1:
        return None  # words as written, or ones the document writes apart on purpose
    candidates = [first + letters + second for letters in _LOST]
    written = [word for word in candidates if vocabulary.count(word)]
    if written:
        return max(written, key=vocabulary.count)
    zipf, whole = max((vocabulary.zipf(word), word) for word in candidates)
    if both_words and zipf < min(vocabulary.zipf(first), vocabulary.zipf(second)):
        return None
    return whole if zipf >= _WHOLE_ZIPF else None


def _common(part: str, vocabulary: Vocabulary) -> bool:
    """A word as written: a common one, or "a" or "I" (other lone letters are left by a lost glyph)."""
    if len(part) == 1:
        return part.lower() in _LONE_WORDS
    return vocabulary.zipf(part) >= _PART_ZIPF
