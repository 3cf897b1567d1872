"""The channels' outbox: what the policy decided, queued per channel, then sent reliably.

`queue_decision` runs inside the transaction that records a cycle's notification
decision (Store's thread), so each alert is queued once per channel or not at all: a story
already sent for one entity goes again, with its new entities only, when another joins it.
`send_due` sends what is due, one channel at a time, outside any transaction; a
message is marked sent only once the service acknowledged it, retried with
exponential backoff otherwise and abandoned after a day of failures. `Courier`
runs `send_due` on its own thread with its own Store, so sending never holds up
a poll or a popup.
"""

from __future__ import annotations

import hashlib
import logging
import tempfile
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from ..i18n import Message, translate
from ..model import Alert
from ..store import channels as store_channels
from ..store import keyring as store_keyring
from ..store.columns import Connection
from ..store.database import Store, to_epoch
from .channels import (
    CUT_GRACE,
    NO_URL,
    SEND_DEADLINE,
    SendError,
    digest_payload,
    last_slot,
    load_url,
    notice_payload,
    scheduled_payload,
    send,
    story_payload,
    takes_attachments,
)
from .policy import Decision, Notification, PolicyConfig, _groups, in_quiet_hours

log = logging.getLogger("stakewatch.outbox")
PdfRenderer = Callable[[Store, datetime, datetime, dict[str, Any], Path], None]
"""Draws the briefing of [start, end] to the path; the dict narrows it: watchlists, entities, statements_only."""

LEASE_MARGIN = 10.0
GAVE_UP = translate("Channels", "gave up on {n} {n:?message|messages} after a day of failures: {reason}")
CHANNEL_FAILING = translate("Channels", "Channel failing: {name}")
UNEXPECTED = translate("Channels", "unexpected error: {detail}")


@dataclass(frozen=True)
class OutboxConfig:
    """`send_deadline` bounds one send in all (a service dripping its answer is cut off); the `lease` on
    a claimed message is longer, so another process never takes a message one is still sending."""

    first_retry: timedelta = timedelta(seconds=30)
    longest_retry: timedelta = timedelta(hours=1)
    give_up_after: timedelta = timedelta(days=1)
    lease: timedelta = timedelta(minutes=2)
    send_deadline: timedelta = timedelta(seconds=SEND_DEADLINE)


@dataclass
class DeliveryReport:
    sent: int = 0
    failed: int = 0
    abandoned: int = 0
    errors: dict[str, str] = field(default_factory=dict)


# queueing (inside the caller's transaction) ---------------------------------------------------

def queue_decision(conn: Connection, decision: Decision, alerts: Sequence[Alert],
                   config: PolicyConfig, now: datetime) -> int:
    """Queue the stories the policy just released for every channel that wants them. The count queued."""
    channels = store_channels.channels(conn)
    if not channels:
        return 0
    by_id = {alert.id: alert for alert in alerts}
    delivered = [by_id[i] for i in decision.delivered if i in by_id]
    held_by_quiet = [by_id[i] for i in decision.state.queued if i in by_id] \
        if in_quiet_hours(now, config) and decision.state.paused_until is None else []
    burst = any(n.kind == "digest" for n in decision.notifications)
    queued = 0
    for channel_id, channel in channels:
        if channel.digest_only:
            continue
        chosen = [a for a in delivered + ([] if channel.quiet_hours else held_by_quiet) if channel.wants(a)]
        done = store_channels.alerts_sent(conn, channel_id, [a.id for a in chosen])
        groups = _groups(a for a in chosen if a.id not in done)
        if not groups:
            continue
        if len(groups) >= config.digest_threshold or (burst and len(groups) > 1):
            ids = [a.id for group in groups for a in group]
            queued += store_channels.queue(conn, channel_id, f"digest:{_ids_key(ids)}", "digest",
                                           digest_payload(groups), now, ids)
            continue
        for group in groups:
            ids = [a.id for a in group]
            queued += store_channels.queue(conn, channel_id, f"story:{group[0].story}:{_ids_key(ids)}", "story",
                                           story_payload(group), now, ids)
    return queued


def _ids_key(alert_ids: Sequence[int]) -> str:
    """A short key for a set of alerts: the same alerts, the same message."""
    return hashlib.sha256(",".join(map(str, sorted(alert_ids))).encode()).hexdigest()[:32]


