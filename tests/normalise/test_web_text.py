"""Round trip for web text: clean documents broken as scrapers break them must come back whole.

The documents are made up (tests/webtext.py), so no seed's wording can be
tuned to. Targets are those the normaliser is judged by: paragraph-boundary
F1 >= 0.98, quotes placed >= 0.95, word error rate <= 0.3 %.
"""

from __future__ import annotations

import pytest

from webtext import Damage, Scores, make_document, score, scrape

from pamphleteer.chapters import render_body
from pamphleteer.normalise import normalise_source

SEEDS = range(3)
TARGETS = Scores(word_error_rate=0.003, boundary_f1=0.98, quotes_placed=0.95, headings_placed=0.95)

DAMAGES = {
    # Hard-wrapped, paragraphs apart by space-only lines; headings and quotes torn out to the end.
    "wrapped": Damage(),
    # One paragraph per line, no blank lines; captions inline; a truncation mark at the end.
    "one-per-line": Damage(layout="per-line", captions=2, truncated=True),
    # Both in one file, blank lines truly empty.
    "mixed": Damage(layout="mixed", blank=""),
    # Titles listed as "1." and the text opening straight with its first section.
    "numbered-no-opening": Damage(numbering="{}. ", width=72),
    # Torn-out headings left no extra blank line: sections found by words and colons alone.
    "no-section-breaks": Damage(mark_breaks=False),
}
OPENING = {"numbered-no-opening": False}


def _round_trip(damage: Damage, seed: int, opening: bool = True) -> Scores:
    clean = make_document(seed, opening=opening)
    scraped = scrape(clean, damage, seed)
    assert scraped.count("\n") > len(clean.blocks), "the damage should change the text"
    result = normalise_source(scraped, f"made-up-{seed}.txt", "text")
    return score(clean, render_body(result.draft))


@pytest.fixture(scope="module")
def measured() -> dict[str, Scores]:
    """Average scores per kind of damage over a few made-up documents."""
    averages = {}
    for name, damage in DAMAGES.items():
        runs = [_round_trip(damage, seed, OPENING.get(name, True)) for seed in SEEDS]
        averages[name] = Scores(*(sum(getattr(run, field) for run in runs) / len(runs) for field in Scores.__dataclass_fields__))
    return averages


@pytest.mark.parametrize("name", DAMAGES)
def test_web_text_comes_back_whole(name: str, measured: dict[str, Scores]):
    got, bar = measured[name], TARGETS
    assert got.word_error_rate <= bar.word_error_rate, got
    assert got.boundary_f1 >= bar.boundary_f1, got
    assert got.quotes_placed >= bar.quotes_placed, got
    assert got.headings_placed >= bar.headings_placed, got


def test_scores_see_damage_left_unrepaired():
    """The scores are not blind: the scraped text itself, unrepaired, scores badly."""
    clean = make_document(0)
    scraped = scrape(clean, Damage(), 0)
    raw = score(clean, scraped)
    assert raw.boundary_f1 < 0.5 and raw.quotes_placed < 0.5 and raw.headings_placed < 0.5
