"""Accessibility of the EPUB: the rules that matter most to readers who use assistive technology.

These run on every build (the package claims conformance only if they pass)
and in `check`, which also runs Ace by DAISY when it is installed
(see check/ace.py).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from lxml import etree

from .epubfile import EPUB_TYPE, NS, XML_LANG, EpubFile, text_of

# Structural semantics and the DPUB-ARIA role each must carry, so that screen readers know them too.
MATCHING_ROLES = {
    "chapter": "doc-chapter", "preface": "doc-preface", "bibliography": "doc-bibliography",
    "colophon": "doc-colophon", "noteref": "doc-noteref", "footnote": "doc-footnote",
    "pagebreak": "doc-pagebreak", "toc": "doc-toc", "page-list": "doc-pagelist",
}
REQUIRED_METADATA = ("schema:accessMode", "schema:accessModeSufficient", "schema:accessibilityFeature",
                     "schema:accessibilityHazard", "schema:accessibilitySummary")
PAGE_FEATURES = ("printPageNumbers", "pageBreakMarkers")
PACKAGE = "content.opf"
_HEADING = re.compile(r"^h([1-6])$")


def content_findings(documents: dict[str, str | etree._Element]) -> list[tuple[str, str]]:
    """(document, problem) for what is wrong in the content documents, one sentence each."""
    findings = []
    for name, document in documents.items():
        root = etree.fromstring(document.encode("utf-8")) if isinstance(document, str) else document
        for rule in _RULES:
            findings.extend((name, problem) for problem in rule(root))
    return findings


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _types(element: etree._Element) -> list[str]:
    return (element.get(EPUB_TYPE) or "").split()


def _language(root) -> Iterator[str]:
    lang, xml_lang = root.get("lang"), root.get(XML_LANG)
    if not lang or lang != xml_lang:
        yield f"the document's language is not declared as lang and xml:lang alike ({lang!r}, {xml_lang!r})."


def _title(root) -> Iterator[str]:
    if not text_of(next(iter(root.xpath("//x:head/x:title", namespaces=NS)), etree.Element("title"))):
        yield "the document has no title."


def _heading_order(root) -> Iterator[str]:
    previous = 0
    for element in root.iter():
        match = _HEADING.match(_local(element))
        if match:
            level = int(match.group(1))
            if previous and level > previous + 1:
                yield f"heading h{level} “{text_of(element)}” follows h{previous}: a level is skipped."
            previous = level


def _noterefs(root) -> Iterator[str]:
    ids = _ids(root)
    for link in root.xpath("//x:a[contains(concat(' ', @epub:type, ' '), ' noteref ')]", namespaces=NS):
        label = link.get("id") or text_of(link)
        if len(link):
            yield f"note call {label} has elements inside it; pop-ups need its text alone."
        target = _same_document_target(ids, link.get("href", ""))
        if target is None or _local(target) != "aside" or "footnote" not in _types(target):
            yield f"note call {label} does not lead to a footnote aside in the same document."


def _footnotes(root) -> Iterator[str]:
    ids = _ids(root)
    for aside in root.xpath("//x:aside[contains(concat(' ', @epub:type, ' '), ' footnote ')]", namespaces=NS):
        label = aside.get("id", "?")
        first = next(iter(aside), None)
        link = next(iter(first), None) if first is not None else None
        if link is None or _local(link) != "a" or link.get("role") != "doc-backlink" or (first.text or "").strip():
            yield f"footnote {label} does not open with its number as a link back to the call."
        elif _same_document_target(ids, link.get("href", "")) is None:
            yield f"footnote {label} links back to a call that does not exist."


def _ids(root) -> dict:
    """Each id's first element, found once per document (a lookup per link was quadratic)."""
    found: dict = {}
    for element in root.iter():
        if isinstance(element.tag, str) and element.get("id"):
            found.setdefault(element.get("id"), element)
    return found


def _same_document_target(ids: dict, href: str):
    return ids.get(href[1:]) if href.startswith("#") else None


def _images(root) -> Iterator[str]:
    for image in root.xpath("//x:img", namespaces=NS):
        if not (image.get("alt") or "").strip():
            yield f"image {image.get('src')} has no alternative text."


def _page_breaks(root) -> Iterator[str]:
    for marker in root.xpath("//*[contains(concat(' ', @epub:type, ' '), ' pagebreak ')]", namespaces=NS):
        if not (marker.get("aria-label") or text_of(marker)):
            yield f"page-break marker {marker.get('id')} does not say which page it is."


def _roles(root) -> Iterator[str]:
    # Landmark links name the part they lead to; they are not that part.
    landmarks = "ancestor::x:nav[contains(concat(' ', @epub:type, ' '), ' landmarks ')]"
    for element in root.xpath(f"//x:body//*[@epub:type][not({landmarks})]", namespaces=NS):
        for kind in _types(element):
            role = MATCHING_ROLES.get(kind)
            if role and element.get("role") != role:
                yield f"<{_local(element)} epub:type=\"{kind}\"> lacks role=\"{role}\"."


def _unique_ids(root) -> Iterator[str]:
    for anchor, count in Counter(root.xpath("//@id")).items():
        if count > 1:
            yield f"id {anchor!r} is used {count} times."


_RULES = (_language, _title, _heading_order, _noterefs, _footnotes, _images, _page_breaks, _roles, _unique_ids)


def package_findings(epub: EpubFile) -> list[tuple[str, str]]:
    """(document, problem) for the package and navigation: metadata true of the content, working lists."""
    problems = []
    if not epub.package.get(XML_LANG):
        problems.append("the package does not declare its language (xml:lang).")
    problems += [f"no {name} metadata." for name in REQUIRED_METADATA if not epub.meta(name)]
    problems += _page_list_claims(epub)
    if epub.meta("dcterms:conformsTo") and content_findings(epub.documents):
        problems.append("it claims conformance to EPUB Accessibility, yet the content has problems.")
    return [(PACKAGE, problem) for problem in problems] + [(epub.nav, problem) for problem in _navigation(epub)]


def _navigation(epub: EpubFile) -> Iterator[str]:
    for kind in ("toc", "landmarks"):
        links = epub.nav_list(kind)
        if not links:
            yield f"the {kind} navigation is missing or empty."
        for text, href in links:
            if not text or epub.target(href) is None:
                yield f"{kind} entry {text!r} leads nowhere ({href})."
    for label, href in epub.nav_list("page-list"):
        target = epub.target(href)
        if target is None or "pagebreak" not in _types(target):
            yield f"page {label} leads to no page-break marker ({href})."


def _page_list_claims(epub: EpubFile) -> Iterator[str]:
    pages = epub.nav_list("page-list")
    features = set(epub.meta("schema:accessibilityFeature"))
    if pages and not all(feature in features for feature in PAGE_FEATURES):
        yield "a page list exists but printPageNumbers and pageBreakMarkers are not declared."
    if not pages and any(feature in features for feature in PAGE_FEATURES):
        yield "it declares print page numbers, but the navigation has no page list."
    if pages and not epub.package.xpath("//dc:source", namespaces=NS):
        yield "a page list needs dc:source naming the print edition."
