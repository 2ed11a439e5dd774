"""Editions: the number and date reach the title page, colophon, metadata, EPUB identifier and file names."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from pamphleteer.commands.build import build
from pamphleteer.commands.normalise import normalise_project
from pamphleteer.project.editions import output_name
from pamphleteer.project.scaffold import scaffold


@pytest.fixture(scope="module")
def second_edition(tmp_path_factory) -> Path:
    root = scaffold(tmp_path_factory.mktemp("editions") / "p")
    manifest = root / "pamphlet.toml"
    text = manifest.read_text(encoding="utf-8").replace("edition = 1", "edition = 2").replace("2026-01-01", "2027-03-15")
    manifest.write_text(text, encoding="utf-8")
    normalise_project(root)
    build(root, ["pdf", "epub", "html"])
    return root


def test_a_second_edition_names_its_files_so(second_edition: Path):
    names = sorted(p.name for p in (second_edition / "build").glob("my-pamphlet*"))
    assert names == ["my-pamphlet-2nd-edition.epub", "my-pamphlet-2nd-edition.html", "my-pamphlet-2nd-edition.pdf"]
    assert output_name("my-pamphlet", 1, "booklet") == "my-pamphlet-booklet.pdf"


def test_title_page_and_colophon_give_edition_and_date(second_edition: Path):
    html = (second_edition / "build" / "my-pamphlet-2nd-edition.html").read_text(encoding="utf-8")
    title_page = html[html.index('id="title-page"'):html.index('id="colophon"')]
    colophon = html[html.index('id="colophon"'):html.index('id="contents"')]
    assert "Second edition" in title_page and "15 March 2027" in title_page
    assert "Second edition, 15 March 2027" in colophon


def test_pdf_metadata_is_dated_by_the_edition(second_edition: Path, monkeypatch):
    reader = PdfReader(second_edition / "build" / "my-pamphlet-2nd-edition.pdf")
    assert reader.metadata["/CreationDate"].startswith("D:20270315")
    assert reader.metadata["/Title"] == "My Pamphlet"


def test_epub_identifier_is_one_per_edition(second_edition: Path):
    from pamphleteer.render.epub.package import edition_identifier

    with zipfile.ZipFile(second_edition / "build" / "my-pamphlet-2nd-edition.epub") as epub:
        opf = next(epub.read(n).decode() for n in epub.namelist() if n.endswith(".opf"))
    identifier = re.search(r"<dc:identifier[^>]*>([^<]+)<", opf).group(1)
    assert identifier.startswith("urn:uuid:")
    from dataclasses import replace

    from pamphleteer.model.load import load_edition

    edition = load_edition(second_edition)
    assert identifier == edition_identifier(edition)
    assert edition_identifier(replace(edition, edition=1)) != identifier
    assert "2027-03-15" in opf
