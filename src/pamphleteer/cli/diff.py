"""Show what changed in the text since a previous edition.

AGAINST is a git ref (a tag such as v1, a commit, HEAD~3) or the EPUB of a
previous build. Without it: the last commit of the previous edition, found
in the git history of pamphlet.toml's edition number. Corrections are
applied on both sides, so the report shows the text as published:
each changed paragraph as one line, [-removed-]{+added+}, with its place.
"""

from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("against", nargs="?", metavar="AGAINST",
                        help="a git ref or a previous build's EPUB (default: the previous edition)")


def run(args: argparse.Namespace, console) -> int:
    from ..commands.diff import diff_editions

    console.out(diff_editions(args.directory, args.against))
    return 0
