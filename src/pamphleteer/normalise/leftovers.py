"""Clean what a web page leaves in scraped text: glued link texts, truncation marks."""

from __future__ import annotations

import re

from .draft import Block, Draft
from .passes import Change, PassContext, register

_TRUNCATION = re.compile(r"\s*(?:<>|\[(?:\.\.\.|…)\]|\((?:more|continued)\)|(?:read|continue reading) more\W*)$", re.I)
# Link text glued to the next sentence: "…on Council CommunismIf one reads".
_GLUED = re.compile(r"(?<![\w’'])([A-Z]?[a-z]{2,})([\"“]?[A-Z][a-z]+)(?=[\s,;:’”\"]|$)")
# The word after the glue is a common sentence opener (Zipf), or a real word
# while the glued whole is no word at all ("PowerPoint" and "MacDonald" are).
_OPENER_ZIPF = 5.0
_WORD_ZIPF = 3.0


@register("remove-truncation-marks")
def remove_truncation_marks(draft: Draft, context: PassContext) -> tuple[Draft, list[Change]]:
    """Remove marks a site leaves where it cut a text short (`<>`, `[...]`, "read more").

    >>> d = Draft("x", "text", blocks=(Block("para", "as a whole: <>", (9,)),))
    >>> kept, changes = remove_truncation_marks(d, PassContext("x", "text"))
    >>> kept.blocks[0].text, changes[0].before
    ('as a whole:', '<>')
    """
    blocks, changes = [], []
    for block in draft.blocks:
        mark = _TRUNCATION.search(block.text)
        if mark and mark.start() > 0:
            changes.append(Change("remove-truncation-marks", "removed", block.line, mark.group(0).strip(), "", "truncation mark"))
            changes.append(Change("remove-truncation-marks", "review", block.line, block.text[-60:], "",
                                  "the source cut the text short here"))
            block = block.with_text(block.text[: mark.start()])
        blocks.append(block)
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
    points = []
    for match in _GLUED.finditer(text):
        left, right = match.group(1), match.group(2).lstrip('"“')
        vocabulary = context.vocabulary
        unknown = vocabulary.zipf(left + right) == 0 and vocabulary.count(left + right) <= 1
        opener = vocabulary.zipf(right) >= _OPENER_ZIPF or (unknown and vocabulary.zipf(right) >= _WORD_ZIPF)
        if opener and vocabulary.is_word(left):
            points.append(match.start(2))
    return points


# A credit or caption names itself: "Photo: ...", "Image by ...", "Figure 2: ...".
_CAPTION_MARK = re.compile(r"^(?:photo(?:graph)?|image|picture|illustration|figure|fig\.|caption|credit)s?\b\s*(?:\d+\s*)?(?:[:—–-]|by\b)", re.I)
_CAPTION_MAX_WORDS = 10
_FUNCTION_ZIPF = 5.5  # "and", "of", "in": the only lower-case words a caption of names has
_LINK_LINE = re.compile(r"^(?:see also|also see|read more|related|further reading|more on this)\b[:\s]*", re.I)


@register("remove-captions")
def remove_captions(draft: Draft, context: PassContext) -> tuple[Draft, list[Change]]:
    """Remove an image caption left standing alone between paragraphs of scraped text.

    An HTML reader marks figure captions as such. In plain text a caption
    either says what it is ("Photo: ...") or is a short run of
    names ("Leading Delegates Smith and Jones") that the page put inline,
    with no blank line to set it apart as a heading would be.

    >>> blocks = (Block("para", "The Jones affair began in spring.", (1,)), Block("para", "Leading Delegates Smith and Jones", (2,)),
    ...           Block("para", "Smith said no.", (3,)))
    >>> kept, changes = remove_captions(Draft("x", "text", blocks=blocks), PassContext("x", "text"))
    >>> [b.text for b in kept.blocks], changes[0].before
    (['The Jones affair began in spring.', 'Smith said no.'], 'Leading Delegates Smith and Jones')
    """
    lowered = {word for block in draft.blocks for word in re.findall(r"\b[a-z][\w’'-]*", block.text)}
    blocks, changes = [], []
    for index, block in enumerate(draft.blocks):
        if block.kind == "caption" or (block.kind == "para" and _is_caption(draft.blocks, index, lowered, context)):
            changes.append(Change("remove-captions", "removed", block.line, block.text, "", "image caption"))
            continue
        blocks.append(block)
    return draft.but(blocks=tuple(blocks)), changes


def _is_caption(blocks: tuple[Block, ...], index: int, lowered: set[str], context: PassContext) -> bool:
    text = blocks[index].text.strip()
    if "\n" in text or _CAPTION_MARK.match(text):
        return bool(_CAPTION_MARK.match(text)) and len(text.split()) <= 3 * _CAPTION_MAX_WORDS
    words = text.split()
    if not 2 <= len(words) <= _CAPTION_MAX_WORDS or re.search(r"[.!?:;,”\"’']$", text) or text[0].isdigit():
        return False
    if not 0 < index < len(blocks) - 1 or not _inline(blocks, index):
        return False
    names = [word for word in words[1:] if word[:1].isupper()]
    others = [word for word in words[1:] if not word[:1].isupper()]
    return (len(names) >= 2 and not any(name.lower() in lowered for name in names)
            and all(context.vocabulary.zipf(word) >= _FUNCTION_ZIPF for word in others))


def _inline(blocks: tuple[Block, ...], index: int) -> bool:
    """Text on the seed lines either side, no blank line: not set apart as headings are.

    Seed lines, not neighbouring blocks, decide: quotations put back in
    place may stand next to the caption now.
    """
    block = blocks[index]
    text_lines = {line for other in blocks for line in other.lines}
    return block.line - 1 in text_lines and block.lines[-1] + 1 in text_lines


@register("recognise-link-lines")
def recognise_link_lines(draft: Draft, context: PassContext) -> tuple[Draft, list[Change]]:
    """Turn a "See also ..." link line into the heading of the excerpt it introduces, or remove it.

    Web pages follow such a link with the opening of the linked text; the
    link's title then heads that excerpt. A link line with nothing after
    it, or with no title, is navigation and is removed.

    >>> blocks = (Block("para", "See also Ann Lee: On Work", (4,)), Block("para", "Work is what we do.", (5,)))
    >>> kept, changes = recognise_link_lines(Draft("x", "text", blocks=blocks), PassContext("x", "text"))
    >>> [(b.kind, b.text) for b in kept.blocks], changes[0].before
    ([('heading', 'Ann Lee: On Work'), ('para', 'Work is what we do.')], 'See also')
    """
    blocks, changes = [], []
    for index, block in enumerate(draft.blocks):
        link = _LINK_LINE.match(block.text) if block.kind == "para" and len(block.text.split()) <= 15 else None
        if link is None or re.search(r"[.!?]$", block.text):
            blocks.append(block)
            continue
        title = block.text[link.end():].strip()
        heads = index + 1 < len(draft.blocks) and draft.blocks[index + 1].kind == "para" and title[:1].isupper()
        changes.append(Change("recognise-link-lines", "removed", block.line, link.group(0).strip() if heads else block.text,
                              "", "link wording" if heads else "link line (navigation)"))
        if heads:
            blocks.append(Block("heading", title, block.lines, 2))
    return draft.but(blocks=tuple(blocks)), changes
