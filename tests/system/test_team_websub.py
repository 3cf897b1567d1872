"""WebSub for the team's poller: a feed that announces a hub is subscribed (the hub verifies intent
against the poller's callback) and a signed notification has it fetched at once; a notification
with a wrong signature is ignored. A loopback hub and a real PostgreSQL."""

from __future__ import annotations

import hashlib
import hmac
import socket
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlencode

import psycopg
import pytest
import requests
from test_team_server import Running

from feedworld import Route, WorldServer
from stakewatch.core.store.database import Store

pytestmark = pytest.mark.slow


class Hub(ThreadingHTTPServer):
    """A WebSub hub on loopback: takes one subscription, verifies it, publishes on request."""

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _HubHandler)
        self.subscription: dict[str, str] = {}
        self.verified = threading.Event()
        threading.Thread(target=self.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/hub"

    def verify(self) -> None:
        challenge = "c-" + str(time.time())
        query = urlencode({"hub.mode": "subscribe", "hub.topic": self.subscription["hub.topic"],
                           "hub.challenge": challenge, "hub.lease_seconds": "600"})
        answer = requests.get(f"{self.subscription['hub.callback']}?{query}", timeout=10)
        if answer.status_code == 200 and answer.text == challenge:
            self.verified.set()

    def publish(self, body: bytes, secret: str | None = None) -> int:
        key = (secret or self.subscription["hub.secret"]).encode()
        signature = "sha256=" + hmac.new(key, body, hashlib.sha256).hexdigest()
        return requests.post(self.subscription["hub.callback"], data=body, timeout=10,
                             headers={"Content-Type": "application/atom+xml", "X-Hub-Signature": signature}
                             ).status_code


class _HubHandler(BaseHTTPRequestHandler):
    server: Hub

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def do_POST(self) -> None:  # noqa: N802
        form = parse_qs(self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode())
        self.server.subscription = {key: values[0] for key, values in form.items()}
        self.send_response(202)
        self.send_header("Content-Length", "0")
        self.end_headers()
        threading.Thread(target=self.server.verify, daemon=True).start()


def atom(feed_url: str, hub: str, titles: list[str]) -> bytes:
    entries = "".join(f"<entry><id>urn:e:{n}</id><title>{title}</title><link href='http://127.0.0.1/e/{n}'/>"
                      f"<updated>2025-10-1{n}T09:00:00Z</updated></entry>" for n, title in enumerate(titles))
    return (f"<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'>"
            f"<title>Ministry</title><id>urn:feed</id><updated>2025-10-10T09:00:00Z</updated>"
            f"<link rel='hub' href='{hub}'/><link rel='self' href='{feed_url}'/>{entries}</feed>").encode()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_a_feed_with_a_hub_is_fetched_the_moment_the_hub_says_it_changed(pg_cluster: object,
                                                                       world: WorldServer, tmp_path: Path):
    from stakewatch.core.model import Entity, Source, Watchlist

    hub = Hub()
    feed = world.url("/ministry.atom")
    world.routes["/ministry.atom"] = Route(atom(feed, hub.url, ["OpenAI statement one"]),
                                           content_type="application/atom+xml")
    url = pg_cluster.new_database()  # type: ignore[attr-defined]
    with Store(Path(tempfile.mkdtemp()) / "stakewatch.db", url, create=True) as admin:
        admin.apply_config([Watchlist("AI", (Entity("OpenAI", "company"),))],
                           [Source("Ministry", "feed", feed, interval_minutes=240)])
    port = _free_port()
    poller = Running(tmp_path / "poller", "server", "run", url, "--public-url", f"http://127.0.0.1:{port}/",
                     "--listen", f"127.0.0.1:{port}")
    try:
        assert poller.wait_for("Polling", 30), poller.text
        assert hub.verified.wait(60), poller.text
        assert hub.subscription["hub.topic"] == feed
        assert world.hits["/ministry.atom"] == 1
        body = atom(feed, hub.url, ["OpenAI statement one", "OpenAI answers the minister"])
        world.routes["/ministry.atom"] = Route(body, content_type="application/atom+xml")
        assert hub.publish(body, secret="not the secret") == 202  # ignored: the signature is wrong
        assert hub.publish(body) == 202
        deadline = time.monotonic() + 30
        titles: list[str] = []
        while time.monotonic() < deadline and "OpenAI answers the minister" not in titles:
            with psycopg.connect(url) as conn:
                titles = [r[0] for r in conn.execute("SELECT title FROM alerts")]
            time.sleep(0.2)
        assert sorted(titles) == ["OpenAI answers the minister", "OpenAI statement one"]
        assert world.hits["/ministry.atom"] == 2  # one poll, one fetch for the signed notification
    finally:
        poller.kill()
        hub.shutdown()
