"""Characters that print nothing: soft hyphens inside words, zero-width spaces, word joiners."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from .draft import Draft
from .passes import Change, PassContext, register

NAME = "remove-invisible-characters"
# A soft hyphen at a line's end marks where a word was broken: rejoin-hyphenated-words reads it
# there. Anywhere else it only splits the word for search, for corrections and for the word lists.
_INVISIBLE = re.compile(r"\u00ad(?![ \t]*(?:\n|$))|[\u200b\u2060\ufeff]")
_NAMES = {"\u00ad": "soft hyphen", "\u200b": "zero-width space", "\u2060": "word joiner",
          "\ufeff": "zero-width no-break space"}


@register(NAME)
def remove_invisible_characters(draft: Draft, context: PassContext) -> tuple[Draft, list[Change]]:
    """Remove characters that print nothing but break words apart (soft hyphens within a line, zero-width spaces).

    Each is reported with the word it stood in, so that the report shows
    where the text changed although the change cannot be seen.

    >>> from pamphleteer.normalise.draft import Block
    >>> d = Draft("x", "html", blocks=(Block("para", "The dele\\u00adgation met.\\u200b", (4,)),))
    >>> kept, changes = remove_invisible_characters(d, PassContext("x", "html"))
    >>> kept.blocks[0].text, [(c.before, c.note) for c in changes]
    ('The delegation met.', [('dele[U+00AD]gation', 'soft hyphen'), ('met.[U+200B]', 'zero-width space')])
    """
    changes: list[Change] = []
    blocks = tuple(block.with_text(_removed(block.text, block.line_at, changes)) if _INVISIBLE.search(block.text)
                   else block for block in draft.blocks)
    notes = tuple(replace(note, text=_removed(note.text, lambda _: note.line, changes)) if _INVISIBLE.search(note.text)
                  else note for note in draft.notes)
    meta = tuple((key, without_invisible(value)) for key, value in draft.meta)  # facts read from the source
    return draft.but(blocks=blocks, notes=notes, meta=meta), changes


def without_invisible(text: str) -> str:
    """`text` without the characters this pass removes (for counting words before it runs)."""
    return _INVISIBLE.sub("", text) if _INVISIBLE.search(text) else text


def _removed(text: str, line_at: Callable[[int], int], changes: list[Change]) -> str:
    """`text` without its invisible characters, each reported in `changes`."""
    for match in _INVISIBLE.finditer(text):
        changes.append(Change(NAME, "removed", line_at(match.start()), _shown(text, match.start()), "",
                              _NAMES[match.group(0)]))
    return _INVISIBLE.sub("", text)


def _shown(text: str, at: int) -> str:
    """The word around position `at`, the invisible character written as its code point."""
    start = max(text.rfind(" ", 0, at), text.rfind("\n", 0, at)) + 1
    ends = [end for end in (text.find(" ", at), text.find("\n", at)) if end >= 0]
    end = min(ends) if ends else len(text)
    return text[start:at] + f"[U+{ord(text[at]):04X}]" + _INVISIBLE.sub("", text[at + 1:end])
