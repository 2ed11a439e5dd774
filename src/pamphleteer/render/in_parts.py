"""The print edition of a long book: its parts typeset in parallel, then assembled into one PDF."""

from __future__ import annotations

from pathlib import Path

from ..errors import ContentError
from .context import BuildContext
from .pagemap import PageBreak, PageMap
from .parallel import Job, Laid, run_jobs
from .parts import Part, chapter_ids, part_html

FRONT_COUNT, FRONT = "front-count", "front"


def typeset_in_parts(context: BuildContext, parts: list[Part], workers: int, pdf: Path | None) -> PageMap:
    """Typeset `parts` (from plan_parts) with `workers` processes; write the assembled PDF to `pdf` if given.

    Returns:
        The print pages of the whole book, for the EPUB.
    """
    chapters = [part for part in parts if not part.front]
    files = {_key(part): context.build_dir / f".part-{part.index}.pdf" for part in chapters}
    files[FRONT] = context.build_dir / ".part-front.pdf"
    jobs = [_job(context, parts[0], FRONT_COUNT, None, {})]
    jobs += [_job(context, part, _key(part), files[_key(part)]) for part in chapters]
    keys = [_key(part) for part in chapters]

    def offsets(laid: dict[str, Laid]) -> dict[str, int | None]:
        return _offsets(laid, keys)

    def front(laid: dict[str, Laid]) -> Job | None:
        if not all(key in laid for key in [FRONT_COUNT, *keys]):
            return None
        return _job(context, parts[0], FRONT, files[FRONT], _pages(laid, keys), cover=True)

    joined = _InOrder(keys, files) if pdf is not None else None
    try:
        laid = run_jobs(jobs, front, offsets, workers, joined or (lambda key, laid: None))
        if laid[FRONT].pages != laid[FRONT_COUNT].pages:
            raise ContentError(f"the contents filled {laid[FRONT].pages} pages once numbered, not "
                               f"{laid[FRONT_COUNT].pages}; the book's page numbers would be wrong.")
        order = [FRONT, *keys]
        if joined is not None:
            joined.finish(files[FRONT], _glyph_texts([laid[key] for key in order]), laid[FRONT].pages, pdf)
    finally:
        if joined is not None:
            joined.close()
    return PageMap(_breaks(laid, order), laid[FRONT].cover or b"")


class _InOrder:
    """Joins the chapter parts into the book's PDF in book order, each as soon as it and those before it are written.

    The joining then goes on (in a process of its own) while later parts are
    still being typeset, instead of all of it after the last one.
    """

    def __init__(self, keys: list[str], files: dict[str, Path]) -> None:
        self._waiting, self._written, self._files = list(keys), set(), files
        self._assembler = None

    def __call__(self, key: str, laid: dict[str, Laid]) -> None:
        from .assembler import Assembler

        self._written.add(key)
        while self._waiting and self._waiting[0] in self._written:
            part = self._waiting.pop(0)
            self._assembler = self._assembler or Assembler(laid[FRONT_COUNT].pages)
            self._assembler.add(self._files[part], laid[part].offset)

    def finish(self, front: Path, texts: dict[str, dict[int, str]], front_pages: int, target: Path) -> None:
        """Write the book to `target`: the front matter in `front`, then the parts joined so far."""
        from .assembler import Assembler

        self._assembler = self._assembler or Assembler(front_pages)
        self._assembler.finish(front, texts, target)

    def close(self) -> None:
        if self._assembler is not None:
            self._assembler.close()


def _key(part: Part) -> str:
    return f"part-{part.index}"


def _job(context: BuildContext, part: Part, key: str, pdf: Path | None,
         pages: dict[str, int] | None = None, cover: bool = False) -> Job:
    from .pdf import print_html

    ids = chapter_ids(context.edition.chapters)
    only = frozenset(part.slugs)

    def html_for(adjust: dict[str, str]) -> str:
        return part_html(print_html(context, adjust, only), part, ids, pages)

    return Job(key, html_for, context.root, pdf, cover)


def _offsets(laid: dict[str, Laid], keys: list[str]) -> dict[str, int | None]:
    """The offset of every part whose earlier parts have all reported; the count-only front stops."""
    if FRONT_COUNT not in laid:
        return {}
    known: dict[str, int | None] = {FRONT_COUNT: None, FRONT: 0}
    total = laid[FRONT_COUNT].pages
    for key in keys:
        total += total % 2  # each part opens on a right-hand page: odd folio, even offset
        known[key] = total
        if key not in laid:
            break
        total += laid[key].pages
    return known


def _pages(laid: dict[str, Laid], keys: list[str]) -> dict[str, int]:
    """The book's page number of every anchor in the chapter parts."""
    offsets = _offsets(laid, keys)
    return {name: offsets[key] + index + 1 for key in keys for name, index in laid[key].anchors.items()}


def _glyph_texts(parts: list[Laid]) -> dict[str, dict[int, str]]:
    """The text of every glyph set in any part, by font."""
    texts: dict[str, dict[int, str]] = {}
    for part in parts:
        for font, glyphs in part.unicode.items():
            texts.setdefault(font, {}).update(glyphs)
    return texts


def _breaks(laid: dict[str, Laid], order: list[str]) -> list[PageBreak]:
    """The page breaks of the whole book, with the blank pages put in between parts."""
    breaks: list[PageBreak] = []
    for key in order:
        while len(breaks) < laid[key].offset:
            breaks.append(PageBreak(str(len(breaks) + 1), "", 0))
        breaks += laid[key].breaks
    return breaks
