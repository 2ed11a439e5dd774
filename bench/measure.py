"""Run one command in a fresh process and measure its wall time and peak memory (all its processes together)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

# A tiny runner: it starts the command, samples the memory of the command's
# whole process tree every tenth of a second (a build typesets a
# long book in several processes at once, so the largest single process
# would understate it), and reports the peak. Memory is the proportional
# set size (PSS) summed over the tree: pages shared after fork count once.
# The largest resident set of any one process (RUSAGE_CHILDREN) is the
# floor, for processes too short to be sampled.
_RUNNER = r"""
import json, os, resource, subprocess, sys, time

def tree(root):
    children = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as handle:
                    parent = int(handle.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo += children.get(pid, [])
    return found

def pss_kib(pid):
    try:
        with open(f"/proc/{pid}/smaps_rollup") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0

def stolen():
    # Time the host ran something else while this machine's cores had work (all cores, seconds).
    try:
        with open("/proc/stat") as handle:
            fields = handle.readline().split()
        return int(fields[8]) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0

steal = stolen()
start = time.perf_counter()
process = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
peak = 0
while process.poll() is None:
    peak = max(peak, sum(pss_kib(pid) for pid in tree(process.pid)))
    time.sleep(0.1)
seconds = time.perf_counter() - start
stderr = process.stderr.read()
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"seconds": seconds, "peak_mib": max(peak, usage.ru_maxrss) / 1024, "code": process.returncode,
                  "cpu_seconds": usage.ru_utime + usage.ru_stime, "steal_seconds": stolen() - steal,
                  "stderr": stderr[-2000:]}))
"""


@dataclass(frozen=True)
class Run:
    """What one measured command took."""

    seconds: float
    peak_mib: float
    cpu_seconds: float = 0.0  # of every process of the command (a build waits for its workers)
    steal_seconds: float = 0.0  # core time the host (of a virtual machine) gave to others meanwhile

    @property
    def cores(self) -> float:
        """How many cores the command kept busy on average."""
        return self.cpu_seconds / self.seconds if self.seconds else 0.0

    @property
    def cores_stolen(self) -> float:
        """How many of the machine's cores the host took for other work, on average."""
        return self.steal_seconds / self.seconds if self.seconds else 0.0


def measure(command: list[str], cwd: Path, env: dict[str, str] | None = None, repeat: int = 1,
            before=None) -> Run:
    """Best wall time of `repeat` runs of `command`, and the largest peak memory seen.

    Args:
        before: Called before each run (to clear a build, say); not timed.

    Raises:
        RuntimeError: the command failed (its stderr is in the message).
    """
    best, peak, cpu, steal = float("inf"), 0.0, 0.0, 0.0
    # As on a user's machine, Python keeps the bytecode it compiles. Some sandboxes and CI images
    # forbid that (PYTHONDONTWRITEBYTECODE), which would time compiling the package on every run,
    # while the baselines' packages came compiled by pip.
    env = {key: value for key, value in (os.environ if env is None else env).items()
           if key != "PYTHONDONTWRITEBYTECODE"}
    for _ in range(repeat):
        if before is not None:
            before()
        done = subprocess.run([sys.executable, "-c", _RUNNER, *command], cwd=cwd, env=env,
                              capture_output=True, text=True, check=True)
        result = json.loads(done.stdout)
        if result["code"] != 0:
            raise RuntimeError(f"{' '.join(command)} failed:\n{result['stderr']}")
        if result["seconds"] < best:
            best, cpu, steal = result["seconds"], result["cpu_seconds"], result["steal_seconds"]
        peak = max(peak, result["peak_mib"])
    return Run(best, peak, cpu, steal)


def timed(function, repeat: int = 3) -> float:
    """Best wall time of calling `function` `repeat` times in this process."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - start)
    return best
