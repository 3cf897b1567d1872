"""The diagnostics report, and the secrets a data folder keeps made known to the log redactor.

Any thread with its own Store (or none: the report then says what it could not read).
"""

from __future__ import annotations

import contextlib
import platform
from collections.abc import Callable
from importlib import metadata
from pathlib import Path

from ... import __version__
from .. import settings
from ..delivery.channels import remember_channel_secrets
from ..model import UserError
from ..platform import secrets
from ..platform.demo import DemoLock
from ..platform.logs import log_tail, redact, setup_logging
from ..states import HealthStatus
from ..store.credentials import report as keyring_report
from ..store.credentials import vault
from ..store.database import Store
from ..store.errors import DatabaseFailure, describe_sqlite_error


def start_logging(root: Path, store: Store | None = None) -> Path | None:
    """`setup_logging`, after the folder's source credentials and channel URLs were read once, so that
    the redactor knows them before any line is written. Never raises."""
    if store is not None:
        with contextlib.suppress(Exception):  # a damaged database only means fewer known secrets
            entries = vault(store)
            names = {str(s.options.get("credential")) for s in store.sources() if s.options.get("credential")}
            for name in names:
                entries.load(secrets.SOURCE, name)
            remember_channel_secrets(store, entries)
    return setup_logging(root)


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
    tail = log_tail(root, lines)
    if tail:
        report.append("Last log lines:")
        report += ["  " + line for line in tail]
    return redact("\n".join(report))


def _keyring_entries(store: Store) -> list[str]:
    return keyring_report(store)


def _integrity(store: Store) -> list[str]:
    verdict = store.quick_check()
    return [f"Database check: {'ok' if verdict == 'ok' else verdict}"]


def forget_keyring_entries(folder: Path) -> None:
    """Forget the keyring entries a data folder keeps (before the folder itself goes); a locked or
    missing keyring forgets what it can. Never raises."""
    from keyring.errors import KeyringError

    from ..platform.paths import database_path
    from ..store import keyring as store_keyring
    from ..store.credentials import delete
    from ..store.database import open_store

    if not database_path(folder).exists():
        return
    with contextlib.suppress(UserError, OSError), open_store(folder) as store:
        for kind, name, _legacy in store_keyring.entries(store):
            with contextlib.suppress(UserError, KeyringError):  # a locked or missing keyring: still empty it
                delete(store, kind, name)


def reset_demo_dir(folder: Path, lock: DemoLock) -> None:
    """Empty the demo folder, its keyring entries forgotten first (the caller holds `lock`)."""
    from ..platform import demo

    demo.reset_demo_dir(folder, lock, forget_keyring_entries)
