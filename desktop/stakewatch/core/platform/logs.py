"""Rotating log files under the data dir, with secrets redacted (the diagnostics report is the
service's: service/diagnostics.py).

`setup_logging` once per process (main thread); logging itself is thread-safe.
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from ..text import plain_line
from . import secrets

LOG_NAME = "stakewatch.log"
MAX_BYTES = 1024 * 1024
BACKUPS = 5


def remember_secrets(values: tuple[str, ...]) -> None:
    """Blank these in every log line, report and output from now on (a channel's URL and its parts).
    Any thread."""
    for value in values:
        secrets.remember(value)


def redact(text: str, known: tuple[str, ...] = ()) -> str:
    """`text` with credentials blanked and terminal controls removed, line breaks kept."""
    return "\n".join(plain_line(line) for line in secrets.redact(text, known).split("\n"))


class RedactingFormatter(logging.Formatter):
    """Every line without secrets (those given and those this process has seen) or terminal controls."""

    def __init__(self, known: tuple[str, ...] = ()) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s")
        self.known = known

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record), self.known)


def setup_logging(root: Path) -> Path | None:
    """Log to `<data dir>/logs/stakewatch.log`, rotated at 1 MiB, 5 kept. Returns the file's path,
    or None when the file cannot be written (then nothing is logged to a file; never raises).
    The secrets a folder keeps are remembered by those who read them (`remember_secrets`)."""
    folder = root / "logs"
    path = folder / LOG_NAME
    logger = logging.getLogger("stakewatch")
    for old in [h for h in logger.handlers if isinstance(h, logging.handlers.RotatingFileHandler)]:
        logger.removeHandler(old)
        old.close()
    logger.setLevel(logging.INFO)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS,
                                                       encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(RedactingFormatter())
    logger.addHandler(handler)
    return path


def log_tail(root: Path, lines: int) -> list[str]:
    """The last `lines` lines of the log file (none when there is no file)."""
    try:
        return (root / "logs" / LOG_NAME).read_text(encoding="utf-8", errors="replace").splitlines()[-lines:]
    except OSError:
        return []
