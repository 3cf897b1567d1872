"""Channels end to end: the real `stakewatch` command, a real Secret Service, real receivers on loopback."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest
from receivers import JsonReceiver, SmtpReceiver, free_port, wait_until

from feedworld import Route, WorldServer, rss

USER, PASSWORD = "team-bot", "p@ss:w0rd/7Qx"
QUOTED_PASSWORD = "p%40ss%3Aw0rd%2F7Qx"
FRESH_URL = "https://www.digital.go.jp/speech/minister-251010"


def cli(data: Path, env: dict[str, str], *args: str, stdin: str | None = None,
        timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "stakewatch", "--data-dir", str(data), *args], input=stdin,
                          capture_output=True, text=True, timeout=timeout, env=env)


def everything_written(*roots: Path) -> bytes:
    return b"".join(p.read_bytes() for root in roots for p in root.rglob("*") if p.is_file())


def world_with_one_fresh_statement(world: WorldServer, tmp_path: Path, old: int = 40) -> Path:
    now = datetime.now(UTC)
    long_ago = now - timedelta(days=40)
    minister = [{"title": "平デジタル大臣記者会見（令和7年10月10日）Sora 2 と著作権について",
                 "link": FRESH_URL, "guid": FRESH_URL, "pubDate": format_datetime(now - timedelta(minutes=20))}]
    minister += [{"title": f"平デジタル大臣記者会見（令和7年{1 + i % 9}月{1 + i % 27}日）",
                  "link": f"https://www.digital.go.jp/speech/minister-old-{i}", "guid": f"old-{i}",
                  "pubDate": format_datetime(long_ago - timedelta(days=i))} for i in range(old)]
    news = [{"title": f"Digital minister Masaaki Taira on data strategy, part {i}",
             "link": f"https://news.example.jp/2025/08/taira-{i}", "guid": f"news-{i}",
             "pubDate": format_datetime(long_ago - timedelta(hours=i))} for i in range(old)]
    world.routes["/minister.rss"] = Route(rss(minister, "デジタル庁 大臣会見"))
    world.routes["/news.rss"] = Route(rss(news, "Japan tech wire"))
    config = tmp_path / "world.json"
    config.write_text(json.dumps({"version": 1, "watchlists": [
        {"name": "Japan AI & IP", "entities": [
            {"name": "Masaaki Taira", "kind": "official", "aliases": ["平将明", "平デジタル大臣", "Taira"],
             "context": ["minister", "digital", "大臣"]}]},
        {"name": "Other", "entities": [{"name": "Kingdom Hearts", "kind": "product"}]}],
        "sources": [{"name": "Digital Agency minister", "kind": "feed", "url": world.url("/minister.rss"),
                     "official_for": ["Masaaki Taira"]},
                    {"name": "Japan tech wire", "kind": "feed", "url": world.url("/news.rss")}]},
        ensure_ascii=False))
    return config


@pytest.fixture
def receiver():
    server = JsonReceiver(credentials=f"{USER}:{PASSWORD}").start()
    yield server
    server.stop()


def test_one_fresh_statement_reaches_the_team_once_and_the_secret_nowhere(
        secret_service, world: WorldServer, receiver: JsonReceiver, tmp_path: Path):
    env = secret_service.env
    data = tmp_path / "data"
    config = world_with_one_fresh_statement(world, tmp_path)
    assert cli(data, env, "import", str(config)).returncode == 0
    assert cli(data, env, "settings", "poll.host_spacing", "0").returncode == 0  # one loopback host serves all
    team_url = receiver.url("/team", USER, QUOTED_PASSWORD)
    statements_url = receiver.url("/statements", USER, QUOTED_PASSWORD)
    closed = free_port()
    broken_url = f"json://{USER}:{QUOTED_PASSWORD}@127.0.0.1:{closed}/hook"
    added = [cli(data, env, "channel", "add", "team", "--watchlist", "Japan AI & IP", stdin=team_url + "\n"),
             cli(data, env, "channel", "add", "press", "--only", "statements", stdin=statements_url + "\n"),
             cli(data, env, "channel", "add", "broken", stdin=broken_url + "\n")]
    assert all(r.returncode == 0 for r in added), [r.stderr for r in added]

    first = cli(data, env, "poll", "--once", "--notify")
    assert first.returncode == 0, first.stderr
    team = receiver.on("/team")
    assert len(team) == 1, team
    message = team[0]
    assert message["auth"] == f"{USER}:{PASSWORD}"
    assert FRESH_URL in message["json"]["message"]
    assert "Masaaki Taira" in message["json"]["title"] + message["json"]["message"]
    assert "minister-old" not in json.dumps(receiver.received) and "news.example.jp" not in json.dumps(
        receiver.received)
    press = receiver.on("/statements")
    assert len(press) == 1 and FRESH_URL in press[0]["json"]["message"]
    assert "Coverage" not in press[0]["json"]["title"]

    second = cli(data, env, "poll", "--once", "--notify", "--force")
    assert second.returncode == 0
    assert len(receiver.on("/team")) == 1 and len(receiver.on("/statements")) == 1

    listed = cli(data, env, "channel", "list", "--json")
    rows = {row["name"]: row for row in json.loads(listed.stdout)}
    assert set(rows["team"]) >= {"name", "watchlists", "only", "status", "last_success", "last_error", "pending"}
    assert rows["team"]["last_error"] is None and rows["team"]["status"] == "ok" and rows["team"]["pending"] == 0
    assert rows["team"]["watchlists"] == ["Japan AI & IP"] and rows["press"]["only"] == "statements"
    assert "could not be reached" in rows["broken"]["last_error"]
    assert rows["broken"]["status"] == "failing" and rows["broken"]["pending"] == 1

    tested = cli(data, env, "channel", "test", "team")
    assert tested.returncode == 0, tested.stderr
    assert len(receiver.on("/team")) == 2 and "test" in receiver.on("/team")[1]["json"]["title"].lower()
    failed_test = cli(data, env, "channel", "test", "broken")
    assert failed_test.returncode == 1 and "could not be reached" in failed_test.stderr

    export = tmp_path / "out" / "export.json"
    export.parent.mkdir()
    outputs = [*added, first, second, listed, tested, failed_test, cli(data, env, "export", str(export)),
               cli(data, env, "diagnostics"), cli(data, env, "channel", "list"), cli(data, env, "alerts", "--json")]
    written = everything_written(data, export.parent)
    for secret in (PASSWORD, QUOTED_PASSWORD, team_url, broken_url):
        assert secret.encode() not in written
        assert all(secret not in o.stdout + o.stderr for o in outputs)


def keyring_entries(env: dict[str, str], username: str) -> list[dict[str, str]]:
    """Every item the Secret Service keeps for `username`, as attribute -> value (and "secret")."""
    found = subprocess.run(["secret-tool", "search", "--all", "--unlock", "username", username],
                           capture_output=True, text=True, env=env, timeout=30)
    entries: list[dict[str, str]] = []
    for line in (found.stdout + found.stderr).splitlines():
        if line.startswith("["):
            entries.append({})
        elif " = " in line and entries:
            key, _, value = line.partition(" = ")
            entries[-1][key.strip().removeprefix("attribute.")] = value
    return entries


def test_add_reads_stdin_refuses_bad_input_and_needs_no_network(secret_service, tmp_path: Path):
    env = secret_service.env
    data = tmp_path / "data"
    unreachable = f"json://bot:tok3n-9f8e7d@127.0.0.1:{free_port()}/down"
    assert cli(data, env, "channel", "add", "later", stdin=unreachable + "\n").returncode == 0
    again = cli(data, env, "channel", "add", "later", stdin=unreachable + "\n")
    assert again.returncode == 1 and "exists already" in again.stderr
    nonsense = cli(data, env, "channel", "add", "x", stdin="nonsense://hello\n")
    assert nonsense.returncode == 1 and "Apprise does not recognise" in nonsense.stderr
    assert "nonsense://hello" not in nonsense.stderr
    for port in ("99999", "0"):  # a port no socket can have is said at once, not at the first send
        beyond = cli(data, env, "channel", "add", "p", stdin=f"json://127.0.0.1:{port}/hook\n")
        assert beyond.returncode == 1 and "not a number from 1 to 65535" in beyond.stderr, beyond.stderr
    empty = cli(data, env, "channel", "add", "y", stdin="\n")
    assert empty.returncode == 1 and "no Apprise URL" in empty.stderr
    wrong = cli(data, env, "channel", "add", "z", "--watchlist", "Nope", stdin=unreachable + "\n")
    assert wrong.returncode == 1 and "no watchlist named 'Nope'" in wrong.stderr
    names = [row["name"] for row in json.loads(cli(data, env, "channel", "list", "--json").stdout)]
    assert names == ["later"]
    entries = keyring_entries(env, "later")
    assert [(entry["secret"], entry["service"].split()[:2]) for entry in entries] == \
        [(unreachable, ["Stakewatch", "channel"])]
    assert cli(data, env, "channel", "remove", "later").returncode == 0
    assert keyring_entries(env, "later") == []
    assert json.loads(cli(data, env, "channel", "list", "--json").stdout) == []


def test_no_secure_keyring_means_no_channel(tmp_path: Path):
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    url = "json://bot:tok3n-9f8e7d@127.0.0.1:9/x"
    result = cli(tmp_path / "data", env, "channel", "add", "team", stdin=url + "\n")
    assert result.returncode == 1 and "no system keyring is available" in result.stderr
    assert b"tok3n-9f8e7d" not in everything_written(tmp_path)
    assert json.loads(cli(tmp_path / "data", env, "channel", "list", "--json").stdout) == []


def test_killed_between_queueing_and_sending_loses_and_duplicates_nothing(
        secret_service, world: WorldServer, tmp_path: Path):
    env = secret_service.env
    data = tmp_path / "data"
    config = world_with_one_fresh_statement(world, tmp_path, old=3)
    assert cli(data, env, "import", str(config)).returncode == 0
    port = free_port()
    stall = socket.socket()
    stall.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    stall.bind(("127.0.0.1", port))
    stall.listen(8)  # accepts connections, never answers: the send hangs until we kill the process
    url = f"json://{USER}:{QUOTED_PASSWORD}@127.0.0.1:{port}/team"
    assert cli(data, env, "channel", "add", "team", stdin=url + "\n").returncode == 0
    process = subprocess.Popen([sys.executable, "-m", "stakewatch", "--data-dir", str(data), "poll", "--once",
                                "--notify"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        import sqlite3

        def queued() -> bool:
            try:
                with sqlite3.connect(data / "stakewatch.db", timeout=5) as conn:
                    return bool(conn.execute("SELECT COUNT(*) FROM outbox").fetchone()[0])
            except sqlite3.Error:
                return False

        assert wait_until(queued, 60)
        time.sleep(1.0)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
        stall.close()
    receiver = JsonReceiver(credentials=f"{USER}:{PASSWORD}", port=port).start()
    try:
        rows = json.loads(cli(data, env, "channel", "list", "--json").stdout)
        assert rows[0]["pending"] == 1
        assert cli(data, env, "poll", "--once", "--notify").returncode == 0
        assert len(receiver.on("/team")) == 1
        assert cli(data, env, "poll", "--once", "--notify", "--force").returncode == 0
        assert len(receiver.on("/team")) == 1
        assert json.loads(cli(data, env, "channel", "list", "--json").stdout)[0]["pending"] == 0
    finally:
        receiver.stop()


def test_email_digest_with_its_briefing_pdf_in_japanese(secret_service, world: WorldServer, tmp_path: Path):
    env = {**secret_service.env, "QT_QPA_PLATFORM": "offscreen", "LANGUAGE": "ja"}
    data = tmp_path / "data"
    config = world_with_one_fresh_statement(world, tmp_path, old=2)
    assert cli(data, env, "import", str(config)).returncode == 0
    smtp = SmtpReceiver().start()
    try:
        slot = (datetime.now() - timedelta(minutes=5)).strftime("%H:%M")
        added = cli(data, env, "channel", "add", "mail", "--digest", f"daily {slot}", "--digest-only",
                    stdin=smtp.url() + "\n")
        assert added.returncode == 0, added.stderr
        import sqlite3

        with sqlite3.connect(data / "stakewatch.db") as conn:  # the channel was added a day ago
            conn.execute("UPDATE channels SET last_digest = last_digest - 86400")
        first = cli(data, env, "poll", "--once", "--notify")
        assert first.returncode == 0, first.stderr
        assert wait_until(lambda: len(smtp.messages) >= 1)
        assert cli(data, env, "poll", "--once", "--notify").returncode == 0
        time.sleep(0.3)
        assert len(smtp.messages) == 1
        mail = smtp.messages[0]
        assert mail["Subject"].startswith("Stakewatch まとめ") and "アラート" in mail["Subject"]
        text = "".join(p.get_content() for p in mail.walk() if p.get_content_type() in ("text/plain", "text/html"))
        assert "Masaaki Taira" in text and FRESH_URL in text and "平デジタル大臣記者会見" in text
        html = "".join(p.get_content() for p in mail.walk() if p.get_content_type() == "text/html")
        assert f'href="{FRESH_URL}"' in html
        (pdf,) = [p for p in mail.walk() if p.get_content_type() == "application/pdf"]
        path = tmp_path / "digest.pdf"
        path.write_bytes(pdf.get_payload(decode=True))
        extracted = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, timeout=60).stdout
        assert "平デジタル大臣記者会見" in extracted and "Masaaki Taira" in extracted
        assert smtp.password.encode() not in everything_written(data)
    finally:
        smtp.stop()


def test_watch_delivers_in_the_background(secret_service, world: WorldServer, receiver: JsonReceiver,
                                          tmp_path: Path):
    env = secret_service.env
    data = tmp_path / "data"
    config = world_with_one_fresh_statement(world, tmp_path, old=2)
    assert cli(data, env, "import", str(config)).returncode == 0
    url = receiver.url("/team", USER, QUOTED_PASSWORD)
    assert cli(data, env, "channel", "add", "team", stdin=url + "\n").returncode == 0
    process = subprocess.Popen([sys.executable, "-m", "stakewatch", "--data-dir", str(data), "watch"], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        assert wait_until(lambda: len(receiver.on("/team")) == 1, 60)
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    assert FRESH_URL in receiver.on("/team")[0]["json"]["message"] and len(receiver.on("/team")) == 1
