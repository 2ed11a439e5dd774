"""docs/passes.md and docs/diagnostics.md match the code they are generated from."""

from __future__ import annotations

from pathlib import Path

import pytest

from pamphleteer.reference import PAGES

DOCS = Path(__file__).resolve().parent.parent / "docs"


@pytest.mark.parametrize("name", sorted(PAGES))
def test_generated_page_is_current(name: str):
    committed = (DOCS / name).read_text(encoding="utf-8")
    assert committed == PAGES[name](), f"docs/{name} is stale: run `python -m pamphleteer.reference docs/`"
