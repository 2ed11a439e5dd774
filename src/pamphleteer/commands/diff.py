"""`diff`: what changed in the text since a previous edition (a git commit, or a previous build's EPUB)."""

from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

from ..chapters import parse_chapter
from ..diagnostics import relative
from ..errors import ContentError, UsageError
from ..project import history
from ..project.buildstate import BuildState, fingerprint
from ..project.corrections import CORRECTIONS, Correction, apply_corrections, due, load_corrections, parse_corrections
from ..project.editions import output_name
from ..project.manifest import ChapterSpec, Manifest, load_manifest
from ..project.tomlfile import parse_toml
from ..textdiff import Paragraph, compare, paragraphs

_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "figcaption", "td", "th"}


@dataclass(frozen=True)
class ChapterText:
    """One chapter's published text: `key` pairs it with the same chapter in another edition."""

    key: str
    title: str
    path: str
    paragraphs: list[Paragraph]


@dataclass(frozen=True)
class EditionText:
    label: str
    chapters: list[ChapterText]


def diff_editions(root: Path, against: str | None = None) -> str:
    """A report of what changed in the text, for people to read.

    Args:
        root: The project.
        against: A git ref, or the path of a previous build's EPUB; by
            default the last commit of the previous edition.
    """
    manifest = load_manifest(root)
    if against and (Path(against).suffix == ".epub" or Path(against).is_file()):
        old = epub_text(Path(against), against)
        new = epub_text(_current_epub(root, manifest), f"this build (edition {manifest.edition})")
    else:
        commit = history.resolve(root, against) if against else history.previous_edition(root, manifest.edition)
        old = git_text(root, commit, against or "")
        new = EditionText(f"edition {manifest.edition} (working tree)", _chapters(root, manifest))
    return render(old, new)


def _chapters(root: Path, manifest: Manifest) -> list[ChapterText]:
    def read(path: str) -> str | None:
        return (root / path).read_text(encoding="utf-8") if (root / path).is_file() else None

    corrections = load_corrections(root, {spec.slug for spec in manifest.chapters})
    return _corrected_chapters(list(manifest.chapters), read, corrections, manifest.edition)


def _corrected_chapters(specs: list[ChapterSpec], read, corrections: list[Correction], edition: int) -> list[ChapterText]:
    """Each chapter's text with its corrections applied (a missing chapter file counts as empty)."""
    found = []
    for spec in specs:
        text = read(spec.path) or ""
        chapter = parse_chapter(text, Path(spec.path), spec.path)
        body = apply_corrections(chapter.body, due(corrections, spec.slug, edition), spec.path, chapter.body_line)[0]
        found.append(ChapterText(spec.slug, spec.title, spec.path, paragraphs(body, chapter.body_line)))
    return found


def git_text(root: Path, commit: str, ref: str) -> EditionText:
    """The text of the edition committed at `commit`."""
    data = parse_toml(history.show(root, commit, "pamphlet.toml") or "", "pamphlet.toml")
    pamphlet = data.get("pamphlet") if isinstance(data.get("pamphlet"), dict) else {}
    entries = [e for e in data.get("chapters", []) if isinstance(e, dict)] if isinstance(data.get("chapters"), list) else []
    specs = [ChapterSpec(number, str(e.get("slug", f"chapter-{number}")), "", "auto", str(e.get("title", "")))
             for number, e in enumerate(entries, start=1)]
    try:
        corrections = _old_corrections(root, commit, {spec.slug for spec in specs})
    except ContentError:
        corrections = []  # an old corrections.toml that no longer reads: compare the chapters as they were
    label = f"edition {pamphlet.get('edition', '?')} ({ref + ', ' if ref else ''}commit {commit[:7]})"
    return EditionText(label, _corrected_chapters(specs, lambda path: history.show(root, commit, path),
                                                  corrections, int(pamphlet.get("edition", 0) or 0)))


def _old_corrections(root: Path, commit: str, slugs: set[str]) -> list[Correction]:
    return parse_corrections(history.show(root, commit, CORRECTIONS) or "", slugs)


