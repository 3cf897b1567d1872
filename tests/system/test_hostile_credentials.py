"""Credentials from a real Secret Service stay with their origin and appear in no output."""

from __future__ import annotations

import json
from pathlib import Path

from recorder import Answer, RecordingServer
from test_credentials import cli, everything_written

from feedworld import Route, WorldServer, rss

KEY = " k3y-lead-space-5521"  # pasted with a leading space
TOKEN = "tok-redirect-88f0e2"


def test_keys_stay_home_and_never_show(secret_service, world: WorldServer, tmp_path: Path):
    env = secret_service.env
    elsewhere = RecordingServer().start()
    try:
        world.routes["/moved.rss"] = Route(behaviour="redirect", redirect_to=elsewhere.url("/landing.rss"))
        elsewhere.answers["/landing.rss"] = Answer(200, rss([{"title": "Sora 2 note", "link": "http://x.invalid/1"}]),
                                                   {"Content-Type": "application/rss+xml"})
        world.routes["/keyed.rss"] = Route(rss([]))
        config = tmp_path / "c.json"
        config.write_text(json.dumps({"version": 1, "watchlists": [{"name": "W", "entities": [{"name": "Sora 2"}]}],
                                      "sources": [
                                          {"name": "Moved", "url": world.url("/moved.rss"),
                                           "options": {"credential": "moved-token", "auth": "bearer"}},
                                          {"name": "Keyed", "url": world.url("/keyed.rss"),
                                           "options": {"credential": "spaced-key", "auth": "header",
                                                       "header": "X-Api-Key"}}]}))
        data = tmp_path / "data"
        assert cli(data, env, "import", str(config)).returncode == 0
        assert cli(data, env, "credential", "moved-token", stdin=TOKEN + "\n").returncode == 0
        assert cli(data, env, "credential", "spaced-key", stdin=KEY + "\n").returncode == 0
        outputs = [cli(data, env, "poll", "--once"), cli(data, env, "sources"), cli(data, env, "sources", "--json"),
                   cli(data, env, "diagnostics")]
        assert "failing: Keyed: the credential has spaces at its ends" in outputs[0].stdout, outputs[0].stdout
        assert [path for path, _ in elsewhere.seen] == ["/landing.rss"]
        assert "authorization" not in elsewhere.seen[0][1]
        for output in outputs:
            assert output.returncode == 0, output.stderr
            for secret in (KEY.strip(), TOKEN):
                assert secret not in output.stdout + output.stderr
        written = everything_written(data)
        assert KEY.strip().encode() not in written and TOKEN.encode() not in written
    finally:
        elsewhere.stop()
