"""Benchmarks for pamphleteer: every figure a ratio against a baseline measured in the same run.

    .venv/bin/python bench/run.py            # everything (the long book takes a while)
    .venv/bin/python bench/run.py --quick    # fewer repeats, long book up to 500 pages

Figures and targets (issue 8): normalise throughput; PDF build against bare
WeasyPrint on the very HTML the build produced; EPUB build against pandoc on the
same chapters; no-op rebuild and rebuild after a one-word correction; peak
memory of each; a long book at 250..2,000 pages (time per page, memory, and
the speed-up of two cores over one).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import sys
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from longbook import make_long_book  # noqa: E402
from measure import measure, timed  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PROJECT_FILES = ("pamphlet.toml", "seeds", "chapters", "styles", "corrections.toml", "references.yaml")


@dataclass(frozen=True)
class Figure:
    """One reported number, with its target and whether it is met."""

    name: str
    value: float
    unit: str
    target: str
    met: bool | None


def copy_project(target: Path) -> Path:
    target.mkdir(parents=True)
    for name in PROJECT_FILES:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        elif source.is_file():
            shutil.copy2(source, target / name)
    return target


def pamphleteer(*args: str) -> list[str]:
    return [str(BIN / "pamphleteer"), *args]


def slug(project: Path) -> str:
    import tomllib

    return tomllib.loads((project / "pamphlet.toml").read_text(encoding="utf-8"))["pamphlet"]["slug"]


def clean_build(project: Path) -> None:
    shutil.rmtree(project / "build", ignore_errors=True)


def bench_normalise(project: Path, repeat: int) -> list[Figure]:
    """Throughput of `pamphleteer normalise`'s work in process (no start-up): every seed, with the
    manifest's options and references, chapters and report written, on the cores the command uses
    and on one; and the passes alone (no references, no files) on one core."""
    from pamphleteer.commands.normalise import normalise_project
    from pamphleteer.cores import WORKERS, worker_count
    from pamphleteer.normalise import normalise_source
    from pamphleteer.project.manifest import load_manifest

    specs = load_manifest(project).chapters
    sources = [((project / s.seed).read_text(encoding="utf-8"), s.seed, s.kind) for s in specs]
    megabytes = sum(len(text.encode("utf-8")) for text, _, _ in sources) / 1e6
    normalise_project(project)  # warm word lists and caches once
    cores = worker_count()
    best = {cores: float("inf"), 1: float("inf")}
    chosen = os.environ.get(WORKERS)
    # Half a second each: best of ten, by turns, as timeit takes the best, since a moment's load on
    # the machine takes a third off a single run.
    for _ in range(max(repeat, 10)):
        for workers in best:
            os.environ[WORKERS] = str(workers)
            best[workers] = min(best[workers], timed(lambda: normalise_project(project), 1))
    if chosen is None:
        del os.environ[WORKERS]
    else:
        os.environ[WORKERS] = chosen
    passes = timed(lambda: [normalise_source(t, p, k) for t, p, k in sources], max(repeat, 10))
    whole = measure(pamphleteer("normalise"), project, repeat=repeat)
    throughput = megabytes / best[cores]
    return [
        Figure(f"normalise throughput ({cores} cores, in process)", throughput, "MB/s", ">= 1 MB/s", throughput >= 1),
        Figure("normalise throughput (1 core, in process)", megabytes / best[1], "MB/s", "", None),
        Figure("normalise passes alone (1 core, no references or files)", megabytes / passes, "MB/s", "", None),
        Figure("pamphleteer normalise (whole command)", whole.seconds, "s", "", None),
        Figure("pamphleteer normalise peak memory", whole.peak_mib, "MiB", "", None),
    ]


# The same PDF options as the build (tagged, PDF 1.7): the floor is WeasyPrint making that very PDF.
_BARE_WEASYPRINT = (
    "import json, sys; from weasyprint import HTML; "
    "HTML(filename=sys.argv[1], base_url=sys.argv[2]).write_pdf(sys.argv[3], **json.loads(sys.argv[4]))"
)


def bench_pdf(project: Path, repeat: int) -> list[Figure]:
    """Our fresh PDF build against bare WeasyPrint rendering the very HTML the build produced.

    The two are run by turns, best of `repeat` each, so that a busy machine
    slows both alike. A fresh build starts with no build/ folder at all (no
    build state, no kept page map).
    """
    name = slug(project)
    measure(pamphleteer("build", "--format", "html"), project)
    html = project / "build" / f"{name}.html"
    bare_html = Path(tempfile.mkdtemp()) / html.name
    shutil.copy2(html, bare_html)
    from pamphleteer.render.pdf import PDF_OPTIONS

    options = json.dumps(PDF_OPTIONS)
    bare_command = [sys.executable, "-c", _BARE_WEASYPRINT, str(bare_html), str(project) + "/", "/dev/null", options]
    bare_runs, our_runs = [], []
    for _ in range(repeat):
        bare_runs.append(measure(bare_command, project))
        our_runs.append(measure(pamphleteer("build", "--format", "pdf"), project, before=lambda: clean_build(project)))
    bare, ours = _best(bare_runs), _best(our_runs)
    ratio = ours.seconds / bare.seconds
    return [
        Figure("PDF build / bare WeasyPrint (time)", ratio, "x", "<= 1.15", ratio <= 1.15),
        Figure("PDF build time (fresh)", ours.seconds, "s", "", None),
        Figure("bare WeasyPrint time (baseline)", bare.seconds, "s", "", None),
        Figure("PDF build peak memory", ours.peak_mib, "MiB", "", None),
        Figure("bare WeasyPrint peak memory", bare.peak_mib, "MiB", "", None),
    ]


def bench_layouts(project: Path) -> list[Figure]:
    """Where the PDF build's time goes, in process: the layouts note fitting made, one layout, the writing."""
    import time

    from pamphleteer.model.load import load_edition
    from pamphleteer.project.manifest import load_manifest
    from pamphleteer.render import pdf
    from pamphleteer.render.context import BuildContext, build_moment

    edition = load_edition(project, load_manifest(project))
    context = BuildContext(edition, project, project / "build", build_moment(edition))
    layouts, original = [], pdf.typeset

    def counted(html: str, root: Path):
        start = time.perf_counter()
        document = original(html, root)
        layouts.append(time.perf_counter() - start)
        return document

    pdf.typeset = counted
    try:
        document = pdf.layout(context)
    finally:
        pdf.typeset = original
    writing = timed(lambda: pdf.pdf_bytes(document), 1)
    return [
        Figure("PDF build: layouts made (note fitting)", len(layouts), "", "", None),
        Figure("PDF build: one layout, in process (fastest)", min(layouts), "s", "", None),
        Figure("PDF build: writing the PDF, in process", writing, "s", "", None),
    ]


