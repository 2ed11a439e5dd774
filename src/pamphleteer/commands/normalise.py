"""Normalise seeds into chapters: the whole manifest, or one file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..chapters import parse_chapter, render_body, render_chapter, stamp_chapter
from ..cores import map_forked, worker_count
from ..diagnostics import Diagnostic
from ..errors import ReportedErrors, UsageError
from ..files import write_atomic, write_if_changed
from ..normalise import Result, load_word_lists, normalise_source
from ..normalise.report import ChapterReport, render_json, render_markdown
from ..project.corrections import Correction, apply_corrections, due, load_corrections
from ..project.handedits import EditedChapters, find_hand_edits
from ..project.manifest import ChapterSpec, Manifest, load_manifest
from ..project.references import load_references
from ..readers import KINDS, load_seed

REPORT = Path("build/normalise-report.md")
# Below this much seed text (some 30 A5 pages) one process is done before others would have started.
PARALLEL_BYTES = 50_000

Progress = Callable[[str], None]


def normalise_project(root: Path, progress: Progress = lambda _: None, force: bool = False) -> list[ChapterReport]:
    """Normalise every chapter of the manifest into chapters/, and write the report.

    Every chapter is normalised before any file is written, so an error in
    one seed, a correction that no longer matches, or a chapter edited by
    hand leaves all chapter files as they were.

    Args:
        root: The project.
        progress: Called with one line per step.
        force: Overwrite chapters edited by hand (their edits are lost).

    Raises:
        ReportedErrors: a correction matches its fresh chapter not exactly once.
        EditedChapters: a chapter was edited by hand (unless `force`).
    """
    manifest = load_manifest(root)
    corrections = load_corrections(root, {spec.slug for spec in manifest.chapters})
    references = load_references(root)
    specs = manifest.chapters
    workers = _workers(root, specs)
    if workers > 1:
        load_word_lists(manifest.language)  # before forking, so that the processes share them
    finished = iter(range(1, len(specs) + 1))
    results = map_forked(lambda spec: _normalise_chapter(root, spec, manifest.language, references), specs,
                         workers, weight=lambda spec: _seed_size(root, spec),
                         done=lambda spec: progress(f"Step {next(finished)}/{len(specs)} - normalised {spec.seed}"))
    outputs = [(spec, stamp_chapter(render_chapter(_front_matter(spec, result), result.draft)))
               for spec, result in zip(specs, results, strict=True)]
    reports = [_report(spec.path, spec.seed, result) for spec, result in zip(specs, results, strict=True)]
    _refuse_unsafe_writes(root, manifest, outputs, corrections, force)
    for spec, text in outputs:
        write_if_changed(root / spec.path, text)
    write_if_changed(root / REPORT, render_markdown(reports))
    write_if_changed(root / REPORT.with_suffix(".json"), render_json(reports))
    return reports


def _refuse_unsafe_writes(root: Path, manifest: Manifest, outputs: list[tuple[ChapterSpec, str]],
                          corrections: list[Correction], force: bool) -> None:
    """Stop before writing if a correction would not apply or an edit would be lost."""
    mine = {spec.slug: due(corrections, spec.slug, manifest.edition) for spec, _ in outputs}
    problems: list[Diagnostic] = []
    for spec, text in outputs:
        chapter = parse_chapter(text, root / spec.path, spec.path)
        problems += apply_corrections(chapter.body, mine[spec.slug], spec.path, chapter.body_line)[1]
    if problems:
        count = len(problems)
        raise ReportedErrors(f"{count} correction{'s do' if count != 1 else ' does'} not match exactly once; "
                             "no chapter was written.", problems)
    edits = find_hand_edits(root, [(spec.path, spec.slug, text) for spec, text in outputs],
                            [c for spec, _ in outputs for c in mine[spec.slug]])
    if edits and not force:
        raise EditedChapters(edits)


def _workers(root: Path, specs: list[ChapterSpec]) -> int:
    """Seeds are normalised on every core when there is enough text to repay starting the processes."""
    workers = worker_count()
    if workers < 2 or len(specs) < 2 or sum(_seed_size(root, spec) for spec in specs) < PARALLEL_BYTES:
        return 1
    return workers


def _seed_size(root: Path, spec: ChapterSpec) -> int:
    path = root / spec.seed
    return path.stat().st_size if path.is_file() else 0


def _normalise_chapter(root: Path, spec: ChapterSpec, language: str, references: dict) -> Result:
    source = load_seed(root / spec.seed, spec.seed)
    options: dict[str, object] = {"page_order": list(spec.page_order)} if spec.page_order else {}
    options["references"] = references  # citations are written with the keys of references.yaml
    # The manifest's title and author: where the seed's text repeats them, those lines are title matter.
    options["title_lines"] = [text for text in (spec.title, spec.subtitle, spec.author) if text]
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


def file_report(result: Result, seed: str, chapter: str) -> str:
    """The normalise report (Markdown) for one file normalised on its own."""
    return render_markdown([_report(chapter, seed, result)])


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
