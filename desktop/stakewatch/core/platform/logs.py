"""Rotating log files under the data dir, with secrets redacted, and the diagnostics report.

`setup_logging` once per process (main thread); logging itself is thread-safe.
"""

from __future__ import annotations

import contextlib
import logging
import logging.handlers
import platform
from collections.abc import Callable
from importlib import metadata
from pathlib import Path

from ... import __version__
from .. import settings
from ..model import UserError
from ..states import HealthStatus
from ..store.database import Store
from ..store.errors import DatabaseFailure, describe_sqlite_error
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


def setup_logging(root: Path, store: Store | None = None) -> Path | None:
    """Log to `<data dir>/logs/stakewatch.log`, rotated at 1 MiB, 5 kept. Returns the file's path,
    or None when the file cannot be written (then nothing is logged to a file; never raises)."""
    folder = root / "logs"
    path = folder / LOG_NAME
    if store is not None:
        with contextlib.suppress(Exception):  # a damaged database only means fewer known secrets
            from ..store.channels import channels_of
            from .credentials import vault

            entries = vault(store)
            names = {str(s.options.get("credential")) for s in store.sources()
                     if s.options.get("credential")}
            for name in names:
                entries.load(secrets.SOURCE, name)
            from ..delivery.channels import url_secrets

            for _, channel in channels_of(store):
                url = entries.load(secrets.CHANNEL, channel.name)
                if url:
                    remember_secrets(url_secrets(url))
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


def _section(report: list[str], title: str, lines: Callable[[], list[str]]) -> None:
    """Add a section; a failing database costs that section only, which says why."""
    try:
        report += lines()
    except (*DatabaseFailure, UserError) as exc:
        reason = exc.message if isinstance(exc, UserError) else describe_sqlite_error(exc)
        report.append(f"{title}: unavailable ({reason})")


def diagnostics(root: Path, store: Store | None, lines: int = 60, problem: str | None = None) -> str:
    """Versions, settings (no secrets), source health and the last log lines, for a bug report.

    Works on a damaged database: what cannot be read is reported as such. Any thread."""
    report = [f"Stakewatch {__version__}", f"Python {platform.python_version()} on {platform.platform()}"]
    try:
        report.append(f"PySide6-Essentials {metadata.version('PySide6-Essentials')}")
    except metadata.PackageNotFoundError:
        report.append("PySide6: not installed")
    report.append(f"Data folder: {root}")
    report.append(f"Keyring: {secrets.backend_problem() or 'secure backend available'}")
    if problem is not None:
        report.append(f"Database: {problem}")
    if store is not None:
        _section(report, "Database", lambda: _integrity(store))
        _section(report, "Settings", lambda: ["Settings:"] + [
            f"  {key} = {settings.get(store, key)}" for key in settings.SETTINGS])
        _section(report, "Counts", lambda: [
            f"Watchlists: {len(store.watchlists())}, sources: {len(store.sources())}, "
            f"items: {store.count('items')}, alerts: {store.count('alerts')}"])
        _section(report, "Keyring", lambda: _keyring_entries(store))
        _section(report, "Sources", lambda: ["Sources not ok:"] + [
            f"  {h.name}: {h.status}, {h.consecutive_failures} failure(s), {h.error}"
            for h in store.health() if h.status != HealthStatus.OK])
    log = root / "logs" / LOG_NAME
    try:
        tail = log.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:]
    except OSError:
        tail = []
    if tail:
        report.append("Last log lines:")
        report += ["  " + line for line in tail]
    return redact("\n".join(report))


def _keyring_entries(store: Store) -> list[str]:
    from .credentials import report

    return report(store)


def _integrity(store: Store) -> list[str]:
    verdict = store.quick_check()
    return [f"Database check: {'ok' if verdict == 'ok' else verdict}"]
