"""The PyInstaller one-folder bundle: built from the spec, then run as a user would."""

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

pytest.importorskip("PyInstaller")
PROJECT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("bundle")
    result = subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--distpath", str(work / "dist"),
                             "--workpath", str(work / "build"), str(PROJECT / "installer" / "stakewatch.spec")],
                            capture_output=True, text=True, timeout=600, cwd=PROJECT)
    assert result.returncode == 0, result.stderr[-3000:]
    return work / "dist" / "stakewatch"


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_bundle_runs_version_poll_and_tray(bundle: Path, world: WorldServer, tmp_path: Path):
    exe = bundle / "stakewatch"
    from stakewatch import __version__

    version = subprocess.run([str(exe), "--version"], capture_output=True, text=True, timeout=60)
    assert version.returncode == 0 and version.stdout.strip() == f"stakewatch {__version__}"
    assert (bundle / "_internal" / "stakewatch" / "resources" / "default-watchlist.json").exists()
    assert (bundle / "_internal" / "stakewatch" / "resources" / "translations" / "stakewatch_ja.ts").exists()
    from stakewatch.core.platform.licences import runtime_requirements

    shipped = {p.name.split("-")[0].lower().replace("_", "-") for p in (bundle / "_internal").glob("*.dist-info")}
    needed = {name.lower().replace("_", "-") for name in ["stakewatch", *runtime_requirements()]}
    assert needed <= shipped, needed - shipped  # the About box reads their versions and licences

    world.routes["/feed.rss"] = Route(rss([{"title": "OpenAI ships Sora 2 in Japan", "link": world.url("/a")}]))
    config = tmp_path / "c.json"
    config.write_text(json.dumps({"version": 1, "watchlists": [{"name": "W", "entities": [{"name": "Sora 2"}]}],
                                  "sources": [{"name": "Wire", "kind": "feed", "url": world.url("/feed.rss")}]}))
    data = tmp_path / "data"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    assert subprocess.run([str(exe), "--data-dir", str(data), "import", str(config)], env=env,
                          capture_output=True, timeout=60).returncode == 0
    poll = subprocess.run([str(exe), "--data-dir", str(data), "poll", "--once"], env=env, capture_output=True,
                          text=True, timeout=120)
    assert poll.returncode == 0 and "1 new alerts" in poll.stdout, poll.stdout + poll.stderr
    alerts = json.loads(subprocess.run([str(exe), "--data-dir", str(data), "alerts", "--json"], env=env,
                                       capture_output=True, text=True, timeout=60).stdout)
    assert [a["entity"] for a in alerts] == ["Sora 2"]

    tray = subprocess.Popen([str(exe), "--data-dir", str(data)], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        time.sleep(4)
        assert tray.poll() is None, tray.stderr.read() if tray.stderr else ""
        tray.send_signal(signal.SIGTERM)
        out, err = tray.communicate(timeout=30)
    finally:
        tray.kill()
    assert tray.returncode == 0, err
    assert "Stakewatch is running" in out
