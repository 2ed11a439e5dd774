"""The print measures find each fault they name, in small PDFs made to have it."""

from __future__ import annotations

from pathlib import Path

import pytest

from print_samples import typeset_pdf

from pamphleteer.check.pdf_reading import unembedded_fonts
from pamphleteer.check.print_measures import measure_pdf

# 20pt lines: 24 fit in the A5 text block. Every line is justified, the last
# too, so a paragraph broken by the page looks as it does in the pamphlet.
CSS = """
body { margin: 0; }
p { margin: 0; line-height: 20pt; font-size: 10pt; text-align: justify; text-align-last: justify;
    widows: 1; orphans: 1; hyphens: none; }
p + p { text-indent: 2em; }
h2 { margin: 0; line-height: 20pt; font-size: 10pt; }
"""
LINE = "Words stand here in a line of their own so that the line is full"


def _paragraph(lines: int) -> str:
    return "<p>" + "<br>".join([LINE] * lines) + "</p>"


def _codes(tmp_path: Path, body: str, css: str = CSS, **options) -> list[str]:
    pdf = tmp_path / "sample.pdf"
    pdf.write_bytes(typeset_pdf(body, css, tmp_path, **options))
    return [d.code for d in measure_pdf(pdf, "sample.pdf")]


def test_a_clean_page_measures_zero(tmp_path: Path):
    findings = measure_pdf(_write(tmp_path, _paragraph(5) + _paragraph(5)), "sample.pdf")
    assert [d.code for d in findings] == ["o100"]
    assert "widows 0" in findings[0].message and "fonts not embedded 0" in findings[0].message


def _write(tmp_path: Path, body: str) -> Path:
    pdf = tmp_path / "sample.pdf"
    pdf.write_bytes(typeset_pdf(body, CSS, tmp_path))
    return pdf


def test_a_widow_is_found(tmp_path: Path):
    assert "o103" in _codes(tmp_path, _paragraph(25))


def test_an_orphan_is_found(tmp_path: Path):
    assert "o104" in _codes(tmp_path, _paragraph(23) + _paragraph(6))


def test_a_paragraph_that_simply_ends_at_the_foot_is_neither(tmp_path: Path):
    codes = _codes(tmp_path, _paragraph(24) + _paragraph(1) + _paragraph(6))
    assert "o103" not in codes and "o104" not in codes


def test_a_heading_left_at_the_foot_is_found(tmp_path: Path):
    body = _paragraph(22) + '<h2 style="break-after: auto">A heading</h2>' + '<p style="break-inside: avoid">' + "<br>".join([LINE] * 4) + "</p>"
    assert "o105" in _codes(tmp_path, body)


def test_a_note_away_from_its_call_is_found(tmp_path: Path):
    body = ('<p>Called here.<a id="c-note-1-call" href="#c-note-1">1</a></p>'
            '<p id="c-note-1" style="break-before: page">The note, a page too late.</p>')
    assert _codes(tmp_path, body).count("o101") == 1


def test_a_cross_reference_to_a_note_is_not_a_call(tmp_path: Path):
    body = ('<p>Called here.<a id="c-note-1-call" href="#c-note-1">1</a> <span id="c-note-1">The note.</span></p>'
            '<p style="break-before: page">As <a href="#c-note-1">note 1</a> says.</p>')
    assert "o101" not in _codes(tmp_path, body)


def test_a_line_past_the_text_block_is_found(tmp_path: Path):
    assert "o102" in _codes(tmp_path, "<p>" + "Unbreakable" * 12 + "</p>")


def test_a_contents_number_that_is_not_the_chapters_page_is_found(tmp_path: Path):
    body = ('<section id="contents"><p><a href="#ch-a">First 2</a></p><p><a href="#ch-b">Second 2</a></p></section>'
            '<section id="ch-a" style="break-before: page"><p>A</p></section>'
            '<section id="ch-b" style="break-before: page"><p>B</p></section>')
    findings = measure_pdf(_write(tmp_path, body), "sample.pdf")
    wrong = [d for d in findings if d.code == "o106"]
    assert len(wrong) == 1 and "ch-b" in wrong[0].message and "starts on page 3" in wrong[0].message


def test_an_untagged_pdf_is_measured_without_its_paragraphs(tmp_path: Path):
    codes = _codes(tmp_path, _paragraph(25), tagged=False)
    assert "o108" in codes and "o103" not in codes


def test_a_font_not_embedded_is_named(tmp_path: Path):
    pdf = tmp_path / "helvetica.pdf"
    pdf.write_bytes(_pdf_with_standard_font())
    assert unembedded_fonts(pdf) == ["Helvetica"]


def _pdf_with_standard_font() -> bytes:
    """A one-page PDF that writes with Helvetica, which PDF readers supply (so it is not embedded)."""
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    writer = PdfWriter()
    page = writer.add_blank_page(200, 200)
    font = DictionaryObject({NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
                             NameObject("/BaseFont"): NameObject("/Helvetica")})
    page[NameObject("/Resources")] = DictionaryObject({NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})})
    stream = DecodedStreamObject()
    stream.set_data(b"BT /F1 12 Tf 20 100 Td (Hello) Tj ET")
    page[NameObject("/Contents")] = writer._add_object(stream)
    import io

    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.mark.parametrize("size", ["half-letter"])
def test_half_letter_pages_are_measured_too(tmp_path: Path, size: str):
    assert _codes(tmp_path, _paragraph(3), page_size=size) == ["o100"]
