"""Displaced titles put back where no section break shows: the review list says what placed each one."""

from __future__ import annotations

from pathlib import Path

from pamphleteer.chapters import render_body
from pamphleteer.normalise import normalise_source

EXCERPT = Path(__file__).parent / "cases" / "restore-displaced-material" / "no-breaks-excerpt" / "input.txt"
# Paragraphs on one line each, no blank line where the titles stood, no word shared with them;
# the first and last titles have quotations, the middle one nothing.
UNMARKED = "\n".join([
    "The mill opened in the spring and hired forty spinners from the valley.",
    "Wages were paid weekly, in coin, at the gate. The foreman put it plainly:",
    "The spinners met on Sundays in the chapel hall to compare their pay.",
    "A strike followed in the autumn, and it lasted eleven days.",
    "The owners gave way on the hours but not on the rates.",
    "Most of the spinners stayed on until the mill closed.",
    "A last meeting was held in the chapel hall. One spinner said:",
    "The building is flats now.",
    "", "", "",
    "1 Beginnings",
    "\"Nobody here is paid to think.\" [Foreman, 1890]",
    "2 Middles",
    "3 Endings",
    "\"We did the thinking anyway.\" [Spinner, 1921]",
])


def _reviews(source: str) -> dict[str, str]:
    result = normalise_source(source, "made-up.txt", "text")
    return {change.before: change.note for change in result.changes
            if change.pass_name == "restore-displaced-material" and change.action == "review"}


def test_titles_placed_by_their_words_say_so():
    reviews = _reviews(EXCERPT.read_text(encoding="utf-8"))
    assert "by its words" in reviews["3 The Flood of 1911"]
    assert reviews["1, 5"] == "section titles left out: this source has no text for them"


def test_titles_placed_by_length_alone_ask_to_be_checked():
    reviews = _reviews(UNMARKED)
    assert "by the length of the sections alone" in reviews["2 Middles"]
    assert "where its quotations' introductions are" in reviews["3 Endings"]


def test_titles_with_neither_quotations_nor_breaks_are_placed_by_their_words():
    lines = UNMARKED.split("\n")[:8] + ["", "", "", "1 Sundays in the Chapel", "2 A Strike in Autumn"]
    body = render_body(normalise_source("\n".join(lines), "made-up.txt", "text").draft)
    assert "\n\n## Sundays in the Chapel\n\nThe spinners met on Sundays" in body
    assert "\n\n## A Strike in Autumn\n\nA strike followed" in body


def test_a_numbered_list_that_names_no_section_stays_a_list():
    lines = UNMARKED.split("\n")[:8] + ["", "", "", "1 Beginnings", "2 Endings"]
    body = render_body(normalise_source("\n".join(lines), "made-up.txt", "text").draft)
    assert body.rstrip().endswith("Beginnings\n2. Endings") or body.rstrip().endswith("2 Endings")
