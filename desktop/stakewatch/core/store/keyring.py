"""The SQL of a data folder's keyring entries: its scope and the list of what it keeps there.

The secrets themselves are in the keyring only (secrets.py); this table says which entries the
folder owns, for diagnostics and for refusing a file that names one. Store's thread.
"""

from __future__ import annotations

import json
import secrets as random_ids
import sqlite3
from contextlib import closing
from pathlib import Path

from ..platform.secrets import Vault
from .database import Store

SCOPE_KEY = "keyring.scope"
HOME_KEY = "keyring.home"


def scope(store: Store) -> str:
    """The folder's keyring scope, made on first use."""
    value = store.setting(SCOPE_KEY)
    if isinstance(value, str) and value:
        return value
    with store.transaction() as conn:
        value = store.setting(SCOPE_KEY)
        if not (isinstance(value, str) and value):
            value = random_ids.token_hex(16)
            store.set_setting(SCOPE_KEY, value, conn)
    return str(value)


def _scope_in(folder: Path) -> str | None:
    """The keyring scope the database in `folder` names, or None (no such database, or unreadable)."""
    database = folder / "stakewatch.db"
    if not database.is_file():
        return None
    try:
        with closing(sqlite3.connect(f"{database.as_uri()}?mode=ro", uri=True, timeout=5)) as conn:
            row = conn.execute("SELECT value FROM settings WHERE key = ?", (SCOPE_KEY,)).fetchone()
    except sqlite3.Error:
        return None
    try:
        value = json.loads(row[0]) if row else None
    except ValueError:
        return None
    return value if isinstance(value, str) else None


def claim_home(store: Store) -> str | None:
    """Record where this folder is. A folder copied from one that still uses the same scope gets a new
    scope of its own: the old scope is returned (its entries are to be copied), else None (a new or
    moved folder keeps its scope)."""
    here = str(store.path.parent.resolve())
    if store.setting(HOME_KEY) == here:
        return None
    current = scope(store)
    copied: str | None = None
    with store.transaction() as conn:
        home = store.setting(HOME_KEY)
        if home == here:
            return None
        if isinstance(home, str) and home and Path(home).resolve() != Path(here) and \
                _scope_in(Path(home)) == current:
            copied = current
            store.set_setting(SCOPE_KEY, random_ids.token_hex(16), conn)
        store.set_setting(HOME_KEY, here, conn)
    return copied


def vault(store: Store) -> Vault:
    """The folder's keyring entries, to read and write from any thread."""
    legacy = frozenset((str(row[0]), str(row[1])) for row in store.conn.execute(
        "SELECT kind, name FROM keyring_entries WHERE legacy <> 0"))
    return Vault(scope(store), legacy)


def register(store: Store, kind: str, name: str) -> None:
    """The folder now keeps a secret of `kind` under `name`."""
    with store.transaction() as conn:
        conn.execute("INSERT INTO keyring_entries(kind, name, legacy) VALUES (?, ?, 0) "
                     "ON CONFLICT(kind, name) DO UPDATE SET legacy = 0", (kind, name))


def unregister(store: Store, kind: str, name: str) -> None:
    with store.transaction() as conn:
        conn.execute("DELETE FROM keyring_entries WHERE kind = ? AND name = ?", (kind, name))


def entries(store: Store) -> list[tuple[str, str, bool]]:
    """(kind, name, used before entries were scoped) of every entry the folder keeps, by kind and name."""
    return [(str(row[0]), str(row[1]), bool(row[2])) for row in store.conn.execute(
        "SELECT kind, name, legacy FROM keyring_entries ORDER BY kind, name")]


def registered(store: Store, kind: str, name: str) -> bool:
    return store.conn.execute("SELECT 1 FROM keyring_entries WHERE kind = ? AND name = ?",
                              (kind, name)).fetchone() is not None
