"""The edition as read from the chapters, kept in build/ for the next build of the same inputs.

Reading, checking and parsing the chapters takes most of an EPUB build once
the print page map is kept (render/pagemap.py). A build of another format
from unchanged inputs (`build --format epub` after the PDF, or `--force`)
takes the edition the last build read instead, as Sphinx keeps its doctrees.
It is kept under the fingerprint of every input, pamphleteer's own code
included, so any change reads the chapters again.

The file is a pickle, read by an unpickler that makes nothing but the
model's nodes, dates and plain values: a build/ folder from someone else
cannot run code through it.
"""

from __future__ import annotations

import io
import pickle
from pathlib import Path

from . import nodes as n

KEPT = ".pamphleteer-edition.pickle"  # in build/, beside the build state
_ALLOWED = {
    "datetime": {"date", "datetime", "time", "timedelta", "timezone"},
    "pamphleteer.diagnostics": {"Location"},
    "builtins": {"set", "frozenset"},
}


def keep_edition(build_dir: Path, inputs: str, edition: n.Edition) -> None:
    """Keep `edition`, read from the inputs with fingerprint `inputs`, in build/."""
    from ..files import write_atomic

    write_atomic(build_dir / KEPT, pickle.dumps((inputs, edition), protocol=pickle.HIGHEST_PROTOCOL))


def kept_edition(build_dir: Path, inputs: str) -> n.Edition | None:
    """The edition kept for the same inputs, if there is one (a damaged or foreign file counts as none).

    >>> import datetime, tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> edition = n.Edition("s", "T", "", "", "", ("A",), "en", 1, datetime.date(2026, 1, 1), "", ())
    >>> keep_edition(folder, "abc", edition)
    >>> kept_edition(folder, "abc") == edition, kept_edition(folder, "other")
    (True, None)
    >>> _ = (folder / KEPT).write_bytes(pickle.dumps(("abc", print)))
    >>> kept_edition(folder, "abc") is None
    True
    """
    try:
        kept_inputs, edition = _Unpickler(io.BytesIO((build_dir / KEPT).read_bytes())).load()
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError, ImportError):
        return None
    return edition if kept_inputs == inputs and isinstance(edition, n.Edition) else None


class _Unpickler(pickle.Unpickler):
    """Makes only the model's node classes, dates and a few plain types."""

    def find_class(self, module: str, name: str):
        if module == n.__name__ and isinstance(getattr(n, name, None), type):
            return getattr(n, name)
        if name in _ALLOWED.get(module, ()):
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not part of an edition")
