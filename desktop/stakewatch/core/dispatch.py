"""From a cycle's new alerts to the notifications to show: the policy fed from the store.

Runs on the thread that owns the Store; one transaction records what was
delivered and the policy's state, so an alert (one entity, one story) is never
notified twice, even across restarts.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, time

from . import settings
from .policy import Notification, PolicyConfig, PolicyState, decide, health_notifications
from .store import Store, to_epoch

STATE_KEY = "policy.state"


def _clock(text: str) -> time:
    return time.fromisoformat(text)


def policy_config(store: Store) -> PolicyConfig:
    quiet = str(settings.get(store, "alerts.quiet_hours"))
    start = end = None
    if quiet:
        first, second = quiet.split("-")
        start, end = _clock(first), _clock(second)
    return PolicyConfig(digest_threshold=int(settings.get(store, "alerts.digest_threshold")),
                        quiet_start=start, quiet_end=end)


def muted(store: Store) -> set[tuple[str, str]]:
    pairs: set[tuple[str, str]] = set()
    for watchlist in store.watchlists():
        if watchlist.muted:
            pairs.add((watchlist.name, "*"))
        pairs |= {(watchlist.name, e.name) for e in watchlist.entities if e.muted}
    return pairs


def load_state(store: Store) -> PolicyState:
    return PolicyState.from_json(store.setting(STATE_KEY))


def pause(store: Store, until: datetime | None) -> None:
    """Hold every notification until `until` (None resumes at the next decision)."""
    state = load_state(store)
    with store.transaction() as conn:
        store.set_setting(STATE_KEY, PolicyState(state.queued, state.recent, until).to_json(), conn)


def notifications_for(store: Store, new_alert_ids: Sequence[int], now: datetime) -> list[Notification]:
    """Decide what to show now for these new alerts (and whatever was queued)."""
    state = load_state(store)
    # alerts found in stored items for a new entity fill the inbox, never a popup
    new = [a for a in store.alerts(ids=list(new_alert_ids)) if not a.backfilled] if new_alert_ids else []
    queued = store.alerts(ids=list(state.queued)) if state.queued else []
    # an alert is one (entity, story): a story already notified for one entity is still news for
    # another, so only an alert notified itself counts as notified
    ids = sorted({a.id for a in new + queued})
    notified: set[int] = set()
    if ids:
        rows = store.conn.execute(
            f"SELECT story_id FROM alerts WHERE notified IS NOT NULL "
            f"AND id IN ({','.join('?' * len(ids))})", ids)
        notified = {int(row[0]) for row in rows}
    decision = decide(new, queued, notified, muted(store), state, policy_config(store), now)
    with store.transaction() as conn:
        if decision.delivered:
            conn.executemany("UPDATE alerts SET notified = ? WHERE id = ?",
                             [(to_epoch(now), alert_id) for alert_id in decision.delivered])
        store.set_setting(STATE_KEY, decision.state.to_json(), conn)
    return decision.notifications


def health_snapshot(store: Store, now: datetime) -> dict[str, str]:
    return {h.name: h.status for h in store.health(now)}


def health_changes(store: Store, before: dict[str, str], now: datetime) -> list[Notification]:
    return health_notifications(before, store.health(now))
