"""SIGKILL at random moments during 50 polls while items keep arriving: nothing lost, nothing twice."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from feedworld import Route, WorldServer, rss

CYCLES = 50


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_killed_polls_never_corrupt_lose_or_repeat(notification_server, world: WorldServer, tmp_path: Path):
    rng = random.Random(11)
    delivered: list[dict[str, str]] = []

    def publish(count: int) -> None:
        for _ in range(count):
            n = len(delivered)
            delivered.append({"title": f"Sora 2 update number {n} for feed readers", "link": world.url(f"/a/{n}"),
                              "guid": f"item-{n}"})
        for feed in range(3):
            world.routes[f"/feed{feed}.rss"] = Route(rss(delivered[feed::3][-40:]), behaviour="normal")

    publish(6)
    config = tmp_path / "c.json"
    config.write_text(json.dumps({"version": 1, "watchlists": [{"name": "W", "entities": [{"name": "Sora 2"}]}],
                                  "sources": [{"name": f"Feed {i}", "kind": "feed", "url": world.url(f"/feed{i}.rss")}
                                              for i in range(3)]}))
    data = tmp_path / "data"
    base = [sys.executable, "-m", "stakewatch", "--data-dir", str(data)]
    subprocess.run(base + ["import", str(config)], check=True, capture_output=True, timeout=60)
    subprocess.run(base + ["settings", "alerts.digest_threshold", "50"], check=True, capture_output=True)
    killed = 0
    for _cycle in range(CYCLES):
        publish(rng.randint(0, 4))
        process = subprocess.Popen(base + ["poll", "--once", "--notify", "--force"], stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL, env=os.environ.copy())
        time.sleep(rng.uniform(0.0, 0.6))
        if process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)
            killed += 1
        process.wait(timeout=60)
    final = subprocess.run(base + ["poll", "--once", "--notify", "--force"], capture_output=True, text=True,
                           timeout=120)
    assert final.returncode == 0, final.stderr
    assert killed >= 10, f"only {killed} polls were killed mid-way: the test did not test much"

    conn = sqlite3.connect(data / "stakewatch.db")
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    titles = [row[0] for row in conn.execute("SELECT title FROM items")]
    visible = {item["title"] for feed in range(3) for item in delivered[feed::3][-40:]}
    assert visible <= set(titles)  # every item the server still lists was stored
    assert len(titles) == len(set(titles))  # none twice
    stories = conn.execute("SELECT COUNT(*) FROM alerts").fetchone()[0]
    assert stories == len(titles)  # one alert per item: none lost, none doubled
    calls = notification_server.calls()
    covered = 0
    bodies = []
    for call in calls:
        summary = call["summary"]
        if " new: " in summary:
            covered += int(summary.split(" new:")[0])
        else:
            covered += 1
            bodies.append(call["body"].split("\n")[0])
    assert len(bodies) == len(set(bodies)), "a story was notified twice"
    assert covered <= stories
    notified = conn.execute("SELECT COUNT(*) FROM alerts WHERE notified IS NOT NULL").fetchone()[0]
    assert notified <= stories
