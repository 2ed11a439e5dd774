"""A long book's chapters read on several cores make the same edition, and their errors still name the file."""

from __future__ import annotations

import pickle

import pytest

from pamphleteer.diagnostics import Diagnostic, Location
from pamphleteer.errors import ContentError, ReportedErrors, UsageError
from pamphleteer.model import load


@pytest.fixture
def read_in_parallel(monkeypatch):
    """Every edition counts as long enough to read in several processes."""
    monkeypatch.setattr(load, "PARALLEL_BYTES", 0)
    forked = []
    real = load.map_forked
    monkeypatch.setattr(load, "map_forked", lambda function, items, workers: (
        forked.append(True) if workers > 1 else None) or real(function, items, workers))
    return forked


def test_chapters_read_in_two_processes_make_the_same_edition(pamphlet_copy, read_in_parallel):
    alone = load.load_edition(pamphlet_copy, workers=1)
    assert not read_in_parallel
    together = load.load_edition(pamphlet_copy, workers=2)
    assert read_in_parallel
    assert together == alone
    assert together.chapters[-1].slug == "works-cited" and together.works_cited == alone.works_cited


def test_an_error_in_a_chapter_read_in_another_process_names_its_file(pamphlet_copy, read_in_parallel):
    chapter = sorted((pamphlet_copy / "chapters").glob("*.md"))[1]
    chapter.write_text(chapter.read_text(encoding="utf-8") + "\nAs shown [@no-such-work, p. 3].\n", encoding="utf-8")
    with pytest.raises(ContentError, match=f"{chapter.name}: unknown citation key @no-such-work") as raised:
        load.load_edition(pamphlet_copy, workers=2)
    assert read_in_parallel
    assert "references" in raised.value.message


def test_errors_cross_between_processes_whole():
    error = pickle.loads(pickle.dumps(UsageError("PAMPHLETEER_WORKERS must be a whole number.", "Try 2.")))
    assert (type(error), error.message, error.hint, str(error)) == (
        UsageError, "PAMPHLETEER_WORKERS must be a whole number.", "Try 2.",
        "PAMPHLETEER_WORKERS must be a whole number. Try 2.")
    found = Diagnostic("E101", Location("chapters/01-a.md", 3), "a broken note", "error")
    assert pickle.loads(pickle.dumps(ReportedErrors("1 problem.", [found]))).diagnostics == [found]
