"""CLI transcripts: Markdown files of cases, each a project change, commands and what they print.

A transcript (tests/cli/*.md) is a list of `## ` cases. Each case starts
from a copy of a fresh starter project that has been normalised and built,
then applies its fenced blocks in order:

    ```file PATH [latin-1|utf-16|hex]     the file's new content (hex: bytes as hex digits)
    ```delete                             one path per line, deleted
    ```                                   commands: `% pamphleteer ARGS` (run in the project),
                                          then stdout lines, `2> ` stderr lines and `=> CODE`

Progress lines ("Step …") are left out of stderr; the project's path reads {project}.
"""

from __future__ import annotations

import hashlib
import io
import shlex
from dataclasses import dataclass, field
from pathlib import Path

from pamphleteer.cli import main

_ENCODINGS = {"latin-1": "latin-1", "utf-16": "utf-16", "": "utf-8"}


@dataclass
class Command:
    argv: list[str]
    stdout: list[str] = field(default_factory=list)
    stderr: list[str] = field(default_factory=list)
    code: int = 0

    def render(self) -> str:
        lines = [f"% pamphleteer {shlex.join(self.argv)}", *self.stdout, *(f"2> {line}" for line in self.stderr)]
        return "\n".join([*lines, f"=> {self.code}"]) + "\n"


@dataclass
class Block:
    info: str
    body: str
    span: tuple[int, int]  # where the block's body lies in the file

    def commands(self) -> list[Command]:
        commands: list[Command] = []
        for line in self.body.splitlines():
            if line.startswith("% pamphleteer"):
                commands.append(Command(shlex.split(line)[2:]))
            elif line.startswith("=> "):
                commands[-1].code = int(line[3:])
            elif line.startswith("2> ") or line == "2>":
                commands[-1].stderr.append(line[3:])
            else:
                commands[-1].stdout.append(line)
        return commands


@dataclass
class Case:
    title: str
    blocks: list[Block]


def parse(text: str) -> list[Case]:
    """The cases of a transcript, in order (a `## ` line inside a fenced block is content)."""
    cases: list[Case] = []
    fence: tuple[str, int] | None = None  # the open block's info and where its body starts
    offset = 0
    for line in text.splitlines(keepends=True):
        if fence is None and line.startswith("## "):
            cases.append(Case(line[3:].strip(), []))
        elif fence is None and line.startswith("```"):
            fence = (line[3:].strip(), offset + len(line))
        elif fence is not None and line.rstrip("\n") == "```":
            cases[-1].blocks.append(Block(fence[0], text[fence[1]:offset], (fence[1], offset)))
            fence = None
        offset += len(line)
    return cases


def prepare(project: Path, block: Block) -> None:
    """Apply a `file` or `delete` block to the project."""
    words = block.info.split()
    if words[0] == "delete":
        for name in block.body.split():
            (project / name).unlink()
        return
    target = project / words[1]
    target.parent.mkdir(parents=True, exist_ok=True)
    how = words[2] if len(words) > 2 else ""
    data = bytes.fromhex("".join(block.body.split())) if how == "hex" else block.body.encode(_ENCODINGS[how])
    target.write_bytes(data)


def run(project: Path, command: Command) -> Command:
    """Run one command in the project; its output as the transcript shows it."""
    out, err = io.StringIO(), io.StringIO()
    code = main(list(command.argv), stdin=io.StringIO(""), stdout=out, stderr=err)
    shown = str(project.resolve())
    stdout = out.getvalue().replace(shown, "{project}").splitlines()
    stderr = [line for line in err.getvalue().replace(shown, "{project}").splitlines() if not line.startswith("Step ")]
    return Command(command.argv, stdout, stderr, code)


def snapshot(project: Path) -> dict[str, str]:
    """Digests of the outputs and chapters, to show that a failing command changed none of them."""
    files = [*project.glob("build/*"), *project.glob("chapters/*")]
    return {str(p.relative_to(project)): hashlib.sha256(p.read_bytes()).hexdigest() for p in files if p.is_file()}


def rewrite(text: str, title: str, bodies: list[str]) -> str:
    """The transcript with one case's command blocks replaced by `bodies` (for --update-golden)."""
    case = next(case for case in parse(text) if case.title == title)
    spans = [block.span for block in case.blocks if not block.info]
    for (start, end), body in sorted(zip(spans, bodies, strict=True), reverse=True):
        text = text[:start] + body + text[end:]
    return text
