"""Untrusted work in a child process that can be killed: bytes in on stdin, bytes out on stdout.

A parser that runs away (a 26 KB PDF that costs 40 s of CPU, checked only between pages) cannot be
stopped inside the process that runs it; a child can. `run` starts `python -m
stakewatch.core.platform.worker JOB` (the bundle itself, asked through STAKEWATCH_WORKER, when frozen),
gives it its input, and kills
it by its pid when the hard deadline passes or `stop` is set (quitting never waits for it). The child
limits its own CPU time and memory too. Any thread.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable

WORKER_VARIABLE = "STAKEWATCH_WORKER"
POLL = 0.05
MEMORY_LIMIT = 1024 * 1024 * 1024
JOBS: dict[str, str] = {"pdf": "stakewatch.core.sources.pdf:extract_from_stdin"}


class WorkerFailed(Exception):
    """The child was killed (deadline, stop) or did not finish cleanly; `reason` says which."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def command(job: str) -> list[str]:
    if getattr(sys, "frozen", False):
        return [sys.executable]
    return [sys.executable, "-m", "stakewatch.core.platform.worker", job]


def run(job: str, data: bytes, deadline: float, stop: threading.Event | None = None,
        arguments: tuple[str, ...] = (), started: Callable[[int], None] | None = None) -> bytes:
    """The child's output for `data`. Raises WorkerFailed when it was cut off (deadline or stop) or failed."""
    if job not in JOBS:
        raise ValueError(job)
    environment = {**os.environ, WORKER_VARIABLE: job, "STAKEWATCH_WORKER_ARGS": "\x1f".join(arguments),
                   "STAKEWATCH_WORKER_SECONDS": f"{deadline:.3f}"}
    child = subprocess.Popen(command(job), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL, env=environment, close_fds=True)
    if started is not None:
        started(child.pid)
    ends = time.monotonic() + deadline
    pending: bytes | None = data
    try:
        while True:
            try:
                output, _ = child.communicate(pending, timeout=POLL)
                break
            except subprocess.TimeoutExpired:
                pending = None  # handed over already; communicate keeps feeding it
            if stop is not None and stop.is_set():
                raise WorkerFailed("stopped")
            if time.monotonic() >= ends:
                raise WorkerFailed("deadline")
    except BaseException:
        _kill(child)
        raise
    if child.returncode != 0:
        raise WorkerFailed(f"exit status {child.returncode}")
    return output


def _kill(child: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(OSError):
        child.kill()
    with contextlib.suppress(subprocess.TimeoutExpired, OSError):
        child.communicate(timeout=5)


def _limit_self(seconds: float) -> None:
    """In the child: no more CPU time than the deadline, no more memory than MEMORY_LIMIT (POSIX)."""
    try:
        import resource
    except ImportError:
        return
    with contextlib.suppress(ValueError, OSError):
        cpu = int(seconds) + 1
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def child_main(job: str | None = None) -> int:
    """In the child: run the job named on the command line (or in STAKEWATCH_WORKER)."""
    job = job or os.environ.get(WORKER_VARIABLE, "")
    if job not in JOBS:
        return 2
    _limit_self(float(os.environ.get("STAKEWATCH_WORKER_SECONDS", "10")))
    module, _, function = JOBS[job].partition(":")
    import importlib

    arguments = tuple(a for a in os.environ.get("STAKEWATCH_WORKER_ARGS", "").split("\x1f") if a)
    entry: Callable[[bytes, tuple[str, ...]], bytes] = getattr(importlib.import_module(module), function)
    output = entry(sys.stdin.buffer.read(), arguments)
    sys.stdout.buffer.write(output)
    sys.stdout.buffer.flush()
    return 0


if __name__ == "__main__":
    sys.exit(child_main(sys.argv[1] if len(sys.argv) > 1 else None))
