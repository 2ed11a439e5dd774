"""Print the round-trip metrics of the normaliser per kind against the targets.

Usage: python bench/roundtrip.py [--kind KIND ...] [--documents] [--problems] [--write DIR]

Generates the harness's essays (tests/roundtrip), breaks them as each kind of
source is broken, normalises them and compares the chapter bodies with the
clean essays. A starred value misses its target. --documents adds a row per
document, --problems the first differences found, --write saves every broken
source, clean body and normalised body under DIR for reading.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from roundtrip.harness import KINDS, Outcome, run_kind, total  # noqa: E402
from roundtrip.report import break_differences, document_rows, metrics_table, word_differences  # noqa: E402

_SUFFIX = {"pdf-text": "txt", "markdown": "md", "text": "txt", "html": "html"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kind", action="append", choices=KINDS, help="only these kinds (repeatable)")
    parser.add_argument("--documents", action="store_true", help="a row per document")
    parser.add_argument("--problems", action="store_true", help="examples of what went wrong")
    parser.add_argument("--write", type=Path, metavar="DIR", help="save sources, clean and normalised bodies")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    results = {kind: run_kind(kind) for kind in args.kind or KINDS}
    print(metrics_table({kind: total(outcomes) for kind, outcomes in results.items()}))
    words = sum(outcome.scores.words for outcomes in results.values() for outcome in outcomes)
    print(f"\n{sum(map(len, results.values()))} documents, {words} words, {time.perf_counter() - started:.1f} s")
    for outcomes in results.values():
        if args.documents:
            print("\n" + document_rows(outcomes))
        if args.problems:
            print("\n" + "\n".join(_problems(outcome) for outcome in outcomes))
        if args.write:
            _write(args.write, outcomes)
    return 0


def _problems(outcome: Outcome) -> str:
    lines = [f"## {outcome.case.name} ({outcome.degraded.story})"]
    for key, examples in outcome.scores.problems.items():
        lines += [f"  {key}: {example}" for example in examples]
    lines += [f"  words: {difference}" for difference in word_differences(outcome)]
    lines += [f"  breaks: {difference}" for difference in break_differences(outcome)]
    return "\n".join(lines)


def _write(folder: Path, outcomes: tuple[Outcome, ...]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for outcome in outcomes:
        name = outcome.case.name
        (folder / f"{name}.source.{_SUFFIX[outcome.case.kind]}").write_text(outcome.degraded.source, encoding="utf-8")
        (folder / f"{name}.clean.md").write_text(outcome.clean, encoding="utf-8")
        (folder / f"{name}.normalised.md").write_text(outcome.output, encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
