"""One SQLite connection set up for Stakewatch: autocommit (transactions are explicit), WAL,
synchronous NORMAL, foreign keys, a 30 s busy timeout. The thread that calls `connect` owns it."""

from __future__ import annotations

import random
import sqlite3
import time
from pathlib import Path

BUSY_SECONDS = 30.0


def is_busy(exc: sqlite3.Error) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text


def use_wal(conn: sqlite3.Connection, seconds: float = BUSY_SECONDS) -> None:
    """Switch the file to WAL. Changing the journal mode does not wait on the busy handler: while
    another process is creating or migrating the same new file it fails at once with "database is
    locked", so it is retried (with a little jitter) until `seconds` have passed."""
    deadline = time.monotonic() + seconds
    pause = 0.01
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL").fetchone()
            return
        except sqlite3.OperationalError as exc:
            if not is_busy(exc) or time.monotonic() >= deadline:
                raise
        time.sleep(pause * random.uniform(0.5, 1.5))
        pause = min(pause * 2, 0.2)


def connect(path: Path) -> sqlite3.Connection:
    """A connection to `path` (created if missing). Raises sqlite3.Error."""
    conn = sqlite3.connect(path, timeout=BUSY_SECONDS, isolation_level=None, check_same_thread=True)
    try:
        conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA busy_timeout = {int(BUSY_SECONDS * 1000)}")
        use_wal(conn)
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
    except BaseException:
        conn.close()
        raise
    return conn
