"""From a cycle's new alerts to the notifications to show: the policy fed from the store.

Runs on the thread that owns the Store; one transaction records what was
delivered and the policy's state, so an alert (one entity, one story) is never
notified twice, even across restarts.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime, time, timedelta

from .. import settings
from ..store import alerts as store_alerts
from ..store.database import Store
from ..store.pages import PageChange
from . import outbox
from .policy import Notification, PolicyConfig, PolicyState, decide, health_notifications, page_notifications

STATE_KEY = "policy.state"
LONGEST_PAUSE = timedelta(days=7)
MAX_QUEUED = 1000
Show = Callable[[Notification], bool]


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


def load_state(store: Store, now: datetime | None = None) -> PolicyState:
    """The policy's stored state; given `now`, moments stored while the clock ran ahead count
    as now (the rate-limit history) or as over (a pause longer than any Stakewatch sets)."""
    state = PolicyState.from_json(store.setting(STATE_KEY))
    if now is None:
        return state
    paused = state.paused_until
    if paused is not None and paused > now + LONGEST_PAUSE:
        paused = None
    return replace(state, recent=tuple(min(t, now) for t in state.recent), paused_until=paused)


def pause(store: Store, until: datetime | None) -> None:
    """Hold every notification until `until` (None resumes at the next decision)."""
    state = load_state(store)
    store.set_setting(STATE_KEY, PolicyState(state.queued, state.recent, until).to_json())


def notifications_for(store: Store, new_alert_ids: Sequence[int], now: datetime,
                      show: Show | None = None) -> list[Notification]:
    """Decide what to show now for these new alerts (and whatever was queued).

    With `show`, each notification is handed to it and only the alerts of those
    it accepted (returned True) are marked notified; the others stay queued for
    the next decision. The accepted ones are returned. Without `show`, every
    notification decided is returned and counted as delivered.
    """
    state = load_state(store, now)
    # alerts found in stored items for a new entity fill the inbox, never a popup
    new = [a for a in store.alerts(ids=list(new_alert_ids)) if not a.backfilled] if new_alert_ids else []
    queued = store.alerts(ids=list(state.queued)) if state.queued else []
    ids = sorted({a.id for a in new + queued})
    notified = store.notified_stories(ids) if ids else set()
    config = policy_config(store)
    decision = decide(new, queued, notified, muted(store), state, config, now)
    shown = decision.notifications
    delivered = set(decision.delivered)
    next_state = decision.state
    if show is not None:
        shown = [note for note in decision.notifications if _accepted(show, note)]
        refused = [note for note in decision.notifications if note not in shown]
        held = [alert_id for note in refused for alert_id in note.alert_ids]
        delivered -= set(held)
        recent = next_state.recent[:len(next_state.recent) - len(refused)] if refused \
            else next_state.recent
        queue = tuple(dict.fromkeys(next_state.queued + tuple(held)))[-MAX_QUEUED:]
        next_state = replace(next_state, queued=queue, recent=recent)
    store_alerts.record_delivery(store, sorted(delivered), now, STATE_KEY, next_state.to_json(),
                                 lambda conn: outbox.queue_decision(conn, decision, new + queued, config, now))
    return shown


def _accepted(show: Show, note: Notification) -> bool:
    try:
        return bool(show(note))
    except Exception:  # a notifier must never cost the decision
        return False


def health_snapshot(store: Store, now: datetime) -> dict[str, str]:
    return {h.name: h.status for h in store.health(now)}


def health_changes(store: Store, before: dict[str, str], now: datetime) -> list[Notification]:
    """Sources that turned bad or recovered (also queued for channels that take health notices), and
    channels that started failing, each announced once."""
    notices = health_notifications(before, store.health(now))
    if notices:
        with store.transaction() as conn:
            outbox.queue_notices(conn, notices, now)
    return notices + outbox.channel_notices(store)


def page_changes(store: Store, changes: Sequence[PageChange], now: datetime) -> list[Notification]:
    """Quiet notices for statement pages a cycle found edited or removed."""
    if not changes:
        return []
    alerts = {a.id: a for a in store.alerts(ids=[c.alert_id for c in changes])}
    pairs = [(alerts[c.alert_id], c.change) for c in changes if c.alert_id in alerts]
    return page_notifications(pairs, muted(store), load_state(store), policy_config(store), now)
