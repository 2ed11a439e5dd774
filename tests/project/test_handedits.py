"""Hand edits survive normalise: stamped chapters, refused overwrites, corrections that keep the edit."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pamphleteer.chapters import stamp_chapter, stamp_state
from pamphleteer.commands.normalise import normalise_project
from pamphleteer.project.corrections import Correction, apply_corrections
from pamphleteer.project.handedits import EditedChapters, minimal_correction

CHAPTER = "chapters/01-on-pamphlets.md"


@pytest.fixture
def project(normalised_starter: Path, copy_of) -> Path:
    return copy_of(normalised_starter)


def _edit(root: Path, old: str, new: str) -> str:
    path = root / CHAPTER
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path.read_text(encoding="utf-8")


def test_normalise_stamps_what_it_writes(normalised_starter: Path):
    text = (normalised_starter / CHAPTER).read_text(encoding="utf-8")
    assert stamp_state(text) == "generated"
    assert "\nnormalised: sha256-" in text.split("\n---\n")[0]


def test_any_change_breaks_the_stamp():
    stamped = stamp_chapter("---\ntitle: A\n---\n\nOne.\n")
    assert stamp_state(stamped.replace("One.", "One!")) == "edited"
    assert stamp_state(stamped.replace("title: A", "title: B")) == "edited"
    assert stamp_state(stamped + "\n") == "edited"
    assert stamp_state("---\ntitle: A\n---\n\nOne.\n") == "unstamped"


def test_an_unedited_chapter_is_regenerated(project: Path):
    (project / CHAPTER).write_text(stamp_chapter("---\ntitle: Old\n---\n\nOld text.\n"), encoding="utf-8")
    normalise_project(project)
    assert "Old text." not in (project / CHAPTER).read_text(encoding="utf-8")


def test_a_rerun_leaves_files_that_would_not_change_untouched(project: Path):
    chapter, report = project / CHAPTER, project / "build" / "normalise-report.json"
    for path in (chapter, report):
        os.utime(path, ns=(1_000_000_000, 1_000_000_000))  # a time no write would give
    normalise_project(project)
    assert chapter.stat().st_mtime_ns == report.stat().st_mtime_ns == 1_000_000_000


def test_an_edited_chapter_is_refused_and_nothing_is_written(project: Path):
    edited = _edit(project, "Two staples are enough", "Two staples suffice")
    report = project / "build" / "normalise-report.md"
    report_before = report.read_bytes()
    with pytest.raises(EditedChapters) as refused:
        normalise_project(project)
    assert (project / CHAPTER).read_text(encoding="utf-8") == edited
    assert report.read_bytes() == report_before
    [diagnostic] = refused.value.diagnostics
    assert (diagnostic.code, diagnostic.location.path) == ("p005", CHAPTER)
    assert edited.split("\n")[diagnostic.location.line - 1].startswith("[^1]: Two staples suffice")
    explanation = refused.value.explanation()
    assert "-[^1]: Two staples are enough" in explanation and "+[^1]: Two staples suffice" in explanation
    assert 'find = "are enough"\nreplace = "suffice"\nreason = ""' in explanation


def test_force_discards_the_edit(project: Path):
    _edit(project, "Two staples are enough", "Two staples suffice")
    normalise_project(project, force=True)
    assert "Two staples are enough" in (project / CHAPTER).read_text(encoding="utf-8")


EDITS = [
    ("a word", "cheaply printed", "printed cheaply"),
    ("a heading made a paragraph", "## Why Pamphlets Last", "Why Pamphlets Last"),
    ("a word removed", "a short text, cheaply", "a text, cheaply"),
    ("a paragraph added", "That last part", "A new paragraph.\n\nThat last part"),
    ("a paragraph removed", "\n\nThat last part is why this project exists: a correction should be one line in a file "
                            "and a rebuild.", ""),
    ("two places", "hand to hand", "hand to hand to hand"),
]


@pytest.mark.parametrize(("what", "old", "new"), EDITS, ids=[e[0] for e in EDITS])
def test_the_suggested_corrections_keep_the_edit(project: Path, what: str, old: str, new: str):
    """Paste the suggestions into corrections.toml (with reasons): normalise accepts, the build text is the edit."""
    edited = _edit(project, old, new)
    with pytest.raises(EditedChapters) as refused:
        normalise_project(project)
    [edit] = refused.value.edits
    pairs = edit.suggestions()
    assert pairs, f"no suggestion for {what}"
    entries = "".join(f"[[corrections]]\nchapter = \"on-pamphlets\"\nfind = {_toml(f)}\nreplace = {_toml(r)}\n"
                      f"reason = \"{what}\"\n\n" for f, r in pairs)
    (project / "corrections.toml").write_text(entries, encoding="utf-8")
    normalise_project(project)  # no longer refused
    regenerated = (project / CHAPTER).read_text(encoding="utf-8")
    corrections = [Correction("on-pamphlets", f, r, what) for f, r in pairs]
    body = apply_corrections(regenerated.split("\n---\n", 1)[1], corrections, CHAPTER)[0]
    assert body == edited.split("\n---\n", 1)[1]


def _toml(text: str) -> str:
    import json

    return json.dumps(text, ensure_ascii=False)


def test_an_edit_of_the_front_matter_points_to_the_manifest(project: Path):
    _edit(project, "author: The Editors", "author: The Editor")
    with pytest.raises(EditedChapters) as refused:
        normalise_project(project)
    assert "belong in pamphlet.toml" in refused.value.explanation()


@pytest.mark.parametrize(("old", "new", "text", "expected"), [
    ("the sta- pled spine", "the stapled spine", "the sta- pled spine", ("sta- pled", "stapled")),
    ("a b c", "a B c", "a b c a b", ("b c", "B c")),
    ("one two", "one two three", "one two", ("two", "two three")),
    ("same", "same", "same", None),
])
def test_minimal_correction_widens_until_unique(old, new, text, expected):
    assert minimal_correction(old, new, text) == expected
