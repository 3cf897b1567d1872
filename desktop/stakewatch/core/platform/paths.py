"""Where Stakewatch keeps its files.

One data dir holds everything: `--data-dir` wins, then `STAKEWATCH_HOME`, then the
platform's user data dir (platformdirs).
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from ..model import UserError

APP_NAME = "Stakewatch"
ENV_HOME = "STAKEWATCH_HOME"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """Resolve and create the data dir. Any thread. Raises UserError if it cannot be made."""
    chosen = override or os.environ.get(ENV_HOME) or platformdirs.user_data_dir(
        APP_NAME, appauthor=False
    )
    path = Path(chosen).expanduser()
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError("Data folder", f"cannot create {path}: {exc.strerror}") from exc
    if not os.access(path, os.W_OK):
        raise UserError("Data folder", f"{path} is not writable")
    return path


def database_path(root: Path) -> Path:
    return root / "stakewatch.db"
