"""Print page-break markers, placed in the EPUB's XHTML where the print pages really break."""

from __future__ import annotations

import io
from dataclasses import dataclass, replace

from lxml import etree

from ...errors import ContentError
from ..pagemap import PageBreak
from .documents import Part

XHTML = "http://www.w3.org/1999/xhtml"
OPS = "http://www.idpf.org/2007/ops"
_LISTS = {f"{{{XHTML}}}ul", f"{{{XHTML}}}ol"}


@dataclass(frozen=True)
class PageTarget:
    """Where print page `label` begins in the EPUB: the marker `marker` in the document `part`."""

    label: str
    part: str
    marker: str

    @property
    def href(self) -> str:
        return f"{self.part}#{self.marker}"


@dataclass(frozen=True)
class _Placement:
    label: str
    part: str
    anchor: str  # "" = at the end of the document
    offset: int


def place_page_breaks(parts: list[Part], breaks: list[PageBreak]) -> tuple[list[Part], list[PageTarget]]:
    """Insert one page-break marker per print page; return the new documents and the page list.

    A page whose first text has no counterpart in the EPUB (a blank page,
    say) is marked where the next page that has one is marked.
    """
    trees = {part.name: _parse(part) for part in parts}
    # Every element with an id, found once: looking each page's anchor up in
    # the whole tree made a long book's EPUB quadratic in its pages.
    elements = {element.get("id"): element for tree in trees.values() for element in tree.iter() if element.get("id")}
    targets = []
    for placement, target in _plan(parts, trees, breaks):
        _insert(trees[placement.part], placement, _marker(target.marker, placement.label), elements)
        targets.append(target)
    return [replace(part, xhtml=_serialise(trees[part.name])) for part in parts], targets


def page_targets(parts: list[Part], breaks: list[PageBreak]) -> list[PageTarget]:
    """Where `place_page_breaks` will mark each print page, without marking it (for the nav's page list)."""
    trees = {part.name: _parse(part) for part in parts}
    return [target for _, target in _plan(parts, trees, breaks)]


def _plan(parts: list[Part], trees: dict, breaks: list[PageBreak]) -> list[tuple[_Placement, PageTarget]]:
    owners = {anchor: name for name, tree in trees.items() for anchor in tree.xpath("//@id")}
    plan = []
    for placement in _placements(breaks, owners, parts[-1].name if parts else ""):
        marker = _marker_id(placement.label, owners)
        owners[marker] = placement.part
        plan.append((placement, PageTarget(placement.label, placement.part, marker)))
    return plan


def _placements(breaks: list[PageBreak], owners: dict[str, str], last_part: str) -> list[_Placement]:
    placements: list[_Placement] = []
    following = _Placement("", last_part, "", 0)
    for page in reversed(breaks):
        if page.anchor in owners:
            following = _Placement(page.label, owners[page.anchor], page.anchor, page.offset)
        placements.append(replace(following, label=page.label))
    return placements[::-1]


def _marker_id(label: str, taken: dict[str, str]) -> str:
    marker, count = f"page-{label}", 1
    while marker in taken:
        count += 1
        marker = f"page-{label}-{count}"
    return marker


def _marker(marker: str, label: str) -> etree._Element:
    span = etree.Element(f"{{{XHTML}}}span", nsmap={None: XHTML, "epub": OPS})
    span.set(f"{{{OPS}}}type", "pagebreak")
    span.set("role", "doc-pagebreak")
    span.set("id", marker)
    span.set("aria-label", label)
    return span


def _insert(tree, placement: _Placement, marker: etree._Element, elements: dict) -> None:
    if not placement.anchor:
        tree.getroot().find(f"{{{XHTML}}}body").append(marker)
        marker.tail = "\n"
        return
    element = elements[placement.anchor]
    spot = _letter(element, placement.offset) if placement.offset else None
    if spot:
        _split(*spot, marker)
    elif placement.offset:
        element.append(marker)  # the page starts past the text we know of: mark its end
    else:
        _before(element, marker)


def _before(element, marker) -> None:
    """Put the marker just before an element, or first inside a list item (a list holds only items)."""
    if element.tag in _LISTS or element.getparent().tag in _LISTS:
        marker.tail, element.text = element.text, None
        element.insert(0, marker)
    else:
        marker.tail = "\n"
        element.addprevious(marker)


def _letter(element, offset: int):
    """(node, "text" or "tail", index) of the start of the word holding letter number `offset` of `element`."""
    seen = 0
    for node, kind in _slots(element):
        text = getattr(node, kind) or ""
        letters = sum(map(str.isalpha, text))
        if seen + letters <= offset:  # not in this stretch: count it whole
            seen += letters
            continue
        index = [i for i, character in enumerate(text) if character.isalpha()][offset - seen]
        return node, kind, _word_start(text, index)
    return None


def _slots(element):
    """The text of an element in reading order, leaving out descendants that are anchors of their own."""
    yield element, "text"
    for child in element:
        if isinstance(child.tag, str) and not child.get("id"):
            yield from _slots(child)
        yield child, "tail"


def _word_start(text: str, index: int) -> int:
    while index > 0 and not text[index - 1].isspace():
        index -= 1
    return index


def _split(node, kind: str, index: int, marker) -> None:
    text = getattr(node, kind)
    setattr(node, kind, text[:index])
    marker.tail = text[index:]
    if kind == "text":
        node.insert(0, marker)
    else:
        node.addnext(marker)


def _parse(part: Part):
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    try:
        return etree.parse(io.BytesIO(part.xhtml.encode("utf-8")), parser)
    except etree.XMLSyntaxError as error:
        raise ContentError(f"{part.name}:{error.lineno}: the EPUB templates made XHTML that is not "
                           f"well-formed: {error.msg}.") from None


def _serialise(tree) -> str:
    return etree.tostring(tree, encoding="utf-8", xml_declaration=True).decode("utf-8") + "\n"
