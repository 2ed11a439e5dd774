"""The named destinations and links of a long book's parts, joined in time linear in their number.

pypdf merges a document's named destinations one at a time into a sorted
array, and keeps a link to a named destination only after looking the name
up in that array: both grow quadratic in the number of names, and a part
has one per paragraph. Here the parts' destinations are gathered and written
once, sorted, and the links are copied page by page.
"""

from __future__ import annotations

from collections.abc import Iterator

from .parts import ANCHOR_SCHEME


class Destinations:
    """Every part's named destinations, by the book's page index, until written into the whole."""

    def __init__(self) -> None:
        self._found: dict[str, tuple[int, list]] = {}

    def take(self, reader, start: int) -> None:
        """Take the part's named destinations out of `reader` (its pages begin at page `start` of the book).

        The name tree is read here, not through `reader.named_destinations`,
        which would keep them for pypdf to merge.
        """
        names = reader.root_object.get("/Names")
        tree = names.get_object().pop("/Dests", None) if names is not None else None
        pages = _page_indexes(reader)
        for name, place in _name_tree(tree.get_object() if tree is not None else {}):
            place = place.get_object()
            place = place["/D"].get_object() if hasattr(place, "keys") else place  # or a dictionary holds it as /D
            page = getattr(place[0], "idnum", None) if len(place) else None
            if page in pages:  # the first part to use a name keeps it
                self._found.setdefault(str(name), (start + pages[page], list(place[1:])))

    def write(self, writer) -> None:
        """The destinations in the writer's name tree, sorted as a name tree must be."""
        from pypdf.generic import ArrayObject, TextStringObject

        tree = writer.get_named_dest_root()
        for name in sorted(self._found):
            index, place = self._found[name]
            tree += [TextStringObject(name), ArrayObject([writer.pages[index].indirect_reference, *place])]


def copy_links(writer, reader, start: int) -> None:
    """Copy the annotations of the part in `reader` onto its pages in `writer` (from page `start`).

    A link written as pamphleteer-anchor:NAME (to another part) becomes a
    link to the named destination NAME; a destination given as a page of
    the part points at that page in the book.
    """
    from pypdf.generic import ArrayObject, NameObject

    pages = {idnum: writer.pages[start + index].indirect_reference for idnum, index in _page_indexes(reader).items()}
    for index, page in enumerate(reader.pages):
        copies = [copy for reference in page.get("/Annots") or () if (copy := _copy(writer, reference, pages))]
        if copies:
            writer.pages[start + index][NameObject("/Annots")] = ArrayObject(copies)


def _copy(writer, reference, pages: dict):
    """The annotation copied into `writer` (its reference), or None if it points at a page left out."""
    from pypdf.generic import ArrayObject, NameObject, TextStringObject

    annotation = reference.get_object()
    copy = annotation.clone(writer, ignore_fields=("/P", "/Dest"))  # /P, a page of the part: optional
    destination = annotation.get("/Dest")
    uri = str((annotation.get("/A") or {}).get("/URI", ""))
    if uri.startswith(ANCHOR_SCHEME):
        del copy["/A"]
        destination = TextStringObject(uri[len(ANCHOR_SCHEME):])
    elif isinstance(destination, ArrayObject):
        if not destination or getattr(destination[0], "idnum", None) not in pages:
            return None
        destination = ArrayObject([pages[destination[0].idnum], *destination[1:]])
    if destination is not None:
        copy[NameObject("/Dest")] = destination
    return copy.indirect_reference or writer._add_object(copy)  # noqa: SLF001  (a direct annotation)


def _page_indexes(reader) -> dict[int, int]:
    return {page.indirect_reference.idnum: index for index, page in enumerate(reader.pages)}


def _name_tree(node) -> Iterator[tuple]:
    """(name, value) pairs of a PDF name tree, its kids in order."""
    for kid in node.get("/Kids") or ():
        yield from _name_tree(kid.get_object())
    entries = node.get("/Names") or ()
    yield from zip(entries[::2], entries[1::2])
