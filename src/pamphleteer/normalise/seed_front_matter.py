"""A seed's own YAML front matter (Markdown from Pandoc and many converters has one) gives the chapter's facts."""

from __future__ import annotations

import datetime

import yaml

from .. import safe_yaml
from .draft import Draft
from .passes import Change, PassContext, register

# Front matter opens the file; a block this long is no front matter but a document between rules.
_MAX_LINES = 60


@register("read-front-matter")
def read_front_matter(draft: Draft, context: PassContext) -> tuple[Draft, list[Change]]:
    """Take the YAML between `---` lines at the very top into front matter.

    Scalar facts (and lists of them, joined with commas) are kept; anything
    else is reported as removed. Text that is not a YAML mapping stays
    where it is: it is a rule and a paragraph, not front matter.

    >>> from pamphleteer.readers.lines import split_lines
    >>> d = Draft("x", "markdown", lines=split_lines("---\\ntitle: On Tenants\\nauthor: [A. Writer, B. Other]\\n---\\n\\nText."))
    >>> done, changes = read_front_matter(d, PassContext("x", "markdown"))
    >>> done.meta, [line.text for line in done.lines], changes[0].action
    ((('title', 'On Tenants'), ('author', 'A. Writer, B. Other')), ['', 'Text.'], 'moved')
    """
    lines = draft.lines
    if not lines or lines[0].text.strip() != "---":
        return draft, []
    end = next((i for i in range(1, min(len(lines), _MAX_LINES)) if lines[i].text.strip() in ("---", "...")), None)
    if end is None:
        return draft, []
    block = "\n".join(line.text for line in lines[1:end])
    try:
        data = safe_yaml.load(block)
    except yaml.YAMLError:
        return draft, []
    if not isinstance(data, dict) or not data:
        return draft, []
    changes = [Change("read-front-matter", "moved", lines[0].line, block.replace("\n", " / "), "",
                      "the seed's own front matter, kept as the chapter's")]
    for key, value in data.items():
        fact = _fact(value)
        if fact:
            draft = draft.with_meta(str(key), fact)
        else:
            changes.append(Change("read-front-matter", "removed", lines[0].line, f"{key}: {value}", "",
                                  "front matter that is not a plain fact"))
    return draft.but(lines=lines[end + 1 :]), changes


def _fact(value: object) -> str:
    """A value as front-matter text: scalars as they are, a list of scalars joined; else ''."""
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return str(value).strip()
    if isinstance(value, list) and value and all(isinstance(item, (str, int, float)) for item in value):
        return ", ".join(str(item).strip() for item in value)
    return ""
