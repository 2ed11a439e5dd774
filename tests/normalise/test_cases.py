"""Golden cases per pass: cases/<pass>/<case>/ holds input.*, kind, expected.md and removed.txt.

An optional options.toml gives per-chapter options (as pamphlet.toml would).
Run `pytest --update-golden` to accept new output, then review the diff.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from golden import assert_golden
from pamphleteer.chapters import render_body
from pamphleteer.normalise import PIPELINES, normalise_source
from pamphleteer.normalise.passes import PASSES, PassContext
from pamphleteer.normalise.vocabulary import Vocabulary
from pamphleteer.readers import read

CASES = Path(__file__).parent / "cases"
CASE_DIRS = sorted(p for p in CASES.glob("*/*") if p.is_dir())
ids = lambda p: f"{p.parent.name}/{p.name}"  # noqa: E731


def _input(case: Path) -> Path:
    return next(p for p in case.iterdir() if p.name.startswith("input."))


def _setup(case: Path) -> tuple[str, str, dict]:
    kind = (case / "kind").read_text(encoding="utf-8").strip()
    options_file = case / "options.toml"
    options = tomllib.loads(options_file.read_text(encoding="utf-8")) if options_file.exists() else {}
    return kind, _input(case).read_text(encoding="utf-8"), options


def _normalise(case: Path):
    kind, source, options = _setup(case)
    return normalise_source(source, _input(case).name, kind, options=options)


@pytest.mark.parametrize("case", CASE_DIRS, ids=ids)
def test_case_output(case: Path, update_golden: bool):
    assert_golden(render_body(_normalise(case).draft), case / "expected.md", update_golden)


@pytest.mark.parametrize("case", CASE_DIRS, ids=ids)
def test_case_removals(case: Path, update_golden: bool):
    result = _normalise(case)
    removed = "".join(f"{c.line}: {c.before} ({c.pass_name})\n" for c in result.changes if c.action == "removed")
    assert_golden(removed, case / "removed.txt", update_golden)


@pytest.mark.parametrize("case", CASE_DIRS, ids=ids)
def test_case_exercises_its_pass(case: Path):
    """The pass a case is named after must change the draft in that case."""
    name = case.parent.name
    assert name in PASSES, f"cases/{name} is not a registered pass"
    kind, source, options = _setup(case)
    draft, _ = read(source, "case", kind)
    assert name in PIPELINES[draft.kind], f"{name} does not run for {draft.kind}"
    context = PassContext("case", draft.kind, "en", Vocabulary(source), options)
    for pass_name in PIPELINES[draft.kind]:
        before = draft
        draft, _ = PASSES[pass_name].function(draft, context)
        if pass_name == name:
            assert draft != before, f"{name} left case {case.name} unchanged"
            return


@pytest.mark.parametrize("case", CASE_DIRS, ids=ids)
def test_case_is_idempotent(case: Path):
    """Normalising the same input twice gives the same bytes."""
    assert render_body(_normalise(case).draft) == render_body(_normalise(case).draft)


def test_every_pass_has_a_case():
    covered = {p.parent.name for p in CASE_DIRS}
    missing = sorted(set(PASSES) - covered)
    assert not missing, f"passes without a golden case: {missing}"
