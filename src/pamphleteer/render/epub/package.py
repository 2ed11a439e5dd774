"""The EPUB package (ebooklib): metadata, manifest, spine and the zip container."""

from __future__ import annotations

import io
import uuid
from dataclasses import dataclass

from ...model import nodes as n
from ..context import BuildContext, edition_label
from .documents import PRINT_SIZES, Part

XHTML_TYPE = "application/xhtml+xml"
# What is true of every pamphlet this tool makes (schema.org accessibility vocabulary).
ACCESS_MODES = ("textual", "visual")  # text, and a cover image that its alt text describes
ACCESS_MODES_SUFFICIENT = ("textual",)
FEATURES = ("tableOfContents", "readingOrder", "structuralNavigation", "alternativeText",
            "displayTransformability")
PAGE_FEATURES = ("printPageNumbers", "pageBreakMarkers")
CONFORMANCE = "EPUB Accessibility 1.1 - WCAG 2.2 Level AA"
GUIDE_TYPES = {"cover": "cover", "titlepage": "title-page", "bodymatter": "text", "bibliography": "bibliography"}
GUIDE_ORDER = ("cover", "title-page", "toc", "text", "bibliography")


@dataclass(frozen=True)
class Resource:
    """A file of the EPUB that is not a content document: stylesheet, image, NCX."""

    uid: str
    name: str
    media_type: str
    data: bytes
    properties: tuple[str, ...] = ()


def edition_identifier(edition: n.Edition) -> str:
    """A UUID stable for one edition of one pamphlet: readers' libraries know a book by it.

    >>> edition_identifier(_example(1))
    'urn:uuid:3a3c4b55-ffee-5bdd-bd61-2d1e64dc6c97'
    >>> edition_identifier(_example(2)) != edition_identifier(_example(1))
    True
    """
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'pamphleteer:{edition.slug}:edition-{edition.edition}')}"


def package(context: BuildContext, parts: list[Part], resources: list[Resource], pages: int,
            conforms: bool) -> bytes:
    """The EPUB file's bytes (before its zip entries are put in a fixed order).

    Args:
        context: The build.
        parts: The content documents in reading order (the nav document among them).
        resources: Everything else the EPUB holds.
        pages: How many print pages the page list covers (0: none).
        conforms: Whether the content passed the accessibility checks, so that
            the package may claim conformance to EPUB Accessibility.
    """
    from ebooklib import epub

    book = epub.EpubBook()
    describe(book, context, pages, conforms)
    spine = []
    for part in parts:
        item = epub.EpubItem(uid=part.uid, file_name=part.name, media_type=XHTML_TYPE,
                             content=part.xhtml.encode("utf-8"))
        item.properties = ["nav"] if part.name == "nav.xhtml" else []
        book.add_item(item)
        spine.append(item)
    for resource in resources:
        item = epub.EpubItem(uid=resource.uid, file_name=resource.name, media_type=resource.media_type,
                             content=resource.data)
        item.properties = list(resource.properties)
        book.add_item(item)
    book.spine = spine
    book.guide = guide(parts)
    if any("cover-image" in resource.properties for resource in resources):
        book.add_metadata(None, "meta", "", {"name": "cover", "content": "cover-image"})
    return _write(book, context)


def guide(parts: list[Part]) -> list[dict[str, str]]:
    """The EPUB 2 guide: Kindle's converter takes the cover and where to start reading from it."""
    kinds = {part.name: "toc" if part.uid == "nav" else GUIDE_TYPES.get(part.landmark) for part in parts}
    references = [{"type": kinds[part.name], "title": part.title, "href": part.name}
                  for part in parts if kinds[part.name]]
    return sorted(references, key=lambda reference: GUIDE_ORDER.index(reference["type"]))


