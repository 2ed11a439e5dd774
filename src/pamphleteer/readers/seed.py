"""Load a seed file as text, refusing empty, binary or undecodable input clearly."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from ..errors import ContentError

# A share of control characters above this means the file is not text.
_BINARY_SHARE = 0.01
# Control characters other than "\t", "\n", "\f" and "\r", which text holds.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


def load_seed(path: Path, shown: str | None = None) -> str:
    """Return the seed's text with newlines normalised to "\\n".

    Args:
        path: The file to read.
        shown: How to name the file in messages (default: `path`).

    Raises:
        ContentError: missing, empty, binary, or not UTF-8 (the message names
            the encoding it most likely is, so the editor can convert it).
    """
    shown = shown or str(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ContentError(f"{shown}: the seed file does not exist.") from None
    except OSError as error:
        raise ContentError(f"{shown}: cannot read the seed ({error.strerror}).") from None
    if not data.strip():
        raise ContentError(f"{shown}: the seed is empty.")
    wide = _wide_encoding(data)
    if wide:
        raise ContentError(f"{shown}: the seed is {wide.upper()} text, not UTF-8; "
                           f"convert it with `iconv -f {wide} -t utf-8`.")
    if b"\x00" in data:
        raise ContentError(f"{shown}: the seed is a binary file, not text.")
    text = _decode(data, shown)
    controls = len(_CONTROL.findall(text))  # a regex scans a long seed far faster than a loop in Python
    if controls > _BINARY_SHARE * len(text):
        raise ContentError(f"{shown}: the seed looks like a binary file, not text.")
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def _decode(data: bytes, shown: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        guess = _guess_encoding(data)
        advice = f"it looks like {guess}; convert it with `iconv -f {guess} -t utf-8`" if guess else "convert it to UTF-8"
        raise ContentError(f"{shown}:{line}: the seed is not UTF-8 text; {advice}.") from None


def _wide_encoding(data: bytes) -> str:
    """"utf-16" or "utf-32" (with the byte order when there is no BOM) if the text is one, else "".

    Word processors save "Unicode text" so; every other byte is then NUL,
    which would otherwise pass for a binary file.

    >>> _wide_encoding("Hi there".encode("utf-16")), _wide_encoding("Hi there".encode("utf-16-be"))
    ('utf-16', 'utf-16be')
    >>> _wide_encoding(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00")
    ''
    """
    for bom, name in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                      (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return name
    sample = data[:4096]
    for name, offset in (("utf-16le", 1), ("utf-16be", 0)):
        zeros = sample[offset::2]
        if len(zeros) >= 4 and zeros.count(0) == len(zeros) and b"\x00" not in sample[1 - offset::2]:
            return name
    return ""


def _guess_encoding(data: bytes) -> str:
    """The encoding charset-normalizer finds most likely; cp1252 if it reads the same.

    Short Western texts often fit several code pages equally; the commonest
    one, Windows Latin-1, is the better advice then.
    """
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        return ""
    try:
        if data.decode("cp1252") == data.decode(best.encoding):
            return "cp1252"
    except (UnicodeDecodeError, LookupError):
        pass
    return best.encoding.replace("_", "-")  # iconv's spelling: koi8-r, not koi8_r
