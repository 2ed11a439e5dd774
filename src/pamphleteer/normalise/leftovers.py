"""Clean what a web page leaves in its text: glued link texts, truncation marks, captions, page furniture."""

from __future__ import annotations

import re

from .draft import Block, Draft
from .passes import Change, PassContext, register

# A mark a site leaves at the end of a paragraph where it cut the text short. A phrase counts only
# after a sentence's end or alone (a link's text on a line of its own): "...we must keep reading."
# is the text's own.
_TRUNCATION = re.compile(r"\s*(?:<>|\[(?:\.\.\.|…)\]|\((?:more|continued)\)"
                         r"|(?:(?<=[.!?:;…”\"’)\]]\s)|^)(?:read\s{1,3}more|(?:continue|keep)\s{1,3}reading(?:\s{1,3}more)?"
                         r"|read\s{1,3}the\s{1,3}rest)\W{0,8})$", re.I)
# "[…]" standing alone is an editor's mark of paragraphs left out of a quotation, not a site's.
_EDITORIAL_OMISSION = re.compile(r"\s*\[(?:\.\.\.|…)\]\s*")
# A mark is a few words at most, so only a paragraph's end is searched: anchored at the end, the
# pattern would otherwise be tried at every letter of the text.
_TRUNCATION_REACH = 64
# Link text glued to the next sentence: "…on Council CommunismIf one reads", "…by Ann LeeA closer look"
# (not a hashtag or a handle: "#GeneralStrike").
_GLUED = re.compile(r"(?<![\w’'#@])([A-Z]?[a-z]{2,})([\"“]?[A-Z][a-z]+|[AI](?= [a-z]))(?=[\s,;:.!?’”\"-]|$)")
# Where the two meet, as every match of _GLUED has it. Most paragraphs have none, and looking for
# it is far cheaper than trying _GLUED at every letter.
_GLUED_JOIN = re.compile(r"[a-z][\"“]?[A-Z]")
# The word after the glue is a common sentence opener (Zipf), or a real word
# or one the document uses alone, while the glued whole is no word at all
# ("PowerPoint" and "MacDonald" are).
_OPENER_ZIPF = 5.0
_WORD_ZIPF = 3.0


@register("remove-truncation-marks")
def remove_truncation_marks(draft: Draft, context: PassContext) -> tuple[Draft, list[Change]]:
    """Remove marks a site leaves where it cut a text short (`<>`, `[...]`, "read more", "continue reading").

    >>> d = Draft("x", "text", blocks=(Block("para", "as a whole: <>", (9,)),))
    >>> kept, changes = remove_truncation_marks(d, PassContext("x", "text"))
    >>> kept.blocks[0].text, changes[0].before
    ('as a whole:', '<>')
    """
    blocks, changes = [], []
    for block in draft.blocks:
        text = block.text
        mark = _TRUNCATION.search(text, max(0, len(text) - _TRUNCATION_REACH))
        if mark is None or _EDITORIAL_OMISSION.fullmatch(text):
            blocks.append(block)
            continue
        start = mark.start()
        while start > 0 and text[start - 1].isspace():  # the spaces before the mark go with it
            start -= 1
        changes.append(Change("remove-truncation-marks", "removed", block.line_at(mark.end() - 1),
                              " ".join(text[start:].split()), "", "truncation mark"))
        cut = blocks[-1].text if start == 0 and blocks else text[:start]  # a mark alone ends the paragraph before
        changes.append(Change("remove-truncation-marks", "review", block.line, cut[-60:], "",
                              "the source cut the text short here"))
        if start > 0:
            blocks.append(block.with_text(text[:start]))
    return draft.but(blocks=tuple(blocks)), changes


