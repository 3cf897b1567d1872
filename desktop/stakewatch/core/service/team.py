"""A desk attached to a team database polls nothing: its "cycle" reads the alerts the team's server
stored since this folder last looked (by id after its high-water mark, see store/team.py) and shows
them, grouped by story as the desk's own policy groups them (a digest beyond its threshold), muted
entities left out. Nothing is written to the team database. Runs on the thread that owns the store;
raises UserError (StorageError "offline" when the server cannot be reached).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from ..delivery import dispatch
from ..delivery.policy import Notification, _groups, digest_notification, story_notification
from ..model import Alert
from ..store.team import Mark, alert_ids_after, personal_mutes, start_mark
from .poller import CycleReport, Outcome

log = logging.getLogger("stakewatch.team")
MARK_FILE = "team-mark.json"
LOOK_AGAIN = timedelta(minutes=1)  # the doorbell wakes a desk at once; this is the fallback


def team_cycle(service: Any, result_type: Any, cancel: threading.Event | None = None) -> Any:
    """Catch up with the team database: new alerts shown once, the inbox's snapshot refreshed; the
    service's CycleResult (`result_type`, given so that this module needs not import the service's)."""
    store = service.store
    now = service.clock()
    report = CycleReport(started=now, finished=now)
    mark_path = store.path.parent / MARK_FILE
    mark = Mark.load(mark_path)
    if mark is None:
        mark = start_mark(store)
        _keep(store, None)  # what the team had when this desk attached, for when the server is away
    fresh = alert_ids_after(store, mark)
    notes: list[Notification] = []
    if fresh:
        alerts = store.alerts(ids=fresh)
        report.outcomes.append(Outcome(source=store.where, ok=True, new_alerts=tuple(fresh)))
        _keep(store, fresh)
        notes = notifications(alerts, dispatch.muted(store) | personal_mutes(store),
                              dispatch.policy_config(store).digest_threshold)
    shown = sum(1 for note in notes if _show(service.show, note))
    mark.save(mark_path)
    return result_type(report=report, notifications=notes, health=store.health(now), next_due=now + LOOK_AGAIN,
                       snapshot=service.snapshot(), shown=shown)


def notifications(alerts: list[Alert], muted: set[tuple[str, str]], threshold: int) -> list[Notification]:
    """What a desk shows for alerts its team's server stored: one per story, or a digest beyond `threshold`."""
    kept = [a for a in alerts if (a.watchlist, a.entity) not in muted and (a.watchlist, "*") not in muted]
    groups = _groups(kept)
    if not groups:
        return []
    if len(groups) > threshold:
        return [digest_notification(kept)]
    return [story_notification(group) for group in groups]


def _keep(store: Any, ids: list[int] | None) -> None:
    from ..store.mirror import mirror

    try:
        mirror(store, ids)
    except Exception:  # a cache that cannot be written costs only the offline view
        log.warning("the team cache could not be written", exc_info=True)


def _show(show: Callable[[Notification], bool] | None, note: Notification) -> bool:
    if show is None:
        return False
    try:
        return bool(show(note))
    except Exception:  # noqa: BLE001 - a failing notifier never ends the catch-up
        return False

