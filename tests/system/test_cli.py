"""The real `stakewatch` command against loopback servers."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import run_cli
from feedworld import Route, WorldServer, rss
from stakewatch.core.service import first_run
from stakewatch.core.store.database import open_store

EXE = shutil.which("stakewatch") or str(Path(sys.executable).with_name("stakewatch"))


def cli(data_dir: Path | None, *args: str, env: dict[str, str] | None = None,
        timeout: float = 60) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "stakewatch"]
    if data_dir is not None:
        command += ["--data-dir", str(data_dir)]
    process = subprocess.Popen(command + list(args), stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, env=env)
    try:
        out, err = process.communicate(timeout=timeout)
    finally:
        process.kill()
    return subprocess.CompletedProcess(process.args, process.returncode, out, err)


@pytest.fixture
def world_config(world: WorldServer, tmp_path: Path) -> Path:
    world.routes["/news.rss"] = Route(rss([
        {"title": "Digital minister Masaaki Taira on Sora 2", "link": world.url("/a1?utm_source=x"),
         "description": "平将明大臣", "pubDate": "Mon, 13 Oct 2025 01:00:00 GMT"},
        {"title": "Unrelated weather", "link": world.url("/a2")},
    ]))
    world.routes["/down.rss"] = Route(b"", status=503, headers={"Retry-After": "600"})
    path = tmp_path / "watch.json"
    path.write_text(json.dumps({
        "version": 1,
        "watchlists": [{"name": "Japan AI & IP", "entities": [
            {"name": "Masaaki Taira", "kind": "official", "aliases": ["平将明", "Taira"],
             "context": ["minister", "digital", "大臣"], "exclude": ["Taira clan"]},
            {"name": "Sora 2", "kind": "product", "aliases": ["Sora2"]}]}],
        "sources": [
            {"name": "Digital Agency", "kind": "feed", "url": world.url("/news.rss"),
             "interval_minutes": 15, "official_for": ["Masaaki Taira"]},
            {"name": "Down", "kind": "feed", "url": world.url("/down.rss")}]},
        ensure_ascii=False), encoding="utf-8")
    return path


def test_console_script_is_installed():
    assert Path(EXE).exists(), "the stakewatch console script is not installed"
    result = subprocess.run([EXE, "--version"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and result.stdout.startswith("stakewatch ")


def test_import_poll_alerts_sources_end_to_end(tmp_path: Path, world: WorldServer,
                                               world_config: Path):
    data = tmp_path / "home"
    env = {**os.environ, "STAKEWATCH_HOME": str(data)}
    assert cli(None, "import", str(world_config), env=env).returncode == 0
    polled = cli(None, "poll", "--once", env=env)
    assert polled.returncode == 0, polled.stderr
    assert "failing: Down: server answered 503" in polled.stdout
    alerts = json.loads(cli(None, "alerts", "--json", env=env).stdout)
    assert {(a["entity"], a["kind"]) for a in alerts} == {("Masaaki Taira", "statement"),
                                                          ("Sora 2", "coverage")}
    for alert in alerts:
        assert set(alert) >= {"entity", "watchlist", "kind", "title", "url", "source", "sources",
                              "published", "matched", "story"}
        assert alert["url"] == world.url("/a1")
        assert alert["sources"] == ["Digital Agency"] and alert["source"] == "Digital Agency"
        assert alert["published"].startswith("2025-10-13T01:00:00")
        assert alert["watchlist"] == "Japan AI & IP"
    taira = next(a for a in alerts if a["entity"] == "Masaaki Taira")
    assert set(taira["matched"]) == {"Masaaki Taira", "平将明"}
    sources = {s["name"]: s for s in json.loads(cli(None, "sources", "--json", env=env).stdout)}
    assert sources["Digital Agency"]["status"] == "ok"
    assert sources["Digital Agency"]["last_error"] is None
    assert sources["Down"]["status"] == "failing"
    assert sources["Down"]["consecutive_failures"] == 1
    assert sources["Down"]["last_error"].startswith("server answered 503 (Service Unavailable)")
    for entry in sources.values():
        assert set(entry) >= {"name", "kind", "url", "status", "last_success", "last_error",
                              "consecutive_failures"}
    again = cli(None, "poll", "--once", env=env)
    assert "0 new alerts" in again.stdout and world.hits["/down.rss"] == 1
    assert "skipped: Down: server asked to wait" in again.stdout
    table = cli(None, "alerts", env=env).stdout
    assert "Masaaki Taira" in table and "statement" in table
    assert "Down" in cli(None, "sources", env=env).stdout
    recent = json.loads(cli(None, "alerts", "--since", "7d", "--json", env=env).stdout)
    assert len(recent) == 2  # found just now, though published earlier


def test_bad_input_one_line_nonzero_nothing_changed(tmp_path: Path, world_config: Path):
    data = tmp_path / "d"
    assert cli(data, "import", str(world_config)).returncode == 0
    before = (data / "stakewatch.db").read_bytes()
    bad = tmp_path / "bad.json"
    document = json.loads(world_config.read_text(encoding="utf-8"))
    document["sources"].append({"name": "X", "kind": "feed", "url": "gopher://x"})
    bad.write_text(json.dumps(document), encoding="utf-8")
    result = cli(data, "import", str(bad))
    assert result.returncode != 0
    assert result.stderr.strip().count("\n") == 0
    assert "sources[2].url" in result.stderr
    assert (data / "stakewatch.db").read_bytes() == before
    result = cli(data, "alerts", "--since", "yesterday-ish")
    assert result.returncode == 2 and "not a period" in result.stderr


def test_poll_with_nothing_configured_says_so(data_dir: Path):
    with open_store(data_dir) as store:
        first_run.start_empty(store)
    result = run_cli(data_dir, "poll", "--once")
    assert result.code == 0 and "import a watchlist first" in result.out


def test_unwritable_data_dir_is_a_clear_error(tmp_path: Path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = cli(blocker / "sub", "sources")
    assert result.returncode == 1 and result.stderr.startswith("stakewatch: data folder:")


def test_without_a_display_the_app_watches_in_the_terminal(tmp_path: Path, world: WorldServer):
    import signal
    import time

    world.routes["/f.rss"] = Route(rss([{"title": "Sora 2 news", "link": world.url("/n")}]))
    config = tmp_path / "c.json"
    config.write_text(json.dumps({"version": 1, "watchlists": [{"name": "W", "entities": [{"name": "Sora 2"}]}],
                                  "sources": [{"name": "F", "kind": "feed", "url": world.url("/f.rss")}]}))
    data = tmp_path / "d"
    assert cli(data, "import", str(config)).returncode == 0
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    process = subprocess.Popen([sys.executable, "-m", "stakewatch", "--data-dir", str(data)], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 30
        while world.hits["/f.rss"] == 0 and time.monotonic() < deadline:
            time.sleep(0.1)
        time.sleep(0.5)
        process.send_signal(signal.SIGTERM)
        out, err = process.communicate(timeout=30)
    finally:
        process.kill()
    assert process.returncode == 0, err
    assert "no display" in err and "Sora 2 news" in out


def test_the_cli_follows_a_japanese_locale_and_json_keeps_its_keys(tmp_path: Path, world: WorldServer,
                                                                    world_config: Path):
    data = tmp_path / "home"
    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    env.update({"STAKEWATCH_HOME": str(data), "LANG": "ja_JP.UTF-8"})
    imported = cli(None, "import", str(world_config), env=env)
    assert imported.returncode == 0 and "を読み込みました" in imported.stdout, imported.stdout
    polled = cli(None, "poll", "--once", env=env)
    assert "情報源" in polled.stdout and "障害: Down: サーバーの応答: 503（Service Unavailable）" in polled.stdout
    table = cli(None, "sources", env=env).stdout
    assert "状態" in table and "障害" in table and "正常" in table
    sources = {s["name"]: s for s in json.loads(cli(None, "sources", "--json", env=env).stdout)}
    assert sources["Down"]["status"] == "failing" and sources["Digital Agency"]["status"] == "ok"
    alerts = json.loads(cli(None, "alerts", "--json", env=env).stdout)
    assert {a["kind"] for a in alerts} == {"statement", "coverage"}
    refused = cli(None, "settings", "nope", env=env)
    assert refused.returncode == 1 and "「nope」という設定項目はありません" in refused.stderr
    english = cli(None, "sources", env={**env, "LANG": "en_US.UTF-8"}).stdout
    assert "server answered 503" in english and "サーバー" not in english


def test_the_reader_language_names_the_minister_while_json_keeps_the_key(tmp_path: Path, world: WorldServer,
                                                                      world_config: Path):
    document = json.loads(world_config.read_text(encoding="utf-8"))
    document["watchlists"][0]["entities"][0]["names"] = {"ja": "平将明", "ko": "다이라 마사아키"}
    world_config.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    data = tmp_path / "home"
    base = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    english, japanese = ({**base, "STAKEWATCH_HOME": str(data), "LANG": lang}
                         for lang in ("en_US.UTF-8", "ja_JP.UTF-8"))
    assert cli(None, "import", str(world_config), env=english).returncode == 0
    assert cli(None, "poll", "--once", env=english).returncode == 0
    rows = [line.split("  Digital minister")[0] for line in cli(None, "alerts", env=japanese).stdout.splitlines()]
    assert any(row.endswith("平将明") for row in rows) and not any("Masaaki" in row for row in rows)
    rows = [line.split("  Digital minister")[0] for line in cli(None, "alerts", env=english).stdout.splitlines()]
    assert any(row.endswith("Masaaki Taira") for row in rows)
    for env, label in ((japanese, "平将明"), (english, "Masaaki Taira")):
        alerts = {a["entity"]: a for a in json.loads(cli(None, "alerts", "--json", env=env).stdout)}
        assert alerts["Masaaki Taira"]["entity_label"] == label
        assert alerts["Sora 2"]["entity_label"] == "Sora 2"  # no names: the name
    (story,) = json.loads(cli(None, "stories", "--json", env=japanese).stdout)
    assert story["entities"] == ["Masaaki Taira", "Sora 2"] and story["entity_labels"] == ["平将明", "Sora 2"]
    assert "平将明*" in cli(None, "stories", env=japanese).stdout
    exported = tmp_path / "out.json"
    assert cli(None, "export", str(exported), env=english).returncode == 0
    assert json.loads(exported.read_text(encoding="utf-8"))["watchlists"][0]["entities"][0]["names"] == \
        {"ja": "平将明", "ko": "다이라 마사아키"}
