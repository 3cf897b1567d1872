"""Which database a data folder works on: its own SQLite file, or a team database on PostgreSQL.

A folder is attached to a team database by the STAKEWATCH_SERVER variable (the CLI's --server sets
it) or by the address the tray saved in the folder; a Store opened for a folder's database path
then speaks to that server. Any thread.
"""

from __future__ import annotations

import os
from contextlib import suppress
from pathlib import Path
from typing import Any

from .errors import storage_error

Store = Any  # a store.database.Store (not imported: the database module imports this one)

SERVER_VARIABLE = "STAKEWATCH_SERVER"
# the team database each local database path stands for in this process: the threads that open their
# own Store of a folder (courier, workers, the inbox) reach the same database as the one that opened it
SERVERS: dict[Path, str] = {}
# the folders whose team database this process polls (`server run`)
SERVING: set[Path] = set()
SERVER_FILE = "team-server.url"
# team databases this process knows it cannot reach now (the tray's doorbell says so): a window opens
# what the desk kept at once instead of waiting out a connection timeout
UNREACHABLE: set[str] = set()


def reachable(url: str, answers: bool) -> None:
    """Record whether the team database at `url` answered just now (any thread)."""
    if answers:
        UNREACHABLE.discard(url)
    else:
        UNREACHABLE.add(url)


def attached_server(folder: Path) -> str | None:
    """The team database a data folder works on: STAKEWATCH_SERVER (the CLI's --server sets it), else the
    address the tray attached the folder to (a file in the folder), else None (the folder's own SQLite)."""
    from .postgres import is_server_url

    value = os.environ.get(SERVER_VARIABLE, "").strip()
    if not value:
        with suppress(OSError):
            value = (folder / SERVER_FILE).read_text(encoding="utf-8").strip()
    return value if is_server_url(value) else None


def attach(folder: Path, url: str | None) -> None:
    """Attach the folder to the team database at `url` (None: back to its own file). Raises OSError."""
    from ..platform.atomic import write_atomically

    for path in [p for p in SERVERS if p.parent == folder]:
        del SERVERS[path]  # this process's stores of the folder follow the new address
    target = folder / SERVER_FILE
    if url is None:
        target.unlink(missing_ok=True)
    else:
        write_atomically(target, (url + "\n").encode(), 0o600)



def open_server(store: Store, url: str, create: bool) -> None:
    """Connect `store` to the team database at `url`; `create`: make or upgrade its schema and roles first
    (the database's owner does). Raises UserError."""
    import psycopg

    from . import postgres, server_schema

    store.engine, store.url = "postgresql", url
    try:
        store.conn = postgres.connect(url)
    except psycopg.Error as exc:
        raise storage_error(exc, postgres.display_url(url)) from exc
    try:
        store.user = str(store.conn.execute("SELECT current_user").fetchone()[0])
        if create:
            server_schema.migrate(store)
            server_schema.prepare_team(store)
        server_schema.check_version(store)
    except psycopg.Error as exc:
        with suppress(Exception):
            store.conn.close()
        raise storage_error(exc, store.where, store.user) from exc
    except BaseException:
        with suppress(Exception):
            store.conn.close()
        raise


def reconnect(store: Store) -> None:
    """A team database's session again, after the server or the network went away. Raises UserError."""
    if store.url is not None:
        with suppress(Exception):
            store.conn.close()
        open_server(store, store.url, False)
