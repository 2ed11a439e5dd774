"""Create a new pamphlet project in DIR that normalises and builds as it is."""

from __future__ import annotations

import argparse
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("target", type=Path, metavar="DIR", help="where to create the project (must not exist or be empty)")


def run(args: argparse.Namespace, console) -> int:
    from ..project.scaffold import scaffold  # here, not above: every command's start-up would pay for it

    created = scaffold(args.target)
    console.progress(f"Created a pamphlet project in {created}. Next: cd {created} && pamphleteer normalise && pamphleteer build")
    return 0
