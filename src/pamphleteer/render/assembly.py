"""One PDF from the separately typeset parts of a long book: pages, outline, links and fonts joined.

Each part's pages follow the previous part's, after a blank left-hand page
where a part ended on a right-hand one (its folios were numbered for that).
pypdf carries over each part's pages and outline; part_links.py its named
destinations and links. Every part embeds the same full font programs, so
identical objects are merged and the result holds each font once.
"""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

from .part_links import Destinations, copy_links


class Assembly:
    """The book's PDF, put together as its parts are written: the chapter parts in order, the front matter last.

    The front matter is typeset last (its contents needs every chapter's
    page), but its length is known from the start: the chapter parts are
    joined while later ones are still being typeset, and the front matter is
    put before them at the end.

    Args:
        front_pages: How many pages the front matter fills.
    """

    def __init__(self, front_pages: int) -> None:
        from pypdf import PdfWriter

        self._writer = PdfWriter()
        self._front_pages = front_pages
        self._destinations = Destinations()
        self._digest = hashlib.md5(usedforsecurity=False)  # of the parts' bytes: the file identifier

    def add(self, path: Path, offset: int) -> None:
        """Add the next chapter part, which starts after `offset` pages of the book (the front matter's included)."""
        reader = self._read(path)
        _pad(self._writer, offset - self._front_pages, reader.pages[0].mediabox)
        self._destinations.take(reader, offset)
        start = len(self._writer.pages)
        self._writer.append(reader, excluded_fields=["/Annots"])  # links are copied by copy_links, in linear time
        copy_links(self._writer, reader, start)

    def finish(self, front: Path, texts: dict[str, dict[int, str]] | None = None) -> bytes:
        """The whole book, the front matter in `front` before the chapters, as a PDF's bytes.

        Args:
            texts: For each font (by its name in the PDF), the text of each
                glyph the parts set in it; written as the font's ToUnicode map.
        """
        writer, reader = self._writer, self._read(front)
        if len(reader.pages) != self._front_pages:
            raise ValueError(f"the front matter fills {len(reader.pages)} pages, not {self._front_pages}")
        self._destinations.take(reader, 0)
        chapters = list(writer.get_outline_root().children())
        writer.merge(0, reader, excluded_fields=["/Annots"])
        copy_links(writer, reader, 0)
        _outline_first(writer, chapters)
        self._destinations.write(writer)
        _share_fonts(writer, texts or {})
        _keep_document_settings(writer, reader)
        writer.compress_identical_objects()  # merge duplicates, drop the unreferenced
        _identify(writer, self._digest.digest())
        out = io.BytesIO()
        writer.write(out)
        return out.getvalue()

    def _read(self, path: Path):
        from pypdf import PdfReader

        data = path.read_bytes()
        self._digest.update(data)
        return PdfReader(io.BytesIO(data))


def _pad(writer, pages: int, box) -> None:
    """Blank pages (as WeasyPrint leaves before a right-hand chapter opening) until `pages` pages."""
    while len(writer.pages) < pages:
        writer.add_blank_page(box.width, box.height)


def _outline_first(writer, chapters: list) -> None:
    """The front matter's outline entries (pypdf adds them last) moved before the chapters' entries.

    Relinked here: pypdf's TreeObject.insert_child cannot insert before the first entry.
    """
    from pypdf.generic import NameObject

    root = writer.get_outline_root()
    front = [child for child in root.children() if child not in chapters]
    if not front or not chapters:
        return
    first, last = chapters[0], chapters[-1]
    root[NameObject("/First")] = front[0].indirect_reference
    root[NameObject("/Last")] = last.indirect_reference
    front[0].pop("/Prev", None)
    last.pop("/Next", None)
    front[-1][NameObject("/Next")] = first.indirect_reference
    first[NameObject("/Prev")] = front[-1].indirect_reference


