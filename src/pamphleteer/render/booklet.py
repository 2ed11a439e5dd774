"""The pamphlet imposed for saddle-stitch printing: two pages a side on A4 or Letter, duplex.

Imposition is done with pypdf arithmetic rather than pdfimpose: pdfimpose
sizes paper in TeX points (its "A4" sheet is 851 x 600 PDF points, larger
than A4), cannot fit A5 pages onto Letter, and writes random identifiers.
Here the sheet is exactly the paper, pages are scaled to fit when needed,
padding blanks go before the back cover, and the bytes are reproducible.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from ..files import write_atomic
from .context import BuildContext
from .reproducible import stable_pdf

MM = 72 / 25.4
# Landscape sheets, in PDF points.
PAPERS = {"a4": (297 * MM, 210 * MM), "letter": (11 * 72.0, 8.5 * 72.0)}


@dataclass(frozen=True)
class Slot:
    """One page placed on one side of a sheet: which page (None = blank), left or right."""

    page: int | None
    right: bool


def saddle_order(pages: int, back_pages: int = 0) -> list[tuple[Slot, Slot]]:
    """The two slots of every sheet side, in printing order (front, back, front, ...).

    Pages are 0-based; the count is padded to a multiple of 4 with blanks
    placed before the last `back_pages` pages (the back cover).

    >>> [(a.page, b.page) for a, b in saddle_order(6)]
    [(None, 0), (1, None), (5, 2), (3, 4)]
    """
    padded = -(-pages // 4) * 4
    body = list(range(pages - back_pages))
    sequence: list[int | None] = [*body, *([None] * (padded - pages)), *range(pages - back_pages, pages)]
    sides = []
    for sheet in range(padded // 4):
        outer, inner = 2 * sheet, padded - 1 - 2 * sheet
        sides.append((Slot(sequence[inner], False), Slot(sequence[outer], True)))
        sides.append((Slot(sequence[outer + 1], False), Slot(sequence[inner - 1], True)))
    return sides


def impose_booklet(pdf: bytes, paper: str = "a4", back_pages: int = 0, creep_mm: float = 0.0) -> bytes:
    """Impose a PDF as a saddle-stitched booklet on landscape `paper` (print duplex, flip on the short edge).

    Args:
        pdf: The pamphlet PDF (all pages the same size).
        paper: "a4" or "letter".
        back_pages: Pages at the end that must stay last (a back cover).
        creep_mm: How far the innermost sheet's pages move towards the fold,
            to make up for paper thickness in thick booklets (0 = none).
    """
    from pypdf import PdfReader, PdfWriter, Transformation

    reader = PdfReader(io.BytesIO(pdf))
    sheet_w, sheet_h = PAPERS[paper]
    page_w, page_h = float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)
    scale = min(1.0, sheet_w / 2 / page_w, sheet_h / page_h)
    sides = saddle_order(len(reader.pages), back_pages)
    writer = PdfWriter()
    sheets = len(sides) // 2
    for index, side in enumerate(sides):
        sheet = index // 2
        shift = creep_mm * MM * (sheet / (sheets - 1) if sheets > 1 else 0)
        target = writer.add_blank_page(sheet_w, sheet_h)
        for slot in side:
            if slot.page is None:
                continue
            x = sheet_w / 2 - (0 if slot.right else page_w * scale)
            x += -shift if slot.right else shift
            y = (sheet_h - page_h * scale) / 2
            target.merge_transformed_page(reader.pages[slot.page], Transformation().scale(scale).translate(x, y))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def render_booklet(context: BuildContext, pdf_path: Path) -> Path:
    """Write build/<slug>-booklet.pdf from the built PDF."""
    paper = context.edition.options.get("booklet_paper", "a4")
    data = impose_booklet(pdf_path.read_bytes(), paper)
    target = context.output("-booklet.pdf")
    write_atomic(target, stable_pdf(data, context))
    return target
