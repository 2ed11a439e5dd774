"""Measure the built PDF as a printer would: notes off their page, overset lines, widows, orphans, stranded headings, contents numbers, fonts."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..diagnostics import Diagnostic, Location, diagnose
from ..render.geometry import PageGeometry, Rect, geometry_of
from ..render.print_notes import NOTE_TARGET
from .pdf_reading import Block, Line, Link, Page, is_tagged, read_links, read_pages, unembedded_fonts

# Points a line may stray past the text block: lines are measured by their
# ink, and a glyph such as "f" overhangs its advance by up to about 1.5pt.
TOLERANCE = 2.0
MEASURES = ("notes off their call's page", "lines outside the text block", "widows", "orphans",
            "headings at a page foot", "contents numbers wrong", "fonts not embedded")


@dataclass
class Measures:
    """The findings of every print measure, by measure name."""

    findings: dict[str, list[Diagnostic]] = field(default_factory=lambda: {name: [] for name in MEASURES})

    def add(self, measure: str, diagnostic: Diagnostic) -> None:
        self.findings[measure].append(diagnostic)

    def summary(self) -> str:
        return ", ".join(f"{name} {len(found)}" for name, found in self.findings.items())

    def diagnostics(self) -> list[Diagnostic]:
        return [d for found in self.findings.values() for d in found]


def measure_built_pdf(root: Path, slug: str, formats, progress=lambda _: None) -> list[Diagnostic]:
    """`check`'s step: measure build/<slug>.pdf if the project makes a PDF."""
    if not {"pdf", "booklet"} & set(formats):
        return []
    pdf = root / "build" / f"{slug}.pdf"
    shown = str(pdf.relative_to(root))
    progress("Step 3 - measuring the print PDF")
    if not pdf.is_file():
        return [diagnose("o004", Location(shown), what="the PDF has not been built; run `pamphleteer build` to measure it.")]
    return measure_pdf(pdf, shown)


def measure_pdf(path: Path, shown: str) -> list[Diagnostic]:
    """Every print measure on one built PDF, and a summary line with the counts."""
    pages = read_pages(path)
    links, destinations = read_links(path)
    measures = Measures()
    where = _locator(shown)
    _notes_on_their_page(destinations, measures, where)
    _contents_numbers(pages, links, destinations, measures, where)
    for font in unembedded_fonts(path):
        measures.add("fonts not embedded", diagnose("o107", Location(shown), font=font))
    geometry = geometry_of(pages[0].width, pages[0].height) if pages else None
    if geometry is None:
        return [*measures.diagnostics(), diagnose("o108", Location(shown), what="the page size is not one pamphleteer makes, so the text block is unknown and overset lines were not measured.")]
    covers = {destinations.get(name) for name in ("cover", "back-cover")}
    for page in pages:
        _overset_lines(page, geometry, page.index in covers, measures, where)
    if not is_tagged(path):
        return [*measures.diagnostics(), diagnose("o108", Location(shown), what="the PDF is not tagged, so widows, orphans and headings were not measured.")]
    for before, after in zip(pages, pages[1:]):
        blocks = (geometry.text_block(before.index), geometry.text_block(after.index))
        _page_break(before, after, blocks, measures, where)
    return [*measures.diagnostics(), diagnose("o100", Location(shown), what=measures.summary())]


def _locator(shown: str):
    """Findings name the page as a PDF viewer opens it: file.pdf#page=N."""
    return lambda index: Location(f"{shown}#page={index + 1}")


def _notes_on_their_page(destinations: dict[str, int], measures: Measures, where) -> None:
    """Each note's anchor must be on the page of its call's anchor (the call carries the note's id + "-call").

    Anchors, not links, decide: a cross-reference ("see note 4") links to a
    note from anywhere, but only the call is named after it.
    """
    for name, note_page in destinations.items():
        call_page = destinations.get(f"{name}-call")
        if NOTE_TARGET.search(name) and call_page is not None and call_page != note_page:
            measures.add("notes off their call's page", diagnose(
                "o101", where(call_page), note=name, call_page=call_page + 1, note_page=note_page + 1))


