"""Fault injection: 500 loopback sources on 25 addresses, a fifth misbehaving in every way servers do."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from feedworld import Route, WorldServer, rss
from stakewatch.core.fetching.client import MIB

HOSTS = 25
PER_HOST = 20
FAULTS = {
    "hang": ("no answer within 2 s", lambda base, n: Route(behaviour="hang")),
    "reset": ("reset the connection", lambda base, n: Route(behaviour="reset")),
    "reset-mid-body": ("closed before the whole answer arrived",
                       lambda base, n: Route(rss([{"title": "x" * 400, "link": "http://x/"}] * 40),
                                             behaviour="reset-mid-body")),
    "500": ("server answered 500 (Internal Server Error)", lambda base, n: Route(b"", status=500)),
    "503": ("server answered 503 (Service Unavailable); asked to wait",
            lambda base, n: Route(b"", status=503, headers={"Retry-After": "120"})),
    "429": ("server answered 429 (Too Many Requests); asked to wait",
            lambda base, n: Route(b"", status=429, headers={"Retry-After": "600"})),
    "png": ("not a feed: could not read it as RSS, Atom or JSON Feed",
            lambda base, n: Route(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, content_type="image/png")),
    "truncated-gzip": ("the compressed answer was cut short",
                       lambda base, n: Route(rss([{"title": f"t{i}", "link": f"http://x/{i}"} for i in range(200)]),
                                             behaviour="truncated-gzip")),
    "redirects": ("too many redirects (more than 5)", None),
    "tls": ("secure connection failed", None),
    "html": ("not a feed: got an HTML page",
             lambda base, n: Route(b"<!DOCTYPE html><html><body>Error</body></html>", content_type="text/html")),
    "big": ("response larger than 1 MiB", lambda base, n: Route(behaviour="big", size=8 * MIB)),
}


def good_feed(host: int, n: int) -> bytes:
    return rss([{"title": f"Minister Kiuchi briefing {host}-{n}", "link": f"http://news.invalid/{host}/{n}",
                 "description": "城内実大臣"}])


@pytest.mark.slow
@pytest.mark.timeout(300)
def test_every_good_source_processed_every_bad_one_with_its_reason(tmp_path: Path):
    servers = [WorldServer(f"127.0.0.{10 + h}").start() for h in range(HOSTS)]
    try:
        sources, expected = [], {}
        kinds = list(FAULTS)
        bad_count = 0
        for h, server in enumerate(servers):
            for n in range(PER_HOST):
                name = f"h{h}-s{n}"
                path = f"/s{n}"
                if n < 4:  # a fifth of every host misbehaves
                    kind = kinds[bad_count % len(kinds)]
                    bad_count += 1
                    reason, make = FAULTS[kind]
                    expected[name] = reason
                    url = server.url(path)
                    if kind == "redirects":
                        for hop in range(30):
                            server.routes[f"{path}/r{hop}"] = Route(behaviour="redirect",
                                                                    redirect_to=f"{path}/r{hop + 1}")
                        url = server.url(f"{path}/r0")
                    elif kind == "tls":
                        url = server.url(path).replace("http://", "https://")
                        server.routes[path] = Route(good_feed(h, n))
                    else:
                        server.routes[path] = make(server.base, n)
                else:
                    server.routes[path] = Route(good_feed(h, n), behaviour="gzip" if n % 2 else "normal")
                    url = server.url(path)
                sources.append({"name": name, "kind": "feed", "url": url})
        config = tmp_path / "c.json"
        config.write_text(json.dumps({"version": 1, "watchlists": [{"name": "W", "entities": [
            {"name": "Minoru Kiuchi", "kind": "official", "aliases": ["Kiuchi", "城内実"]}]}],
            "sources": sources}, ensure_ascii=False), encoding="utf-8")
        data = tmp_path / "data"
        base = [sys.executable, "-m", "stakewatch", "--data-dir", str(data)]
        subprocess.run(base + ["import", str(config)], check=True, capture_output=True, timeout=60)
        for key, value in (("fetch.read_timeout", "2"), ("fetch.connect_timeout", "2"), ("fetch.deadline", "4"),
                           ("fetch.max_body_mib", "1"), ("poll.host_spacing", "0")):
            subprocess.run(base + ["settings", key, value], check=True, capture_output=True, timeout=60)
        started = time.monotonic()
        poll = subprocess.run(base + ["poll", "--once"], capture_output=True, text=True, timeout=240)
        elapsed = time.monotonic() - started
        assert poll.returncode == 0, poll.stderr[-2000:]
        health = {s["name"]: s for s in json.loads(subprocess.run(base + ["sources", "--json"], capture_output=True,
                                                                    text=True, timeout=60).stdout)}
        alerts = json.loads(subprocess.run(base + ["alerts", "--json"], capture_output=True, text=True,
                                           timeout=60).stdout)
    finally:
        for server in servers:
            server.stop()
    good = [name for name in health if name not in expected]
    assert len(good) == 400 and len(expected) == 100
    assert all(health[name]["status"] == "ok" and health[name]["last_error"] is None for name in good)
    assert len(alerts) == 400  # every good source's item, one alert each
    for name, reason in expected.items():
        entry = health[name]
        assert entry["status"] == "failing", (name, entry)
        assert reason in (entry["last_error"] or ""), (name, entry["last_error"], reason)
        assert entry["consecutive_failures"] == 1
        assert entry["backoff_until"] is not None or entry["retry_after"] is not None, (name, entry)
    assert elapsed < 120, f"cycle took {elapsed:.0f} s"  # bounded: hung servers cost one deadline, not one each
    assert gzip  # the good half is served compressed, the other half plain
