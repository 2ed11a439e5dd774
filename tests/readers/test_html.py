"""`--from html`: a page becomes the same chapter form as the other kinds, with no raw HTML left."""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser

import pytest

from pamphleteer.chapters import render_body
from pamphleteer.normalise import normalise_source

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>River Crews | Town History Site</title>
<style>p { color: red; }</style><script>var x = "<p>not text</p>";</script></head>
<body>
<header><a href="/">Home</a> | <a href="/about">About</a></header>
<nav><ul><li><a href="/a">Archive</a><li>Unclosed menu item</ul></nav>
<main><article>
<h1>The River <em>Crews</em></h1>
<p>The crews met in the boathouse&nbsp;&mdash; every week &hellip; and voted.<strong> Always</strong> by hand.</p>
<p>One wrote:<br>
"We carried the town."<br><br>A new paragraph after two breaks.</p>
<figure><img src="boat.jpg" alt="A boat"><figcaption>The ferry in 1911</figcaption></figure>
<h2>The first winter</h2>
<blockquote><p>"The crossing is the town's road.</p><p>"If it closes, we go hungry." [Minutes, p. 2]</p></blockquote>
<blockquote><p>A second quotation.</p></blockquote>
<ol><li>First point, <a href="https://example.org/a_(b)">with a link</a>.</li>
<li>Second point<ul><li>a nested item</li><li>code: <code>x*y</code></li></ul></li></ol>
<p>Text with <script>alert(1)</script>a 5 &lt; 6 comparison, a <span>span</span> &amp; an * and a <b>tag</b>.</p>
Bare text at the end of the article.
</article></main>
<footer><p>Copyright the town. All rights reserved.</p></footer>
</body></html>
"""


@pytest.fixture(scope="module")
def result():
    return normalise_source(PAGE, "page.html", "html")


@pytest.fixture(scope="module")
def body(result) -> str:
    return render_body(result.draft)


def test_title_is_the_first_h1(result):
    assert result.draft.meta_value("title") == "The River Crews"


def test_structure_comes_through(body):
    assert "## The first winter" in body
    assert "> “The crossing is the town’s road.\n>\n> “If it closes, we go hungry.” [Minutes, p. 2]\n\n> A second quotation." in body
    assert "1. First point, [with a link](https://example.org/a_%28b%29).\n1. Second point" in body
    assert "- a nested item\n- code: `x*y`" in body


def test_breaks_entities_and_emphasis(body):
    assert "The crews met in the boathouse — every week … and voted. **Always** by hand." in body
    assert "One wrote: “We carried the town.”\n\nA new paragraph after two breaks." in body
    assert "a 5 < 6 comparison, a span & an \\* and a **tag**." in body


def test_furniture_and_code_are_skipped(body):
    for furniture in ("Home", "Archive", "Unclosed menu item", "Copyright", "not text", "alert", "color"):
        assert furniture not in body
    assert body.rstrip().endswith("Bare text at the end of the article.")


def test_figure_caption_is_reported_not_kept(result, body):
    assert "ferry in 1911" not in body
    assert any(c.action == "removed" and c.before == "The ferry in 1911" for c in result.changes)


def test_no_raw_html_in_output(body):
    assert not re.search(r"<[A-Za-z/!]", body)


NOTES_PAGE = """<html><body><article><h1>T</h1><p class="byline">By Ann Lee, 1994</p>
<p>Said once.<sup id="fnref1"><a href="#fn1" class="footnote-ref">1</a></sup> Said twice.<sup>2</sup></p>
<section class="footnotes"><hr><ol>
<li id="fn1"><p>First note, with <em>emphasis</em>. <a href="#fnref1" class="footnote-back">↩</a></p></li>
<li id="fn2"><p>Second note.</p></li></ol></section>
<div class="share">Share this article: Email · Print</div></article></body></html>"""


def test_footnotes_become_notes():
    result = normalise_source(NOTES_PAGE, "notes.html", "html")
    body = render_body(result.draft)
    assert "Said once.[^1] Said twice.[^2]" in body
    assert "[^1]: First note, with *emphasis*.\n" in body and "[^2]: Second note." in body
    assert "↩" not in body


def test_byline_and_share_box_are_removed_and_reported():
    result = normalise_source(NOTES_PAGE, "notes.html", "html")
    removed = [c.before for c in result.changes if c.action == "removed"]
    assert "By Ann Lee, 1994" in removed and "Share this article: Email · Print" in removed
    assert result.draft.meta_value("author") == "Ann Lee" and result.draft.meta_value("year") == "1994"


def test_furniture_is_reported_not_dropped_silently(result):
    removed = " ".join(c.before for c in result.changes if c.action == "removed")
    for furniture in ("Home", "Archive", "Unclosed menu item", "Copyright the town"):
        assert furniture in removed


def _page_letters(page: str) -> Counter:
    """Letters of every text node of a page (code included), as the nothing-lost rule counts them."""
    texts: list[str] = []
    parser = HTMLParser(convert_charrefs=True)
    parser.handle_data = texts.append
    parser.feed(page)
    parser.close()
    return Counter(ch for ch in " ".join(texts).lower() if ch.isalpha())


def test_every_letter_of_the_page_is_kept_or_reported(result, body):
    removed = Counter(ch for c in result.changes if c.action == "removed" for ch in c.before.lower() if ch.isalpha())
    kept = Counter(ch for ch in re.sub(r"\]\([^)]*\)", "", body).lower() if ch.isalpha())
    assert not _page_letters(PAGE) - kept - removed, "letters lost without a report"
    assert not kept - _page_letters(PAGE), "letters invented"


def test_code_and_the_page_titles_are_reported_as_such(result):
    notes = {c.before: c.note for c in result.changes if c.action == "removed"}
    assert "script" in notes['var x = "<p>not text</p>";'] and "script" in notes["p { color: red; }"]
    assert "title" in notes["River Crews | Town History Site"] and "title" in notes["The River *Crews*"]


WORD_PAGE = """<html><body><div class="entry-content"><h3>The Crossing</h3>
<p>The crews met weekly.<a href="#_ftn1" name="_ftnref1">[1]</a> They voted on fares.<a href="#_edn2" name="_ednref2">[2]</a></p>
<h4>Fares</h4><p>Fares were low.</p><hr>
<p><a href="#_ftnref1" name="_ftn1">[1]</a> The minutes survive.</p>
<div id="edn2"><p><a href="#_ednref2" name="_edn2">[2]</a> Set each spring. <a href="#_ednref2">Back to the text</a></p></div>
</div></body></html>"""


def test_notes_as_a_word_processor_exports_them():
    result = normalise_source(WORD_PAGE, "word.html", "html")
    body = render_body(result.draft)
    assert "The crews met weekly.[^1] They voted on fares.[^2]" in body
    assert "[^1]: The minutes survive.\n" in body and "[^2]: Set each spring.\n" in body
    assert any(c.action == "removed" and c.before == "Back to the text" for c in result.changes)


def test_the_highest_section_level_becomes_two():
    body = render_body(normalise_source(WORD_PAGE, "word.html", "html").draft)
    assert "## The Crossing\n" in body and "### Fares\n" in body


SITE_PAGE = """<html><head><link rel="canonical" href="https://example.org/2020/05/crews/"></head><body><article>
<h1>Crews</h1>
<p>The hall held 10<sup>3</sup> people in 200 m<sup>2</sup>, as Marx<sup>3</sup> noted in the 19<sup>th</sup> century.
See <a href="#part-two">part two</a>, <a href="/about/">our history</a> and <a href="javascript:void(0)">this</a>.</p>
<p>A second claim.<sup><a href="#note4">4</a></sup></p>
<p class="subhead"><strong>Strikers Before Shopkeepers</strong></p>
<p><strong>Why did they stay?</strong></p>
<div class="quote"><p>A quotation set in a styled div.</p><p>Its second paragraph.</p></div>
<h3>Notes</h3>
<ol><li id="fn3">The third note.</li></ol>
<p class="endnote"><a name="note4"></a>4. The fourth note.</p>
<h3 class="jp-relatedposts-headline">Related</h3>
<footer class="entry-footer">Categories: Strikes</footer>
</article></body></html>"""


def test_site_page_notes_powers_links_subheads_and_styled_quotes():
    result = normalise_source(SITE_PAGE, "site.html", "html")
    body = render_body(result.draft)
    assert "The hall held 10³ people in 200 m², as Marx[^1] noted in the 19th century." in body
    assert "See part two, [our history](https://example.org/about/) and this." in body  # resolved by the canonical link
    assert "A second claim.[^2]" in body and "[^2]: The fourth note." in body and "[^1]: The third note." in body
    assert "## Strikers Before Shopkeepers" in body and "**Why did they stay?**" in body
    assert "> A quotation set in a styled div.\n>\n> Its second paragraph." in body
    assert "Notes" not in body and "Related" not in body and "Categories" not in body
    removed = [c.before for c in result.changes if c.action == "removed"]
    assert "Notes" in removed and "Categories: Strikes" in removed


def test_a_link_within_a_site_not_named_keeps_only_its_text():
    page = '<p>See <a href="/about/">our history</a>, a paragraph long enough to be one, with a clause.</p>'
    assert render_body(normalise_source(page, "x.html", "html").draft).startswith("See our history, a paragraph")
