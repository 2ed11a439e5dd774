"""The edition as an EPUB 3: one XHTML per chapter, pop-up notes, and the print edition's pages."""

from __future__ import annotations

from pathlib import Path

from ...files import write_atomic
from ..context import BuildContext
from ..html import read_style, template_environment
from ..pagemap import PageMap, page_map
from ..reproducible import stable_zip
from .documents import Part, chapter_parts, front_parts
from .navigation import nav_part, ncx
from .package import Resource, edition_identifier, package
from .pagebreaks import page_targets, place_page_breaks

__all__ = ["edition_identifier", "epub_bytes", "render_epub"]

COVER = "cover.png"


def render_epub(context: BuildContext, document: PageMap | object | None = None) -> Path:
    """Write build/<slug>.epub and return its path.

    Args:
        context: The build.
        document: The print layout (WeasyPrint Document), or its PageMap,
            from which the EPUB takes its cover and the print edition's page
            breaks; laid out here if not given.
    """
    if document is None:
        from ..pdf import layout

        document = layout(context)
    target = context.output(".epub")
    write_atomic(target, stable_zip(epub_bytes(context, document), context))
    return target


def epub_bytes(context: BuildContext, document: PageMap | object) -> bytes:
    """The EPUB, before its zip entries are put in a fixed order; `document` as for render_epub."""
    from ...check.accessibility import content_findings

    pages_of_print = document if isinstance(document, PageMap) else page_map(document)
    environment = template_environment(context.root)
    breaks = pages_of_print.breaks
    parts = _documents(context, environment, len(breaks))
    pages = page_targets(parts, breaks)  # where each page lands, for the nav's page list
    parts = [nav_part(environment, context.edition, parts, pages) if part.uid == "nav" else part
             for part in parts]
    parts, pages = place_page_breaks(parts, breaks)
    identifier = edition_identifier(context.edition)
    resources = [
        Resource("css", "epub.css", "text/css", read_style(context.root, "epub.css").encode("utf-8")),
        Resource("cover-image", COVER, "image/png", pages_of_print.cover, ("cover-image",)),
        Resource("ncx", "toc.ncx", "application/x-dtbncx+xml",
                 ncx(environment, context.edition, identifier, parts, pages).encode("utf-8")),
    ]
    conforms = not content_findings({part.name: part.xhtml for part in parts})
    return package(context, parts, resources, len(pages), conforms)


def _documents(context: BuildContext, environment, pages: int) -> list[Part]:
    front = front_parts(context, environment, COVER, pages)
    chapters = chapter_parts(environment, context.edition)
    nav = nav_part(environment, context.edition, front + chapters, [])
    return [*front, nav, *chapters]
