"""The real `stakewatch` tray app (offscreen) on a private bus: notify, click, one instance, quit."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from feedworld import Route, WorldServer, rss

pytest.importorskip("PySide6")


def start(args: list[str], env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "stakewatch", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env)


def english(env: dict[str, str]) -> dict[str, str]:
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        env.pop(name, None)
    return {**env, "LANG": "en_US.UTF-8"}


def stop(process: subprocess.Popen[str]) -> tuple[str, str]:
    process.send_signal(signal.SIGTERM)
    try:
        return process.communicate(timeout=30)
    finally:
        process.kill()


def test_tray_app_notifies_opens_the_clicked_link_and_stays_single(
        notification_server, opened_links: Path, world: WorldServer, tmp_path: Path):
    world.routes["/ministry.rss"] = Route(rss([
        {"title": "城内実大臣、Sora2について会見", "link": world.url("/kaiken?utm_source=rss"),
         "description": "知的財産戦略担当大臣"},
        {"title": "Weather", "link": world.url("/weather")}]))
    config = tmp_path / "c.json"
    config.write_text(json.dumps({"version": 1, "watchlists": [{"name": "W", "entities": [
        {"name": "Minoru Kiuchi", "kind": "official", "aliases": ["城内実"], "context": ["大臣"]}]}],
        "sources": [{"name": "Cabinet Office", "kind": "feed", "url": world.url("/ministry.rss"),
                     "official_for": ["Minoru Kiuchi"]}]}, ensure_ascii=False), encoding="utf-8")
    data = str(tmp_path / "data")
    env = english({**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    subprocess.run([sys.executable, "-m", "stakewatch", "--data-dir", data, "import", str(config)],
                   check=True, capture_output=True, timeout=60)
    app = start(["--data-dir", data], env)
    try:
        (call,) = notification_server.wait_for_calls(1, timeout=30)
        assert call["summary"] == "Statement by Minoru Kiuchi"
        assert call["body"].startswith("城内実大臣、Sora2について会見")
        assert call["actions"] == ["default", "Open", "open", "Open"]
        notification_server.invoke(call["id"], "open")
        deadline = time.monotonic() + 10
        while not opened_links.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert opened_links.read_text().split() == [world.url("/kaiken")]
        second = subprocess.run([sys.executable, "-m", "stakewatch", "--data-dir", data], env=env,
                                capture_output=True, text=True, timeout=30)
        assert second.returncode == 0 and "already running" in second.stdout
        assert app.poll() is None
    finally:
        out, err = stop(app)
    assert app.returncode == 0, err
    assert "notifications through freedesktop" in out
    assert "Loaded the default watchlist" not in out


def test_demo_shows_notifications_within_seconds_offline(notification_server, tmp_path: Path):
    env = english({**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    app = start(["--demo", "--data-dir", str(tmp_path / "data")], env)
    try:
        calls = notification_server.wait_for_calls(1, timeout=20)
        assert calls, "the demo raised no notification"
        summary = calls[0]["summary"]
        assert summary.startswith("15 new: "), summary
        for entity in ("Minoru Kiuchi", "Masaaki Taira", "Akihisa Shiozaki", "OpenAI", "Sam Altman", "Sora 2"):
            assert entity in summary
        assert calls[0]["actions"] == ["default", "Open inbox"]
    finally:
        out, err = stop(app)
    assert "(demo)" in out
    assert not (tmp_path / "data" / "stakewatch.db").exists()  # the user's own data is untouched
    assert (tmp_path / "data" / "demo" / "stakewatch.db").exists()


def test_under_a_japanese_locale_an_english_story_is_announced_in_japanese(
        notification_server, opened_links: Path, world: WorldServer, tmp_path: Path):
    world.routes["/openai.xml"] = Route(rss([
        {"title": "OpenAI brings Sora 2 to Japan with new rights-holder controls",
         "link": world.url("/news/sora-2-japan?utm_medium=rss"),
         "description": "Sora 2 is now available in Japan."}]))
    config = tmp_path / "c.json"
    config.write_text(json.dumps({"version": 1, "watchlists": [{"name": "AI", "entities": [
        {"name": "Sora 2", "kind": "product"}]}],
        "sources": [{"name": "OpenAI News", "kind": "feed", "url": world.url("/openai.xml")}]}), encoding="utf-8")
    data = str(tmp_path / "data")
    env = english({**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    env["LANG"] = "ja_JP.UTF-8"
    subprocess.run([sys.executable, "-m", "stakewatch", "--data-dir", data, "import", str(config)],
                   check=True, capture_output=True, timeout=60, env=env)
    app = start(["--data-dir", data], env)
    try:
        (call,) = notification_server.wait_for_calls(1, timeout=30)
        assert call["summary"] == "Sora 2 に関する報道"
        assert call["body"] == "OpenAI brings Sora 2 to Japan with new rights-holder controls\nOpenAI News"
        assert call["actions"] == ["default", "開く", "open", "開く"]
        notification_server.invoke(call["id"], "default")
        deadline = time.monotonic() + 10
        while not opened_links.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert opened_links.read_text().split() == [world.url("/news/sora-2-japan")]
    finally:
        stop(app)


def test_a_folder_attached_to_a_team_server_that_never_answered_still_starts(session_bus, tmp_path: Path):
    """Attached to a team server that cannot be reached and never answered this desk (nothing kept of it),
    the tray still starts, says why it shows nothing, and lets the address be changed; it used to refuse
    to start, and only a hand-deleted file brought the desk back."""
    import socket

    from stakewatch.core import Service, attach_server

    data = tmp_path / "data"
    Service.open(data).close()
    with socket.socket() as probe:  # a loopback port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    attach_server(data, f"postgresql://desk@127.0.0.1:{port}/team")
    env = english({**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    env.pop("STAKEWATCH_SERVER", None)
    app = start(["--data-dir", str(data)], env)
    try:
        assert app.stdout is not None
        line = app.stdout.readline()  # the first line once it runs; "" when it gave up
        assert "Stakewatch is running" in line, (line, app.stderr.read() if app.poll() is not None else "")
        assert app.poll() is None
    finally:
        stop(app)
    assert app.returncode == 0
