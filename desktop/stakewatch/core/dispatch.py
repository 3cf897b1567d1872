"""From a cycle's new alerts to the notifications to show: the policy fed from the store.

Runs on the thread that owns the Store; one transaction records what was
delivered and the policy's state, so a story is never notified twice, even
across restarts.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, time

from . import settings, store_alerts
from .policy import Notification, PolicyConfig, PolicyState, decide, health_notifications
from .store import Store

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
    store.set_setting(STATE_KEY, PolicyState(state.queued, state.recent, until).to_json())


def notifications_for(store: Store, new_alert_ids: Sequence[int], now: datetime) -> list[Notification]:
    """Decide what to show now for these new alerts (and whatever was queued)."""
    state = load_state(store)
    new = store.alerts(ids=list(new_alert_ids)) if new_alert_ids else []
    queued = store.alerts(ids=list(state.queued)) if state.queued else []
    stories = sorted({a.story for a in new + queued})
    notified = store_alerts.notified_stories(store, stories)
    decision = decide(new, queued, notified, muted(store), state, policy_config(store), now)
    store_alerts.record_delivery(store, decision.delivered, now, STATE_KEY, decision.state.to_json())
    return decision.notifications


def health_snapshot(store: Store, now: datetime) -> dict[str, str]:
    return {h.name: h.status for h in store.health(now)}


def health_changes(store: Store, before: dict[str, str], now: datetime) -> list[Notification]:
    return health_notifications(before, store.health(now))
