"""Where the CLI writes: results to stdout, progress and diagnostics to stderr."""

from __future__ import annotations

from typing import TextIO


class Console:
    """The CLI's three streams; progress shows only on a terminal or when asked."""

    def __init__(self, stdin: TextIO, stdout: TextIO, stderr: TextIO) -> None:
        self.stdin = stdin
        self.stdout = stdout
        self.stderr = stderr
        self.quiet = False

    def progress(self, message: str) -> None:
        if not self.quiet:
            self.stderr.write(f"{message}\n")
            self.stderr.flush()

    def error(self, message: str) -> None:
        self.stderr.write(f"{message}\n")
        self.stderr.flush()

    def out(self, text: str) -> None:
        self.stdout.write(text)
