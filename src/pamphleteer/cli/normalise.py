"""Normalise seeds into clean chapter Markdown.

Without FILE: every chapter listed in pamphlet.toml, from seeds/ into
chapters/, plus build/normalise-report.md (what changed, what was removed,
what needs an editor's eye). A chapter edited by hand since normalise wrote
it is not overwritten: the command shows the edit, suggests a correction
for corrections.toml that keeps it, and writes nothing (--force discards
the edits). Every correction must still match its chapter exactly once.
Seeds are normalised several at once when there is enough text;
PAMPHLETEER_WORKERS sets how many (default: every core).

With FILE: that one file, no manifest needed; the chapter goes to stdout
(or to -o OUT.md), and --report REPORT.md lists what was changed, removed
and left for review. Use FILE `-` to read standard input.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from ..project.manifest import KINDS


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", nargs="?", type=Path, help="one seed file to normalise (- for stdin)")
    parser.add_argument("--from", dest="kind", default="auto", choices=KINDS, metavar="KIND",
                        help=f"what the file is: {', '.join(KINDS)} (default: auto)")
    parser.add_argument("-o", "--output", type=Path, help="write the chapter here instead of stdout")
    parser.add_argument("--report", type=Path, metavar="REPORT.md",
                        help="with FILE: write what was changed, removed and left to review here")
    parser.add_argument("--force", action="store_true",
                        help="overwrite chapters edited by hand (their edits are lost)")


def run(args: argparse.Namespace, console) -> int:
    if args.file is None:
        if args.report is not None:
            console.error("error: --report is for one FILE; a project's report is build/normalise-report.md.")
            return 2
        return _normalise_project(args, console)
    from ..commands.normalise import normalise_file

    clash = _clash(args)
    if clash:
        console.error(f"error: {clash}; nothing written.")
        return 2
    if str(args.file) == "-":
        return _normalise_stdin(args, console)
    text, result = normalise_file(args.file, args.kind, args.output)
    _tell(args, console, str(args.file), result)
    if args.output is None:
        console.out(text)
    return 0


def _clash(args: argparse.Namespace) -> str:
    """Why the paths given cannot be written, if they clash: a seed is never overwritten."""
    def same(one: Path | None, other: Path | None) -> bool:
        return one is not None and other is not None and str(other) != "-" and one.resolve() == other.resolve()

    if same(args.output, args.file) or same(args.report, args.file):
        return f"{args.file} is the file being normalised; write the chapter or report elsewhere"
    if same(args.report, args.output):
        return f"--report and -o both name {args.output}"
    return ""


def _tell(args: argparse.Namespace, console, shown: str, result) -> None:
    """Say how the file was read and what was removed or left for review; write the report if asked."""
    from ..commands.normalise import file_report
    from ..files import write_atomic

    removed = sum(1 for change in result.changes if change.action == "removed")
    review = sum(1 for change in result.changes if change.action == "review")
    summary = (f"{shown}: {result.reading}; {removed} removal{'s' * (removed != 1)}, "
               f"{review} item{'s' * (review != 1)} to review")
    if args.report is not None:
        write_atomic(args.report, file_report(result, shown, str(args.output or shown)))
        console.progress(f"{summary}, listed in {args.report}.")
    else:
        console.progress(f"{summary} (--report REPORT.md lists them).")


def _normalise_project(args: argparse.Namespace, console) -> int:
    from ..commands.normalise import REPORT, normalise_project
    from ..project.handedits import EditedChapters

    try:
        reports = normalise_project(args.directory, console.progress, force=args.force)
    except EditedChapters as refused:
        for line in refused.diagnostics:
            console.error(str(line))
        console.error(refused.explanation())
        console.error(f"error: {refused}")
        return refused.exit_code
    removed = sum(len(r.removals) for r in reports)
    review = sum(len(r.review) for r in reports)
    count = len(reports)
    console.progress(f"Normalised {count} chapter{'s' * (count != 1)}; {removed} removals and {review} items "
                     f"to review are listed in {REPORT}.")
    return 0


def _normalise_stdin(args: argparse.Namespace, console) -> int:
    from ..commands.normalise import normalise_file

    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "stdin.txt"
        path.write_text(console.stdin.read(), encoding="utf-8")
        text, result = normalise_file(path, args.kind, args.output)
        _tell(args, console, "stdin", result)
    if args.output is None:
        console.out(text.replace(str(path), "-"))
    return 0
