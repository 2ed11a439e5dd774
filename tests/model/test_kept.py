"""A build of the same inputs takes the edition the last build read; any change reads the chapters again."""

from __future__ import annotations

import pytest

from pamphleteer.commands.build import build
from pamphleteer.model import load


def _no_reading(*_args, **_kwargs):
    raise AssertionError("the chapters were read again")


def test_a_second_format_from_the_same_inputs_does_not_read_the_chapters_again(pamphlet_copy, monkeypatch):
    build(pamphlet_copy, ["html"])
    html = next((pamphlet_copy / "build").glob("*.html"))
    before = html.read_bytes()
    monkeypatch.setattr(load, "load_edition", _no_reading)
    assert build(pamphlet_copy, ["html"], force=True) == [html]
    assert html.read_bytes() == before


def test_a_changed_chapter_is_read_again(pamphlet_copy, monkeypatch):
    build(pamphlet_copy, ["html"])
    chapter = sorted((pamphlet_copy / "chapters").glob("*.md"))[-1]
    chapter.write_text(chapter.read_text(encoding="utf-8").replace(" the ", " THE ", 1), encoding="utf-8")
    monkeypatch.setattr(load, "load_edition", _no_reading)
    with pytest.raises(AssertionError, match="read again"):
        build(pamphlet_copy, ["html"])
