"""What a new user meets in the first hour, through the real command: alert numbers in the tables,
exports through links and into pipes, the demo keeping its data, argparse in Japanese."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from conftest import run_cli
from feedworld import Route, WorldServer, rss
from stakewatch.cli.wording import width

ARGPARSE_ENGLISH = ("usage:", "options:", "positional arguments", "show this help message and exit",
                    "invalid choice", "the following arguments are required", "unrecognized arguments",
                    "No such file or directory", "expected one argument", "error:", "invalid int value")


def _fill(tmp_path: Path, data_dir: Path, world: WorldServer) -> None:
    world.routes["/news.rss"] = Route(rss([
        {"title": "Minister Kiuchi on Sora 2", "link": world.url("/a")},
        {"title": "Kiuchi and Taira meet", "link": world.url("/b")}]))
    config = tmp_path / "c.json"
    config.write_text(json.dumps({"version": 1, "watchlists": [{"name": "W", "entities": [
        {"name": "Minoru Kiuchi", "kind": "official", "aliases": ["Kiuchi"]},
        {"name": "Masaaki Taira", "kind": "official", "aliases": ["Taira"]}]}],
        "sources": [{"name": "News", "kind": "feed", "url": world.url("/news.rss")}]}))
    assert run_cli(data_dir, "import", str(config)).code == 0
    assert run_cli(data_dir, "poll", "--once").code == 0


def test_the_alerts_table_shows_the_number_note_takes(tmp_path: Path, data_dir: Path, world: WorldServer):
    _fill(tmp_path, data_dir, world)
    alerts = json.loads(run_cli(data_dir, "alerts", "--json").out)
    lines = run_cli(data_dir, "alerts").out.splitlines()
    assert lines[0].split()[0] == "Alert"
    shown = {int(line.split()[0]): line for line in lines[1:] if line[:1].isdigit()}
    assert set(shown) == {a["id"] for a in alerts}
    taira = next(number for number, line in shown.items() if "Masaaki Taira" in line)
    assert run_cli(data_dir, "note", str(taira), "call", "back").code == 0
    noted = json.loads(run_cli(data_dir, "alerts", "--json").out)
    assert [a["entity"] for a in noted if a.get("note")] == ["Masaaki Taira"]


def test_stories_show_the_numbers_of_their_alerts(tmp_path: Path, data_dir: Path, world: WorldServer):
    _fill(tmp_path, data_dir, world)
    alerts = json.loads(run_cli(data_dir, "alerts", "--json").out)
    out = run_cli(data_dir, "stories").out
    assert out.splitlines()[0].split()[:3] == ["Published", "Story", "Alerts"]
    meeting = sorted(a["id"] for a in alerts if a["title"] == "Kiuchi and Taira meet")
    assert len(meeting) == 2
    assert ",".join(map(str, meeting)) in out


def test_export_through_a_symlink_writes_its_target_and_keeps_the_link(tmp_path: Path, data_dir: Path,
                                                                         world: WorldServer):
    _fill(tmp_path, data_dir, world)
    real = tmp_path / "kept" / "watchlists.json"
    real.parent.mkdir()
    real.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    assert run_cli(data_dir, "export", str(link)).code == 0
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert json.loads(real.read_text())["watchlists"][0]["name"] == "W"
    sheet = tmp_path / "alerts-link.csv"
    target = tmp_path / "kept" / "alerts.csv"
    sheet.symlink_to(target)  # dangling until written
    assert run_cli(data_dir, "alerts", "-o", str(sheet)).code == 0
    assert sheet.is_symlink() and "Kiuchi" in target.read_text(encoding="utf-8-sig")
    assert sorted(p.name for p in target.parent.iterdir()) == ["alerts.csv", "watchlists.json"]


def _read_fifo(path: Path, into: list[bytes]) -> threading.Thread:
    def read() -> None:
        with path.open("rb") as handle:
            into.append(handle.read())

    thread = threading.Thread(target=read, daemon=True)
    thread.start()
    return thread


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are a POSIX feature")
def test_export_into_a_fifo_writes_directly(tmp_path: Path, data_dir: Path, world: WorldServer):
    _fill(tmp_path, data_dir, world)
    for name, args in (("config.json", ("export",)), ("alerts.csv", ("alerts", "-o"))):
        fifo = tmp_path / name
        os.mkfifo(fifo)
        got: list[bytes] = []
        reader = _read_fifo(fifo, got)
        assert run_cli(data_dir, *args, str(fifo)).code == 0
        reader.join(timeout=30)
        assert got and b"Kiuchi" in got[0]
        assert fifo.is_fifo()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def _japanese() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    return {**env, "LANG": "ja_JP.UTF-8", "COLUMNS": "80"}


def _stakewatch(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "stakewatch", *args], env=env, capture_output=True,
                          text=True, timeout=120)


def test_japanese_help_and_errors_have_no_argparse_english(tmp_path: Path):
    env = _japanese()
    data = str(tmp_path / "d")
    runs = [["--help"], ["alerts", "--help"], ["channel", "add", "--help"], ["bogus"], ["import"],
            ["--data-dir", data, "alerts", "--bogus"], ["note", "abc"], ["alerts", "--format", "pdf"],
            ["--data-dir", data, "import", str(tmp_path / "missing.json")],
            ["--data-dir", data, "export", str(tmp_path / "no" / "folder.json")]]
    for args in runs:
        result = _stakewatch(args, env)
        text = result.stdout + result.stderr
        assert text.strip(), args
        found = [word for word in ARGPARSE_ENGLISH if word in text]
        assert found == [], (args, found, text)
        if "--help" in args:  # errors stay one line, however long the path they name
            assert max(width(line) for line in text.splitlines()) <= 80, text
    assert "使い方:" in _stakewatch(["--help"], env).stdout


def test_japanese_settings_fit_80_columns_and_say_on_off(tmp_path: Path):
    env = _japanese()
    result = _stakewatch(["--data-dir", str(tmp_path / "d"), "settings"], env)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert max(width(line) for line in lines) <= 80
    assert not re.search(r"\b(True|False)\b", result.stdout)
    assert re.search(r"^export\.atom_feeds\s+オン\s", result.stdout, re.MULTILINE)
    assert re.search(r"^pages\.warc\s+オフ\s", result.stdout, re.MULTILINE)


def _start_demo(data: Path) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    env.update(LANG="en_US.UTF-8", QT_QPA_PLATFORM="offscreen")
    return subprocess.Popen([sys.executable, "-m", "stakewatch", "--demo", "--data-dir", str(data)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _until_running(app: subprocess.Popen[str]) -> None:
    assert app.stdout is not None
    line = app.stdout.readline()
    assert "Stakewatch is running (demo)" in line, line + (app.stderr.read() if app.poll() is not None
                                                          and app.stderr else "")


def _stop(app: subprocess.Popen[str]) -> None:
    app.send_signal(signal.SIGTERM)
    try:
        app.communicate(timeout=60)
    finally:
        app.kill()


def test_a_flag_set_in_the_demo_survives_a_restart_of_the_demo_app(tmp_path: Path):
    pytest.importorskip("PySide6")
    data = tmp_path / "data"
    assert run_cli(data, "--demo", "poll", "--once").code == 0
    alerts = json.loads(run_cli(data, "--demo", "alerts", "--json").out)
    chosen = alerts[0]["id"]
    assert run_cli(data, "--demo", "flag", str(chosen)).code == 0
    assert run_cli(data, "--demo", "tag", str(chosen), "follow-up").code == 0
    for _start in range(2):
        app = _start_demo(data)
        try:
            _until_running(app)
        finally:
            _stop(app)
    flagged = json.loads(run_cli(data, "--demo", "alerts", "--json", "--flagged").out)
    assert [a["id"] for a in flagged] == [chosen]
    assert flagged[0]["tags"] == ["follow-up"]


def test_a_refused_import_lists_one_problem_a_line(tmp_path: Path, data_dir: Path):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"version": 1, "watchlists": [{"name": "W", "entities": [
        {"name": "A", "kind": "bogus"}, {"name": ""}]}],
        "sources": [{"name": "S", "kind": "feed", "url": "ftp://example.org/x"}]}))
    result = run_cli(data_dir, "import", str(bad))
    assert result.code == 1
    lines = result.err.strip().splitlines()
    assert lines[0].startswith("stakewatch: import refused: 3 problems")
    assert [line.split(":")[0].strip() for line in lines[1:]] == [
        "watchlists[0].entities[0].kind", "watchlists[0].entities[1].name", "sources[0].url"]


def _closed_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_the_poll_report_says_offline_instead_of_identical_failures(tmp_path: Path, data_dir: Path):
    sources = [{"name": f"Down {n}", "kind": "feed", "url": f"http://127.0.0.1:{_closed_port()}/feed{n}.rss"}
               for n in range(3)]
    config = tmp_path / "c.json"
    config.write_text(json.dumps({"version": 1, "watchlists": [{"name": "W", "entities": [{"name": "Sora 2"}]}],
                                  "sources": sources}))
    assert run_cli(data_dir, "import", str(config)).code == 0
    result = run_cli(data_dir, "poll", "--once")
    assert result.code == 0
    assert "seems to be offline" in result.out
    assert "failing: Down" not in result.out


def test_long_alert_lists_stream_with_their_numbers_too(tmp_path: Path, data_dir: Path, world: WorldServer,
                                                        monkeypatch: pytest.MonkeyPatch):
    import importlib

    alerts_command = importlib.import_module("stakewatch.cli.commands.alerts")
    _fill(tmp_path, data_dir, world)
    monkeypatch.setattr(alerts_command, "TABLE_AT_ONCE", 1)  # what a list longer than a table at once takes
    alerts = json.loads(run_cli(data_dir, "alerts", "--json").out)
    lines = run_cli(data_dir, "alerts").out.splitlines()
    assert lines[0].split()[:2] == ["Alert", "Published"]
    assert [int(line.split()[0]) for line in lines[1:]] == [a["id"] for a in alerts]


def test_reset_demo_forgets_the_demos_keyring_entries_and_no_others(secret_service, tmp_path: Path):
    from test_channels import keyring_entries

    env = {**secret_service.env, "LANG": "en_US.UTF-8"}

    def cli(data: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "stakewatch", "--data-dir", str(data), *args], input=stdin,
                              capture_output=True, text=True, timeout=120, env=env)

    demo_data, own = tmp_path / "data", tmp_path / "own"
    assert cli(demo_data, "--demo", "channel", "add", "hook", stdin="json://127.0.0.1:9/demo\n").returncode == 0
    assert cli(own, "channel", "add", "hook", stdin="json://127.0.0.1:9/own\n").returncode == 0
    assert len(keyring_entries(env, "hook")) == 2
    reset = subprocess.run([sys.executable, "-c",
                            "import sys; from pathlib import Path; "
                            "from stakewatch.core import claim_demo_dir, reset_demo_dir; "
                            "folder, lock = claim_demo_dir(Path(sys.argv[1])); reset_demo_dir(folder, lock)",
                            str(demo_data)], capture_output=True, text=True, timeout=120, env=env)
    assert reset.returncode == 0, reset.stderr
    assert len(keyring_entries(env, "hook")) == 1  # the other folder's entry stays
    assert "hook" in cli(own, "channel", "list").stdout
    assert "No channels" in cli(demo_data, "--demo", "channel", "list").stdout


def test_the_japanese_offline_report_gives_its_reason_in_japanese(tmp_path: Path):
    from stakewatch.core.fetching.errors import CONNECTION_REFUSED
    from stakewatch.core.i18n import use_language

    sources = [{"name": f"Down {n}", "kind": "feed", "url": f"http://127.0.0.1:{_closed_port()}/feed{n}.rss"}
               for n in range(3)]
    config = tmp_path / "c.json"
    config.write_text(json.dumps({"version": 1, "watchlists": [{"name": "W", "entities": [{"name": "Sora 2"}]}],
                                  "sources": sources}))
    env, data = _japanese(), str(tmp_path / "d")
    assert _stakewatch(["--data-dir", data, "import", str(config)], env).returncode == 0
    result = _stakewatch(["--data-dir", data, "poll", "--once"], env)
    assert result.returncode == 0, result.stderr
    with use_language("ja"):
        reason = CONNECTION_REFUSED(host="\u2026").render()
    said = "".join(line.strip() for line in result.stdout.splitlines())
    assert "オフライン" in said and reason in said
    assert "connection refused" not in said and "could not connect" not in said
    assert max(width(line) for line in result.stdout.splitlines()) <= 80, result.stdout  # the summary too


def test_the_borrowed_demo_notice_fits_80_columns(tmp_path: Path):
    env = _japanese()
    holder = subprocess.Popen([sys.executable, "-c",
                               "import sys; from pathlib import Path; "
                               "from stakewatch.core.platform.demo import claim_demo_dir; "
                               "folder, lock = claim_demo_dir(Path(sys.argv[1])); print('held', flush=True); "
                               "sys.stdin.read()", str(tmp_path)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        result = _stakewatch(["--data-dir", str(tmp_path), "--demo", "alerts"], env)
        assert "デモ" in result.stderr, result.stderr
        assert max(width(line) for line in result.stderr.splitlines()) <= 80, result.stderr
    finally:
        os.kill(holder.pid, signal.SIGTERM)
        holder.wait(timeout=30)


def test_a_broken_json_import_says_what_is_wrong_in_japanese(tmp_path: Path):
    env, data = _japanese(), str(tmp_path / "d")
    broken = {"comma": '{"version": 1,\n "watchlists": [{"name": "W"} {"name": "X"}]}',
              "colon": '{"version" 1}', "open": '{"version": 1, "watchlists": [{"name": "W}]}',
              "extra": '{"version": 1} trailing', "trailing": '{"version": 1,}'}
    for name, text in broken.items():
        path = tmp_path / f"{name}.json"
        path.write_text(text, encoding="utf-8")
        result = _stakewatch(["--data-dir", data, "import", str(path)], env)
        said = result.stdout + result.stderr
        assert result.returncode == 1, said
        assert "行" in said and "JSON" in said, said
        assert not any(word in said for word in ("Expecting", "delimiter", "Unterminated", "Extra data",
                                                 "line ", "column")), (name, said)


def test_every_json_refusal_python_gives_has_words_of_our_own():
    from stakewatch.core.exchange.fields import JSON_OTHER, json_reason

    samples = ['{"a" 1}', '{"a": 1 "b": 2}', '{a: 1}', "[", '"abc', '"a\tb"', '"\\q"', '"\\u12"', "{} x",
               '{"a": 1,}', "[1,]", ""]
    for sample in samples:
        with pytest.raises(json.JSONDecodeError) as caught:
            json.loads(sample)
        assert json_reason(caught.value) is not JSON_OTHER, (sample, caught.value.msg)
