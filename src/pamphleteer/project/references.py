"""references.yaml: the works cited, as CSL YAML (Pandoc's form), read and validated all at once."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from .. import safe_yaml
from ..diagnostics import Diagnostic, Location, diagnose
from ..errors import ContentError

REFERENCES = "references.yaml"
_KEY = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# CSL types this project renders; others would silently look wrong.
TYPES = ("book", "pamphlet", "article-journal", "article-magazine", "article-newspaper", "chapter", "webpage")
_TEXT_FIELDS = ("title", "title-short", "container-title", "publisher", "publisher-place", "URL", "note")
_NUMBER_FIELDS = ("volume", "issue", "page", "number-of-volumes")
# `cited-as` is not CSL: other ways the texts name the work, for recognising
# citations during normalisation. Pandoc and citeproc ignore it.
_LIST_FIELDS = ("author", "editor", "cited-as")
_FIELDS = {"id", "type", "issued", *_TEXT_FIELDS, *_NUMBER_FIELDS, *_LIST_FIELDS}
# What a reader needs to find the work, per type; missing ones are warned about.
_NEEDED = {"article-journal": ("author", "title", "container-title"), "chapter": ("author", "title", "container-title"),
           "webpage": ("title", "URL")}
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


@dataclass(frozen=True)
class Name:
    """A person or body: CSL `family` + `given`, or a `literal` name."""

    family: str = ""
    given: str = ""
    literal: str = ""

    @property
    def full(self) -> str:
        """The name as written in a note: "Jane Doe"."""
        return self.literal or " ".join(part for part in (self.given, self.family) if part)

    @property
    def inverted(self) -> str:
        """The name as sorted in a bibliography: "Doe, Jane"."""
        return self.literal or ", ".join(part for part in (self.family, self.given) if part)

    @property
    def short(self) -> str:
        return self.literal or self.family


@dataclass(frozen=True)
class Reference:
    """One work cited, with the fields the renderer and the recogniser use."""

    key: str
    type: str
    line: int
    fields: Mapping[str, object]

    def text(self, name: str) -> str:
        value = self.fields.get(name, "")
        return str(value) if isinstance(value, (str, int)) else ""

    @property
    def title(self) -> str:
        return self.text("title")

    @property
    def url(self) -> str:
        return self.text("URL")

    def names(self, role: str = "author") -> tuple[Name, ...]:
        return tuple(_name(item) for item in self.fields.get(role, ()) or ())

    @property
    def issued(self) -> str:
        """The date as a reader sees it: "1979", "January 1979", "15 September 2002"."""
        issued = self.fields.get("issued")
        if not isinstance(issued, dict):
            return ""
        if "literal" in issued:
            return str(issued["literal"])
        parts = list(issued.get("date-parts", [[]])[0])
        words = [str(parts[0])] if parts else []
        if len(parts) > 1:
            words.insert(0, _MONTHS[int(parts[1]) - 1])
        if len(parts) > 2:
            words.insert(0, str(parts[2]))
        return " ".join(words)

    def missing(self) -> list[str]:
        """Fields a reader would need that the entry lacks."""
        needed = _NEEDED.get(self.type, ("author", "title"))
        missing = [name for name in needed if not self.fields.get(name)]
        if "author" in missing and self.fields.get("editor"):
            missing.remove("author")
        return missing


def _name(item: object) -> Name:
    if isinstance(item, str):
        return Name(literal=item)
    item = item if isinstance(item, dict) else {}
    return Name(str(item.get("family", "")), str(item.get("given", "")), str(item.get("literal", "")))


class ReferenceErrors(ContentError):
    """references.yaml has problems; `diagnostics` lists every one of them."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        count = len(diagnostics)
        super().__init__(f"{REFERENCES} has {count} problem{'s' if count != 1 else ''}: {diagnostics[0].message}")
        self.diagnostics = diagnostics


def load_references(root: Path) -> dict[str, Reference]:
    """Read `root/references.yaml` (no file: no references), keyed by citation key.

    Raises:
        ReferenceErrors: one diagnostic per problem found.
    """
    path = root / REFERENCES
    if not path.is_file():
        return {}
    return parse_references(path.read_text(encoding="utf-8"))


