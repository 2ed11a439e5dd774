"""Run one command in a fresh process and measure its wall time and peak memory."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

# A tiny runner: it starts the command, waits, and reports the peak resident
# set of everything it started (RUSAGE_CHILDREN is the maximum over children).
_RUNNER = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
seconds = time.perf_counter() - start
peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"seconds": seconds, "peak_mib": peak_kib / 1024, "code": done.returncode, "stderr": done.stderr[-2000:]}))
"""


@dataclass(frozen=True)
class Run:
    """What one measured command took."""

    seconds: float
    peak_mib: float


def measure(command: list[str], cwd: Path, env: dict[str, str] | None = None, repeat: int = 1) -> Run:
    """Best wall time of `repeat` runs of `command`, and the largest peak memory seen.

    Raises:
        RuntimeError: the command failed (its stderr is in the message).
    """
    best, peak = float("inf"), 0.0
    for _ in range(repeat):
        done = subprocess.run([sys.executable, "-c", _RUNNER, *command], cwd=cwd, env=env,
                              capture_output=True, text=True, check=True)
        result = json.loads(done.stdout)
        if result["code"] != 0:
            raise RuntimeError(f"{' '.join(command)} failed:\n{result['stderr']}")
        best, peak = min(best, result["seconds"]), max(peak, result["peak_mib"])
    return Run(best, peak)


def timed(function, repeat: int = 3) -> float:
    """Best wall time of calling `function` `repeat` times in this process."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - start)
    return best
