"""Fixtures for project tests: a starter project normalised once per module, and copies of it to change."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pamphleteer.commands.normalise import normalise_project
from pamphleteer.project.scaffold import scaffold


@pytest.fixture(scope="module")
def normalised_starter(tmp_path_factory) -> Path:
    root = scaffold(tmp_path_factory.mktemp("starter") / "p")
    normalise_project(root)
    return root


@pytest.fixture
def copy_of(tmp_path: Path):
    """Make a copy of a project that the test may change: `copy_of(source)`."""

    def make(source: Path) -> Path:
        return Path(shutil.copytree(source, tmp_path / "p"))

    return make