def _best(runs):
    from measure import Run

    best = min(runs, key=lambda run: run.seconds)
    return Run(best.seconds, max(run.peak_mib for run in runs), best.cpu_seconds, best.steal_seconds)


def bench_epub(project: Path, repeat: int) -> list[Figure]:
    """Our EPUB build against pandoc converting the same chapter Markdown to EPUB.

    As an editor would have it: the print edition was built before, so the
    page map and the parsed edition are kept; `--force` makes the EPUB again
    on every run. Reported beside it: the same build reading the chapters
    afresh, and with no earlier build at all (it must lay the pages out).
    """
    import pypandoc

    chapters = sorted(str(p) for p in (project / "chapters").glob("*.md"))
    out = Path(tempfile.mkdtemp()) / "pandoc.epub"
    pandoc = [pypandoc.get_pandoc_path(), "--file-scope", "-o", str(out), *chapters]
    clean_build(project)
    measure(pamphleteer("build"), project)
    baseline_runs, our_runs = [], []
    for _ in range(repeat):
        baseline_runs.append(measure(pandoc, project))
        our_runs.append(measure(pamphleteer("build", "--format", "epub", "--force"), project))
    baseline, ours = _best(baseline_runs), _best(our_runs)
    from pamphleteer.model.kept import KEPT

    afresh = measure(pamphleteer("build", "--format", "epub", "--force"), project,
                     before=lambda: (project / "build" / KEPT).unlink(missing_ok=True))
    fresh = measure(pamphleteer("build", "--format", "epub"), project, before=lambda: clean_build(project))
    ratio = ours.seconds / baseline.seconds
    return [
        Figure("EPUB build / pandoc (time)", ratio, "x", "<= 0.5", ratio <= 0.5),
        Figure("EPUB build time", ours.seconds, "s", "", None),
        Figure("pandoc time (baseline)", baseline.seconds, "s", "", None),
        Figure("EPUB build peak memory", ours.peak_mib, "MiB", "", None),
        Figure("EPUB build reading the chapters afresh (page map kept)", afresh.seconds, "s", "", None),
        Figure("EPUB build with no earlier build (lays out)", fresh.seconds, "s", "", None),
    ]


