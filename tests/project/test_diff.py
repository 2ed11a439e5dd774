"""`pamphleteer diff`: what changed in the text since the previous edition, from git or a previous EPUB."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from pamphleteer.commands.diff import diff_editions, epub_text
from pamphleteer.commands.normalise import normalise_project
from pamphleteer.errors import UsageError
from pamphleteer.project.scaffold import scaffold
from pamphleteer.textdiff import Paragraph, compare, paragraphs

CHAPTER = "chapters/01-on-pamphlets.md"


def _git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(root), "-c", "user.name=Editor", "-c", "user.email=editor@example.org", *args],
                   check=True, capture_output=True)


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def history(tmp_path_factory) -> Path:
    """A project whose first edition is committed, then two commits of a second edition."""
    root = scaffold(tmp_path_factory.mktemp("diff") / "p")
    normalise_project(root)
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "First edition")
    _replace(root / CHAPTER, "Two staples are enough", "Two staples suffice")
    _git(root, "commit", "-qam", "A late fix to the first edition")
    _replace(root / "pamphlet.toml", "edition = 1", "edition = 2")
    (root / "corrections.toml").write_text(
        '[[corrections]]\nchapter = "on-pamphlets"\nfind = "cheaply printed"\nreplace = "printed cheaply"\n'
        'reason = "word order"\n', encoding="utf-8")
    _git(root, "commit", "-qam", "Second edition")
    _replace(root / CHAPTER, "\nThat last part", "\nA new paragraph of the second edition.\n\nThat last part")
    return root


def test_diff_defaults_to_the_last_commit_of_the_previous_edition(history: Path):
    report = diff_editions(history)
    assert report.startswith("Changes in the text from edition 1 (commit ")
    assert "to edition 2 (working tree):" in report
    assert "[-cheaply printed,-]{+printed cheaply,+}" in report  # a correction counts as a change
    assert "added: “A new paragraph of the second edition.”" in report
    assert "suffice" not in report  # that fix was already in the first edition's last commit
    assert report.rstrip().endswith("1 paragraph changed, 1 paragraph added in 1 chapter.")


def test_diff_against_a_named_ref(history: Path):
    assert "No change in the text" not in diff_editions(history, "HEAD~2")
    assert "[-are enough-]{+suffice+}" in diff_editions(history, "HEAD~2")


def test_an_unknown_ref_is_a_usage_error(history: Path):
    with pytest.raises(UsageError, match="neither a file nor a commit"):
        diff_editions(history, "no-such-tag")


def test_no_earlier_edition_is_a_usage_error(tmp_path: Path, history: Path):
    root = tmp_path / "p"
    shutil.copytree(history, root, ignore=shutil.ignore_patterns(".git"))
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "Only edition 2")
    with pytest.raises(UsageError, match="no commit holds an edition before edition 2"):
        diff_editions(root)


def test_diff_between_two_builds_epubs(tmp_path: Path):
    from pamphleteer.commands.build import build

    root = scaffold(tmp_path / "p")
    normalise_project(root)
    build(root, ["epub"])
    old = tmp_path / "old.epub"
    shutil.copy(root / "build" / "my-pamphlet.epub", old)
    _replace(root / CHAPTER, "passed from hand to hand", "passed hand to hand")
    with pytest.raises(UsageError, match="run `pamphleteer build` first"):
        diff_editions(root, str(old))
    build(root, ["epub"])
    report = diff_editions(root, str(old))
    assert "… meant to be passed[- from-] hand to hand. Its …" in report
    titles = [chapter.title for chapter in epub_text(old, "old.epub").chapters]
    assert "On Pamphlets" in titles


def test_paragraphs_are_paired_when_alike_else_added_and_removed():
    old = paragraphs("Alpha beta gamma.\n\nDelta epsilon.\n\nZeta.\n")
    new = paragraphs("Alpha beta gamma!\n\nSomething else entirely, and long.\n\nZeta.\n")
    kinds = [(change.kind, change.old and change.old.text, change.new and change.new.text) for change in compare(old, new)]
    assert kinds == [("changed", "Alpha beta gamma.", "Alpha beta gamma!"),
                     ("removed", "Delta epsilon.", None), ("added", None, "Something else entirely, and long.")]
    assert compare([Paragraph("Same.")], [Paragraph("Same.")]) == []
