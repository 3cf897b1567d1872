"""The built-in default watchlist and the demo world it ships with."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

from feedworld import Route, WorldServer
from stakewatch.cli.main import seed_default
from stakewatch.core.exchange.transfer import read_config_file
from stakewatch.core.platform.demo import DEMO_FEEDS, demo_config, render_feed
from stakewatch.core.resources import resource
from stakewatch.core.service.poller import Poller
from stakewatch.core.store.database import Store


def serve_demo(world: WorldServer) -> None:
    for name, (_title, content_type) in DEMO_FEEDS.items():
        world.routes[f"/feeds/{name}"] = Route(render_feed(name, world.base),
                                               content_type=content_type)


def test_default_watchlist_is_valid_and_covers_the_case():
    config = read_config_file(resource("default-watchlist.json"))
    (watchlist,) = config.watchlists
    entities = {e.name: e for e in watchlist.entities}
    assert {"Minoru Kiuchi", "Masaaki Taira", "Akihisa Shiozaki", "OpenAI", "Sam Altman",
            "Sora 2"} <= set(entities)
    assert "城内実" in entities["Minoru Kiuchi"].aliases
    assert "平将明" in entities["Masaaki Taira"].aliases
    assert "塩崎彰久" in entities["Akihisa Shiozaki"].aliases
    assert all(s.url.startswith("https://") for s in config.sources)
    assert any("Masaaki Taira" in s.official_for for s in config.sources)
    kinds = {name: entity.kind for name, entity in entities.items()}
    assert kinds == {"Minoru Kiuchi": "official", "Masaaki Taira": "official", "Akihisa Shiozaki": "official",
                     "OpenAI": "company", "Sam Altman": "person", "Sora 2": "product"}  # a CEO holds no office


def test_seeding_happens_once_and_only_into_an_empty_store(store: Store):
    assert seed_default(store) is True
    assert seed_default(store) is False
    assert len(store.sources()) == len(read_config_file(resource("default-watchlist.json")).sources)
    assert {h.status for h in store.health()} == {"new"}


def test_demo_world_alerts_on_the_story_and_not_on_decoys(world: WorldServer, store: Store,
                                                          tmp_path: Path):
    serve_demo(world)
    path = tmp_path / "demo.json"
    path.write_text(json.dumps(demo_config(world.base), ensure_ascii=False), encoding="utf-8")
    config = read_config_file(path)
    store.apply_config(config.watchlists, config.sources)
    report = Poller(store).run_cycle()
    assert not report.failures, report.failures
    alerts = store.alerts()
    by_entity: dict[str, set[str]] = {}
    for alert in alerts:
        by_entity.setdefault(alert.entity, set()).add(alert.kind)
    assert set(by_entity) == {"Minoru Kiuchi", "Masaaki Taira", "Akihisa Shiozaki", "OpenAI",
                              "Sam Altman", "Sora 2"}
    assert "statement" in by_entity["Minoru Kiuchi"] and "statement" in by_entity["Masaaki Taira"]
    titles = " ".join(a.title for a in alerts)
    for decoy in ("Kingdom Hearts", "Taira clan", "brewery", "月例経済報告", "マイナンバー"):
        assert decoy not in titles
    wire = [a for a in alerts if a.title.startswith("Demo: Japan asks OpenAI")]
    assert wire and all(sorted(a.sources) == ["Aggregator (demo)", "World Wire (demo)"]
                        for a in wire)
    assert all("utm_" not in a.url and "fbclid" not in a.url for a in alerts)


def test_watch_polls_prints_alerts_and_stops_cleanly(world: WorldServer, tmp_path: Path):
    serve_demo(world)
    path = tmp_path / "demo.json"
    path.write_text(json.dumps(demo_config(world.base), ensure_ascii=False), encoding="utf-8")
    data = tmp_path / "data"
    base = [sys.executable, "-m", "stakewatch", "--data-dir", str(data)]
    subprocess.run(base + ["import", str(path)], check=True, capture_output=True, timeout=60)
    process = subprocess.Popen(base + ["watch"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True)
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and world.hits["/feeds/wire.json"] == 0:
            time.sleep(0.1)
        time.sleep(1.0)
        process.send_signal(signal.SIGTERM)
        out, err = process.communicate(timeout=30)
    finally:
        process.kill()
    assert process.returncode == 0, err
    assert "Loaded the default watchlist" not in out
    assert "new alerts" in out and "Minoru Kiuchi" in out
