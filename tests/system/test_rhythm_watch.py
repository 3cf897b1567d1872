"""`stakewatch watch` in real time against loopback feed hosts: the release burst catches an item
seconds after it appears and stops, quiet and cached feeds are left alone, one host is never asked
twice within its spacing, and `sources --json` tells the schedule while it runs."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

from feedworld import Route, WorldServer

SPACING = 10.0


def feed(items: list[tuple[str, str, datetime]], hub: str = "") -> bytes:
    link = f'<atom:link rel="hub" href="{hub}"/>' if hub else ""
    body = "".join(f"<item><title>{title}</title><link>{url}</link><guid>{url}</guid>"
                   f"<pubDate>{format_datetime(when, usegmt=True)}</pubDate></item>" for title, url, when in items)
    return (f'<?xml version="1.0"?><rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>'
            f"<title>t</title>{link}{body}</channel></rss>").encode()


def stakewatch(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "stakewatch", "--data-dir", str(data), *args],
                          capture_output=True, text=True, timeout=60)


def test_watch_bursts_at_a_release_time_spaces_each_host_and_reports_its_schedule(tmp_path: Path):
    gazette_host, other_host = WorldServer("127.0.0.2").start(), WorldServer("127.0.0.3").start()
    process = None
    try:
        now = datetime.now(UTC)
        if now.second > 40:  # leave the whole run inside one release window
            time.sleep(61 - now.second)
            now = datetime.now(UTC)
        release = (now + timedelta(minutes=1)).replace(second=0, microsecond=0)
        history = [("Gazette for OpenAI rules " + str(n), gazette_host.url(f"/g/{n}"), now - timedelta(days=7 * n))
                   for n in range(1, 4)]
        gazette_host.routes["/gazette.xml"] = Route(feed(history, hub="https://hub.example.invalid/"))
        gazette_host.routes["/weekly.xml"] = Route(feed([("OpenAI weekly letter", gazette_host.url("/w/1"),
                                                          now - timedelta(days=6))]))
        other_host.routes["/cached.xml"] = Route(feed([("OpenAI cached note", other_host.url("/c/1"),
                                                        now - timedelta(hours=2))]),
                                                 headers={"Cache-Control": "max-age=600"})
        config = tmp_path / "watch.json"
        config.write_text(json.dumps({"version": 1, "watchlists": [{"name": "AI", "entities": [{"name": "OpenAI"}]}],
                                      "sources": [
                                          {"name": "Gazette", "url": gazette_host.url("/gazette.xml"),
                                           "releases": {"times": [f"{release:%H:%M}"], "tz": "UTC", "days": "daily"}},
                                          {"name": "Weekly", "url": gazette_host.url("/weekly.xml")},
                                          {"name": "Cached", "url": other_host.url("/cached.xml")}]}),
                          encoding="utf-8")
        data = tmp_path / "data"
        assert stakewatch(data, "import", str(config)).returncode == 0
        assert stakewatch(data, "settings", "poll.host_spacing", str(int(SPACING))).returncode == 0
        env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
        process = subprocess.Popen([sys.executable, "-m", "stakewatch", "--data-dir", str(data), "watch"],
                                   env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 40
        while gazette_host.hits["/gazette.xml"] < 2 and time.monotonic() < deadline:
            time.sleep(0.2)
        assert gazette_host.hits["/gazette.xml"] >= 2, "the burst checks again within seconds"
        published = datetime.now(UTC)
        gazette_host.routes["/gazette.xml"].body = feed(
            [("Gazette: OpenAI notice", gazette_host.url("/g/new"), published), *history],
            hub="https://hub.example.invalid/")
        deadline = time.monotonic() + 45
        while not any(t > published.timestamp() for p, t in gazette_host.times if p == "/gazette.xml") \
                and time.monotonic() < deadline:
            time.sleep(0.2)
        caught = min(t for p, t in gazette_host.times if p == "/gazette.xml" and t > published.timestamp())
        assert caught - published.timestamp() <= 30
        time.sleep(20)  # the burst has stopped: nothing new for the gazette in the next twenty seconds
        assert max(t for p, t in gazette_host.times if p == "/gazette.xml") - caught < 1
        sources = {s["name"]: s for s in json.loads(stakewatch(data, "sources", "--json").stdout)}
    finally:
        if process is not None:
            process.send_signal(signal.SIGTERM)
            try:
                process.communicate(timeout=30)
            finally:
                process.kill()
        gazette_host.stop()
        other_host.stop()
    assert gazette_host.hits["/weekly.xml"] == 1 and other_host.hits["/cached.xml"] == 1
    starts = sorted(t for _path, t in gazette_host.times)
    assert all(b - a >= SPACING - 0.05 for a, b in zip(starts, starts[1:], strict=False)), starts
    gazette, weekly = sources["Gazette"], sources["Weekly"]
    assert gazette["hub"] == "https://hub.example.invalid/" and weekly["hub"] is None
    assert gazette["releases"] == {"times": [f"{release:%H:%M}"], "tz": "UTC", "days": "daily"}
    assert gazette["requests_last_hour"] == len(starts) and gazette["median_delay_seconds"] is not None
    assert datetime.fromisoformat(weekly["next_check"]) >= published + timedelta(minutes=25)
    assert "every 15 s around" in gazette["rhythm"] and weekly["rhythm"].startswith("every")
