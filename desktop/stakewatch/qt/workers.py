"""Work off the GUI thread: QRunnables with a QObject emitter (`finished`, `failed`).

Each task opens its own Store (its own SQLite connection) on the pool thread.
Emitters are created on the GUI thread, so their signals arrive there queued.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Signal

from ..commands.channels import render_pdf
from ..core import dispatch, outbox, settings
from ..core.model import Alert, UserError
from ..core.paths import database_path
from ..core.policy import Notification
from ..core.poller import Poller
from ..core.storage_errors import describe_sqlite_error
from ..core.store import Store, open_store
from ..notify import Notifier

LATEST = 16


class Emitter(QObject):
    finished = Signal(object)
    failed = Signal(str)


@dataclass(frozen=True)
class Snapshot:
    """What the tray shows: the latest alerts and how the sources are doing."""

    latest: list[Alert]
    failing: list[str]
    sources: int


@dataclass(frozen=True)
class PollOutcome:
    summary: str
    new_alerts: int
    next_due: datetime | None
    snapshot: Snapshot
    to_show: list[Notification] = field(default_factory=list)
    shown: int = 0


def snapshot(store: Store) -> Snapshot:
    health = store.health()
    return Snapshot(latest=store.alerts(limit=LATEST),
                    failing=[h.name for h in health if h.status in ("failing", "backing off")],
                    sources=len(health))


class StoreTask(QRunnable):
    """Run `job(store)` on a pool thread; `emitter.finished` carries its result."""

    def __init__(self, root: Path, job: Callable[[Store], Any]) -> None:
        super().__init__()
        self.root = root
        self.job = job
        self.emitter = Emitter()
        self.setAutoDelete(False)

    def run(self) -> None:
        try:
            with open_store(self.root) as store:
                result = self.job(store)
        except UserError as exc:
            self.emitter.failed.emit(exc.message)
            return
        except sqlite3.Error as exc:
            self.emitter.failed.emit(describe_sqlite_error(exc, database_path(self.root)))
            return
        except Exception as exc:  # report, never kill the pool thread
            self.emitter.failed.emit(f"unexpected error: {exc!r}")
            return
        self.emitter.finished.emit(result)


def poll_job(force: bool, honour_schedule: bool, notifier: Notifier | None,
             cancel: threading.Event | None = None) -> Callable[[Store], PollOutcome]:
    """A cycle, then the policy's notifications: shown here unless the notifier needs the GUI thread.
    Setting `cancel` ends the cycle at once (quit) and shows nothing."""

    def job(store: Store) -> PollOutcome:
        before = dispatch.health_snapshot(store, datetime.now(UTC))
        poller = Poller(store, settings.poll_config(store))
        report = poller.run_cycle(force=force, honour_schedule=honour_schedule, cancel=cancel)
        if cancel is not None and cancel.is_set():
            return PollOutcome(summary=report.summary(), new_alerts=len(report.new_alerts),
                               next_due=None, snapshot=Snapshot(latest=[], failing=[], sources=0))
        now = datetime.now(UTC)
        shown = 0
        to_show: list[Notification] = []
        if notifier is not None and not getattr(notifier, "gui_thread_only", False):
            shown = len(dispatch.notifications_for(store, report.new_alerts, now, show=notifier.show))
            shown += sum(1 for note in dispatch.health_changes(store, before, now)
                         + dispatch.page_changes(store, report.pages.changes, now) if notifier.show(note))
        else:
            to_show = dispatch.notifications_for(store, report.new_alerts, now)
            to_show += dispatch.health_changes(store, before, now)
            to_show += dispatch.page_changes(store, report.pages.changes, now)
        outbox.wake(store, render_pdf)
        return PollOutcome(summary=report.summary(), new_alerts=len(report.new_alerts),
                           next_due=poller.next_due(), snapshot=snapshot(store), to_show=to_show,
                           shown=shown)

    return job
