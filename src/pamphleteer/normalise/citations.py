"""Recognise citations however the source wrote them, and write them as Pandoc citations [@key, p. 3]."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ..project.references import Reference, references_from_entries
from ..citation_forms import Locator, has_locator, is_relation, split_citation
from .citation_notes import bare_url, reference_spans, relation_spans
from .citation_works import Found, Ledger, WorkIndex, resolve
from .draft import Block, Draft, Note
from .passes import Change, PassContext, register

_NAME = "recognise-citations"
_BRACKET = re.compile(r"\[(?![\^@])([^\[\]]+)\](?![(:\[])")
_AFTER_QUOTATION = re.compile(r"(?:[\"”’]|[.!?…])\s*$")
_PROTECTED = re.compile(r"\[@[^\]]*\]|\[\^[^\]]+\]|\]\([^)]*\)|<?https?://\S+")


def cite_text(key: str, locator: Locator, prefix: str = "") -> str:
    """A Pandoc citation.

    >>> cite_text("smith-long-strike", Locator("", ("318", "342"))), cite_text("a-b", Locator(), "quoted by")
    ('[@smith-long-strike, pp. 318, 342]', '[quoted by @a-b]')
    """
    where = f", {locator}" if str(locator) else ""
    return f"[{prefix + ' ' if prefix else ''}@{key}{where}]"


@dataclass
class _Chapter:
    """What recognising one chapter's citations keeps track of."""

    index: WorkIndex
    context: str
    ledger: Ledger = field(default_factory=Ledger)
    changes: list[Change] = field(default_factory=list)

    def found(self, line: int, before: str, found: Found, locator: Locator, prefix: str = "") -> str:
        after = cite_text(found.key, locator, prefix)
        self.ledger.cite(found.key, locator)
        self.changes.append(Change(_NAME, "removed", line, before, after, "citation"))
        if found.doubt:
            self.changes.append(Change(_NAME, "review", line, before, after, found.doubt))
        return after

    def unknown(self, line: int, before: str, why: str) -> None:
        self.changes.append(Change(_NAME, "review", line, before, "", why))


@register(_NAME)
def recognise_citations(draft: Draft, context: PassContext) -> tuple[Draft, list[Change]]:
    """Write citations as [@key, locator], from the works in references.yaml; Op. Cit. and Ibid. resolved.

    Bracketed citations in the text and in notes, full references in notes,
    "quoted in Author" short forms and bare-URL notes are recognised; editorial
    brackets inside quotations ("[h]igh", "[the] plenum") are left alone.

    >>> refs = [{"id": "smith-long-strike", "type": "book", "title": "The Long Strike"}]
    >>> d = Draft("x", "text", blocks=(Block("para", '"[t]ruth." [The Long Strike, p. 318 and p. 342] "Yes." [Op. Cit., pp. 52-3]', (1,)),))
    >>> recognise_citations(d, PassContext("x", "text", options={"references": refs}))[0].blocks[0].text
    '"[t]ruth." [@smith-long-strike, pp. 318, 342] "Yes." [@smith-long-strike, pp. 52–53]'
    """
    index = WorkIndex(_references(context))
    if not index.references:
        return draft, []
    # What the chapter says of itself (a review names the book it reviews) helps tell an author's works apart.
    chapter = _Chapter(index, "\n".join([value for _, value in draft.meta] + [block.text for block in draft.blocks]))
    draft = draft.but(blocks=_rejoin_split_brackets(draft.blocks, chapter.changes))
    blocks, notes = _in_reading_order(draft, lambda block: _bracketed(block, chapter),
                                      lambda note: _note(note, chapter))
    return draft.but(blocks=blocks, notes=notes), chapter.changes


def _references(context: PassContext) -> dict[str, Reference]:
    """The references given in the options: loaded already, or CSL entries (as in a case's options.toml)."""
    given = context.options.get("references") or {}
    if isinstance(given, dict):
        return given
    return references_from_entries([(0, entry) for entry in given], "options")


def _in_reading_order(draft: Draft, block_edit: Callable[[Block], Block],
                      note_edit: Callable[[Note], Note]) -> tuple[tuple[Block, ...], tuple[Note, ...]]:
    """Edit blocks in order, each note right after the block that calls it, so "the last citation" is right."""
    notes = {note.label: note for note in draft.notes}
    done: dict[str, Note] = {}
    blocks = []
    for block in draft.blocks:
        blocks.append(block_edit(block))
        for label in re.findall(r"\[\^([^\]\s]+)\]", block.text):
            if label in notes and label not in done:
                done[label] = note_edit(notes[label])
    for label, note in notes.items():
        if label not in done:
            done[label] = note_edit(note)
    return tuple(blocks), tuple(done[note.label] for note in draft.notes)


