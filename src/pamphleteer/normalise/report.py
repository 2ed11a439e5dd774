"""The normalise report: what each pass changed, every removal verbatim, what to review."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass

from .passes import Change


@dataclass(frozen=True)
class ChapterReport:
    """What normalising one seed did."""

    chapter: str
    seed: str
    reading: str
    changes: list[Change]
    page_order: tuple[int, ...] = ()
    notes: int = 0

    @property
    def removals(self) -> list[Change]:
        return [c for c in self.changes if c.action == "removed"]

    @property
    def review(self) -> list[Change]:
        return [c for c in self.changes if c.action == "review"]


def render_markdown(reports: list[ChapterReport]) -> str:
    """The report as Markdown, one section per chapter."""
    out = ["# Normalise report", ""]
    for report in reports:
        out += _chapter_section(report)
    return "\n".join(out).rstrip() + "\n"


def _chapter_section(report: ChapterReport) -> list[str]:
    out = [f"## {report.chapter}", "", f"Seed `{report.seed}`, {report.reading}; {report.notes} notes.", ""]
    if len(report.page_order) > 1:
        order = ", ".join(str(page + 1) for page in report.page_order)
        out += [f"Page order: {order}.", ""]
    counts = Counter((c.pass_name, c.action) for c in report.changes)
    if counts:
        out += ["| pass | action | count |", "| --- | --- | ---: |"]
        out += [f"| {name} | {action} | {n} |" for (name, action), n in sorted(counts.items())]
        out.append("")
    if report.removals:
        out += ["### Removed", ""]
        out += [f"- {report.seed}:{c.line}: {_quote(c.before)} ({c.note or c.pass_name})" for c in report.removals]
        out.append("")
    joins = [c for c in report.changes if c.note and "page" in c.note and c.action in ("joined", "moved")]
    if joins:
        out += ["### Page seams", ""]
        out += [f"- {report.seed}:{c.line}: …{_quote(c.before)} + {_quote(c.after)}… ({c.note})" for c in joins]
        out.append("")
    if report.review:
        out += ["### For the editor to review", ""]
        out += [f"- {report.seed}:{c.line}: {c.note}: {_quote(c.before)}"
                + (f" → {_quote(c.after)}" if c.after else "") for c in report.review]
        out.append("")
    return out


def _quote(text: str) -> str:
    text = text.replace("\n", " ").replace("`", "'")
    return f"`{text}`"


# Indented JSON is written by the json module's Python code, several times slower than its C encoder.
_ENCODE = json.JSONEncoder(ensure_ascii=False).encode


def render_json(reports: list[ChapterReport]) -> str:
    """The same report as JSON, for tools: a chapter's facts on one line, then one change a line.

    >>> from pamphleteer.normalise.passes import Change
    >>> print(render_json([ChapterReport("chapters/a.md", "seeds/a.txt", "read as text", [
    ...     Change("remove-folios", "removed", 3, "12", "", "folio"), Change("x", "joined", 4, "a-", "a", "")])]), end="")
    [
     {"chapter": "chapters/a.md", "seed": "seeds/a.txt", "reading": "read as text", "notes": 0, "page_order": [], "changes": [
      {"pass_name": "remove-folios", "action": "removed", "line": 3, "before": "12", "after": "", "note": "folio"},
      {"pass_name": "x", "action": "joined", "line": 4, "before": "a-", "after": "a", "note": ""}
     ]}
    ]
    """
    chapters = []
    for r in reports:
        facts = _ENCODE({"chapter": r.chapter, "seed": r.seed, "reading": r.reading, "notes": r.notes,
                         "page_order": [page + 1 for page in r.page_order]})
        # A Change's fields are its instance dict: no copy needed, it holds only strings and numbers.
        changes = ",\n  ".join(map(_ENCODE, map(vars, r.changes)))
        chapters.append(f'{facts[:-1]}, "changes": [\n  {changes}\n ]}}' if changes else f'{facts[:-1]}, "changes": []}}')
    return "[\n " + ",\n ".join(chapters) + "\n]\n" if chapters else "[]\n"
