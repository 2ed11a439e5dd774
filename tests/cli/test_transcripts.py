"""Run every CLI transcript in tests/cli/*.md: messages and exit codes as written, outputs kept on failure."""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import pytest
import transcripts

from pamphleteer.cli import main

HERE = Path(__file__).parent
FILES = sorted(HERE.glob("*.md"))
CASES = [(path, case) for path in FILES for case in transcripts.parse(path.read_text(encoding="utf-8"))]


@pytest.fixture(scope="module")
def built_starter(tmp_path_factory) -> Path:
    """A starter project, normalised and built once for every case to copy."""
    root = tmp_path_factory.mktemp("transcripts") / "base"
    for argv in (["new", str(root)], ["-C", str(root), "normalise"], ["-C", str(root), "build"]):
        assert main(argv, stdout=_Sink(), stderr=_Sink()) == 0, argv
    return root


class _Sink:
    def write(self, text: str) -> None:
        pass

    def flush(self) -> None:
        pass


@pytest.mark.parametrize(("path", "case"), CASES, ids=[f"{p.stem}: {c.title}" for p, c in CASES])
def test_transcript_case(path: Path, case: transcripts.Case, built_starter: Path, tmp_path: Path,
                         monkeypatch, update_golden: bool):
    assert any(not block.info for block in case.blocks), "a case needs a block of commands"
    project = tmp_path / "p"
    shutil.copytree(built_starter, project)
    monkeypatch.chdir(project)
    expected_text, actual_text, bodies = [], [], []
    for block in case.blocks:
        if block.info:
            transcripts.prepare(project, block)
            continue
        rendered = []
        for command in block.commands():
            before = transcripts.snapshot(project)
            actual = transcripts.run(project, command)
            if actual.code != 0:
                assert transcripts.snapshot(project) == before, f"{command.argv} failed but changed outputs"
            assert "Traceback" not in "\n".join(actual.stderr)
            expected_text.append(command.render())
            actual_text.append(actual.render())
            rendered.append(actual.render())
        bodies.append("".join(rendered))
    if update_golden:
        text = path.read_text(encoding="utf-8")
        path.write_text(transcripts.rewrite(text, case.title, bodies), encoding="utf-8")
        return
    diff = "".join(difflib.unified_diff("".join(expected_text).splitlines(True), "".join(actual_text).splitlines(True),
                                        "expected", "actual"))
    assert not diff, f"{path.name}, {case.title}: output differs (pytest --update-golden to accept):\n{diff}"
