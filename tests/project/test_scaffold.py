"""`pamphleteer new`: a small project that normalise, build and check handle at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from pamphleteer.check.chapters import lint_chapter
from pamphleteer.check.corrections import check_corrections
from pamphleteer.commands.normalise import normalise_project
from pamphleteer.errors import UsageError
from pamphleteer.project.manifest import load_manifest
from pamphleteer.project.scaffold import scaffold


def test_the_starter_has_manifest_seed_styles_readme_and_corrections(tmp_path: Path):
    root = scaffold(tmp_path / "p")
    files = sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())
    assert files == [".gitignore", "README.md", "corrections.toml", "pamphlet.toml", "seeds/on-pamphlets.txt",
                     "styles/README.md", "styles/pamphlet.css"]
    assert (root / "chapters").is_dir()
    assert "pamphleteer normalise" in (root / "README.md").read_text(encoding="utf-8")


def test_the_starter_normalises_into_a_clean_chapter(tmp_path: Path):
    root = scaffold(tmp_path / "p")
    normalise_project(root)
    manifest = load_manifest(root)
    [spec] = manifest.chapters
    text = (root / spec.path).read_text(encoding="utf-8")
    assert "stapled at the spine.[^1]" in text  # a word broken at a line end, and a note
    assert "\n## Why Pamphlets Last\n" in text
    assert "\n> “Print it small" in text
    assert lint_chapter(root / spec.path, spec.path) == []
    assert check_corrections(root, manifest) == []


@pytest.mark.parametrize("occupied", ["file", "folder"])
def test_new_refuses_what_is_there(tmp_path: Path, occupied: str):
    target = tmp_path / "p"
    if occupied == "file":
        target.write_text("x", encoding="utf-8")
    else:
        (target / "notes").mkdir(parents=True)
    with pytest.raises(UsageError, match="not empty"):
        scaffold(target)
