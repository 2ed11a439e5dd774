"""Build the outputs: chapters -> model -> PDF, booklet, EPUB (and HTML on request).

An output whose inputs have not changed since it was built is skipped, and
the renderers are imported only once there is something to render.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from ..diagnostics import Location, diagnose, relative
from ..errors import ReportedErrors, UsageError
from ..project.buildstate import BuildState, fingerprint
from ..project.editions import output_name
from ..project.manifest import FORMATS, Manifest, load_manifest

BUILD = "build"

Progress = Callable[[str], None]


def build(root: Path, formats: Sequence[str] = (), progress: Progress = lambda _: None,
          force: bool = False) -> list[Path]:
    """Build the requested formats (default: the manifest's) into build/.

    Args:
        root: The project.
        formats: Formats to build (default: the manifest's).
        progress: Called with one line per step.
        force: Rebuild even outputs whose inputs have not changed.

    Returns:
        The paths written, in the order they were made (none if all were up to date).

    Raises:
        ReportedErrors: a chapter or a correction has errors; nothing was written.
    """
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise UsageError(f"unknown format {unknown[0]!r}; choose from {', '.join(FORMATS)}.")
    manifest = load_manifest(root)
    wanted = list(dict.fromkeys(formats or manifest.formats))
    targets = {fmt: root / BUILD / output_name(manifest.slug, manifest.edition, fmt) for fmt in FORMATS}
    inputs = fingerprint(root, manifest)
    state = BuildState.load(root / BUILD)
    stale = [fmt for fmt in wanted if force or not state.fresh(targets[fmt], inputs)]
    for fmt in wanted:
        if fmt not in stale:
            progress(f"{relative(targets[fmt], root)} is up to date.")
    if not stale:
        progress("Nothing to build: no input has changed since the last build.")
        return []
    if "booklet" in stale and "pdf" not in stale and not state.fresh(targets["pdf"], inputs):
        stale.append("pdf")  # the booklet is imposed from the PDF
    refuse_broken_inputs(root, manifest)
    written = _render(root, manifest, stale, progress)
    for path in written:
        state.record(path, inputs)
    state.save()
    return written


def refuse_broken_inputs(root: Path, manifest: Manifest) -> None:
    """Stop before rendering if a chapter is missing or has errors, or a correction does not match.

    Raises:
        ReportedErrors: with every such problem.
    """
    from ..check.chapters import lint_chapter
    from ..check.corrections import check_corrections

    problems = []
    for spec in manifest.chapters:
        if not (root / spec.path).is_file():
            problems.append(diagnose("c007", Location(spec.path)))
            continue
        problems += [d for d in lint_chapter(root / spec.path, spec.path) if d.severity == "error"]
    problems += check_corrections(root, manifest)
    if problems:
        count = len(problems)
        raise ReportedErrors(f"{count} problem{'s' * (count != 1)} must be fixed before building; "
                             "no output was written.", problems)


def _render(root: Path, manifest: Manifest, wanted: list[str], progress: Progress) -> list[Path]:
    """Render the formats in `wanted` (the rendering proper, with the renderers imported now)."""
    from ..files import write_atomic
    from ..model.load import load_edition
    from ..render.booklet import render_booklet
    from ..render.context import BuildContext, build_moment
    from ..render.epub import render_epub
    from ..render.pdf import layout, print_html, render_pdf
    from ..render.reproducible import pinned_dates

    progress("Step 1 - reading chapters")
    edition = load_edition(root, manifest)
    context = BuildContext(edition, root, root / BUILD, build_moment(edition))
    written: list[Path] = []
    step = 2
    with pinned_dates(context.moment):
        if "html" in wanted:
            progress(f"Step {step} - writing HTML")
            target = context.output(".html")
            write_atomic(target, print_html(context))
            written.append(target)
            step += 1
        document = None
        if {"pdf", "epub"} & set(wanted):
            progress(f"Step {step} - laying out the pages")
            document = layout(context)  # the EPUB cites the print pages, so it needs this too
            step += 1
        if "pdf" in wanted:
            progress(f"Step {step} - writing the PDF")
            written.append(render_pdf(context, document))
            step += 1
        if "booklet" in wanted:
            progress(f"Step {step} - imposing the booklet")
            written.append(render_booklet(context, context.output(".pdf")))
            step += 1
        if "epub" in wanted:
            progress(f"Step {step} - making the EPUB")
            written.append(render_epub(context, document))
    return written
