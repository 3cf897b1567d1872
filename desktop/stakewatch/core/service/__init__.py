"""The application service: everything the CLI and the tray do that is not drawing.

One `Service` wraps a Store owned by the calling thread. A poll cycle runs the
Poller, asks the policy what to show, notes health changes, then calls each
registered reaction with the `CycleResult` (showing notifications is one such
reaction; a sound, a channel delivery or an archive step are others). A
reaction that raises is logged with its traceback and never stops the others.

The rest: seeding the default watchlist, import and export with their summaries,
feed discovery and source preview (network; any thread, no Store), the tray's
snapshot and state, pausing, and when to poll next.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from .. import settings
from ..delivery import dispatch
from ..delivery.policy import Notification, in_quiet_hours
from ..exchange import exports
from ..exchange.transfer import Config, export_file, import_file, read_config_file
from ..fetching.client import Fetcher
from ..fetching.schedule import scheduled_health
from ..i18n import Message, translate
from ..matching.backfill import backfill, changed_entities
from ..matching.matcher import Match, Matcher
from ..model import Alert, Entity, Item, Source, SourceHealth, Watchlist
from ..platform.secrets import Vault, request_auth
from ..resources import resource
from ..sources import SOURCE_KINDS, ParseError
from ..sources.discovery import FoundFeed, discover
from ..states import HealthStatus, TrayState, tray_state
from ..store import editing as store_editing
from ..store import inbox as store_inbox
from ..store.database import Store
from ..store.inbox import InboxQuery
from .poller import CycleReport, Poller

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


@dataclass(frozen=True)
class Snapshot:
    """What the tray shows: the latest alerts and how the sources are doing."""

    latest: list[Alert] = field(default_factory=list)
    failing: list[str] = field(default_factory=list)
    sources: int = 0
    paused_until: datetime | None = None


@dataclass(frozen=True)
class CycleResult:
    """A finished cycle and what the service decided about it."""

    report: CycleReport
    notifications: list[Notification]
    health: list[SourceHealth]
    next_due: datetime | None
    snapshot: Snapshot
    shown: int = 0

    @property
    def new_alerts(self) -> list[int]:
        return self.report.new_alerts


Reaction = Callable[["Service", CycleResult], None]
REACTIONS: list[Reaction] = []


def register_reaction(reaction: Reaction) -> Reaction:
    """Call `reaction(service, result)` after every poll cycle, in the CLI and the tray alike."""
    REACTIONS.append(reaction)
    return reaction


class Service:
    """The core's one front door. Runs on the thread that owns `store`; raises UserError for bad input."""

    def __init__(self, store: Store, reactions: Sequence[Reaction] = (),
                 clock: Callable[[], datetime] | None = None,
                 show: Callable[[Notification], bool] | None = None) -> None:
        """`show` hands each notification to a notifier as the cycle decides it: only what it accepts
        counts as delivered (the rest waits for the next cycle). Without it the cycle's notifications
        are all delivered and left to the reactions to show (a notifier of the GUI thread)."""
        self.store = store
        self.show = show
        self.reactions = list(reactions)
        self.clock = clock or (lambda: datetime.now(UTC))
        self._poller: Poller | None = None

    @property
    def poller(self) -> Poller:
        if self._poller is None:
            self._poller = Poller(self.store, settings.poll_config(self.store))
        return self._poller

    # polling ------------------------------------------------------------------------------------

    def poll(self, force: bool = False, honour_schedule: bool = False,
             cancel: threading.Event | None = None, notify: bool = True) -> CycleResult:
        """One cycle, the policy's notifications and health notices, then every reaction.

        `notify=False` (a plain `poll --once`) stores what the cycle found and decides nothing: no
        alert counts as notified and no channel is sent anything. A desk attached to a team database polls
        nothing: it catches up with what the team's server stored (service/team.py)."""
        if self.store.shared:
            from .team import team_cycle

            caught: CycleResult = team_cycle(self, CycleResult, cancel)
            return caught
        before = dispatch.health_snapshot(self.store, self.clock())
        report = self.poller.run_cycle(force=force, honour_schedule=honour_schedule, cancel=cancel)
        if cancel is not None and cancel.is_set():
            return CycleResult(report=report, notifications=[], health=[], next_due=None, snapshot=Snapshot())
        now = self.clock()
        notes: list[Notification] = []
        notices: list[Notification] = []
        if notify:
            notes = dispatch.notifications_for(self.store, report.new_alerts, now, show=self.show)
            notices = dispatch.health_changes(self.store, before, now)
            notices += dispatch.page_changes(self.store, report.pages.changes, now)
        shown = 0
        if self.show is not None:
            shown = len(notes) + sum(1 for note in notices if _shown(self.show, note))
        result = CycleResult(report=report, notifications=notes + notices, health=self.store.health(now),
                             next_due=self.poller.next_due(), snapshot=self.snapshot(), shown=shown)
        for reaction in [*self.reactions, *REACTIONS]:
            try:
                reaction(self, result)
            except Exception:
                log.exception("a reaction to the poll cycle failed: %r", reaction)
        return result

    def source_health(self) -> list[SourceHealth]:
        """Every source's health with its schedule: rhythm, next check, median delay, requests per hour."""
        return scheduled_health(self.store, self.clock())

    def has_enabled_sources(self) -> bool:
        return bool(self.store.sources(enabled_only=True))

    def next_wait(self, next_due: datetime | None) -> timedelta:
        return next_wait(next_due, self.clock())

    def snapshot(self) -> Snapshot:
        health = self.store.health(self.clock())
        return Snapshot(latest=self.store.alerts(limit=LATEST),
                        failing=[h.name for h in health if HealthStatus(h.status).bad],
                        sources=len(health), paused_until=self.paused_until())

    # pausing --------------------------------------------------------------------------------------

    def paused_until(self) -> datetime | None:
        """The end of a pause still running (it survives restarts), else None."""
        until = dispatch.load_state(self.store).paused_until
        return until if until is not None and until > self.clock() else None

    def pause(self, until: datetime | None) -> None:
        dispatch.pause(self.store, until)

    # configuration --------------------------------------------------------------------------------

    def seed_default(self) -> bool:
        """Load the built-in default watchlist into an empty store; True if it did."""
        if not self.store.is_empty():
            return False
        config = read_config_file(resource("default-watchlist.json"))
        self.store.apply_config(config.watchlists, config.sources)
        return True

    def import_file(self, path: Path) -> tuple[Config, Message]:
        """Validate and store a watchlist file; the config and a summary to show. Raises UserError.

        New or changed entities are matched against the stored items before it returns (silently:
        those alerts fill the inbox, never a notification); the summary says how many matched."""
        before = self.store.watchlists()
        config = import_file(self.store, path)
        summary = import_summary(config, str(path))
        changed = changed_entities(before, self.store.watchlists())
        if changed and self.store.count("items"):
            return config, BACKFILLED_AFTER(summary=summary, backfill=backfill(self.store, changed).message())
        return config, summary

    def export_file(self, path: Path) -> Message:
        export_file(self.store, path)
        return EXPORTED(file=str(path))

    def export_alerts(self, path: Path, format: str | None = None, *, since: datetime | None = None,
                      watchlist: str | None = None, limit: int | None = None, tags: Sequence[str] = (),
                      flagged_only: bool = False, ids: Sequence[int] | None = None) -> int:
        """Write the alerts these filters list, newest first, as CSV or XLSX (by `format` or the file's
        suffix); the number of rows. Raises UserError when the format is unknown or the file cannot be
        written, leaving any earlier file as it was."""
        rows = self.store.iter_export_rows(since=since, watchlist=watchlist, limit=limit, ids=ids, tags=tags,
                                           flagged_only=flagged_only)
        return exports.export_alerts(rows, path, format)

    def unread_and_quiet(self) -> tuple[int, str, bool]:
        """The tray's badge and quiet hours: unread alerts, the quiet-hours setting, whether they hold now."""
        config = dispatch.policy_config(self.store)
        return (store_inbox.count(self.store, InboxQuery(unread_only=True)),
                str(settings.get(self.store, "alerts.quiet_hours")), in_quiet_hours(self.clock(), config))

    def mark_read_by_url(self, url: str) -> int:
        """An original opened from a notification or the tray: its alerts are read."""
        return store_inbox.mark_read_by_url(self.store, url)

    def recent_items(self, limit: int) -> list[tuple[Item, str]]:
        return store_editing.recent_items(self.store, limit)


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


