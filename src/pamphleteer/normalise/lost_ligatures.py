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
    common: dict[str, bool] = {}
    mended = [_mended(line.text, vocabulary, common, False) for line in draft.lines]
    if sum(len(found) for _, found in mended) >= _SYSTEMATIC:
        mended = [_mended(line.text, vocabulary, common, True) for line in draft.lines]
    changes: list[Change] = []
    lines = []
    for line, (text, found) in zip(draft.lines, mended, strict=True):
        changes += [Change(NAME, "replaced", line.line, before, after, "letters lost with a ligature glyph")
                    for before, after in found]
        lines.append(replace(line, text=text) if found else line)
    return draft.but(lines=tuple(lines)), changes


def _mended(text: str, vocabulary: Vocabulary, common: dict[str, bool],
            systematic: bool) -> tuple[str, list[tuple[str, str]]]:
    """`text` with each lost ligature put back, and (as written, as mended) for each."""
    pieces, found, done = [], [], 0
    for match in _PAIR.finditer(text):
        start, first, second = match.start(1), match.group(1), match.group(2)
        if start < done:
            continue
        both_words = _common(first, vocabulary, common) and _common(second, vocabulary, common)
        whole = _whole(first, second, vocabulary, both_words) if systematic or not both_words else None
        if whole is None:
            continue
        end = match.end(1) + 1 + len(second)
        pieces += [text[done:start], whole]
        found.append((text[start:end], whole))
        done = end
    return "".join(pieces) + text[done:], found


def _whole(first: str, second: str, vocabulary: Vocabulary, both_words: bool) -> str | None:
    """The word `first` and `second` make with a ligature's letters between them, if they make one."""
    candidates = [first + letters + second for letters in _LOST]
    written = [word for word in candidates if vocabulary.count(word)]
    zipf, whole = max((vocabulary.zipf(word), word) for word in candidates)
    if written:
        whole = max(written, key=vocabulary.count)
    elif zipf < _WHOLE_ZIPF or (both_words and zipf < min(vocabulary.zipf(first), vocabulary.zipf(second))):
        return None
    # Words the document writes apart on purpose stay apart.
    return whole if vocabulary.phrase_count(first, second) <= 1 else None


def _common(part: str, vocabulary: Vocabulary, known: dict[str, bool]) -> bool:
    """A word as written: a common one, or "a" or "I" (other lone letters are left by a lost glyph)."""
    if part not in known:
        known[part] = part.lower() in _LONE_WORDS if len(part) == 1 else vocabulary.zipf(part) >= _PART_ZIPF
    return known[part]