@register("split-glued-link-text")
def split_glued_link_text(draft: Draft, context: PassContext) -> tuple[Draft, list[Change]]:
    """Split a link text glued to the sentence after it into two paragraphs.

    >>> d = Draft("x", "text", blocks=(Block("para", "Notes on Council CommunismIf one reads more", (2,)),))
    >>> [b.text for b in split_glued_link_text(d, PassContext("x", "text"))[0].blocks]
    ['Notes on Council Communism', 'If one reads more']
    """
    blocks, changes = [], []
    for block in draft.blocks:
        pieces = _split_points(block.text, context)
        start = 0
        for point in pieces:
            around = block.text[max(0, point - 30): point + 30]
            changes.append(Change("split-glued-link-text", "split", block.line, around, "", "link text glued to the next sentence"))
            changes.append(Change("split-glued-link-text", "review", block.line, around, "",
                                  "a link text was split from the sentence after it"))
            blocks.append(Block(block.kind, block.text[start:point].strip(), block.lines, block.level))
            start = point
        blocks.append(block.with_text(block.text[start:].strip()) if start else block)
    return draft.but(blocks=tuple(blocks)), changes


def _split_points(text: str, context: PassContext) -> list[int]:
    points: list[int] = []
    if not _GLUED_JOIN.search(text):
        return points
    for match in _GLUED.finditer(text):
        left, right = match.group(1), match.group(2).lstrip('"“')
        vocabulary = context.vocabulary
        unknown = vocabulary.zipf(left + right) == 0 and vocabulary.count(left + right) <= 1
        # A name glued on is a word of the document by itself elsewhere ("…by Ann LeeLidia Moravec was").
        known_right = vocabulary.zipf(right) >= _WORD_ZIPF or vocabulary.count(right) >= 1
        opener = vocabulary.zipf(right) >= _OPENER_ZIPF or (unknown and known_right)
        if opener and vocabulary.is_word(left):
            points.append(match.start(2))
    return points


# A credit or caption names itself: "Photo: ...", "Image by ...", "Figure 2: ...".
_CAPTION_MARK = re.compile(r"^(?:photo(?:graph)?|image|picture|illustration|figure|fig\.|caption|credit)s?\b\s*(?:\d+\s*)?(?:[:—–-]|by\b)", re.I)
# A photograph's place and date: "..., 1921", "..., March 1921".
_DATED = re.compile(r",\s*(?:[A-Z][a-z]+\.?\s+)?(?:1[5-9]|20)\d\d$")
_CAPTION_MAX_WORDS = 12
# Words this common (Zipf) are function words ("of", "the", "in"), lower case in Title Case too.
_FUNCTION_ZIPF = 6.0
LINK_LINE = re.compile(r"^(?:see also|also see|read more|related|further reading|more on this)\b[:\s]*", re.I)


@register("remove-captions")
def remove_captions(draft: Draft, context: PassContext) -> tuple[Draft, list[Change]]:
    """Remove an image caption left standing alone between paragraphs of scraped text.

    An HTML reader marks figure captions as such. In plain text a caption
    is a short line with no end punctuation that is not a heading: it says
    what it is ("Photo: ..."), gives a place and date ("..., 1921"), is
    written in sentence case where headings use Title Case ("A meeting in
    the old exchange"), or is a run of names the page put inline. Where the
    text's headings were torn out and put back, any such line is a caption.

    >>> blocks = (Block("para", "The Jones affair began in spring.", (1,)), Block("para", "Delegates at the depot, 1921", (3,)),
    ...           Block("para", "The Winter of 1921", (5,)), Block("para", "Smith said no.", (7,)))
    >>> kept, changes = remove_captions(Draft("x", "text", blocks=blocks), PassContext("x", "text"))
    >>> [b.text for b in kept.blocks], changes[0].before
    (['The Jones affair began in spring.', 'The Winter of 1921', 'Smith said no.'], 'Delegates at the depot, 1921')
    """
    lowered = _LowerCaseWords(draft.blocks)
    # Plain text has headings this early only where they were put back from a list of torn-out titles:
    # then a short Title Case line left standing in the text is no heading either.
    torn_out = draft.kind == "text" and any(block.kind == "heading" for block in draft.blocks)
    blocks, changes = [], []
    for index, block in enumerate(draft.blocks):
        if block.kind == "caption" or (block.kind == "para" and _is_caption(draft.blocks, index, lowered, context, torn_out)):
            changes.append(Change("remove-captions", "removed", block.line, block.text, "", "image caption"))
            continue
        blocks.append(block)
    return draft.but(blocks=tuple(blocks)), changes


