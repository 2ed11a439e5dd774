"""Reference pages generated from the code: the pass registry and the diagnostic catalogue.

`python -m pamphleteer.reference docs/` rewrites docs/passes.md and
docs/diagnostics.md; a test fails when they are out of date.
"""

from __future__ import annotations

import inspect
import sys
from pathlib import Path

from .diagnostics import CATALOGUE
from .normalise import PIPELINES
from .normalise.passes import PASSES


def passes_page() -> str:
    """docs/passes.md: every pass, the kinds it runs for, its purpose and example."""
    out = ["# Normalise passes", "", "Generated from the pass registry (`python -m pamphleteer.reference docs/`).", ""]
    out += ["| kind | passes, in order |", "| --- | --- |"]
    out += [f"| `{kind}` | {', '.join(f'`{name}`' for name in names)} |" for kind, names in PIPELINES.items()]
    out.append("")
    for name, registered in sorted(PASSES.items()):
        kinds = [kind for kind, names in PIPELINES.items() if name in names]
        doc = _fence_examples(inspect.cleandoc(registered.function.__doc__ or ""))
        out += [f"## `{name}`", "", f"Runs for: {', '.join(kinds) or 'no kind yet'}.", "", doc, ""]
    return "\n".join(out).rstrip() + "\n"


def diagnostics_page() -> str:
    """docs/diagnostics.md: every diagnostic code with its severity, message and hint."""
    out = ["# Diagnostics", "", "Generated from the catalogue in `diagnostics.py`.",
           "Codes: `p` project files, `s` seeds, `n` normalise, `c` chapters, `r` references, `o` outputs.", "",
           "| code | severity | message | hint |", "| --- | --- | --- | --- |"]
    for code, entry in sorted(CATALOGUE.items()):
        out.append(f"| `{code}` | {entry.severity} | {_cell(entry.template)} | {_cell(entry.hint)} |")
    return "\n".join(out) + "\n"


def _fence_examples(doc: str) -> str:
    """Put doctest examples in code fences so they read as code."""
    out, inside = [], False
    for line in doc.split("\n"):
        starts = line.startswith(">>>")
        if starts and not inside:
            out.append("```pycon")
            inside = True
        elif inside and not line.strip():
            out.append("```")
            inside = False
        out.append(line)
    if inside:
        out.append("```")
    return "\n".join(out)


def _cell(text: str) -> str:
    return text.replace("|", "\\|") or "—"


PAGES = {"passes.md": passes_page, "diagnostics.md": diagnostics_page}


def main(argv: list[str]) -> int:
    target = Path(argv[0] if argv else "docs")
    for name, page in PAGES.items():
        (target / name).write_text(page(), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