def _contents_numbers(pages: list[Page], links: list[Link], destinations: dict[str, int], measures: Measures, where) -> None:
    """Each contents entry's printed number is the page its chapter starts on (folio = page index + 1)."""
    first = destinations.get("contents")
    if first is None:
        return
    targets = [link.target for link in links if link.page >= first and link.target.startswith("ch-")]
    starts = [destinations[t] for t in targets if t in destinations]
    end = min(starts, default=len(pages))
    entries: dict[str, Link] = {}
    for link in links:
        if first <= link.page < end and link.target in destinations:
            entries[link.target] = link  # the last piece of an entry carries the number
    for target, link in entries.items():
        printed = _number_in(pages[link.page], link.rect)
        actual = destinations[target] + 1
        if printed != actual:
            measures.add("contents numbers wrong", diagnose(
                "o106", where(link.page), entry=target, printed=printed if printed is not None else "no number", actual=actual))


def _number_in(page: Page, rect: tuple[float, float, float, float]) -> int | None:
    left, bottom, right, top = rect
    inside = [line for line in page.lines if bottom - 1 <= line.baseline <= top + 1 and line.right > left]
    numbers = re.findall(r"\d+", " ".join(line.text for line in sorted(inside, key=lambda l: l.left)))
    return int(numbers[-1]) if numbers else None


def _overset_lines(page: Page, geometry: PageGeometry, cover: bool, measures: Measures, where) -> None:
    """Text must stand inside the text block; only folios and running heads stand in the margins."""
    block = geometry.cover_block() if cover else geometry.text_block(page.index)
    furniture = set(map(id, page.furniture))
    for line in page.lines:
        problem = _outside(line, block, id(line) in furniture)
        if problem:
            measures.add("lines outside the text block", diagnose(
                "o102", where(page.index), what=f"“{_excerpt(line.text)}” {problem}"))


def _outside(line: Line, block: Rect, furniture: bool) -> str:
    if line.left < block.left - TOLERANCE:
        return f"starts {block.left - line.left:.1f}pt left of the text block"
    if line.right > block.right + TOLERANCE:
        return f"runs {line.right - block.right:.1f}pt past the text block"
    if not furniture and line.baseline < block.bottom - TOLERANCE:
        return f"stands {block.bottom - line.baseline:.1f}pt below the text block"
    if not furniture and line.baseline > block.top + TOLERANCE:
        return "stands above the text block"
    return ""


def _page_break(before: Page, after: Page, blocks: tuple[Rect, Rect], measures: Measures, where) -> None:
    """Widows, orphans and headings left at the foot, where `before` turns into `after`."""
    if not before.blocks or not after.blocks:
        return
    last, first = before.blocks[-1], after.blocks[0]
    if last.is_heading:
        measures.add("headings at a page foot", diagnose("o105", where(before.index), what=_excerpt(last.lines[0].text)))
    if not _continues(last, first, *blocks):
        return
    if len(last.lines) == 1:
        measures.add("orphans", diagnose("o104", where(before.index), what=_excerpt(last.lines[0].text)))
    if len(first.lines) == 1:
        measures.add("widows", diagnose("o103", where(after.index), what=_excerpt(first.lines[0].text)))


def _continues(last: Block, first: Block, before: Rect, after: Rect) -> bool:
    """Whether `first` (top of a page) is the rest of the paragraph `last` (foot of the page before).

    A paragraph split by a page break has a full last line before the break
    (justified to the right edge) and no first-line indent after it; a new
    paragraph after a paragraph is indented, and one after a heading is not
    in the same kind of block. Offsets are measured from each page's own
    text block, since left and right pages have mirrored margins.
    """
    if last.role != first.role or last.path != first.path or first.role not in ("P", "LBody"):
        return False
    full = last.lines[-1].right >= before.right - TOLERANCE
    offsets = [line.left - before.left for line in last.lines[1:] or last.lines]
    offsets += [line.left - after.left for line in first.lines[1:]]
    indented = first.lines[0].left - after.left > min(offsets) + TOLERANCE
    return full and not indented


def _excerpt(text: str, size: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[: size - 1] + "…"
