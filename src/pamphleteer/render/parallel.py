"""A long book's parts typeset in parallel processes, each told where its pages fall in the book.

Each part is laid out in a process of its own (forked, so WeasyPrint is
imported once). A part reports how many pages it fills and where its
anchors are, then waits for its offset: the pages before it, rounded up to
an even number, since every part opens on a right-hand page (a chapter
does). Only then are its folios laid out and its PDF written. The front
matter is laid out first to learn its length, and again last, when the
contents can show every chapter's page.
"""

from __future__ import annotations

import multiprocessing
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from multiprocessing.connection import wait
from pathlib import Path

from ..errors import ContentError, PamphleteerError, UsageError
from .pagemap import PageBreak

# The PDF of a part: untagged (separate structure trees cannot be joined
# into one), full fonts (so that assembly finds the same font program in
# every part and keeps one). With full fonts WeasyPrint maps glyphs to text
# from the font's cmap, which is wrong for glyphs reached by substitution
# (old-style figures, small capitals, ligatures), so each part also reports
# the text of the glyphs it really set, and assembly writes that map.
PART_OPTIONS = {"pdf_version": "1.7", "full_fonts": True, "custom_metadata": True}


@dataclass(frozen=True)
class Job:
    """Typeset one part: `html_for(adjust)` makes its HTML; its PDF goes to `pdf` (unless it only counts)."""

    key: str
    html_for: Callable[[dict[str, str]], str]
    root: Path
    pdf: Path | None
    cover: bool = False


@dataclass
class Laid:
    """What a finished part reports: its pages, where its anchors are, and its page breaks."""

    pages: int
    anchors: dict[str, int]
    offset: int = 0
    breaks: list[PageBreak] = field(default_factory=list)
    cover: bytes | None = None
    unicode: dict[str, dict[int, str]] = field(default_factory=dict)


def run_jobs(jobs: list[Job], later: Callable[[dict[str, Laid]], Job | None], offsets, workers: int,
             written: Callable[[str, dict[str, Laid]], None] = lambda key, laid: None) -> dict[str, Laid]:
    """Run `jobs`, `workers` at work at a time; `later(laid)` may add a last job once the others are laid out.

    Args:
        jobs: In book order.
        later: Called after every report; returns the final job when it can
            be made (it is run once, after the others have started).
        offsets: `offsets(laid)` gives the offset of each job key that can be
            told now (None: it only counted, and stops).
        workers: Processes at once.
        written: Called with a job's key once its PDF is written (after the
            waiting parts have been told their offsets and free cores given
            new parts, so that work done here keeps no core idle).
    """
    import weasyprint  # noqa: F401  (imported before forking, so that every part shares it)

    queue, running, laid, told = list(jobs), {}, {}, set()
    final_added = False
    try:
        while queue or running or not final_added:
            if not queue and not final_added and (final := later(laid)) is not None:
                queue.append(final)
                final_added = True
            _start_ready(queue, running, laid, told, workers)
            if not running:
                break
            finished = _collect(running, laid)
            _tell_offsets(running, offsets(laid) if laid else {}, laid, told)
            _start_ready(queue, running, laid, told, workers)
            for key in finished:
                written(key, laid)
    finally:
        for connection, (_, process) in running.items():
            process.terminate()
            connection.close()
    return laid


def _start_ready(queue: list[Job], running: dict, laid: dict[str, Laid], told: set[str], workers: int) -> None:
    while queue and _busy(running, laid, told) < workers and len(running) < 2 * workers:
        job = queue.pop(0)
        connection, process = _start(job)
        running[connection] = (job, process)


def _busy(running: dict, laid: dict[str, Laid], told: set[str]) -> int:
    """Processes at work: not those laid out and waiting for their offset, which use no core.

    A part that finishes its layout before the part ahead of it waits; its
    core goes to the next part meanwhile (at most as many waiting as working,
    since a waiting part holds its layout in memory).
    """
    return sum(1 for job, _ in running.values() if job.key not in laid or job.key in told)


