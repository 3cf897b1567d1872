"""A team on one PostgreSQL: `server init`, users, `--server` desks, two `server run` pollers, `watch`.

Runs against the throwaway cluster of tests/pgcluster.py (a real PostgreSQL, unix socket only)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from feedworld import Route, WorldServer, rss

pytestmark = pytest.mark.slow


def cli(data: Path, *args: str, stdin: str | None = None, server: str | None = None,
        timeout: float = 90) -> subprocess.CompletedProcess[str]:
    env = {**os.environ}
    env.pop("STAKEWATCH_SERVER", None)
    if server:
        env["STAKEWATCH_SERVER"] = server
    return subprocess.run([sys.executable, "-m", "stakewatch", "--data-dir", str(data), *args], input=stdin,
                          capture_output=True, text=True, timeout=timeout, env=env)


class Running:
    """A `stakewatch` process whose output lines are collected as they come; killed by its pid."""

    def __init__(self, data: Path, *args: str, server: str | None = None) -> None:
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        env.pop("STAKEWATCH_SERVER", None)
        if server:
            env["STAKEWATCH_SERVER"] = server
        self.process = subprocess.Popen([sys.executable, "-m", "stakewatch", "--data-dir", str(data), *args],
                                        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
        self.lines: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.append(line)

    @property
    def text(self) -> str:
        return "".join(self.lines)

    def wait_for(self, words: str, seconds: float) -> bool:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if words in self.text:
                return True
            if self.process.poll() is not None:
                time.sleep(0.2)
                return words in self.text
            time.sleep(0.05)
        return False

    def kill(self, signum: int = signal.SIGKILL) -> None:
        if self.process.poll() is None:
            os.kill(self.process.pid, signum)
        self.process.wait(timeout=30)


def _world(world: WorldServer, count: int = 3) -> dict[str, object]:
    sources = []
    for n in range(count):
        path = f"/team/{n}.xml"
        world.routes[path] = Route(rss([{"title": f"OpenAI statement {n}", "link": f"http://127.0.0.1/a/{n}",
                                         "guid": f"g{n}", "pubDate": "Fri, 10 Oct 2025 09:00:00 +0000"}]))
        sources.append({"name": f"Feed {n}", "kind": "feed", "url": world.url(path), "interval_minutes": 5})
    return {"watchlists": [{"name": "AI", "entities": [{"name": "OpenAI", "kind": "company"}]}],
            "sources": sources}


@pytest.fixture
def team(pg_cluster: object, tmp_path: Path) -> Iterator[dict[str, str]]:
    url = pg_cluster.new_database()  # type: ignore[attr-defined]
    database = url.split("@/", 1)[1].split("?", 1)[0]
    admin = tmp_path / "admin"
    made = cli(admin, "server", "init", url)
    assert made.returncode == 0, made.stderr
    assert "stakewatch_reader" in made.stdout
    for name, role in (("alice", "editor"), ("bob", "reader")):
        added = cli(admin, "--server", url, "server", "add-user", name, "--role", role, stdin="s3cret\n")
        assert added.returncode == 0, added.stderr
    yield {"admin": url, "alice": pg_cluster.url(database, "alice", "s3cret"),  # type: ignore[attr-defined]
           "bob": pg_cluster.url(database, "bob", "s3cret")}  # type: ignore[attr-defined]


def _alerts(data: Path, url: str) -> list[dict[str, object]]:
    done = cli(data, "alerts", "--json", server=url)
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in done.stdout.splitlines() if line.strip()] if not \
        done.stdout.lstrip().startswith("[") else json.loads(done.stdout)


@pytest.mark.timeout(300)
def test_a_team_shares_one_poller_notes_with_authors_and_rights_kept_by_the_database(
        team: dict[str, str], world: WorldServer, tmp_path: Path):
    world_file = tmp_path / "world.json"
    world_file.write_text(json.dumps(_world(world)), encoding="utf-8")
    first = Running(tmp_path / "p1", "server", "run", team["admin"])
    second = Running(tmp_path / "p2", "server", "run", team["admin"])
    try:
        assert first.wait_for("Polling", 30) or second.wait_for("Polling", 30)
        leader, spare = (first, second) if "Polling" in first.text else (second, first)
        assert spare.wait_for("waiting to take over", 30)
        # the editor's import reaches the running poller: its new sources are polled at once
        imported = cli(tmp_path / "alice", "import", str(world_file), server=team["alice"])
        assert imported.returncode == 0, imported.stderr
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and len(_alerts(tmp_path / "bob", team["bob"])) < 3:
            time.sleep(0.5)
        for n in range(3):
            assert world.hits[f"/team/{n}.xml"] == 1

        mine, theirs = _alerts(tmp_path / "alice", team["alice"]), _alerts(tmp_path / "bob", team["bob"])
        after = cli(tmp_path / "bob", "alerts", "--json", "--server", team["bob"])  # global, after the command
        assert after.returncode == 0 and sorted(a["id"] for a in json.loads(after.stdout)) == sorted(
            a["id"] for a in theirs)
        assert sorted(a["id"] for a in mine) == sorted(a["id"] for a in theirs) and len(mine) == 3
        assert all(a["note_by"] is None for a in theirs)

        target = mine[0]["id"]
        noted = cli(tmp_path / "alice", "note", str(target), "Check", "with", "legal", server=team["alice"])
        assert noted.returncode == 0, noted.stderr
        seen = {a["id"]: a for a in _alerts(tmp_path / "bob", team["bob"])}
        assert seen[target]["note"] == "Check with legal" and seen[target]["note_by"] == "alice"

        # a reader may tag and flag, and keep its note: the database says so
        assert cli(tmp_path / "bob", "flag", str(target), server=team["bob"]).returncode == 0
        # a reader's import is refused by PostgreSQL, in words, and changes nothing
        more = _world(world, 4)
        more["watchlists"] = [{"name": "Bob's", "entities": [{"name": "Sora", "kind": "product"}]}]
        world_file.write_text(json.dumps(more), encoding="utf-8")
        refused = cli(tmp_path / "bob", "import", str(world_file), server=team["bob"])
        assert refused.returncode != 0
        assert "refused" in refused.stderr and "nothing was changed" in refused.stderr
        with psycopg.connect(team["admin"]) as conn:
            assert conn.execute("SELECT count(*) FROM watchlists").fetchone()[0] == 1
            assert conn.execute("SELECT count(*) FROM sources").fetchone()[0] == 3

        # a reader's watch prints an alert the server stores
        watcher = Running(tmp_path / "bob", "watch", server=team["bob"])
        try:
            assert watcher.wait_for("Watching the team database", 30)
            world.routes["/team/1.xml"] = Route(rss([
                {"title": "OpenAI answers the minister", "link": "http://127.0.0.1/a/new", "guid": "new",
                 "pubDate": "Sat, 11 Oct 2025 09:00:00 +0000"}]))
            leader.kill()  # the poller dies; the spare takes over and finds the new item, once
            assert spare.wait_for("Polling", 30)
            with psycopg.connect(team["admin"], autocommit=True) as conn:
                conn.execute("UPDATE sources SET next_check = NULL")  # due now, rather than in five minutes
            # the spare may have begun its wait before the update: it looks again within a minute
            assert watcher.wait_for("OpenAI answers the minister", 150), watcher.text
        finally:
            watcher.kill(signal.SIGTERM)
        assert watcher.text.count("OpenAI answers the minister") == 1
        assert "OpenAI statement 0" not in watcher.text  # what was there before the desk attached is not news
        titles = [a["title"] for a in _alerts(tmp_path / "alice", team["alice"])]
        assert titles.count("OpenAI answers the minister") == 1
    finally:
        first.kill()
        second.kill()


def test_a_desk_is_copied_into_a_new_team_database(pg_cluster: object, world: WorldServer, tmp_path: Path):
    desk = tmp_path / "desk"
    world_file = tmp_path / "world.json"
    world_file.write_text(json.dumps(_world(world)), encoding="utf-8")
    assert cli(desk, "import", str(world_file)).returncode == 0
    assert cli(desk, "poll", "--once").returncode == 0
    before = _alerts(desk, "")
    url = pg_cluster.new_database()  # type: ignore[attr-defined]
    made = cli(tmp_path / "admin", "server", "init", url, "--from", str(desk))
    assert made.returncode == 0, made.stderr
    assert "3 alerts" in made.stdout
    after = _alerts(tmp_path / "admin", url)
    assert [(a["id"], a["title"]) for a in after] == [(a["id"], a["title"]) for a in before]
    # ids go on after the copied ones
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("INSERT INTO watchlists(name) VALUES ('Next')")
        assert conn.execute("SELECT id FROM watchlists WHERE name = 'Next'").fetchone()[0] == 2
