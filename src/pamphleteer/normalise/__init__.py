"""Normalisation: read a seed, run its kind's passes in order, keep every change."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from . import (  # noqa: F401  (register passes)
    anchors, characters, citations, displaced, frontmatter, furniture, heading_levels, hyphens, interleave, leftovers,
    lines, lost_ligatures, note_references, notes, pagebreaks, pages, seed_front_matter, setoff, spaces, structure,
    typography, web_furniture,
)
from .characters import plain_letters
from .draft import Block, Draft, Line, Note
from .passes import PASSES, Change, PassContext
from .vocabulary import Vocabulary

__all__ = ["PIPELINES", "Block", "Change", "Draft", "Line", "Note", "Result", "load_word_lists", "normalise_source"]

# First: characters that would split words for every pass after them.
_CHARACTERS = ["remove-invisible-characters", "expand-ligatures"]
# Text from a PDF may have lost ligature glyphs altogether ("di erence").
_PDF_CHARACTERS = [*_CHARACTERS, "restore-lost-ligatures"]
_TYPOGRAPHY = ["dashes-and-ellipses", "curl-quotes", "tidy-spaces"]
# After the structure passes (citations are read in the text's final order), before typography.
_CITATIONS = ["recognise-citations", "resolve-note-references"]

# The order of passes for each kind of seed. Each name is a registered pass.
PIPELINES: dict[str, list[str]] = {
    "pdf-text": [
        *_PDF_CHARACTERS, "split-pages", "separate-interleaved-pages", "restore-page-order", "remove-folios",
        "remove-running-heads", "collect-foot-notes", "link-note-markers", "unwrap-lines", "remove-title-blocks",
        "rejoin-split-paragraphs", "recognise-narrow-quotes", "rejoin-hyphenated-words", "join-lines",
        "split-run-together-words", "recognise-lists", "recognise-headings", "recognise-block-quotes", "number-notes",
        *_CITATIONS, *_TYPOGRAPHY,
    ],
    "markdown": [
        *_PDF_CHARACTERS, "read-front-matter", "remove-converter-anchors", "remove-images", "collect-rule-notes",
        "find-page-breaks", "restore-page-order", "remove-folios", "remove-running-heads", "link-note-markers",
        "unwrap-lines", "remove-title-blocks", "even-heading-levels", "rejoin-split-paragraphs",
        "rejoin-hyphenated-words", "join-lines", "split-run-together-words", "recognise-block-quotes", "number-notes", *_CITATIONS, *_TYPOGRAPHY,
    ],
    "text": [
        *_CHARACTERS, "remove-web-furniture", "unwrap-lines", "remove-title-blocks", "remove-truncation-marks",
        "restore-displaced-material", "remove-captions", "rejoin-hyphenated-words", "join-lines", "recognise-lists", "recognise-headings",
        "split-glued-link-text", "split-run-together-words", "recognise-block-quotes", "number-notes", *_CITATIONS,
        *_TYPOGRAPHY,
    ],
    "html": [*_CHARACTERS, "remove-page-furniture", "remove-web-furniture", "remove-captions", "number-notes", *_CITATIONS, *_TYPOGRAPHY],
}


def load_word_lists(language: str = "en") -> None:
    """Load the word frequencies and word pairs the passes look up (else the first look-up does)."""
    from .bigrams import attraction

    Vocabulary(language=language).zipf("the")
    attraction("the", "text", language)


@dataclass(frozen=True)
class Result:
    """A normalised draft, the changes that made it, and how the seed was read."""

    draft: Draft
    changes: list[Change]
    reading: str


def normalise_source(
    source: str,
    path: str,
    kind: str = "auto",
    language: str = "en",
    options: Mapping[str, object] | None = None,
) -> Result:
    """Normalise a seed's text.

    Args:
        source: The seed's text.
        path: How to name the seed in locations (e.g. "seeds/004.txt").
        kind: A reader kind, or "auto" to detect it.
        language: Language of the text, for word lists.
        options: Per-chapter options from the manifest (e.g. page_order).
    """
    from ..readers import read

    draft, reading = read(source, path, kind)
    context = PassContext(path, draft.kind, language, Vocabulary(_vocabulary_text(source), language), options or {})
    changes: list[Change] = []
    for name in PIPELINES[draft.kind]:
        draft, made = PASSES[name].function(draft, context)
        changes.extend(made)
    return Result(draft, changes, reading)


# The end of a word broken at a line end: its hyphen, the line break, and the word's other half.
_BROKEN_WORD_END = re.compile(r"[-\u00ad]\s*\n\s*\S*")


def _vocabulary_text(source: str) -> str:
    """The seed without words broken at line ends, so fragments do not count as words.

    Each such word (its first half from the start of its run of non-spaces) becomes a space. The
    scan looks for the hyphen at a line end, rarer than the start of a word, and steps back from it.

    >>> _vocabulary_text("the con-\\ntrol of work-  \\n\\n  ers is dele\\u00adgated")
    'the   of   is delegated'
    """
    pieces, last = [], 0
    for match in _BROKEN_WORD_END.finditer(source):
        start = match.start()
        while start > last and not source[start - 1].isspace():
            start -= 1
        pieces += (source[last:start], " ")
        last = match.end()
    pieces.append(source[last:])
    return plain_letters("".join(pieces))
