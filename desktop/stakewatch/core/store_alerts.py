"""The SQL of notification bookkeeping: which stories were notified, what was delivered.

Runs on the thread that owns the Store.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from .store import Store, to_epoch


def record_delivery(store: Store, delivered: Sequence[int], now: datetime, state_key: str, state: Any,
                    also: Callable[[sqlite3.Connection], object] | None = None) -> None:
    """Mark `delivered` alerts notified at `now` and save the policy state, in one transaction; `also`
    writes in the same transaction (the channels' outbox), so nothing is queued without the decision."""
    with store.transaction() as conn:
        if delivered:
            conn.executemany("UPDATE alerts SET notified = ? WHERE id = ?",
                             [(to_epoch(now), alert_id) for alert_id in delivered])
        store.set_setting(state_key, state, conn)
        if also is not None:
            also(conn)
