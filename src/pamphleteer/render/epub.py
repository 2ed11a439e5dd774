"""The edition as an EPUB 3 (ebooklib): one XHTML per chapter, navigation, pop-up notes."""

from __future__ import annotations

import io
import uuid
from pathlib import Path

from ..files import write_atomic
from ..model import nodes as n
from .context import BuildContext, date_label, edition_label
from .html import HtmlWriter, read_style, render_template, template_environment
from .reproducible import stable_zip


def edition_identifier(edition: n.Edition) -> str:
    """A UUID stable for one edition of one pamphlet."""
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'pamphleteer:{edition.slug}:edition-{edition.edition}')}"


def render_epub(context: BuildContext, document=None) -> Path:
    """Write build/<slug>.epub and return its path.

    Args:
        context: The build.
        document: The print layout (WeasyPrint Document), from which the
            EPUB takes the print edition's page breaks.
    """
    from ebooklib import epub

    edition = context.edition
    book = epub.EpubBook()
    _metadata(book, edition, context)
    css = epub.EpubItem(uid="css", file_name="epub.css", media_type="text/css",
                        content=read_style(context.root, "epub.css").encode("utf-8"))
    book.add_item(css)
    environment = template_environment(context.root)
    front = _front_matter_pages(epub, edition, css)
    chapters = [_chapter_item(epub, environment, edition, chapter, css) for chapter in edition.chapters]
    for item in front + chapters:
        book.add_item(item)
    book.toc = [epub.Link(item.file_name, chapter.title, item.id) for item, chapter in zip(chapters, edition.chapters, strict=True)]
    book.add_item(epub.EpubNcx())
    nav = epub.EpubNav()
    nav.add_link(href="epub.css", rel="stylesheet", type="text/css")
    book.add_item(nav)
    book.spine = [front[0], front[1], "nav", *chapters]
    buffer = io.BytesIO()
    epub.write_epub(buffer, book, {"mtime": context.moment, "epub3_pages": False})
    target = context.output(".epub")
    write_atomic(target, stable_zip(buffer.getvalue(), context))
    return target


def _metadata(book, edition: n.Edition, context: BuildContext) -> None:
    book.set_identifier(edition_identifier(edition))
    book.set_title(edition.title)
    book.set_language(edition.language)
    for index, author in enumerate(edition.authors):
        book.add_author(author, uid=f"author-{index}", role="aut")
    if edition.editor:
        book.add_author(edition.editor, uid="editor", role="edt")
    book.add_metadata("DC", "date", edition.date.isoformat())
    if edition.description:
        book.add_metadata("DC", "description", edition.description)
    if edition.publisher:
        book.add_metadata("DC", "publisher", edition.publisher)
    book.add_metadata("DC", "source", f"{edition.title}, {edition_label(edition).lower()}, print (A5)")


def _front_matter_pages(epub, edition: n.Edition, css) -> list:
    title = epub.EpubHtml(uid="title-page", file_name="title.xhtml", title=edition.title, lang=edition.language)
    title.content = _simple_page(
        f"<section epub:type=\"titlepage\" aria-label=\"Title page\"><h1>{_x(edition.title)}</h1>"
        + (f"<p class=\"subtitle\">{_x(edition.subtitle)}</p>" if edition.subtitle else "")
        + (f"<p class=\"author\">{_x(', '.join(edition.authors))}</p>" if edition.authors else "")
        + f"<p>{_x(edition_label(edition))}, {_x(date_label(edition.date))}</p></section>")
    title.add_item(css)
    colophon = epub.EpubHtml(uid="colophon", file_name="colophon.xhtml", title="Colophon", lang=edition.language)
    sources = "".join(
        f"<li><em>{_x(c.title)}</em>{' by ' + _x(c.author) if c.author else ''}"
        f"{'; ' + _x(str(c.meta.get('source'))) if c.meta.get('source') else ''}"
        f"{'; ' + _x(str(c.meta.get('licence'))) if c.meta.get('licence') else ''}.</li>"
        for c in edition.chapters)
    colophon.content = _simple_page(
        f"<section epub:type=\"colophon\" role=\"doc-colophon\" aria-label=\"Colophon\"><h2>Colophon</h2>"
        f"<p>{_x(edition.title)}. {_x(edition_label(edition))}, {_x(date_label(edition.date))}.</p>"
        f"<p>Sources:</p><ul>{sources}</ul></section>")
    colophon.add_item(css)
    return [title, colophon]


def _simple_page(body: str) -> str:
    return f"<html><head><title>page</title></head><body>{body}</body></html>"


def _x(text: str) -> str:
    from markupsafe import escape

    return str(escape(text))


def _chapter_item(epub, environment, edition: n.Edition, chapter: n.Chapter, css):
    writer = HtmlWriter(chapter, "epub")
    xhtml = render_template(
        environment, "epub-chapter.xhtml.j2",
        language=edition.language, title=chapter.title, subtitle=chapter.subtitle,
        author=chapter.author, role=chapter.role, identifier=chapter.identifier,
        body=writer.blocks(chapter.blocks), notes=writer.notes_section() if chapter.notes else "",
    )
    item = epub.EpubHtml(uid=chapter.identifier, file_name=f"{chapter.number:02d}-{chapter.slug}.xhtml",
                         title=chapter.title, lang=edition.language)
    item.content = xhtml.encode("utf-8")
    item.add_item(css)
    return item
