"""Turn broken web and PDF texts into clean, reproducible pamphlets.

Run inside a pamphlet project (or name one with -C). Exit status: 0 success,
1 content errors, 2 usage errors.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from pathlib import Path
from typing import TextIO

from .. import __version__
from ..errors import PamphleteerError
from . import build, check, diff, new, normalise, preview
from .console import Console

COMMANDS = {"normalise": normalise, "build": build, "check": check, "diff": diff, "new": new, "preview": preview}


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of exiting, so main() owns the exit code."""

    def error(self, message: str):
        raise _UsageProblem(f"{self.prog}: {message}")


class _UsageProblem(Exception):
    pass


def make_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="pamphleteer", description=__doc__,
                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"pamphleteer {__version__}")
    parser.add_argument("-C", "--directory", type=Path, default=Path("."),
                        help="the pamphlet project (default: the current directory)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name, module in COMMANDS.items():
        doc = module.__doc__ or ""
        sub = commands.add_parser(name, help=doc.split("\n")[0], description=doc,
                                  formatter_class=argparse.RawDescriptionHelpFormatter)
        module.add_arguments(sub)
    return parser


def main(argv: list[str] | None = None, stdin: TextIO | None = None,
         stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    """Run pamphleteer; returns the exit status (also used as the process's)."""
    console = Console(stdin or sys.stdin, stdout or sys.stdout, stderr or sys.stderr)
    parser = make_parser()
    try:
        with contextlib.redirect_stdout(console.stdout):
            args = parser.parse_args(argv)
    except _UsageProblem as problem:
        console.error(str(problem))
        return 2
    except SystemExit as done:  # --help and --version
        return int(done.code or 0)
    if not args.command:
        parser.print_help(console.stdout)
        return 2
    try:
        return COMMANDS[args.command].run(args, console)
    except PamphleteerError as error:
        for line in getattr(error, "diagnostics", []):
            console.error(str(line))
        console.error(f"error: {error}")
        return error.exit_code
    except OSError as error:  # a disk, a permission: say which file, not where in the code
        place = f"{error.filename}: " if error.filename else ""
        console.error(f"error: {place}{error.strerror or error}.")
        return 1
    except KeyboardInterrupt:
        console.error("interrupted; outputs already written are complete, the rest were not started.")
        return 130


def entry() -> None:
    sys.exit(main())
