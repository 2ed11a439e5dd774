"""The corpus and the round trip itself: sizes, coverage of every kind of damage, honest failure."""

from __future__ import annotations

from pamphleteer.errors import ContentError
from roundtrip import harness
from roundtrip.degrade.text import TextLayout
from roundtrip.generate import Recipe
from roundtrip.harness import CORPUS, KINDS, TARGETS, Case, meets, run_case
from roundtrip.metrics import Scores
from roundtrip.report import metrics_table


def test_every_kind_has_several_documents_of_1500_to_5000_words():
    for kind in KINDS:
        assert len(CORPUS[kind]) >= 3
        assert all(1500 <= case.recipe.words <= 5000 and case.kind == kind for case in CORPUS[kind])
    names = [case.name for cases in CORPUS.values() for case in cases]
    assert len(names) == len(set(names))


def test_the_corpus_covers_every_kind_of_page_damage():
    pdf = [case.layout for case in CORPUS["pdf-text"]]
    assert {layout.order for layout in pdf} == {"booklet", "shuffle", "reading"}
    assert {layout.page_mark for layout in pdf} == {"formfeed", "indent", "none"}
    assert any(layout.interleave for layout in pdf) and {layout.folios for layout in pdf} >= {"foot", "head", ""}
    assert {case.layout.order for case in CORPUS["markdown"]} == {"booklet", "shuffle", "reading"}
    text = [case.layout for case in CORPUS["text"]]
    assert {layout.width > 0 for layout in text} == {True, False} and any(layout.first_only == 1 for layout in text)
    torn = [layout for layout in text if layout.tear_out]
    for width in (True, False):  # with and without the blank lines a torn-out heading leaves, either layout
        assert {layout.trace > 0 for layout in torn if (layout.width > 0) == width} == {True, False}
    assert {sum(layout.bodiless) > 0 for layout in torn if layout.trace} == {True, False}
    assert any(sum(layout.bodiless) for layout in torn if not layout.trace) and any(layout.lead for layout in text)
    assert any(case.recipe.quote_rate > 0.3 for case in CORPUS["text"]) and not all(layout.tear_out for layout in text)
    html = [case.layout for case in CORPUS["html"]]
    assert {layout.notes for layout in html} == {"list", "word"} and {layout.section for layout in html} == {"h2", "h3"}


def test_a_normaliser_that_refuses_scores_as_losing_everything(monkeypatch):
    def refuse(*args, **kwargs):
        raise ContentError("x: broken.")

    monkeypatch.setattr(harness, "normalise_source", refuse)
    outcome = run_case(Case("text", 5, Recipe(words=1500, notes=False, links=True), TextLayout()))
    metrics = outcome.scores.metrics()
    assert outcome.output == "" and "refused" in outcome.degraded.story
    assert metrics["word error rate"] == 1.0 and metrics["quotes placed"] == 0.0


def test_targets_are_the_ones_the_normaliser_is_judged_by():
    assert TARGETS == {"word error rate": ("<=", 0.003), "paragraph F1": (">=", 0.98), "reading order": (">=", 0.98),
                       "notes placed": (">=", 0.98), "quotes placed": (">=", 0.95), "furniture left": ("<=", 0)}
    assert meets("word error rate", 0.003) and not meets("word error rate", 0.0031)
    assert meets("furniture left", 0.0) and not meets("furniture left", 1.0) and not meets("notes placed", None)


def test_the_table_stars_what_misses_its_target():
    table = metrics_table({"html": Scores(words=1000, edits=4, furniture=3, furniture_left=0)})
    rows = {line[:15].strip(): line[15:].split() for line in table.splitlines()[2:]}
    assert rows["word error rate"] == ["0.40", "%", "*", "<=", "0.30", "%"]
    assert rows["furniture left"] == ["0", "<=", "0"] and rows["notes placed"][0] == "n/a"
