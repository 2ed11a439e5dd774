"""pamphlet.toml: the edition's metadata, chapter list and outputs, validated all at once."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..diagnostics import Diagnostic, Location, diagnose
from ..errors import ContentError
from .tomlfile import parse_toml

MANIFEST = "pamphlet.toml"
KINDS = ("text", "pdf-text", "markdown", "html", "auto")
FORMATS = ("pdf", "booklet", "epub", "html")
PAGE_SIZES = {"a5": "A5", "half-letter": "5.5in 8.5in"}
BOOKLET_PAPERS = ("a4", "letter")
_OUTPUT_KEYS = {"formats", "page_size", "booklet_paper", "creep"}
_PAMPHLET_KEYS = {"slug", "title", "subtitle", "editor", "publisher", "language", "edition", "date",
                  "description", "citations"}
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class ChapterSpec:
    """One chapter as the manifest lists it."""

    number: int
    slug: str
    seed: str
    kind: str
    title: str
    subtitle: str = ""
    author: str = ""
    year: str = ""
    source: str = ""
    source_url: str = ""
    licence: str = ""
    role: str = "chapter"
    page_order: tuple[int, ...] = ()

    @property
    def path(self) -> str:
        """The chapter file, relative to the project."""
        return f"chapters/{self.number:02d}-{self.slug}.md"

    def front_matter(self) -> dict[str, object]:
        """The manifest's facts, as the chapter's front matter starts."""
        return {
            "title": self.title, "subtitle": self.subtitle, "author": self.author,
            "year": int(self.year) if self.year.isdigit() else self.year, "source": self.source, "source_url": self.source_url,
            "licence": self.licence, "seed": self.seed, "kind": self.kind,
        }


@dataclass(frozen=True)
class Manifest:
    """The whole edition as pamphlet.toml describes it."""

    root: Path
    slug: str
    title: str
    subtitle: str
    editor: str
    publisher: str
    language: str
    edition: int
    date: dt.date
    description: str
    citations: str
    formats: tuple[str, ...]
    page_size: str
    booklet_paper: str
    creep: float = 0.0
    chapters: tuple[ChapterSpec, ...] = field(default=())

    @property
    def authors(self) -> list[str]:
        """Distinct chapter authors in reading order."""
        seen: list[str] = []
        for chapter in self.chapters:
            if chapter.author and chapter.author not in seen:
                seen.append(chapter.author)
        return seen

    def chapter(self, slug: str) -> ChapterSpec | None:
        return next((c for c in self.chapters if c.slug == slug), None)


class ManifestErrors(ContentError):
    """pamphlet.toml has problems; `diagnostics` lists every one of them."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        count = len(diagnostics)
        super().__init__(f"{MANIFEST} has {count} problem{'s' if count != 1 else ''}.")
        self.diagnostics = sorted(diagnostics, key=lambda d: (d.location, d.code))


def load_manifest(root: Path) -> Manifest:
    """Read and validate `root/pamphlet.toml`.

    Raises:
        ContentError: the file is missing or unreadable TOML.
        ManifestErrors: one diagnostic per problem found.
    """
    path = root / MANIFEST
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ContentError(
            f"{MANIFEST} not found in {root.resolve()}; run this inside a pamphlet project, "
            "or create one with `pamphleteer new DIR`."
        ) from None
    except UnicodeDecodeError as error:
        line = error.object.count(b"\n", 0, error.start) + 1
        raise ContentError(f"{MANIFEST}:{line}: the file is not UTF-8 text; save it as UTF-8.") from None
    return _Validator(root, text).manifest(parse_toml(text, MANIFEST))


