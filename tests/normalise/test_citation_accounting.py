"""Citations in the real seeds: each one accounted for in the report, and no letter lost on the way."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from test_nothing_lost import letters

from pamphleteer.chapters import render_body
from pamphleteer.normalise import normalise_source
from pamphleteer.project.manifest import load_manifest
from pamphleteer.project.references import load_references

REPO = Path(__file__).resolve().parents[2]
SPECS = load_manifest(REPO).chapters
# A written citation ends with its pages ("p. 3", "pp. 52-3") or stands for an earlier one.
_WRITTEN = re.compile(r"\[(?![@^])[^\[\]@]*(?:\bpp?\.\s*[\dxvi]|Op\. Cit|Ibid)[^\[\]]*\]", re.S)


@pytest.fixture(scope="module")
def results() -> dict[str, object]:
    references = load_references(REPO)
    return {spec.slug: normalise_source((REPO / spec.seed).read_text(encoding="utf-8"), spec.seed, spec.kind,
                                        options={"references": references}) for spec in SPECS}


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.slug)
def test_every_bracketed_citation_of_the_seed_is_in_the_report(spec, results):
    written = [" ".join(m.group(0).split()) for m in _WRITTEN.finditer((REPO / spec.seed).read_text(encoding="utf-8"))]
    reported = Counter(" ".join(c.before.split()) for c in results[spec.slug].changes if c.pass_name == "recognise-citations")
    assert not Counter(written) - reported, "citations neither rewritten nor reported"


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.slug)
def test_no_written_citation_is_left_in_the_chapter(spec, results):
    body = render_body(results[spec.slug].draft)
    assert not _WRITTEN.findall(body)
    assert not re.search(r"\bop\.\s*cit\b|\bibid\b", body, re.I)


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.slug)
def test_letters_are_kept_or_reported_with_citations_recognised(spec, results):
    source = (REPO / spec.seed).read_text(encoding="utf-8")
    result = results[spec.slug]
    removed = sum((letters(c.before) for c in result.changes if c.action == "removed"), Counter())
    kept = letters(render_body(result.draft))
    assert not letters(source) - kept - removed
