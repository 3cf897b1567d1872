"""Source credentials in a real Secret Service: used for requests, found nowhere else."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from feedworld import Route, WorldServer, rss

TOKEN = "sk-live-7f3a9c0e51d24b8e"


def cli(data: Path, env: dict[str, str], *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "stakewatch", "--data-dir", str(data), *args], input=stdin,
                          capture_output=True, text=True, timeout=120, env=env)


def everything_written(*roots: Path) -> bytes:
    blob = b""
    for root in roots:
        for path in root.rglob("*"):
            if path.is_file():
                blob += path.read_bytes()
    return blob


def test_bearer_token_from_the_keyring_and_nowhere_else(secret_service, world: WorldServer, tmp_path: Path):
    env = secret_service.env
    world.routes["/private.rss"] = Route(rss([{"title": "Sora 2 licensing memo", "link": world.url("/memo")}]),
                                         require={"Authorization": f"Bearer {TOKEN}"})
    config = tmp_path / "c.json"
    config.write_text(json.dumps({"version": 1, "watchlists": [{"name": "W", "entities": [{"name": "Sora 2"}]}],
                                  "sources": [{"name": "Wire API", "kind": "feed", "url": world.url("/private.rss"),
                                               "options": {"credential": "wire-api", "auth": "bearer"}}]}))
    data = tmp_path / "data"
    assert cli(data, env, "import", str(config)).returncode == 0
    first = cli(data, env, "poll", "--once")
    assert "failing: Wire API: the credential 'wire-api' is not in the keyring" in first.stdout
    stored = cli(data, env, "credential", "wire-api", stdin=TOKEN + "\n")
    assert stored.returncode == 0, stored.stderr
    assert stored.stderr.startswith("Waiting for your keyring")  # said before a keyring prompt may appear
    from test_channels import keyring_entries

    assert [entry["service"].split()[:2] for entry in keyring_entries(env, "wire-api")] == [["Stakewatch", "source"]]
    second = cli(data, env, "poll", "--once", "--force")
    assert "1 new alerts" in second.stdout, second.stdout
    export = tmp_path / "export.json"
    outputs = [cli(data, env, "export", str(export)), cli(data, env, "sources", "--json"),
               cli(data, env, "alerts", "--json"), first, second, stored]
    assert json.loads(export.read_text())["sources"][0]["options"] == {"credential": "wire-api", "auth": "bearer"}
    assert TOKEN.encode() not in everything_written(data, export.parent / "data")
    assert TOKEN not in export.read_text()
    assert all(TOKEN not in o.stdout + o.stderr for o in outputs)


def test_wrong_token_is_a_401_in_words(secret_service, world: WorldServer, tmp_path: Path):
    env = secret_service.env
    world.routes["/private.rss"] = Route(rss([]), require={"Authorization": f"Bearer {TOKEN}"})
    config = tmp_path / "c.json"
    config.write_text(json.dumps({"version": 1, "sources": [
        {"name": "Wire API", "kind": "feed", "url": world.url("/private.rss"),
         "options": {"credential": "old-key"}}]}))
    data = tmp_path / "data"
    cli(data, env, "import", str(config))
    cli(data, env, "credential", "old-key", stdin="expired-key\n")
    result = cli(data, env, "poll", "--once")
    assert "failing: Wire API: server answered 401 (Unauthorized)" in result.stdout
    assert "expired-key" not in result.stdout + result.stderr


def test_no_secure_keyring_means_the_secret_is_refused(tmp_path: Path):
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    result = cli(tmp_path / "data", env, "credential", "wire-api", stdin=TOKEN + "\n")
    assert result.returncode == 1
    assert "no system keyring is available" in result.stderr and "the secret was not stored" in result.stderr
    assert TOKEN.encode() not in everything_written(tmp_path)


def test_secrets_in_a_source_are_refused_on_import(tmp_path: Path):
    config = tmp_path / "c.json"
    config.write_text(json.dumps({"version": 1, "sources": [
        {"name": "X", "kind": "feed", "url": "https://example.org/x",
         "options": {"credential": "x", "token": TOKEN}}]}))
    result = cli(tmp_path / "data", dict(os.environ), "import", str(config))
    assert result.returncode == 1 and "secrets belong in the keyring" in result.stderr
    assert TOKEN not in result.stderr
