"""Round trips through the page passes: made-up essays, damaged as PDF extraction damages them, normalised back.

The essays are invented (tests/synthetic.py), never the seeds: the passes
must restore documents they have not seen.
"""

from __future__ import annotations

import difflib
import re

import pytest

import synthetic as syn
from pamphleteer.chapters import render_body
from pamphleteer.normalise import normalise_source

HEADS = ("Councils of the River Towns", "Collected Essays")


def _similarity(clean: str, normalised: str) -> float:
    """Share of the clean text's words found in order in the normalised text (1.0: the same words)."""
    a, b = syn.words(clean), syn.words(normalised)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks()) / max(len(a), len(b))


def _normalise(texts: list[str], kind: str):
    separator = "\f" if kind == "pdf-text" else "\n\n"
    return normalise_source(separator.join(texts), "made-up", kind)


def _restored(result, truth: list[int]) -> list[int]:
    """The reading-order index of each page, in the order the normaliser chose."""
    return [truth[page] for page in result.draft.page_order]


@pytest.fixture(scope="module")
def essay():
    return syn.essay(seed=11, paragraphs=36)


@pytest.fixture(scope="module")
def pages(essay):
    return syn.typeset(essay)


def test_booklet_sheets_with_lost_cover_are_put_in_reading_order(essay, pages):
    texts, truth = syn.impose(syn.pdf_text(pages, heads=HEADS), front=3, back=1)
    result = _normalise(texts, "pdf-text")
    assert _restored(result, truth) == sorted(truth)
    body = render_body(result.draft)
    assert _similarity(essay.text(), body) == 1.0
    assert not re.search(r"^\d+$", body, re.M), "a folio was left in the text"
    assert HEADS[0] not in body and HEADS[1] not in body, "a running head was left in the text"
    order = next(c for c in result.changes if c.pass_name == "restore-page-order" and c.action == "moved")
    assert "booklet" in order.note


def test_booklet_without_folios_is_explained_by_its_seams(essay, pages):
    texts, truth = syn.impose(syn.pdf_text(pages, folios=False), front=2, back=2)
    result = _normalise(texts, "pdf-text")
    assert _restored(result, truth) == sorted(truth)
    assert _similarity(essay.text(), render_body(result.draft)) == 1.0


def test_shuffled_pages_follow_their_folios(essay, pages):
    texts, truth = syn.shuffle(syn.pdf_text(pages), seed=5)
    result = _normalise(texts, "pdf-text")
    assert _restored(result, truth) == sorted(truth)


@pytest.mark.parametrize("folio", ["- {} -", "Page {}", "{head} {}"])
def test_shuffled_pages_follow_folios_in_any_dress(essay, pages, folio):
    texts, truth = syn.shuffle(syn.pdf_text(pages, heads=HEADS, folio=folio), seed=8)
    result = _normalise(texts, "pdf-text")
    assert _restored(result, truth) == sorted(truth)
    body = render_body(result.draft)
    assert _similarity(essay.text(), body) == 1.0
    assert not re.search(r"^(?:Page )?[-–]? ?\d+ ?[-–]?$", body, re.M), "a folio was left in the text"


def test_pages_in_order_stay_in_order(essay, pages):
    result = _normalise(syn.pdf_text(pages, folios=False), "pdf-text")
    assert list(result.draft.page_order) == list(range(len(pages)))
    assert not [c for c in result.changes if c.pass_name == "restore-page-order" and c.action == "moved"]


def test_interleaved_sheet_side_is_separated_and_placed(essay, pages):
    texts, truth = syn.impose(syn.pdf_text(pages), front=1, back=1)
    texts[4:6] = [syn.interleave(texts[4], texts[5])]
    result = _normalise(texts, "pdf-text")
    assert any(c.pass_name == "separate-interleaved-pages" for c in result.changes)
    assert _similarity(essay.text(), render_body(result.draft)) == 1.0


def test_pages_side_by_side_are_separated(essay, pages):
    texts = syn.pdf_text(pages)
    texts[2:4] = [syn.side_by_side(texts[2], texts[3])]
    result = _normalise(texts, "pdf-text")
    assert _similarity(essay.text(), render_body(result.draft)) == 1.0


def test_markdown_booklets_read_in_order():
    """Markdown marks only pages with notes; the rest is found from seams and length (measured over five essays)."""
    scores = []
    for seed in range(5):
        essay = syn.essay(seed=seed, paragraphs=30)
        texts, _ = syn.impose(syn.markdown(syn.typeset(essay)), front=seed % 3, back=1)
        scores.append(_similarity(essay.text(), render_body(_normalise(texts, "markdown").draft)))
    assert sum(scores) / len(scores) >= 0.98, scores


def test_markdown_running_heads_mark_pages_and_go(essay, pages):
    texts, truth = syn.impose(syn.markdown(pages, heads=HEADS), front=1, back=1)
    result = _normalise(texts, "markdown")
    body = render_body(result.draft)
    assert _similarity(essay.text(), body) == 1.0
    assert HEADS[0] not in body and HEADS[1] not in body


def test_notes_are_tied_to_their_words(essay, pages):
    texts, _ = syn.impose(syn.pdf_text(pages), front=0, back=2)
    result = _normalise(texts, "pdf-text")
    body = render_body(result.draft)
    before_marker = re.compile(r"(\w+[.,]?)\[\^(\d+)\]")
    expected = [(word, essay.notes[int(n) - 1]) for word, n in before_marker.findall(essay.text())]
    notes = dict(re.findall(r"^\[\^(\d+)\]: (.*)$", body, re.M))
    found = [(word, notes[n].replace("’", "'")) for word, n in before_marker.findall(body)]
    assert found == expected


def test_lost_spaces_are_put_back(essay, pages):
    damaged, dropped = syn.drop_spaces("\f".join(syn.pdf_text(pages)), seed=3, share=0.01)
    assert dropped > 10
    result = normalise_source(damaged, "made-up", "pdf-text")
    a, b = syn.words(essay.text()), syn.words(render_body(result.draft))
    errors = sum(max(i2 - i1, j2 - j1) for op, i1, i2, j1, j2 in
                 difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes() if op != "equal")
    assert errors / len(a) <= 0.003