def _tell_offsets(running: dict, known: dict[str, int | None], laid: dict[str, Laid], told: set[str]) -> None:
    """Send each laid-out part its offset once it is known; a part that only counted then ends."""
    for connection, (job, _) in list(running.items()):
        if job.key in laid and job.key not in told and job.key in known:
            connection.send(known[job.key])
            told.add(job.key)
            if known[job.key] is None:
                running.pop(connection)[1].join()
                connection.close()


def _start(job: Job):
    context = multiprocessing.get_context("fork")
    ours, theirs = context.Pipe()
    process = context.Process(target=_work, args=(job, theirs), daemon=True)
    process.start()
    theirs.close()
    return ours, process


def _collect(running: dict, laid: dict[str, Laid]) -> list[str]:
    """Take every message that has come in; a finished part leaves `running`. Returns the finished parts' keys."""
    finished = []
    for connection in wait(list(running)):
        job = running[connection][0]
        try:
            kind, *payload = connection.recv()
        except EOFError:
            kind, payload = "crash", [f"the process typesetting {job.key} stopped unexpectedly"]
        if kind == "laid":
            laid[job.key] = Laid(*payload)
        elif kind == "done":
            laid[job.key] = replace(laid[job.key], **payload[0])
            running.pop(connection)[1].join()
            connection.close()
            finished.append(job.key)
        else:
            _fail(kind, payload, running)
    return finished


def _fail(kind: str, payload: list, running: dict):
    for _, process in running.values():
        process.terminate()
    if kind == "usage":
        raise UsageError(payload[0])
    if kind == "content":
        raise ContentError(payload[0])
    raise RuntimeError(f"typesetting a part failed:\n{payload[0]}")


def _work(job: Job, connection) -> None:
    """In the child: lay the part out, report, wait for the offset, then write it."""
    try:
        document, held = _lay_out(job)
        connection.send(("laid", len(document.pages), _anchors(document)))
        offset = connection.recv()
        if offset is None:
            return
        connection.send(("done", _write(job, document, held, offset)))
    except UsageError as error:
        connection.send(("usage", str(error)))
    except PamphleteerError as error:
        connection.send(("content", str(error)))
    except Exception:  # noqa: BLE001  (the parent reports it; a child has no one else to tell)
        connection.send(("crash", traceback.format_exc()))
    finally:
        connection.close()


def _lay_out(job: Job):
    from .margins import held_margins
    from .note_fit import fit_notes
    from .pdf import typeset

    latest: list = []

    def once(adjust: dict[str, str]):
        with held_margins() as held:
            document = typeset(job.html_for(adjust), job.root)
        latest[:] = [held]
        return document

    document = fit_notes(once)
    return document, latest[0]


def _write(job: Job, document, held: list, offset: int) -> dict:
    from .epub.cover import cover_png
    from .margins import add_margins
    from .pagemap import page_breaks

    add_margins(held, offset)
    job.pdf.write_bytes(document.write_pdf(**PART_OPTIONS))
    breaks = [replace(page, label=str(int(page.label) + offset)) for page in page_breaks(document)]
    return {"offset": offset, "breaks": breaks, "cover": cover_png(document) if job.cover else None,
            "unicode": _glyph_texts(document)}


def _glyph_texts(document) -> dict[str, dict[int, str]]:
    """For each font (by its PDF name), the text of every glyph the part set in it."""
    texts: dict[str, dict[int, str]] = {}
    for font in document.fonts.values():  # WeasyPrint's fonts, filled in while the PDF was drawn
        name = font.name.decode("ascii", "replace").lstrip("/")
        texts.setdefault(name, {}).update(font.to_unicode)
    return texts


def _anchors(document) -> dict[str, int]:
    """Each anchor's page (0-based) in the part."""
    found: dict[str, int] = {}
    for index, page in enumerate(document.pages):
        for name in page.anchors:
            found.setdefault(name, index)
    return found
