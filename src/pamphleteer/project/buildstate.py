"""What a build reads, fingerprinted, so `build` can skip outputs whose inputs have not changed.

Deciding must stay cheap: it reads and hashes files, never imports the
renderers (WeasyPrint alone takes most of a second to import).
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..files import write_atomic
from .manifest import Manifest

STATE = ".pamphleteer-build.json"  # in build/; a dot file, so `build/*` lists only outputs
_PROJECT_FILES = ("pamphlet.toml", "corrections.toml", "references.yaml")
_PACKAGE = Path(__file__).resolve().parent.parent


def fingerprint(root: Path, manifest: Manifest) -> str:
    """A digest of everything that goes into the outputs.

    The project's manifest, corrections, references, chapters and styles;
    pamphleteer's own code, templates and data; the installed distributions
    (their versions); and SOURCE_DATE_EPOCH, which dates the outputs.
    """
    digest = hashlib.sha256()
    for name, data in _inputs(root, manifest):
        digest.update(f"{name}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()


def _inputs(root: Path, manifest: Manifest) -> Iterator[tuple[str, bytes]]:
    for name in _PROJECT_FILES:
        yield name, _read(root / name)
    for spec in manifest.chapters:
        yield spec.path, _read(root / spec.path)
    yield from _tree(root / "styles", "styles")
    yield from _tree(_PACKAGE, "pamphleteer")
    yield "distributions", "\n".join(_distributions()).encode()
    yield "SOURCE_DATE_EPOCH", os.environ.get("SOURCE_DATE_EPOCH", "").encode()


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except (FileNotFoundError, IsADirectoryError):
        return b"\0missing"


def _tree(directory: Path, label: str) -> Iterator[tuple[str, bytes]]:
    """Every file below `directory` in a fixed order (compiled caches aside)."""
    files = sorted(p for p in directory.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    for path in files:
        yield f"{label}/{path.relative_to(directory).as_posix()}", path.read_bytes()


def _distributions() -> list[str]:
    """Installed distributions with their versions, from the names of their metadata folders.

    Listing the folders is fast; importlib.metadata would take a noticeable
    part of a second.
    """
    names = []
    for entry in sys.path:
        try:
            names += [name for name in os.listdir(entry or ".") if name.endswith((".dist-info", ".egg-info"))]
        except OSError:
            continue
    return sorted(names)


@dataclass
class BuildState:
    """For each output: the inputs fingerprint it was made from and its own digest."""

    path: Path
    outputs: dict[str, dict[str, str]] = field(default_factory=dict)

    @classmethod
    def load(cls, build_dir: Path) -> BuildState:
        """The state of the last build; nothing known if it is missing or unreadable."""
        path = build_dir / STATE
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            outputs = {str(k): dict(v) for k, v in data.get("outputs", {}).items()}
        except (OSError, ValueError, AttributeError, TypeError):
            outputs = {}
        return cls(path, outputs)

    def fresh(self, target: Path, inputs: str) -> bool:
        """Whether `target` exists, is as this state last wrote it, and was made from `inputs`."""
        known = self.outputs.get(target.name)
        if not known or known.get("inputs") != inputs or not target.is_file():
            return False
        return known.get("sha256") == _digest(target)

    def record(self, target: Path, inputs: str) -> None:
        self.outputs[target.name] = {"inputs": inputs, "sha256": _digest(target)}

    def save(self) -> None:
        write_atomic(self.path, json.dumps({"outputs": self.outputs}, indent=1, sort_keys=True) + "\n")


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