def bench_rebuilds(project: Path, repeat: int) -> list[Figure]:
    """A build with nothing changed, and one (all formats) after a one-word correction."""
    measure(pamphleteer("build"), project)
    noop = measure(pamphleteer("build"), project, repeat=repeat)
    chapter = sorted((project / "chapters").glob("*.md"))[-1]
    text = chapter.read_text(encoding="utf-8")
    edited = text.replace(" the ", " THE ", 1)
    if edited == text:
        raise RuntimeError(f"{chapter.name} has no word to change")
    chapter.write_text(edited, encoding="utf-8")
    try:
        one_word = measure(pamphleteer("build"), project)
    finally:
        chapter.write_text(text, encoding="utf-8")
    return [
        Figure("no-op rebuild", noop.seconds, "s", "< 0.5 s", noop.seconds < 0.5),
        Figure("no-op rebuild peak memory", noop.peak_mib, "MiB", "", None),
        Figure("rebuild after a one-word change (pdf, booklet, epub)", one_word.seconds, "s", "", None),
        Figure("one-word rebuild peak memory", one_word.peak_mib, "MiB", "", None),
    ]


def bench_long_book(work: Path, sizes: list[int], pages_per_copy: int, turns: int) -> list[Figure]:
    """Fresh PDF builds at growing page counts, and the largest on one core against two (best of `turns` each).

    Wall time is what the targets name; on a machine that other work keeps
    busy it says little, so the CPU time of all the build's processes (per
    page, and as cores kept busy) is reported beside it.
    """
    figures, wall, cpu, runs = [], {}, {}, {}
    for pages in sizes:
        project = make_long_book(REPO, work / f"book-{pages}", pages, pages_per_copy)
        run = _fresh_build_env(project, {"PAMPHLETEER_WORKERS": "2"})
        actual = _pdf_pages(project)
        runs[actual] = run
        wall[actual], cpu[actual] = run.seconds / actual, run.cpu_seconds / actual
        figures += [
            Figure(f"long book {actual} pages: time (2 workers)", run.seconds, "s", "", None),
            Figure(f"long book {actual} pages: time per page", 1000 * wall[actual], "ms", "", None),
            Figure(f"long book {actual} pages: CPU time per page", 1000 * cpu[actual], "ms", "", None),
            Figure(f"long book {actual} pages: cores kept busy", run.cores, "", "", None),
            Figure(f"long book {actual} pages: cores the host took", run.cores_stolen, "", "", None),
            Figure(f"long book {actual} pages: peak memory", run.peak_mib, "MiB", "<= 1536 MiB", run.peak_mib <= 1536),
        ]
    smallest, largest = min(wall), max(wall)
    growth, cpu_growth = wall[largest] / wall[smallest], cpu[largest] / cpu[smallest]
    figures.append(Figure(f"time per page, {largest} vs {smallest} pages", growth, "x", "<= 1.2 (linear)",
                          growth <= 1.2))
    figures.append(Figure(f"CPU time per page, {largest} vs {smallest} pages", cpu_growth, "x", "<= 1.2 (linear)",
                          cpu_growth <= 1.2))
    return figures + _one_core_against_two(work / f"book-{max(sizes)}", largest, runs[largest], turns)


