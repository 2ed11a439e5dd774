"""The real pamphlet's EPUB as a reader's e-reader sees it: parts, navigation, notes, print pages, metadata."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from conftest import copy_pamphlet

from pamphleteer.check.accessibility import content_findings, package_findings
from pamphleteer.check.epubfile import NS, read_epub, text_of
from pamphleteer.check.parity import PdfText, compare, letters
from pamphleteer.commands.build import build
from pamphleteer.model.load import load_edition
from pamphleteer.project.manifest import load_manifest


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    root = copy_pamphlet(tmp_path_factory.mktemp("epub") / "pamphlet")
    build(root, ["pdf", "epub"])
    return root


@pytest.fixture(scope="module")
def epub(built):
    slug = load_manifest(built).slug
    return read_epub(built / "build" / f"{slug}.epub", "epub")


@pytest.fixture(scope="module")
def pdf(built):
    slug = load_manifest(built).slug
    return pdfium.PdfDocument(built / "build" / f"{slug}.pdf")


def test_one_xhtml_per_chapter_and_the_front_matter(built):
    edition = load_edition(built)  # the manifest's chapters, and works cited if anything is cited
    with zipfile.ZipFile(built / "build" / f"{edition.slug}.epub") as archive:
        names = {name.removeprefix("EPUB/") for name in archive.namelist()}
    chapters = {f"{c.number:02d}-{c.slug}.xhtml" for c in edition.chapters}
    assert chapters | {"cover.xhtml", "cover.png", "title.xhtml", "colophon.xhtml", "nav.xhtml", "toc.ncx"} <= names
    assert len([name for name in names if name.endswith(".xhtml")]) == len(chapters) + 4


def test_the_contents_list_every_chapter_in_order(built, epub):
    titles = [text for text, href in epub.nav_list("toc") if "#" not in href]
    assert titles == [chapter.title for chapter in load_edition(built).chapters]
    assert {"cover", "titlepage", "toc", "bodymatter"} <= {
        a.get("{http://www.idpf.org/2007/ops}type") for a in epub.documents["nav.xhtml"].xpath(
            "//x:nav[@epub:type='landmarks']//x:a", namespaces=NS)}


def test_notes_pop_up_on_every_reader(built, epub):
    calls = [a for name in epub.spine for a in epub.documents[name].xpath(
        "//x:a[@epub:type='noteref']", namespaces=NS)]
    assert len(calls) == sum(len(chapter.notes) for chapter in load_edition(built).chapters) > 0
    assert all(len(a) == 0 and a.get("role") == "doc-noteref" for a in calls)
    assert content_findings(epub.documents) == []
    assert package_findings(epub) == []


def test_the_page_list_gives_every_print_page_in_order(epub, pdf):
    labels = [label for label, _ in epub.nav_list("page-list")]
    assert labels == [str(number) for number in range(1, len(pdf) + 1)]


def test_each_page_marker_stands_where_the_printed_page_begins(epub, pdf):
    """The words after a marker in the EPUB are the first words of that page in the PDF."""
    checked, pages = 0, epub.nav_list("page-list")
    for label, href in pages:
        marker = epub.target(href)
        words = " ".join(marker.xpath("following::text()")).split()[1:6]  # the first may be split by a hyphen
        page = letters(pdf[int(label) - 1].get_textpage().get_text_range())
        if not page or len(words) < 5:
            continue  # a blank page, or the cover image
        assert letters(" ".join(words)) in page[:300], f"page {label}: {' '.join(words)}"
        checked += 1
    assert checked > 0.8 * len(pages)


def test_the_epub_matches_the_pdf(built, epub):
    slug = load_manifest(built).slug
    pdf = PdfText((built / "build" / f"{slug}.pdf").read_bytes())
    try:
        assert list(compare(epub, pdf)) == []
    finally:
        pdf.close()


def test_metadata_names_the_edition_and_its_print_source(built, epub):
    package = epub.package
    assert len(epub.meta("dcterms:modified")) == 1
    assert package.xpath("//dc:identifier/text()", namespaces=NS)[0].startswith("urn:uuid:")
    sources = package.xpath("//dc:source", namespaces=NS)
    print_source = [s for s in sources if s.get("id") == "print-edition"]
    assert print_source and print_source[0] is sources[-1]
    assert epub.meta("source-of") == ["pagination"]
    assert "Tom Wetzel" in [text_of(c) for c in package.xpath("//dc:creator", namespaces=NS)]
    assert epub.meta("role") == ["aut"]
    assert {"printPageNumbers", "pageBreakMarkers", "tableOfContents"} <= set(epub.meta("schema:accessibilityFeature"))
    assert epub.meta("schema:accessibilityHazard") == ["none"]


def test_old_readers_and_kindle_find_the_cover_and_the_start(epub):
    package = epub.package
    assert package.xpath("//opf:meta[@name='cover']/@content", namespaces=NS) == ["cover-image"]
    assert package.xpath("//opf:item[@properties='cover-image']/@href", namespaces=NS) == ["cover.png"]
    kinds = package.xpath("//opf:guide/opf:reference/@type", namespaces=NS)
    assert kinds[0] == "cover" and "toc" in kinds and "text" in kinds