def _share_fonts(writer, texts: dict[str, dict[int, str]]) -> None:
    """Every page uses the first part's font object for each font that all parts embed alike."""
    from pypdf.generic import NameObject

    shared: dict[tuple, object] = {}
    keys: dict[int, tuple] = {}
    for page in writer.pages:
        fonts = (page.get("/Resources") or {}).get("/Font")
        if fonts is None:
            continue
        fonts = fonts.get_object()
        for name, reference in list(fonts.items()):
            if reference.idnum not in keys:
                keys[reference.idnum] = _font_key(reference.get_object())
            key = keys[reference.idnum]
            fonts[NameObject(name)] = shared.setdefault(key, reference)
    for reference in shared.values():
        font = reference.get_object()
        glyphs = texts.get(str(font.get("/BaseFont", "")).lstrip("/"))
        if glyphs:
            font[NameObject("/ToUnicode")] = writer._add_object(_unicode_map(glyphs))  # noqa: SLF001


def _unicode_map(glyphs: dict[int, str]):
    """A ToUnicode CMap stream (as WeasyPrint writes one) for `glyphs`.

    >>> _unicode_map({3: "fi"}).get_data().split(b"\\n")[13:16]
    [b'1 beginbfchar', b'<0003> <00660069>', b'endbfchar']
    """
    from pypdf.generic import DecodedStreamObject

    lines = [b"/CIDInit /ProcSet findresource begin", b"12 dict begin", b"begincmap", b"/CIDSystemInfo",
             b"<< /Registry (Adobe)", b"/Ordering (UCS)", b"/Supplement 0", b">> def",
             b"/CMapName /Adobe-Identity-UCS def", b"/CMapType 2 def", b"1 begincodespacerange",
             b"<0000> <ffff>", b"endcodespacerange"]
    items = sorted(glyphs.items())
    for start in range(0, len(items), 100):  # at most 100 entries a block
        batch = items[start:start + 100]
        lines.append(f"{len(batch)} beginbfchar".encode())
        lines += [f"<{glyph:04x}> <{text.encode('utf-16-be').hex()}>".encode() for glyph, text in batch]
        lines.append(b"endbfchar")
    lines += [b"endcmap", b"CMapName currentdict /CMap defineresource pop", b"end", b"end"]
    stream = DecodedStreamObject()
    stream.set_data(b"\n".join(lines))
    return stream.flate_encode()


def _font_key(font) -> tuple:
    """What makes two embedded fonts the same: name, glyph widths, text mapping and font program."""
    digest = hashlib.sha256(repr(font.get("/BaseFont")).encode())
    unicode_map = font.get("/ToUnicode")
    digest.update(unicode_map.get_object().get_data() if unicode_map is not None else b"")
    for descendant in font.get("/DescendantFonts") or ():
        descendant = descendant.get_object()
        digest.update(repr(descendant.get("/W")).encode())
        program = _font_program(descendant.get("/FontDescriptor"))
        digest.update(program.get_data() if program is not None else b"")
    return (str(font.get("/BaseFont")), digest.hexdigest())


def _font_program(descriptor):
    descriptor = descriptor.get_object() if descriptor is not None else {}
    for key in ("/FontFile", "/FontFile2", "/FontFile3"):
        if key in descriptor:
            return descriptor[key].get_object()
    return None


def _keep_document_settings(writer, first) -> None:
    """The language and document information of the parts (the same in each), from the first."""
    from pypdf.generic import NameObject

    catalog = first.trailer["/Root"]
    for key in ("/Lang", "/ViewerPreferences", "/PageMode"):
        if key in catalog:
            writer._root_object[NameObject(key)] = catalog[key]  # noqa: SLF001  (pypdf's catalog)
    writer.add_metadata(dict(first.metadata or {}))


def _identify(writer, digest: bytes) -> None:
    """A file identifier from the parts' bytes, so that the same inputs give the same PDF."""
    from pypdf.generic import ArrayObject, ByteStringObject

    identifier = ByteStringObject(digest)
    writer._ID = ArrayObject([identifier, identifier])  # noqa: SLF001  (pypdf has no public setter)
