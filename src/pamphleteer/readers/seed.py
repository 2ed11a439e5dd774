"""Load a seed file as text, refusing empty, binary or undecodable input clearly."""

from __future__ import annotations

from pathlib import Path

from ..errors import ContentError

# A share of control characters above this means the file is not text.
_BINARY_SHARE = 0.01
_ALLOWED_CONTROLS = {"\n", "\r", "\t", "\f"}


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
    if b"\x00" in data:
        raise ContentError(f"{shown}: the seed is a binary file, not text.")
    text = _decode(data, shown)
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in _ALLOWED_CONTROLS)
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


def _guess_encoding(data: bytes) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    return best.encoding if best else ""
