"""Build the pamphlet: build/<slug>.pdf, build/<slug>-booklet.pdf and build/<slug>.epub.

By default the formats listed in pamphlet.toml; --format chooses (repeatable).
From the second edition on, the file names carry the edition
(build/<slug>-2nd-edition.pdf, ...), so a printer cannot mix two up.

An output whose inputs (chapters, corrections, manifest, references, styles,
templates, pamphleteer and its libraries) have not changed since it was built
is left as it is; --force rebuilds it anyway. Outputs are byte-identical from
one build to the next; SOURCE_DATE_EPOCH, if set, dates them.

A book longer than about two hundred pages is typeset in parts, several at
once, and assembled; PAMPHLETEER_WORKERS sets how many at once (default:
every core).
"""

from __future__ import annotations

import argparse

from ..project.manifest import FORMATS


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", dest="formats", action="append", choices=FORMATS, default=[],
                        metavar="FORMAT", help=f"one of {', '.join(FORMATS)}; repeat for several")
    parser.add_argument("--force", action="store_true", help="rebuild outputs even if their inputs have not changed")


def run(args: argparse.Namespace, console) -> int:
    from ..commands.build import build

    written = build(args.directory, args.formats, console.progress, force=args.force)
    for path in written:
        console.progress(f"wrote {path}")
    return 0
