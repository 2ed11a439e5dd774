"""Nothing lost: every letter of a seed is in its chapter or in the report's removals."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from pamphleteer.chapters import render_body
from pamphleteer.normalise import normalise_source
from pamphleteer.project.manifest import load_manifest

REPO = Path(__file__).resolve().parent.parent
SPECS = load_manifest(REPO).chapters
_MARKUP = re.compile(r"<[^>]{1,40}>|\]\([^)]*\)")


def letters(text: str) -> Counter:
    """Letters only: joins, splits, quotes, dashes and note numbers may change; letters may not."""
    return Counter(ch for ch in _MARKUP.sub(" ", text).lower() if ch.isalpha())


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.slug)
def test_letters_of_seed_are_kept_or_reported(spec):
    source = (REPO / spec.seed).read_text(encoding="utf-8")
    result = normalise_source(source, spec.seed, spec.kind)
    removed = Counter()
    for change in result.changes:
        if change.action == "removed":
            removed += letters(change.before)
    kept = letters(render_body(result.draft))
    missing = letters(source) - kept - removed
    added = kept - letters(source)
    assert not missing, f"letters lost without a report: {dict(missing)}"
    assert not added, f"letters invented: {dict(added)}"
