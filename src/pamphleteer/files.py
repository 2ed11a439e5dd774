"""Write files atomically, so a failure never leaves a half-written output."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomic(path: Path, data: bytes | str) -> None:
    """Write `data` to a temporary file beside `path`, then rename it into place.

    Raises:
        OSError: naming `path`, not the temporary file, when either cannot be written.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    temporary = ""
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(handle, "wb") as stream:
            stream.write(raw)
        os.chmod(temporary, 0o666 & ~_umask())  # mkstemp makes files private
        os.replace(temporary, path)
    except BaseException as error:
        if temporary:
            Path(temporary).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise OSError(error.errno, error.strerror, str(path)) from None
        raise


def write_if_changed(path: Path, data: bytes | str) -> bool:
    """`write_atomic`, unless `path` already holds `data`; True if it wrote.

    A file left as it was keeps its time, so tools that go by times see no change.
    """
    raw = data.encode("utf-8") if isinstance(data, str) else data
    try:
        if path.stat().st_size == len(raw) and path.read_bytes() == raw:
            return False
    except OSError:
        pass  # missing or unreadable: written afresh
    write_atomic(path, raw)
    return True


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