def _current_epub(root: Path, manifest: Manifest) -> Path:
    """This edition's EPUB, which must be built from the current inputs."""
    path = root / "build" / output_name(manifest.slug, manifest.edition, "epub")
    if not BuildState.load(path.parent).fresh(path, fingerprint(root, manifest)):
        raise UsageError(f"{relative(path, root)} is missing or older than its inputs; run `pamphleteer build` first.")
    return path


def epub_text(path: Path, shown: str) -> EditionText:
    """The text of an EPUB: each spine document's block elements, in reading order.

    Raises:
        ContentError: the file is missing or not an EPUB.
    """
    try:
        with zipfile.ZipFile(path) as book:
            documents = [_document_text(book, name) for name in _spine(book)]
    except FileNotFoundError:
        raise ContentError(f"{shown}: the file does not exist.") from None
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError) as error:
        raise ContentError(f"{shown}: not a readable EPUB ({error}).") from None
    chapters = [ChapterText(title, title, name, found) for name, title, found in documents if found]
    return EditionText(shown, chapters)


def _spine(book: zipfile.ZipFile) -> list[str]:
    """The archive names of the spine's documents, navigation aside."""
    container = ElementTree.fromstring(book.read("META-INF/container.xml"))
    opf_name = next(e.get("full-path") for e in container.iter() if _local(e.tag) == "rootfile")
    opf = ElementTree.fromstring(book.read(opf_name))
    items = {e.get("id"): e for e in opf.iter() if _local(e.tag) == "item"}
    names = []
    for ref in (e for e in opf.iter() if _local(e.tag) == "itemref"):
        item = items.get(ref.get("idref"))
        if item is not None and "nav" not in (item.get("properties") or "").split():
            names.append(posixpath.normpath(posixpath.join(posixpath.dirname(opf_name), item.get("href"))))
    return names


def _document_text(book: zipfile.ZipFile, name: str) -> tuple[str, str, list[Paragraph]]:
    """(name, title, paragraphs) of one XHTML document: its innermost block elements' text."""
    root = ElementTree.fromstring(book.read(name))
    blocks = [e for e in root.iter() if _local(e.tag) in _BLOCKS
              and not any(_local(d.tag) in _BLOCKS for d in e.iter() if d is not e)]
    texts = [" ".join("".join(e.itertext()).split()) for e in blocks]
    found = [Paragraph(text, f"{name}, paragraph {index}") for index, text in enumerate(texts, 1) if text]
    heading = next((e for e in root.iter() if _local(e.tag) in ("h1", "h2")), None)
    title = " ".join("".join(heading.itertext()).split()) if heading is not None else name
    return name, title, found


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def render(old: EditionText, new: EditionText) -> str:
    """The report: each chapter's changed, added and removed paragraphs, then a count."""
    lines = [f"Changes in the text from {old.label} to {new.label}:"]
    before = {chapter.key: chapter for chapter in old.chapters}
    counts = {"changed": 0, "added": 0, "removed": 0}
    touched = 0
    for chapter in new.chapters:
        changes = compare(before.pop(chapter.key).paragraphs if chapter.key in before else [], chapter.paragraphs)
        if changes:
            touched += 1
            lines += ["", f"{chapter.title} ({chapter.path})", *(f"  {change.describe()}" for change in changes)]
            for change in changes:
                counts[change.kind] += 1
    lines += [line for gone in before.values() for line in ("", f"{gone.title} ({gone.path}): the chapter was removed")]
    if not touched and not before:
        return f"No change in the text from {old.label} to {new.label}.\n"
    summary = ", ".join(f"{count} paragraph{'s' * (count != 1)} {kind}" for kind, count in counts.items() if count)
    lines += ["", f"{summary or 'no paragraph changed'} in {touched} chapter{'s' * (touched != 1)}"
                  f"{f'; {len(before)} removed' if before else ''}."]
    return "\n".join(lines) + "\n"
