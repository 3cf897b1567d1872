"""A desk on a team database: the `Team` part of its Service (add users, the watch loop) and its cycle.

A desk attached to a team database polls nothing: its "cycle" reads the alerts the team's server
stored since this folder last looked (by id after its high-water mark, see store/team.py) and shows
them, grouped by story as the desk's own policy groups them (a digest beyond its threshold), muted
entities left out. Nothing is written to the team database. Runs on the thread that owns the store;
raises UserError (StorageError "offline" when the server cannot be reached).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from contextlib import suppress
from datetime import timedelta
from typing import Any

from ..delivery import dispatch
from ..delivery.policy import Notification, _groups, digest_notification, story_notification
from ..i18n import Message, translate
from ..model import Alert, UserError
from ..store import server_schema
from ..store.attachment import reconnect
from ..store.database import Store
from ..store.team import Doorbell, Mark, alert_ids_after, personal_mutes, start_mark
from .report import CycleReport, Outcome

log = logging.getLogger("stakewatch.team")
MARK_FILE = "team-mark.json"
LOOK_AGAIN = timedelta(minutes=1)  # the doorbell wakes a desk at once; this is the fallback
TITLE = translate("Server", "Team server")
NEEDS_SERVER = translate("Server", "add-user works on a team database: give --server URL (or STAKEWATCH_SERVER)")
REFUSE_POLL = translate("Server", "this folder works on the team database {url}, whose server polls: "
                        "'stakewatch watch' shows what it finds")
WATCHING_TEAM = translate("Server", "Watching the team database {url} as {user}; new alerts appear here.")
OFFLINE = translate("Server", "The team server cannot be reached; showing what was read before, trying again.")
BACK = translate("Server", "The team server answers again; catching up.")
BELL_RETRY = 5.0

Say = Callable[[Message | str], None]


def team_cycle(service: Any, store: Any, result_type: Any, cancel: threading.Event | None = None) -> Any:
    """Catch up with the team database `store` (the `service`'s): new alerts shown once, the inbox's
    snapshot refreshed; the service's CycleResult (`result_type`, given so that this module needs not
    import the service's)."""
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


class Team:
    """The team database a Service works on, as its user sees it (the Service's thread)."""

    def __init__(self, store: Store) -> None:
        self._store = store

    @property
    def where(self) -> str:
        """The team database as shown (no password)."""
        return str(self._store.where)

    def add_user(self, name: str, role: str, password: str) -> None:
        """A login in the reader or editor group of this team database. Raises UserError."""
        if not self._store.shared:
            raise UserError(TITLE, NEEDS_SERVER)
        server_schema.add_user(self._store, name, role, password)

    def refuse_polling(self) -> None:
        """A folder on a team database polls nothing itself. Raises UserError."""
        raise UserError(TITLE, REFUSE_POLL(url=self._store.where))

    def desk_notifications(self, alerts: list[Alert]) -> list[Any]:
        """What a desk shows for alerts its team's server stored: one per story, a digest beyond the
        threshold, muted entities (the team's and this user's own) left out."""
        store = self._store
        return notifications(alerts, dispatch.muted(store) | personal_mutes(store),
                             dispatch.policy_config(store).digest_threshold)

    def watch(self, stop: threading.Event, say: Say, found: Callable[[list[Alert]], None]) -> None:
        """`found` gets each batch of alerts the team's server stores, once, as stored, until `stop`."""
        watch(self._store, stop, say, found)


def watch(store: Store, stop: threading.Event, say: Say, found: Callable[[list[Alert]], None]) -> None:
    """A desk on a team database: `found` gets each batch of alerts its server stores, once, as stored.

    The doorbell (NOTIFY) only says "look now"; what is new is read by id after this folder's
    high-water mark, so a desk that slept or lost the network catches up without missing or repeating."""
    import psycopg

    assert store.url is not None
    mark_path = store.path.parent / MARK_FILE
    mark = Mark.load(mark_path) or start_mark(store)
    say(WATCHING_TEAM(url=store.where, user=store.user))
    bell: Doorbell | None = None
    offline = False
    try:
        while not stop.is_set():
            try:
                if bell is None:
                    bell = Doorbell(store.url)
                    if offline:
                        say(BACK())
                        offline = False
                fresh = alert_ids_after(store, mark)
                if fresh:
                    found(sorted(store.alerts(ids=fresh), key=lambda a: a.id))
                    mark.save(mark_path)
                bell.wait(BELL_RETRY)
            except psycopg.Error:
                if not offline:
                    say(OFFLINE())
                    offline = True
                if bell is not None:
                    bell.close()
                    bell = None
                stop.wait(BELL_RETRY)
                with suppress(UserError):
                    reconnect(store)
    finally:
        if bell is not None:
            bell.close()
