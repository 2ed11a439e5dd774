"""Build the outputs: chapters -> model -> PDF, booklet, EPUB (and HTML on request)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from ..errors import UsageError
from ..files import write_atomic
from ..model.load import load_edition
from ..project.manifest import FORMATS, load_manifest
from ..render.booklet import render_booklet
from ..render.context import BuildContext, build_moment
from ..render.epub import render_epub
from ..render.pdf import layout, print_html, render_pdf

BUILD = "build"

Progress = Callable[[str], None]


def build(root: Path, formats: Sequence[str] = (), progress: Progress = lambda _: None) -> list[Path]:
    """Build the requested formats (default: the manifest's) into build/.

    Returns:
        The paths written, in the order they were made.
    """
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise UsageError(f"unknown format {unknown[0]!r}; choose from {', '.join(FORMATS)}.")
    manifest = load_manifest(root)
    wanted = list(formats or manifest.formats)
    progress("Step 1 - reading chapters")
    edition = load_edition(root, manifest)
    context = BuildContext(edition, root, root / BUILD, build_moment(edition))
    written: list[Path] = []
    step = 2
    if "html" in wanted:
        progress(f"Step {step} - writing HTML")
        target = context.output(".html")
        write_atomic(target, print_html(context))
        written.append(target)
        step += 1
    document = None
    if {"pdf", "booklet", "epub"} & set(wanted):
        progress(f"Step {step} - laying out the pages")
        document = layout(context)  # the EPUB cites the print pages, so it needs this too
        step += 1
    if "pdf" in wanted or "booklet" in wanted:
        progress(f"Step {step} - writing the PDF")
        pdf = render_pdf(context, document)
        written.append(pdf)
        step += 1
        if "booklet" in wanted:
            progress(f"Step {step} - imposing the booklet")
            written.append(render_booklet(context, pdf))
            step += 1
    if "epub" in wanted:
        progress(f"Step {step} - making the EPUB")
        written.append(render_epub(context, document))
    return written
