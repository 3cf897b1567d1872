"""One instance per data dir: a second start asks the first to come forward, then exits."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket


def server_name(root: Path) -> str:
    digest = hashlib.sha1(str(root.resolve()).encode()).hexdigest()[:12]
    return f"stakewatch-{digest}"


def ask_running_instance(root: Path, timeout_ms: int = 1000) -> bool:
    """True if an instance for `root` is running (and was asked to show itself)."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(root))
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
        name = server_name(root)
        QLocalServer.removeServer(name)
        self.server.listen(name)
        self.server.newConnection.connect(self._accept)

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            connection = self.server.nextPendingConnection()
            connection.readyRead.connect(lambda c=connection: self._read(c))

    def _read(self, connection: QLocalSocket) -> None:
        if bytes(connection.readAll().data()).strip() == b"show":
            self.raise_requested.emit()
        connection.disconnectFromServer()
