"""Check corrections.toml: well-formed, and each entry matches its chapter exactly once."""

from __future__ import annotations

import re
from pathlib import Path

from ..chapters import read_chapter
from ..diagnostics import Diagnostic, Location, diagnose
from ..errors import ContentError, ReportedErrors
from ..project.corrections import CORRECTIONS, apply_corrections, due, load_corrections
from ..project.manifest import Manifest


def check_corrections(root: Path, manifest: Manifest) -> list[Diagnostic]:
    """Every problem with the corrections of this edition (chapters that cannot be read are linted elsewhere)."""
    try:
        corrections = load_corrections(root, {spec.slug for spec in manifest.chapters})
    except ReportedErrors as errors:
        return list(errors.diagnostics)
    except ContentError as error:
        line = re.match(rf"{re.escape(CORRECTIONS)}:(\d+):", error.message)
        return [diagnose("p004", Location(CORRECTIONS, int(line.group(1)) if line else 0),
                         what=error.message.split(": ", 1)[-1])]
    problems: list[Diagnostic] = []
    for spec in manifest.chapters:
        mine = due(corrections, spec.slug, manifest.edition)
        if not mine or not (root / spec.path).is_file():
            continue
        try:
            chapter = read_chapter(root / spec.path, spec.path)
        except ContentError:
            continue
        problems += apply_corrections(chapter.body, mine, spec.path, chapter.body_line)[1]
    return problems
