"""The process that assembles a long book: errors come back to the build, and nothing half-written is left."""

from __future__ import annotations

import pytest

from pamphleteer.render.assembler import Assembler


def test_a_part_that_cannot_be_joined_fails_the_book_when_it_is_finished(tmp_path):
    assembler = Assembler(front_pages=2)
    assembler.add(tmp_path / "missing.pdf", 2)
    assembler.add(tmp_path / "also-missing.pdf", 4)  # sent after the process stopped: no error yet
    with pytest.raises(RuntimeError, match="(?s)assembling the book failed:.*missing.pdf"):
        assembler.finish(tmp_path / "front.pdf", {}, tmp_path / "book.pdf")
    assert list(tmp_path.iterdir()) == []


def test_a_book_left_unfinished_stops_its_assembly_and_writes_nothing(tmp_path):
    assembler = Assembler(front_pages=2)
    assembler.close()
    assert not assembler._process.is_alive()  # noqa: SLF001
    assert list(tmp_path.iterdir()) == []
