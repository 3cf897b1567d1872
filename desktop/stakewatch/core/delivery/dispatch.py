"""From a cycle's new alerts to the notifications to show: the policy fed from the store.

Runs on the thread that owns the Store; one transaction records what was
delivered and the policy's state, so an alert (one entity, one story) is never
notified twice, even across restarts.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, time, timedelta

from .. import settings
from ..model import Alert
from ..store import alerts as store_alerts
from ..store.database import Store
from ..store.pages import PageChange
from . import outbox
from .policy import Decision, Notification, PolicyConfig, PolicyState, decide, health_notifications, page_notifications

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


@dataclass(frozen=True)
class Decided:
    """What a decision showed, what counts as delivered, the policy's next state and what channels get."""

    shown: list[Notification]
    delivered: list[int]
    state: PolicyState
    decision: Decision
    alerts: list[Alert]
    config: PolicyConfig
    now: datetime


def decide_for(store: Store, new_alert_ids: Sequence[int], now: datetime, show: Show | None = None) -> Decided:
    """Decide what to show now for these new alerts (and whatever was queued); records nothing.

    With `show`, each notification is handed to it and only the alerts of those it accepted (returned
    True) count as delivered; the others stay queued for the next decision. Without `show`, every
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
    return Decided(shown, sorted(delivered), next_state, decision, new + queued, config, now)


def record(store: Store, decided: Decided) -> None:
    """One unit of work: the delivered alerts marked notified, the policy's state, and the channels'
    messages queued, so nothing is queued without the decision (and nothing notified twice)."""
    with store.transaction() as conn:
        store_alerts.mark_notified(conn, decided.delivered, decided.now)
        store.set_setting(STATE_KEY, decided.state.to_json(), conn)
        outbox.queue_decision(conn, decided.decision, decided.alerts, decided.config, decided.now)


def notifications_for(store: Store, new_alert_ids: Sequence[int], now: datetime,
                      show: Show | None = None) -> list[Notification]:
    """`decide_for`, then `record`: the notifications shown (with `show`) or to show (without)."""
    decided = decide_for(store, new_alert_ids, now, show)
    record(store, decided)
    return decided.shown


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
