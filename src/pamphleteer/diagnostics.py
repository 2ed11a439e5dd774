"""Typed, coded findings with a location: the one way problems reach the user."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, order=True)
class Location:
    """A place in a file: path relative to the project, 1-based line (0 = whole file)."""

    path: str
    line: int = 0

    def __str__(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path


@dataclass(frozen=True)
class Code:
    """A catalogue entry: what a diagnostic code means."""

    code: str
    severity: str  # "error" | "warning" | "info"
    template: str
    hint: str = ""


def _codes(*entries: Code) -> dict[str, Code]:
    return {entry.code: entry for entry in entries}


# Codes: p- project files, s- seeds/readers, n- normalise, c- chapters,
# r- references, o- outputs. docs/diagnostics.md is generated from this table.
CATALOGUE: dict[str, Code] = _codes(
    Code("p001", "error", "{path} is missing.", "Run `pamphleteer new DIR` for a starter project."),
    Code("p002", "error", "{what}", "Fix the manifest; every problem is listed at once."),
    Code("p003", "error", "{what}", "Each correction must match its chapter exactly once."),
    Code("p004", "error", "{what}", "Fix corrections.toml; every problem is listed at once."),
    Code("p005", "error", "The chapter was edited by hand since `pamphleteer normalise` wrote it; "
         "normalising again would overwrite the edit.",
         "Turn the edit into a correction in corrections.toml (suggested below), "
         "or run `pamphleteer normalise --force` to discard it."),
    Code("s001", "error", "{what}", "Seeds must be UTF-8 text."),
    Code("s002", "error", "The seed is empty.", "Check that the right file was copied into seeds/."),
    Code("n001", "warning", "{what}", "Check the page order in the report; pin it in pamphlet.toml if wrong."),
    Code("n002", "warning", "Note marker {label} has no note text.", "Add the note text or remove the marker."),
    Code("n003", "warning", "Note text {label} has no marker in the text.", "Find where the note is called."),
    Code("n004", "info", "{what}", ""),
    Code("c001", "error", "Note reference [^{label}] has no definition.", "Add `[^{label}]: text` or remove the reference."),
    Code("c002", "error", "Note definition [^{label}] is never referenced.", "Reference it in the text or remove it."),
    Code("c003", "error", "Raw HTML in a chapter: {what}", "Use Markdown instead; chapters must stay portable."),
    Code("c004", "error", "Note [^{label}] is defined more than once.", "Give each note its own label."),
    Code("c005", "error", "Broken front matter: {what}", "Front matter is YAML between two `---` lines."),
    Code("c006", "error", "{what}", ""),
    Code("c007", "error", "The chapter file does not exist.", "Run `pamphleteer normalise` to make it from its seed."),
    Code("r001", "error", "Unknown citation key @{key}.", "Add the work to references.yaml or fix the key."),
    Code("r002", "warning", "{what}", "Add what the texts say about the work to references.yaml."),
    Code("r003", "error", "{what}", "references.yaml is CSL YAML: a list of works, each with an id and a type."),
    Code("r004", "error", "Work @{key} is listed in references.yaml but never cited.", "Cite it in a chapter or remove the entry."),
    Code("r005", "error", "{what}", "Add the work to references.yaml and run `pamphleteer normalise` again."),
    Code("r006", "error", "{what}", "Keep one entry per work in references.yaml."),
    Code("r007", "warning", "{what}", "Reword the reference, or include that part in the pamphlet."),
    Code("o001", "error", "epubcheck: {what}", ""),
    Code("o002", "warning", "epubcheck: {what}", ""),
    Code("o003", "error", "{what}", ""),
    Code("o004", "warning", "{what}", ""),
    Code("o005", "error", "The EPUB and the PDF differ: {what}",
         "Build both from the same chapters (`pamphleteer build`); if they still differ, a renderer drops text."),
    Code("o006", "error", "Accessibility: {what}", "See https://kb.daisy.org/publishing/ for how to fix it."),
    Code("o007", "warning", "Accessibility: {what}", "See https://kb.daisy.org/publishing/ for how to fix it."),
    Code("o008", "info", "{what}", ""),
    Code("o100", "info", "Print measures: {what}.", ""),
    Code("o101", "error", "Note {note} is on page {note_page}, but its call is on page {call_page}.",
         "Shorten or move the note, or let the paragraph that calls it break differently."),
    Code("o102", "error", "A line runs outside the text block: {what}.",
         "Allow a break in the long word or URL (it may need a correction), or shorten it."),
    Code("o103", "error", "Widow: the last line of a paragraph stands alone at the top of the page: “{what}”.", ""),
    Code("o104", "error", "Orphan: the first line of a paragraph stands alone at the foot of the page: “{what}”.", ""),
    Code("o105", "error", "Heading at the foot of the page, its text on the next: “{what}”.", ""),
    Code("o106", "error", "The contents give page {printed} for {entry}, but it starts on page {actual}.", ""),
    Code("o107", "error", "Font {font} is not embedded in the PDF.", "Use the book face, which is embedded."),
    Code("o108", "warning", "{what}", ""),
)


@dataclass(frozen=True)
class Diagnostic:
    """One finding: `path:line: severity code: message. Hint: ...`."""

    code: str
    location: Location
    message: str
    severity: str
    hint: str = ""

    def __str__(self) -> str:
        text = f"{self.location}: {self.severity} {self.code}: {self.message}"
        return f"{text} Hint: {self.hint}" if self.hint else text


def diagnose(code: str, location: Location, **fields: object) -> Diagnostic:
    """Build a diagnostic from its catalogue entry.

    >>> str(diagnose("c001", Location("chapters/01-a.md", 4), label="3"))
    'chapters/01-a.md:4: error c001: Note reference [^3] has no definition. Hint: Add `[^3]: text` or remove the reference.'
    """
    entry = CATALOGUE[code]
    return Diagnostic(
        code=code,
        location=location,
        message=entry.template.format(**fields),
        severity=entry.severity,
        hint=entry.hint.format(**fields),
    )


@dataclass
class Report:
    """Diagnostics gathered by one command; printed together, then judged."""

    diagnostics: list[Diagnostic] = field(default_factory=list)

    def add(self, diagnostic: Diagnostic) -> None:
        self.diagnostics.append(diagnostic)

    def extend(self, diagnostics) -> None:
        self.diagnostics.extend(diagnostics)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "error"]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "warning"]

    def failed(self, strict: bool = False) -> bool:
        return bool(self.errors or (strict and self.warnings))

    def lines(self) -> list[str]:
        ordered = sorted(self.diagnostics, key=lambda d: (d.location, d.code))
        return [str(d) for d in ordered]


def relative(path: Path, root: Path) -> str:
    """Show `path` relative to the project root when it lies inside it."""
    try:
        return str(path.resolve().relative_to(root.resolve()))
    except ValueError:
        return str(path)
