"""The edition as an A5 PDF, typeset by WeasyPrint in the book face."""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup

from ..errors import ContentError
from ..files import write_atomic
from . import fonts
from .context import BuildContext, date_label, edition_label
from .fetcher import SafeFetcher
from .html import HtmlWriter, read_style, render_template, template_environment

PAGE_SIZES = {"a5": "A5", "half-letter": "5.5in 8.5in"}


def print_html(context: BuildContext) -> str:
    """The whole pamphlet as one HTML document for print."""
    edition = context.edition
    bodies = {}
    for chapter in edition.chapters:
        writer = HtmlWriter(chapter, "print")
        bodies[chapter.slug] = writer.blocks(chapter.blocks)
    css = read_style(context.root, "print.css")
    css += f"\n@page {{ size: {PAGE_SIZES[edition.options.get('page_size', 'a5')]}; }}\n"
    extra = context.root / "styles" / "pamphlet.css"
    if extra.is_file():
        css += "\n" + extra.read_text(encoding="utf-8")
    return render_template(
        template_environment(context.root), "pamphlet.html.j2",
        edition=edition, chapters=edition.chapters, bodies=bodies,
        corrections=edition.corrections, font_css=Markup(fonts.font_face_css()), css=Markup(css),
        font_family=fonts.FAMILY, edition_label=edition_label(edition),
        date_label=date_label(edition.date), build_date=context.moment.strftime("%Y-%m-%dT%H:%M:%SZ"),
    )


def layout(context: BuildContext):
    """Lay the pamphlet out with WeasyPrint; the Document knows where every page breaks.

    It is computed once per build: the PDF is written from it, and the EPUB
    takes its print page numbers from it.
    """
    return typeset(print_html(context), context.root)


def typeset(html: str, root: Path):
    """Lay out `html` with WeasyPrint; it may read only the project and the font."""
    from weasyprint import HTML
    from weasyprint.urls import FatalURLFetchingError

    fetcher = SafeFetcher(root, fonts.font_directory())
    try:
        return HTML(string=html, base_url=str(root) + "/", url_fetcher=fetcher).render()
    except FatalURLFetchingError as error:
        cause = error.__cause__
        reason = str(cause) if cause else str(error)
        raise ContentError(f"{reason}.") from None


def render_pdf(context: BuildContext, document=None) -> Path:
    """Write build/<slug>.pdf (from `document` if already laid out) and return its path."""
    document = document or layout(context)
    target = context.output(".pdf")
    write_atomic(target, document.write_pdf())
    return target
