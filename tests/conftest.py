"""Shared fixtures: the repository, throwaway project copies, golden-file updating."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pamphleteer.project.scaffold import scaffold

REPO = Path(__file__).resolve().parent.parent
PROJECT_FILES = ("pamphlet.toml", "seeds", "chapters", "styles", "corrections.toml", "references.yaml")


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", help="rewrite golden files from actual output")


@pytest.fixture
def update_golden(request) -> bool:
    return request.config.getoption("--update-golden")


@pytest.fixture
def repo() -> Path:
    return REPO


def copy_pamphlet(target: Path) -> Path:
    """Copy this repository's pamphlet project (not its code) to `target`."""
    target.mkdir(parents=True)
    for name in PROJECT_FILES:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        elif source.is_file():
            shutil.copy2(source, target / name)
    return target


@pytest.fixture(scope="session")
def built_pamphlet(tmp_path_factory) -> Path:
    """This repository's pamphlet, built once (all formats) for every test that only reads the outputs."""
    from pamphleteer.commands.build import build

    root = copy_pamphlet(tmp_path_factory.mktemp("built") / "pamphlet")
    build(root)
    return root


@pytest.fixture
def pamphlet_copy(tmp_path: Path) -> Path:
    """A copy of this repository's pamphlet project, safe to build and break."""
    return copy_pamphlet(tmp_path / "pamphlet")


@pytest.fixture
def starter(tmp_path: Path) -> Path:
    """A fresh `pamphleteer new` project."""
    return scaffold(tmp_path / "starter")
