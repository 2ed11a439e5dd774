"""TOML project files, parsed with one clear sentence (file and line) when they are broken."""

from __future__ import annotations

import re
import tomllib

from ..errors import ContentError


def parse_toml(text: str, shown: str) -> dict:
    """Parse TOML text.

    Raises:
        ContentError: a syntax error, named with the file and line.

    >>> parse_toml('a = 1', "x.toml")
    {'a': 1}
    >>> parse_toml('a = 1\\nb = = 2', "x.toml")
    Traceback (most recent call last):
    pamphleteer.errors.ContentError: x.toml:2: not valid TOML: Invalid value.
    """
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        line = re.search(r"line (\d+)", str(error))
        where = f"{shown}:{line.group(1)}" if line else shown
        reason = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(error))
        raise ContentError(f"{where}: not valid TOML: {reason}.") from None
