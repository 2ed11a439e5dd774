"""Parity of the EPUB with the PDF: same chapters, notes, works cited, and every print page in the page list.

Both outputs are read as built. The PDF is matched through its named
destinations, which WeasyPrint makes from the same element ids the EPUB
uses (chapters, notes, paragraphs), and through the text at each of them.
Text is compared by its letters alone, so that hyphenation, note numbers
and line breaks in the PDF do not count as differences.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..diagnostics import Diagnostic, Location, diagnose
from .epubfile import NS, EpubFile, text_of

CHAPTER_ROLES = ("doc-chapter", "doc-preface", "doc-bibliography")


def letters(text: str) -> str:
    """The letters of `text`, case folded: what two renderings of one text share.

    >>> letters("Revolu-\\r\\ntion, 1917!")
    'revolution'
    """
    return "".join(character for character in text.casefold() if character.isalpha())


@dataclass
class EpubChapter:
    """A chapter as the EPUB gives it: id, title, notes and (for works cited) entries, each as id -> text."""

    identifier: str
    title: str
    document: str
    notes: dict[str, str] = field(default_factory=dict)
    entries: dict[str, str] = field(default_factory=dict)

    @property
    def slug(self) -> str:
        return self.identifier.removeprefix("ch-")


class PdfText:
    """A PDF's pages, named destinations and the text found from each destination down its page."""

    def __init__(self, data: bytes) -> None:
        import pypdfium2 as pdfium
        from pypdf import PdfReader

        reader = PdfReader(io.BytesIO(data))
        self.pages = len(reader.pages)
        self.destinations = {name: (reader.get_destination_page_number(dest), float(dest.top or 0))
                             for name, dest in reader.named_destinations.items()}
        self._pdf = pdfium.PdfDocument(data)

    def close(self) -> None:
        self._pdf.close()

    def letters_from(self, name: str) -> tuple[str, str]:
        """Letters from destination `name` to the foot of its page, and the letters of the next page."""
        index, top = self.destinations[name]
        page = self._pdf[index]
        width, _ = page.get_size()
        here = page.get_textpage().get_text_bounded(left=0, bottom=0, right=width, top=top)
        following = self._pdf[index + 1].get_textpage().get_text_range() if index + 1 < self.pages else ""
        return letters(here), letters(following)

    def starts_with(self, name: str, text: str) -> bool:
        """Whether the text at destination `name` is `text` (running on to the next page if need be)."""
        here, following = self.letters_from(name)
        wanted = letters(text)
        if here.startswith(wanted):
            return True
        return bool(here) and wanted.startswith(here) and wanted[len(here):] in following


def epub_chapters(epub: EpubFile) -> list[EpubChapter]:
    """Chapters, their notes and works-cited entries, in reading order."""
    chapters = []
    for name in epub.spine:
        for section in epub.documents[name].xpath("//x:section[@role]", namespaces=NS):
            if section.get("role") in CHAPTER_ROLES and section.get("id"):
                chapters.append(_chapter(epub.documents[name], section, name))
    return chapters


def _chapter(document, section, name: str) -> EpubChapter:
    heading = section.xpath(".//x:h1|.//x:h2", namespaces=NS)
    chapter = EpubChapter(section.get("id"), text_of(heading[0]) if heading else "", name)
    asides = document.xpath("//x:aside[contains(concat(' ', @epub:type, ' '), ' footnote ')]", namespaces=NS)
    chapter.notes = {aside.get("id"): text_of(aside) for aside in asides}
    if section.get("role") == "doc-bibliography":
        entries = section.xpath(".//x:p[@id]|.//x:li[@id]", namespaces=NS)
        chapter.entries = {entry.get("id"): text_of(entry) for entry in entries}
    return chapter


def compare(epub: EpubFile, pdf: PdfText) -> Iterator[tuple[str, str]]:
    """(EPUB document, problem) for every way the EPUB and the PDF differ."""
    chapters = epub_chapters(epub)
    yield from _same_chapters(chapters, pdf)
    for chapter in chapters:
        if chapter.identifier in pdf.destinations:
            yield from ((chapter.document, problem) for problem in _same_notes(chapter, pdf))
            yield from ((chapter.document, problem) for problem in _same_entries(chapter, pdf))
    yield from ((epub.nav, problem) for problem in _every_page(epub, pdf))


