"""The degraders break text the way real sources are broken, and lose none of it."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from roundtrip.align import plain
from roundtrip.degrade import html, markdown, pdf_text, text
from roundtrip.degrade.common import booklet_order, lose_spaces
from roundtrip.document import Block, Document
from roundtrip.generate import Recipe, generate
from roundtrip.typeset import wrap

ESSAY = generate(8, Recipe(words=1800))
WEB_ESSAY = generate(9, Recipe(words=1800, notes=False, links=True))
ALL = [
    (pdf_text.degrade, pdf_text.PdfLayout(), ESSAY),
    (pdf_text.degrade, pdf_text.PdfLayout(order="shuffle", page_mark="indent", interleave=True), ESSAY),
    (markdown.degrade, markdown.MarkdownLayout(), ESSAY),
    (text.degrade, text.TextLayout(), WEB_ESSAY),
    (text.degrade, text.TextLayout(width=70), WEB_ESSAY),
    (html.degrade, html.HtmlLayout(), ESSAY),
]
IDS = ["pdf-booklet", "pdf-shuffled-interleaved", "markdown", "text-lines", "text-wrapped", "html"]


def _letters(value: str) -> Counter:
    return Counter(ch for ch in value.lower() if ch.isalpha())


@pytest.mark.parametrize(("degrade", "layout", "essay"), ALL, ids=IDS)
def test_degraders_keep_every_letter_of_the_essay(degrade, layout, essay):
    clean = " ".join([b.text for b in essay.blocks] + list(essay.notes))
    missing = _letters(plain(clean)) - _letters(degrade(essay, layout, 3).source)
    assert not missing


@pytest.mark.parametrize(("degrade", "layout", "essay"), ALL, ids=IDS)
def test_degraders_are_deterministic(degrade, layout, essay):
    assert degrade(essay, layout, 3) == degrade(essay, layout, 3)


def test_booklet_order_is_saddle_stitch_sheet_order():
    order = booklet_order(18)  # cover + 18 pages + back = 20 booklet pages
    as_printed = [{"cover": 1, "back": 20}.get(page, page) if isinstance(page, str) else page + 2 for page in order]
    assert as_printed[:8] == [20, 1, 2, 19, 18, 3, 4, 17]
    assert sorted(page for page in order if isinstance(page, int)) == list(range(18))


def test_wrapping_hyphenates_words_but_keeps_compound_hyphens():
    assert wrap("the rank-and-file delegates protested against bureaucratisation", 20) == [
        "the rank-and-file", "delegates protested", "against bureaucrati-", "sation"]
    assert wrap("at the well-known meeting of co-operative societies", 14) == [
        "at the well-", "known meeting", "of co-", "operative so-", "cieties"]


def test_wrapping_breaks_urls_without_adding_hyphens():
    assert wrap("see https://archive.example.org/texts/the-harbour-strike-revisited now", 40) == [
        "see https://archive.example.org/texts/", "the-harbour-strike-revisited now"]


def test_lost_spaces_are_counted_and_rare_at_low_rates():
    import random

    sentence = "It was late. The men in which we trusted left. " * 40
    broken, lost = lose_spaces(sentence, random.Random(5), 0.1)
    assert len(sentence) - len(broken) == lost and 0 < lost < 25


def test_pdf_pages_carry_folios_heads_notes_and_page_marks():
    broken = pdf_text.degrade(ESSAY, pdf_text.PdfLayout(order="reading", width=60), 1)
    pages = broken.source.split("\f")
    assert len(pages) > 3
    assert all(re.search(r"\n\n\d{1,3}\n$", page) for page in pages)
    assert ESSAY.title in pages[1] and ESSAY.author in pages[2]
    assert all(len(line) <= 60 for line in broken.source.splitlines() if not line.startswith("http"))
    assert re.search(r"[a-z][.,]?\d{1,2} ", broken.source), "note markers glued to words"
    assert re.search(r"\n\n1 \S", broken.source), "note 1 at a page foot"


def test_pdf_booklet_order_loses_cover_and_back_and_says_the_order():
    broken = pdf_text.degrade(ESSAY, pdf_text.PdfLayout(), 1)
    assert broken.story.startswith("pages in booklet order: [1, 2, ")
    assert not broken.source.startswith(ESSAY.blocks[0].text[:20])


def test_pdf_indent_marks_page_starts_with_one_space():
    bare = pdf_text.PdfLayout(page_mark="indent", folios="", heads=False)
    broken = pdf_text.degrade(ESSAY, bare, 1)
    fed = pdf_text.degrade(ESSAY, pdf_text.PdfLayout(page_mark="formfeed", folios="", heads=False), 1)
    starts = [line for line in broken.source.splitlines() if re.match(r"^ \S", line)]
    assert "\f" not in broken.source and len(starts) == fed.source.count("\f") + 1 > 3


def test_pdf_notes_may_open_with_a_stopped_number_and_pages_with_no_mark():
    layout = pdf_text.PdfLayout(order="reading", page_mark="none", folios="head", note_number="{}. ")
    broken = pdf_text.degrade(ESSAY, layout, 1)
    assert "\f" not in broken.source and re.search(r"\n\n1\. \S", broken.source)
    assert re.search(r"\n3\n" + re.escape(ESSAY.title) + r"\n", broken.source), "a head folio straight after the text"


def test_markdown_pages_may_end_with_their_numbers():
    broken = markdown.degrade(ESSAY, markdown.MarkdownLayout(order="reading", folios=True), 1)
    numbers = [int(n) for n in re.findall(r"(?m)^(\d{1,3})$", broken.source) if n != str(ESSAY.year)]
    assert numbers == list(range(2, len(numbers) + 2)) and len(numbers) > 3


def test_markdown_has_sup_markers_rule_notes_and_a_colophon_inside():
    broken = markdown.degrade(ESSAY, markdown.MarkdownLayout(order="reading"), 1)
    assert broken.source.lstrip().startswith("The Commons Library (Mirror)")
    assert "<sup>1</sup>" in broken.source and "\n---\n\n<sup>" in broken.source
    colophon = broken.source.index("Retrieved on")
    assert 0.0 < colophon / len(broken.source) < 1.0 and broken.source.count(f"{ESSAY.title}") == 2


def test_text_tears_headings_and_quotes_out_to_a_numbered_appendix():
    broken = text.degrade(WEB_ESSAY, text.TextLayout(straight=0, first_only=0), 1)
    headings = [b.text for b in WEB_ESSAY.blocks if b.kind == "heading"]
    tail = broken.source[broken.source.index(f"\n1 {headings[0]}") :]
    assert [re.sub(r"^\d+ ", "", line) for line in tail.splitlines() if re.match(r"^\d+ [A-Z]", line)] == headings
    first_quote = next(b.text for b in WEB_ESSAY.blocks if b.kind == "quote")
    assert first_quote[:30] in tail.replace("\n", " ").replace("  ", " ")


def test_text_glues_link_lines_and_leaves_caption_and_truncation_mark():
    broken = text.degrade(WEB_ESSAY, text.TextLayout(caption="A caption, 1921"), 1)
    link = next(b.text for b in WEB_ESSAY.blocks if b.kind == "para" and not re.search(r"[.:?]$", b.text))
    assert re.search(re.escape(link) + r"[A-Z]", broken.source)
    assert "\nA caption, 1921\n" in broken.source and broken.source.split("\n1 ")[0].rstrip().endswith("<>")
    assert broken.furniture[:2] == ("A caption, 1921", "<>")


def test_text_marks_a_torn_out_heading_with_blank_lines_only_when_told():
    def blank_runs(layout):
        source = text.degrade(WEB_ESSAY, layout, 1).source
        lines = source[: source.index("\n1 ")].rstrip().split("\n")
        marks = "".join("b" if not line.strip() else "t" for line in lines)
        return [len(run) for run in re.findall("b+", marks)], " " in lines

    headings = sum(1 for block in WEB_ESSAY.blocks if block.kind == "heading")
    assert blank_runs(text.TextLayout(spaced=False)) == ([], False)
    assert blank_runs(text.TextLayout(spaced=False, trace=2, blank=" ")) == ([2] * headings, True)
    spaced = blank_runs(text.TextLayout(trace=2))[0]
    assert spaced.count(3) == headings and set(spaced) == {1, 3}
    wrapped = blank_runs(text.TextLayout(width=70, trace=1))[0]
    assert wrapped.count(2) == headings and set(wrapped) == {1, 2}


def test_text_sets_a_lead_one_paragraph_to_a_line_before_wrapped_text():
    lines = text.degrade(WEB_ESSAY, text.TextLayout(width=60, lead=3, title_line=False, caption=""), 1).source.splitlines()
    paragraphs = [b.text for b in WEB_ESSAY.blocks if b.kind == "para"][:3]
    assert lines[:3] == paragraphs and lines[3] == "" and all(len(line) <= 60 for line in lines[4:20])


def test_text_lists_titles_of_sections_it_lacks_and_counts_them_as_furniture():
    broken = text.degrade(WEB_ESSAY, text.TextLayout(bodiless=(1, 2), straight=0), 1)
    headings = [b.text for b in WEB_ESSAY.blocks if b.kind == "heading"]
    titles = [re.sub(r"^\d+ ", "", line) for line in broken.source.splitlines() if re.match(r"^\d+ [A-Z]", line)]
    assert titles[1:-2] == headings and len(titles) == len(headings) + 3
    assert set(broken.furniture) >= {titles[0], *titles[-2:]} and not set(titles) & {b.text for b in WEB_ESSAY.blocks if b.kind != "heading"}
    assert "3 titles with no body" in broken.story


def test_topical_sections_name_their_heading_early_in_the_first_paragraph():
    essay = generate(9, Recipe(words=1800, notes=False, links=True, topical=True))
    for index, block in enumerate(essay.blocks):
        if block.kind == "heading":
            first = next(b for b in essay.blocks[index + 1 :] if b.kind == "para" and b.text.endswith((".", ":")))
            rare = [word for word in re.findall(r"[A-Za-z]{5,}|\d{4}", block.text) if word.lower() not in {"there", "their"}]
            assert any(word[:5].lower() in first.text[:400].lower() for word in rare), block.text


def test_html_can_write_notes_as_a_word_processor_does():
    doc = Document("T", "A", 1990, (Block("heading", "H"), Block("para", "Said.[^1]")), ("N.",))
    page = html.degrade(doc, html.HtmlLayout(notes="word", section="h3"), 1).source
    for part in ("<h3>H</h3>", '<a href="#_ftn1" name="_ftnref1">[1]</a>', '<p><a href="#_ftnref1" name="_ftn1">[1]</a> N.</p>'):
        assert part in page


def test_html_wraps_the_article_in_boilerplate_and_footnotes():
    doc = Document("T", "A", 1990, (Block("para", "Said.[^1]"), Block("item", "x", 1)), ("N.",))
    page = html.degrade(doc, html.HtmlLayout(), 1).source
    for part in ("<nav>", "<footer>", "<script", 'class="share"', 'href="#fn1"', '<li id="fn1">', "<ul>\n<li>x</li>\n</ul>"):
        assert part in page
