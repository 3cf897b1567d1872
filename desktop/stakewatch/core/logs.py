"""Rotating log files under the data dir, with secrets redacted, and the diagnostics report.

`setup_logging` once per process (main thread); logging itself is thread-safe.
"""

from __future__ import annotations

import logging
import logging.handlers
import platform
import re
from importlib import metadata
from pathlib import Path

from .. import __version__
from . import secrets, settings
from .states import HealthStatus
from .store import Store

LOG_NAME = "stakewatch.log"
MAX_BYTES = 1024 * 1024
BACKUPS = 5
_PATTERNS = (
    re.compile(r"(?i)(authorization\s*[:=]\s*)(bearer\s+|basic\s+)?[^\s,;'\"]+"),
    re.compile(r"(?i)((?:api[_-]?key|token|password|secret|access_token)\s*[=:]\s*)[^\s&,;'\"]+"),
    re.compile(r"(?i)(https?://[^\s:/@]+:)[^\s@/]+(@)"),
)


def redact(text: str, known: tuple[str, ...] = ()) -> str:
    """`text` with credentials blanked: known secrets, auth headers, key=value pairs, passwords in URLs."""
    for secret in known:
        if secret:
            text = text.replace(secret, "[secret]")
    text = _PATTERNS[0].sub(lambda m: m.group(1) + (m.group(2) or "") + "[secret]", text)
    text = _PATTERNS[1].sub(lambda m: m.group(1) + "[secret]", text)
    return _PATTERNS[2].sub(lambda m: m.group(1) + "[secret]" + m.group(2), text)


class RedactingFormatter(logging.Formatter):
    def __init__(self, known: tuple[str, ...] = ()) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s")
        self.known = known

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record), self.known)


def setup_logging(root: Path, store: Store | None = None) -> Path:
    """Log to `<data dir>/logs/stakewatch.log`, rotated at 1 MiB, 5 kept. Returns the file's path."""
    folder = root / "logs"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOG_NAME
    known: tuple[str, ...] = ()
    if store is not None:
        names = {str(s.options.get("credential")) for s in store.sources() if s.options.get("credential")}
        known = tuple(secret for name in names if (secret := secrets.load_secret(name)))
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
    handler.setFormatter(RedactingFormatter(known))
    logger = logging.getLogger("stakewatch")
    for old in [h for h in logger.handlers if isinstance(h, logging.handlers.RotatingFileHandler)]:
        logger.removeHandler(old)
        old.close()
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    return path


def diagnostics(root: Path, store: Store, lines: int = 60) -> str:
    """Versions, settings (no secrets), source health and the last log lines, for a bug report."""
    report = [f"Stakewatch {__version__}", f"Python {platform.python_version()} on {platform.platform()}"]
    try:
        report.append(f"PySide6-Essentials {metadata.version('PySide6-Essentials')}")
    except metadata.PackageNotFoundError:
        report.append("PySide6: not installed")
    report.append(f"Data folder: {root}")
    report.append(f"Keyring: {secrets.backend_problem() or 'secure backend available'}")
    report.append("Settings:")
    report += [f"  {key} = {settings.get(store, key)}" for key in settings.SETTINGS]
    report.append(f"Watchlists: {len(store.watchlists())}, sources: {len(store.sources())}, "
                  f"items: {store.count('items')}, alerts: {store.count('alerts')}")
    report.append("Sources not ok:")
    report += [f"  {h.name}: {h.status}, {h.consecutive_failures} failure(s), {h.error}"
               for h in store.health() if h.status != HealthStatus.OK]
    log = root / "logs" / LOG_NAME
    if log.exists():
        report.append("Last log lines:")
        report += ["  " + line for line in log.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:]]
    return redact("\n".join(report))