class _Validator:
    """Checks every field, collecting problems instead of stopping at the first."""

    def __init__(self, root: Path, text: str) -> None:
        self.root = root
        self.lines = text.split("\n")
        self.problems: list[Diagnostic] = []

    def problem(self, what: str, key: str = "", table: str = "", index: int = 0) -> None:
        line = self._line_of(table, key, index)
        self.problems.append(diagnose("p002", Location(MANIFEST, line), what=what))

    def _line_of(self, table: str, key: str, index: int) -> int:
        """Best line for a problem: the key inside its table, else the table header."""
        current, seen, header_line = "", -1, 0
        for number, raw in enumerate(self.lines, start=1):
            line = raw.strip()
            header = re.match(r"^\[\[?\s*([\w.-]+)\s*\]\]?", line)
            if header:
                current = header.group(1)
                seen += current == table
                if current == table and seen == index:
                    header_line = number
                continue
            if current == table and seen == index and key and re.match(rf"^{re.escape(key)}\s*=", line):
                return number
        return header_line

    def manifest(self, data: dict) -> Manifest:
        pamphlet = self.table(data, "pamphlet")
        output = self.table(data, "output", required=False)
        chapters = self.chapters(data.get("chapters"))
        manifest = Manifest(
            root=self.root,
            slug=self.slug(pamphlet, "slug", "pamphlet"),
            title=self.string(pamphlet, "title", "pamphlet", required=True),
            subtitle=self.string(pamphlet, "subtitle", "pamphlet"),
            editor=self.string(pamphlet, "editor", "pamphlet"),
            publisher=self.string(pamphlet, "publisher", "pamphlet"),
            language=self.string(pamphlet, "language", "pamphlet") or "en",
            edition=self.edition(pamphlet),
            date=self.date(pamphlet),
            description=self.string(pamphlet, "description", "pamphlet"),
            citations=self.choice(pamphlet, "citations", "pamphlet", ("notes", "inline"), "notes"),
            formats=self.formats(output),
            page_size=self.choice(output, "page_size", "output", tuple(PAGE_SIZES), "a5"),
            booklet_paper=self.choice(output, "booklet_paper", "output", BOOKLET_PAPERS, "a4"),
            creep=self.creep(output),
            chapters=tuple(chapters),
        )
        self.unknown_keys(data, {"pamphlet", "output", "chapters"}, "")
        self.unknown_keys(pamphlet, _PAMPHLET_KEYS, "pamphlet")
        self.unknown_keys(output, _OUTPUT_KEYS, "output")
        if self.problems:
            raise ManifestErrors(self.problems)
        return manifest

    def table(self, data: dict, name: str, required: bool = True) -> dict:
        value = data.get(name)
        if value is None:
            if required:
                self.problem(f"the [{name}] table is missing.")
            return {}
        if not isinstance(value, dict):
            self.problem(f"`{name}` must be a table ([{name}]).", name)
            return {}
        return value

    def unknown_keys(self, data: dict, known: set[str], table: str, index: int = 0) -> None:
        for key in sorted(set(data) - known):
            where = f"[{table}]" if table else "the top level"
            self.problem(f"unknown key `{key}` in {where}; known keys: {', '.join(sorted(known))}.", key, table, index)

    def string(self, data: dict, key: str, table: str, required: bool = False, index: int = 0) -> str:
        value = data.get(key)
        if value is None or value == "":
            if required:
                self.problem(f"[{table}] needs `{key}`.", key, table, index)
            return ""
        if isinstance(value, int) and not isinstance(value, bool) and key == "year":
            return str(value)
        if not isinstance(value, str):
            self.problem(f"`{key}` in [{table}] must be text, not {type(value).__name__}.", key, table, index)
            return ""
        return value.strip()

    def slug(self, data: dict, key: str, table: str, index: int = 0, fallback: str = "") -> str:
        value = self.string(data, key, table, index=index) or fallback
        if not value:
            self.problem(f"[{table}] needs `{key}` (lower-case letters, digits and hyphens).", key, table, index)
        elif not _SLUG.match(value):
            self.problem(f"`{key}` = {value!r} must be lower-case letters, digits and hyphens.", key, table, index)
        return value

    def choice(self, data: dict, key: str, table: str, allowed: tuple[str, ...], default: str, index: int = 0) -> str:
        value = data.get(key, default)
        if value not in allowed:
            self.problem(f"`{key}` = {value!r} in [{table}] must be one of {', '.join(allowed)}.", key, table, index)
            return default
        return value

    def edition(self, data: dict) -> int:
        value = data.get("edition")
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            self.problem("[pamphlet] needs `edition`, a whole number from 1.", "edition", "pamphlet")
            return 1
        return value

    def date(self, data: dict) -> dt.date:
        value = data.get("date")
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                pass
        self.problem("[pamphlet] needs `date`, written as YYYY-MM-DD.", "date", "pamphlet")
        return dt.date(1970, 1, 1)

    def formats(self, output: dict) -> tuple[str, ...]:
        value = output.get("formats", ["pdf", "booklet", "epub"])
        if not isinstance(value, list) or not value or any(v not in FORMATS for v in value):
            self.problem(f"`formats` in [output] must be a list drawn from {', '.join(FORMATS)}.", "formats", "output")
            return ("pdf", "booklet", "epub")
        return tuple(value)

    def creep(self, output: dict) -> float:
        """How far (mm) the booklet's innermost pages move towards the fold; thick booklets need ~0.1mm a sheet."""
        value = output.get("creep", 0)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 5:
            self.problem("`creep` in [output] must be a number of millimetres from 0 to 5.", "creep", "output")
            return 0.0
        return float(value)

    def chapters(self, value: object) -> list[ChapterSpec]:
        if value is None:
            self.problem("no chapters: add at least one [[chapters]] table.")
            return []
        if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
            self.problem("`chapters` must be a list of [[chapters]] tables.", "chapters")
            return []
        specs = [self.chapter(item, index) for index, item in enumerate(value)]
        self.duplicates([s.slug for s in specs], "slug")
        self.duplicates([s.seed for s in specs], "seed")
        return specs

    def chapter(self, data: dict, index: int) -> ChapterSpec:
        table = "chapters"
        title = self.string(data, "title", table, required=True, index=index)
        seed = self.string(data, "seed", table, required=True, index=index)
        if seed and not (self.root / seed).is_file():
            self.problem(f"chapter {index + 1}: seed file {seed} does not exist.", "seed", table, index)
        self.unknown_keys(data, set(ChapterSpec.__dataclass_fields__) - {"number"}, table, index)
        return ChapterSpec(
            number=index + 1,
            slug=self.slug(data, "slug", table, index, fallback=_slugify(title)),
            seed=seed,
            kind=self.choice(data, "kind", table, KINDS, "auto", index),
            title=title,
            subtitle=self.string(data, "subtitle", table, index=index),
            author=self.string(data, "author", table, index=index),
            year=self.string(data, "year", table, index=index),
            source=self.string(data, "source", table, index=index),
            source_url=self.string(data, "source_url", table, index=index),
            licence=self.string(data, "licence", table, index=index),
            role=self.choice(data, "role", table, ("chapter", "preface"), "chapter", index),
            page_order=self.page_order(data, index),
        )

    def page_order(self, data: dict, index: int) -> tuple[int, ...]:
        value = data.get("page_order", [])
        valid = isinstance(value, list) and all(isinstance(v, int) and v >= 1 for v in value)
        if not valid or len(set(value)) != len(value):
            self.problem("`page_order` must list page numbers from 1, each once.", "page_order", "chapters", index)
            return ()
        return tuple(value)

    def duplicates(self, values: list[str], key: str) -> None:
        for index, value in enumerate(values):
            if value and values.index(value) != index:
                self.problem(f"chapter {index + 1} repeats {key} {value!r} of chapter {values.index(value) + 1}.", key, "chapters", index)


def _slugify(title: str) -> str:
    """A file-name slug from a title.

    >>> _slugify("Workers’ Power & the Russian Revolution!")
    'workers-power-the-russian-revolution'
    """
    words = re.findall(r"[a-z0-9]+", title.lower().replace("’", "").replace("'", ""))
    return "-".join(words[:6])
