"""Build the outputs: chapters -> model -> PDF, booklet, EPUB (and HTML on request).

An output whose inputs have not changed since it was built is skipped, and
the renderers are imported only once there is something to render.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..diagnostics import relative
from ..errors import ReportedErrors, UsageError
from ..project.buildstate import BuildState, fingerprint
from ..project.editions import output_name
from ..project.manifest import FORMATS, Manifest, load_manifest

if TYPE_CHECKING:  # the model is imported only once there is something to build
    from ..model.nodes import Edition

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
    from ..model.kept import kept_edition

    edition = kept_edition(root / BUILD, inputs)  # read, checked and parsed by a build of the same inputs
    if edition is None:
        refuse_broken_inputs(root, manifest)
    written = _render(root, manifest, stale, progress, inputs, edition)
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

    problems = [d for spec in manifest.chapters for d in lint_chapter(root / spec.path, spec.path)]
    problems = [d for d in problems if d.severity == "error"] + check_corrections(root, manifest)
    if problems:
        count = len(problems)
        raise ReportedErrors(f"{count} problem{'s' * (count != 1)} must be fixed before building; "
                             "no output was written.", problems)


def _render(root: Path, manifest: Manifest, wanted: list[str], progress: Progress, inputs: str,
            edition: Edition | None = None) -> list[Path]:
    """Render the formats in `wanted`, then move them into build/ together.

    The renderers write into a staging folder inside build/; only when every
    one has succeeded are the outputs renamed into place, so a failure
    leaves the outputs of the last build untouched.
    """
    from ..render.context import BuildContext, build_moment
    from ..render.reproducible import pinned_dates

    progress("Step 1 - reading chapters")
    build_dir = root / BUILD
    build_dir.mkdir(parents=True, exist_ok=True)
    read_now = edition is None
    if read_now:
        from ..model.load import load_edition
        from ..cores import worker_count

        edition = load_edition(root, manifest, worker_count())
    staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=build_dir))
    try:
        context = BuildContext(edition, root, staging, build_moment(edition))
        with pinned_dates(context.moment):
            made = _render_formats(context, wanted, build_dir, progress, inputs)
        published = [_publish(path, build_dir) for path in made]
        if read_now:  # kept only once it has made outputs: a failed build leaves build/ as it was
            from ..model.kept import keep_edition

            keep_edition(build_dir, inputs, edition)
        return published
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _render_formats(context, wanted: list[str], build_dir: Path, progress: Progress, inputs: str) -> list[Path]:
    """The rendering proper: each wanted format, laid out once (or not at all), in `context.build_dir`."""
    written: list[Path] = []
    steps = iter(range(2, 10))
    if "html" in wanted:
        from ..files import write_atomic
        from ..render.pdf import print_html

        progress(f"Step {next(steps)} - writing HTML")
        target = context.output(".html")
        write_atomic(target, print_html(context))
        written.append(target)
    pages = None
    if "pdf" in wanted:
        pages = _print(context, build_dir, inputs, steps, progress, write=True)
        written.append(context.output(".pdf"))
    if "booklet" in wanted:
        from ..render.booklet import render_booklet

        progress(f"Step {next(steps)} - imposing the booklet")
        pdf = context.output(".pdf")  # just written, or else the up-to-date one in build/
        written.append(render_booklet(context, pdf if pdf.is_file() else build_dir / pdf.name))
    if "epub" in wanted:
        from ..render.epub import render_epub
        from ..render.pagemap import cached_page_map

        # The EPUB cites the print pages: known from the PDF just made, or
        # kept from the last layout of the same inputs, or laid out now.
        pages = pages or cached_page_map(build_dir, inputs) or _print(context, build_dir, inputs, steps,
                                                                      progress, write=False)
        progress(f"Step {next(steps)} - making the EPUB")
        written.append(render_epub(context, pages))
    return written


def _print(context, build_dir: Path, inputs: str, steps, progress: Progress, write: bool):
    """Lay out the print edition (writing the PDF if `write`); keep its page map for later builds."""
    from ..render.pagemap import save_page_map
    from ..render.pdf import render_print

    progress(f"Step {next(steps)} - laying out the pages" + (" and writing the PDF" if write else ""))
    pages = render_print(context, write)
    save_page_map(build_dir, inputs, pages)
    return pages


def _publish(path: Path, build_dir: Path) -> Path:
    target = build_dir / path.name
    os.replace(path, target)
    return target
