"""Small PDFs for print tests, typeset by the same WeasyPrint path as the pamphlet."""

from __future__ import annotations

from pathlib import Path

from pamphleteer.render.geometry import GEOMETRIES
from pamphleteer.render.pdf import pdf_bytes, typeset


def typeset_pdf(body: str, css: str = "", root: Path = Path("."), page_size: str = "a5", tagged: bool = True) -> bytes:
    """`body` HTML on pages of `page_size` with our geometry, as PDF bytes (tagged like the pamphlet)."""
    html = (f'<html lang="en"><head><title>Sample</title><style>{GEOMETRIES[page_size].css()}{css}</style>'
            f"</head><body>{body}</body></html>")
    document = typeset(html, root)
    return pdf_bytes(document) if tagged else document.write_pdf()


def numbered_pages(count: int, back_cover: bool = True) -> bytes:
    """`count` A5 pages saying "Page N"; the last one is the back cover if `back_cover`."""
    pages = [f'<p class="page"{" id=back-cover" if back_cover and n == count else ""}>Page {n}</p>'
             for n in range(1, count + 1)]
    css = "p.page { break-before: page; font-size: 30pt; margin: 0; } p.page:first-child { break-before: auto; }"
    return typeset_pdf("".join(pages), css)
