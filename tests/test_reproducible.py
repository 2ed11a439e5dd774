"""Reproducible builds: the same inputs give byte-identical PDF, booklet and EPUB."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import shutil
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from pamphleteer.commands.build import build
from pamphleteer.commands.normalise import normalise_project
from pamphleteer.project.scaffold import scaffold
from pamphleteer.render.reproducible import pinned_dates, stable_zip

OUTPUTS = ("my-pamphlet.pdf", "my-pamphlet-booklet.pdf", "my-pamphlet.epub")


@pytest.fixture(scope="module")
def normalised(tmp_path_factory) -> Path:
    root = scaffold(tmp_path_factory.mktemp("reproducible") / "p")
    normalise_project(root)
    return root


def _built(source: Path, target: Path, formats=()) -> dict[str, str]:
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("build"))
    build(target, formats)
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in (target / "build").glob("my-pamphlet*")}


def test_two_builds_are_byte_identical(normalised: Path, tmp_path: Path):
    first = _built(normalised, tmp_path / "a")
    second = _built(normalised, tmp_path / "b")
    assert sorted(first) == sorted(OUTPUTS)
    assert first == second


def test_fonts_subset_by_fonttools_carry_the_build_date(normalised: Path, tmp_path: Path, monkeypatch):
    """Without HarfBuzz-Subset, WeasyPrint subsets with fontTools, which dates each font: by the build, not the clock."""
    from fontTools.misc.timeTools import timestampSinceEpoch
    from fontTools.ttLib import TTFont

    monkeypatch.setattr("weasyprint.pdf.fonts.harfbuzz_subset", None)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    first = _built(normalised, tmp_path / "a", ["pdf"])
    assert first == _built(normalised, tmp_path / "b", ["pdf"])
    font = _first_font_file(PdfReader(tmp_path / "a" / "build" / "my-pamphlet.pdf"))
    head = TTFont(io.BytesIO(font.get_data()))["head"]
    noon = dt.datetime(2026, 1, 1, 12, tzinfo=dt.timezone.utc)  # the starter's date, at noon
    assert head.modified == timestampSinceEpoch(noon.timestamp())
    assert "SOURCE_DATE_EPOCH" not in os.environ


def _first_font_file(reader: PdfReader):
    """The embedded font program of the first page's first font."""
    font = next(iter(reader.pages[0]["/Resources"]["/Font"].values())).get_object()
    descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
    descriptor = descendant["/FontDescriptor"].get_object()
    return descriptor["/FontFile2"].get_object()


def test_source_date_epoch_dates_every_output(normalised: Path, tmp_path: Path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # 2023-11-14 22:13:20 UTC
    _built(normalised, tmp_path / "p", ["pdf", "epub"])
    metadata = PdfReader(tmp_path / "p" / "build" / "my-pamphlet.pdf").metadata
    assert metadata["/CreationDate"].startswith("D:20231114221320") and metadata["/ModDate"] == metadata["/CreationDate"]
    with zipfile.ZipFile(tmp_path / "p" / "build" / "my-pamphlet.epub") as epub:
        assert {info.date_time for info in epub.infolist()} == {(2023, 11, 14, 22, 13, 20)}
        opf = next(epub.read(n).decode() for n in epub.namelist() if n.endswith(".opf"))
    assert "2023-11-14T22:13:20Z" in opf


def test_stable_zip_sorts_entries_and_keeps_mimetype_first_and_stored():
    source = io.BytesIO()
    with zipfile.ZipFile(source, "w") as archive:
        for name in ("b.xhtml", "mimetype", "a.css"):
            archive.writestr(name, name)

    class Moment:
        moment = dt.datetime(2024, 5, 6, 7, 8, 10, tzinfo=dt.timezone.utc)

    rewritten = zipfile.ZipFile(io.BytesIO(stable_zip(source.getvalue(), Moment)))
    assert rewritten.namelist() == ["mimetype", "a.css", "b.xhtml"]
    assert rewritten.infolist()[0].compress_type == zipfile.ZIP_STORED
    assert {info.date_time for info in rewritten.infolist()} == {(2024, 5, 6, 7, 8, 10)}


@pytest.mark.parametrize("before", [None, "1600000000", "not a number"])
def test_pinned_dates_sets_an_epoch_for_the_while_and_restores_it(monkeypatch, before):
    if before is None:
        monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    else:
        monkeypatch.setenv("SOURCE_DATE_EPOCH", before)
    moment = dt.datetime(2026, 1, 1, 12, tzinfo=dt.timezone.utc)
    with pinned_dates(moment):
        inside = os.environ["SOURCE_DATE_EPOCH"]
    assert inside == ("1600000000" if before == "1600000000" else str(int(moment.timestamp())))
    assert os.environ.get("SOURCE_DATE_EPOCH") == before