def queue_notices(conn: Connection, notices: Sequence[Notification], now: datetime) -> int:
    """Queue source-health notices for the channels that asked for them (caller's transaction)."""
    health = [n for n in notices if n.kind == "health"]
    queued = 0
    for channel_id, channel in store_channels.channels(conn):
        if channel.health:
            for notice in health:
                key = f"notice:{notice.title}:{to_epoch(now):.0f}"
                queued += store_channels.queue(conn, channel_id, key, "notice",
                                               notice_payload(notice.title, notice.body), now)
    return queued


def channel_notices(store: Store) -> list[Notification]:
    """One quiet notice per channel that started failing since it was last announced."""
    with store.transaction() as conn:
        failing = store_channels.unannounced_failures(conn)
    from ..i18n import loads, render

    return [Notification(title=str(CHANNEL_FAILING(name=name)), body=render(loads(error)), url=None,
                         opens_inbox=True, urgency="low", kind="health") for name, error in failing]


def queue_scheduled(store: Store, now: datetime) -> int:
    """Queue each channel's scheduled digest whose time has come (once per slot)."""
    queued = 0
    for row in store_channels.channel_rows(store):
        if not row.channel.digest:
            continue
        slot, period = last_slot(row.channel.digest, now)
        # a last digest stored while the clock ran ahead is no digest at all: this slot's is due
        last = row.last_digest if row.last_digest is not None and row.last_digest <= now else None
        previous = last or (slot - period)
        if previous >= slot:
            continue
        start = max(previous, slot - period)
        alerts = [a for a in store.alerts(since=start) if min(a.published, a.found) <= slot
                  and row.channel.wants(a)]
        payload = scheduled_payload(alerts, start, slot)
        payload["scope"] = {"watchlists": list(row.channel.watchlists) or None,
                            "statements_only": row.channel.only == "statements",
                            "entities": sorted({a.entity for a in alerts}) if row.channel.only == "priority"
                            else None}
        with store.transaction() as conn:
            queued += store_channels.queue(conn, row.id, f"scheduled:{slot.astimezone(UTC).isoformat()}",
                                           "scheduled", payload, now)
            store_channels.set_last_digest(conn, row.id, slot)
    return queued


# sending --------------------------------------------------------------------------------------

def _retry_at(message: store_channels.OutboxMessage, now: datetime, config: OutboxConfig) -> datetime:
    wait = config.first_retry * (2 ** min(message.attempts, 20))
    later: datetime = now + min(wait, config.longest_retry)
    return later


def _attachment(store: Store, message: store_channels.OutboxMessage, url: str,
                render_pdf: PdfRenderer | None, folder: Path) -> Path | None:
    if message.kind != "scheduled" or render_pdf is None or not takes_attachments(url):
        return None
    start = datetime.fromisoformat(message.payload["start"])
    end = datetime.fromisoformat(message.payload["end"])
    path = folder / f"stakewatch-briefing-{end.astimezone().strftime('%Y-%m-%d')}.pdf"
    try:
        render_pdf(store, start, end, dict(message.payload.get("scope") or {}), path)
    except Exception:  # a digest without its PDF is better than no digest
        log.exception("briefing PDF for a channel digest failed")
        return None
    return path


def configured(store: Store, config: OutboxConfig = OutboxConfig()) -> OutboxConfig:
    """`config` with the user's send deadline, and a lease that outlasts it (with the cut-off's grace),
    so no other process takes a message while this one may still be sending it."""
    from .. import settings

    deadline = timedelta(seconds=int(settings.get(store, "channels.send_deadline")))
    return replace(config, send_deadline=deadline,
                   lease=max(config.lease, deadline + timedelta(seconds=CUT_GRACE + LEASE_MARGIN)))


