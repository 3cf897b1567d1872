"""The SQL of channels and their outbox. Functions take a Store (or its connection inside a transaction).

A channel row never holds its Apprise URL: that lives in the keyring. Store's thread.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from ..model.values import Channel
from .database import Store, _chunks, from_epoch, to_epoch


@dataclass(frozen=True)
class ChannelRow:
    """A channel with its delivery state, as `channel list` shows it."""

    id: int
    channel: Channel
    last_success: datetime | None
    last_attempt: datetime | None
    last_error: str | None
    failing_since: datetime | None
    announced: bool
    last_digest: datetime | None
    pending: int
    abandoned: int


@dataclass(frozen=True)
class OutboxMessage:
    id: int
    channel_id: int
    key: str
    kind: str
    payload: dict[str, Any]
    created: datetime
    attempts: int


def _channel(row: sqlite3.Row) -> Channel:
    return Channel(name=row["name"], watchlists=tuple(json.loads(row["watchlists"])),
                   only=row["only_kind"], health=bool(row["health"]), quiet_hours=bool(row["quiet_hours"]),
                   digest=row["digest"], digest_only=bool(row["digest_only"]))


def channels(conn: sqlite3.Connection) -> list[tuple[int, Channel]]:
    return [(row["id"], _channel(row)) for row in conn.execute("SELECT * FROM channels ORDER BY name")]


def any_channel(store: Store) -> bool:
    return bool(store.conn.execute("SELECT EXISTS (SELECT 1 FROM channels)").fetchone()[0])


def channel_rows(store: Store) -> list[ChannelRow]:
    counts = {(row[0], row[1]): row[2] for row in store.conn.execute(
        "SELECT channel_id, abandoned IS NOT NULL, COUNT(*) FROM outbox WHERE sent IS NULL "
        "GROUP BY channel_id, abandoned IS NOT NULL")}
    return [ChannelRow(id=row["id"], channel=_channel(row), last_success=from_epoch(row["last_success"]),
                       last_attempt=from_epoch(row["last_attempt"]), last_error=row["last_error"],
                       failing_since=from_epoch(row["failing_since"]), announced=bool(row["announced"]),
                       last_digest=from_epoch(row["last_digest"]),
                       pending=counts.get((row["id"], 0), 0), abandoned=counts.get((row["id"], 1), 0))
            for row in store.conn.execute("SELECT * FROM channels ORDER BY name")]


def find(store: Store, name: str) -> ChannelRow | None:
    return next((row for row in channel_rows(store) if row.channel.name.casefold() == name.casefold()), None)


def add_channel(store: Store, channel: Channel, now: datetime) -> int:
    with store.transaction() as conn:
        cursor = conn.execute(
            "INSERT INTO channels(name, watchlists, only_kind, health, quiet_hours, digest, digest_only, "
            "created, last_digest) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (channel.name, json.dumps(list(channel.watchlists), ensure_ascii=False), channel.only,
             int(channel.health), int(channel.quiet_hours), channel.digest, int(channel.digest_only),
             to_epoch(now), to_epoch(now)))
        return int(cursor.lastrowid or 0)


def remove_channel(store: Store, name: str) -> bool:
    with store.transaction() as conn:
        return conn.execute("DELETE FROM channels WHERE name = ?", (name,)).rowcount > 0


def queue(conn: sqlite3.Connection, channel_id: int, key: str, kind: str, payload: dict[str, Any],
          now: datetime, alerts: Sequence[int] = ()) -> bool:
    """Add one message unless this channel already has it (by key), and remember `alerts` as sent to
    the channel; inside the caller's transaction."""
    added = conn.execute(
        "INSERT OR IGNORE INTO outbox(channel_id, key, kind, payload, created, next_attempt) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (channel_id, key, kind, json.dumps(payload, ensure_ascii=False), to_epoch(now), to_epoch(now))).rowcount
    conn.executemany("INSERT OR IGNORE INTO channel_alerts(channel_id, alert_id) VALUES (?, ?)",
                     [(channel_id, alert_id) for alert_id in alerts])
    return bool(added)


def alerts_sent(conn: sqlite3.Connection, channel_id: int, alerts: Sequence[int]) -> set[int]:
    """Those of `alerts` already queued for this channel."""
    sent: set[int] = set()
    for chunk in _chunks(alerts):
        rows = conn.execute(f"SELECT alert_id FROM channel_alerts WHERE channel_id = ? AND alert_id IN "
                            f"({','.join('?' * len(chunk))})", (channel_id, *chunk))
        sent |= {int(row[0]) for row in rows}
    return sent


def due(store: Store, now: datetime, limit: int = 200,
        longest: timedelta | None = None) -> list[OutboxMessage]:
    """Messages waiting to be sent whose next attempt has come, oldest first. A next attempt set further
    ahead than `longest` (the longest retry) was set while the clock ran ahead: it counts as now, and so
    does a creation time in the future."""
    ahead = to_epoch(now + longest) if longest is not None else None
    return [OutboxMessage(id=row["id"], channel_id=row["channel_id"], key=row["key"], kind=row["kind"],
                          payload=json.loads(row["payload"]),
                          created=min(from_epoch(row["created"]) or now, now),
                          attempts=row["attempts"])
            for row in store.conn.execute(
                "SELECT * FROM outbox WHERE sent IS NULL AND abandoned IS NULL "
                "AND (next_attempt <= ? OR (? IS NOT NULL AND next_attempt > ?)) ORDER BY id LIMIT ?",
                (to_epoch(now), ahead, ahead, limit))]


def _alive(pid: int) -> bool:
    if os.name != "posix":
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def claim(store: Store, message: OutboxMessage, now: datetime, lease: timedelta) -> bool:
    """Take this message for sending (True), unless it was sent, or another live process holds it.

    A claim lapses after `lease`, or at once when the process that made it is gone (a crash), so a
    message is neither lost nor sent by two processes at the same time."""
    me = os.getpid()
    with store.transaction() as conn:
        row = conn.execute("SELECT sent, abandoned, claimed_by, claimed_until FROM outbox WHERE id = ?",
                           (message.id,)).fetchone()
        if row is None or row["sent"] is not None or row["abandoned"] is not None:
            return False
        holder, until = row["claimed_by"], row["claimed_until"]
        # a claim is held while it runs (a claim set further ahead than the lease counts as run out: the
        # clock was wrong) and its process lives; the holder's sends end well before the lease does
        held = until is not None and to_epoch(now) < until <= to_epoch(now + lease)
        if holder is not None and holder != me and held and _alive(holder):
            return False
        conn.execute("UPDATE outbox SET claimed_by = ?, claimed_until = ? WHERE id = ?",
                     (me, to_epoch(now + lease), message.id))
    return True


def next_due(store: Store, now: datetime | None = None, longest: timedelta | None = None) -> datetime | None:
    """When the next message is due; one set further ahead than `longest` counts as `now`."""
    row = store.conn.execute(
        "SELECT MIN(next_attempt) FROM outbox WHERE sent IS NULL AND abandoned IS NULL").fetchone()
    upcoming = from_epoch(row[0])
    if upcoming is not None and now is not None and longest is not None and upcoming > now + longest:
        return now
    return upcoming


def mark_sent(store: Store, message: OutboxMessage, now: datetime) -> None:
    with store.transaction() as conn:
        conn.execute("UPDATE outbox SET sent = ?, attempts = attempts + 1, last_error = NULL, claimed_by = NULL, "
                     "claimed_until = NULL WHERE id = ?",
                     (to_epoch(now), message.id))
        conn.execute("UPDATE channels SET last_success = ?, last_attempt = ?, last_error = NULL, "
                     "failing_since = NULL, announced = 0 WHERE id = ?",
                     (to_epoch(now), to_epoch(now), message.channel_id))


def mark_failed(store: Store, attempted: OutboxMessage, waiting: Sequence[OutboxMessage], error: str,
                now: datetime, retry_at: dict[int, datetime], give_up: set[int]) -> None:
    """A failed attempt of `attempted`: its channel's `waiting` messages retry later, or are abandoned
    (those in `give_up`)."""
    with store.transaction() as conn:
        for message in waiting:
            abandoned = to_epoch(now) if message.id in give_up else None
            conn.execute("UPDATE outbox SET attempts = attempts + ?, last_error = ?, next_attempt = ?, "
                         "abandoned = ?, claimed_by = NULL, claimed_until = NULL WHERE id = ?",
                         (int(message.id == attempted.id), error, to_epoch(retry_at[message.id]), abandoned,
                          message.id))
        conn.execute("UPDATE channels SET last_attempt = ?, last_error = ?, "
                     "failing_since = COALESCE(failing_since, ?) WHERE id = ?",
                     (to_epoch(now), error, to_epoch(now), attempted.channel_id))


def record_error(store: Store, name: str, error: str, now: datetime) -> None:
    """A failure outside the outbox (a test message): shown in `channel list` like any other."""
    with store.transaction() as conn:
        conn.execute("UPDATE channels SET last_attempt = ?, last_error = ?, "
                     "failing_since = COALESCE(failing_since, ?) WHERE name = ?",
                     (to_epoch(now), error, to_epoch(now), name))


def record_success(store: Store, name: str, now: datetime) -> None:
    with store.transaction() as conn:
        conn.execute("UPDATE channels SET last_success = ?, last_attempt = ?, last_error = NULL, "
                     "failing_since = NULL, announced = 0 WHERE name = ?", (to_epoch(now), to_epoch(now), name))
        conn.execute("UPDATE outbox SET next_attempt = ? WHERE sent IS NULL AND abandoned IS NULL AND "
                     "channel_id = (SELECT id FROM channels WHERE name = ?)", (to_epoch(now), name))


def unannounced_failures(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """(name, error) of failing channels not yet announced; marks them announced (caller's transaction)."""
    rows = [(row["name"], row["last_error"]) for row in conn.execute(
        "SELECT name, last_error FROM channels WHERE failing_since IS NOT NULL AND announced = 0 "
        "AND last_error IS NOT NULL")]
    conn.execute("UPDATE channels SET announced = 1 WHERE failing_since IS NOT NULL AND last_error IS NOT NULL")
    return rows


def set_last_digest(conn: sqlite3.Connection, channel_id: int, moment: datetime) -> None:
    conn.execute("UPDATE channels SET last_digest = ? WHERE id = ?", (to_epoch(moment), channel_id))


def channels_of(store: Store) -> list[tuple[int, Channel]]:
    """The channels, read through `store`'s own connection (its thread)."""
    return channels(store.conn)