def parse_references(text: str, shown: str = REFERENCES) -> dict[str, Reference]:
    """Parse CSL YAML: a list of entries, or Pandoc's `references:` list.

    >>> refs = parse_references("- id: doe-harbour-workers\\n  type: book\\n"
    ...                         "  author: [{family: Doe, given: Jane}]\\n  title: Harbour Workers\\n")
    >>> refs["doe-harbour-workers"].names()[0].full
    'Jane Doe'
    """
    return references_from_entries(list(_entries(text, shown)), shown)


def references_from_entries(entries: list[tuple[int, dict]], shown: str = REFERENCES) -> dict[str, Reference]:
    """Validate CSL entries (each with the line it starts on) into references, or fail with every problem."""
    problems = [problem for line, entry in entries for problem in _problems(entry, Location(shown, line))]
    problems += _duplicates(entries, shown)
    if problems:
        raise ReferenceErrors(problems)
    return {entry["id"]: Reference(entry["id"], entry["type"], line, entry) for line, entry in entries}


def _entries(text: str, shown: str) -> Iterator[tuple[int, dict]]:
    try:
        node, data = safe_yaml.compose_and_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = Location(shown, mark.line + 1 if mark else 0)
        raise ReferenceErrors([diagnose("r003", where, what=f"not valid YAML: {safe_yaml.describe(error)}.")]) from None
    if isinstance(data, dict) and "references" in data:
        node = next(value for key, value in node.value if key.value == "references")
        data = data["references"]
    if data is None:
        return
    if not isinstance(data, list):
        raise ReferenceErrors([diagnose("r003", Location(shown, 1), what="expected a list of works (CSL YAML).")])
    for item, entry in zip(node.value, data, strict=True):
        yield item.start_mark.line + 1, entry


def _problems(entry: object, where: Location) -> list[Diagnostic]:
    if not isinstance(entry, dict):
        return [diagnose("r003", where, what="each work must be a mapping of CSL fields.")]
    found = [_key_problem(entry.get("id"))]
    if entry.get("type") not in TYPES:
        found.append(f"type {entry.get('type')!r} is not one of {', '.join(TYPES)}.")
    found += [f"unknown field {name!r}." for name in entry if name not in _FIELDS]
    found += [f"{name} must be text." for name in _TEXT_FIELDS if name in entry and not isinstance(entry[name], str)]
    found += [f"{name} must be a number or text." for name in _NUMBER_FIELDS
              if name in entry and not isinstance(entry[name], (str, int))]
    found += [f"{name} must be a list." for name in _LIST_FIELDS if name in entry and not isinstance(entry[name], list)]
    found.append(_issued_problem(entry.get("issued")))
    key = entry.get("id", "?")
    return [diagnose("r003", where, what=f"{key}: {text}") for text in found if text]


def _key_problem(key: object) -> str:
    if not isinstance(key, str) or not _KEY.match(key):
        return f"id {key!r} must be a readable key: lower-case words joined by hyphens."
    return ""


def _issued_problem(issued: object) -> str:
    if issued is None or (isinstance(issued, dict) and isinstance(issued.get("literal"), str)):
        return ""
    parts = issued.get("date-parts") if isinstance(issued, dict) else None
    first = parts[0] if isinstance(parts, list) and parts and isinstance(parts[0], list) else None
    if first and len(first) <= 3 and all(isinstance(part, int) for part in first) and 1 <= (first + [1])[1] <= 12:
        return ""
    return "issued must be {date-parts: [[year, month, day]]} or {literal: text}."


def _duplicates(entries: list[tuple[int, dict]], shown: str) -> list[Diagnostic]:
    seen: dict[object, int] = {}
    problems = []
    for line, entry in entries:
        key = entry.get("id") if isinstance(entry, dict) else None
        if key in seen:
            problems.append(diagnose("r003", Location(shown, line), what=f"{key}: id used twice (first on line {seen[key]})."))
        seen.setdefault(key, line)
    return problems
