"""The application service: the core's one front door for the CLI and the tray app.

A `Service` wraps a Store owned by the calling thread and is composed of parts named for what users
do: `inbox`, `notes`, `watchlists`, `sources`, `channels`, `pages`, `settings`, `first_run`,
`briefing`, `exports`, `team`. `poll()` runs one cycle and the after-cycle pipeline (service/cycle.py:
ingest, archive pages, decide and queue, notices, popups, wake the courier, prune and feeds), then
calls each reaction the door gave with the `CycleResult`; a reaction that raises is logged and
never stops the others. The rest: seeding, import and export with their summaries, the tray's
snapshot and state, pausing, and when to poll next; feed discovery, source preview and the Test
panel's matching are functions of any thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from .. import settings
from ..delivery import dispatch
from ..delivery.policy import Notification, in_quiet_hours
from ..exchange import exports
from ..exchange.transfer import Config, export_file, import_file, parse_config, read_config_file
from ..i18n import Message, translate
from ..matching.backfill import backfill, changed_entities
from ..model import Item
from ..platform.demo import DEMO_BASE, demo_config
from ..resources import resource
from ..states import HealthStatus, TrayState, tray_state
from ..store import editing as store_editing
from ..store import inbox as store_inbox
from ..store.database import Store, open_store
from ..store.inbox import InboxQuery
from . import cycle, first_run
from .briefing import Briefing, Exports
from .channels import BriefingWriter, Channels, Courier
from .diagnostics import diagnostics, start_logging
from .inbox import Inbox, Notes
from .pages import Pages
from .poller import Poller
from .preferences import FirstRun, Settings
from .report import CycleReport as CycleReport
from .report import CycleResult as CycleResult
from .report import Snapshot as Snapshot
from .sources import Sources
from .sources import find_feeds as find_feeds
from .sources import preview_source as preview_source
from .team import Team
from .watchlists import Watchlists
from .watchlists import try_entity as try_entity

log = logging.getLogger("stakewatch.service")

LATEST = 16
MIN_WAIT = timedelta(seconds=5)
MAX_WAIT = timedelta(seconds=60)

IMPORTED = translate("Service", "Imported {watchlists} {watchlists:?watchlist|watchlists}, {entities} "
                                "{entities:?entity|entities} and {sources} {sources:?source|sources}.")
IMPORTED_FROM = translate("Service", "Imported {watchlists} {watchlists:?watchlist|watchlists}, {entities} "
                                     "{entities:?entity|entities} and {sources} {sources:?source|sources} "
                                     "from {file}.")
EXPORTED = translate("Service", "Exported to {file}.")
CYCLE = translate("Service", "Polled {polled} {polled:?source|sources}: {ok} ok ({unchanged} unchanged), "
                             "{failing} failing; {items} new items; {alerts} new alerts{rest}.")
SKIPPED = translate("Service", "; {skipped} skipped")
BACKFILLED_AFTER = translate("Service", "{summary} {backfill}.")
SEEDED = translate("Service", "Loaded the default watchlist (Japan AI & IP).")


Reaction = Callable[["Service", CycleResult], None]


class Service:
    """The core's one front door, composed of parts named for what users do.

    One Service wraps one Store (one SQLite connection) and runs on the thread that opened it; a
    worker thread opens its own with `Service.open(root)`. Raises UserError for bad input and
    StorageError (a UserError) when the database fails."""

    def __init__(self, store: Store, reactions: Sequence[Reaction] = (),
                 clock: Callable[[], datetime] | None = None,
                 show: Callable[[Notification], bool] | None = None,
                 writer: BriefingWriter | None = None, courier: Courier | None = None) -> None:
        """`show` hands each notification to a notifier as the cycle decides it: only what it accepts
        counts as delivered (the rest waits for the next cycle). Without it the cycle's notifications
        are all delivered and left to the reactions to show (a notifier of the GUI thread). `writer`
        draws briefings as PDF (injected by a door that can draw); `courier` is woken after a cycle
        that queued channel messages."""
        self._store = store
        self.show = show
        self.reactions = list(reactions)
        self.clock = clock or (lambda: datetime.now(UTC))
        self.writer = writer
        self.courier = courier
        self._poller: Poller | None = None
        self.inbox = Inbox(store)
        self.notes = Notes(store)
        self.watchlists = Watchlists(store)
        self.sources = Sources(store)
        self.channels = Channels(store, writer)
        self.pages = Pages(store)
        self.settings = Settings(store)
        self.first_run = FirstRun(store)
        self.briefing = Briefing(store, writer)
        self.exports = Exports(store)
        self.team = Team(store)

    @classmethod
    def open(cls, root: Path, *, writer: BriefingWriter | None = None, courier: Courier | None = None,
             reactions: Sequence[Reaction] = (), read_only: bool = False) -> Service:
        """A Service on a new connection to the data folder `root`, for the calling thread; close it
        (or use it as a context manager). `read_only`: every write through it fails (the GUI window's:
        its writes are tasks). Raises StorageError when the database cannot be opened."""
        return cls(open_store(root, read_only), reactions=reactions, writer=writer, courier=courier)

    @classmethod
    def open_or_kept(cls, root: Path, *, read_only: bool = False) -> tuple[Service, bool]:
        """Like `open`, except that a folder attached to a team server that cannot be reached opens what the
        desk kept of it (store/mirror.py): (service, True). Raises StorageError."""
        from ..store.mirror import open_or_cached

        store, kept = open_or_cached(root, read_only)
        return cls(store), kept

    @property
    def shared(self) -> bool:
        """True on a team database that a server polls: this desk polls nothing and writes what its role may."""
        return self._store.shared

    def close(self) -> None:
        self._store.close()

    def __enter__(self) -> Service:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @property
    def root(self) -> Path:
        """The data folder."""
        return self._store.path.parent

    @property
    def database(self) -> Path:
        return self._store.path

    def setup_logging(self) -> Path | None:
        """Log to the data folder's logs/ (rotated, secrets redacted); the file, or None (never raises)."""
        return start_logging(self.root, self._store)

    def diagnostics(self) -> str:
        """Versions, settings (no secrets), source health and the last log lines, for a bug report."""
        return diagnostics(self.root, self._store)

    def counts(self) -> dict[str, int]:
        """How many items and alerts the folder holds."""
        return {table: self._store.count(table) for table in ("items", "alerts")}

    def load_demo(self, base: str) -> None:
        """A demo folder's first start gets the example watchlist with the demo feeds (no first-run
        question); later starts keep what the user did there and only re-point the demo sources when the
        server's address moved."""
        config = parse_config(demo_config(base))
        if not self._store.setting(first_run.FIRST_RUN_DONE, False):
            self._store.apply_config(config.watchlists, config.sources)
            self._store.set_setting(first_run.FIRST_RUN_DONE, True)
            settings.put(self._store, "poll.host_spacing", "0")  # its feeds are served by this process
        elif self._store.setting(DEMO_BASE) not in (None, base):
            self._store.apply_config([], config.sources)
        self._store.set_setting(DEMO_BASE, base)

    @property
    def poller(self) -> Poller:
        if self._poller is None:
            self._poller = Poller(self._store, settings.poll_config(self._store))
        return self._poller

    # polling ------------------------------------------------------------------------------------

    def poll(self, force: bool = False, honour_schedule: bool = False,
             cancel: threading.Event | None = None, notify: bool = True, send_now: bool = False) -> CycleResult:
        """One cycle and its after-cycle pipeline (service/cycle.py, in the order of `cycle.STEPS`),
        then the result to every reaction.

        `notify=False` (a plain `poll --once`) stores what the cycle found and decides nothing: no
        alert counts as notified and no channel is sent anything. `send_now` (`poll --once --notify`):
        without a courier, the channels' messages are sent on this thread (`result.delivery`). A desk
        attached to a team database polls nothing: it catches up with what the team's server stored
        (service/team.py)."""
        if self._store.shared:
            from .team import team_cycle

            caught: CycleResult = team_cycle(self, self._store, CycleResult, cancel)
            return caught
        with self.poller.lock(cancel) as lock:
            if not lock.acquired:
                now = self.clock()
                return CycleResult(report=CycleReport(started=now, finished=now), notifications=[], health=[],
                                   next_due=None, snapshot=Snapshot())
            return self._pipeline(force, honour_schedule, cancel, notify, send_now)

    def _pipeline(self, force: bool, honour_schedule: bool, cancel: threading.Event | None,
                  notify: bool, send_now: bool = False) -> CycleResult:
        store = self._store
        before = dispatch.health_snapshot(store, self.clock())
        report = self.poller.ingest(force=force, honour_schedule=honour_schedule, cancel=cancel)  # 1
        cycle.archive_pages(store, report, self.poller.clock, force, cancel)  # 2
        if cancel is not None and cancel.is_set():
            return CycleResult(report=report, notifications=[], health=[], next_due=None, snapshot=Snapshot())
        now = self.clock()
        notes: list[Notification] = []
        notices: list[Notification] = []
        if notify:
            notes = cycle.decide_and_queue(store, report, now, self.show)  # 3
            notices = cycle.notices(store, report, before, now)  # 4
        shown = cycle.popups(self.show, notes, notices)  # 5
        result = CycleResult(report=report, notifications=notes + notices, health=store.health(now),
                             next_due=self.poller.next_due(), snapshot=self.snapshot(), shown=shown)
        for reaction in self.reactions:
            try:
                reaction(self, result)
            except Exception:
                log.exception("a reaction to the poll cycle failed: %r", reaction)
        if notify:
            delivery = cycle.wake_courier(store, self.courier.wake if self.courier is not None else None,
                                          self.channels.deliver_now if send_now else None)  # 6
            if delivery is not None:
                result = replace(result, delivery=delivery)
        cycle.prune_and_feeds(store, self.poller.config, report)  # 7
        return result

    def start_courier(self) -> Courier:
        """The courier of this service, started (one for the data folder: give it to the Services of
        other threads with `Service.open(root, courier=...)`); stop it when the door closes."""
        if self.courier is None:
            self.courier = self.channels.courier()
        return self.courier.start()

    def has_enabled_sources(self) -> bool:
        return bool(self._store.sources(enabled_only=True))

    def next_wait(self, next_due: datetime | None) -> timedelta:
        return next_wait(next_due, self.clock())

    def snapshot(self) -> Snapshot:
        health = self._store.health(self.clock())
        return Snapshot(latest=self._store.alerts(limit=LATEST),
                        failing=[h.name for h in health if HealthStatus(h.status).bad],
                        sources=len(health), paused_until=self.paused_until())

    # pausing --------------------------------------------------------------------------------------

    def paused_until(self) -> datetime | None:
        """The end of a pause still running (it survives restarts), else None."""
        until = dispatch.load_state(self._store).paused_until
        return until if until is not None and until > self.clock() else None

    def pause(self, until: datetime | None) -> None:
        dispatch.pause(self._store, until)

    # configuration --------------------------------------------------------------------------------

    def seed_default(self) -> bool:
        """Load the built-in default watchlist into an empty store; True if it did."""
        if not self._store.is_empty():
            return False
        config = read_config_file(resource("default-watchlist.json"))
        self._store.apply_config(config.watchlists, config.sources)
        return True

    def import_file(self, path: Path) -> tuple[Config, Message]:
        """Validate and store a watchlist file; the config and a summary to show. Raises UserError.

        New or changed entities are matched against the stored items before it returns (silently:
        those alerts fill the inbox, never a notification); the summary says how many matched."""
        before = self._store.watchlists()
        config = import_file(self._store, path)
        summary = import_summary(config, str(path))
        changed = changed_entities(before, self._store.watchlists())
        if changed and self._store.count("items"):
            return config, BACKFILLED_AFTER(summary=summary, backfill=backfill(self._store, changed).message())
        return config, summary

    def export_file(self, path: Path) -> Message:
        export_file(self._store, path)
        return EXPORTED(file=str(path))

    def export_alerts(self, path: Path, format: str | None = None, *, since: datetime | None = None,
                      watchlist: str | None = None, limit: int | None = None, tags: Sequence[str] = (),
                      flagged_only: bool = False, ids: Sequence[int] | None = None) -> int:
        """Write the alerts these filters list, newest first, as CSV or XLSX (by `format` or the file's
        suffix); the number of rows. Raises UserError when the format is unknown or the file cannot be
        written, leaving any earlier file as it was."""
        rows = self._store.iter_export_rows(since=since, watchlist=watchlist, limit=limit, ids=ids, tags=tags,
                                           flagged_only=flagged_only)
        return exports.export_alerts(rows, path, format)

    def unread_and_quiet(self) -> tuple[int, str, bool]:
        """The tray's badge and quiet hours: unread alerts, the quiet-hours setting, whether they hold now."""
        config = dispatch.policy_config(self._store)
        return (store_inbox.count(self._store, InboxQuery(unread_only=True)),
                str(settings.get(self._store, "alerts.quiet_hours")), in_quiet_hours(self.clock(), config))

    def mark_read_by_url(self, url: str) -> int:
        """An original opened from a notification or the tray: its alerts are read."""
        return store_inbox.mark_read_by_url(self._store, url)

    def recent_items(self, limit: int) -> list[tuple[Item, str]]:
        return store_editing.recent_items(self._store, limit)


