"""Python values as SQLite columns and back: moments as epoch seconds, ids in chunks. Any thread."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime, timedelta

ID_CHUNK = 500
Row = sqlite3.Row


def to_epoch(value: datetime) -> float:
    return value.timestamp()


def from_epoch(value: float | None) -> datetime | None:
    return None if value is None else datetime.fromtimestamp(value, UTC)


def future_within(value: float | None, now: datetime, longest: timedelta) -> datetime | None:
    """A stored moment if it is still ahead of `now` by at most `longest`; None when it has passed
    or lies further ahead than it could have been set (the clock was wrong then: it counts as now)."""
    if value is None:
        return None
    moment = from_epoch(value)
    assert moment is not None
    return moment if now < moment <= now + longest else None


def _chunks(ids: Sequence[int]) -> Iterator[list[int]]:
    """`ids` in lists short enough for SQLite's limit on parameters."""
    for start in range(0, len(ids), ID_CHUNK):
        yield list(ids[start:start + ID_CHUNK])
Connection = sqlite3.Connection
"""An open transaction of the store, handed through the layers above as an opaque unit of work."""
