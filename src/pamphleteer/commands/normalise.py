"""Normalise seeds into chapters: the whole manifest, or one file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..chapters import render_body, render_chapter
from ..errors import UsageError
from ..files import write_atomic
from ..normalise import Result, normalise_source
from ..normalise.report import ChapterReport, render_json, render_markdown
from ..project.manifest import ChapterSpec, load_manifest
from ..project.references import load_references
from ..readers import KINDS, load_seed

REPORT = Path("build/normalise-report.md")

Progress = Callable[[str], None]


def normalise_project(root: Path, progress: Progress = lambda _: None) -> list[ChapterReport]:
    """Normalise every chapter of the manifest into chapters/, and write the report.

    Every chapter is normalised before any file is written, so an error in
    one seed leaves all chapter files as they were.
    """
    manifest = load_manifest(root)
    references = load_references(root)
    outputs: list[tuple[Path, str]] = []
    reports: list[ChapterReport] = []
    for step, spec in enumerate(manifest.chapters, start=1):
        progress(f"Step {step}/{len(manifest.chapters)} - normalising {spec.seed}")
        result = _normalise_chapter(root, spec, manifest.language, references)
        outputs.append((root / spec.path, render_chapter(_front_matter(spec, result), result.draft)))
        reports.append(_report(spec.path, spec.seed, result))
    for path, text in outputs:
        write_atomic(path, text)
    write_atomic(root / REPORT, render_markdown(reports))
    write_atomic(root / REPORT.with_suffix(".json"), render_json(reports))
    return reports


def _normalise_chapter(root: Path, spec: ChapterSpec, language: str, references: dict) -> Result:
    source = load_seed(root / spec.seed, spec.seed)
    options: dict[str, object] = {"page_order": list(spec.page_order)} if spec.page_order else {}
    options["references"] = references  # citations are written with the keys of references.yaml
    return normalise_source(source, spec.seed, spec.kind, language, options)


def _front_matter(spec: ChapterSpec, result: Result) -> dict[str, object]:
    """Manifest facts first; facts the seed itself gave fill what the manifest leaves empty."""
    meta = spec.front_matter()
    meta["kind"] = result.draft.kind
    for key, value in result.draft.meta:
        if key != "title" and not meta.get(key):
            meta[key] = value
    return meta


def _report(chapter: str, seed: str, result: Result) -> ChapterReport:
    return ChapterReport(chapter, seed, result.reading, result.changes,
                         result.draft.page_order, len(result.draft.notes))


def normalise_file(path: Path, kind: str = "auto", output: Path | None = None) -> tuple[str, Result]:
    """Normalise one file, no manifest needed.

    Returns:
        The chapter Markdown (front matter from what the seed says) and the result.
    """
    if kind not in KINDS:
        raise UsageError(f"unknown kind {kind!r}; choose one of {', '.join(KINDS)}.")
    shown = str(path)
    source = load_seed(path, shown)
    result = normalise_source(source, shown, kind)
    meta = {key: value for key, value in result.draft.meta}
    meta.update({"seed": shown, "kind": result.draft.kind})
    text = render_chapter(meta, result.draft) if meta else render_body(result.draft)
    if output is not None:
        write_atomic(output, text)
    return text, result
