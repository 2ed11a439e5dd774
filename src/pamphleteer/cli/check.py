"""Check the pamphlet: lint chapters and validate the built outputs.

Prints one line per finding, `path:line: severity code: message`, and
exits 1 if any is an error (or, with --strict, a warning).
"""

from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--strict", action="store_true", help="treat warnings as errors")


def run(args: argparse.Namespace, console) -> int:
    from ..commands.check import check  # here, not above: every command's start-up would pay for it

    report = check(args.directory, console.progress)
    for line in report.lines():
        console.out(f"{line}\n")
    errors, warnings = len(report.errors), len(report.warnings)
    console.progress(f"check: {errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}.")
    return 1 if report.failed(args.strict) else 0
