"""corrections.toml: editorial corrections applied after normalisation, each matching exactly once."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from pathlib import Path

from ..chapters import ChapterFile
from ..diagnostics import Diagnostic, Location, diagnose
from ..errors import ContentError, ReportedErrors
from ..model import nodes as n
from .tomlfile import parse_toml

CORRECTIONS = "corrections.toml"
_ENTRY = re.compile(r"^\s*\[\[\s*corrections\s*\]\]")
_KEYS = ("chapter", "find", "replace", "reason", "edition")
_SHOWN = 60  # characters of a `find` text quoted in a message


@dataclass(frozen=True)
class Correction:
    """One `[[corrections]]` entry.

    Attributes:
        chapter: The chapter's slug in pamphlet.toml.
        find: Text of the normalised chapter to replace; it must occur exactly once.
        replace: What the text becomes.
        reason: Why, as the colophon lists it.
        edition: The edition it first appears in (0: not given, so the current one).
        line: Line of its `[[corrections]]` header in corrections.toml.
    """

    chapter: str
    find: str
    replace: str
    reason: str
    edition: int = 0
    line: int = 0

    @property
    def location(self) -> Location:
        return Location(CORRECTIONS, self.line)

    def due(self, edition: int) -> bool:
        """Whether the correction is part of `edition`; one for a later edition waits.

        >>> Correction("a", "x", "y", "typo", edition=2).due(1)
        False
        """
        return self.edition <= edition


def load_corrections(root: Path, chapters: set[str]) -> list[Correction]:
    """Read and check corrections.toml (no file: no corrections).

    Args:
        root: The project.
        chapters: The chapter slugs pamphlet.toml lists.

    Raises:
        ContentError: the file is not UTF-8 or not TOML.
        ReportedErrors: one p004 diagnostic per problem in the entries, all at once.
    """
    path = root / CORRECTIONS
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    except UnicodeDecodeError:
        raise ContentError(f"{CORRECTIONS}: the file is not UTF-8 text.") from None
    return parse_corrections(text, chapters)


def parse_corrections(text: str, chapters: set[str]) -> list[Correction]:
    """The corrections in the text of a corrections.toml (see `load_corrections`)."""
    return _Validator(text, chapters).entries(parse_toml(text, CORRECTIONS))


class _Validator:
    """Checks every entry, collecting problems instead of stopping at the first."""

    def __init__(self, text: str, chapters: set[str]) -> None:
        self.lines = [number for number, line in enumerate(text.split("\n"), 1) if _ENTRY.match(line)]
        self.chapters = chapters
        self.problems: list[Diagnostic] = []

    def problem(self, line: int, what: str) -> None:
        self.problems.append(diagnose("p004", Location(CORRECTIONS, line), what=what))

    def entries(self, data: dict) -> list[Correction]:
        for key in sorted(set(data) - {"corrections"}):
            self.problem(1, f"unknown key `{key}`; write each correction as a [[corrections]] table.")
        entries = data.get("corrections", [])
        if not isinstance(entries, list) or not all(isinstance(entry, dict) for entry in entries):
            self.problem(1, "`corrections` must be a list of [[corrections]] tables.")
            entries = []
        corrections = [self.entry(entry, index) for index, entry in enumerate(entries)]
        if self.problems:
            count = len(self.problems)
            raise ReportedErrors(f"{CORRECTIONS} has {count} problem{'s' * (count != 1)}.", self.problems)
        return corrections

    def entry(self, data: dict, index: int) -> Correction:
        line = self.lines[index] if index < len(self.lines) else 1
        number = f"correction {index + 1}"
        for key in sorted(set(data) - set(_KEYS)):
            self.problem(line, f"{number}: unknown key `{key}`; known keys: {', '.join(_KEYS)}.")
        chapter = self.text(data, "chapter", line, number)
        if chapter and chapter not in self.chapters:
            known = ", ".join(sorted(self.chapters))
            self.problem(line, f"{number}: no chapter has the slug {chapter!r}; pamphlet.toml lists {known}.")
        find, replace = self.text(data, "find", line, number), self.text(data, "replace", line, number, empty=True)
        if find and find == replace:
            self.problem(line, f"{number}: `find` and `replace` are the same text.")
        reason = self.text(data, "reason", line, number)
        return Correction(chapter, find, replace, reason, self.edition(data, line, number), line)

    def text(self, data: dict, key: str, line: int, number: str, empty: bool = False) -> str:
        value = data.get(key)
        if not isinstance(value, str) or not (empty or value.strip()):
            need = "text (it may be empty)" if empty else "some text"
            self.problem(line, f"{number}: `{key}` must be {need}.")
            return ""
        return value

    def edition(self, data: dict, line: int, number: str) -> int:
        value = data.get("edition", 0)
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            self.problem(line, f"{number}: `edition` must be a whole number from 1 (the edition it first appears in).")
            return 0
        return value


def due(corrections: list[Correction], chapter: str, edition: int) -> list[Correction]:
    """The corrections of one chapter that belong in `edition`, in file order."""
    return [c for c in corrections if c.chapter == chapter and c.due(edition)]


def apply_corrections(body: str, corrections: list[Correction], shown: str,
                      first_line: int = 1) -> tuple[str, list[Diagnostic]]:
    """Apply corrections in order, each to the text the previous ones left.

    Args:
        body: The chapter's Markdown body.
        corrections: The chapter's corrections.
        shown: The chapter file, as messages name it.
        first_line: The file line where `body` begins, so messages point into the file.

    Returns:
        The corrected body, and a p003 diagnostic for each correction that
        matched nothing or more than once (left unapplied).

    >>> apply_corrections("sta- pled once", [Correction("a", "sta- pled", "stapled", "hyphen")], "a.md")
    ('stapled once', [])
    """
    problems = []
    for correction in corrections:
        starts = occurrences(body, correction.find)
        if len(starts) == 1:
            body = body[: starts[0]] + correction.replace + body[starts[0] + len(correction.find):]
        else:
            lines = [first_line + body.count("\n", 0, start) for start in starts]
            problems.append(_mismatch(correction, body, lines, shown))
    return body, problems


def occurrences(text: str, find: str) -> list[int]:
    """Where `find` starts in `text`, overlapping matches included.

    >>> occurrences("aaa", "aa")
    [0, 1]
    """
    return [match.start() for match in re.finditer(f"(?={re.escape(find)})", text)]


def _mismatch(correction: Correction, body: str, lines: list[int], shown: str) -> Diagnostic:
    find = _quote(correction.find)
    if not lines:
        what = f"the correction to {shown} matches nothing: {find} is not in the chapter"
        if correction.replace and correction.replace in body:
            what += (f", which already reads {_quote(correction.replace)}: remove the correction if that is now "
                     "the normalised text, or run `pamphleteer normalise` if the chapter was edited by hand")
        else:
            what += "; the text has changed since the correction was written: update or remove it"
    else:
        what = f"the correction to {shown} matches {len(lines)} times ({_lines(lines)}): add words around {find} so it matches once"
    return diagnose("p003", correction.location, what=what + ".")


def _lines(lines: list[int]) -> str:
    """
    >>> _lines([4, 9, 9]), _lines([7, 7])
    ('lines 4 and 9', 'line 7')
    """
    unique = sorted(set(lines))
    if len(unique) == 1:
        return f"line {unique[0]}"
    return "lines " + ", ".join(str(line) for line in unique[:-1]) + f" and {unique[-1]}"


def _quote(text: str) -> str:
    """A `find` text as a message quotes it: short, on one line."""
    flat = text.replace("\n", "⏎")
    return f"“{flat if len(flat) <= _SHOWN else flat[: _SHOWN - 1] + '…'}”"


def correct_chapter(chapter: ChapterFile, corrections: list[Correction], shown: str) -> ChapterFile:
    """The chapter with its corrections applied.

    Raises:
        ReportedErrors: a correction matched nothing or more than once.
    """
    body, problems = apply_corrections(chapter.body, corrections, shown, chapter.body_line)
    if problems:
        raise ReportedErrors(f"{shown}: {len(problems)} correction{'s' * (len(problems) != 1)} "
                             "cannot be applied.", problems)
    return dataclasses.replace(chapter, body=body)


def colophon(corrections: list[Correction], edition: int, titles: dict[str, str]) -> tuple[n.Correction, ...]:
    """The corrections an edition's colophon lists, naming chapters by their titles.

    A reader sees the texts as they read, on one line: a line break that
    anchors a `find` prints as nothing.

    >>> colophon([Correction("a", "the end\\n", "the end.\\n", "full stop")], 1, {"a": "Preface"})
    (Correction(chapter='Preface', find='the end', replace='the end.', reason='full stop'),)
    """
    return tuple(n.Correction(titles.get(c.chapter, c.chapter), _flat(c.find), _flat(c.replace), c.reason)
                 for c in corrections if c.due(edition))


def _flat(text: str) -> str:
    return " ".join(text.split())
