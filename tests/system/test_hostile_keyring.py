"""Keyring entries belong to their data folder and to their kind, through the real command and a real
Secret Service: two folders' channels of one name stay apart, a shared watchlist cannot bind a secret
the folder keeps, and an entry written before entries were scoped keeps working for its folder."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
from pathlib import Path

from receivers import JsonReceiver
from recorder import Answer, RecordingServer
from test_channels import cli, everything_written, keyring_entries

from feedworld import Route, WorldServer, rss

TOKEN = "wire-tok-5be1c0ffee42d7"
HOOK_PASSWORD = "hook-pw-31337-abcdef"


def _config(tmp_path: Path, name: str, sources: list[dict[str, object]]) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps({"version": 1, "watchlists": [{"name": "W", "entities": [{"name": "Sora 2"}]}],
                                "sources": sources}))
    return path


def test_two_data_folders_with_a_channel_of_one_name_stay_apart(secret_service, tmp_path: Path):
    env = secret_service.env
    receiver = JsonReceiver().start()
    first, second = tmp_path / "first", tmp_path / "second"
    try:
        assert cli(first, env, "channel", "add", "hook", stdin=receiver.url("/first") + "\n").returncode == 0
        assert cli(second, env, "channel", "add", "hook", stdin=receiver.url("/second") + "\n").returncode == 0
        assert cli(first, env, "channel", "test", "hook").returncode == 0
        assert cli(second, env, "channel", "test", "hook").returncode == 0
        assert (len(receiver.on("/first")), len(receiver.on("/second"))) == (1, 1)
        assert len(keyring_entries(env, "hook")) == 2
        first_report = cli(first, env, "diagnostics").stdout
        assert "channel URL 'hook': in the keyring" in first_report, first_report
        removed = cli(first, env, "channel", "remove", "hook")
        assert removed.returncode == 0, removed.stderr
        # the other folder's channel keeps its URL, and says so
        again = cli(second, env, "channel", "test", "hook")
        assert again.returncode == 0, again.stderr
        assert len(receiver.on("/second")) == 2 and len(receiver.on("/first")) == 1
        assert len(keyring_entries(env, "hook")) == 1
        assert "channel URL 'hook': in the keyring" in cli(second, env, "diagnostics").stdout
        assert "'hook'" not in cli(first, env, "diagnostics").stdout
        # a copy of a folder in use gets entries of its own: removing its channel leaves the original's
        copy = tmp_path / "copy"
        shutil.copytree(second, copy)
        assert cli(copy, env, "channel", "test", "hook").returncode == 0
        assert cli(copy, env, "channel", "remove", "hook").returncode == 0
        assert cli(second, env, "channel", "test", "hook").returncode == 0
        assert len(receiver.on("/second")) == 4
    finally:
        receiver.stop()


def test_a_shared_watchlist_cannot_bind_a_secret_the_folder_keeps(secret_service, world: WorldServer,
                                                                  tmp_path: Path):
    env = secret_service.env
    data = tmp_path / "data"
    hostile = RecordingServer().start()
    receiver = JsonReceiver(credentials=f"bot:{HOOK_PASSWORD}").start()
    try:
        world.routes["/wire.rss"] = Route(rss([]), require={"Authorization": f"Bearer {TOKEN}"})
        assert cli(data, env, "import", str(_config(tmp_path, "mine.json", [
            {"name": "Wire", "url": world.url("/wire.rss"), "options": {"credential": "wire-api"}}]))).returncode == 0
        assert cli(data, env, "credential", "wire-api", stdin=TOKEN + "\n").returncode == 0
        assert cli(data, env, "channel", "add", "team",
                   stdin=receiver.url("/team", "bot", HOOK_PASSWORD) + "\n").returncode == 0
        hostile.answers["/feed"] = Answer(200, rss([]), {"Content-Type": "application/rss+xml"})
        # a file naming the folder's source credential is refused, and says why; nothing is stored
        taking_key = cli(data, env, "import", str(_config(tmp_path, "shared.json", [
            {"name": "Shared", "url": hostile.url("/feed"), "options": {"credential": "wire-api"}}])))
        assert taking_key.returncode == 1
        assert "the credential 'wire-api' is already in this data folder's keyring" in taking_key.stderr
        assert "127.0.0.1" in taking_key.stderr and TOKEN not in taking_key.stderr
        assert [s["name"] for s in json.loads(cli(data, env, "sources", "--json").stdout)] == ["Wire"]
        # a channel's name is no source credential: the source gets nothing under it
        naming_channel = cli(data, env, "import", str(_config(tmp_path, "channel.json", [
            {"name": "Team feed", "url": hostile.url("/feed"), "options": {"credential": "team"}}])))
        assert naming_channel.returncode == 0, naming_channel.stderr
        polled = cli(data, env, "poll", "--once")
        assert "failing: Team feed: the credential 'team' is not in the keyring" in polled.stdout, polled.stdout
        assert "Wire: " not in polled.stdout.replace("Wire: 0", "")  # the folder's own source still works
        assert all("authorization" not in headers for _path, headers in hostile.seen), hostile.seen
        # re-importing the folder's own export binds nothing new: accepted
        export = tmp_path / "export.json"
        assert cli(data, env, "export", str(export)).returncode == 0
        text = export.read_text()
        export.write_text(json.dumps({**json.loads(text), "sources": [
            s for s in json.loads(text)["sources"] if s["name"] == "Wire"]}))
        again = cli(data, env, "import", str(export))
        assert again.returncode == 0, again.stderr
        written = everything_written(data)
        assert TOKEN.encode() not in written and HOOK_PASSWORD.encode() not in written
    finally:
        hostile.stop()
        receiver.stop()


def _secret_tool(env: dict[str, str], *args: str, stdin: str | None = None) -> str:
    done = subprocess.run(["secret-tool", *args], input=stdin, capture_output=True, text=True, env=env, timeout=30)
    assert done.returncode == 0, done.stderr
    return done.stdout


UNDO_LATER = ("DROP TABLE host_requests", "ALTER TABLE sources DROP COLUMN last_new",
              "ALTER TABLE sources DROP COLUMN feed_floor_minutes", "ALTER TABLE sources DROP COLUMN hub",
              "ALTER TABLE alerts DROP COLUMN note_by", "ALTER TABLE alerts DROP COLUMN flagged_by",
              "ALTER TABLE alert_tags DROP COLUMN added_by", "DROP TABLE websub_hubs")


def _as_before_the_upgrade(data: Path, env: dict[str, str]) -> None:
    """The folder as an earlier Stakewatch left it: its secrets in one unscoped namespace, no list."""
    for entry in keyring_entries(env, "wire-api") + keyring_entries(env, "hook"):
        _secret_tool(env, "store", "--label", "old entry", "service", "Stakewatch", "username", entry["username"],
                     stdin=entry["secret"])
        _secret_tool(env, "clear", "service", entry["service"], "username", entry["username"])
    from stakewatch.core.store.schema import MIGRATIONS

    conn = sqlite3.connect(data / "stakewatch.db")
    version = next(n for n, step in enumerate(MIGRATIONS) if "CREATE TABLE keyring_entries" in step)
    conn.execute("DROP TABLE keyring_entries")
    conn.execute("DELETE FROM settings WHERE key = 'keyring.scope'")
    for undo in UNDO_LATER:  # what later versions added, so that the file is as that version left it
        conn.execute(undo)
    conn.execute(f"PRAGMA user_version = {version}")
    conn.commit()
    conn.close()


def test_an_entry_from_before_the_upgrade_keeps_working_for_its_folder_only(secret_service, world: WorldServer,
                                                                            tmp_path: Path):
    env = secret_service.env
    receiver = JsonReceiver().start()
    old, other = tmp_path / "old", tmp_path / "other"
    try:
        world.routes["/wire.rss"] = Route(rss([]), require={"Authorization": f"Bearer {TOKEN}"})
        config = _config(tmp_path, "c.json", [{"name": "Wire", "url": world.url("/wire.rss"),
                                               "options": {"credential": "wire-api"}}])
        assert cli(old, env, "import", str(config)).returncode == 0
        assert cli(old, env, "credential", "wire-api", stdin=TOKEN + "\n").returncode == 0
        assert cli(old, env, "channel", "add", "hook", stdin=receiver.url("/old") + "\n").returncode == 0
        _as_before_the_upgrade(old, env)
        assert [e["service"] for e in keyring_entries(env, "hook")] == ["Stakewatch"]
        # another folder naming the same credential and channel gets neither
        assert cli(other, env, "import", str(config)).returncode == 0
        stranger = cli(other, env, "poll", "--once")
        assert "the credential 'wire-api' is not in the keyring" in stranger.stdout, stranger.stdout
        assert [e["service"] for e in keyring_entries(env, "hook")] == ["Stakewatch"]
        # the folder that used them: the channel and the source work, and their entries are now its own
        tested = cli(old, env, "channel", "test", "hook")
        assert tested.returncode == 0, tested.stderr
        assert len(receiver.on("/old")) == 1
        polled = cli(old, env, "poll", "--once", "--force")
        assert "1 ok" in polled.stdout or "ok (" in polled.stdout, polled.stdout
        assert "failing" not in polled.stdout.split("\n")[0] or "0 failing" in polled.stdout, polled.stdout
        assert [e["service"].split()[:2] for e in keyring_entries(env, "hook")] == [["Stakewatch", "channel"]]
        assert [e["service"].split()[:2] for e in keyring_entries(env, "wire-api")] == [["Stakewatch", "source"]]
        assert "channel URL 'hook': in the keyring" in cli(old, env, "diagnostics").stdout
    finally:
        receiver.stop()
