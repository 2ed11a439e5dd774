"""The EPUB's content documents: cover, title page, colophon and one XHTML per chapter."""

from __future__ import annotations

from dataclasses import dataclass

import jinja2

from ...model import nodes as n
from ..context import BuildContext, date_label, edition_label
from ..html import HtmlWriter, render_template

# A chapter's role -> the part of the book it belongs to and its structural semantic.
ROLES = {
    "preface": ("frontmatter", "preface"),
    "chapter": ("bodymatter", "chapter"),
    "bibliography": ("backmatter", "bibliography"),
}
PRINT_SIZES = {"a5": "A5", "half-letter": "US half-letter"}


@dataclass(frozen=True)
class Part:
    """One XHTML content document of the EPUB.

    Attributes:
        uid: Its manifest id.
        name: Its file name inside the EPUB's content folder.
        title: What the navigation calls it.
        xhtml: The document itself.
        landmark: The epub:type of its landmark entry ("" for none).
    """

    uid: str
    name: str
    title: str
    xhtml: str
    landmark: str = ""


def front_parts(context: BuildContext, environment: jinja2.Environment, cover: str, pages: int) -> list[Part]:
    """Cover, title page and colophon, in the print edition's order.

    Args:
        context: The build.
        environment: The templates.
        cover: The cover image's file name.
        pages: How many pages the print edition has (0 if unknown).
    """
    edition = context.edition
    common = {"language": edition.language, "edition": edition, "edition_label": edition_label(edition),
              "date_label": date_label(edition.date)}
    cover_page = render_template(environment, "epub-cover.xhtml.j2", image=cover, alt=cover_text(edition), **common)
    title_page = render_template(environment, "epub-title-page.xhtml.j2", **common)
    colophon = render_template(
        environment, "epub-colophon.xhtml.j2", chapters=edition.chapters, corrections=edition.corrections,
        pages=pages, print_label=PRINT_SIZES.get(edition.options.get("page_size", "a5"), "print"), **common)
    return [
        Part("cover", "cover.xhtml", "Cover", cover_page, "cover"),
        Part("title-page", "title.xhtml", edition.title, title_page, "titlepage"),
        Part("colophon", "colophon.xhtml", "Colophon", colophon),
    ]


def cover_text(edition: n.Edition) -> str:
    """What the cover shows, said in words: the cover image's alternative text."""
    parts = [edition.title, edition.subtitle]
    names = [edition.editor] if edition.editor else list(edition.authors)
    if names:
        parts.append(("Edited by " if edition.editor else "") + ", ".join(names))
    return "Cover: " + " ".join(_sentence(part) for part in parts if part)


def _sentence(text: str) -> str:
    """A line of the cover as a sentence.

    >>> _sentence("Who Ran the Mills?"), _sentence("Ada Moreau")
    ('Who Ran the Mills?', 'Ada Moreau.')
    """
    return text if text.endswith((".", "?", "!")) else text + "."


def chapter_parts(environment: jinja2.Environment, edition: n.Edition) -> list[Part]:
    """One XHTML per chapter, notes as pop-up asides after the chapter's text."""
    parts = []
    body = _first_of(edition, "chapter") or (edition.chapters[0] if edition.chapters else None)
    landmarks = {"bodymatter": body, "bibliography": _first_of(edition, "bibliography")}
    for chapter in edition.chapters:
        matter, semantic = ROLES.get(chapter.role, ROLES["chapter"])
        writer = HtmlWriter(chapter, "epub")
        xhtml = render_template(
            environment, "epub-chapter.xhtml.j2", language=edition.language, chapter=chapter,
            matter=matter, semantic=semantic, body=writer.blocks(chapter.blocks),
            notes=writer.notes_section() if chapter.notes else "")
        landmark = next((kind for kind, first in landmarks.items() if first is chapter), "")
        parts.append(Part(chapter.identifier, chapter_file(chapter), chapter.title, xhtml, landmark))
    return parts


def chapter_file(chapter: n.Chapter) -> str:
    return f"{chapter.number:02d}-{chapter.slug}.xhtml"


def _first_of(edition: n.Edition, role: str) -> n.Chapter | None:
    return next((chapter for chapter in edition.chapters if chapter.role == role), None)
