"""Real receivers on loopback for channel tests: an HTTP endpoint playing Apprise's json:// target
(with basic auth, and a scripted list of status codes to answer) and an SMTP server (aiosmtpd)."""

from __future__ import annotations

import base64
import contextlib
import json
import os
import socket
import threading
import time
from collections.abc import Callable, Iterator
from email import message_from_bytes, policy
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any


class _Handler(BaseHTTPRequestHandler):
    server: JsonReceiver
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def do_POST(self) -> None:  # noqa: N802
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        auth = self.headers.get("Authorization", "")
        user = ""
        if auth.startswith("Basic "):
            user = base64.b64decode(auth[6:]).decode("utf-8")
        with self.server.lock:
            script = self.server.script.get(self.path, [])
            status = script.pop(0) if script else 200
            self.server.attempts.append({"path": self.path, "status": status, "time": time.monotonic(),
                                         "idempotency": self.headers.get("Idempotency-Key")})
            if status == 200 and (not self.server.credentials or user == self.server.credentials):
                self.server.received.append({"path": self.path, "auth": user, "json": json.loads(body)})
            elif status == 200:
                status = 401
        payload = b"{}"
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)


class JsonReceiver(ThreadingHTTPServer):
    """Records accepted POSTs per path; `script[path]` lists status codes to answer first (then 200).
    With `credentials` ("user:pass"), a request without them gets 401."""

    daemon_threads = True

    def __init__(self, credentials: str = "", port: int = 0) -> None:
        self.allow_reuse_address = True
        super().__init__(("127.0.0.1", port), _Handler)
        self.credentials = credentials
        self.lock = threading.Lock()
        self.received: list[dict[str, Any]] = []
        self.attempts: list[dict[str, Any]] = []
        self.script: dict[str, list[int]] = {}
        self._thread = threading.Thread(target=self.serve_forever, daemon=True)

    @property
    def port(self) -> int:
        return int(self.server_address[1])

    def url(self, path: str, user: str = "", password: str = "") -> str:
        auth = f"{user}:{password}@" if user else ""
        return f"json://{auth}127.0.0.1:{self.port}{path}"

    def on(self, path: str) -> list[dict[str, Any]]:
        with self.lock:
            return [r for r in self.received if r["path"] == path]

    def start(self) -> JsonReceiver:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.shutdown()
        self.server_close()
        self._thread.join(timeout=5)


class DripReceiver:
    """A webhook that reads each request whole, then answers one byte at a time, slower than any read
    timeout notices, for as long as it runs. `requests` lists the paths it received."""

    def __init__(self, every: float = 0.5) -> None:
        self.every = every
        self.requests: list[str] = []
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(16)
        self.listener.settimeout(0.2)
        self.port = int(self.listener.getsockname()[1])
        self._thread = threading.Thread(target=self._accept, daemon=True)

    def url(self, path: str) -> str:
        return f"json://127.0.0.1:{self.port}{path}"

    def start(self) -> DripReceiver:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        self._thread.join(timeout=5)
        self.listener.close()

    def _accept(self) -> None:
        while not self.stopping.is_set():
            try:
                connection, _ = self.listener.accept()
            except OSError:
                continue
            threading.Thread(target=self._drip, args=(connection,), daemon=True).start()

    def _drip(self, connection: socket.socket) -> None:
        with connection:
            connection.settimeout(5)
            data = b""
            try:
                while b"\r\n\r\n" not in data:
                    chunk = connection.recv(65536)
                    if not chunk:
                        return
                    data += chunk
                head, _, body = data.partition(b"\r\n\r\n")
                length = next((int(line.split(b":", 1)[1]) for line in head.split(b"\r\n")
                               if line.lower().startswith(b"content-length:")), 0)
                while len(body) < length:
                    body += connection.recv(65536)
                with self.lock:
                    self.requests.append(head.split(b" ")[1].decode())
                connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                   b"Content-Length: 100000\r\n\r\n")
                while not self.stopping.wait(self.every):
                    connection.sendall(b" ")
            except OSError:
                return


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class SmtpReceiver:
    """aiosmtpd on 127.0.0.1 with AUTH (plain text allowed on loopback); keeps every message parsed."""

    def __init__(self, user: str = "alerts", password: str = "s3cret-smtp") -> None:
        from aiosmtpd.controller import Controller
        from aiosmtpd.smtp import AuthResult

        self.messages: list[EmailMessage] = []
        self.user, self.password = user, password
        received = self.messages

        class Handler:
            async def handle_DATA(self, server: object, session: object, envelope: Any) -> str:  # noqa: N802
                received.append(message_from_bytes(envelope.content, policy=policy.default))  # type: ignore[arg-type]
                return "250 OK"

        def check(server: object, session: object, envelope: object, mechanism: str, data: Any) -> AuthResult:
            # a refusal is answered as mail servers do: 535 5.7.8 (handled=False lets aiosmtpd say it)
            accepted = data.login == user.encode() and data.password == password.encode()
            return AuthResult(success=accepted, handled=accepted)

        self.port = free_port()
        self.controller = Controller(Handler(), hostname="127.0.0.1", port=self.port, authenticator=check,
                                     auth_require_tls=False)

    def url(self, to: str = "team@example.jp") -> str:
        return (f"mailto://{self.user}:{self.password}@127.0.0.1:{self.port}"
                f"?from=stakewatch@example.jp&to={to}")

    def start(self) -> SmtpReceiver:
        self.controller.start()
        return self

    def stop(self) -> None:
        self.controller.stop()


@contextlib.contextmanager
def keyring_in_process(home: Path) -> Iterator[None]:
    """This process's keyring is a Secret Service (gnome-keyring) on a bus of its own, for one test.

    The bus address is put back afterwards, and keyring's choice restored without a new detection
    (which would cache the Secret Service as viable for later tests, after the daemon is gone)."""
    import keyring.core
    from keyring.backends import SecretService as SecretServiceBackend

    from desktopbus import SecretService, SessionBus

    previous_address = os.environ.get("DBUS_SESSION_BUS_ADDRESS")
    previous = keyring.core._keyring_backend
    bus = SessionBus()
    service = None
    try:
        os.environ["DBUS_SESSION_BUS_ADDRESS"] = bus.address
        service = SecretService(bus.address, home)
        keyring.core.set_keyring(SecretServiceBackend.Keyring())
        yield
    finally:
        keyring.core._keyring_backend = previous
        if service is not None:
            service.stop()
        bus.stop()
        if previous_address is None:
            os.environ.pop("DBUS_SESSION_BUS_ADDRESS", None)
        else:
            os.environ["DBUS_SESSION_BUS_ADDRESS"] = previous_address


def wait_until(check: Callable[[], bool], timeout: float = 15) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.05)
    return check()
