"""A book typeset in parts and assembled must read exactly like the same book typeset in one piece."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from pamphleteer.cores import WORKERS
from pamphleteer.commands.build import build
from pamphleteer.render import parts
from pamphleteer.render.pagemap import cached_page_map

WORDS = ("the council met again and the workers spoke of bread land and peace while the committee "
         "wrote its minutes by lamplight and nobody agreed on the order of the day").split()


def _paragraph(seed: int, words: int = 110) -> str:
    return " ".join(WORDS[(seed * 7 + i * 3) % len(WORDS)] for i in range(words)).capitalize() + "."


def _chapter(number: int, title: str, paragraphs: int) -> str:
    body = [f"---\ntitle: {title}\nseed: seeds/{number}.txt\nkind: text\n---\n"]
    for index in range(paragraphs):
        if index == 3:
            body.append("## A section\n")
        text = _paragraph(number * 31 + index)
        if index % 4 == 1:
            text += f"[^{index}]"
        if index == 2 and number == 3:
            text += " As the [first chapter](#ch-one) said."
        body.append(text + "\n")
    body += [f"[^{index}]: A note on paragraph {index}, with its source.\n"
             for index in range(paragraphs) if index % 4 == 1]
    return "\n".join(body)


MANIFEST = """[pamphlet]
slug = "parts"
title = "A Book in Parts"
subtitle = "Typeset piece by piece"
editor = ""
language = "en"
edition = 1
date = 2026-01-01
description = "Three chapters."
citations = "notes"

