"""A works-cited chapter (role "bibliography") is back matter in the EPUB, and parity covers its entries."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from pamphleteer.check.epubfile import NS, read_epub
from pamphleteer.check.parity import PdfText, compare
from pamphleteer.commands.normalise import normalise_project
from pamphleteer.diagnostics import Location
from pamphleteer.model import nodes as n
from pamphleteer.model.load import load_edition
from pamphleteer.project.scaffold import scaffold
from pamphleteer.render.context import BuildContext, build_moment
from pamphleteer.render.epub import epub_bytes
from pamphleteer.render.pdf import layout

ENTRIES = ("Avrich, Paul. The Russian Anarchists. Princeton University Press, 1967.",
           "Brinton, Maurice. The Bolsheviks and Workers’ Control. Solidarity, 1970.")


@pytest.fixture(scope="module")
def outputs(tmp_path_factory) -> tuple[Path, bytes]:
    root = scaffold(tmp_path_factory.mktemp("cited") / "starter")
    normalise_project(root)
    edition = load_edition(root)
    works = n.Chapter(slug="works-cited", number=len(edition.chapters) + 1, role="bibliography",
                      title="Works cited", subtitle="", author="", meta={},
                      blocks=tuple(n.Para((n.Str(entry),)) for entry in ENTRIES), notes=(),
                      location=Location("references.yaml"))
    edition = dataclasses.replace(edition, chapters=(*edition.chapters, works))
    context = BuildContext(edition, root, root / "build", build_moment(edition))
    document = layout(context)
    epub = root / "cited.epub"
    epub.write_bytes(epub_bytes(context, document))
    return epub, document.write_pdf()


def test_works_cited_is_back_matter_with_its_landmark(outputs):
    epub = read_epub(outputs[0], "cited.epub")
    document = epub.documents["02-works-cited.xhtml"]
    assert document.xpath("//x:body/@epub:type", namespaces=NS) == ["backmatter"]
    assert document.xpath("//x:section/@role", namespaces=NS) == ["doc-bibliography"]
    assert ("Works cited", "02-works-cited.xhtml") in epub.nav_list("landmarks")


def test_parity_covers_the_entries(outputs, tmp_path):
    epub_path, pdf_data = outputs
    pdf = PdfText(pdf_data)
    try:
        assert list(compare(read_epub(epub_path, "cited.epub"), pdf)) == []
        document = read_epub(epub_path, "cited.epub")
        entry = document.documents["02-works-cited.xhtml"].xpath("//x:p[@id]", namespaces=NS)[1]
        entry.getparent().remove(entry)
        problems = [problem for _, problem in compare(document, pdf)]
    finally:
        pdf.close()
    assert "works cited has 1 entry in the EPUB and 2 in the PDF." in problems
