"""A journal issue line above a title is the source, not the title, and never joins the text below it."""

from __future__ import annotations

from pathlib import Path

from pamphleteer.normalise import normalise_source

CASE = Path(__file__).parent / "cases" / "remove-title-blocks" / "journal-issue-line" / "input.txt"


def test_issue_line_is_the_source_and_the_title_follows():
    draft = normalise_source(CASE.read_text(encoding="utf-8"), "x", "pdf-text").draft
    assert draft.meta_value("source") == "Harbour Studies, vol. 12, no. 3 (2018), pp. 41–58"
    assert draft.meta_value("title") == "The Pilots' Strike of 1921"
    assert draft.meta_value("author") == "Agnes Moray"


def test_issue_line_on_a_page_of_its_own_does_not_run_into_the_text():
    source = "# On Pilots\n\n**A. Moray**\n\n*Harbour Studies* 12, no. 3 (2018): 41–58\n\n---\n\nWhen the pilots stopped work.\n"
    draft = normalise_source(source, "x", "markdown").draft
    assert [block.text for block in draft.blocks] == ["When the pilots stopped work."]
    assert draft.meta_value("source") == "Harbour Studies 12, no. 3 (2018): 41–58"
