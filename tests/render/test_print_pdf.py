"""The pamphlet's PDF as a printer and a reader get it: pages, heads, notes, navigation, metadata."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from pamphleteer.check.pdf_reading import read_links, read_pages
from pamphleteer.check.print_measures import measure_pdf
from pamphleteer.project.manifest import load_manifest
from pamphleteer.render.geometry import GEOMETRIES


@pytest.fixture(scope="module")
def pdf(built_pamphlet: Path) -> Path:
    return built_pamphlet / "build" / f"{load_manifest(built_pamphlet).slug}.pdf"


@pytest.fixture(scope="module")
def pages(pdf: Path):
    return read_pages(pdf)


@pytest.fixture(scope="module")
def chapter_starts(pdf: Path) -> dict[str, int]:
    _, destinations = read_links(pdf)
    return {name: page for name, page in destinations.items() if name.startswith("ch-")}


def _top(page) -> str:
    """The running head: text above the text block."""
    block = GEOMETRIES["a5"].text_block(page.index)
    return " ".join(line.text for line in page.lines if line.baseline > block.top)


def test_every_print_measure_is_zero(pdf: Path):
    findings = measure_pdf(pdf, "pamphlet.pdf")
    assert [str(d) for d in findings if d.code != "o100"] == []
    assert findings[-1].code == "o100"


def test_chapters_start_on_right_hand_pages(chapter_starts: dict[str, int], built_pamphlet: Path):
    for chapter in load_manifest(built_pamphlet).chapters:  # and any back matter, such as works cited
        assert f"ch-{chapter.slug}" in chapter_starts
    assert all(index % 2 == 0 for index in chapter_starts.values()), chapter_starts  # index 0 is page 1, a right page


def test_running_heads_name_the_pamphlet_left_and_the_chapter_right(pages, chapter_starts, built_pamphlet: Path):
    manifest = load_manifest(built_pamphlet)
    first = min(chapter_starts.values())
    body = [page for page in pages[first:-1] if page.blocks]
    assert body
    for page in body:
        head = _top(page).casefold()
        if page.index in chapter_starts.values():
            assert head == "", f"page {page.index + 1} opens a chapter but has a running head"
        elif page.index % 2 == 1:
            assert head == manifest.title.casefold()
        else:
            assert head and head != manifest.title.casefold()


def test_blank_pages_are_blank(pages):
    blanks = [page for page in pages if not page.blocks]
    assert blanks, "the front matter has at least one blank verso"
    assert all(not page.lines for page in blanks)


def test_folios_stand_outside_on_body_pages(pages, chapter_starts):
    for page in pages[min(chapter_starts.values()):-1]:
        if not page.blocks:
            continue
        block = GEOMETRIES["a5"].text_block(page.index)
        folio = [line for line in page.furniture if line.baseline < block.bottom]
        assert [line.text for line in folio] == [str(page.index + 1)]
        outside = folio[0].left > block.right - 20 if page.index % 2 == 0 else folio[0].right < block.left + 20
        assert outside, f"folio of page {page.index + 1} is not at the outer edge"


def test_a_note_number_runs_into_its_text(pages):
    notes = [block for page in pages for block in page.notes]
    assert notes
    for note in notes:
        first = note.lines[0].text.split()
        assert first[0].isdigit() and len(first) > 1, f"note number alone on its line: {note.lines[0].text!r}"


def test_words_are_hyphenated_at_line_ends(pages):
    ends = [line.text.rstrip() for page in pages for block in page.blocks for line in block.lines]
    assert sum(end.endswith(("\x02", "-", "‐")) for end in ends) > 20


def test_outline_has_chapters_with_their_sections(pdf: Path, built_pamphlet: Path):
    outline = PdfReader(pdf).outline
    titles = [item.title for item in outline if not isinstance(item, list)]
    for chapter in load_manifest(built_pamphlet).chapters:
        assert chapter.title in titles
    assert any(isinstance(item, list) and item for item in outline), "sections nest under their chapter"


def test_metadata_title_authors_language_subject_and_dates(pdf: Path, built_pamphlet: Path):
    manifest = load_manifest(built_pamphlet)
    reader = PdfReader(pdf)
    info = reader.metadata
    assert info.title == manifest.title
    assert all(author in info.author for author in manifest.authors)
    assert info.subject == manifest.description
    assert info["/CreationDate"].startswith(f"D:{manifest.date:%Y%m%d}")
    assert info["/edition"] == f"First edition, {manifest.date.isoformat()}"
    root = reader.trailer["/Root"]
    assert root["/Lang"] == manifest.language
    assert root["/MarkInfo"]["/Marked"] and "/StructTreeRoot" in root


def test_small_capitals_copy_as_capitals(pages, built_pamphlet: Path):
    """One glyph serves a capital and its small letter; set from capitals, the text comes back whole."""
    manifest = load_manifest(built_pamphlet)
    title_page = " ".join(line.text for line in pages[2].lines)
    assert manifest.authors, "the fixture names an author"
    for author in manifest.authors:
        assert author.upper() in title_page


def test_front_matter_in_order(pages, built_pamphlet: Path):
    manifest = load_manifest(built_pamphlet)
    text = [" ".join(line.text for line in page.lines) for page in pages[:6]]
    assert manifest.title in text[0]
    assert manifest.title in text[2] and "First edition" in text[2]
    assert "Sources" in text[3] and "How to cite" in text[3] and "Anti-Copyright" in text[3]
    assert "Contents" in text[4]
