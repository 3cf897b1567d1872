"""One instance per data dir: a second start asks the first to come forward, then exits.

On POSIX the socket lives in a folder only this user can enter (the session's
runtime folder, else a private folder in the temp dir that is checked, not
trusted), and the server answers only connections from the same user. On
Windows the pipe is restricted to the user. GUI thread.
"""

from __future__ import annotations

import hashlib
import os
import socket as pysocket
import stat
import struct
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket


class UnsafeRuntimeDir(Exception):
    """The folder for the socket exists but another user could reach into it."""


def _private(folder: Path) -> bool:
    """True if `folder` is a real directory owned by this user that nobody else can enter."""
    try:
        info = folder.lstat()
    except OSError:
        return False
    return stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid() and not info.st_mode & 0o077


def runtime_dir() -> Path:
    """A folder for the instance socket that only this user can enter. Raises UnsafeRuntimeDir."""
    base = os.environ.get("XDG_RUNTIME_DIR", "")
    if base and _private(Path(base)):
        folder = Path(base) / "stakewatch"
    else:
        folder = Path(tempfile.gettempdir()) / f"stakewatch-{os.getuid()}"
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
    except OSError as exc:
        raise UnsafeRuntimeDir(f"{folder} cannot be made ({exc.strerror})") from exc
    info = folder.lstat()
    if stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid() and info.st_mode & 0o077:
        folder.chmod(0o700)
    if not _private(folder):
        raise UnsafeRuntimeDir(f"{folder} belongs to another user or is not a folder")
    return folder


def server_name(root: Path) -> str:
    """The socket's full path (POSIX) or pipe name (Windows) for the data dir `root`."""
    digest = hashlib.sha1(str(root.resolve()).encode()).hexdigest()[:12]
    name = f"stakewatch-{digest}"
    if sys.platform == "win32":
        return name
    return str(runtime_dir() / name)


def same_user(descriptor: int) -> bool:
    """True when the peer of the local socket `descriptor` runs as this user (Linux checks
    SO_PEERCRED; elsewhere the private folder is the guard)."""
    if not hasattr(pysocket, "SO_PEERCRED"):
        return True
    try:
        with pysocket.socket(fileno=os.dup(descriptor)) as peer:
            credentials = peer.getsockopt(pysocket.SOL_SOCKET, pysocket.SO_PEERCRED,
                                          struct.calcsize("3i"))
    except OSError:
        return False
    _pid, uid, _gid = struct.unpack("3i", credentials)
    return uid == os.getuid()


def ask_running_instance(root: Path, timeout_ms: int = 1000) -> bool:
    """True if an instance for `root` is running (and was asked to show itself)."""
    try:
        name = server_name(root)
    except UnsafeRuntimeDir:
        return False
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.write(b"show\n")
    socket.waitForBytesWritten(timeout_ms)
    socket.disconnectFromServer()
    return True


class InstanceServer(QObject):
    """Listens for later starts; emits `raise_requested`. GUI thread."""

    raise_requested = Signal()

    def __init__(self, root: Path) -> None:
        super().__init__()
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        try:
            name = server_name(root)
        except UnsafeRuntimeDir:
            return  # no safe place: run without answering later starts
        QLocalServer.removeServer(name)
        self.server.listen(name)
        self.server.newConnection.connect(self._accept)

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            connection = self.server.nextPendingConnection()
            if not same_user(int(connection.socketDescriptor())):
                connection.abort()
                continue
            connection.readyRead.connect(lambda c=connection: self._read(c))

    def _read(self, connection: QLocalSocket) -> None:
        if bytes(connection.readAll().data()).strip() == b"show":
            self.raise_requested.emit()
        connection.disconnectFromServer()
