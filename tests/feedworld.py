"""A real HTTP server on loopback that plays well-behaved and misbehaving feed hosts.

Each route is a Route: a body with headers, or one of the faults real servers
commit (hanging, resetting, redirect loops, huge or bomb bodies, 429/5xx).
The server honours If-None-Match/If-Modified-Since so 304s are real, and counts
every request per path.
"""

from __future__ import annotations

import gzip
import hashlib
import socket
import struct
import threading
import time
import zlib
from collections import Counter
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    body: bytes = b""
    content_type: str = "application/rss+xml; charset=utf-8"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    behaviour: str = "normal"  # normal, hang, reset, drip, redirect, gzip, gzip-bomb, truncated-gzip, big
    delay: float = 0.0
    redirect_to: str = ""
    conditional: bool = True
    size: int = 0
    require: dict[str, str] = field(default_factory=dict)


class _Handler(BaseHTTPRequestHandler):
    server: WorldServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def do_GET(self) -> None:  # noqa: N802
        with self.server.lock:
            self.server.active += 1
            self.server.max_active = max(self.server.max_active, self.server.active)
        try:
            self._get()
        finally:
            with self.server.lock:
                self.server.active -= 1

    def _get(self) -> None:
        path = self.path
        self.server.hits[path.split("?")[0]] += 1
        self.server.times.append((path.split("?")[0], time.time()))
        self.server.paths.append(path)
        self.server.user_agents.append(self.headers.get("User-Agent", ""))
        route = self.server.routes.get(path) or self.server.routes.get(path.split("?")[0])
        if route is None:
            self._send(404, b"not found", "text/plain")
            return
        if route.delay:
            time.sleep(route.delay)
        if any(self.headers.get(k) != v for k, v in route.require.items()):
            self._send(401, b"unauthorized", "text/plain", {"WWW-Authenticate": "Bearer"})
            return
        behaviour = route.behaviour
        if behaviour == "hang":
            self.server.stop_event.wait(120)
            return
        if behaviour == "reset-mid-body":
            body = route.body
            self.send_response(200)
            self.send_header("Content-Type", route.content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body[: len(body) // 2])
            self.wfile.flush()
            behaviour = "reset"
        if behaviour == "reset":
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                                       struct.pack("ii", 1, 0))
            self.close_connection = True
            self.rfile.close()
            self.wfile.close()
            self.connection.close()
            return
        if behaviour == "redirect":
            self._send(302, b"", "text/plain", {"Location": route.redirect_to})
            return
        if behaviour in ("big", "big-undeclared"):
            self.send_response(200)
            self.send_header("Content-Type", route.content_type)
            if behaviour == "big":
                self.send_header("Content-Length", str(route.size))
            else:
                self.send_header("Connection", "close")
            self.end_headers()
            chunk = b"<!-- padding -->" * 4096
            sent = 0
            try:
                while sent < route.size and not self.server.stop_event.is_set():
                    self.wfile.write(chunk)
                    sent += len(chunk)
            except OSError:
                pass
            return
        if behaviour == "gzip-bomb":
            self._send(200, self.server.bomb(route.size), route.content_type,
                       {"Content-Encoding": "gzip"})
            return
        if behaviour == "drip-headers":
            head = b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\n" + b"X-Slow: x\r\n" * 400
            try:
                for byte in head:
                    if self.server.stop_event.wait(0.3):
                        return
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
            except OSError:
                pass
            self.close_connection = True
            return
        if behaviour == "drip":
            self.send_response(200)
            self.send_header("Content-Type", route.content_type)
            self.send_header("Content-Length", str(len(route.body)))
            self.end_headers()
            try:
                for byte in route.body:
                    if self.server.stop_event.wait(0.5):
                        return
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
            except OSError:
                pass
            return
        body = route.body
        tag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
        headers = {"ETag": tag, "Last-Modified": "Mon, 13 Oct 2025 01:00:00 GMT", **route.headers}
        if route.conditional and route.status == 200 and \
                self.headers.get("If-None-Match") == tag:
            self.server.not_modified[path.split("?")[0]] += 1
            self._send(304, b"", route.content_type, {"ETag": tag})
            return
        if behaviour == "gzip":
            body = gzip.compress(body)
            headers["Content-Encoding"] = "gzip"
        elif behaviour == "truncated-gzip":
            packed = gzip.compress(body)
            body = packed[: len(packed) // 2]
            headers["Content-Encoding"] = "gzip"
        self._send(route.status, body, route.content_type, headers)

    def _send(self, status: int, body: bytes, content_type: str,
              headers: dict[str, str] | None = None) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            for key, value in (headers or {}).items():
                self.send_header(key, value)
            self.end_headers()
            if body:
                self.wfile.write(body)
        except OSError:
            pass


BOMBS: dict[int, bytes] = {}
"""Gzip bombs by size, compressed once per run."""


class WorldServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128

    def __init__(self, host: str = "127.0.0.1") -> None:
        super().__init__((host, 0), _Handler)
        self.routes: dict[str, Route] = {}
        self.hits: Counter[str] = Counter()
        self.not_modified: Counter[str] = Counter()
        self.user_agents: list[str] = []
        self.paths: list[str] = []
        self.times: list[tuple[str, float]] = []
        self.stop_event = threading.Event()
        self.lock = threading.Lock()
        self.active = 0
        self.max_active = 0
        self._thread = threading.Thread(target=self.serve_forever, kwargs={"poll_interval": 0.05},
                                        daemon=True)

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # clients that hang up on purpose are part of the game

    @property
    def base(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        return self.base + path

    def bomb(self, size: int) -> bytes:
        """`size` zero bytes, gzip-compressed without ever holding them in memory."""
        if size not in BOMBS:
            compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
            block = b"\0" * (1024 * 1024)
            parts = [compressor.compress(block) for _ in range(max(1, size // len(block)))]
            BOMBS[size] = b"".join(parts) + compressor.flush()
        return BOMBS[size]

    def start(self) -> WorldServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.stop_event.set()
        self.shutdown()
        self.server_close()
        self._thread.join(timeout=5)


def rss(items: list[dict[str, str]], title: str = "Feed") -> bytes:
    """A small RSS 2.0 document; item values are inserted as given (escape them yourself)."""
    parts = [f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>{title}</title>'
             "<link>http://example.invalid/</link><description>test</description>"]
    for item in items:
        parts.append("<item>" + "".join(f"<{k}>{v}</{k}>" for k, v in item.items()) + "</item>")
    parts.append("</channel></rss>")
    return "".join(parts).encode("utf-8")
