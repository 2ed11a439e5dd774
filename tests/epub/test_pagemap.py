"""Print page breaks are read from the WeasyPrint layout: the first word of each page, not a guess."""

from __future__ import annotations

import string

import pypdfium2 as pdfium
import pytest

from pamphleteer.render.pagemap import count_letters, flow_text, page_breaks
from pamphleteer.render.pdf import typeset


def _word(index: int) -> str:
    """A distinct word for every index: qab, qac, … (no digits, no repeats)."""
    letters = string.ascii_lowercase
    return "q" + letters[index // 26 % 26] + letters[index % 26]


WORDS = [_word(i) for i in range(400)]
HTML = f"""<html><head><style>
@page {{ size: 90mm 70mm; margin: 12mm 10mm; @top-center {{ content: "Running head"; }} }}
body {{ font-size: 11pt; }}
.note {{ float: footnote; }}
.blank {{ break-before: page; break-after: page; }}
</style></head><body>
<h2 id="ch-x">Chapter one</h2>
<p id="x--1">{" ".join(WORDS[:150])}<span class="note">Footnote words here</span> {" ".join(WORDS[150:300])}</p>
<div class="blank"></div>
<p id="x--2">{" ".join(WORDS[300:])}</p>
</body></html>"""


@pytest.fixture(scope="module")
def laid_out(tmp_path_factory):
    document = typeset(HTML, tmp_path_factory.mktemp("pagemap"))
    return document, pdfium.PdfDocument(document.write_pdf())


def _first_word(pdf, index: int) -> str:
    page = pdf[index]
    width, height = page.get_size()
    body = page.get_textpage().get_text_bounded(left=0, bottom=0, right=width, top=height - 12 / 25.4 * 72)
    return body.split()[0] if body.split() else ""


def test_one_break_per_page_numbered_from_one(laid_out):
    document, pdf = laid_out
    breaks = page_breaks(document)
    assert len(breaks) == len(pdf) > 4
    assert [b.label for b in breaks] == [str(n) for n in range(1, len(pdf) + 1)]
    assert (breaks[0].anchor, breaks[0].offset) == ("ch-x", 0)


def test_each_break_names_the_word_the_printed_page_starts_with(laid_out):
    document, pdf = laid_out
    text = {"x--1": " ".join(WORDS[:300]), "x--2": " ".join(WORDS[300:])}
    checked = 0
    for index, page in enumerate(page_breaks(document)):
        if page.anchor not in text:
            continue
        words = text[page.anchor].split()
        word_at = {count_letters("".join(words[:i])): word for i, word in enumerate(words)}
        assert word_at[page.offset] == _first_word(pdf, index), f"page {page.label}"
        checked += 1
    assert checked >= 3


def test_a_page_without_text_has_no_anchor(laid_out):
    document, _ = laid_out
    blanks = [page for page in page_breaks(document) if not page.anchor]
    assert len(blanks) == 1


def test_footnotes_and_running_heads_are_not_counted(laid_out):
    document, _ = laid_out
    second = next(page for page in page_breaks(document) if page.anchor == "x--2")
    assert second.offset == 0
    counted = sum(count_letters(text) for page in document.pages
                  for anchor, text in flow_text(page) if anchor == "x--1")
    assert counted == count_letters(" ".join(WORDS[:300]))
