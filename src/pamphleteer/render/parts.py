"""Long books in parts: which chapters go together, and each part's own HTML document.

WeasyPrint's time per page grows with the length of the document (every
page compares its anchors with those of all earlier pages) and so does its
memory, so a long book is typeset in parts of whole chapters. A part is the
book's HTML with only its own sections kept: the front matter (cover, title
page, colophon, contents) is a part of its own, the chapters are grouped in
order, and whatever follows the last chapter (the back cover) goes with the
last group. Links to an element in another part are given a private scheme
that assembly turns back into links within the book, and the contents
entries are given their page numbers, since no part can count pages in
another.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import nodes as n
from .print_notes import PrintWriter

# About a hundred A5 pages of text: small enough that WeasyPrint's per-page
# cost stays flat and a part needs a few hundred MB, large enough that the
# cost of starting a part (styles, fonts) is small against its layout.
PART_LETTERS = 200_000
ANCHOR_SCHEME = "pamphleteer-anchor:"  # a link into another part, until assembly


@dataclass(frozen=True)
class Part:
    """One separately typeset piece: the front matter (no chapters) or a run of chapters."""

    index: int
    slugs: tuple[str, ...]
    last: bool

    @property
    def front(self) -> bool:
        return not self.slugs


def plan_parts(chapters: tuple[n.Chapter, ...], part_letters: int | None = None) -> list[Part]:
    """The front matter, then chapters grouped in order to about `part_letters` each.

    Returns [] when the book is shorter than two parts: one piece is faster
    then (no second layout of the front matter, no assembly).
    """
    part_letters = part_letters or PART_LETTERS
    sizes = [_letters(chapter) for chapter in chapters]
    if sum(sizes) < 2 * part_letters:
        return []
    groups: list[list[str]] = [[]]
    size = 0
    for chapter, letters in zip(chapters, sizes):
        if groups[-1] and size >= part_letters:
            groups.append([])
            size = 0
        groups[-1].append(chapter.slug)
        size += letters
    if len(groups) < 2:
        return []
    parts = [Part(0, (), False)]
    return parts + [Part(i, tuple(g), i == len(groups)) for i, g in enumerate(groups, start=1)]


def _letters(chapter: n.Chapter) -> int:
    """The size of a chapter as print HTML, a fair measure of the pages it fills."""
    return len(PrintWriter(chapter).blocks(chapter.blocks))


def part_html(html: str, part: Part, chapter_ids: dict[str, str], pages: dict[str, int] | None = None) -> str:
    """The book's HTML with only `part`'s sections kept (see the module docstring).

    Args:
        html: The whole book as print HTML (other chapters may be empty).
        part: Which part.
        chapter_ids: Section id of every chapter, by slug, in book order.
        pages: For the front matter: the book's page number of each anchor
            its links point to (contents entries show it).
    """
    import lxml.html

    document = lxml.html.document_fromstring(html)
    body = document.body
    _keep_sections(body, part, chapter_ids)
    _retarget_links(document, pages)
    return lxml.html.tostring(document, encoding="unicode", doctype="<!DOCTYPE html>")


def _keep_sections(body, part: Part, chapter_ids: dict[str, str]) -> None:
    """Remove the body's children that belong to other parts."""
    wanted = {chapter_ids[slug] for slug in part.slugs}
    every = set(chapter_ids.values())
    seen_chapter = False
    for child in list(body):
        identifier = child.get("id", "")
        seen_chapter = seen_chapter or identifier in every
        if identifier in every:
            keep = identifier in wanted
        else:
            keep = part.last if seen_chapter else part.front
        if not keep:
            body.remove(child)


def _retarget_links(document, pages: dict[str, int] | None) -> None:
    """Links to elements in other parts get the private scheme; contents links get their page number."""
    present = set(document.xpath("//@id"))
    for link in document.xpath("//a[starts-with(@href, '#')]"):
        target = link.get("href")[1:]
        if target in present:
            continue
        link.set("href", ANCHOR_SCHEME + target)
        if pages is not None:
            link.set("data-page", str(pages.get(target, "")))


def chapter_ids(chapters: tuple[n.Chapter, ...]) -> dict[str, str]:
    return {chapter.slug: chapter.identifier for chapter in chapters}


