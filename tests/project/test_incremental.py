"""Incremental builds: an output is rebuilt only when something it is made from has changed."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pamphleteer.commands.build import build
from pamphleteer.project.buildstate import STATE, fingerprint
from pamphleteer.project.manifest import load_manifest


@pytest.fixture(scope="module")
def built(normalised_starter: Path, tmp_path_factory) -> Path:
    root = Path(shutil.copytree(normalised_starter, tmp_path_factory.mktemp("incremental") / "p"))
    build(root)
    return root


@pytest.fixture
def project(built: Path, copy_of) -> Path:
    return copy_of(built)


def _build(root: Path, formats=()) -> tuple[list[str], list[str]]:
    said: list[str] = []
    written = build(root, formats, said.append)
    return [path.name for path in written], said


def test_a_second_build_writes_nothing_and_says_so(project: Path):
    before = {p.name: p.stat().st_mtime_ns for p in (project / "build").iterdir()}
    written, said = _build(project)
    assert written == []
    assert said[-1] == "Nothing to build: no input has changed since the last build."
    assert "build/my-pamphlet.pdf is up to date." in said
    assert {p.name: p.stat().st_mtime_ns for p in (project / "build").iterdir()} == before


def test_a_no_op_build_is_fast(project: Path):
    started = time.process_time()
    assert _build(project)[0] == []
    assert time.process_time() - started < 0.5


def test_a_no_op_build_imports_no_renderer(project: Path):
    """WeasyPrint alone takes most of a second to import; deciding must not need it."""
    script = ("import sys; from pamphleteer.cli import main; code = main(['build']); "
              "print(code, sorted(m for m in ('weasyprint', 'ebooklib', 'pypdf', 'markdown') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", script], cwd=project, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "0 []", done.stdout + done.stderr


@pytest.mark.parametrize(("change", "path"), [
    ("chapter", "chapters/01-on-pamphlets.md"),
    ("manifest", "pamphlet.toml"),
    ("corrections", "corrections.toml"),
    ("references", "references.yaml"),
    ("styles", "styles/pamphlet.css"),
])
def test_a_changed_input_changes_the_fingerprint(project: Path, change: str, path: str):
    manifest = load_manifest(project)
    before = fingerprint(project, manifest)
    target = project / path
    target.write_text((target.read_text(encoding="utf-8") if target.exists() else "") + "\n# changed\n", encoding="utf-8")
    assert fingerprint(project, manifest) != before, change


def test_source_date_epoch_changes_the_fingerprint(project: Path, monkeypatch):
    manifest = load_manifest(project)
    before = fingerprint(project, manifest)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert fingerprint(project, manifest) != before


def test_a_changed_chapter_rebuilds(project: Path):
    assert _build(project, ["html"])[0] == ["my-pamphlet.html"]
    assert _build(project, ["html"])[0] == []
    chapter = project / "chapters" / "01-on-pamphlets.md"
    chapter.write_text(chapter.read_text(encoding="utf-8").replace("short text", "short, sharp text"), encoding="utf-8")
    assert _build(project, ["html"])[0] == ["my-pamphlet.html"]
    assert "short, sharp text" in (project / "build" / "my-pamphlet.html").read_text(encoding="utf-8")


def test_a_deleted_or_altered_output_is_made_again(project: Path):
    """The booklet is imposed from the PDF, which is up to date: no layout is needed."""
    (project / "build" / "my-pamphlet-booklet.pdf").write_bytes(b"not a pdf")
    written, said = _build(project, ["pdf", "booklet"])
    assert written == ["my-pamphlet-booklet.pdf"]
    assert "build/my-pamphlet.pdf is up to date." in said
    (project / "build" / "my-pamphlet-booklet.pdf").unlink()
    assert _build(project, ["booklet"])[0] == ["my-pamphlet-booklet.pdf"]


def test_force_rebuilds(project: Path):
    assert _build(project)[0] == []
    assert [p.name for p in build(project, ["booklet"], force=True)] == ["my-pamphlet-booklet.pdf"]


def test_the_state_is_a_dot_file_beside_the_outputs(project: Path):
    state = json.loads((project / "build" / STATE).read_text(encoding="utf-8"))
    assert sorted(state["outputs"]) == ["my-pamphlet-booklet.pdf", "my-pamphlet.epub", "my-pamphlet.pdf"]
    assert not any(name.startswith(".staging") for name in (p.name for p in (project / "build").iterdir()))
