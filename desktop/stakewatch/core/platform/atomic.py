"""Files written whole or not at all: a temporary file beside the target, flushed to disk, then
renamed over it. A full disk or a crash leaves the earlier file as it was, never a partial one.
Any thread."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path


def real_target(path: Path) -> Path:
    """Where writing `path` lands: symbolic links followed (a link stays a link; its target is written)."""
    return Path(os.path.realpath(path))


def is_special(path: Path) -> bool:
    """True for an existing target that is not a regular file (a FIFO, a terminal, /dev/stdout):
    it cannot be replaced by a rename and is written directly."""
    try:
        return not stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


def new_file_mode() -> int:
    """The mode a plain open() would give a new file (0o666 less the umask; read without changing it)."""
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return 0o666 & ~int(line.split()[1], 8)
    return 0o644


def write_atomically(path: Path, data: bytes, mode: int | None = None) -> None:
    """Replace `path` with `data`. Through a symbolic link the link's target is replaced; a target
    that is not a regular file (a FIFO, a device) is written directly. Raises OSError (the earlier
    file, if any, is untouched; no temporary file is left behind). Without `mode` the file keeps the
    mode it had, or a new one gets what open() would give it."""
    target = real_target(path)
    if is_special(target):
        with open(target, "wb") as stream:
            stream.write(data)
        return
    if mode is None:
        try:
            mode = stat.S_IMODE(os.stat(target).st_mode)
        except OSError:
            mode = new_file_mode()
    folder = target.parent
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(name, mode)
        os.replace(name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(name)
        raise
    sync_folder(folder)


def sync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable (POSIX; a no-op where folders cannot be opened)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
