"""What a new user meets first, through the real command: a fresh folder, the demo, no display, 80 columns."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import pytest

from conftest import run_cli
from feedworld import Route, WorldServer, rss
from stakewatch.core.platform.demo import claim_demo_dir, reset_demo_dir
from stakewatch.core.store.database import open_store


def columns(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


def test_poll_on_a_fresh_folder_takes_the_apps_default_and_remembers_an_empty_start(
        data_dir: Path, world: WorldServer, tmp_path: Path):
    # every request of the example watchlist goes to a loopback "proxy" that refuses it
    assert run_cli(data_dir, "settings", "fetch.proxy", world.url("/")).code == 0
    first = run_cli(data_dir, "poll", "--once")
    assert first.code == 0 and "Loaded the example watchlist (Japan AI & IP)" in first.out
    with open_store(data_dir) as store:
        assert [w.name for w in store.watchlists()] == ["Japan AI & IP"] and store.sources()
    again = run_cli(data_dir, "poll", "--once")
    assert "Loaded the example watchlist" not in again.out

    empty = tmp_path / "empty"
    empty.mkdir()
    with open_store(empty) as store:
        from stakewatch.core.service import first_run

        first_run.start_empty(store)
    result = run_cli(empty, "poll", "--once")
    assert "import a watchlist first" in result.out and "Loaded" not in result.out


def test_demo_commands_keep_their_data_between_commands(tmp_path: Path):
    data = tmp_path / "data"
    assert run_cli(data, "--demo", "poll", "--once").code == 0
    listed = run_cli(data, "--demo", "alerts")
    assert listed.code == 0 and "No alerts" not in listed.out and "Sora 2" in listed.out


def test_a_demo_folder_in_use_is_never_emptied_and_only_a_reset_empties_it(tmp_path: Path):
    folder, lock = claim_demo_dir(tmp_path)
    assert lock is not None
    (folder / "stakewatch.db").write_text("in use")
    try:
        again, second = claim_demo_dir(tmp_path)
        assert second is None and again == folder and (folder / "stakewatch.db").read_text() == "in use"
    finally:
        lock.release()
    kept, third = claim_demo_dir(tmp_path)
    assert third is not None and (kept / "stakewatch.db").read_text() == "in use"
    (kept / "stakewatch.db").unlink()
    (kept / "notes.txt").write_text("mine")
    reset_demo_dir(kept, third)
    assert kept.is_dir() and list(kept.iterdir()) == []
    third.release()
    with pytest.raises(RuntimeError):
        reset_demo_dir(kept, third)


def test_an_unreachable_display_falls_back_to_the_terminal_watcher_and_says_why(
        tmp_path: Path, world: WorldServer):
    world.routes["/f.rss"] = Route(rss([{"title": "Sora 2 news", "link": world.url("/n")}]))
    config = tmp_path / "c.json"
    config.write_text(json.dumps({"version": 1, "watchlists": [{"name": "W", "entities": [{"name": "Sora 2"}]}],
                                  "sources": [{"name": "F", "kind": "feed", "url": world.url("/f.rss")}]}))
    data = tmp_path / "d"
    assert run_cli(data, "import", str(config)).code == 0
    env = {k: v for k, v in os.environ.items() if k not in ("WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["DISPLAY"] = ":87"  # no X server answers there
    process = subprocess.Popen([sys.executable, "-m", "stakewatch", "--data-dir", str(data)], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 40
        while world.hits["/f.rss"] == 0 and time.monotonic() < deadline:
            time.sleep(0.1)
        time.sleep(0.5)
        process.send_signal(signal.SIGTERM)
        out, err = process.communicate(timeout=30)
    finally:
        process.kill()
    assert process.returncode == 0, err
    assert "cannot be reached" in err or "not installed" in err, err
    assert "terminal watcher" in err and "Sora 2 news" in out


def test_alerts_fit_an_80_column_terminal_and_keep_each_titles_beginning(
        data_dir: Path, world: WorldServer, tmp_path: Path, monkeypatch):
    titles = ["Digital minister Masaaki Taira says talks with generative AI firms on Sora 2 continue next week",
              "平将明デジタル大臣、生成AIサービス事業者との対話についてSora 2を巡り記者会見で発言",
              "Sora 2"]
    world.routes["/long.rss"] = Route(rss([
        {"title": t, "link": world.url(f"/news/2025/10/{i}/a-very-long-path-that-goes-on-and-on?id={i}")}
        for i, t in enumerate(titles)]))
    config = tmp_path / "c.json"
    config.write_text(json.dumps({"version": 1, "watchlists": [{"name": "W", "entities": [
        {"name": "Sora 2", "kind": "product"}, {"name": "Masaaki Taira", "aliases": ["平将明"]}]}],
        "sources": [{"name": "A source with a rather long name", "kind": "feed",
                     "url": world.url("/long.rss")}]}, ensure_ascii=False), encoding="utf-8")
    assert run_cli(data_dir, "import", str(config)).code == 0
    for width in (80, 100, 200):
        monkeypatch.setenv("COLUMNS", str(width))
        polled = run_cli(data_dir, "poll", "--once", "--force")
        listed = run_cli(data_dir, "alerts")
        stories = run_cli(data_dir, "stories")
        for output in (polled.out, listed.out, stories.out):
            assert max(columns(line) for line in output.splitlines()) <= width, output
        for title in titles:
            assert title[:12] in listed.out and title[:12] in stories.out, (width, listed.out, stories.out)
        stamps = re.findall(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2} ", stories.out, re.M)
        assert len(stamps) == len(titles), stories.out
    monkeypatch.setenv("COLUMNS", "300")
    wide = run_cli(data_dir, "alerts").out
    assert world.url("/news/2025/10/0/a-very-long-path-that-goes-on-and-on?id=0") in wide


def test_unknown_watchlist_is_refused_alike_and_a_missing_folder_is_said_plainly(data_dir: Path, tmp_path: Path):
    config = tmp_path / "c.json"
    config.write_text(json.dumps({"version": 1, "watchlists": [{"name": "Japan AI & IP", "entities": [
        {"name": "Sora 2"}]}, {"name": "Trade", "entities": []}]}), encoding="utf-8")
    assert run_cli(data_dir, "import", str(config)).code == 0
    alerts = run_cli(data_dir, "alerts", "--watchlist", "Nope")
    briefing = run_cli(data_dir, "briefing", "--since", "7d", "-o", str(tmp_path / "b.pdf"), "--watchlist", "Nope")
    for result in (alerts, briefing):
        assert result.code == 1 and "no watchlist named 'Nope' (there are: Japan AI & IP, Trade)" in result.err
    assert alerts.err.split(":", 2)[2] == briefing.err.split(":", 2)[2]
    missing = run_cli(data_dir, "briefing", "--since", "7d", "-o", str(tmp_path / "nowhere" / "b.pdf"))
    assert missing.code == 1 and "does not exist" in missing.err and "Q" not in missing.err.split(":", 2)[2][:40]
    assert len(missing.err.strip().splitlines()) == 1


def test_starting_the_demo_twice_brings_the_first_forward_and_keeps_its_data(tmp_path: Path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    data = tmp_path / "data"
    first = subprocess.Popen([sys.executable, "-m", "stakewatch", "--demo", "--data-dir", str(data)], env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        database = data / "demo" / "stakewatch.db"
        deadline = time.monotonic() + 40
        while time.monotonic() < deadline and not _has_alerts(database):
            time.sleep(0.3)
        assert _has_alerts(database), "the demo found nothing"
        second = subprocess.run([sys.executable, "-m", "stakewatch", "--demo", "--data-dir", str(data)], env=env,
                                capture_output=True, text=True, timeout=60)
        assert second.returncode == 0 and "already running" in second.stdout, second.stderr
        assert first.poll() is None and _has_alerts(database)  # the running demo's data is untouched
    finally:
        first.send_signal(signal.SIGTERM)
        try:
            first.communicate(timeout=30)
        finally:
            first.kill()


def _has_alerts(database: Path) -> bool:
    import sqlite3

    if not database.exists():
        return False
    try:
        with sqlite3.connect(database, timeout=5) as conn:
            return bool(conn.execute("SELECT COUNT(*) FROM alerts").fetchone()[0])
    except sqlite3.Error:
        return False


def test_missing_x_libraries_are_named_with_each_distributions_packages(monkeypatch):
    from stakewatch import platform_check

    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    monkeypatch.setattr(platform_check, "missing_libraries",
                        lambda plugin: ["libxcb-icccm.so.4", "libxcb-keysyms.so.1", "libxcb-xinerama.so.0"])
    verdict = platform_check.diagnose("qt.qpa.plugin: Could not load the Qt platform plugin \"xcb\"", -6)
    assert not verdict.ok and "libxcb-icccm.so.4, libxcb-keysyms.so.1" in verdict.reason
    assert "sudo apt install libxcb-icccm4 libxcb-keysyms1 libxcb-xinerama0" in verdict.advice
    assert "sudo dnf install xcb-util-wm xcb-util-keysyms libxcb" in verdict.advice
    assert "sudo pacman -S xcb-util-wm xcb-util-keysyms libxcb" in verdict.advice
