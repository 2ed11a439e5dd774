"""Lint chapter files: notes referenced and defined once each, no raw HTML, sound front matter."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from ..chapters import read_chapter
from ..diagnostics import Diagnostic, Location, diagnose
from ..errors import ContentError

_REFERENCE = re.compile(r"\[\^([^\]\s]+)\](?!:)")
_DEFINITION = re.compile(r"^\[\^([^\]\s]+)\]:", re.M)
_RAW_HTML = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>|<!--")
_CODE = re.compile(r"`[^`\n]*`")


def lint_chapter(path: Path, shown: str) -> list[Diagnostic]:
    """Every problem found in one chapter file."""
    if not path.is_file():
        return [diagnose("c007", Location(shown))]
    try:
        chapter = read_chapter(path, shown)
    except ContentError as error:
        return [_unreadable(error, shown)]
    lines = chapter.body.split("\n")
    first = chapter.body_line
    problems: list[Diagnostic] = []
    references, definitions = _notes(lines, first)
    for label, line in references.items():
        if label not in definitions:
            problems.append(diagnose("c001", Location(shown, line), label=label))
    for label, line in definitions.items():
        if label not in references:
            problems.append(diagnose("c002", Location(shown, line), label=label))
    counts = Counter(label for line in lines for label in _DEFINITION.findall(line))
    for label, count in counts.items():
        if count > 1:
            problems.append(diagnose("c004", Location(shown, definitions[label]), label=label))
    for number, line in enumerate(lines, start=first):
        match = _RAW_HTML.search(_CODE.sub("", line.replace("\\<", "")))
        if match:
            problems.append(diagnose("c003", Location(shown, number), what=match.group(0)))
    if not str(chapter.meta.get("title", "")).strip():
        problems.append(diagnose("c005", Location(shown, 1), what="no `title:`."))
    return problems


def _unreadable(error: ContentError, shown: str) -> Diagnostic:
    """c005 for broken front matter, else c006 (not UTF-8, unreadable)."""
    what = error.message.split(": ", 1)[-1]
    location = Location(shown, _line_of(error.message))
    if "front matter" in what:
        return diagnose("c005", location, what=what.removeprefix("broken front matter: "))
    return diagnose("c006", location, what=what[:1].upper() + what[1:])


def _notes(lines: list[str], first: int) -> tuple[dict[str, int], dict[str, int]]:
    references: dict[str, int] = {}
    definitions: dict[str, int] = {}
    for number, line in enumerate(lines, start=first):
        for label in _DEFINITION.findall(line):
            definitions.setdefault(label, number)
        for label in _REFERENCE.findall(line):
            references.setdefault(label, number)
    return references, definitions


def _line_of(message: str) -> int:
    match = re.search(r":(\d+):", message)
    return int(match.group(1)) if match else 0
