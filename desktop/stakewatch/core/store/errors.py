"""SQLite failures in words: what went wrong (full, locked, read-only, damaged) and what to do.

Pure functions, any thread.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import psycopg

from ..i18n import translate
from ..model import UserError

DATABASE = translate("Database", "Database")
DISK_FULL = translate("Database", "the disk holding {path} is full: free some space, then try again")
LOCKED = translate("Database", "the database {path} is busy in another program: try again in a moment, "
                   "or quit the other Stakewatch")
READ_ONLY = translate("Database", "{path} cannot be written (a read-only file or folder): give your "
                      "user write permission on it, then try again")
DAMAGED = translate("Database", "{path} is damaged: restore it from a backup, or move it aside and "
                    "import your exported watchlists into a new one ('stakewatch diagnostics' still "
                    "works)")
DISK_ERROR = translate("Database", "reading or writing {path} failed (disk I/O error): check the disk, "
                       "then try again")
CANNOT_OPEN = translate("Database", "{path} cannot be opened: check that its folder exists and is "
                        "writable")
OTHER = translate("Database", "the database {path} failed ({reason})")

REFUSED = translate("Database", "the team server refused this change: your role ({role}) may not make it "
                    "(an editor changes watchlists, sources, settings and channels); nothing was changed")
UNREACHABLE = translate("Database", "the team server {path} cannot be reached ({reason}): check the address "
                        "and the network, then try again")
SERVER_FAILED = translate("Database", "the team server {path} failed ({reason}); nothing was changed")

DatabaseFailure = (sqlite3.Error, psycopg.Error)


class StorageError(UserError):
    """SQLite failed in a way the user can act on; `kind` is full, locked, read-only, damaged,
    disk, open or other."""

    def __init__(self, message: Any, kind: str) -> None:
        super().__init__(DATABASE(), message)
        self.kind = kind


def sqlite_failure_kind(exc: sqlite3.Error | psycopg.Error) -> str:
    """full, locked, read-only, damaged, disk, open or other: what went wrong in SQLite."""
    name = str(getattr(exc, "sqlite_errorname", "") or "")
    text = str(exc).lower()
    if name.startswith("SQLITE_FULL") or "disk is full" in text:
        return "full"
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in text:
        return "locked"
    if name.startswith("SQLITE_READONLY") or "readonly" in text or "read-only" in text:
        return "read-only"
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")) or "malformed" in text \
            or "not a database" in text:
        return "damaged"
    if name.startswith("SQLITE_IOERR") or "disk i/o" in text:
        return "disk"
    if name.startswith("SQLITE_CANTOPEN") or "unable to open" in text:
        return "open"
    return "other"


def is_integrity(exc: BaseException) -> bool:
    """A constraint refused the write (either engine): the caller's own condition, not a storage failure."""
    return isinstance(exc, (sqlite3.IntegrityError, psycopg.IntegrityError))


def server_error(exc: psycopg.Error, path: Path | str, role: str | None = None) -> StorageError:
    """A PostgreSQL failure as a one-line StorageError: refused (the role lacks the right), offline, other."""
    reason = " ".join(str(exc).split())[:200]
    if isinstance(exc, psycopg.errors.InsufficientPrivilege):
        return StorageError(REFUSED(role=role or "?"), "refused")
    if isinstance(exc, psycopg.OperationalError) and (
            getattr(exc, "sqlstate", None) is None or str(getattr(exc, "sqlstate", "")).startswith("08")):
        return StorageError(UNREACHABLE(path=str(path), reason=reason), "offline")
    return StorageError(SERVER_FAILED(path=str(path), reason=reason), "other")


def storage_error(exc: sqlite3.Error | psycopg.Error, path: Path | str, role: str | None = None) -> StorageError:
    """`exc` as a one-line StorageError naming the file (or server) and the remedy."""
    if isinstance(exc, psycopg.Error):
        return server_error(exc, path, role)
    kind = sqlite_failure_kind(exc)
    messages = {"full": DISK_FULL, "locked": LOCKED, "read-only": READ_ONLY, "damaged": DAMAGED,
                "disk": DISK_ERROR, "open": CANNOT_OPEN}
    if kind in messages:
        return StorageError(messages[kind](path=str(path)), kind)
    return StorageError(OTHER(path=str(path), reason=" ".join(str(exc).split())[:200]), kind)


def describe_sqlite_error(exc: sqlite3.Error | psycopg.Error, path: Path | str = "the database") -> str:
    return storage_error(exc, path).message
