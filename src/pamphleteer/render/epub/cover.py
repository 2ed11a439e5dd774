"""The EPUB's cover image: the print edition's cover page, rendered to PNG."""

from __future__ import annotations

import io

COVER_HEIGHT = 1600  # pixels: sharp on e-ink and phone screens, small enough to send by e-mail


def cover_png(document) -> bytes:
    """Render page 1 of a laid-out WeasyPrint Document as a PNG.

    The same page the printer gets, so the book looks the same on the shelf
    and in the library view; pypdfium2 renders the page, Pillow writes it
    without timestamps, so the bytes are the same on every build.
    """
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(document.copy(document.pages[:1]).write_pdf())
    try:
        page = pdf[0]
        scale = COVER_HEIGHT / page.get_height()
        image = _grey_if_colourless(page.render(scale=scale).to_pil())
    finally:
        pdf.close()
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def _grey_if_colourless(image):
    """Grey when the page has no colour of its own: a third of the bytes, the same look."""
    grey = image.convert("L")
    return grey if grey.convert(image.mode).tobytes() == image.tobytes() else image