def _one_core_against_two(project: Path, pages: int, two, turns: int) -> list[Figure]:
    """One worker against two on the largest book, by turns (two, one, two, one, ...), best of `turns` each.

    The first two-worker run (`two`) is the one the page counts were measured with.
    """
    one = _fresh_build_env(project, {"PAMPHLETEER_WORKERS": "1"})
    for _ in range(turns - 1):
        again = _fresh_build_env(project, {"PAMPHLETEER_WORKERS": "2"})
        two = again if again.seconds < two.seconds else two
        again = _fresh_build_env(project, {"PAMPHLETEER_WORKERS": "1"})
        one = again if again.seconds < one.seconds else one
    speedup = one.seconds / two.seconds
    return [
        Figure(f"long book {pages} pages: time on 1 worker", one.seconds, "s", "", None),
        Figure(f"long book {pages} pages: cores kept busy on 1 worker", one.cores, "", "", None),
        Figure(f"long book {pages} pages: cores the host took, 1 worker", one.cores_stolen, "", "", None),
        Figure(f"long book {pages} pages: best time on 2 workers", two.seconds, "s", "", None),
        Figure(f"long book {pages} pages: cores the host took, 2 workers", two.cores_stolen, "", "", None),
        Figure(f"long book {pages} pages: 2 workers vs 1 (time)", speedup, "x", ">= 1.7", speedup >= 1.7),
    ]


def _fresh_build_env(project: Path, extra: dict[str, str]):
    return measure(pamphleteer("build", "--format", "pdf"), project, env={**os.environ, **extra},
                   before=lambda: clean_build(project))


def _pdf_pages(project: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(project / "build" / f"{slug(project)}.pdf").pages)


def machine() -> list[str]:
    """The machine the figures were measured on."""
    import platform

    from importlib.metadata import version

    memory = next((line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines()
                   if line.startswith("MemTotal:")), "0")
    return [f"machine: {os.cpu_count()} cores (nproc {len(os.sched_getaffinity(0))}), "
            f"{int(memory) / 1024 / 1024:.1f} GiB memory, {platform.machine()}",
            f"Python {platform.python_version()}, WeasyPrint {version('weasyprint')}, pypdf {version('pypdf')}, "
            f"pandoc from pypandoc-binary {version('pypandoc-binary')}"]


def print_table(figures: list[Figure]) -> None:
    """Figures as they come (a long run shows its progress), one line each with its target."""
    for figure in figures:
        verdict = "" if figure.met is None else ("  ok" if figure.met else "  MISSED")
        target = f"  (target {figure.target})" if figure.target else ""
        print(f"{figure.name:<56}  {figure.value:10.3f} {figure.unit:<6}{target}{verdict}", flush=True)


def _work_folder(keep: Path | None):
    """A temporary folder, or `keep` (created, never removed)."""
    import contextlib

    if keep is None:
        return tempfile.TemporaryDirectory(prefix="pamphleteer-bench-")
    keep.mkdir(parents=True)
    return contextlib.nullcontext(str(keep))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="fewer repeats; long book up to 500 pages")
    parser.add_argument("--no-long-book", action="store_true", help="skip the long-book figures")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON here")
    parser.add_argument("--repeat", type=int, help="runs of each pamphlet figure, best taken (default 3)")
    parser.add_argument("--keep", type=Path, help="work in this (new) folder and keep it: the long books stay to be looked at")
    args = parser.parse_args(argv)
    repeat = args.repeat or (1 if args.quick else 3)
    sizes = [250, 500] if args.quick else [250, 500, 1000, 2000]
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1700000000")
    if importlib.util.find_spec("pypandoc") is None:
        print("bench: pandoc, the EPUB baseline, is not installed: .venv/bin/pip install -e '.[bench]' "
              "installs it (a fresh `make` does).", file=sys.stderr)
        return 2
    print("\n".join(machine()), flush=True)
    figures: list[Figure] = []

    def report(new: list[Figure]) -> None:
        print_table(new)
        figures.extend(new)

    with _work_folder(args.keep) as directory:
        work = Path(directory)
        project = copy_project(work / "pamphlet")
        report(bench_normalise(project, repeat))
        report(bench_pdf(project, repeat))
        report(bench_layouts(project))
        pages_per_copy = _pdf_pages(project) - 10  # the front matter and back cover come once
        report(bench_epub(project, repeat))
        report(bench_rebuilds(project, repeat))
        if not args.no_long_book:
            report(bench_long_book(work, sizes, pages_per_copy, 1 if args.quick else 2))
    if args.json:
        args.json.write_text(json.dumps([asdict(f) for f in figures], indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
