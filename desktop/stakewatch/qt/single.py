"""One instance per data dir: a second start asks the first to come forward, then exits.

On POSIX the socket lives in a folder only this user can enter (the session's
runtime folder, else a private folder in the temp dir that is checked, not
trusted), and the server answers only connections from the same user. A folder
found there that is a link, not a folder, another user's, or open to others
(someone else made it, or could have put a socket in it) is refused with a
message, and the app does not start: otherwise another user could silently
disable (or answer) the single-instance check. On Windows the pipe is
restricted to the user. GUI thread.
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

from ..core import os_reason
from ..core.i18n import Message, translate

UNSAFE = translate("App", "Stakewatch will not start: {folder} is {why}. Another user may have made it to "
                          "disable or answer the check that keeps one Stakewatch per data folder. Remove it, "
                          "or set XDG_RUNTIME_DIR to a folder only you can enter.")
NOT_A_FOLDER = translate("App", "not a folder (a link or a file)")
OTHER_USER = translate("App", "owned by another user (uid {uid})")
OPEN_TO_OTHERS = translate("App", "open to other users (mode {mode})")
NOT_MADE = translate("App", "impossible to create ({error})")


class UnsafeRuntimeDir(Exception):
    """The folder for the socket exists but another user could reach into it; `message` says so."""

    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message


def _private(folder: Path) -> bool:
    """True if `folder` is a real directory owned by this user that nobody else can enter."""
    try:
        info = folder.lstat()
    except OSError:
        return False
    return stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid() and not info.st_mode & 0o077


def runtime_dir() -> Path:
    """A folder for the instance socket that only this user can enter. Raises UnsafeRuntimeDir: a folder
    found there is used only if this user made it as Stakewatch does (a real folder, mode 0700)."""
    base = os.environ.get("XDG_RUNTIME_DIR", "")
    if base and _private(Path(base)):
        folder = Path(base) / "stakewatch"
    else:
        folder = Path(tempfile.gettempdir()) / f"stakewatch-{os.getuid()}"
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        info = folder.lstat()
    except OSError as exc:
        raise UnsafeRuntimeDir(UNSAFE(folder=str(folder), why=NOT_MADE(error=os_reason(exc)))) from exc
    if not stat.S_ISDIR(info.st_mode):
        raise UnsafeRuntimeDir(UNSAFE(folder=str(folder), why=NOT_A_FOLDER()))
    if info.st_uid != os.getuid():
        raise UnsafeRuntimeDir(UNSAFE(folder=str(folder), why=OTHER_USER(uid=info.st_uid)))
    if info.st_mode & 0o077:
        raise UnsafeRuntimeDir(UNSAFE(folder=str(folder), why=OPEN_TO_OTHERS(mode=f"{stat.S_IMODE(info.st_mode):o}")))
    return folder


def runtime_problem() -> Message | None:
    """Why the single-instance check cannot be trusted here, or None (POSIX; Windows pipes need no folder)."""
    if sys.platform == "win32":
        return None
    try:
        runtime_dir()
    except UnsafeRuntimeDir as exc:
        return exc.message
    return None


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
    return bool(uid == os.getuid())


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