def next_wait(next_due: datetime | None, now: datetime) -> timedelta:
    """How long to wait before the next scheduled cycle: until the next source is due, 5 s to 60 s."""
    if next_due is None:
        return MAX_WAIT
    return min(max(next_due - now, MIN_WAIT), MAX_WAIT)


def cycle_summary(report: CycleReport) -> Message:
    """'Polled 3 sources: 2 ok (1 unchanged), 1 failing; 4 new items; 1 new alert.' in the user's language."""
    ok = [o for o in report.outcomes if o.ok]
    return CYCLE(polled=len(report.outcomes), ok=len(ok), unchanged=sum(1 for o in ok if o.not_modified),
                 failing=len(report.failures), items=sum(o.new_items for o in report.outcomes),
                 alerts=len(report.new_alerts), skipped=len(report.skipped),
                 rest=SKIPPED(skipped=len(report.skipped)) if report.skipped else "")


def import_summary(config: Config, file: str | None = None) -> Message:
    entities = sum(len(w.entities) for w in config.watchlists)
    counts = {"watchlists": len(config.watchlists), "entities": entities, "sources": len(config.sources)}
    return IMPORTED_FROM(file=file, **counts) if file else IMPORTED(**counts)


def show_notifications(notify: Callable[[Notification], bool]) -> Reaction:
    """A reaction that shows each of the cycle's notifications through `notify`."""

    def reaction(service: Service, result: CycleResult) -> None:
        for note in result.notifications:
            try:
                notify(note)
            except Exception:
                log.exception("showing a notification failed")

    return reaction


def tray_state_for(polling: bool, snapshot: Snapshot, unseen: int, now: datetime) -> TrayState:
    paused = snapshot.paused_until is not None and now < snapshot.paused_until
    return tray_state(polling, paused, unseen, len(snapshot.failing))
