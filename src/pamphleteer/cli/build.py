"""Build the pamphlet: build/<slug>.pdf, build/<slug>-booklet.pdf and build/<slug>.epub.

By default the formats listed in pamphlet.toml; --format chooses (repeatable).
"""

from __future__ import annotations

import argparse

from ..commands.build import build
from ..project.manifest import FORMATS


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", dest="formats", action="append", choices=FORMATS, default=[],
                        metavar="FORMAT", help=f"one of {', '.join(FORMATS)}; repeat for several")


def run(args: argparse.Namespace, console) -> int:
    written = build(args.directory, args.formats, console.progress)
    for path in written:
        console.progress(f"wrote {path}")
    return 0
