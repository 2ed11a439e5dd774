"""The parts of a written citation: who quoted it, which work, which pages; pages written one way."""

from __future__ import annotations

import re
from dataclasses import dataclass

_NUMBER = r"(?:\d+|[ivxlcdm]+\b)"
_VALUE = rf"{_NUMBER}(?:\s*[-–—]\s*{_NUMBER})?"
_PAGE = rf"(?:pp?\.\s*|pp?\s+|P\.\s*){_VALUE}"
_BARE = r"\d+(?:\s*[-–—]\s*\d+)?"
_SEP = r"(?:\s*,\s*|\s*,?\s+and\s+|\s*&\s*|\s+)"
_RUN = rf"{_PAGE}(?:{_SEP}(?:{_PAGE}|{_BARE}))*"
_VOLUME = r"vol\.\s*(?:\d+|[IVXLCDM]+\b)"
# A locator closes a citation: "vol. 1, p. 301, p. 305 and p. 297".
_TAIL = re.compile(rf"(?:^|,\s*|\s)(?:(?P<volume>{_VOLUME})\s*,\s*)?(?P<run>{_RUN})\s*$", re.I)
PAGE_RUN = _RUN
# One part of a locator, where a reference written out in a note goes on.
LOCATOR_PART = re.compile(rf"(?P<volume>{_VOLUME})|(?P<run>{_RUN})", re.I)
_VOLUME_TAIL = re.compile(rf"(?:^|,\s*)(?P<volume>{_VOLUME})\s*$", re.I)
_ITEM = re.compile(rf"\bpp?\.?\s*(?P<value>{_VALUE})|(?P<bare>{_BARE})", re.I)
_RELATION = re.compile(
    r"^(?P<prefix>(?:[^,\[\]]{1,80}?,\s*)?(?:quoted|cited|contained|reprinted)\s+(?:by|in))\s+(?P<rest>\S.*)$", re.I)
_OP_CIT = re.compile(r"\b(?:op\.?\s*cit\.?|ibid\.?|ibidem)", re.I)
_IBID = re.compile(r"^\s*ibid(?:em|\.)?\s*$", re.I)


@dataclass(frozen=True)
class Locator:
    """Where in a work: a volume and pages, each page or range written once."""

    volume: str = ""
    pages: tuple[str, ...] = ()

    def __str__(self) -> str:
        """Pandoc's locator syntax: "vol. 1, pp. 301, 305".

        >>> str(Locator("vol. 2", ("81",))), str(Locator("", ("52–53",))), str(Locator())
        ('vol. 2, p. 81', 'pp. 52–53', '')
        """
        label = "pp." if len(self.pages) > 1 or any("–" in page for page in self.pages) else "p."
        pages = f"{label} {', '.join(self.pages)}" if self.pages else ""
        return ", ".join(part for part in (self.volume, pages) if part)


@dataclass(frozen=True)
class Written:
    """A citation as written: a prefix ("quoted by"), the work's description, the locator."""

    prefix: str
    work: str
    locator: Locator
    op_cit: bool = False
    work_with_op_cit: str = ""

    @property
    def ibid(self) -> bool:
        """"Ibid." alone: the same work, and the same place if no pages are given."""
        return self.op_cit and bool(_IBID.match(self.work_with_op_cit))


def split_citation(text: str) -> Written:
    """Split the inside of a bracketed citation into its parts.

    >>> split_citation("quoted by Smith, Op. Cit., p. 131 \\nand p. 132")
    Written(prefix='quoted by', work='Smith', locator=Locator(volume='', pages=('131', '132')), op_cit=True, work_with_op_cit='Smith, Op. Cit.')
    >>> str(split_citation("Memoirs, vol. 1, p. 301, p. 305 and p. 297").locator)
    'vol. 1, pp. 301, 305, 297'
    """
    text = " ".join(text.split())
    relation = _RELATION.match(text)
    prefix, rest = (relation.group("prefix"), relation.group("rest")) if relation else ("", text)
    work, locator = split_locator(rest)
    op_cit = bool(_OP_CIT.search(work))
    described = _OP_CIT.sub("", work).strip(" ,.")
    return Written(prefix, described, locator, op_cit, work)


def split_locator(text: str) -> tuple[str, Locator]:
    """Take the trailing volume and pages off a work's description.

    >>> split_locator("Op. Cit., p. 80, p. 62 p. 56 and p. 60")
    ('Op. Cit.', Locator(volume='', pages=('80', '62', '56', '60')))
    >>> split_locator("Collected Works, vol. 27, pp. 353-4")
    ('Collected Works', Locator(volume='vol. 27', pages=('353–354',)))
    """
    match = _TAIL.search(text)
    if match:
        volume = volume_label(match.group("volume") or "")
        return text[: match.start()].strip(" ,"), Locator(volume, parse_pages(match.group("run")))
    match = _VOLUME_TAIL.search(text)
    if match:
        return text[: match.start()].strip(" ,"), Locator(volume_label(match.group("volume")))
    return text.strip(" ,"), Locator()


def volume_label(text: str) -> str:
    number = re.sub(r"^vol\.\s*", "", text, flags=re.I)
    return f"vol. {number}" if number else ""


def parse_pages(text: str) -> tuple[str, ...]:
    """Pages and ranges in order, ranges written in full with an en dash, repeats dropped.

    >>> parse_pages("p. 102, pp. 61-62, p. 66 and p. 68")
    ('102', '61–62', '66', '68')
    >>> parse_pages("pp. 20-1 and p. 38"), parse_pages("p. 318 and p. 342"), parse_pages("P. xiii")
    (('20–21', '38'), ('318', '342'), ('xiii',))
    """
    pages: list[str] = []
    for match in _ITEM.finditer(text):
        page = expand_range(match.group("value") or match.group("bare"))
        if page not in pages:
            pages.append(page)
    return tuple(pages)


def expand_range(value: str) -> str:
    """One page or a range in full: "52-3" is 52–53, never elided.

    >>> expand_range("52-3"), expand_range("255 - 6"), expand_range("98-102"), expand_range("xi-xv")
    ('52–53', '255–256', '98–102', 'xi–xv')
    """
    parts = [part.strip() for part in re.split(r"[-–—]", value)]
    if len(parts) != 2:
        return value.strip()
    first, last = parts
    if first.isdigit() and last.isdigit() and len(last) < len(first):
        last = first[: len(first) - len(last)] + last
    return f"{first}–{last}"


def has_locator(text: str) -> bool:
    """True if the text ends with pages, a volume, or stands for an earlier work (op. cit.).

    >>> has_locator("The Long Strike, p. 318"), has_locator("Op. Cit."), has_locator("the strikers")
    (True, True, False)
    """
    text = " ".join(text.split())
    return bool(_TAIL.search(text) or _VOLUME_TAIL.search(text) or _OP_CIT.search(text))


def is_relation(text: str) -> bool:
    """True if the text says the words reached the author second-hand ("quoted by ...")."""
    return bool(_RELATION.match(" ".join(text.split())))
