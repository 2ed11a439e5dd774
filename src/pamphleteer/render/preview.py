"""Look at the PDF without a PDF viewer: PNG images of chosen pages and a contact sheet of spreads."""

from __future__ import annotations

import io
from pathlib import Path

from ..errors import UsageError
from ..files import write_atomic

GAP = 12  # pixels between spreads on the contact sheet
SPREADS_PER_ROW = 4


def parse_pages(spec: str, count: int) -> list[int]:
    """Page numbers (1-based) from a spec such as "1-12" or "3,5,9-10"; checked against `count`.

    >>> parse_pages("1-3,7", 10)
    [1, 2, 3, 7]
    >>> parse_pages("9-", 10)
    [9, 10]
    """
    pages: list[int] = []
    for part in (p.strip() for p in spec.split(",")):
        first, dash, last = part.partition("-")
        try:
            start = int(first)
            end = (int(last) if last else count) if dash else start
        except ValueError:
            raise UsageError(f"--pages {spec!r}: write page numbers and ranges such as 1-12 or 3,5,9-10.") from None
        if not 1 <= start <= end <= count:
            raise UsageError(f"--pages {spec!r}: the PDF has pages 1 to {count}.")
        pages.extend(p for p in range(start, end + 1) if p not in pages)
    return pages


def render_pages(pdf: Path, pages: list[int], out: Path, dpi: int = 110) -> list[Path]:
    """Write out/page-NNN.png for each page number; return the paths."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(pdf))
    written = []
    try:
        for number in pages:
            image = document[number - 1].render(scale=dpi / 72).to_pil()
            target = out / f"page-{number:03d}.png"
            write_atomic(target, _png(image))
            written.append(target)
    finally:
        document.close()
    return written


def contact_sheet(pdf: Path, target: Path, thumb_height: int = 160) -> Path:
    """Every page as a thumbnail, laid out as the reader sees them: page 1 alone, then facing pairs."""
    import pypdfium2 as pdfium
    from PIL import Image, ImageDraw

    document = pdfium.PdfDocument(str(pdf))
    try:
        scale = thumb_height / document[0].get_size()[1]
        thumbs = [document[i].render(scale=scale).to_pil() for i in range(len(document))]
    finally:
        document.close()
    width = thumbs[0].width
    spreads = _spreads(len(thumbs))
    rows = -(-len(spreads) // SPREADS_PER_ROW)
    sheet = Image.new("RGB", (SPREADS_PER_ROW * (2 * width + GAP) + GAP, rows * (thumb_height + 2 * GAP) + GAP), "#8a8a8a")
    draw = ImageDraw.Draw(sheet)
    for number, (left, right) in enumerate(spreads):
        x = GAP + (number % SPREADS_PER_ROW) * (2 * width + GAP)
        y = GAP + (number // SPREADS_PER_ROW) * (thumb_height + 2 * GAP)
        for offset, page in ((0, left), (width, right)):
            if page is not None:
                sheet.paste(thumbs[page], (x + offset, y))
                draw.text((x + offset + 2, y + thumb_height + 1), str(page + 1), fill="white")
    write_atomic(target, _png(sheet))
    return target


def _spreads(count: int) -> list[tuple[int | None, int | None]]:
    """Facing pages (0-based): the first page is a right-hand page on its own.

    >>> _spreads(4)
    [(None, 0), (1, 2), (3, None)]
    """
    pages: list[int | None] = [None, *range(count)]
    if len(pages) % 2:
        pages.append(None)
    return [(pages[i], pages[i + 1]) for i in range(0, len(pages), 2)]


def _png(image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=False)
    return buffer.getvalue()
