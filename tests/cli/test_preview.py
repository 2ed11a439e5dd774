"""`pamphleteer preview`: page images and a contact sheet, and clear errors."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from print_samples import numbered_pages

from pamphleteer.cli import main
from pamphleteer.project.manifest import load_manifest


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdin=io.StringIO(""), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """A starter project whose build/ holds a five-page PDF (preview reads only the PDF)."""
    from pamphleteer.project.scaffold import scaffold

    root = scaffold(tmp_path_factory.mktemp("preview") / "starter")
    pdf = root / "build" / f"{load_manifest(root).slug}.pdf"
    pdf.parent.mkdir(exist_ok=True)
    pdf.write_bytes(numbered_pages(5))
    return root


def test_preview_writes_chosen_pages_and_a_contact_sheet(project: Path, tmp_path: Path):
    code, _, err = run("-C", str(project), "preview", "--pages", "1-2,5", "-o", str(tmp_path), "--dpi", "40")
    assert code == 0, err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["contact-sheet.png", "page-001.png", "page-002.png", "page-005.png"]
    with Image.open(tmp_path / "page-001.png") as page:
        assert page.size == pytest.approx((148 / 25.4 * 40, 210 / 25.4 * 40), abs=1)
        assert page.convert("L").getextrema()[0] < 128, "the page image shows text"
        with Image.open(tmp_path / "contact-sheet.png") as sheet:
            assert sheet.width > 3 * page.width  # spreads side by side


def test_preview_defaults_to_every_page_in_build_preview(project: Path):
    code, _, err = run("-C", str(project), "preview", "--dpi", "20")
    assert code == 0, err
    assert len(list((project / "build" / "preview").glob("page-*.png"))) == 5


@pytest.mark.parametrize("pages", ["0-3", "4-9", "x", "3-1"])
def test_bad_page_ranges_are_usage_errors(project: Path, tmp_path: Path, pages: str):
    code, _, err = run("-C", str(project), "preview", "--pages", pages, "-o", str(tmp_path))
    assert code == 2
    assert "--pages" in err and "Traceback" not in err
    assert not list(tmp_path.iterdir())


def test_preview_before_build_says_so(tmp_path: Path):
    from pamphleteer.project.scaffold import scaffold

    root = scaffold(tmp_path / "fresh")
    code, _, err = run("-C", str(root), "preview")
    assert code == 1
    assert "pamphleteer build" in err and "Traceback" not in err
