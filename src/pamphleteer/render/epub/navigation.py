"""The EPUB's navigation: nav document (contents, landmarks, page list) and the NCX for old readers."""

from __future__ import annotations

from dataclasses import dataclass, field

import jinja2
from lxml import etree

from ...model import nodes as n
from ...model.parse import plain_text
from ..html import render_template
from .documents import Part, chapter_file
from .pagebreaks import PageTarget

NAV = "nav.xhtml"
LANDMARK_TITLES = {"cover": "Cover", "titlepage": "Title page", "toc": "Contents",
                   "bodymatter": "Start of the text", "bibliography": "Works cited"}


@dataclass
class Entry:
    """A line of the table of contents, with its sub-entries."""

    title: str
    href: str
    level: int = 1
    children: list[Entry] = field(default_factory=list)
    key: int = 0
    order: int = 0


@dataclass(frozen=True)
class Landmark:
    kind: str
    href: str
    title: str


def contents(edition: n.Edition) -> list[Entry]:
    """Chapters, and within each its headings nested by level."""
    entries = []
    for chapter in edition.chapters:
        entry = Entry(chapter.title, chapter_file(chapter), level=0)
        for block in chapter.blocks:
            if isinstance(block, n.Header):
                heading = Entry(plain_text(block.content), f"{chapter_file(chapter)}#{block.identifier}", block.level)
                _parent(entry, heading.level).children.append(heading)
        entries.append(entry)
    return entries


def _parent(entry: Entry, level: int) -> Entry:
    """The last entry above `level` along the tree's right edge: where a heading nests."""
    while entry.children and entry.children[-1].level < level:
        entry = entry.children[-1]
    return entry


def landmarks(parts: list[Part]) -> list[Landmark]:
    """Cover, title page, contents, start of the text and works cited, for readers' "go to" menus."""
    found = [Landmark(part.landmark, part.name, LANDMARK_TITLES.get(part.landmark, part.title))
             for part in parts if part.landmark]
    toc = Landmark("toc", f"{NAV}#contents", LANDMARK_TITLES["toc"])
    before = [mark for mark in found if mark.kind in ("cover", "titlepage")]
    return before + [toc] + [mark for mark in found if mark not in before]


def nav_part(environment: jinja2.Environment, edition: n.Edition, parts: list[Part],
             pages: list[PageTarget]) -> Part:
    """The navigation document, which is also the book's contents page."""
    xhtml = render_template(environment, "epub-nav.xhtml.j2", language=edition.language,
                            toc=contents(edition), landmarks=landmarks(parts), pages=pages)
    return Part("nav", NAV, "Contents", xhtml)


def ncx(environment: jinja2.Environment, edition: n.Edition, identifier: str, parts: list[Part],
        pages: list[PageTarget]) -> str:
    """toc.ncx: the contents and page list again, for readers that predate EPUB 3."""
    toc = contents(edition)
    entries = list(_walk(toc))
    orders = _play_orders(parts, [entry.href for entry in entries] + [page.href for page in pages])
    for key, entry in enumerate(entries, start=1):
        entry.key, entry.order = key, orders[entry.href]
    pages_ordered = [{"label": page.label, "href": page.href, "order": orders[page.href]} for page in pages]
    return render_template(environment, "epub-toc.ncx.j2", language=edition.language, identifier=identifier,
                           title=edition.title, toc=toc, depth=max((_depth(e) for e in toc), default=1),
                           pages=pages_ordered)


def _walk(entries: list[Entry]):
    for entry in entries:
        yield entry
        yield from _walk(entry.children)


def _depth(entry: Entry) -> int:
    return 1 + max((_depth(child) for child in entry.children), default=0)


def _play_orders(parts: list[Part], hrefs: list[str]) -> dict[str, int]:
    """playOrder by reading order: the NCX wants targets numbered as a reader meets them."""
    positions = {}
    for number, part in enumerate(parts):
        positions[part.name] = (number, -1)
        ids = etree.fromstring(part.xhtml.encode("utf-8")).xpath("//@id")
        positions.update({f"{part.name}#{anchor}": (number, index) for index, anchor in enumerate(ids)})
    ranked = sorted({positions[href] for href in hrefs})
    return {href: ranked.index(positions[href]) + 1 for href in hrefs}
