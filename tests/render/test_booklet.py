"""The booklet: sheet order, padding before the back cover, paper sizes, creep."""

from __future__ import annotations

import io

import pypdfium2 as pdfium
import pytest

from print_samples import numbered_pages

from pamphleteer.render.booklet import PAPERS, back_cover_pages, impose_booklet


@pytest.fixture(scope="module")
def ten_pages() -> bytes:
    return numbered_pages(10)


def _sides(booklet: bytes) -> list[tuple[str, str]]:
    """The text on the left and right half of every sheet side."""
    document = pdfium.PdfDocument(io.BytesIO(booklet))
    sides = []
    for page in document:
        width, height = page.get_size()
        text = page.get_textpage()
        halves = (text.get_text_bounded(0, 0, width / 2, height), text.get_text_bounded(width / 2, 0, width, height))
        sides.append(tuple(" ".join(half.split()) for half in halves))
    return sides


def test_the_back_cover_is_found_by_its_anchor(ten_pages: bytes):
    assert back_cover_pages(ten_pages) == 1
    assert back_cover_pages(numbered_pages(3, back_cover=False)) == 0


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_sheet_order_puts_last_page_and_page_one_on_the_first_sheet(ten_pages: bytes, paper: str):
    booklet = impose_booklet(ten_pages, paper, back_pages=1)
    # 10 pages pad to 12: three sheets, printed on both sides. The two blanks
    # stand before the back cover (page 10), never inside the text.
    assert _sides(booklet) == [
        ("Page 10", "Page 1"), ("Page 2", ""),
        ("", "Page 3"), ("Page 4", "Page 9"),
        ("Page 8", "Page 5"), ("Page 6", "Page 7"),
    ]


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_sheets_are_the_paper_and_pages_fit_on_it(ten_pages: bytes, paper: str):
    document = pdfium.PdfDocument(io.BytesIO(impose_booklet(ten_pages, paper, back_pages=1)))
    for page in document:
        assert page.get_size() == pytest.approx(PAPERS[paper], abs=0.5)
        for obj in page.get_objects(max_depth=3):
            left, bottom, right, top = obj.get_bounds()
            assert 0 <= left and right <= PAPERS[paper][0] and 0 <= bottom and top <= PAPERS[paper][1]


def test_without_a_back_cover_the_blanks_come_last(ten_pages: bytes):
    sides = _sides(impose_booklet(ten_pages, "a4", back_pages=0))
    assert sides[0] == ("", "Page 1")
    assert sides[1] == ("Page 2", "")


def test_creep_moves_inner_sheets_towards_the_fold(ten_pages: bytes):
    def x_of(booklet: bytes, side: int, word: str) -> float:
        page = pdfium.PdfDocument(io.BytesIO(booklet))[side]
        text = page.get_textpage()
        start = text.get_text_range().index(word)
        return text.get_charbox(start)[0]

    plain, creeping = impose_booklet(ten_pages, "a4", 1), impose_booklet(ten_pages, "a4", 1, creep_mm=1.0)
    mm = 72 / 25.4
    assert x_of(creeping, 0, "1") == pytest.approx(x_of(plain, 0, "1"), abs=0.01)  # outermost sheet stays
    assert x_of(plain, 5, "7") - x_of(creeping, 5, "7") == pytest.approx(mm, abs=0.05)  # innermost: 1mm in
    assert x_of(creeping, 5, "6") - x_of(plain, 5, "6") == pytest.approx(mm, abs=0.05)


def test_creep_comes_from_the_manifest_and_is_checked(tmp_path):
    from pamphleteer.project.manifest import ManifestErrors, load_manifest
    from pamphleteer.project.scaffold import scaffold

    root = scaffold(tmp_path / "starter")
    toml = root / "pamphlet.toml"
    text = toml.read_text(encoding="utf-8")
    toml.write_text(text.replace("[output]\n", "[output]\ncreep = 0.4\n"), encoding="utf-8")
    assert load_manifest(root).creep == 0.4
    toml.write_text(text.replace("[output]\n", "[output]\ncreep = \"a lot\"\n"), encoding="utf-8")
    with pytest.raises(ManifestErrors) as raised:
        load_manifest(root)
    assert "creep" in str(raised.value.diagnostics[0])
