"""Cross-references between notes ("see note (4)") checked against what the notes cite, written "note 4"."""

from __future__ import annotations

import re

from ..model.markdown_ext import CITATION
from .draft import Draft, Note
from .passes import Change, PassContext, register

_NAME = "resolve-note-references"
_CROSS = re.compile(r"\bnote\s+\((?P<paren>\d{1,3})\)|\b(?P<lead>see|in|cf\.)\s+note\s+(?P<plain>\d{1,3})\b", re.I)
_CITE = re.compile(CITATION)
# What a cross-reference may say the target cites, and the CSL types that fit.
_DESCRIBED = {"article": ("article-journal", "article-magazine", "article-newspaper", "chapter", "webpage"),
              "essay": ("chapter", "article-journal", "article-magazine"), "chapter": ("chapter",),
              "book": ("book", "pamphlet"), "pamphlet": ("pamphlet", "book")}


@register(_NAME)
def resolve_note_references(draft: Draft, context: PassContext) -> tuple[Draft, list[Change]]:
    """Point "see note (4)" at the note that cites what the sentence names; write it "note 4".

    A number that points at the note itself, or at a note that does not cite
    the work (or the kind of work, "the article cited in note 3") named beside
    it, was miscounted in the source: the nearest note that fits is used and
    the change is reported.

    >>> notes = (Note("1", "Lee, [@lee-yards].", 5), Note("2", "The article cited in note (2).", 6))
    >>> refs = [{"id": "lee-yards", "type": "article-journal"}]
    >>> out, changes = resolve_note_references(Draft("x", "markdown", notes=notes), PassContext("x", "markdown", options={"references": refs}))
    >>> out.notes[1].text, changes[0].note
    ('The article cited in note 1.', 'cross-reference to note 2 does not fit what it names; pointed at note 1')
    """
    types = _types(context.options.get("references") or {})
    cites = {note.label: [m.group(2) for m in _CITE.finditer(note.text)] for note in draft.notes}
    notes, changes = [], []
    for note in draft.notes:
        text = _CROSS.sub(lambda m: _rewrite(m, note, cites, types, changes), note.text)
        notes.append(Note(note.label, text, note.line) if text != note.text else note)
    return draft.but(notes=tuple(notes)), changes


def _types(references) -> dict[str, str]:
    if isinstance(references, dict):
        return {key: ref.type for key, ref in references.items()}
    return {entry.get("id", ""): entry.get("type", "") for entry in references if isinstance(entry, dict)}


def _rewrite(match: re.Match[str], note: Note, cites: dict[str, list[str]], types: dict[str, str],
             changes: list[Change]) -> str:
    given = match.group("paren") or match.group("plain")
    fitting = _fitting(match.string[: match.start()], note.label, cites, types)
    target = given
    if fitting and given not in fitting or given == note.label:
        target = min(fitting, key=lambda label: (abs(int(label) - int(given)), int(label))) if fitting else given
        why = f"pointed at note {target}" if target != given else "left as written"
        changes.append(Change(_NAME, "review", note.line, match.group(0), f"note {target}",
                              f"cross-reference to note {given} does not fit what it names; {why}"))
    elif match.group("paren"):
        changes.append(Change(_NAME, "replaced", note.line, match.group(0), f"note {target}", "note cross-reference"))
    lead = f"{match.group('lead')} " if match.group("lead") else ""
    return f"{lead}note {target}"


def _fitting(before: str, own: str, cites: dict[str, list[str]], types: dict[str, str]) -> list[str]:
    """Notes (other than this one) that cite what the words before the cross-reference name."""
    near = re.split(r"[.!?]\s+(?=[A-Z“\"])", before)[-1][-120:]  # this sentence only
    keys = [m.group(2) for m in _CITE.finditer(near)]
    if keys:
        return [label for label, cited in cites.items() if label != own and keys[-1] in cited]
    described = re.findall(r"\b(article|essay|chapter|book|pamphlet)\b", near[-40:], re.I)
    if described:
        wanted = _DESCRIBED[described[-1].lower()]
        return [label for label, cited in cites.items() if label != own and any(types.get(k) in wanted for k in cited)]
    return []
