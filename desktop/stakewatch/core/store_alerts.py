"""The SQL of notification bookkeeping: which stories were notified, what was delivered.

Runs on the thread that owns the Store.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from .store import Store, to_epoch


def notified_stories(store: Store, stories: Sequence[int]) -> set[int]:
    """The stories among `stories` that some alert was already notified for."""
    if not stories:
        return set()
    rows = store.conn.execute(
        f"SELECT DISTINCT story_id FROM alerts WHERE notified IS NOT NULL "
        f"AND story_id IN ({','.join('?' * len(stories))})", list(stories))
    return {int(row[0]) for row in rows}


def record_delivery(store: Store, delivered: Sequence[int], now: datetime, state_key: str, state: Any) -> None:
    """Mark `delivered` alerts notified at `now` and save the policy state, in one transaction."""
    with store.transaction() as conn:
        if delivered:
            conn.executemany("UPDATE alerts SET notified = ? WHERE id = ?",
                             [(to_epoch(now), alert_id) for alert_id in delivered])
        store.set_setting(state_key, state, conn)
