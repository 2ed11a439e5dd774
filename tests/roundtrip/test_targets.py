"""The normaliser meets its targets on the harness's own broken essays, kind by kind.

These targets are the ones the normaliser is judged by on unseen documents;
a failure here names the kind, the metric, its value, and examples of what
went wrong. `python bench/roundtrip.py` prints the whole table.
"""

from __future__ import annotations

import pytest

from roundtrip.harness import KINDS, NOT_APPLICABLE, TARGETS, meets, run_kind, total
from roundtrip.report import document_rows

CHECKS = [(kind, metric) for kind in KINDS for metric in TARGETS if (kind, metric) not in NOT_APPLICABLE]
_PROBLEM_KEYS = {"notes placed": "notes", "quotes placed": "quotes", "furniture left": "furniture"}


@pytest.mark.parametrize(("kind", "metric"), CHECKS, ids=[f"{kind}:{metric}" for kind, metric in CHECKS])
def test_normaliser_meets_target(kind, metric):
    outcomes = run_kind(kind)
    scores = total(outcomes)
    value = scores.metrics()[metric]
    comparison, bound = TARGETS[metric]
    examples = scores.problems.get(_PROBLEM_KEYS.get(metric, ""), [])[:5]
    assert meets(metric, value), (
        f"{kind}: {metric} = {value} (target {comparison} {bound})\n" + "\n".join(examples)
        + "\n" + document_rows(outcomes))


@pytest.mark.parametrize(("kind", "metric"), sorted(NOT_APPLICABLE))
def test_metrics_left_out_have_nothing_to_count(kind, metric):
    assert total(run_kind(kind)).metrics()[metric] is None
