"""Read a built PDF as a proofreader does: text lines grouped by block, page furniture, links, fonts."""

from __future__ import annotations

import ctypes
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

# Structure types (PDF 1.7, 14.8.4) that hold text as one block: a paragraph,
# a heading, a list item's label or body.
_BLOCKS = {"P", "H", "H1", "H2", "H3", "H4", "H5", "H6", "Lbl", "LBody", "TOCI", "Caption"}
_HEADINGS = {"H", "H1", "H2", "H3", "H4", "H5", "H6"}


@dataclass(frozen=True)
class Line:
    """One line of text: its extent and baseline in PDF points, and its text."""

    left: float
    right: float
    baseline: float
    text: str


@dataclass(eq=False)
class Block:
    """A paragraph, heading or list part as it stands on one page (one fragment of it)."""

    role: str
    path: tuple[str, ...]
    lines: list[Line] = field(default_factory=list)

    @property
    def is_heading(self) -> bool:
        return self.role in _HEADINGS


@dataclass(eq=False)
class Page:
    """One page: its size, its main text blocks in reading order, its footnotes and the rest."""

    index: int
    width: float
    height: float
    blocks: list[Block] = field(default_factory=list)
    notes: list[Block] = field(default_factory=list)
    furniture: list[Line] = field(default_factory=list)

    @property
    def lines(self) -> list[Line]:
        """Every line on the page: text, notes and furniture."""
        return [line for block in self.blocks + self.notes for line in block.lines] + self.furniture


@dataclass(frozen=True)
class Link:
    """An internal link: its page, its rectangle (left, bottom, right, top) and its destination's name."""

    page: int
    rect: tuple[float, float, float, float]
    target: str