[output]
formats = ["pdf", "epub"]
"""


def _project(root: Path) -> Path:
    (root / "chapters").mkdir(parents=True)
    (root / "seeds").mkdir()
    tables = []
    for number, (slug, title, paragraphs) in enumerate(
            [("one", "The First", 11), ("two", "The Second", 16), ("three", "The Third", 9)], start=1):
        (root / "seeds" / f"{number}.txt").write_text("Seed.\n", encoding="utf-8")
        (root / "chapters" / f"0{number}-{slug}.md").write_text(_chapter(number, title, paragraphs), encoding="utf-8")
        tables.append(f'[[chapters]]\nslug = "{slug}"\nseed = "seeds/{number}.txt"\nkind = "text"\ntitle = "{title}"\n')
    (root / "pamphlet.toml").write_text(MANIFEST + "\n" + "\n".join(tables), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def books(tmp_path_factory) -> tuple[Path, Path]:
    """The same book built in one piece and in four parts (front matter and one part per chapter)."""
    whole = _project(tmp_path_factory.mktemp("whole") / "book")
    split = tmp_path_factory.mktemp("split") / "book"
    shutil.copytree(whole, split)
    build(whole)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(parts, "PART_LETTERS", 3_000)
        patch.setenv(WORKERS, "2")
        build(split)
    return whole, split


def _pdf(root: Path) -> PdfReader:
    return PdfReader(root / "build" / "parts.pdf")


def test_the_book_is_really_split(books):
    from pamphleteer.model.load import load_edition
    from pamphleteer.project.manifest import load_manifest

    _, split = books
    chapters = load_edition(split, load_manifest(split)).chapters
    assert len(parts.plan_parts(chapters, 3_000)) == 4
    assert parts.plan_parts(chapters) == []  # at the usual part size, one piece


def test_every_page_reads_the_same_folios_heads_and_contents_numbers(books):
    whole, split = (_pdf(root) for root in books)
    assert len(split.pages) == len(whole.pages) > 10
    for number, (one, other) in enumerate(zip(whole.pages, split.pages), start=1):
        assert other.extract_text() == one.extract_text(), f"page {number} differs"


def _outline(reader) -> list[tuple[str, int]]:
    flat = []
    for item in reader.outline:
        items = item if isinstance(item, list) else [item]
        flat += [(entry.title, reader.get_destination_page_number(entry)) for entry in items]
    return flat


def test_outline_points_at_the_same_pages(books):
    whole, split = (_pdf(root) for root in books)
    assert _outline(split) == _outline(whole)
    assert len(_outline(split)) >= 4


def _links(reader) -> list[tuple[int, int]]:
    """(page of the link, page it leads to) for every internal link."""
    names = reader.named_destinations
    found = []
    for index, page in enumerate(reader.pages):
        for reference in page.get("/Annots") or ():
            annotation = reference.get_object()
            target = annotation.get("/Dest")
            if target is not None:
                found.append((index, reader.get_destination_page_number(names[str(target)])))
            else:
                assert not str(annotation["/A"]["/URI"]).startswith(parts.ANCHOR_SCHEME)
    return found


def test_links_across_parts_lead_where_they_do_in_one_piece(books):
    whole, split = (_pdf(root) for root in books)
    links = _links(split)
    assert links == _links(whole)
    contents = 4  # page 5: the contents, in the front part; its links go into the chapter parts
    starts = {page for title, page in _outline(split) if title.startswith("The ")}
    assert len(starts) == 3
    assert {page for origin, page in links if origin == contents} == starts
    assert any(origin > page > contents for origin, page in links)  # the third chapter cites the first


def test_each_font_is_embedded_once(books):
    reader = _pdf(books[1])
    fonts: dict[str, set[int]] = {}
    programs: dict[str, set[int]] = {}
    for page in reader.pages:
        for reference in (page["/Resources"].get("/Font") or {}).values():
            font = reference.get_object()
            name = str(font["/BaseFont"])
            fonts.setdefault(name, set()).add(reference.idnum)
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
            programs.setdefault(name, set()).add(descriptor.raw_get("/FontFile2").idnum)
    assert fonts and all(len(objects) == 1 for objects in fonts.values()), fonts
    assert all(len(objects) == 1 for objects in programs.values()), programs


def test_the_epub_gets_the_same_print_pages(books):
    whole, split = books
    from pamphleteer.project.buildstate import BuildState

    def pages(root):
        inputs = {v["inputs"] for v in BuildState.load(root / "build").outputs.values()}.pop()
        return cached_page_map(root / "build", inputs)

    one, other = pages(whole), pages(split)
    assert other.breaks == one.breaks
    assert other.cover == one.cover
    assert len(other.breaks) == len(_pdf(split).pages)


def test_a_part_that_fails_stops_the_build_with_its_sentence(tmp_path, monkeypatch):
    from pamphleteer.errors import ContentError

    root = _project(tmp_path / "book")
    (root / "styles").mkdir()
    (root / "styles" / "pamphlet.css").write_text('.chapter { background: url("file:///etc/hostname"); }\n')
    monkeypatch.setattr(parts, "PART_LETTERS", 3_000)
    monkeypatch.setenv(WORKERS, "2")
    with pytest.raises(ContentError, match="outside the project"):
        build(root, ["pdf"])
    assert not (root / "build" / "parts.pdf").exists()


def test_an_epub_build_reuses_the_kept_page_map(books, monkeypatch):
    from pamphleteer.render import pdf

    def no_layout(*_args, **_kwargs):
        raise AssertionError("the print edition was laid out again")

    whole, _ = books
    epub = whole / "build" / "parts.epub"
    before = epub.read_bytes()
    monkeypatch.setattr(pdf, "render_print", no_layout)
    assert build(whole, ["epub"], force=True) == [epub]
    assert epub.read_bytes() == before


def test_building_again_gives_the_same_bytes(books, monkeypatch):
    _, split = books
    pdf = split / "build" / "parts.pdf"
    before = pdf.read_bytes()
    monkeypatch.setattr(parts, "PART_LETTERS", 3_000)
    monkeypatch.setenv(WORKERS, "1")  # the order in which parts finish must not matter
    build(split, ["pdf"], force=True)
    assert pdf.read_bytes() == before
