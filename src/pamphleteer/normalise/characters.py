"""Characters that are not the text's letters as a reader would type them: invisible ones and ligature glyphs."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from .draft import Draft
from .passes import Change, PassContext, register

# A soft hyphen at a line's end marks where a word was broken: rejoin-hyphenated-words reads it
# there. Anywhere else it only splits the word for search, for corrections and for the word lists.
_INVISIBLE = re.compile(r"\u00ad(?![ \t]*(?:\n|$))|[\u200b\u2060\ufeff]")
_NAMES = {"\u00ad": "soft hyphen", "\u200b": "zero-width space", "\u2060": "word joiner",
          "\ufeff": "zero-width no-break space"}
# Ligatures a PDF's text layer gives as one character ("ﬁ" in "proﬁt"): they too split words.
_LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st",
              "\ufb06": "st"}
_LIGATURE = re.compile(f"[{''.join(_LIGATURES)}]")
_EXPANDED = str.maketrans(_LIGATURES)

LineAt = Callable[[int], int]  # the seed line of a position in a text


@register("remove-invisible-characters")
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

    def removed(text: str, line_at: LineAt) -> str:
        for match in _INVISIBLE.finditer(text):
            changes.append(Change("remove-invisible-characters", "removed", line_at(match.start()),
                                  _shown(text, match.start()), "", _NAMES[match.group(0)]))
        return _INVISIBLE.sub("", text)

    return _each_text(draft, _INVISIBLE, removed), changes


@register("expand-ligatures")
def expand_ligatures(draft: Draft, context: PassContext) -> tuple[Draft, list[Change]]:
    """Write ligature characters as their letters: "proﬁt" becomes "profit".

    >>> from pamphleteer.normalise.draft import Block
    >>> d = Draft("x", "pdf-text", blocks=(Block("para", "The proﬁt and the eﬃcient ﬂour mill.", (4,)),))
    >>> kept, changes = expand_ligatures(d, PassContext("x", "pdf-text"))
    >>> kept.blocks[0].text, [(c.action, c.note) for c in changes]
    ('The profit and the efficient flour mill.', [('replaced', '3 ligatures written as letters')])
    """
    changes: list[Change] = []

    def expanded(text: str, line_at: LineAt) -> str:
        count = len(_LIGATURE.findall(text))
        changes.append(Change("expand-ligatures", "replaced", line_at(0), "", "",
                              f"{count} ligature{'s' if count > 1 else ''} written as letters"))
        return text.translate(_EXPANDED)

    return _each_text(draft, _LIGATURE, expanded), changes


def plain_letters(text: str) -> str:
    """`text` as the passes above leave it, unreported (for counting words before they run)."""
    text = _INVISIBLE.sub("", text) if _INVISIBLE.search(text) else text
    return text.translate(_EXPANDED) if _LIGATURE.search(text) else text


def _each_text(draft: Draft, pattern: re.Pattern[str], fix: Callable[[str, LineAt], str]) -> Draft:
    """The draft with `fix(text, line_at)` applied to each line, block and note holding `pattern`.

    Front-matter facts read from the source are cleaned too, unreported (the report lists the body's changes).
    """
    lines = tuple(replace(line, text=fix(line.text, lambda _, at=line.line: at)) if pattern.search(line.text)
                  else line for line in draft.lines)
    blocks = tuple(block.with_text(fix(block.text, block.line_at)) if pattern.search(block.text) else block
                   for block in draft.blocks)
    notes = tuple(replace(note, text=fix(note.text, lambda _, at=note.line: at)) if pattern.search(note.text)
                  else note for note in draft.notes)
    meta = tuple((key, plain_letters(value)) for key, value in draft.meta)
    return draft.but(lines=lines, blocks=blocks, notes=notes, meta=meta)


def _shown(text: str, at: int) -> str:
    """The word around position `at`, the invisible character written as its code point."""
    start = max(text.rfind(" ", 0, at), text.rfind("\n", 0, at)) + 1
    ends = [end for end in (text.find(" ", at), text.find("\n", at)) if end >= 0]
    end = min(ends) if ends else len(text)
    return text[start:at] + f"[U+{ord(text[at]):04X}]" + _INVISIBLE.sub("", text[at + 1:end])
