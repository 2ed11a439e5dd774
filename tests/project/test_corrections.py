"""corrections.toml: validated all at once, applied exactly once each, listed in the colophon."""

from __future__ import annotations

from pathlib import Path

import pytest

from pamphleteer.commands.build import build
from pamphleteer.commands.check import check
from pamphleteer.errors import ContentError, ReportedErrors
from pamphleteer.model.load import load_edition
from pamphleteer.project.corrections import Correction, apply_corrections, due, load_corrections

CHAPTER = "chapters/01-on-pamphlets.md"


def _write(root: Path, text: str) -> None:
    (root / "corrections.toml").write_text(text, encoding="utf-8")


def test_no_file_means_no_corrections(tmp_path: Path):
    assert load_corrections(tmp_path, {"a"}) == []


def test_entries_are_read_with_their_lines(tmp_path: Path):
    _write(tmp_path, '# notes\n\n[[corrections]]\nchapter = "a"\nfind = "teh"\nreplace = "the"\nreason = "typo"\n'
                     '\n[[corrections]]\nchapter = "a"\nfind = "x"\nreplace = ""\nreason = "stray"\nedition = 2\n')
    assert load_corrections(tmp_path, {"a"}) == [
        Correction("a", "teh", "the", "typo", 0, 3), Correction("a", "x", "", "stray", 2, 9)]


def test_every_problem_is_reported_at_once(tmp_path: Path):
    _write(tmp_path, '[[corrections]]\nchapter = "b"\nfind = ""\n\n[[corrections]]\nchapter = "a"\nfind = 1\n'
                     'replace = "y"\nreason = "r"\nedition = -1\nextra = true\n')
    with pytest.raises(ReportedErrors) as raised:
        load_corrections(tmp_path, {"a"})
    messages = [d.message for d in raised.value.diagnostics]
    assert len(messages) == 7, messages
    assert [d.location.line for d in raised.value.diagnostics] == [1, 1, 1, 1, 5, 5, 5]
    assert any("no chapter has the slug 'b'" in m for m in messages)
    assert any("unknown key `extra`" in m for m in messages)


def test_broken_toml_names_the_line(tmp_path: Path):
    _write(tmp_path, '[[corrections]]\nchapter = \n')
    with pytest.raises(ContentError, match=r"corrections.toml:2: not valid TOML"):
        load_corrections(tmp_path, {"a"})


def test_each_correction_applies_to_the_text_the_previous_left():
    corrections = [Correction("a", "sta- pled", "stapled", "r"), Correction("a", "stapled at", "stapled to", "r")]
    assert apply_corrections("It was sta- pled at the spine.", corrections, "a.md") == ("It was stapled to the spine.", [])


def test_ambiguous_and_stale_corrections_say_where_and_how_often():
    body = "the cat\nand the dog\nand the bird"
    corrections = [Correction("a", "the", "a", "r", line=3), Correction("a", "zebra", "horse", "r", line=8)]
    text, problems = apply_corrections(body, corrections, "a.md", first_line=10)
    assert text == body
    assert [str(p.location) for p in problems] == ["corrections.toml:3", "corrections.toml:8"]
    assert "matches 3 times (lines 10, 11 and 12)" in problems[0].message
    assert "“zebra” is not in the chapter" in problems[1].message


def test_overlapping_matches_count_as_ambiguous():
    _, problems = apply_corrections("aaa", [Correction("a", "aa", "b", "r")], "a.md")
    assert "matches 2 times" in problems[0].message


def test_a_correction_for_a_later_edition_waits():
    corrections = [Correction("a", "x", "y", "r", edition=2), Correction("a", "p", "q", "r"), Correction("b", "m", "n", "r")]
    assert due(corrections, "a", 1) == [corrections[1]]
    assert due(corrections, "a", 2) == corrections[:2]


@pytest.fixture(scope="module")
def corrected_starter(tmp_path_factory) -> Path:
    """The starter with two corrections, one of them for a later edition, built as HTML."""
    from pamphleteer.commands.normalise import normalise_project
    from pamphleteer.project.scaffold import scaffold

    root = scaffold(tmp_path_factory.mktemp("corrections") / "p")
    normalise_project(root)
    _write(root, '[[corrections]]\nchapter = "on-pamphlets"\nfind = "Two staples are enough"\n'
                 'replace = "Two staples suffice"\nreason = "plainer"\n\n'
                 '[[corrections]]\nchapter = "on-pamphlets"\nfind = "cheaply printed"\n'
                 'replace = "printed cheaply"\nreason = "for the second edition"\nedition = 2\n')
    build(root, ["html"])
    return root


def test_a_correction_appears_in_the_next_build_and_its_colophon(corrected_starter: Path):
    html = (corrected_starter / "build" / "my-pamphlet.html").read_text(encoding="utf-8")
    chapter = html[html.index('id="ch-on-pamphlets"'):]
    assert "Two staples suffice" in chapter and "Two staples are enough" not in chapter
    colophon = html[html.index('class="colophon"'):html.index('class="contents"')]
    assert "Corrections in this edition" in colophon
    assert "“Two staples are enough” → “Two staples suffice” (plainer)" in colophon
    assert "On Pamphlets:" in colophon  # the chapter by its title, not its slug


def test_a_correction_for_the_next_edition_is_neither_applied_nor_listed(corrected_starter: Path):
    html = (corrected_starter / "build" / "my-pamphlet.html").read_text(encoding="utf-8")
    assert "cheaply printed" in html[html.index('id="ch-on-pamphlets"'):] and "for the second edition" not in html
    edition = load_edition(corrected_starter)
    assert [c.reason for c in edition.corrections] == ["plainer"]


def test_chapter_files_keep_the_normalised_text(corrected_starter: Path):
    assert "Two staples are enough" in (corrected_starter / CHAPTER).read_text(encoding="utf-8")


def test_check_and_build_fail_on_a_stale_correction(corrected_starter: Path, tmp_path: Path):
    import shutil

    root = tmp_path / "p"
    shutil.copytree(corrected_starter, root)
    _write(root, '[[corrections]]\nchapter = "on-pamphlets"\nfind = "Three staples"\nreplace = "Two"\nreason = "r"\n')
    report = check(root)
    assert [d.code for d in report.errors] == ["p003"]
    before = (root / "build" / "my-pamphlet.html").read_bytes()
    with pytest.raises(ReportedErrors) as raised:
        build(root, ["html"], force=True)
    assert raised.value.diagnostics[0].code == "p003"
    assert (root / "build" / "my-pamphlet.html").read_bytes() == before
