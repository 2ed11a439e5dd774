"""Citations from references.yaml to the page: loading, rendering, notes renumbered, links, works cited, check."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pamphleteer.check.references import check_references
from pamphleteer.chapters import parse_chapter
from pamphleteer.diagnostics import Location
from pamphleteer.errors import ContentError
from pamphleteer.model import nodes as n
from pamphleteer.model.citations import resolve_citations
from pamphleteer.model.parse import ChapterParser, plain_text
from pamphleteer.project.manifest import load_manifest
from pamphleteer.project.references import ReferenceErrors, parse_references

REFERENCES = """\
references:
  - id: doe-harbour-workers
    type: book
    author: [{family: Doe, given: Jane}]
    title: Harbour Workers
  - id: lee-yard-committees
    type: article-journal
    author: [{family: Lee, given: Ann}]
    title: The Yard Committees
    container-title: The Dock Review
    volume: 4
    issue: 2
    page: 101-19
    URL: https://example.org/yards
"""

CHAPTER = """\
---
title: T
---

## 1 Yards

They said “no.” [@doe-harbour-workers, p. 3 and p. 5]. A note.[^1] Again [quoted by @doe-harbour-workers, pp. 52-3]; see the next section and section 2.

## 2 Councils

Then [@lee-yard-committees, p. 110] and section 9.

[^1]: Compare [@lee-yard-committees, p. 102], and see note 1.
"""


def _edition(citations: str = "notes") -> n.Edition:
    chapter_file = parse_chapter(CHAPTER, Path("c.md"), "chapters/01-c.md")
    chapter = ChapterParser().parse(chapter_file, 1, "c", "chapter", "chapters/01-c.md")
    edition = n.Edition("s", "T", "", "", "", (), "en", 1, dt.date(2026, 1, 1), "", (chapter,),
                        options={"citations": citations})
    return resolve_citations(edition, parse_references(REFERENCES))


@pytest.fixture(scope="module")
def notes_edition() -> n.Edition:
    return _edition()


def _notes(edition: n.Edition) -> list[str]:
    return [plain_text(note.content[0].content) for note in edition.chapters[0].notes]


def test_citations_become_notes_numbered_with_the_others(notes_edition):
    assert _notes(notes_edition) == [
        "Jane Doe, Harbour Workers, pp. 3, 5.",
        "Compare Ann Lee, “The Yard Committees,” The Dock Review 4, no. 2, p. 102, https://example.org/yards, and see note 2.",
        "Quoted by Doe, Harbour Workers, pp. 52–53.",
        "Lee, “Yard Committees,” p. 110.",
    ]


def test_note_calls_follow_punctuation_and_never_double_it(notes_edition):
    para = notes_edition.chapters[0].blocks[1]
    assert plain_text(para.content[:1]) == "They said “no.”"
    assert isinstance(para.content[1], n.NoteRef) and para.content[1].number == 1
    assert plain_text(para.content[2:3]) == " A note."


def test_note_cross_reference_links_to_the_renumbered_note(notes_edition):
    links = [node for node in notes_edition.chapters[0].notes[1].content[0].content if isinstance(node, n.Link)]
    assert ("#c-note-2", "note 2") in [(link.url, plain_text(link.content)) for link in links]


def test_section_references_link_to_headings_in_the_chapter(notes_edition):
    links = [(node.url, plain_text(node.content)) for node in notes_edition.chapters[0].blocks[1].content
             if isinstance(node, n.Link)]
    assert links == [("#c-2-councils", "next section"), ("#c-2-councils", "section 2")]
    later = notes_edition.chapters[0].blocks[3].content
    assert not any(isinstance(node, n.Link) for node in later), "section 9 is not in the chapter"


def test_works_cited_closes_the_edition_in_bibliography_order(notes_edition):
    works = notes_edition.chapters[-1]
    assert (works.slug, works.role, works.title) == ("works-cited", "bibliography", "Works cited")
    assert [plain_text(block.content) for block in works.blocks] == [
        "Doe, Jane. Harbour Workers.",
        "Lee, Ann. “The Yard Committees.” The Dock Review 4, no. 2: 101–119. https://example.org/yards.",
    ]


def test_inline_style_keeps_short_citations_in_the_text():
    edition = _edition("inline")
    cite = next(node for node in edition.chapters[0].blocks[1].content if isinstance(node, n.Cite))
    assert plain_text(cite.rendered) == "(Doe, Harbour Workers, pp. 3, 5)"
    assert len(edition.chapters[0].notes) == 1


def test_unknown_key_is_one_clear_error():
    chapter_file = parse_chapter("---\ntitle: T\n---\n\nSee [@nobody].\n", Path("c.md"), "chapters/01-c.md")
    chapter = ChapterParser().parse(chapter_file, 1, "c", "chapter", "chapters/01-c.md")
    edition = n.Edition("s", "T", "", "", "", (), "en", 1, dt.date(2026, 1, 1), "", (chapter,))
    with pytest.raises(ContentError, match=r"chapters/01-c.md: unknown citation key @nobody"):
        resolve_citations(edition, {})


def test_every_problem_in_references_yaml_is_reported_with_its_line():
    with pytest.raises(ReferenceErrors) as caught:
        parse_references("- id: Bad Key\n  type: novel\n- id: ok-key\n  type: book\n  issued: {date-parts: [[1999, 13]]}\n")
    lines = [(d.location, d.code) for d in caught.value.diagnostics]
    assert lines == [(Location("references.yaml", 1), "r003")] * 2 + [(Location("references.yaml", 3), "r003")]


def test_broken_yaml_names_its_line():
    with pytest.raises(ReferenceErrors) as caught:
        parse_references("- id: a\n  type: [book\n")
    assert caught.value.diagnostics[0].location.line == 3


def test_two_yaml_documents_are_refused_in_a_whole_sentence():
    with pytest.raises(ReferenceErrors) as caught:
        parse_references("- id: a\n  type: book\n---\n- id: b\n  type: book\n")
    [diagnostic] = caught.value.diagnostics
    assert diagnostic.location.line == 3
    assert "expected a single document in the stream, but found another document" in diagnostic.message


def _codes(root: Path) -> list[tuple[str, str]]:
    return [(d.code, str(d.location)) for d in check_references(root, load_manifest(root))]


def test_check_passes_the_repository_pamphlet_without_errors(pamphlet_copy: Path):
    codes = {code for code, _ in _codes(pamphlet_copy)}
    assert codes <= {"r002", "r007"}, codes


def test_check_finds_raw_citations_unknown_keys_and_uncited_works(pamphlet_copy: Path):
    chapter = pamphlet_copy / "chapters" / "04-against-leninism.md"
    text = chapter.read_text(encoding="utf-8").replace("[@post-leninism]", "[@nobody-knows] See [Some Book, p. 4], Ibid.")
    chapter.write_text(text, encoding="utf-8")
    codes = _codes(pamphlet_copy)
    line = text[: text.index("[@nobody-knows]")].count("\n") + 1
    assert ("r001", f"chapters/04-against-leninism.md:{line}") in codes
    assert [code for code, _ in codes].count("r005") == 2
    assert ("r004", "references.yaml:343") in codes


def test_check_finds_one_work_entered_twice(pamphlet_copy: Path):
    path = pamphlet_copy / "references.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "  - id: berkman-myth-again\n    type: book\n    author: [{family: Berkman, given: A.}]\n"
                    "    title: The Bolshevik Myth\n", encoding="utf-8")
    assert "r006" in {code for code, _ in _codes(pamphlet_copy)}
