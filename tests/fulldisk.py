"""A real full disk for tests: a small tmpfs mounted for the test and unmounted after it.

Mounting needs root (or CAP_SYS_ADMIN); without it the test is skipped and says why."""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


@contextlib.contextmanager
def small_disk(folder: Path, kib: int = 512) -> Iterator[Path]:
    """`folder` as a tmpfs of `kib` KiB (fill it with `fill`)."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        pytest.skip("a full disk is made by mounting a small tmpfs, which needs root; this run is not root")
    folder.mkdir(parents=True, exist_ok=True)
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={kib}k,mode=0700", "tmpfs", str(folder)],
                             capture_output=True, text=True, timeout=30)
    if mounted.returncode != 0:
        pytest.skip(f"a small tmpfs could not be mounted for a full disk: {mounted.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True, timeout=30)


def fill(folder: Path, leave: int = 0) -> Path:
    """Fill the disk holding `folder`, then free `leave` bytes again; the filler file (delete it to free
    everything)."""
    filler = folder / "filler"
    descriptor = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        for block in (65536, 4096, 512, 1):
            try:
                while os.write(descriptor, b"\0" * block) == block:
                    pass
            except OSError:
                continue
        size = os.fstat(descriptor).st_size
        os.ftruncate(descriptor, max(0, size - leave))
    finally:
        os.close(descriptor)
    return filler
