"""Ace by DAISY, the accessibility checker for EPUB, run when it is installed (`make ace`).

Ace drives a browser. It is installed from npm without the browser its
puppeteer would download, and pointed at the system's Chromium instead.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from ..diagnostics import Diagnostic, Location, diagnose

TOOLS = Path(__file__).resolve().parents[3] / "tools" / "ace"
NOT_INSTALLED = ("Ace by DAISY is not installed (run `make ace`), so only the built-in "
                 "accessibility checks ran.")


def ace_command() -> tuple[str, str] | None:
    """(Ace's command, the browser it drives), or None when either is missing."""
    local = TOOLS / "node_modules" / ".bin" / "ace-puppeteer"
    ace = str(local) if local.is_file() else shutil.which("ace-puppeteer")
    browser = os.environ.get("PUPPETEER_EXECUTABLE_PATH") or shutil.which("chromium") \
        or shutil.which("chromium-browser")
    return (ace, browser) if ace and browser and shutil.which("node") else None


class AceRun:
    """Ace at work on one EPUB in the background, so that it runs alongside epubcheck."""

    def __init__(self, epub: Path, shown: str) -> None:
        self.shown = shown
        self.command = ace_command()
        self._process = None
        if self.command:
            ace, browser = self.command
            self._directory = tempfile.TemporaryDirectory()
            environment = {**os.environ, "PUPPETEER_EXECUTABLE_PATH": browser, "PUPPETEER_SKIP_DOWNLOAD": "1"}
            self._process = subprocess.Popen(
                [ace, "--silent", "--force", "--outdir", self._directory.name, str(epub)], env=environment,
                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)

    def findings(self) -> list[Diagnostic]:
        """Wait for Ace; one diagnostic per failed assertion (or one saying why Ace did not run)."""
        if self._process is None:
            return [diagnose("o008", Location(self.shown), what=NOT_INSTALLED)]
        try:
            _, errors = self._process.communicate(timeout=600)
        except subprocess.TimeoutExpired:
            self._process.kill()
            return [diagnose("o006", Location(self.shown), what="Ace by DAISY did not finish within ten minutes.")]
        with self._directory:
            report = Path(self._directory.name) / "report.json"
            if not report.is_file():
                reason = (errors.strip().splitlines() or ["no reason given"])[-1]
                return [diagnose("o006", Location(self.shown), what=f"Ace by DAISY failed: {reason}")]
            return findings_from_report(json.loads(report.read_text(encoding="utf-8")), self.shown)


def findings_from_report(report: dict, shown: str) -> list[Diagnostic]:
    """The failed assertions of an Ace report (report.json) as diagnostics; minor ones are warnings.

    >>> failed = {"earl:outcome": "fail", "dct:description": "No alt text"}
    >>> test = {"dct:title": "image-alt", "earl:impact": "critical"}
    >>> report = {"assertions": [{"earl:testSubject": {"url": "a.xhtml"},
    ...                           "assertions": [{"earl:test": test, "earl:result": failed}]}]}
    >>> [str(d) for d in findings_from_report(report, "b.epub")]  # doctest: +ELLIPSIS
    ['b.epub!a.xhtml: error o006: Accessibility: image-alt (critical): No alt text Hint: ...']
    """
    findings = []
    for subject in report.get("assertions", []):
        where = f"{shown}!{subject.get('earl:testSubject', {}).get('url', '')}"
        for assertion in subject.get("assertions", []):
            result, test = assertion.get("earl:result", {}), assertion.get("earl:test", {})
            if result.get("earl:outcome") != "fail":
                continue
            impact = test.get("earl:impact", "")
            what = f"{test.get('dct:title', '?')} ({impact}): {result.get('dct:description', '').strip()}"
            findings.append(diagnose("o007" if impact == "minor" else "o006", Location(where), what=what))
    return findings
