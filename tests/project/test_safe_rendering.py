"""The URL fetcher given to WeasyPrint reads only the project and the book face."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pamphleteer.render import fonts
from pamphleteer.render.fetcher import RefusedURL, SafeFetcher


@pytest.fixture
def fetcher(tmp_path: Path) -> SafeFetcher:
    (tmp_path / "styles").mkdir()
    (tmp_path / "styles" / "rule.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>", encoding="utf-8")
    return SafeFetcher(tmp_path, fonts.font_directory())


def test_project_files_and_the_book_face_are_read(fetcher: SafeFetcher, tmp_path: Path):
    assert fetcher.fetch((tmp_path / "styles" / "rule.svg").as_uri()) is not None
    assert fetcher.fetch(fonts.faces()[0].path.as_uri()) is not None
    assert fetcher.fetch("data:text/plain,hello") is not None


@pytest.mark.parametrize("url", ["file:///etc/passwd", "file:///etc/../etc/hostname"])
def test_files_outside_the_project_are_refused(fetcher: SafeFetcher, url: str):
    with pytest.raises(RefusedURL, match="outside the project"):
        fetcher.fetch(url)


def test_a_path_that_climbs_out_is_refused(fetcher: SafeFetcher, tmp_path: Path):
    with pytest.raises(RefusedURL, match="outside the project"):
        fetcher.fetch((tmp_path / "styles").as_uri() + "/../../../../etc/passwd")


def test_a_link_inside_the_project_to_a_file_outside_is_refused(fetcher: SafeFetcher, tmp_path: Path):
    os.symlink("/etc/passwd", tmp_path / "styles" / "innocent.css")
    with pytest.raises(RefusedURL, match="/etc/passwd"):
        fetcher.fetch((tmp_path / "styles" / "innocent.css").as_uri())


@pytest.mark.parametrize("url", ["http://example.com/x.png", "https://example.com/f.woff2", "ftp://example.com/a",
                                 "//example.com/x.png"])
def test_the_network_is_refused(fetcher: SafeFetcher, url: str):
    with pytest.raises(RefusedURL, match="only the project's own files"):
        fetcher.fetch(url)
