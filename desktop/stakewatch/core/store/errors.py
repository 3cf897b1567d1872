"""SQLite failures in words: what went wrong (full, locked, read-only, damaged) and what to do.

Pure functions, any thread.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

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

DatabaseFailure = sqlite3.Error


class StorageError(UserError):
    """SQLite failed in a way the user can act on; `kind` is full, locked, read-only, damaged,
    disk, open or other."""

    def __init__(self, message: Any, kind: str) -> None:
        super().__init__(DATABASE(), message)
        self.kind = kind


def sqlite_failure_kind(exc: sqlite3.Error) -> str:
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


def storage_error(exc: sqlite3.Error, path: Path | str) -> StorageError:
    """`exc` as a one-line StorageError naming the file and the remedy."""
    kind = sqlite_failure_kind(exc)
    messages = {"full": DISK_FULL, "locked": LOCKED, "read-only": READ_ONLY, "damaged": DAMAGED,
                "disk": DISK_ERROR, "open": CANNOT_OPEN}
    if kind in messages:
        return StorageError(messages[kind](path=str(path)), kind)
    return StorageError(OTHER(path=str(path), reason=" ".join(str(exc).split())[:200]), kind)


def describe_sqlite_error(exc: sqlite3.Error, path: Path | str = "the database") -> str:
    return storage_error(exc, path).message