def _is_caption(blocks: tuple[Block, ...], index: int, lowered: _LowerCaseWords, context: PassContext, torn_out: bool) -> bool:
    text = blocks[index].text.strip()
    if _CAPTION_MARK.match(text):
        return len(text.split()) <= 3 * _CAPTION_MAX_WORDS
    words = text.split()
    if "\n" in text or not 2 <= len(words) <= _CAPTION_MAX_WORDS or not 0 < index < len(blocks) - 1:
        return False
    if re.search(r"[.!?:;,”\"’')\]]$", text) or not text[0].isupper() or LINK_LINE.match(text):
        return False
    lower = [word for word in words[1:] if word[:1].islower() and context.vocabulary.zipf(word) < _FUNCTION_ZIPF]
    return bool(_DATED.search(text) or lower or torn_out or _names_inline(blocks, index, words, lowered))


class _LowerCaseWords:
    """The words the text writes in lower case, gathered when first asked for: few lines need them."""

    def __init__(self, blocks: tuple[Block, ...]) -> None:
        self._blocks = blocks
        self._words: set[str] | None = None

    def __contains__(self, word: str) -> bool:
        if self._words is None:
            self._words = {word for block in self._blocks for word in re.findall(r"\b[a-z][\w’'-]*", block.text)}
        return word in self._words


def _names_inline(blocks: tuple[Block, ...], index: int, words: list[str], lowered: _LowerCaseWords) -> bool:
    """A run of names ("Leading Delegates Smith and Jones") put inline, with no blank line to set it apart."""
    names = [word for word in words[1:] if word[:1].isupper()]
    return len(names) >= 2 and not any(name.lower() in lowered for name in names) and _inline(blocks, index)


def _inline(blocks: tuple[Block, ...], index: int) -> bool:
    """Text on the seed lines either side, no blank line: not set apart as headings are.

    Seed lines, not neighbouring blocks, decide: quotations put back in
    place may stand next to the caption now.
    """
    block = blocks[index]
    text_lines = {line for other in blocks for line in other.lines}
    return block.line - 1 in text_lines and block.lines[-1] + 1 in text_lines


_BYLINE = re.compile(r"^By\s+(?P<author>[^,]+?)(?:,\s*(?P<year>\d{4}))?$")
# What an HTML reader sets aside, and why it is no text of the piece.
_SET_ASIDE = {"furniture": "web page furniture", "hidden": "script, style or widget, not text of the piece",
              "title": "the page's title, which the front matter gives"}


@register("remove-page-furniture")
def remove_page_furniture(draft: Draft, context: PassContext) -> tuple[Draft, list[Change]]:
    """Remove what a web page puts round its article (menus, share boxes, scripts, titles), keeping a byline's facts.

    >>> blocks = (Block("furniture", "By Ann Lee, 1994", (3,)), Block("para", "Text.", (4,)))
    >>> kept, changes = remove_page_furniture(Draft("x", "html", blocks=blocks), PassContext("x", "html"))
    >>> [b.text for b in kept.blocks], changes[0].before, kept.meta_value("author"), kept.meta_value("year")
    (['Text.'], 'By Ann Lee, 1994', 'Ann Lee', '1994')
    """
    blocks, changes = [], []
    for block in draft.blocks:
        if block.kind not in _SET_ASIDE:
            blocks.append(block)
            continue
        changes.append(Change("remove-page-furniture", "removed", block.line, block.text, "", _SET_ASIDE[block.kind]))
        byline = _BYLINE.match(block.text)
        if byline:
            draft = draft.with_meta("author", byline.group("author")).with_meta("year", byline.group("year") or "")
    return draft.but(blocks=tuple(blocks)), changes
