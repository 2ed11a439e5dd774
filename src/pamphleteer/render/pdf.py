"""The edition as a print PDF (A5 or half-letter), typeset by WeasyPrint in the book face."""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup

from ..errors import ContentError
from ..files import write_atomic
from . import fonts
from .context import BuildContext, date_label, edition_label
from .geometry import GEOMETRIES
from .note_fit import fit_notes
from .pagemap import PageMap, page_map
from .html import read_style, render_template, template_environment
from .print_notes import PrintWriter

# The PDF is tagged (structure tree, marked content, /Lang, DisplayDocTitle),
# so that screen readers and `check` can follow its paragraphs and headings.
# It does not claim PDF/UA-1 (WeasyPrint's "pdf/ua-1" variant would write
# that claim into its XMP): WeasyPrint 70 builds the structure page by page,
# so a paragraph split by a page break becomes two P elements and each page
# repeats its section; running heads and folios are neither in the
# structure nor marked as artifacts; footnotes are untyped (NonStruct), not
# Note elements tied to their calls. Those are conformance failures.
# custom_metadata: the edition (a <meta name="edition">) goes into the PDF's document information.
PDF_OPTIONS = {"pdf_tags": True, "pdf_version": "1.7", "custom_metadata": True}


def print_html(context: BuildContext, adjust: dict[str, str] | None = None,
               only: frozenset[str] | None = None) -> str:
    """The whole pamphlet as one HTML document for print; paragraphs keyed in `adjust` get that class.

    With `only` (chapter slugs), the other chapters' sections are left empty:
    a part of a long book (see parts) needs the front matter and its own text.
    """
    edition = context.edition
    bodies = {chapter.slug: PrintWriter(chapter, adjust).blocks(chapter.blocks)
              if only is None or chapter.slug in only else Markup("") for chapter in edition.chapters}
    return render_template(
        template_environment(context.root), "pamphlet.html.j2",
        edition=edition, chapters=edition.chapters, bodies=bodies,
        corrections=edition.corrections, font_css=Markup(fonts.font_face_css()), css=Markup(print_css(context)),
        font_family=fonts.FAMILY, edition_label=edition_label(edition),
        date_label=date_label(edition.date), build_date=context.moment.strftime("%Y-%m-%dT%H:%M:%SZ"),
    )


def print_css(context: BuildContext) -> str:
    """The print stylesheet, then the page geometry, then the project's own small overrides."""
    geometry = GEOMETRIES[context.edition.options.get("page_size", "a5")]
    css = read_style(context.root, "print.css") + "\n" + geometry.css()
    extra = context.root / "styles" / "pamphlet.css"
    if extra.is_file():
        css += "\n" + extra.read_text(encoding="utf-8")
    return css


def layout(context: BuildContext):
    """Lay the pamphlet out with WeasyPrint; the Document knows where every page breaks.

    It is computed once per build: the PDF is written from it, and the EPUB
    takes its print page numbers from it. If a note lands a page after its
    call, a paragraph is tightened and the layout done again (see note_fit).
    """
    return fit_notes(lambda adjust: typeset(print_html(context, adjust), context.root))


def typeset(html: str, root: Path):
    """Lay out `html` with WeasyPrint; it may read only the project and the font."""
    from weasyprint import HTML
    from weasyprint.urls import FatalURLFetchingError

    from . import notes_stay
    from .fetcher import RefusedURL, SafeFetcher, where_written

    notes_stay.install()  # notes stay on their call's page in one layout, mostly (note_fit does the rest)
    fetcher = SafeFetcher(root, fonts.font_directory())
    try:
        return HTML(string=html, base_url=str(root) + "/", url_fetcher=fetcher).render()
    except FatalURLFetchingError as error:
        cause = error.__cause__
        place = where_written(cause.url, root) if isinstance(cause, RefusedURL) else ""
        raise ContentError(f"{place}{cause or error}.") from None


def pdf_bytes(document) -> bytes:
    """The laid-out document as tagged PDF bytes (fonts embedded and subset)."""
    return document.write_pdf(**PDF_OPTIONS)


def render_pdf(context: BuildContext, document=None) -> Path:
    """Write build/<slug>.pdf (from `document` if already laid out) and return its path."""
    document = document or layout(context)
    target = context.output(".pdf")
    write_atomic(target, pdf_bytes(document))
    return target


def render_print(context: BuildContext, write: bool = True) -> PageMap:
    """Typeset the print edition, write build/<slug>.pdf if `write`, and return its page map.

    A book longer than a part (see parts) is typeset in parts on several
    cores and assembled; a pamphlet in one piece, which is faster for it.
    """
    from ..cores import worker_count
    from .parts import plan_parts

    parts = plan_parts(context.edition.chapters)
    if parts:
        from .in_parts import typeset_in_parts

        return typeset_in_parts(context, parts, worker_count(), context.output(".pdf") if write else None)
    document = layout(context)
    if write:
        render_pdf(context, document)
    return page_map(document)
