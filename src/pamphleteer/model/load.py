"""Load the edition: manifest plus chapter files, parsed into the model."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..chapters import read_chapter
from ..cores import map_forked
from ..project.corrections import colophon, correct_chapter, due, load_corrections
from ..project.manifest import ChapterSpec, Manifest, load_manifest
from ..project.references import Reference, load_references
from . import nodes as n
from .citations import resolve_chapter, with_works_cited
from .parse import ChapterParser

# Below this much chapter text (some 400 A5 pages) reading in one process is
# faster than starting others; above it, a long book's chapters are read on
# every core the build may use.
PARALLEL_BYTES = 1_000_000


def load_edition(root: Path, manifest: Manifest | None = None, workers: int = 1) -> n.Edition:
    """Read pamphlet.toml and every chapter file into an Edition.

    Args:
        workers: Processes that may read chapters at once (used for long books).
    """
    manifest = manifest or load_manifest(root)
    reader = _ChapterReader(root, manifest, load_corrections(root, {spec.slug for spec in manifest.chapters}),
                            load_references(root))
    read = map_forked(reader.read, range(len(manifest.chapters)), workers if reader.size() >= PARALLEL_BYTES else 1)
    chapters = tuple(chapter for chapter, _ in read)
    edition = n.Edition(
        slug=manifest.slug, title=manifest.title, subtitle=manifest.subtitle,
        editor=manifest.editor, publisher=manifest.publisher,
        authors=tuple(manifest.authors), language=manifest.language,
        edition=manifest.edition, date=manifest.date, description=manifest.description,
        chapters=chapters,
        corrections=colophon(reader.corrections, manifest.edition, {c.slug: c.title for c in chapters}),
        options={"page_size": manifest.page_size, "booklet_paper": manifest.booklet_paper, "creep": str(manifest.creep),
                 "citations": manifest.citations},
    )
    return with_works_cited(edition, [key for _, keys in read for key in keys], reader.references)


@dataclass
class _ChapterReader:
    """Reads one chapter of the manifest: file, due corrections, parse, citations."""

    root: Path
    manifest: Manifest
    corrections: list
    references: Mapping[str, Reference]
    # One Markdown parser for every chapter this process reads (each forked process has its own copy).
    parser: ChapterParser = field(default_factory=ChapterParser)

    def size(self) -> int:
        return sum((self.root / spec.path).stat().st_size for spec in self.manifest.chapters
                   if (self.root / spec.path).is_file())

    def read(self, index: int) -> tuple[n.Chapter, list[str]]:
        """The chapter at `index`, and the keys of the works it cites."""
        spec: ChapterSpec = self.manifest.chapters[index]
        chapter_file = read_chapter(self.root / spec.path, spec.path)
        chapter_file = correct_chapter(chapter_file, due(self.corrections, spec.slug, self.manifest.edition), spec.path)
        chapter = self.parser.parse(chapter_file, spec.number, spec.slug, spec.role, spec.path)
        return resolve_chapter(chapter, self.references, self.manifest.citations == "notes")
