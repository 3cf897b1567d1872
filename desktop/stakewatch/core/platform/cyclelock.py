"""One poll cycle at a time per data folder, across processes (tray, CLI, watcher).

An advisory lock on `<data folder>/poll.lock` (flock on POSIX, msvcrt on
Windows): the operating system releases it when the holder exits, even on a
crash, so a stale file never blocks. Any thread; the lock belongs to the
CycleLock object that took it.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
import time
from pathlib import Path
from types import TracebackType

LOCK_NAME = "poll.lock"
RETRY = 0.1


class CycleLock:
    """`with CycleLock(folder, cancel):` waits for other processes' cycles; `acquired` says
    whether the lock was taken (False only when `cancel` was set or `timeout` passed). Another
    `name` makes another lock in the same folder (the schema migration's)."""

    def __init__(self, folder: Path, cancel: threading.Event | None = None,
                 timeout: float | None = None, name: str = LOCK_NAME) -> None:
        self.path = folder / name
        self.cancel = cancel
        self.timeout = timeout
        self.acquired = False
        self._fd: int | None = None

    def __enter__(self) -> CycleLock:
        try:
            self._fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError:
            self.acquired = True  # an unwritable folder has no other poller to wait for
            return self
        started = time.monotonic()
        while True:
            if _try_lock(self._fd):
                self.acquired = True
                return self
            if self.cancel is not None and self.cancel.is_set():
                return self
            if self.timeout is not None and time.monotonic() - started > self.timeout:
                return self
            if self.cancel is not None:
                self.cancel.wait(RETRY)
            else:
                time.sleep(RETRY)

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 trace: TracebackType | None) -> None:
        if self._fd is not None:
            if self.acquired:
                _unlock(self._fd)
            os.close(self._fd)
            self._fd = None


if sys.platform == "win32":
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        with contextlib.suppress(OSError):
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_UN)