def _shown(show: Callable[[Notification], bool], note: Notification) -> bool:
    try:
        return bool(show(note))
    except Exception:  # a notifier must never cost the cycle
        log.exception("showing a notification failed")
        return False


def show_notifications(notify: Callable[[Notification], bool]) -> Reaction:
    """A reaction that shows each of the cycle's notifications through `notify`."""

    def reaction(service: Service, result: CycleResult) -> None:
        for note in result.notifications:
            try:
                notify(note)
            except Exception:
                log.exception("showing a notification failed")

    return reaction


def find_feeds(url: str) -> tuple[list[FoundFeed], Message | str | None]:
    """The feeds a page or address offers, and when there are none, why. Network; any thread."""
    return discover(url)


def preview_source(source: Source, watchlists: list[Watchlist],
                   vault: Vault | None = None) -> tuple[list[Item], Message | str | None]:
    """What one fetch of `source` would give, without storing anything; its credential is read from
    `vault` (the data folder's keyring entries; none without one). Network; any thread."""
    kind = SOURCE_KINDS[source.kind]
    url = kind.request_url(source, watchlists)
    headers, basic, problem = request_auth(source.options, vault) if vault is not None else ({}, None, None)
    if problem:
        return [], problem
    result = Fetcher().fetch(url, headers=headers, auth=basic)
    if not result.ok:
        return [], result.error
    try:
        return kind.parse(source, result.body, result.content_type, result.final_url), None
    except ParseError as exc:
        return [], exc.message


def try_entity(entity: Entity, items: Sequence[tuple[Item, str]]) -> list[tuple[Item, str, Match]]:
    """Which of `items` the entity as typed would match, and with which words. Any thread."""
    matcher = Matcher([Watchlist("test", (entity,))])
    return [(item, source, found[0]) for item, source in items if (found := matcher.match_item(item))]


def tray_state_for(polling: bool, snapshot: Snapshot, unseen: int, now: datetime) -> TrayState:
    paused = snapshot.paused_until is not None and now < snapshot.paused_until
    return tray_state(polling, paused, unseen, len(snapshot.failing))
