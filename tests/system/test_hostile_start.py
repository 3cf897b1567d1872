"""The tray app refuses to start, saying why, when the single-instance folder under $TMPDIR was made by
someone else (another user's, open to others, or a link): it could otherwise be silently disabled."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


@pytest.mark.parametrize("squat", ["open", "link", "other user"])
def test_a_squatted_instance_folder_stops_the_app_with_a_message(tmp_path: Path, squat: str):
    temp = tmp_path / "tmp"
    temp.mkdir()
    folder = temp / f"stakewatch-{os.getuid()}"
    if squat == "open":
        folder.mkdir()
        folder.chmod(0o777)
    elif squat == "link":
        (tmp_path / "elsewhere").mkdir(mode=0o700)
        folder.symlink_to(tmp_path / "elsewhere")
    else:
        if os.getuid() != 0:
            pytest.skip("making a folder owned by another user needs root")
        folder.mkdir(mode=0o700)
        os.chown(folder, 65534, 65534)
    env = {key: value for key, value in os.environ.items() if key != "XDG_RUNTIME_DIR"}
    env.update({"TMPDIR": str(temp), "QT_QPA_PLATFORM": "offscreen"})
    started = subprocess.run([sys.executable, "-m", "stakewatch", "--data-dir", str(tmp_path / "data")],
                             capture_output=True, text=True, timeout=60, env=env, stdin=subprocess.DEVNULL)
    assert started.returncode == 1, (started.stdout, started.stderr)
    assert "Stakewatch will not start" in started.stderr and str(folder) in started.stderr, started.stderr
    assert "Stakewatch is running" not in started.stdout
