"""Preview the built PDF as PNG images: chosen pages and a contact sheet of the whole pamphlet."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..errors import ContentError
from ..project.editions import output_name
from ..project.manifest import load_manifest
from ..render.preview import contact_sheet, parse_pages, render_pages

Progress = Callable[[str], None]
CONTACT_SHEET = "contact-sheet.png"


def preview(root: Path, pages: str | None = None, out: Path | None = None, dpi: int = 110,
            progress: Progress = lambda _: None) -> list[Path]:
    """Render pages of the built PDF (all if `pages` is None) and a contact sheet into `out`.

    Returns:
        The images written, the contact sheet last.
    """
    manifest = load_manifest(root)
    pdf = root / "build" / output_name(manifest.slug, manifest.edition, "pdf")
    if not pdf.is_file():
        raise ContentError(f"build/{pdf.name} has not been built; run `pamphleteer build --format pdf` first.")
    out = out if out is not None else root / "build" / "preview"
    count = _page_count(pdf)
    chosen = parse_pages(pages, count) if pages else list(range(1, count + 1))
    progress(f"Step 1 - rendering {len(chosen)} page{'s' * (len(chosen) != 1)} at {dpi} dpi")
    written = render_pages(pdf, chosen, out, dpi)
    progress(f"Step 2 - making the contact sheet of all {count} pages")
    written.append(contact_sheet(pdf, out / CONTACT_SHEET))
    return written


def _page_count(pdf: Path) -> int:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(pdf))
    try:
        return len(document)
    finally:
        document.close()
