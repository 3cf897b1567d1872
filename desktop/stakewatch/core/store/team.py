"""What a team database adds to the store: one poller at a time (a session advisory lock), the
doorbell a desk listens to (LISTEN/NOTIFY), and new alerts read by id after a high-water mark.

Leadership and Doorbell each keep a dedicated connection, with TCP keepalives so that a peer that
vanished is noticed within about 30 seconds; the leader's session turns idle_session_timeout off
(a server default would otherwise end it, and with it the lock, while it waits between cycles).
A poller killed outright loses its connection at once, and with it the lock: a waiting one takes
over at its next try. Both belong to the thread that made them; they raise psycopg.Error.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psycopg

from .postgres import KEEPALIVES, PgConnection, connect
from .server_schema import CHANNEL

LEADER_LOCK = 0x53574C44  # "SWLD": advisory locks are per database, so one poller per team database
WINDOW = 2000  # ids below the high-water mark read again: an id handed out earlier may commit later
DEDICATED: dict[str, Any] = {"tcp_user_timeout": 20_000}
SERVER_SIDE = ("idle_session_timeout = 0", "idle_in_transaction_session_timeout = 0", "tcp_keepalives_idle = 10",
               "tcp_keepalives_interval = 5", "tcp_keepalives_count = 3", "tcp_user_timeout = 20000")


class Leadership:
    """The right to poll: a session-level advisory lock held on its own connection."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._conn: PgConnection | None = None

    def try_take(self) -> bool:
        """Take the lock if nobody holds it; True while this process holds it."""
        try:
            if self._conn is None:
                self._conn = connect(self.url, **DEDICATED)
                for setting in SERVER_SIDE:  # the server, too, must notice a poller's machine gone
                    self._conn.execute(f"SET {setting}")
            return bool(self._conn.execute("SELECT pg_try_advisory_lock(?)", (LEADER_LOCK,)).fetchone()[0])
        except psycopg.Error:
            self.release()
            return False

    def held(self) -> bool:
        """Still holding it: the lock's session answers and still owns the lock."""
        if self._conn is None:
            return False
        try:
            row = self._conn.execute(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid() "
                "AND objid = ? AND granted", (LEADER_LOCK,)).fetchone()
            return bool(row and row[0])
        except psycopg.Error:
            self.release()
            return False

    def release(self) -> None:
        if self._conn is not None:
            with suppress(psycopg.Error):
                self._conn.close()
            self._conn = None


class Doorbell:
    """LISTEN for alerts stored on the team database; `wait` returns when one rings (or on timeout)."""

    def __init__(self, url: str) -> None:
        options: dict[str, Any] = {**KEEPALIVES, **DEDICATED, "application_name": "stakewatch-desk"}
        self._raw = psycopg.connect(url, autocommit=True, **options)
        self._raw.execute(f"LISTEN {CHANNEL}")

    def wait(self, timeout: float) -> list[int]:
        """The alert ids rung within `timeout` seconds (the first ring ends the wait; more that came with it
        are taken too). Raises psycopg.Error when the server went away."""
        rung: list[int] = []
        for note in self._raw.notifies(timeout=timeout, stop_after=1):
            if note.payload.isdigit():
                rung.append(int(note.payload))
        return rung

    def close(self) -> None:
        self._raw.close()


@dataclass
class Mark:
    """How far a desk has read the team's alerts: the highest id seen, and the ids seen in the window
    below it (those committed late, after a higher one, are still found once and only once)."""

    high: int = 0
    seen: set[int] = field(default_factory=set)

    @staticmethod
    def load(path: Path) -> Mark | None:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return Mark(int(data["high"]), {int(i) for i in data.get("seen", ())})
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def save(self, path: Path) -> None:
        from ..platform.atomic import write_atomically

        write_atomically(path, json.dumps({"high": self.high, "seen": sorted(self.seen)}).encode())

    def take(self, ids: Iterable[int]) -> list[int]:
        """Of `ids` (read from the window), those not seen before; marks them seen."""
        fresh = sorted(i for i in ids if i not in self.seen)
        self.seen.update(fresh)
        if fresh:
            self.high = max(self.high, fresh[-1])
        self.seen = {i for i in self.seen if i > self.high - WINDOW}
        return fresh


def personal_mutes(store: Any) -> set[tuple[str, str]]:
    """(watchlist, entity) the connecting role muted for itself (row-level security shows only its own)."""
    return {(str(r[0]), str(r[1])) for r in store.conn.execute(
        "SELECT w.name, e.name FROM personal_mutes m JOIN entities e ON e.id = m.entity_id "
        "JOIN watchlists w ON w.id = e.watchlist_id WHERE m.reader = current_user")}


def keep_session(store: Any) -> None:
    """The team's poller keeps its store's session between cycles, whatever the server's idle_session_timeout."""
    store.conn.execute("SET idle_session_timeout = 0")


def start_mark(store: Any) -> Mark:
    """Where a desk attaching for the first time starts: every alert stored so far counts as seen."""
    high = int(store.conn.execute("SELECT coalesce(max(id), 0) FROM alerts").fetchone()[0])
    seen = {int(r[0]) for r in store.conn.execute("SELECT id FROM alerts WHERE id > ?", (high - WINDOW,))}
    return Mark(high, seen)


def alert_ids_after(store: Any, mark: Mark) -> list[int]:
    """New alert ids since `mark` (committed late ones in the window included), oldest first; marked seen."""
    rows = store.conn.execute("SELECT id FROM alerts WHERE id > ? ORDER BY id", (mark.high - WINDOW,))
    return mark.take(int(r[0]) for r in rows)


def wait_for_server(url: str, seconds: float) -> bool:
    """True once the server at `url` answers, within `seconds`."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            connect(url).close()
            return True
        except psycopg.Error:
            if time.monotonic() >= deadline:
                return False
            time.sleep(1.0)
