"""Hand edits to chapters: found before normalise overwrites them, with a way to keep each one."""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from ..chapters import parse_chapter, stamp_state
from ..diagnostics import Diagnostic, Location, diagnose
from ..errors import ContentError, ReportedErrors
from .corrections import Correction, apply_corrections, occurrences

_DIFF_LINES = 16  # a short diff: the editor sees what --force would discard, not the whole chapter
_STAMP_LINE = re.compile(r"^normalised: .*\n", re.M)
_TOKEN = re.compile(r"\s+|\S+")


@dataclass(frozen=True)
class HandEdit:
    """A chapter that differs from what normalise would write, and was not written by it."""

    path: str  # the chapter file, relative to the project
    slug: str
    current: str  # the file as the editor left it
    fresh: str  # what normalise would write now, with the corrections already made applied

    def diagnostic(self) -> Diagnostic:
        """p005 at the first line of the file that differs from what normalise would write."""
        fresh, current = _stamped_like(self.fresh, self.current).split("\n"), self.current.split("\n")
        first = next((n for n, (a, b) in enumerate(zip(fresh, current), 1) if a != b), min(len(fresh), len(current)))
        return diagnose("p005", Location(self.path, first))

    def diff(self) -> list[str]:
        """A short unified diff from what normalise would write to the edited file."""
        lines = list(difflib.unified_diff(
            _stamped_like(self.fresh, self.current).splitlines(), self.current.splitlines(),
            f"{self.path} (as normalise and corrections.toml make it)", f"{self.path} (edited)", n=1, lineterm=""))
        if len(lines) > _DIFF_LINES:
            lines = [*lines[:_DIFF_LINES], f"… and {len(lines) - _DIFF_LINES} more lines of difference"]
        return lines

    def suggestions(self) -> list[tuple[str, str]] | None:
        """(find, replace) pairs that turn the normalised body into the edited one, or None if none do.

        Each pair is checked: applied in order to what normalise would
        write, they must give exactly the edited text.
        """
        fresh, current = _body(self.fresh, self.path), _body(self.current, self.path)
        pairs = [minimal_correction(old, new, fresh) for old, new in _changed_passages(fresh, current)]
        if not pairs or None in pairs:
            return None
        corrections = [Correction(self.slug, find, replace, "") for find, replace in pairs]
        body, problems = apply_corrections(fresh, corrections, self.path)
        return pairs if body == current and not problems else None

    def advice(self) -> list[str]:
        """How to keep the edit: corrections to paste, or why there are none."""
        if _body(self.fresh, self.path) == _body(self.current, self.path):
            return ["The edit is in the front matter; the chapter's facts belong in pamphlet.toml: "
                    "put it there, then run `pamphleteer normalise --force`."]
        pairs = self.suggestions()
        if pairs is None:
            return ["This edit cannot be turned into corrections automatically; write them by hand, "
                    "or keep a copy and use --force."]
        return ["To keep this edit, add to corrections.toml (and give each a reason):", "",
                *(_toml_entry(self.slug, find, replace) for find, replace in pairs)]


class EditedChapters(ReportedErrors):
    """normalise refused to overwrite chapters edited by hand; `edits` says which and how."""

    def __init__(self, edits: list[HandEdit]) -> None:
        count = len(edits)
        super().__init__(f"{count} chapter{'s were' if count != 1 else ' was'} edited by hand; "
                         "no chapter was written.", [edit.diagnostic() for edit in edits])
        self.edits = edits

    def explanation(self) -> str:
        """The diffs, then the corrections that would keep the edits."""
        parts = []
        for edit in self.edits:
            parts += ["", *edit.diff(), "", *edit.advice()]
        return "\n".join(parts).strip("\n")


def find_hand_edits(root: Path, fresh: list[tuple[str, str, str]], corrections: list[Correction]) -> list[HandEdit]:
    """The chapters normalise must not overwrite.

    Args:
        root: The project.
        fresh: (path, slug, text normalise would write) for every chapter.
        corrections: The corrections that apply; an edit they reproduce is kept by them.
    """
    edits = []
    for path, slug, text in fresh:
        try:
            current = (root / path).read_bytes().decode("utf-8", errors="replace")
        except FileNotFoundError:
            continue
        if current == text or stamp_state(current) == "generated":
            continue
        expected = _corrected(text, [c for c in corrections if c.chapter == slug], path)
        if _unstamp(current) != _unstamp(expected):
            edits.append(HandEdit(path, slug, current, expected))
    return edits


def _corrected(text: str, corrections: list[Correction], path: str) -> str:
    chapter = parse_chapter(text, Path(path), path)
    body, _problems = apply_corrections(chapter.body, corrections, path)
    return text[: len(text) - len(chapter.body)] + body


def _unstamp(text: str) -> str:
    return _STAMP_LINE.sub("", text, count=1)


def _stamped_like(fresh: str, current: str) -> str:
    """`fresh` with the stamp line `current` has (or none), so a diff shows only the edit, at file lines."""
    stamp = _STAMP_LINE.search(current)
    return _STAMP_LINE.sub(lambda _: stamp.group(0), fresh, count=1) if stamp else _unstamp(fresh)


def _body(text: str, path: str) -> str:
    try:
        return parse_chapter(text, Path(path), path).body
    except ContentError:  # broken front matter: compare whole files
        return text


def _changed_passages(old: str, new: str) -> list[tuple[str, str]]:
    """Each changed run of lines, with one unchanged line either side, old and new."""
    a, b = old.split("\n"), new.split("\n")
    passages = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag != "equal":
            passages.append(("\n".join(a[max(0, i1 - 1): i2 + 1]), "\n".join(b[max(0, j1 - 1): j2 + 1])))
    return passages


def minimal_correction(old: str, new: str, text: str) -> tuple[str, str] | None:
    """The shortest (find, replace) turning `old` into `new` whose `find` occurs once in `text`.

    The changed words are widened a word at a time, right then left, until unique.

    >>> minimal_correction("the sta- pled spine", "the stapled spine", "the sta- pled spine")
    ('sta- pled', 'stapled')
    >>> minimal_correction("Why not", "## Why not", "Why not")
    ('Why', '## Why')
    >>> minimal_correction("a b a", "a c a", "a b a b")
    ('b a', 'c a')
    """
    if old == new:
        return None
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    head = _common(a, b)
    tail = _common(a[head:][::-1], b[head:][::-1])
    start, end, extra = head, len(a) - tail, len(b) - len(a)
    for start, end in _widenings(a, start, end):
        find = "".join(a[start:end])
        if find.strip() and len(occurrences(text, find)) == 1:
            return find, "".join(b[start:end + extra])
    return None


def _widenings(tokens: list[str], start: int, end: int):
    """The span, then wider spans: a word more on the right, then on the left, in turn."""
    yield start, end
    while start > 0 or end < len(tokens):
        if end < len(tokens):
            end = min(len(tokens), end + (2 if tokens[end].isspace() else 1))
            yield start, end
        if start > 0:
            start = max(0, start - (2 if tokens[start - 1].isspace() else 1))
            yield start, end


def _common(a: list[str], b: list[str]) -> int:
    count = 0
    while count < min(len(a), len(b)) and a[count] == b[count]:
        count += 1
    return count


def _toml_entry(slug: str, find: str, replace: str) -> str:
    # JSON strings are valid TOML basic strings, escapes included.
    return "\n".join(["[[corrections]]", f"chapter = {json.dumps(slug)}",
                      f"find = {json.dumps(find, ensure_ascii=False)}",
                      f"replace = {json.dumps(replace, ensure_ascii=False)}", 'reason = ""', ""])