def read_pages(path: Path) -> list[Page]:
    """Every page of the PDF, its text grouped by the blocks of its structure tree (if it is tagged)."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(path))
    try:
        return [_read_page(document[index], index) for index in range(len(document))]
    finally:
        document.close()


def _read_page(page, index: int) -> Page:
    import pypdfium2.raw as raw

    tree = raw.FPDF_StructTree_GetForPage(page.raw)
    try:
        return _read_structured_page(page, index, tree)
    finally:
        if tree:
            raw.FPDF_StructTree_Close(tree)


def _read_structured_page(page, index: int, tree) -> Page:
    width, height = page.get_size()
    roots = list(_structure_roots(tree))
    owners: dict[int, Block] = {}
    groups = [list(_blocks(root, (), owners)) for root in roots]
    result = Page(index, width, height)
    for block, lines in _text_lines(page, owners):
        if block is None:
            result.furniture.extend(lines)
        else:
            block.lines.extend(sorted(lines, key=lambda line: -line.baseline))
    groups = [[block for block in group if block.lines] for group in groups]
    if len(groups) > 1 and _is_note_area(roots[-1], groups):
        result.notes = groups.pop()
    result.blocks = [block for group in groups for block in group]
    return result


def _is_note_area(root, groups: list[list[Block]]) -> bool:
    """The footnote area is the page's last structure root, untyped, below all the page's text."""
    if _type(root) != "NonStruct" or not groups[-1]:
        return False
    top = max(line.baseline for block in groups[-1] for line in block.lines)
    above = [line.baseline for group in groups[:-1] for block in group for line in block.lines]
    return bool(above) and top < min(above)


def _structure_roots(tree) -> Iterator:
    """The top structure elements on a page (children of /Document), in reading order."""
    import pypdfium2.raw as raw

    if not tree:
        return
    for i in range(raw.FPDF_StructTree_CountChildren(tree)):
        element = raw.FPDF_StructTree_GetChildAtIndex(tree, i)
        if not element:
            continue
        if _type(element) == "Document":
            yield from _children(element)
        else:
            yield element


def _children(element) -> Iterator:
    import pypdfium2.raw as raw

    for i in range(raw.FPDF_StructElement_CountChildren(element)):
        child = raw.FPDF_StructElement_GetChildAtIndex(element, i)
        if child:
            yield child


def _blocks(element, path: tuple[str, ...], owners: dict[int, Block]) -> Iterator[Block]:
    """Text blocks under `element`; `owners` learns which block each marked-content id belongs to."""
    kind = _type(element)
    if kind in _BLOCKS:
        block = Block(kind, path)
        for mcid in _marked_ids(element):
            owners[mcid] = block
        yield block
        return
    loose = Block(kind, path)  # text straight inside a container (an anonymous block)
    for mcid in _own_ids(element):
        owners[mcid] = loose
    yield loose
    for child in _children(element):
        child_kind = _type(child)
        if child_kind in _BLOCKS or _has_blocks(child):
            yield from _blocks(child, (*path, kind), owners)
        else:
            for mcid in _marked_ids(child):
                owners[mcid] = loose


def _has_blocks(element) -> bool:
    return any(_type(child) in _BLOCKS or _has_blocks(child) for child in _children(element))


def _own_ids(element) -> list[int]:
    import pypdfium2.raw as raw

    count = raw.FPDF_StructElement_GetMarkedContentIdCount(element)
    ids = (raw.FPDF_StructElement_GetMarkedContentIdAtIndex(element, i) for i in range(count))
    return [mcid for mcid in ids if mcid >= 0]


def _marked_ids(element) -> list[int]:
    """Marked-content ids of an element and all its descendants."""
    ids = _own_ids(element)
    for child in _children(element):
        ids.extend(_marked_ids(child))
    return ids


def _type(element) -> str:
    import pypdfium2.raw as raw

    size = raw.FPDF_StructElement_GetType(element, None, 0)
    buffer = ctypes.create_string_buffer(size)
    raw.FPDF_StructElement_GetType(element, buffer, size)
    return buffer.raw.decode("utf-16-le").rstrip("\x00")


def _text_lines(page, owners: dict[int, Block]) -> Iterator[tuple[Block | None, list[Line]]]:
    """Text objects gathered by owning block (None: not in the structure, e.g. folios) into lines."""
    import pypdfium2.raw as raw

    textpage = page.get_textpage()
    pieces: dict[int, list[Line]] = {}
    blocks: dict[int, Block | None] = {}
    for obj in page.get_objects(filter=[raw.FPDF_PAGEOBJ_TEXT]):
        owner = owners.get(raw.FPDFPageObj_GetMarkedContentID(obj.raw))
        left, _bottom, right, _top = obj.get_bounds()
        baseline = obj.get_matrix().get()[5]
        pieces.setdefault(id(owner), []).append(Line(left, right, baseline, _object_text(obj, textpage)))
        blocks[id(owner)] = owner
    for key, found in pieces.items():
        yield blocks[key], _join_lines(found)


def _object_text(obj, textpage) -> str:
    import pypdfium2.raw as raw

    size = raw.FPDFTextObj_GetText(obj.raw, textpage.raw, None, 0)
    buffer = ctypes.create_string_buffer(size)
    raw.FPDFTextObj_GetText(obj.raw, textpage.raw, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)), size)
    return buffer.raw.decode("utf-16-le", errors="replace").rstrip("\x00")


def _join_lines(pieces: list[Line], tolerance: float = 2.0) -> list[Line]:
    """Pieces of text whose baselines lie within `tolerance` points form one line.

    Superscript note calls sit a little above the baseline, so lines are
    grouped with some tolerance rather than by exact baseline.

    >>> [l.text for l in _join_lines([Line(0, 5, 100, "a"), Line(5, 6, 101.5, "1"), Line(0, 9, 88, "b")])]
    ['a1', 'b']
    """
    groups: list[list[Line]] = []
    for piece in sorted(pieces, key=lambda p: -p.baseline):
        if groups and groups[-1][-1].baseline - piece.baseline <= tolerance:
            groups[-1].append(piece)
        else:
            groups.append([piece])
    return [_joined(sorted(group, key=lambda p: p.left)) for group in groups]


def _joined(pieces: list[Line]) -> Line:
    """One line from its pieces (left to right); its baseline is the lowest, a superscript's is higher."""
    return Line(min(p.left for p in pieces), max(p.right for p in pieces),
                min(p.baseline for p in pieces), "".join(p.text for p in pieces))


def is_tagged(path: Path) -> bool:
    """Whether the PDF has a structure tree (a tagged PDF), which block-level measures need."""
    from pypdf import PdfReader

    return "/StructTreeRoot" in PdfReader(str(path)).trailer["/Root"]


def read_links(path: Path) -> tuple[list[Link], dict[str, int]]:
    """Internal links (page, rectangle, destination name) and the page of every named destination."""
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    destinations = {str(name): reader.get_destination_page_number(dest)
                     for name, dest in reader.named_destinations.items()}
    links = []
    for index, page in enumerate(reader.pages):
        for annotation in page.get("/Annots", []) or []:
            annotation = annotation.get_object()
            target = annotation.get("/Dest")
            if annotation.get("/Subtype") != "/Link" or not isinstance(target, str):
                continue
            x1, y1, x2, y2 = (float(v) for v in annotation["/Rect"])
            links.append(Link(index, (min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2)), str(target)))
    return links, destinations


def unembedded_fonts(path: Path) -> list[str]:
    """Names of the fonts the PDF uses without embedding them."""
    from pypdf import PdfReader

    missing: set[str] = set()
    for page in PdfReader(str(path)).pages:
        fonts = (page.get("/Resources") or {}).get("/Font") or {}
        for font in fonts.values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            if not any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")):
                missing.add(str(font.get("/BaseFont", "?")).lstrip("/"))
    return sorted(missing)
