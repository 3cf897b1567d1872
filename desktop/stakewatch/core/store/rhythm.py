"""What a source's schedule reads and writes: its items' publication times, when something new last
arrived, its feed's floor and hub, requests per host, and the delay from publication to alert.
Store's thread; raises DatabaseFailure as the rest of the store does."""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from .database import Store, from_epoch, to_epoch

KEEP_REQUESTS = timedelta(days=1)


@dataclass(frozen=True)
class ScheduleState:
    last_new: datetime | None
    feed_floor_minutes: int | None
    hub: str | None


def publication_times(store: Store, source_id: int, since: datetime) -> list[datetime]:
    """When the source's dated items were published, since `since`."""
    rows = store.conn.execute("SELECT published FROM items WHERE source_id = ? AND dated = 1 AND published >= ?",
                              (source_id, to_epoch(since)))
    return [moment for row in rows if (moment := from_epoch(row[0])) is not None]


def schedule_state(store: Store, source_id: int) -> ScheduleState:
    row = store.conn.execute("SELECT last_new, feed_floor_minutes, hub FROM sources WHERE id = ?",
                             (source_id,)).fetchone()
    if row is None:
        return ScheduleState(None, None, None)
    return ScheduleState(from_epoch(row[0]), row[1], row[2])


def record_schedule(store: Store, source_id: int, next_check: datetime, state: ScheduleState) -> None:
    """The next check a fetch decided, and what the schedule keeps for the next one."""
    with store.transaction() as conn:
        conn.execute("UPDATE sources SET next_check = ?, last_new = ?, feed_floor_minutes = ?, hub = ? WHERE id = ?",
                     (to_epoch(next_check), to_epoch(state.last_new) if state.last_new else None,
                      state.feed_floor_minutes, state.hub, source_id))


def record_requests(store: Store, started: Iterable[tuple[str, float]], now: datetime) -> None:
    """Remember each request's host and start (epoch seconds); forget those older than a day."""
    rows = list(started)
    with store.transaction() as conn:
        if rows:
            conn.executemany("INSERT INTO host_requests(host, at) VALUES (?, ?)", rows)
        conn.execute("DELETE FROM host_requests WHERE at < ?", (to_epoch(now - KEEP_REQUESTS),))


def last_requests(store: Store) -> dict[str, float]:
    """Each host's latest request start (epoch seconds)."""
    return {str(row[0]): float(row[1])
            for row in store.conn.execute("SELECT host, MAX(at) FROM host_requests GROUP BY host")}


def requests_since(store: Store, since: datetime) -> dict[str, int]:
    """Requests per host since `since`."""
    return {str(row[0]): int(row[1]) for row in store.conn.execute(
        "SELECT host, COUNT(*) FROM host_requests WHERE at >= ? GROUP BY host", (to_epoch(since),))}


def median_delays(store: Store, since: datetime) -> dict[int, float]:
    """Per source, the median seconds from an item's publication to its alert's `found`, over alerts
    found since `since`; items of a source's first fetch (its history) and undated items left out."""
    rows = store.conn.execute(
        "SELECT i.source_id, a.found - i.published FROM alerts a JOIN items i ON i.id = a.item_id "
        "WHERE a.found >= ? AND i.dated = 1 AND a.found >= i.published "
        "AND i.fetched > (SELECT MIN(f.fetched) FROM items f WHERE f.source_id = i.source_id)",
        (to_epoch(since),))
    delays: dict[int, list[float]] = {}
    for source_id, delay in rows:
        delays.setdefault(int(source_id), []).append(float(delay))
    return {source_id: float(statistics.median(values)) for source_id, values in delays.items()}
