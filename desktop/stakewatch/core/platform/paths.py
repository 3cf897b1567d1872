"""Where Stakewatch keeps its files.

One data dir holds everything: `--data-dir` wins, then `STAKEWATCH_HOME`, then the
platform's user data dir (platformdirs).
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from ..i18n import translate
from ..model import UserError
from .os_words import os_reason

APP_NAME = "Stakewatch"
ENV_HOME = "STAKEWATCH_HOME"


DATA_FOLDER = translate("Paths", "Data folder")
CANNOT_CREATE = translate("Paths", "cannot create {path}: {reason}")
NOT_WRITABLE = translate("Paths", "{path} is not writable")


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """Resolve and create the data dir. Any thread. Raises UserError if it cannot be made."""
    chosen = override or os.environ.get(ENV_HOME) or platformdirs.user_data_dir(
        APP_NAME, appauthor=False
    )
    path = Path(chosen).expanduser()
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(DATA_FOLDER, CANNOT_CREATE(path=str(path), reason=os_reason(exc))) from exc
    if not os.access(path, os.W_OK):
        raise UserError(DATA_FOLDER, NOT_WRITABLE(path=str(path)))
    return path


def database_path(root: Path) -> Path:
    return root / "stakewatch.db"
