"""Work spread over the machine's cores: how many processes, and one function mapped in forked ones."""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from .errors import UsageError

WORKERS = "PAMPHLETEER_WORKERS"

Item = TypeVar("Item")
Value = TypeVar("Value")

_function: Callable[[Any], Any] | None = None  # what the forked processes call, inherited from the parent


def worker_count() -> int:
    """How many processes may work at once: PAMPHLETEER_WORKERS, else the cores this process may use.

    Raises:
        UsageError: PAMPHLETEER_WORKERS is not a whole number from 1 up.
    """
    value = os.environ.get(WORKERS, "").strip()
    if not value:
        return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)
    if not value.isdigit() or int(value) < 1:
        raise UsageError(f"{WORKERS} must be a whole number from 1 up, not {value!r}.")
    return int(value)


def map_forked(function: Callable[[Item], Value], items: Sequence[Item], workers: int,
               weight: Callable[[Item], float] | None = None,
               done: Callable[[Item], None] = lambda _: None) -> list[Value]:
    """`[function(item) for item in items]`, worked out by this process and up to `workers - 1` forked ones.

    The forked processes inherit `function` and all it refers to, so that
    only the items and the values are pickled. This process works out the
    heaviest item (by `weight`) itself, with its caches warm and nothing to
    pickle, while the others hand out the rest, heaviest first, so that a
    long one does not start last and keep one core busy while the others
    wait. An exception raised for any item is raised here (pamphleteer's
    errors cross whole, hint and diagnostics included). With one worker or
    one item, nothing is forked.

    Args:
        done: Called with each item as its value is worked out.

    >>> map_forked(len, ["a", "bbb", "cc"], workers=2, weight=len)
    [1, 3, 2]
    """
    if workers <= 1 or len(items) <= 1:
        values = []
        for item in items:
            values.append(function(item))
            done(item)
        return values
    import multiprocessing

    global _function
    first, *rest = sorted(range(len(items)), key=lambda index: -weight(items[index])) if weight else range(len(items))
    _function = function
    values: dict[int, Value] = {}
    # The parent's objects (word lists, caches) are set aside from garbage collection, so that the
    # processes' collections do not write to every one of them, copying all their pages.
    gc.freeze()
    try:
        with multiprocessing.get_context("fork").Pool(min(workers - 1, len(rest))) as pool:
            others = pool.imap(_call, [items[index] for index in rest], chunksize=1)  # handed out at once
            values[first] = function(items[first])
            done(items[first])
            for index, value in zip(rest, others):
                values[index] = value
                done(items[index])
    finally:
        _function = None
        gc.unfreeze()
    return [values[index] for index in range(len(items))]


def _call(item: Any) -> Any:
    return _function(item)
