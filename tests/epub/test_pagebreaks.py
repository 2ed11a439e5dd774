"""Page-break markers land in the EPUB's XHTML where the print page begins: the same word."""

from __future__ import annotations

import re

import pytest

from pamphleteer.render.epub.documents import Part
from pamphleteer.render.epub.pagebreaks import page_targets, place_page_breaks
from pamphleteer.render.pagemap import PageBreak

CHAPTER = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="en" xml:lang="en">
<head><title>A</title></head>
<body>
<section id="ch-a">
<h2 id="ch-a-title">Title</h2>
<p id="a--1">One two <em>three</em> four<a id="a-note-1-ref" href="#a-note-1">1</a> five.</p>
<ul>
<li id="a--2-1">Item one</li>
</ul>
</section>
</body>
</html>
"""


def _marker(label: str) -> str:
    return f'<span epub:type="pagebreak" role="doc-pagebreak" id="page-{label}" aria-label="{label}"/>'


def _place(*breaks: PageBreak) -> tuple[str, list]:
    parts, targets = place_page_breaks([Part("a", "a.xhtml", "A", CHAPTER)], list(breaks))
    return parts[0].xhtml, targets


def test_a_page_that_starts_with_a_paragraph_is_marked_just_before_it():
    xhtml, targets = _place(PageBreak("7", "a--1", 0))
    assert f'{_marker("7")}\n<p id="a--1">' in xhtml
    assert [(t.label, t.href) for t in targets] == [("7", "a.xhtml#page-7")]


@pytest.mark.parametrize("offset", [11, 12, 14])  # "four" starts at letter 11 of "One two three four"
def test_a_page_that_starts_inside_a_paragraph_is_marked_before_that_word(offset):
    xhtml, _ = _place(PageBreak("8", "a--1", offset))
    assert f"<em>three</em> {_marker('8')}four<a" in xhtml


def test_note_calls_are_not_counted_as_text():
    xhtml, _ = _place(PageBreak("8", "a--1", 15))  # past "four", the note call's digit does not count
    assert f'>1</a> {_marker("8")}five.</p>' in xhtml


def test_the_page_list_is_known_before_the_markers_are_placed():
    breaks = [PageBreak("1", "", 0), PageBreak("2", "a--1", 0), PageBreak("3", "a--1", 11), PageBreak("4", "a--1", 11)]
    parts = [Part("a", "a.xhtml", "A", CHAPTER.replace('id="a--2-1"', 'id="page-3"'))]
    _, placed = place_page_breaks(parts, breaks)
    assert page_targets(parts, breaks) == placed
    assert [t.marker for t in placed] == ["page-1", "page-2", "page-3-2", "page-4"]


def test_a_list_item_holds_its_marker_inside():
    xhtml, _ = _place(PageBreak("9", "a--2-1", 0))
    assert f'<li id="a--2-1">{_marker("9")}Item one</li>' in xhtml


def test_a_blank_page_is_marked_where_the_next_page_begins():
    xhtml, targets = _place(PageBreak("8", "", 0), PageBreak("9", "a--1", 4))
    assert f"One {_marker('8')}{_marker('9')}two" in xhtml
    assert [t.label for t in targets] == ["8", "9"]


def test_pages_after_the_last_known_text_are_marked_at_the_end():
    xhtml, _ = _place(PageBreak("1", "ch-a", 0), PageBreak("2", "unknown", 0))
    assert re.search(rf'{re.escape(_marker("2"))}\s*</body>', xhtml)
    assert xhtml.index(_marker("1")) < xhtml.index('<section id="ch-a">')


def test_an_offset_past_the_text_marks_the_end_of_the_element():
    xhtml, _ = _place(PageBreak("3", "a--2-1", 99))
    assert f"Item one{_marker('3')}</li>" in xhtml


def test_every_page_gets_its_own_marker_id_even_if_the_id_is_taken():
    taken = CHAPTER.replace('id="ch-a-title"', 'id="page-4"')
    parts, targets = place_page_breaks([Part("a", "a.xhtml", "A", taken)], [PageBreak("4", "a--1", 0)])
    assert targets[0].marker == "page-4-2"
    assert 'id="page-4-2"' in parts[0].xhtml


def test_xhtml_that_is_not_well_formed_is_a_content_error():
    from pamphleteer.errors import ContentError

    with pytest.raises(ContentError, match=r"a\.xhtml:\d+: .*not well-formed"):
        place_page_breaks([Part("a", "a.xhtml", "A", CHAPTER.replace("</em>", ""))], [])
