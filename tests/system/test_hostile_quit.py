"""SIGTERM and Quit cut the poll cycle in progress instead of waiting for its deadlines."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from feedworld import Route, WorldServer

pytest.importorskip("PySide6")


def setup_hanging(world: WorldServer, data: str, tmp_path: Path, extra: tuple[str, ...] = ()) -> None:
    world.routes["/hang"] = Route(behaviour="hang")
    config = tmp_path / "c.json"
    config.write_text(json.dumps({"version": 1, "watchlists": [{"name": "W", "entities": [{"name": "Kiuchi"}]}],
                                  "sources": [{"name": f"Hang {n}", "url": world.url(f"/hang?{n}")}
                                              for n in range(3)]}), encoding="utf-8")
    base = [sys.executable, "-m", "stakewatch", "--data-dir", data]
    subprocess.run([*base, "import", str(config)], check=True, capture_output=True, timeout=60)
    for key, value in (("fetch.read_timeout", "120"), ("fetch.deadline", "300")):
        subprocess.run([*base, "settings", key, value], check=True, capture_output=True, timeout=60)


def wait_for_hits(world: WorldServer, count: int) -> None:
    deadline = time.monotonic() + 30
    while sum(world.hits.values()) < count and time.monotonic() < deadline:
        time.sleep(0.05)
    assert sum(world.hits.values()) >= count


@pytest.mark.timeout(90)
@pytest.mark.parametrize("args", [(), ("watch",)])
def test_sigterm_mid_cycle_ends_the_process_promptly(world: WorldServer, tmp_path: Path, args: tuple[str, ...]):
    data = str(tmp_path / "data")
    setup_hanging(world, data, tmp_path)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    process = subprocess.Popen([sys.executable, "-m", "stakewatch", "--data-dir", data, *args],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        wait_for_hits(world, 1)  # one at a time per host: the first hangs
        process.send_signal(signal.SIGTERM)
        _out, err = process.communicate(timeout=15)  # the cycle's own deadline is 300 s
    finally:
        process.kill()
    assert process.returncode == 0, err
    assert "Traceback" not in err
