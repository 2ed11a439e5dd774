"""Writing outputs: whole or not at all, and an error that names the file the user asked for."""

import os
from pathlib import Path

import pytest

from pamphleteer.files import write_atomic, write_if_changed


def test_a_target_that_is_a_folder_is_named_and_nothing_is_left_behind(tmp_path: Path):
    target = tmp_path / "report.json"
    target.mkdir()
    with pytest.raises(OSError) as caught:
        write_atomic(target, "{}")
    assert caught.value.filename == str(target)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]


def test_write_if_changed_writes_new_and_changed_text_only(tmp_path: Path):
    target = tmp_path / "a.md"
    assert write_if_changed(target, "one") is True
    os.utime(target, ns=(1_000_000_000, 1_000_000_000))
    assert write_if_changed(target, "one") is False
    assert target.stat().st_mtime_ns == 1_000_000_000
    assert write_if_changed(target, "two") is True
    assert target.read_text() == "two"
