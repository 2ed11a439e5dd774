"""Build the real pamphlet into a temporary copy and check what a printer and a reader get."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader

from pamphleteer.check.outputs import epubcheck
from pamphleteer.commands.normalise import normalise_project
from pamphleteer.project.manifest import load_manifest

A5 = (419.53, 595.28)
A4_LANDSCAPE = (841.89, 595.28)


@pytest.fixture(scope="module")
def built(built_pamphlet: Path) -> Path:
    return built_pamphlet


def _outputs(root: Path) -> dict[str, Path]:
    slug = load_manifest(root).slug
    return {"pdf": root / "build" / f"{slug}.pdf", "booklet": root / "build" / f"{slug}-booklet.pdf",
            "epub": root / "build" / f"{slug}.epub"}


def _page_text(pdf: pdfium.PdfDocument, index: int) -> str:
    return pdf[index].get_textpage().get_text_range()


def test_pdf_pages_are_a5(built: Path):
    reader = PdfReader(_outputs(built)["pdf"])
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert (width, height) == pytest.approx(A5, abs=0.5)


def test_pdf_fonts_are_embedded_book_face(built: Path):
    reader = PdfReader(_outputs(built)["pdf"])
    fonts = {}
    for page in reader.pages:
        for font in (page.get("/Resources", {}).get("/Font", {}) or {}).values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor else {}
            embedded = any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
            fonts[str(font.get("/BaseFont"))] = embedded
    assert fonts, "no fonts found"
    assert all(fonts.values()), f"not embedded: {[f for f, e in fonts.items() if not e]}"
    assert all("SourceSerif" in name.replace("-", "") for name in fonts), f"unexpected fonts: {sorted(fonts)}"


def test_every_chapter_title_is_in_pdf_and_epub_navigation(built: Path):
    manifest = load_manifest(built)
    pdf = pdfium.PdfDocument(_outputs(built)["pdf"])
    text = " ".join(_page_text(pdf, i) for i in range(len(pdf)))
    with zipfile.ZipFile(_outputs(built)["epub"]) as epub:
        nav = next(epub.read(n).decode() for n in epub.namelist() if n.endswith("nav.xhtml"))
    for chapter in manifest.chapters:
        assert chapter.title.replace("’", "'") in text.replace("’", "'").replace("\r\n", " ").replace("\n", " ") or \
            chapter.title in text, f"{chapter.title} not in the PDF"
        assert chapter.title.replace("&", "&amp;") in nav, f"{chapter.title} not in the EPUB navigation"


def test_title_and_contents_pages_come_first(built: Path):
    pdf = pdfium.PdfDocument(_outputs(built)["pdf"])
    title = load_manifest(built).title
    assert title in _page_text(pdf, 0)
    assert any("Contents" in _page_text(pdf, i) for i in range(1, 6))


def test_epub_passes_epubcheck(built: Path):
    findings = epubcheck(_outputs(built)["epub"], "epub")
    errors = [str(f) for f in findings if f.severity in ("error", "warning")]
    assert not errors, "\n".join(errors)


def test_epub_has_one_xhtml_per_chapter(built: Path):
    manifest = load_manifest(built)
    with zipfile.ZipFile(_outputs(built)["epub"]) as epub:
        names = epub.namelist()
    for chapter in manifest.chapters:
        assert any(name.endswith(f"{chapter.number:02d}-{chapter.slug}.xhtml") for name in names)
    assert names[0] == "mimetype"


def test_booklet_sheets_and_order(built: Path):
    pdf = PdfReader(_outputs(built)["pdf"])
    booklet = pdfium.PdfDocument(_outputs(built)["booklet"])
    pages = len(pdf.pages)
    padded = -(-pages // 4) * 4
    assert len(booklet) == padded // 2, "one booklet page per side of each sheet"
    width, height = booklet[0].get_size()
    assert (width, height) == pytest.approx(A4_LANDSCAPE, abs=1)
    # The first side carries the last page (left) and page 1 (right).
    text = booklet[0].get_textpage()
    right = text.get_text_bounded(left=width / 2, bottom=0, right=width, top=height)
    title = load_manifest(built).title
    assert title.split()[0] in right


def test_normalising_twice_gives_the_same_bytes(pamphlet_copy: Path):
    normalise_project(pamphlet_copy)
    first = {p.name: p.read_bytes() for p in (pamphlet_copy / "chapters").glob("*.md")}
    normalise_project(pamphlet_copy)
    second = {p.name: p.read_bytes() for p in (pamphlet_copy / "chapters").glob("*.md")}
    assert first == second


def test_seeds_normalised_on_two_cores_give_the_same_files_as_on_one(pamphlet_copy: Path, monkeypatch):
    from pamphleteer.commands import normalise

    def outputs() -> dict[str, bytes]:
        written = [*(pamphlet_copy / "chapters").glob("*.md"), *(pamphlet_copy / "build").glob("normalise-report.*")]
        return {path.name: path.read_bytes() for path in written}

    monkeypatch.setattr(normalise, "PARALLEL_BYTES", 0)
    monkeypatch.setenv("PAMPHLETEER_WORKERS", "1")
    normalise_project(pamphlet_copy)
    alone = outputs()
    forked = []
    monkeypatch.setattr(normalise, "load_word_lists", lambda language: forked.append(True))
    monkeypatch.setenv("PAMPHLETEER_WORKERS", "2")
    normalise_project(pamphlet_copy)
    assert forked and outputs() == alone


def test_a_bad_seed_normalised_on_another_core_is_named_and_nothing_is_written(pamphlet_copy: Path, monkeypatch):
    from pamphleteer.commands import normalise
    from pamphleteer.errors import ContentError

    monkeypatch.setattr(normalise, "PARALLEL_BYTES", 0)
    monkeypatch.setenv("PAMPHLETEER_WORKERS", "2")
    before = {path: path.read_bytes() for path in (pamphlet_copy / "chapters").glob("*.md")}
    seed = sorted((pamphlet_copy / "seeds").iterdir())[-1]
    seed.chmod(0o644)
    seed.write_bytes(b"\xff\xfeN\x00o\x00")
    with pytest.raises(ContentError, match=f"seeds/{seed.name}: the seed is UTF-16"):
        normalise_project(pamphlet_copy)
    assert {path: path.read_bytes() for path in (pamphlet_copy / "chapters").glob("*.md")} == before


def test_committed_chapters_are_up_to_date(pamphlet_copy: Path, repo: Path):
    """chapters/ in the repository is what `pamphleteer normalise` makes from seeds/."""
    normalise_project(pamphlet_copy)
    for path in (pamphlet_copy / "chapters").glob("*.md"):
        committed = repo / "chapters" / path.name
        assert committed.read_text(encoding="utf-8") == path.read_text(encoding="utf-8"), f"{path.name} is stale"
