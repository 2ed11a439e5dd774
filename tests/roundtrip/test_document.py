"""The clean truth: generated essays are well formed and read back exactly as chapters write them."""

from __future__ import annotations

import re

import pytest

from pamphleteer.chapters import render_body
from pamphleteer.normalise.draft import Block as DraftBlock
from pamphleteer.normalise.draft import Draft, Note
from roundtrip.document import MARKER, Block, Body, Document, parse_body, to_markdown
from roundtrip.generate import Recipe, generate

ESSAYS = [generate(seed, Recipe(words=words)) for seed, words in ((1, 1500), (2, 3000), (3, 5000))]


def _chapter_writer_body(document: Document) -> str:
    """The same essay written by pamphleteer's own chapter writer."""
    blocks = tuple(DraftBlock(b.kind, b.text, (i + 1,), b.group if b.kind == "quote" else 2 if b.kind == "heading" else 0)
                   for i, b in enumerate(document.blocks))
    notes = tuple(Note(str(n), text, 1) for n, text in enumerate(document.notes, start=1))
    return render_body(Draft("x", "markdown", markup=True, blocks=blocks, notes=notes))


@pytest.mark.parametrize("essay", ESSAYS, ids=["short", "middle", "long"])
def test_the_truth_reads_back_as_written(essay):
    body = parse_body(to_markdown(essay))
    assert [(b.kind, b.text) for b in body.blocks] == [(b.kind, b.text) for b in essay.blocks]
    assert body.notes == {str(n): text for n, text in enumerate(essay.notes, start=1)}


@pytest.mark.parametrize("essay", ESSAYS, ids=["short", "middle", "long"])
def test_the_truth_is_what_the_chapter_writer_writes(essay):
    assert to_markdown(essay) == _chapter_writer_body(essay)


def test_parsing_keeps_quotations_and_lists_apart():
    body = parse_body("> “A\n>\n> “B”\n\n> “C”\n\n- x\n- y\n\n1. z\n")
    groups = [(b.kind, b.group) for b in body.blocks]
    assert groups[0] == groups[1] and groups[1] != groups[2] and groups[3] == groups[4] and groups[4] != groups[5]


def test_parsing_undoes_chapter_escapes():
    assert parse_body("a \\*b\\* \\<> \\[x\\]\n") == Body((Block("para", "a *b* <> [x]"),))


@pytest.mark.parametrize("essay", ESSAYS, ids=["short", "middle", "long"])
def test_essays_have_the_asked_size_and_every_note_once(essay):
    words = sum(len(text.split()) for text in [b.text for b in essay.blocks] + list(essay.notes))
    markers = [label for b in essay.blocks for label in MARKER.findall(b.text)]
    assert 1500 <= words <= 5600
    assert markers == [str(n) for n in range(1, len(essay.notes) + 1)]


@pytest.mark.parametrize("essay", ESSAYS, ids=["short", "middle", "long"])
def test_every_quotation_and_list_is_introduced_by_a_colon(essay):
    for before, block in zip(essay.blocks, essay.blocks[1:]):
        if block.kind in ("quote", "item") and before.kind != block.kind:
            assert before.text.endswith(":")
        if block.kind == "quote" and before.kind == "quote" and block.group == before.group:
            assert not re.search(r"”\s*\[[^\]]+\]$", before.text), "only the last paragraph closes"


def test_essays_hold_every_kind_of_block_and_differ_by_seed():
    kinds = {b.kind for essay in ESSAYS for b in essay.blocks}
    assert kinds == {"para", "heading", "quote", "item"}
    assert generate(1, Recipe(words=1500)) == ESSAYS[0] != generate(4, Recipe(words=1500))


def test_web_essays_have_link_lines_and_no_notes():
    essay = generate(9, Recipe(words=3000, notes=False, links=True))
    assert not essay.notes and not any(MARKER.search(b.text) for b in essay.blocks)
    assert any(b.kind == "para" and not re.search(r"[.:?”\]]$", b.text) for b in essay.blocks)
