"""Typography: one quote style, real dashes and ellipses, single spaces."""

from __future__ import annotations

import re

from .draft import Block, Draft, Note
from .passes import Change, PassContext, register

# Markdown constructs that typography must not touch: links' URLs, code, notes.
_PROTECTED = re.compile(r"\]\([^)]*\)|`[^`]*`|\[\^[^\]]+\]|\[@[^\]]+\]|<?https?://\S+|www\.\S+")
# Every protected construct holds one of these; most blocks hold none, so most skip the pattern.
_PROTECTED_HINTS = ("](", "`", "[^", "[@", "http", "www.")


def _edit_text(text: str, edit) -> str:
    """Apply `edit` to the parts of `text` outside protected Markdown constructs."""
    if not any(hint in text for hint in _PROTECTED_HINTS):
        return edit(text)
    pieces, last = [], 0
    for match in _PROTECTED.finditer(text):
        pieces.append(edit(text[last : match.start()]))
        pieces.append(match.group(0))
        last = match.end()
    pieces.append(edit(text[last:]))
    return "".join(pieces)


def _rewrite(draft: Draft, name: str, edit) -> tuple[Draft, list[Change]]:
    blocks, notes, changes = [], [], []
    for block in draft.blocks:
        text = _edit_text(block.text, edit).strip()
        if text != block.text:
            changes.append(Change(name, "replaced", block.line, "", "", "typography"))
        blocks.append(Block(block.kind, text, block.lines, block.level))
    for note in draft.notes:
        notes.append(Note(note.label, _edit_text(note.text, edit).strip(), note.line))
    return draft.but(blocks=tuple(blocks), notes=tuple(notes)), changes


def curl_quotes(text: str) -> str:
    """Straight quotes to curly ones, by context; apostrophes become ’.

    >>> curl_quotes('He said "the \\'70s were \\'hard\\'" and didn\\'t [h]elp.')
    'He said “the ’70s were ‘hard’” and didn’t [h]elp.'
    >>> curl_quotes("the 1920s and ‘30s")
    'the 1920s and ’30s'
    """
    return _apply(_CURL_QUOTES, text)


def _opening(quote: str) -> str:
    """A pattern for `quote` (a character or a class) where it opens: first, or after a space, bracket, dash or slash.

    The context is looked behind for after the quote, not matched before
    it, so that the engine skips from quote to quote rather than trying
    every character of the text.
    """
    return rf"{quote}(?<![^\s(\[{{—–\-/]{quote})"


# Each rewrite below runs in order, and only if its first pattern (one every match of the rewrite
# contains) is found: most blocks hold no straight quote, hyphen pair or dots, and looking for
# those is far cheaper than scanning with every rewrite. A pattern starts with the characters it
# replaces and looks behind them after: one that starts by looking behind is tried at every
# character, some thirty times slower.
_CURL_QUOTES = (
    (re.compile('"'), re.compile(_opening('"')), "“"),
    (re.compile('"'), re.compile('"'), "”"),
    (re.compile("'"), re.compile(r"'(?<=\w')(?=\w)"), "’"),  # don't, workers'... mid-word
    (re.compile("['‘]"), re.compile(_opening("['‘]") + r"(?=\d0s\b)"), "’"),  # the '70s, and an opening ‘ typed for it
    (re.compile("'"), re.compile(_opening("'")), "‘"),
    (re.compile("'"), re.compile(r"(^|[“‘])\s*'"), r"\1‘"),
    (re.compile("'"), re.compile("'"), "’"),
)


def _apply(rewrites: tuple[tuple[re.Pattern[str], re.Pattern[str], object], ...], text: str) -> str:
    """Apply each (hint, pattern, replacement) in order, skipping those whose hint is not in `text`."""
    for hint, pattern, replacement in rewrites:
        if hint.search(text):
            text = pattern.sub(replacement, text)
    return text


@register("curl-quotes")
def curl_quotes_pass(draft: Draft, context: PassContext) -> tuple[Draft, list[Change]]:
    """Use curly quotes throughout, even where the source mixes straight and curly."""
    return _rewrite(draft, "curl-quotes", curl_quotes)


def dashes_and_ellipses(text: str) -> str:
    """` -- `, `--` and a spaced hyphen to an em dash, `1917 - 21` to a range; `. . .` and `...` to an ellipsis.

    >>> dashes_and_ellipses("history -- a concern . . . with leaders... (1917 - 21) - not more")
    'history — a concern … with leaders… (1917–21) — not more'
    >>> dashes_and_ellipses("the -- -- the")
    'the — — the'
    """
    # A match consumes the space it shares with the next one ("a -- -- b"), so
    # repeat until nothing changes; each round removes hyphens or dots, so it ends.
    while (once := _dashes_and_ellipses_once(text)) != text:
        text = once
    return text


def _dashes_and_ellipses_once(text: str) -> str:
    return _apply(_DASHES_AND_ELLIPSES, text)


# Rewrites run as those of _CURL_QUOTES are.
_DASHES_AND_ELLIPSES = (
    # A range typed with a spaced hyphen.
    (re.compile(" - "), re.compile(r" - (?<=\d - )(?=\d)"), "–"),
    # Web text often types a dash as a hyphen between spaces.
    (re.compile(" - "), re.compile(r" - (?<=[\w,.;:!?’”)\]] - )(?=[\w“‘(\[.…\"'])"), " — "),
    (re.compile("--"), re.compile(r"(?<=\S) ?--- ?(?=\S)|(?<=\S) -- (?=\S)"), lambda m: " — " if m.group(0).startswith(" ") else "—"),
    (re.compile("--"), re.compile(r"--(?<=\w--)(?=\w)"), "—"),
    (re.compile(r"\.\s+\."), re.compile(r"\s?\.\s+\.\s+\.(?:\s+\.)?"), lambda m: " …" if m.group(0).startswith(" ") else "…"),
    (re.compile(r"\.\.\."), re.compile(r"\.\.\.(?<!\.\.\.\.)(?!\.)"), "…"),
)


@register("dashes-and-ellipses")
def dashes_and_ellipses_pass(draft: Draft, context: PassContext) -> tuple[Draft, list[Change]]:
    """Em dashes for double or spaced hyphens and one ellipsis character for three dots."""
    return _rewrite(draft, "dashes-and-ellipses", dashes_and_ellipses)


def tidy_spaces(text: str) -> str:
    """One space between words; no-break and thin spaces become plain ones.

    >>> tidy_spaces("a  b c\\u00a0 d ")
    'a b c d '
    """
    if not any(hint in text for hint in _SPACE_HINTS):
        return text
    return _SPACES.sub(" ", text)


_SPACES = re.compile(r"[ \t\u00a0\u2009\u202f]{2,}|\u00a0")
# What _SPACES replaces holds two plain spaces or another kind of space: most paragraphs hold
# neither, and looking for them is far cheaper than trying the pattern at every space.
_SPACE_HINTS = ("  ", "\t", "\u00a0", "\u2009", "\u202f")


@register("tidy-spaces")
def tidy_spaces_pass(draft: Draft, context: PassContext) -> tuple[Draft, list[Change]]:
    """Collapse runs of spaces and trim paragraphs."""
    return _rewrite(draft, "tidy-spaces", tidy_spaces)
