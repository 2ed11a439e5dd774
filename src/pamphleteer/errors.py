"""Exceptions that reach the user: each owns its exit code and one sentence."""

from __future__ import annotations


class PamphleteerError(Exception):
    """An error the CLI reports as one sentence, without a traceback.

    Args:
        message: One sentence, naming the file (and line) where possible.
        hint: Optional advice on how to fix it.
    """

    exit_code = 1

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} {self.hint}".strip()

    def __reduce__(self):
        # Whole, hint and all, when raised in another process (a long book's chapters are read in several).
        return _restored, (type(self), self.__dict__)


def _restored(cls: type[PamphleteerError], state: dict) -> PamphleteerError:
    error = cls.__new__(cls)
    Exception.__init__(error, state.get("message", ""))
    error.__dict__.update(state)
    return error


class UsageError(PamphleteerError):
    """The command line was wrong: unknown option, missing file argument."""

    exit_code = 2


class ContentError(PamphleteerError):
    """An input file (manifest, seed, chapter, template) is wrong."""

    exit_code = 1


class ReportedErrors(ContentError):
    """One or more diagnostics of severity error were found.

    The CLI prints `diagnostics` one per line, then the message as a summary.

    Args:
        message: The summary sentence.
        diagnostics: The findings (Diagnostic), kept in file and line order.
    """

    def __init__(self, message: str, diagnostics: list | tuple = ()) -> None:
        super().__init__(message)
        self.diagnostics = sorted(diagnostics, key=lambda d: (d.location, d.code))
