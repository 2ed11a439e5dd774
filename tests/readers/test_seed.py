"""Loading a seed: text with its ordinary controls passes, a file of control characters is refused."""

from pathlib import Path

import pytest

from pamphleteer.errors import ContentError
from pamphleteer.readers.seed import load_seed


def test_tabs_form_feeds_and_carriage_returns_are_text(tmp_path: Path):
    seed = tmp_path / "page.txt"
    seed.write_bytes(b"Title\tone\r\nA line.\fNext page.\rLast line.\n")
    assert load_seed(seed) == "Title\tone\nA line.\fNext page.\nLast line.\n"


def test_a_few_stray_controls_pass(tmp_path: Path):
    seed = tmp_path / "stray.txt"
    seed.write_bytes(b"An ordinary line of text." * 20 + b"\x1b")
    assert load_seed(seed).endswith("text.\x1b")


def test_many_controls_without_a_nul_are_binary(tmp_path: Path):
    seed = tmp_path / "data.txt"
    seed.write_bytes(b"header \x01\x02\x03\x0b\x0e\x1f" * 10)
    with pytest.raises(ContentError, match="data.txt: the seed looks like a binary file"):
        load_seed(seed)
