"""WebSub (W3C Recommendation) for the team's poller: subscribe to the hubs feeds announce, answer the
hubs' verification of intent, and take their signed content notifications as "fetch this feed now".

A notification only says that the feed changed: the poller then fetches the feed the usual way
(conditional GET, the same limits and the same pipeline), so a pushed item is stored exactly as a
polled one, and polling on the feed's interval stays the fallback. A notification whose signature
(X-Hub-Signature, HMAC with the subscription's secret) does not match is ignored, as the
specification asks. The callback server runs on its own threads; `pushed` is read by the poller.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import queue
import secrets
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import requests

log = logging.getLogger("stakewatch.websub")

LEASE = 86_400  # seconds asked for; renewed when less than a tenth is left
MAX_BODY = 10 * 1024 * 1024
ALGORITHMS = {"sha1": hashlib.sha1, "sha256": hashlib.sha256, "sha384": hashlib.sha384, "sha512": hashlib.sha512}


@dataclass
class Subscription:
    topic: str
    secret: str
    hub: str
    expires: float = 0.0  # 0 while the hub has not verified it


class Callbacks:
    """The address hubs call back (`public_url` + /websub/<source id>), served on `listen`."""

    def __init__(self, public_url: str, listen: tuple[str, int]) -> None:
        self.public = public_url.rstrip("/")
        self.subscriptions: dict[int, Subscription] = {}
        self.pushed: queue.Queue[int] = queue.Queue()
        self.lock = threading.Lock()
        self.server = ThreadingHTTPServer(listen, _handler(self))
        self.server.daemon_threads = True
        self._thread = threading.Thread(target=self.server.serve_forever, name="stakewatch-websub", daemon=True)

    def start(self) -> Callbacks:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def callback(self, source_id: int) -> str:
        return f"{self.public}/websub/{source_id}"

    def needs(self, source_id: int, hub: str, topic: str) -> bool:
        """True when the feed has no live subscription to this hub and topic (or it is near its end)."""
        with self.lock:
            known = self.subscriptions.get(source_id)
        if known is None or known.topic != topic or known.hub != hub:
            return True
        if known.expires == 0.0:
            return False  # asked, waiting for the hub to verify
        return known.expires - time.time() < LEASE / 10

    def subscribe(self, source_id: int, hub: str, topic: str, timeout: float = 10.0) -> bool:
        """Ask `hub` for notifications of `topic`; True when it accepted the request (verification follows)."""
        secret = secrets.token_hex(20)
        with self.lock:
            self.subscriptions[source_id] = Subscription(topic, secret, hub)
        try:
            answer = requests.post(hub, data={"hub.mode": "subscribe", "hub.topic": topic,
                                              "hub.callback": self.callback(source_id), "hub.secret": secret,
                                              "hub.lease_seconds": str(LEASE)},
                                   timeout=timeout, allow_redirects=False)
        except requests.RequestException as exc:
            log.warning("WebSub: subscribing to %s at %s failed: %s", topic, hub, exc)
            return False
        if not 200 <= answer.status_code < 300:
            log.warning("WebSub: %s refused the subscription to %s (%s)", hub, topic, answer.status_code)
            return False
        return True

    # what the handler calls (server threads) -------------------------------------------------------

    def verify(self, source_id: int, query: dict[str, str]) -> str | None:
        """The challenge to echo when the hub confirms a subscription this poller asked for, else None."""
        with self.lock:
            known = self.subscriptions.get(source_id)
            if known is None or query.get("hub.topic") != known.topic:
                return None
            if query.get("hub.mode") == "subscribe":
                lease = query.get("hub.lease_seconds", "")
                known.expires = time.time() + (int(lease) if lease.isdigit() else LEASE)
            elif query.get("hub.mode") != "unsubscribe":
                return None
        return query.get("hub.challenge")

    def notified(self, source_id: int, body: bytes, signature: str) -> bool:
        """A content notification: True (and the feed queued for a fetch) when its signature is right."""
        with self.lock:
            known = self.subscriptions.get(source_id)
        if known is None or known.expires == 0.0:
            return False
        method, _, given = signature.partition("=")
        digest = ALGORITHMS.get(method.strip().lower())
        if digest is None:
            return False
        expected = hmac.new(known.secret.encode(), body, digest).hexdigest()
        if not hmac.compare_digest(expected, given.strip().lower()):
            log.warning("WebSub: a notification for source %s had a wrong signature; ignored", source_id)
            return False
        self.pushed.put(source_id)
        return True


def _handler(callbacks: Callbacks) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
            pass

        def _source(self) -> int | None:
            path = urlsplit(self.path).path.rstrip("/").split("/")
            return int(path[-1]) if len(path) >= 2 and path[-2] == "websub" and path[-1].isdigit() else None

        def _answer(self, status: int, body: bytes = b"") -> None:
            self.send_response(status)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:  # noqa: N802
            source = self._source()
            query = {key: values[0] for key, values in parse_qs(urlsplit(self.path).query).items()}
            challenge = None if source is None else callbacks.verify(source, query)
            if challenge is None:
                self._answer(404)
            else:
                self._answer(200, challenge.encode())

        def do_POST(self) -> None:  # noqa: N802
            source = self._source()
            length = int(self.headers.get("Content-Length") or 0)
            if source is None or length > MAX_BODY:
                self._answer(404 if source is None else 413)
                return
            body = self.rfile.read(length)
            callbacks.notified(source, body, self.headers.get("X-Hub-Signature", ""))
            self._answer(202)  # accepted even when ignored: the hub learns nothing from a wrong signature

    return Handler


def listen_address(public_url: str, listen: str | None) -> tuple[str, int]:
    """Where the callback server listens: `listen` (HOST:PORT), else every interface on the public port."""
    if listen:
        host, _, port = listen.rpartition(":")
        return host or "0.0.0.0", int(port)  # noqa: S104 - a callback the hubs must reach
    parts = urlsplit(public_url)
    return "0.0.0.0", parts.port or (443 if parts.scheme == "https" else 80)  # noqa: S104
