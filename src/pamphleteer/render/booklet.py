"""The pamphlet imposed for saddle-stitch printing: two pages a side on A4 or Letter, duplex.

Imposition is done with pypdf arithmetic rather than pdfimpose: pdfimpose
sizes paper in TeX points (its "A4" sheet is 851 x 600 PDF points, larger
than A4), cannot fit A5 pages onto Letter, and writes random identifiers.
Here the sheet is exactly the paper, pages are scaled to fit when needed,
padding blanks go before the back cover, and the bytes are reproducible.

Each page of the pamphlet becomes one form XObject, drawn on its sheet with
a transformation: no content stream is parsed or rewritten, so imposing is
quick and fonts are stored once.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from ..files import write_atomic
from .context import BuildContext
from .geometry import MM
from .reproducible import stable_pdf

# Landscape sheets, in PDF points.
PAPERS = {"a4": (297 * MM, 210 * MM), "letter": (11 * 72.0, 8.5 * 72.0)}
BACK_COVER = "back-cover"  # the id of the template's back cover


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
    >>> [(a.page, b.page) for a, b in saddle_order(6, back_pages=1)]
    [(5, 0), (1, None), (None, 2), (3, 4)]
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
            to make up for paper thickness in thick booklets (0 = none); the
            sheets outside it move proportionally less.
    """
    from pypdf import PdfReader, PdfWriter

    reader = PdfReader(io.BytesIO(pdf))
    writer = PdfWriter()
    forms = [_page_form(writer, page) for page in reader.pages]
    sheet_w, sheet_h = PAPERS[paper]
    page_w, page_h = (float(v) for v in reader.pages[0].mediabox[2:])
    scale = min(1.0, sheet_w / 2 / page_w, sheet_h / page_h)
    sides = saddle_order(len(reader.pages), back_pages)
    sheets = len(sides) // 2
    for index, side in enumerate(sides):
        sheet = index // 2
        creep = creep_mm * MM * (sheet / (sheets - 1) if sheets > 1 else 0)
        drawn = []
        for slot in side:
            if slot.page is None:
                continue
            x = sheet_w / 2 - (0 if slot.right else page_w * scale) + (-creep if slot.right else creep)
            y = (sheet_h - page_h * scale) / 2
            drawn.append((f"/P{slot.page}", forms[slot.page], x, y))
        _add_side(writer, sheet_w, sheet_h, scale, drawn)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _page_form(writer, page):
    """A page of the pamphlet as a form XObject in `writer` (its resources cloned once)."""
    from pypdf.generic import ArrayObject, DecodedStreamObject, FloatObject, NameObject

    form = DecodedStreamObject()
    contents = page.get_contents()
    form.set_data(contents.get_data() if contents is not None else b"")
    form[NameObject("/Type")] = NameObject("/XObject")
    form[NameObject("/Subtype")] = NameObject("/Form")
    form[NameObject("/BBox")] = ArrayObject(FloatObject(v) for v in page.mediabox)
    if "/Resources" in page:
        form[NameObject("/Resources")] = page["/Resources"].clone(writer)
    return writer._add_object(form.flate_encode())  # noqa: SLF001  (pypdf has no public call for a new object)


def _add_side(writer, width: float, height: float, scale: float, drawn: list) -> None:
    """One sheet side: each form drawn at its place, scaled to the paper."""
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    page = writer.add_blank_page(width, height)
    commands = [f"q {scale:.5f} 0 0 {scale:.5f} {x:.3f} {y:.3f} cm {name} Do Q" for name, _, x, y in drawn]
    stream = DecodedStreamObject()
    stream.set_data("\n".join(commands).encode("ascii"))
    xobjects = DictionaryObject({NameObject(name): form for name, form, _, _ in drawn})
    page[NameObject("/Resources")] = DictionaryObject({NameObject("/XObject"): xobjects})
    page[NameObject("/Contents")] = writer._add_object(stream.flate_encode())  # noqa: SLF001


def back_cover_pages(pdf: bytes) -> int:
    """1 if the PDF's last page is the template's back cover (a named destination), else 0."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    destination = reader.named_destinations.get(BACK_COVER)
    if destination is None:
        return 0
    return int(reader.get_destination_page_number(destination) == len(reader.pages) - 1)


def render_booklet(context: BuildContext, pdf_path: Path) -> Path:
    """Write build/<slug>-booklet.pdf from the built PDF."""
    options = context.edition.options
    pdf = pdf_path.read_bytes()
    data = impose_booklet(pdf, options.get("booklet_paper", "a4"), back_cover_pages(pdf),
                          float(options.get("creep", 0) or 0))
    target = context.output("-booklet.pdf")
    write_atomic(target, stable_pdf(data, context))
    return target
