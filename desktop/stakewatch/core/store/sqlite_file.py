"""The desk's SQLite file: forward migrations (one process at a time, the file copied aside first) and
consistent copies. Runs on the thread that owns the Store; raises UserError or sqlite3.Error."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from ..i18n import translate
from ..model import UserError
from ..platform.cyclelock import CycleLock
from .dialect import split as _statements
from .schema import MIGRATIONS, SCHEMA_VERSION

Store = Any  # a store.database.Store (not imported: the database module imports this one)
MIGRATION_LOCK = "migrate.lock"
MIGRATION_WAIT = 120.0
DATABASE = translate("Database", "Database")
NO_BACKUP = translate("Database", "could not copy the database to {file} before upgrading it: {error}")
TOO_NEW = translate("Database",
                    "{file} was written by a newer Stakewatch (schema {version}, this one knows {known})")


def migrate(store: Store) -> None:
    """Bring the schema up to date; the version is read inside each migration's transaction,
    so processes opening a new data folder at once each see the others' work."""
    version = store.conn.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise UserError(DATABASE, TOO_NEW(file=str(store.path), version=version, known=SCHEMA_VERSION))
    if version == SCHEMA_VERSION:
        return
    with CycleLock(store.path.parent, timeout=MIGRATION_WAIT, name=MIGRATION_LOCK):
        _migrate_held(store)


def _migrate_held(store: Store) -> None:
    """The migration proper, one process at a time: a database another process has just finished
    creating or upgrading is left alone, and only one that was older before this start is copied."""
    version = store.conn.execute("PRAGMA user_version").fetchone()[0]
    if 0 < version < SCHEMA_VERSION:
        backup(store, store.path.with_name(f"{store.path.name}.bak-schema{version}"))
    while version < SCHEMA_VERSION:
        with store.transaction() as conn:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version < SCHEMA_VERSION:
                for statement in _statements(MIGRATIONS[version]):
                    conn.execute(statement)
                version += 1
                conn.execute(f"PRAGMA user_version = {version}")
    if version > SCHEMA_VERSION:
        raise UserError(DATABASE, TOO_NEW(file=str(store.path), version=version, known=SCHEMA_VERSION))


def backup(store: Store, target: Path) -> None:
    """A consistent copy of the whole database (WAL included) at `target`, written aside then renamed."""
    partial = target.with_name(target.name + ".partial")
    try:
        copy = sqlite3.connect(partial)
        try:
            store.conn.backup(copy)
        finally:
            copy.close()
        partial.replace(target)
    except (OSError, sqlite3.Error) as exc:
        partial.unlink(missing_ok=True)
        raise UserError(DATABASE, NO_BACKUP(file=str(target), error=str(exc))) from exc

