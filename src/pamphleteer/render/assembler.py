"""The book's PDF assembled in a process of its own, while the parts are still being typeset.

Joining a part takes pypdf most of a second. Done in the process that hands
out the parts, it kept a part that had just finished its layout waiting for
its offset, and a free core waiting for its next part, until the join was
over. In a process of its own it keeps them waiting for nothing.
"""

from __future__ import annotations

import multiprocessing
import traceback
from pathlib import Path


class Assembler:
    """An `Assembly` (see assembly.py) in a forked process: parts go in as they are written, the book comes out.

    Args:
        front_pages: How many pages the front matter fills.
    """

    def __init__(self, front_pages: int) -> None:
        context = multiprocessing.get_context("fork")
        self._connection, theirs = context.Pipe()
        self._process = context.Process(target=_serve, args=(theirs, front_pages), daemon=True)
        self._process.start()
        theirs.close()

    def add(self, path: Path, offset: int) -> None:
        """Join the next chapter part (returns at once; the join goes on in the other process)."""
        self._send(("add", path, offset))

    def finish(self, front: Path, texts: dict[str, dict[int, str]], target: Path) -> None:
        """Put the front matter in front, and write the whole book to `target` (atomically)."""
        self._send(("finish", front, texts, target))
        try:
            kind, message = self._connection.recv()
        except EOFError:
            kind, message = "crash", "the process assembling the book stopped unexpectedly"
        self.close()
        if kind != "written":
            raise RuntimeError(f"assembling the book failed:\n{message}")

    def _send(self, message: tuple) -> None:
        try:
            self._connection.send(message)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the process stopped on an error, which `finish` reads and reports

    def close(self) -> None:
        """Stop the process (at once if the book was not finished)."""
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()
        self._connection.close()


def _serve(connection, front_pages: int) -> None:
    """In the child: join each part as it comes, then write the book."""
    import os

    from ..files import write_atomic
    from .assembly import Assembly

    # Joining can wait; typesetting cannot. At a lower priority the joins take
    # the moments when a core would idle (a part waiting for its offset, the
    # last parts), not time from the parts being typeset.
    os.nice(10)
    assembly = Assembly(front_pages)
    try:
        while True:
            kind, *payload = connection.recv()
            if kind == "add":
                assembly.add(*payload)
                continue
            front, texts, target = payload
            write_atomic(target, assembly.finish(front, texts))
            connection.send(("written", ""))
            return
    except EOFError:
        return  # the build stopped: nothing to write
    except Exception:  # noqa: BLE001  (the parent reports it; a child has no one else to tell)
        connection.send(("crash", traceback.format_exc()))
    finally:
        connection.close()
