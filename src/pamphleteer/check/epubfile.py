"""Read a built EPUB as a reading system does: container, package, spine, navigation."""

from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from ..errors import ContentError

NS = {
    "c": "urn:oasis:names:tc:opendocument:xmlns:container",
    "opf": "http://www.idpf.org/2007/opf",
    "dc": "http://purl.org/dc/elements/1.1/",
    "x": "http://www.w3.org/1999/xhtml",
    "epub": "http://www.idpf.org/2007/ops",
}
EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass(frozen=True)
class EpubFile:
    """A parsed EPUB.

    Attributes:
        package: The package document (content.opf) as an element tree.
        spine: The content documents' names (relative to the package) in reading order.
        documents: Every XHTML document of the manifest, parsed, by name.
        nav: The name of the navigation document.
    """

    package: etree._Element
    spine: tuple[str, ...]
    documents: dict[str, etree._Element]
    nav: str

    def meta(self, prop: str) -> list[str]:
        """The values of the package's `<meta property=prop>` entries."""
        return [(m.text or "").strip() for m in self.package.xpath("//opf:meta[@property=$p]", p=prop, namespaces=NS)]

    def nav_list(self, kind: str) -> list[tuple[str, str]]:
        """(text, href) of each link in the nav document's `<nav epub:type=kind>`."""
        links = self.documents[self.nav].xpath(
            "//x:nav[contains(concat(' ', @epub:type, ' '), $k)]//x:a", k=f" {kind} ", namespaces=NS)
        return [(" ".join("".join(a.itertext()).split()), a.get("href", "")) for a in links]

    def target(self, href: str) -> etree._Element | None:
        """The element an href (relative to the nav document) points at, if it exists."""
        name, _, anchor = href.partition("#")
        document = self.documents.get(posixpath.normpath(posixpath.join(posixpath.dirname(self.nav), name)))
        if document is None or not anchor:
            return document
        found = document.xpath("//*[@id=$a]", a=anchor)
        return found[0] if found else None


def read_epub(path: Path, shown: str) -> EpubFile:
    """Parse an EPUB, or raise ContentError saying what is wrong with it."""
    try:
        with zipfile.ZipFile(path) as archive:
            return _read(archive)
    except (zipfile.BadZipFile, KeyError, IndexError, StopIteration, etree.XMLSyntaxError) as error:
        raise ContentError(f"{shown}: not a readable EPUB ({error}).") from None


def _read(archive: zipfile.ZipFile) -> EpubFile:
    container = _xml(archive, "META-INF/container.xml")
    opf_name = container.xpath("//c:rootfile/@full-path", namespaces=NS)[0]
    package = _xml(archive, opf_name)
    base = posixpath.dirname(opf_name)
    items = {item.get("id"): item for item in package.xpath("//opf:manifest/opf:item", namespaces=NS)}
    documents = {item.get("href"): _xml(archive, posixpath.join(base, item.get("href")))
                 for item in items.values() if item.get("media-type") == "application/xhtml+xml"}
    spine = tuple(items[ref].get("href") for ref in package.xpath("//opf:spine/opf:itemref/@idref", namespaces=NS))
    nav = next(item.get("href") for item in items.values() if "nav" in (item.get("properties") or "").split())
    return EpubFile(package, spine, documents, nav)


def _xml(archive: zipfile.ZipFile, name: str) -> etree._Element:
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    return etree.fromstring(archive.read(name), parser)


def text_of(element: etree._Element) -> str:
    """An element's text with runs of white space made single spaces."""
    return " ".join("".join(element.itertext()).split())