def describe(book, context: BuildContext, pages: int, conforms: bool) -> None:
    """Title, creators with roles, language, identifier, dates, sources, rights and accessibility."""
    edition = context.edition
    book.set_identifier(edition_identifier(edition))
    book.set_title(edition.title)
    book.set_language(edition.language)
    for index, author in enumerate(edition.authors):
        book.add_author(author, uid=f"author-{index + 1}", role="aut")
    if edition.editor:
        book.add_author(edition.editor, uid="editor", role="edt")
    book.add_metadata("DC", "date", edition.date.isoformat())
    for name, value in (("description", edition.description), ("publisher", edition.publisher),
                        ("rights", rights(edition))):
        if value:
            book.add_metadata("DC", name, value)
    _sources(book, edition, pages)
    _accessibility(book, pages, conforms, edition.publisher or edition.editor)


def rights(edition: n.Edition) -> str:
    """The licence of each text as its source states it, and which texts' sources state none."""
    stated = [f"{chapter.title}: {chapter.meta['licence']}" for chapter in edition.chapters
              if chapter.meta.get("licence")]
    if len(stated) < len(edition.chapters):
        stated.append(f"{'the other texts' if stated else 'The texts'}: no licence stated by their sources")
    return "; ".join(stated) + "." if stated else ""


def _sources(book, edition: n.Edition, pages: int) -> None:
    """Where each text comes from, then the print edition whose pages the page list gives.

    The print edition comes last: Ace by DAISY reads only the last dc:source
    when it looks for the page list's source.
    """
    for chapter in edition.chapters:
        where = chapter.meta.get("source_url") or chapter.meta.get("source")
        if where:
            book.add_metadata("DC", "source", f"{chapter.title}: {where}")
    if pages:
        size = PRINT_SIZES.get(edition.options.get("page_size", "a5"), "print")
        book.add_metadata("DC", "source", f"{edition.title}, {edition_label(edition).lower()}, "
                          f"{edition.date.year}, {size} print, {pages} pages", {"id": "print-edition"})
        book.add_metadata(None, "meta", "pagination", {"refines": "#print-edition", "property": "source-of"})


def _accessibility(book, pages: int, conforms: bool, responsible: str) -> None:
    features = FEATURES + (PAGE_FEATURES if pages else ())
    values = [("accessMode", mode) for mode in ACCESS_MODES]
    values += [("accessModeSufficient", ",".join(ACCESS_MODES_SUFFICIENT))]
    values += [("accessibilityFeature", feature) for feature in features]
    values += [("accessibilityHazard", "none"), ("accessibilitySummary", summary(pages, conforms))]
    for name, value in values:
        book.add_metadata(None, "meta", value, {"property": f"schema:{name}"})
    if conforms:
        book.add_metadata(None, "meta", CONFORMANCE, {"property": "dcterms:conformsTo"})
    if conforms and responsible:  # who answers for the claim; the checks themselves are the build's
        book.add_metadata(None, "meta", responsible, {"property": "a11y:certifiedBy"})


def summary(pages: int, conforms: bool) -> str:
    """The accessibility summary: what a reader can rely on, in a sentence or three."""
    text = ("Text with headings in order and a table of contents; notes are linked to their calls and back; "
            "the only image, the cover, is described in words.")
    if pages:
        text += f" Page-break markers and a page list give the {pages} pages of the print edition."
    if conforms:
        text += " The content meets WCAG 2.2 level AA."
    return text


def _write(book, context: BuildContext) -> bytes:
    from ebooklib import epub

    class Writer(epub.EpubWriter):
        """ebooklib's writer, with the package language set as accessibility checkers require."""

        def _write_opf_file(self, root):
            root.set("{http://www.w3.org/XML/1998/namespace}lang", context.edition.language)
            super()._write_opf_file(root)

    buffer = io.BytesIO()
    writer = Writer(buffer, book, {"mtime": context.moment, "epub3_pages": False,
                                   "epub3_landmark": False, "epub2_guide": True})
    writer.process()
    writer.write()
    return buffer.getvalue()


def _example(number: int) -> n.Edition:
    import datetime as dt

    return n.Edition(slug="example", title="Example", subtitle="", editor="", publisher="", authors=(),
                     language="en", edition=number, date=dt.date(2026, 1, 1), description="", chapters=())
