"""Check citations against references.yaml: keys resolve, works are cited, nothing left raw, one entry per work."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

from ..chapters import read_chapter
from ..diagnostics import Diagnostic, Location, diagnose
from ..errors import ContentError
from ..model.crossrefs import section_references
from ..model.markdown_ext import CITATION
from ..citation_forms import has_locator
from ..normalise.citation_works import tokens
from ..project.editions import output_stem
from ..project.manifest import Manifest
from ..project.references import REFERENCES, Reference, ReferenceErrors, load_references

_CITE = re.compile(CITATION)
_BRACKET = re.compile(r"\[(?![\^@])([^\[\]]+)\](?!\()")
_STAND_INS = re.compile(r"\bop\.?\s*cit\b|\bibid\b", re.I)


def check_references(root: Path, manifest: Manifest) -> list[Diagnostic]:
    """Every problem with the works cited, in references.yaml, the chapters and the built outputs."""
    try:
        references = load_references(root)
    except ReferenceErrors as errors:
        return list(errors.diagnostics)
    problems = [diagnose("r002", Location(REFERENCES, ref.line), what=f"{key} has no {', '.join(ref.missing())}.")
                for key, ref in references.items() if ref.missing()]
    cited: set[str] = set()
    for spec in manifest.chapters:
        problems += _chapter(root / spec.path, spec.path, references, cited)
    problems += [diagnose("r004", Location(REFERENCES, ref.line), key=key)
                 for key, ref in references.items() if key not in cited]
    problems += _same_work_twice(references)
    problems += _sections(root, manifest)
    problems += _outputs(root, output_stem(manifest.slug, manifest.edition))
    return problems


def _chapter(path: Path, shown: str, references: dict[str, Reference], cited: set[str]) -> list[Diagnostic]:
    try:
        chapter = read_chapter(path, shown)
    except ContentError:
        return []  # the chapter lint reports it
    problems = []
    for number, line in enumerate(chapter.body.split("\n"), start=chapter.body_line):
        where = Location(shown, number)
        for match in _CITE.finditer(line):
            cited.add(match.group(2))
            if match.group(2) not in references:
                problems.append(diagnose("r001", where, key=match.group(2)))
        problems += [diagnose("r005", where, what=f"{text} is left as written, not as a citation.")
                     for text in _raw_citations(_CITE.sub("", line))]
    return problems


def _raw_citations(text: str) -> Iterator[str]:
    """Citations written the source's way: "[Title, p. 3]", "Op. Cit.", "Ibid."."""
    for match in _BRACKET.finditer(text):
        if has_locator(match.group(1)):
            yield match.group(0)
    for match in _STAND_INS.finditer(_BRACKET.sub("", text)):
        yield f"“{match.group(0)}”"


def _same_work_twice(references: dict[str, Reference]) -> list[Diagnostic]:
    """Two entries with one author and title would render one work two ways."""
    seen: dict[tuple[str, ...], str] = {}
    problems = []
    for key, ref in references.items():
        people = ref.names() or ref.names("editor")
        identity = (*tokens(people[0].short if people else ""), "/", *tokens(ref.title), "/", *tokens(ref.url))
        if identity in seen and ref.title:
            problems.append(diagnose("r006", Location(REFERENCES, ref.line),
                                     what=f"{key} is the same work as {seen[identity]}."))
        seen.setdefault(identity, key)
    return problems


def _sections(root: Path, manifest: Manifest) -> list[Diagnostic]:
    """Mentions of sections that are not in the pamphlet (a part of the source left out)."""
    from ..model.load import load_edition

    try:
        edition = load_edition(root, manifest)
    except ContentError:
        return []  # reported elsewhere
    problems: dict[tuple[str, int, str], Diagnostic] = {}
    for spec, chapter in zip(manifest.chapters, edition.chapters, strict=False):
        lines = (root / spec.path).read_text(encoding="utf-8").split("\n")
        for mention in section_references(chapter):
            line = next((i for i, text in enumerate(lines, start=1) if mention.text in text), 0)
            if not mention.target and (spec.path, line, mention.text) not in problems:
                problems[spec.path, line, mention.text] = diagnose(
                    "r007", Location(spec.path, line), what=f"“{mention.text}” is not in this pamphlet.")
    return list(problems.values())


def _outputs(root: Path, slug: str) -> list[Diagnostic]:
    """Built outputs must not show a citation the source's way either."""
    problems = []
    for path, text in _output_texts(root / "build", slug):
        # A citation broken over a page holds the page's notes and head too: shown on one line, cut short.
        found = sorted({_one_line(citation) for citation in _raw_citations(text)})
        if found:
            problems.append(diagnose("r005", Location(f"build/{path.name}"),
                                     what=f"{', '.join(found[:3])} shown as written, not as a citation."))
    return problems


def _one_line(text: str, limit: int = 80) -> str:
    """`text` on one line, cut to about `limit` characters.

    >>> _one_line("[Smith, The\\n2 A note.\\nHEAD\\n11\\nBook, p. 3]", 20)
    '[Smith, The 2 A not…'
    """
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def _output_texts(build: Path, slug: str) -> Iterator[tuple[Path, str]]:
    pdf = build / f"{slug}.pdf"
    if pdf.is_file():
        import pypdfium2 as pdfium

        document = pdfium.PdfDocument(pdf)
        yield pdf, "\n".join(page.get_textpage().get_text_range() for page in document)
        document.close()
    epub = build / f"{slug}.epub"
    if epub.is_file():
        with zipfile.ZipFile(epub) as archive:
            pages = [archive.read(name).decode("utf-8") for name in archive.namelist() if name.endswith(".xhtml")]
        yield epub, re.sub(r"<[^>]+>", "", "\n".join(pages))
