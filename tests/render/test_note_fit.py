"""A note that WeasyPrint would set a page after its call is kept on, or brought back to, the call's page."""

from __future__ import annotations

from pathlib import Path

import pytest

from pamphleteer.render import notes_stay
from pamphleteer.render.geometry import GEOMETRIES
from pamphleteer.render.note_fit import fit_notes, stray_notes
from pamphleteer.render.pdf import typeset

CSS = """
body { margin: 0; }
p { margin: 0; line-height: 20pt; font-size: 10pt; orphans: 2; widows: 2; }
.footnote { float: footnote; footnote-policy: line; font-size: 8pt; line-height: 10pt; }
::footnote-call { content: none; } ::footnote-marker { content: none; }
p.page-start { break-before: page; }
p.tight { word-spacing: -0.05em; letter-spacing: -0.006em; }
"""
LINE = "Words stand here in a line of their own"


def _html(adjust: dict[str, str]) -> str:
    """21 lines calling a two-line note, then a paragraph that starts at the foot of the page."""
    def p(key: str, body: str) -> str:
        extra = f' class="{adjust[key]}"' if key in adjust else ""
        return f'<p id="{key}"{extra}>{body}</p>'

    call = ('<a class="note-call" href="#x-note-1" id="x-note-1-call">1</a>'
            '<span class="footnote" id="x-note-1">The note, long enough to take two lines of the page foot '
            'when it is set in its small type there, and a little more.</span>')
    first = p("x--1", "<br>".join([LINE] * 20 + [LINE + call]))
    foot = p("x--2", "<br>".join([LINE] * 6))
    return f"<html><head><style>{GEOMETRIES['a5'].css()}{CSS}</style></head><body>{first}{foot}</body></html>"


@pytest.fixture
def weasyprint_alone(monkeypatch):
    """WeasyPrint without notes_stay, as note fitting first met it."""
    notes_stay.uninstall()
    monkeypatch.setattr(notes_stay, "install", lambda: False)  # typeset would put it back
    yield
    monkeypatch.undo()
    notes_stay.install()


def _pages_of(document, key: str) -> list[int]:
    return [index for index, page in enumerate(document.pages)
            if any(getattr(box, "element", None) is not None and box.element.get("id") == key
                   for box in page._page_box.descendants())]  # noqa: SLF001


def test_weasyprint_alone_moves_the_note_off_its_page_to_keep_two_lines_at_the_foot(tmp_path: Path, weasyprint_alone):
    strays = stray_notes(typeset(_html({}), tmp_path))
    assert [(s.note, s.call_page, s.note_page) for s in strays] == [("x-note-1", 0, 1)]


def test_the_note_stays_and_the_foot_paragraph_moves_on(tmp_path: Path):
    document = typeset(_html({}), tmp_path)
    assert stray_notes(document) == []
    assert _pages_of(document, "x-note-1") == [0]
    assert _pages_of(document, "x--2") == [1]  # orphan control moved it whole, as with no note there


def test_in_one_layout(tmp_path: Path):
    seen: list[dict[str, str]] = []

    def lay_out(adjust: dict[str, str]):
        seen.append(dict(adjust))
        return typeset(_html(adjust), tmp_path)

    assert stray_notes(fit_notes(lay_out)) == []
    assert seen == [{}]


def test_fitting_starts_the_foot_paragraph_on_the_next_page(tmp_path: Path, weasyprint_alone):
    seen: list[dict[str, str]] = []

    def lay_out(adjust: dict[str, str]):
        seen.append(dict(adjust))
        return typeset(_html(adjust), tmp_path)

    document = fit_notes(lay_out)
    assert stray_notes(document) == []
    assert seen == [{}, {"x--2": "page-start"}]


def test_a_paragraph_told_to_start_a_page_hands_that_to_the_heading_before_it():
    from pamphleteer.diagnostics import Location
    from pamphleteer.model import nodes as n
    from pamphleteer.render.print_notes import PrintWriter

    blocks = (n.Para((n.Str("One."),)), n.Header(2, (n.Str("Part"),), "part"), n.Para((n.Str("Two."),)))
    chapter = n.Chapter("c", 1, "chapter", "T", "", "", {}, blocks, (), Location("x"))
    html = str(PrintWriter(chapter, {"c--3": "page-start"}).blocks(blocks))
    assert '<h3 id="part" class="page-start">' in html
    assert '<p id="c--3">Two.</p>' in html  # the heading breaks; its paragraph stays with it
    alone = str(PrintWriter(chapter, {"c--1": "page-start"}).blocks(blocks))
    assert '<p id="c--1" class="page-start">One.</p>' in alone
