"""Check the project: chapters linted, outputs validated; every finding reported together."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..check.chapters import lint_chapter
from ..check.corrections import check_corrections
from ..check.outputs import check_epub
from ..check.print_measures import measure_built_pdf
from ..check.references import check_references
from ..diagnostics import Report
from ..project.editions import output_stem
from ..project.manifest import ManifestErrors, load_manifest

Progress = Callable[[str], None]


def check(root: Path, progress: Progress = lambda _: None) -> Report:
    """Lint every chapter and validate the built outputs; return all findings."""
    report = Report()
    try:
        manifest = load_manifest(root)
    except ManifestErrors as errors:
        report.extend(errors.diagnostics)
        return report
    progress("Step 1 - linting chapters")
    for spec in manifest.chapters:
        report.extend(lint_chapter(root / spec.path, spec.path))
    report.extend(check_references(root, manifest))
    report.extend(check_corrections(root, manifest))
    stem = output_stem(manifest.slug, manifest.edition)
    if "epub" in manifest.formats:
        report.extend(check_epub(root, stem, progress))
    report.extend(measure_built_pdf(root, stem, manifest.formats, progress))
    return report
