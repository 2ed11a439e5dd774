"""Parity of EPUB and PDF holds for a fresh build, and the check notices when it does not."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from pamphleteer.check.epubfile import read_epub
from pamphleteer.check.parity import parity_findings, pdf_for_parity
from pamphleteer.commands.build import build
from pamphleteer.commands.normalise import normalise_project
from pamphleteer.project.scaffold import scaffold

CHAPTER = "EPUB/01-on-pamphlets.xhtml"


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = scaffold(tmp_path_factory.mktemp("parity") / "starter")
    normalise_project(root)
    build(root, ["pdf", "epub"])
    return root


def _paths(root: Path) -> tuple[Path, Path]:
    return root / "build" / "my-pamphlet.epub", root / "build" / "my-pamphlet.pdf"


def _findings(root: Path, epub: Path) -> list[str]:
    _, pdf = _paths(root)
    return [d.message for d in parity_findings(read_epub(epub, "x.epub"), pdf.read_bytes(), "x.epub")]


def _tampered(root: Path, tmp_path: Path, name: str, change) -> Path:
    """A copy of the built EPUB with one member rewritten by `change`."""
    source, _ = _paths(root)
    target = tmp_path / "tampered.epub"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for item in old.infolist():
            data = old.read(item)
            new.writestr(item, change(data.decode("utf-8")).encode("utf-8") if item.filename == name else data)
    return target


def test_a_fresh_build_has_parity(project):
    epub, _ = _paths(project)
    assert _findings(project, epub) == []


def test_a_note_missing_from_the_epub_is_reported(project, tmp_path):
    epub = _tampered(project, tmp_path, CHAPTER, lambda x: re.sub(r"<aside .*?</aside>", "", x, flags=re.S))
    assert any("has 0 notes in the EPUB and 1 in the PDF" in f for f in _findings(project, epub))


def test_a_note_that_reads_differently_is_reported(project, tmp_path):
    epub = _tampered(project, tmp_path, CHAPTER, lambda x: x.replace("staples", "nails"))
    assert any("reads differently" in f for f in _findings(project, epub))


def test_pages_missing_from_the_page_list_are_reported(project, tmp_path):
    epub = _tampered(project, tmp_path, "EPUB/nav.xhtml", lambda x: re.sub(r'<li><a href="[^"]*#page-2">2</a></li>', "", x))
    assert any("not in the page list (first: 2)" in f for f in _findings(project, epub))


def test_a_chapter_the_pdf_lacks_is_reported(project, tmp_path):
    epub = _tampered(project, tmp_path, CHAPTER, lambda x: x.replace('id="ch-on-pamphlets"', 'id="ch-elsewhere"'))
    findings = _findings(project, epub)
    assert any("is not in the PDF" in f for f in findings)
    assert any("the PDF has a chapter (ch-on-pamphlets)" in f for f in findings)


def test_without_a_pdf_the_print_pages_are_laid_out_afresh(project, tmp_path):
    _, pdf = _paths(project)
    fresh = pdf_for_parity(project, tmp_path / "absent.pdf")
    assert len(PdfReader(io.BytesIO(fresh)).pages) == len(PdfReader(pdf).pages)


def test_the_epub_alone_still_carries_the_print_pages(project, monkeypatch):
    """`build --format epub` lays out the print pages too; the same inputs give the same bytes."""
    epub, _ = _paths(project)
    first = epub.read_bytes()
    build(project, ["epub"])
    assert epub.read_bytes() == first
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        nav = archive.read("EPUB/nav.xhtml").decode("utf-8")
    assert 'epub:type="page-list"' in nav and "#page-1" in nav


def test_the_modified_date_comes_from_source_date_epoch(project, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    build(project, ["epub"])
    epub, _ = _paths(project)
    assert read_epub(epub, "x").meta("dcterms:modified") == ["2023-11-14T22:13:20Z"]
