"""Readable results: the metrics table per kind against the targets, per-document rows, word differences."""

from __future__ import annotations

from difflib import SequenceMatcher

from .align import index_map, words
from .document import parse_body
from .harness import NOT_APPLICABLE, TARGETS, Outcome, meets
from .metrics import Scores, block_starts, normed_words


def metrics_table(by_kind: dict[str, Scores]) -> str:
    """One row per metric, one column per kind, then the target; a failing value is starred.

    >>> print(metrics_table({"text": Scores(words=1000, edits=1)}).splitlines()[2])
    word error rate  0.10 %        <= 0.30 %
    """
    kinds = list(by_kind)
    widths = [15, *[max(12, len(kind)) for kind in kinds], 9]
    rows = [["metric", *kinds, "target"], ["-" * width for width in widths]]
    for metric, (comparison, bound) in TARGETS.items():
        cells = [_cell(metric, kind, by_kind[kind].metrics()[metric]) for kind in kinds]
        rows.append([metric, *cells, f"{comparison} {_format(metric, bound)}"])
    return "\n".join("  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip() for row in rows)


def _cell(metric: str, kind: str, value: float | None) -> str:
    if (kind, metric) in NOT_APPLICABLE or value is None:
        return "n/a"
    return _format(metric, value) + ("" if meets(metric, value) else " *")


def _format(metric: str, value: float) -> str:
    if metric == "word error rate":
        return f"{100 * value:.2f} %"
    if metric == "furniture left":
        return f"{value:g}"
    return f"{value:.3f}"


def document_rows(outcomes: tuple[Outcome, ...]) -> str:
    """One line per document: its name, size, metrics and how it was broken."""
    lines = []
    for outcome in outcomes:
        values = outcome.scores.metrics()
        cells = [_cell(metric, outcome.case.kind, values[metric]) for metric in TARGETS]
        lines.append(f"{outcome.case.name:<12} {outcome.scores.words:>5} words  " + " | ".join(cells)
                     + f"  ({outcome.degraded.story})")
    return "\n".join(lines)


def word_differences(outcome: Outcome, most: int = 8, context: int = 4) -> list[str]:
    """The first differing stretches of words between the clean text and the output, with context."""
    clean = [w for block in parse_body(outcome.clean).blocks for w in words(block.text)]
    output = [w for block in parse_body(outcome.output).blocks for w in words(block.text)]
    found = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, clean, output, autojunk=False).get_opcodes():
        if tag != "equal" and len(found) < most:
            before = " ".join(clean[max(0, i1 - context) : i1])
            found.append(f"…{before} [{' '.join(clean[i1:i2])[:80]} → {' '.join(output[j1:j2])[:80]}]")
    return found


def break_differences(outcome: Outcome, most: int = 8) -> list[str]:
    """Paragraph breaks the output lacks ("missing") or adds ("extra"), with the words around them."""
    clean, clean_owners = normed_words(parse_body(outcome.clean))
    output, output_owners = normed_words(parse_body(outcome.output))
    mapping = index_map(clean, output)
    wanted, found = set(block_starts(clean_owners)), {mapping[j]: j for j in block_starts(output_owners)}
    missing = [f"missing: …{' '.join(clean[i - 3 : i])} ¶ {' '.join(clean[i : i + 3])}…" for i in sorted(wanted - set(found))]
    extra = [f"extra: …{' '.join(output[j - 3 : j])} ¶ {' '.join(output[j : j + 3])}…"
             for i, j in sorted(found.items()) if i not in wanted]
    return (missing + extra)[:most]
