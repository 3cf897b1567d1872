"""The after-cycle pipeline: every step after the poller's ingest, in one place and one order.

    1. ingest                   Poller.ingest: fetch, parse, match, store (one transaction per source)
    2. archive pages            the cycle's statements archived, watched pages re-checked
    3. decide and queue         the policy's decision recorded with the channels' messages, one unit of
                                work (a notifier that must accept each popup is asked as it decides)
    4. health and page notices  sources that turned bad or recovered, channels failing, pages edited
    5. popups                   the notices through the notifier; then the door's reactions
    6. wake the courier         the channels' outbox is sent on the courier's thread
    7. prune and feeds          items past retention pruned; each watchlist's Atom feed written

Steps 1 to 7 run holding the data folder's cycle lock, on the thread that owns the Store. A step
that fails for a reason of its own is logged and never stops the steps after it; a cancelled
cycle ends after step 1.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from datetime import datetime

from ..delivery import dispatch
from ..delivery.outbox import DeliveryReport
from ..delivery.policy import Notification
from ..exchange.atom import write_feeds
from ..model import UserError
from ..settings import PollConfig
from ..store import channels as store_channels
from ..store.database import Store
from ..store.errors import DatabaseFailure
from .report import CycleReport

log = logging.getLogger("stakewatch.cycle")
Show = Callable[[Notification], bool]
STEPS = ("ingest", "archive pages", "decide and queue", "health and page notices", "popups",
         "wake the courier", "prune and feeds")


def archive_pages(store: Store, report: CycleReport, clock: Callable[[], datetime], force: bool,
                  cancel: threading.Event | None) -> None:
    """Step 2: archive this cycle's statements and re-check watched pages (into `report.pages`)."""
    if report.page_work is not None and not report.cancelled:
        report.pages = report.page_work.finish(store, report.new_alerts, clock(), force, cancel)
        report.page_work = None
        report.finished = clock()


def decide_and_queue(store: Store, report: CycleReport, now: datetime, show: Show | None) -> list[Notification]:
    """Step 3: what to show for the new alerts, recorded with the channels' messages in one unit of work."""
    decided = dispatch.decide_for(store, report.new_alerts, now, show=show)
    dispatch.record(store, decided)
    return decided.shown


def notices(store: Store, report: CycleReport, before: dict[str, str], now: datetime) -> list[Notification]:
    """Step 4: health changes (queued for channels that take them), failing channels, edited pages."""
    found = dispatch.health_changes(store, before, now)
    return found + dispatch.page_changes(store, report.pages.changes, now)


def popups(show: Show | None, shown_alerts: Sequence[Notification], found: Sequence[Notification]) -> int:
    """Step 5: the notices through `show`; how many popups this cycle showed (alerts included)."""
    if show is None:
        return 0
    return len(shown_alerts) + sum(1 for note in found if _shown(show, note))


def wake_courier(store: Store, wake: Callable[[], None] | None,
                 send_now: Callable[[], DeliveryReport] | None = None) -> DeliveryReport | None:
    """Step 6: let the courier send, when any channel exists (cheap otherwise); without a courier,
    `send_now` sends on this thread (`poll --once --notify`) and says how it went."""
    if (wake is None and send_now is None) or not store_channels.any_channel(store):
        return None
    if wake is not None:
        wake()
        return None
    assert send_now is not None
    return send_now()


def prune_and_feeds(store: Store, config: PollConfig, report: CycleReport) -> None:
    """Step 7: items past retention pruned (alerts and archived pages stay); the Atom feeds written."""
    if report.cancelled:
        return
    finished = report.finished or report.started
    if config.retention is not None:
        try:
            pruned = store.prune_items(finished - config.retention)
        except (*DatabaseFailure, UserError) as exc:
            log.warning("pruning old items failed: %s", exc)
        else:
            if pruned:
                log.info("pruned %d items older than %s", pruned, config.retention)
    if config.atom_feeds:
        try:
            write_feeds(store, store.path.parent, finished)
        except (OSError, *DatabaseFailure, UserError):
            log.exception("could not write the watchlists' Atom feeds")


def _shown(show: Show, note: Notification) -> bool:
    try:
        return bool(show(note))
    except Exception:  # a notifier must never cost the cycle
        log.exception("showing a notification failed")
        return False