def _same_chapters(chapters: list[EpubChapter], pdf: PdfText) -> Iterator[tuple[str, str]]:
    in_pdf = sorted((page, name) for name, (page, _) in pdf.destinations.items() if name.startswith("ch-"))
    pdf_order = [name for _, name in in_pdf]
    epub_order = [chapter.identifier for chapter in chapters]
    for chapter in chapters:
        if chapter.identifier not in pdf.destinations:
            yield chapter.document, f"chapter “{chapter.title}” is not in the PDF."
        elif letters(chapter.title) not in "".join(pdf.letters_from(chapter.identifier)):
            yield chapter.document, f"chapter “{chapter.title}” has another title in the PDF."
    for name in pdf_order:
        if name not in epub_order:
            yield "", f"the PDF has a chapter ({name}) that the EPUB lacks."
    shared = [name for name in pdf_order if name in epub_order]
    if shared != [name for name in epub_order if name in pdf_order]:
        yield "", "the chapters come in another order in the PDF."


def _same_notes(chapter: EpubChapter, pdf: PdfText) -> Iterator[str]:
    pattern = re.compile(rf"^{re.escape(chapter.slug)}-note-\d+$")
    in_pdf = {name for name in pdf.destinations if pattern.match(name)}
    if len(in_pdf) != len(chapter.notes):
        yield f"“{chapter.title}” has {_count(len(chapter.notes), 'note')} in the EPUB and {len(in_pdf)} in the PDF."
    for name, text in chapter.notes.items():
        if name not in in_pdf:
            yield f"note {name} is not in the PDF."
        elif not pdf.starts_with(name, text):
            yield f"note {name} reads differently in the PDF: “{_short(text)}”."


def _same_entries(chapter: EpubChapter, pdf: PdfText) -> Iterator[str]:
    if not chapter.entries:
        return
    prefix = f"{chapter.slug}--"
    in_pdf = {name for name in pdf.destinations if name.startswith(prefix)}
    if len(in_pdf) != len(chapter.entries):
        yield f"works cited has {_count(len(chapter.entries), 'entry')} in the EPUB and {len(in_pdf)} in the PDF."
    for name, text in chapter.entries.items():
        if name not in in_pdf or not pdf.starts_with(name, text):
            yield f"works-cited entry “{_short(text)}” is not so in the PDF."


def _every_page(epub: EpubFile, pdf: PdfText) -> Iterator[str]:
    listed = [label for label, _ in epub.nav_list("page-list")]
    missing = [str(number) for number in range(1, pdf.pages + 1) if str(number) not in listed]
    if missing:
        yield f"{len(missing)} of the PDF's {pdf.pages} pages are not in the page list (first: {missing[0]})."
    extra = [label for label in listed if not label.isdigit() or not 1 <= int(label) <= pdf.pages]
    if extra:
        yield f"the page list names pages the PDF does not have: {', '.join(extra[:5])}."


def _count(number: int, noun: str) -> str:
    """A number of things in words.

    >>> _count(1, "entry"), _count(2, "entry"), _count(0, "note")
    ('1 entry', '2 entries', '0 notes')
    """
    if number == 1:
        return f"1 {noun}"
    return f"{number} {noun[:-1]}ies" if noun.endswith("y") else f"{number} {noun}s"


def _short(text: str) -> str:
    return text if len(text) <= 60 else text[:57] + "…"


def parity_findings(epub: EpubFile, pdf_data: bytes, shown: str) -> list[Diagnostic]:
    """Every difference between the EPUB and the PDF, as diagnostics located in the EPUB."""
    pdf = PdfText(pdf_data)
    try:
        return [diagnose("o005", Location(f"{shown}!{document}" if document else shown), what=problem)
                for document, problem in compare(epub, pdf)]
    finally:
        pdf.close()


def pdf_for_parity(root: Path, pdf: Path) -> bytes:
    """The built PDF, or, if only the EPUB was built, the print pages laid out afresh."""
    if pdf.is_file():
        return pdf.read_bytes()
    from ..model.load import load_edition
    from ..render.context import BuildContext, build_moment
    from ..render.pdf import layout

    edition = load_edition(root)
    return layout(BuildContext(edition, root, root / "build", build_moment(edition))).write_pdf()
