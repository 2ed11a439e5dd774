"""Package metadata says only what is true: page features with a page list, conformance only when checked."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from ebooklib import epub

from pamphleteer.diagnostics import Location
from pamphleteer.model import nodes as n
from pamphleteer.render.context import BuildContext
from pamphleteer.render.epub.package import describe, rights


def _chapter(title: str, **meta) -> n.Chapter:
    return n.Chapter(slug=title.lower(), number=1, role="chapter", title=title, subtitle="", author="",
                     meta=meta, blocks=(), notes=(), location=Location("x.md"))


def _edition(*chapters: n.Chapter, publisher: str = "") -> n.Edition:
    return n.Edition(slug="p", title="P", subtitle="", editor="", publisher=publisher, authors=("A. Author",),
                     language="en", edition=1, date=dt.date(2026, 1, 1), description="", chapters=chapters)


def _metadata(edition: n.Edition, pages: int, conforms: bool) -> dict[str, list[str]]:
    book = epub.EpubBook()
    moment = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
    describe(book, BuildContext(edition, Path("."), Path("build"), moment), pages, conforms)
    found: dict[str, list[str]] = {}
    for values in book.metadata.values():
        for name, entries in values.items():
            for value, attributes in entries:
                key = (attributes or {}).get("property", name)
                found.setdefault(key, []).append(value)
    return found


def test_conformance_is_claimed_only_when_the_content_passed():
    assert "dcterms:conformsTo" in _metadata(_edition(), 10, conforms=True)
    assert "dcterms:conformsTo" not in _metadata(_edition(), 10, conforms=False)


def test_a_publisher_answers_for_the_claim():
    assert _metadata(_edition(publisher="A Press"), 10, True)["a11y:certifiedBy"] == ["A Press"]
    assert "a11y:certifiedBy" not in _metadata(_edition(), 10, True)


@pytest.mark.parametrize("pages", [0, 12])
def test_page_features_and_print_source_only_with_a_page_list(pages):
    metadata = _metadata(_edition(), pages, True)
    features = metadata["schema:accessibilityFeature"]
    assert ("printPageNumbers" in features) == bool(pages) == ("pageBreakMarkers" in features)
    assert ("source-of" in metadata) == bool(pages)


def test_rights_name_each_licence_and_say_where_none_is_stated():
    stated = _edition(_chapter("One", licence="CC0"), _chapter("Two"))
    assert rights(stated) == "One: CC0; the other texts: no licence stated by their sources."
    assert rights(_edition(_chapter("One"))) == "The texts: no licence stated by their sources."
    assert rights(_edition()) == ""
