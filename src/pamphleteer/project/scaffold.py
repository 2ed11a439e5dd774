"""`pamphleteer new`: copy the bundled starter project into a new directory."""

from __future__ import annotations

import shutil
from importlib.resources import as_file, files
from pathlib import Path

from ..errors import UsageError


def scaffold(target: Path) -> Path:
    """Create a starter pamphlet project at `target`.

    Raises:
        UsageError: `target` exists and is not an empty directory, or cannot be written.
    """
    existed = target.exists()
    if existed and (not target.is_dir() or any(target.iterdir())):
        raise UsageError(f"{target} already exists and is not empty; choose a new directory.")
    try:
        with as_file(files("pamphleteer") / "data" / "starter") as starter:
            shutil.copytree(starter, target, dirs_exist_ok=True, ignore=shutil.ignore_patterns("__pycache__"))
        (target / "chapters").mkdir(exist_ok=True)
    except OSError as error:
        if not existed:  # no half-made project left behind
            shutil.rmtree(target, ignore_errors=True)
        raise UsageError(f"cannot create a project in {target}: {error.strerror or error}.") from None
    return target
