"""Preview the built PDF without a PDF viewer: PNG images of pages and a contact sheet.

Writes page-NNN.png for the chosen pages (default: all) and contact-sheet.png,
every page as a thumbnail in facing pairs as the reader sees them, into
build/preview/ (or -o DIR). Build the PDF first with `pamphleteer build`.
"""

from __future__ import annotations

import argparse
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--pages", metavar="PAGES", help="pages to render, e.g. 1-12 or 3,5,9-10 (default: all)")
    parser.add_argument("-o", "--output", type=Path, metavar="DIR", help="where to write the images (default: build/preview/)")
    parser.add_argument("--dpi", type=int, default=110, help="resolution of the page images (default: 110)")


def run(args: argparse.Namespace, console) -> int:
    from ..commands.preview import preview  # here, not above: every command's start-up would pay for it

    written = preview(args.directory, args.pages, args.output, args.dpi, console.progress)
    console.progress(f"wrote {len(written) - 1} page images and {written[-1]}")
    return 0
