"""Golden files: compare with a readable expected file; on mismatch write <name>.actual beside it."""

from __future__ import annotations

import difflib
from pathlib import Path


def assert_golden(actual: str, expected_path: Path, update: bool = False) -> None:
    """Fail with a unified diff unless `actual` equals the golden file.

    With `update` (pytest --update-golden) the golden file is rewritten instead.
    """
    actual_path = expected_path.with_name(expected_path.name + ".actual")
    if update:
        expected_path.write_text(actual, encoding="utf-8")
        actual_path.unlink(missing_ok=True)
        return
    expected = expected_path.read_text(encoding="utf-8") if expected_path.exists() else ""
    if actual == expected:
        actual_path.unlink(missing_ok=True)
        return
    actual_path.write_text(actual, encoding="utf-8")
    diff = "".join(difflib.unified_diff(
        expected.splitlines(keepends=True), actual.splitlines(keepends=True),
        fromfile=str(expected_path), tofile=str(actual_path)))
    raise AssertionError(f"output differs from {expected_path.name} (run pytest --update-golden to accept):\n{diff}")
