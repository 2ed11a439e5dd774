"""Load the edition: manifest plus chapter files, parsed into the model."""

from __future__ import annotations

from pathlib import Path

from ..chapters import read_chapter
from ..project.corrections import colophon, correct_chapter, due, load_corrections
from ..project.manifest import Manifest, load_manifest
from ..project.references import load_references
from . import nodes as n
from .citations import resolve_citations
from .parse import ChapterParser


def load_edition(root: Path, manifest: Manifest | None = None) -> n.Edition:
    """Read pamphlet.toml and every chapter file into an Edition."""
    manifest = manifest or load_manifest(root)
    parser = ChapterParser()
    corrections = load_corrections(root, {spec.slug for spec in manifest.chapters})
    chapters = []
    for spec in manifest.chapters:
        chapter_file = read_chapter(root / spec.path, spec.path)
        chapter_file = correct_chapter(chapter_file, due(corrections, spec.slug, manifest.edition), spec.path)
        chapter = parser.parse(chapter_file, spec.number, spec.slug, spec.role, spec.path)
        chapters.append(chapter)
    edition = n.Edition(
        slug=manifest.slug, title=manifest.title, subtitle=manifest.subtitle,
        editor=manifest.editor, publisher=manifest.publisher,
        authors=tuple(manifest.authors), language=manifest.language,
        edition=manifest.edition, date=manifest.date, description=manifest.description,
        chapters=tuple(chapters),
        corrections=colophon(corrections, manifest.edition, {c.slug: c.title for c in chapters}),
        options={"page_size": manifest.page_size, "booklet_paper": manifest.booklet_paper, "creep": str(manifest.creep),
                 "citations": manifest.citations},
    )
    return resolve_citations(edition, load_references(root))