def send_due(store: Store, now: datetime | None = None, config: OutboxConfig | None = None,
             render_pdf: PdfRenderer | None = None, stop: threading.Event | None = None) -> DeliveryReport:
    """Attempt every message due now, once; a failing channel's other messages wait with it. Without a
    `config`, the user's settings decide the send deadline."""
    now = now or datetime.now(UTC)
    if config is None:
        config = configured(store)
    config = replace(config, lease=max(config.lease, config.send_deadline
                                       + timedelta(seconds=CUT_GRACE + LEASE_MARGIN)))
    queue_scheduled(store, now)
    report = DeliveryReport()
    names = {row.id: row.channel.name for row in store_channels.channel_rows(store)}
    failed_channels: set[int] = set()
    urls: dict[int, str | None] = {}
    folder_id = store_keyring.scope(store)
    with tempfile.TemporaryDirectory(prefix="stakewatch-digest-") as folder:
        for message in store_channels.due(store, now, limit=100_000, longest=config.longest_retry):
            if stop is not None and stop.is_set():
                break
            if message.channel_id in failed_channels or message.channel_id not in names:
                continue
            name = names[message.channel_id]
            if not store_channels.claim(store, message, now, config.lease):
                continue
            if message.channel_id not in urls:
                urls[message.channel_id] = load_url(store, name)
            url = urls[message.channel_id]
            try:
                if url is None:
                    raise SendError(NO_URL(), retry=True)
                send(url, message.payload, _attachment(store, message, url, render_pdf, Path(folder)),
                     deadline=config.send_deadline.total_seconds(),
                     idempotency_key=idempotency_key(folder_id, message))
            except SendError as exc:
                _failed(store, message, exc.reason, now, config, report)
                report.errors[name] = str(exc.reason)
                failed_channels.add(message.channel_id)
                continue
            except Exception as exc:  # Apprise or a plugin misbehaving must not stop the other channels
                log.exception("channel %s: unexpected error while sending", name)
                _failed(store, message, UNEXPECTED(detail=type(exc).__name__), now, config, report)
                failed_channels.add(message.channel_id)
                continue
            store_channels.mark_sent(store, message, datetime.now(UTC))
            report.sent += 1
    return report


def idempotency_key(folder_id: str, message: store_channels.OutboxMessage) -> str:
    """The same for every attempt at one message, different for every message and data folder."""
    return hashlib.sha256(f"{folder_id}:{message.channel_id}:{message.key}".encode()).hexdigest()[:40]


def _failed(store: Store, message: store_channels.OutboxMessage, reason: Message, now: datetime,
            config: OutboxConfig, report: DeliveryReport) -> None:
    # the channel's other messages wait with it (one created while the clock ran ahead counts as new now)
    waiting = [m for m in store_channels.due(store, now + timedelta(days=3650), limit=100_000)
               if m.channel_id == message.channel_id]
    give_up = {m.id for m in waiting if now - min(m.created, now) >= config.give_up_after}
    error = reason.dumps()
    if give_up:
        error = GAVE_UP(n=len(give_up), reason=reason).dumps()
        log.warning("channel messages abandoned after a day of failures: %s", reason)
    retry = {m.id: _retry_at(message, now, config) for m in waiting}
    store_channels.mark_failed(store, message, waiting, error, now, retry, give_up)
    report.failed += 1
    report.abandoned += len(give_up)


# the worker thread -------------------------------------------------------------------------------

class Courier:
    """Sends the outbox on its own thread (its own Store) whenever woken, and when retries fall due."""

    def __init__(self, database: Path, render_pdf: PdfRenderer | None = None,
                 config: OutboxConfig | None = None) -> None:
        self.database = database
        self.render_pdf = render_pdf
        self.config = config
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._idle = threading.Event()
        self._thread = threading.Thread(target=self._run, name="stakewatch-courier", daemon=True)

    def start(self) -> Courier:
        self._thread.start()
        return self

    def wake(self) -> None:
        """Look at the outbox now (any thread)."""
        self._idle.clear()
        self._wake.set()

    def wait_idle(self, timeout: float) -> bool:
        """Block until a pass over the outbox ended after the last `wake` (tests, benchmarks, `watch`)."""
        return self._idle.wait(timeout)

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread.is_alive():
            self._thread.join(timeout)

    def _run(self) -> None:
        with Store(self.database) as store:
            while not self._stop.is_set():
                self._wake.clear()
                try:
                    config = self.config or configured(store)
                    send_due(store, config=config, render_pdf=self.render_pdf, stop=self._stop)
                    upcoming = store_channels.next_due(store, datetime.now(UTC), config.longest_retry)
                except Exception:  # keep the courier alive: the next wake tries again
                    log.exception("channel delivery pass failed")
                    upcoming = None
                if not self._wake.is_set():
                    self._idle.set()
                pause = 60.0 if upcoming is None else (upcoming - datetime.now(UTC)).total_seconds()
                self._wake.wait(min(max(pause, 0.5), 60.0))
