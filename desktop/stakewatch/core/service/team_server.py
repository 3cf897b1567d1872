"""The team server's work, for the doors: make the team database (`init_team`), the poller's loop
(`run_poller`, one per team at a time, spares waiting), the `Team` part of a Service (add users, an
attached desk's watch loop) and the doorbell a tray listens with (`Bell`).

The doors only say things: each loop takes `say` (a message to show) and a callback for what it found;
deciding, storing and waiting happen here. Each function runs on the thread that calls it (the loops
until `stop` is set); they raise UserError.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import Any

from ..i18n import translate
from ..model import UserError
from ..platform import paths
from ..store import server_schema
from ..store.attachment import attach, attached_server, reachable, reconnect
from ..store.database import Store
from ..store.errors import DatabaseFailure
from ..store.mirror import open_or_cached
from ..store.team import Doorbell, Leadership, keep_session
from .team import BELL_RETRY, TITLE, Say

__all__ = ["attach", "attached_server", "open_or_cached", "reachable", "init_team", "run_poller", "Bell"]

NO_DESK = translate("Server", "there is no Stakewatch database in {folder}")
WAITING = translate("Server", "Another poller holds this team database; waiting to take over.")
LEADING = translate("Server", "Polling the team database {url} ({sources} {sources:?source|sources}).")
LOST = translate("Server", "Lost the team database's poller lock; waiting to take it again.")
LEADER_RETRY = 2.0  # seconds between a waiting poller's tries: a takeover well within 30 s


def init_team(folder: Path, url: str, desk: Path | None = None) -> tuple[str, int, dict[str, int] | None]:
    """Make or upgrade the team database at `url` (its owner); copy the desk's data folder `desk` into it.
    (the database as shown, its schema version, rows copied per table or None)."""
    folder.mkdir(parents=True, exist_ok=True)
    with Store(paths.database_path(folder), url, create=True) as store:
        copied = None
        if desk is not None:
            database = paths.database_path(paths.data_dir(desk))
            if not database.is_file():
                raise UserError(TITLE, NO_DESK(folder=str(database.parent)))
            copied = server_schema.copy_desk(store, database)
        return store.where, store.schema_version(), copied


def run_poller(folder: Path, url: str, stop: threading.Event, say: Say,
               reported: Callable[[Any, Any], None], once: bool = False, public_url: str | None = None,
               listen: str | None = None, writer: Any = None) -> None:
    """The team's poller: wait for the lock, then poll on schedule while it is held (`once`: one cycle).

    `reported(result, service)` gets each cycle's CycleResult that did something, with the poller's
    Service; `writer` draws the briefing a scheduled channel digest attaches (the door's BriefingWriter,
    where Qt is installed)."""
    from .diagnostics import start_logging

    folder.mkdir(parents=True, exist_ok=True)
    leader = Leadership(url)
    told = False
    with Store(paths.database_path(folder), url) as store:
        store.serving = True
        keep_session(store)  # a server default must not end it between cycles
        start_logging(folder, store)
        try:
            while not stop.is_set():
                if not leader.try_take():
                    if not told:
                        say(WAITING())
                        told = True
                    stop.wait(LEADER_RETRY)
                    continue
                told = False
                _lead(store, leader, stop, say, reported, once, public_url, listen, writer)
                if once:
                    return
                if not stop.is_set():
                    say(LOST())
        finally:
            leader.release()


def _lead(store: Store, leader: Leadership, stop: threading.Event, say: Say,
          reported: Callable[[Any, Any], None], once: bool, public_url: str | None, listen: str | None,
          writer: Any) -> None:
    """Poll while this process holds the lock: the desk's own cycle (fetch, match, archive, decide, queue
    channel messages), the courier sending what was queued; with `public_url`, WebSub hubs' notifications
    fetch their feed at once."""
    from ..fetching.websub import Callbacks, listen_address
    from ..store.websub import hubs
    from . import Service

    service = Service(store, writer=writer)
    say(LEADING(url=store.where, sources=len(store.sources(enabled_only=True))))
    callbacks = Callbacks(public_url, listen_address(public_url, listen)).start() if public_url else None
    courier = service.start_courier()
    try:
        while not stop.is_set() and leader.held():
            try:
                result = service.poll(honour_schedule=True, cancel=stop)
            except (*DatabaseFailure, UserError) as exc:  # the server or the network went away mid-cycle
                say(str(getattr(exc, "message", exc)))
                stop.wait(LEADER_RETRY)
                with suppress(UserError):
                    reconnect(store)
                    keep_session(store)
                continue
            if result.report.outcomes:
                reported(result, service)
            if callbacks is not None:
                with suppress(*DatabaseFailure):  # the next cycle reconnects
                    for source_id, _name, hub, topic in hubs(store):
                        if callbacks.needs(source_id, hub, topic):
                            callbacks.subscribe(source_id, hub, topic)
            if once:
                courier.wake()
                courier.wait_idle(30)
                return
            _wait(store, leader, stop, service.next_wait(result.next_due).total_seconds(), callbacks)
    finally:
        courier.stop()
        if callbacks is not None:
            callbacks.stop()


def _wait(store: Store, leader: Leadership, stop: threading.Event, seconds: float, callbacks: Any) -> None:
    """Until the next cycle is due: cut short by an editor's change of sources or a hub's notification."""
    until = time.monotonic() + min(max(seconds, 1.0), 60.0)
    config = _config_version(store)
    while not stop.is_set() and time.monotonic() < until and leader.held() and _config_version(store) == config:
        step = min(LEADER_RETRY, max(until - time.monotonic(), 0.0))
        if callbacks is None:
            stop.wait(step)
            continue
        try:
            pushed = callbacks.pushed.get(timeout=step)
        except queue.Empty:
            continue
        with suppress(KeyError, UserError, *DatabaseFailure):
            store.clear_wait(str(store.source_row(pushed)["name"]))  # due now: fetched this cycle
        return


def _config_version(store: Store) -> int | None:
    """The team's configuration version; None when the server cannot say (the next cycle reconnects)."""
    try:
        return store.config_version()
    except (*DatabaseFailure, UserError):
        return None


class Bell:
    """Listens for alerts stored on the team database on its own thread: `rung()` when one is (and once on
    connecting, to catch up), `online(bool)` when the server answers or stops answering. Callbacks run on
    the bell's thread."""

    def __init__(self, url: str, rung: Callable[[], None], online: Callable[[bool], None]) -> None:
        self.url = url
        self._rung, self._online = rung, online
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="stakewatch-team-bell", daemon=True)

    def start(self) -> Bell:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()

    def _run(self) -> None:
        import psycopg

        while not self._stop.is_set():
            try:
                bell = Doorbell(self.url)
            except psycopg.Error:
                reachable(self.url, False)
                self._online(False)
                self._stop.wait(BELL_RETRY)
                continue
            reachable(self.url, True)
            self._online(True)
            self._rung()  # catch up on what came while it was away
            try:
                while not self._stop.is_set():
                    if bell.wait(BELL_RETRY):
                        self._rung()
            except psycopg.Error:
                reachable(self.url, False)
                self._online(False)
            finally:
                bell.close()