def _rejoin_split_brackets(blocks: tuple[Block, ...], changes: list[Change]) -> tuple[Block, ...]:
    """Join a paragraph that ends inside a bracket to the next one, which closes it.

    A bracket never spans paragraphs, so the break inside it was a wrong guess
    where the source's lines were unwrapped.
    """
    joined: list[Block] = []
    for block in blocks:
        previous = joined[-1] if joined else None
        if previous and _open_bracket(previous.text) and block.kind == previous.kind and _closes_bracket(block.text):
            changes.append(Change(_NAME, "joined", block.line, previous.text[-40:], block.text[:40],
                                  "paragraph break inside a bracket"))
            joined[-1] = Block(previous.kind, f"{previous.text} {block.text}", previous.lines + block.lines, previous.level)
        else:
            joined.append(block)
    return tuple(joined)


def _open_bracket(text: str) -> bool:
    return text.rfind("[") > text.rfind("]")


def _closes_bracket(text: str) -> bool:
    return 0 <= text.find("]") < (text.find("[") if "[" in text else len(text))


def _bracketed(block: Block, chapter: _Chapter) -> Block:
    text = _rewrite_brackets(block.text, block.line, chapter)
    return block.with_text(text) if text != block.text else block


def _rewrite_brackets(text: str, line: int, chapter: _Chapter) -> str:
    def replace(match: re.Match[str]) -> str:
        return _bracket(match, line, chapter) or match.group(0)

    return _BRACKET.sub(replace, text)


def _bracket(match: re.Match[str], line: int, chapter: _Chapter) -> str | None:
    """The citation a bracket stands for, or None for an editorial bracket."""
    text, inner = match.string, match.group(1)
    if _glued(text, match.start(), match.end()):
        return None
    if has_locator(inner) or is_relation(inner):
        written = split_citation(inner)
        found, locator = resolve(written, chapter.index, chapter.ledger, chapter.context)
        if found is None:
            chapter.unknown(line, match.group(0), "citation of a work not in references.yaml, left as written")
            return None
        return chapter.found(line, match.group(0), found, locator, written.prefix)
    if _inside_quotation(text, match.start()):
        return None
    found = chapter.index.by_title(inner)
    if found:
        return chapter.found(line, match.group(0), found, Locator())
    if _AFTER_QUOTATION.search(text[: match.start()]) and _title_like(inner):
        chapter.unknown(line, match.group(0), "bracket after a quotation may cite a work not in references.yaml")
    return None


def _glued(text: str, start: int, end: int) -> bool:
    """ "[h]igh", "pack[ed]": a bracket inside a word supplies letters, it cites nothing."""
    return (start > 0 and text[start - 1].isalnum()) or (end < len(text) and text[end].isalnum())


def _inside_quotation(text: str, position: int) -> bool:
    """True if a quotation is open at `position` (straight quotes pair up; curly ones say which)."""
    before = text[:position]
    return before.count('"') % 2 == 1 or before.count("“") > before.count("”")


def _title_like(text: str) -> bool:
    words = text.split()
    return len(words) >= 2 and sum(word[:1].isupper() for word in words) * 2 >= len(words)


def _note(note: Note, chapter: _Chapter) -> Note:
    """Citations in a note: a bare URL, brackets, full references and "quoted in Author" forms."""
    url = bare_url(note.text)
    if url:
        found = chapter.index.by_url(url)
        if found is None:
            chapter.unknown(note.line, url, "a note that is only an address; no work in references.yaml has it")
        text = chapter.found(note.line, note.text.strip(), found, Locator()) if found else note.text
    else:
        text = _rewrite_brackets(note.text, note.line, chapter)
        text = _replace_spans(text, note.line, chapter, reference_spans)
        text = _replace_spans(text, note.line, chapter, relation_spans)
    return Note(note.label, text, note.line) if text != note.text else note


def _replace_spans(text: str, line: int, chapter: _Chapter, finder) -> str:
    """Replace each span `finder` reports (start, end, found, locator), outside existing citations."""
    protected = [m.span() for m in _PROTECTED.finditer(text)]
    pieces, last = [], 0
    for start, end, found, locator in finder(text, chapter.index, chapter.ledger, chapter.context):
        if start < last or any(s < end and start < e for s, e in protected):
            continue
        pieces += [text[last:start], chapter.found(line, text[start:end], found, locator)]
        last = end
    return "".join(pieces) + text[last:]
