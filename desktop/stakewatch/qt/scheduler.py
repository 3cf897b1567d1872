"""When the tray polls: one single-shot timer to the next source due, a heartbeat, the network.

A poll already in flight is never started twice: a forced refresh meanwhile is
remembered and runs right after. A heartbeat that sees the wall clock jump
(sleep, resume) and Qt's network reachability coming back both start a poll.
GUI thread.
"""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from ..core import MAX_WAIT, CycleResult, next_wait
from ..core.i18n import Message
from ..notify import Notifier
from .workers import Tasks, poll_job

HEARTBEAT_MS = 30_000
CLOCK_JUMP = 90.0


class PollScheduler(QObject):
    """Starts cycles on the schedule the service computes; reports through signals."""

    started = Signal()
    polled = Signal(object)
    failed = Signal(object)

    def __init__(self, root: Any, tasks: Tasks, notifier: Notifier, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.root = root
        self.tasks = tasks
        self.notifier = notifier
        self.in_flight = False
        self.pending_force = False
        self.cancelled = threading.Event()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(lambda: self.poll(scheduled=True))
        self.heartbeat = QTimer(self)
        self.heartbeat.setInterval(HEARTBEAT_MS)
        self.heartbeat.timeout.connect(self.check_clock)
        self._wall, self._mono = time.time(), time.monotonic()

    def start(self) -> None:
        self.heartbeat.start()
        self._watch_network()
        self.poll(scheduled=True)

    def stop(self) -> None:
        self.timer.stop()
        self.heartbeat.stop()

    def cancel(self) -> None:
        """Stop scheduling and end the cycle in progress at once (its sockets are cut): quitting."""
        self.cancelled.set()
        self.stop()

    def poll(self, force: bool = False, scheduled: bool = False) -> bool:
        """Start a cycle unless one is running (then it is remembered). True if one started."""
        if self.in_flight or self.cancelled.is_set():
            self.pending_force = self.pending_force or force
            return False
        self.in_flight = True
        self.timer.stop()
        self.started.emit()
        job = poll_job(force=force, honour_schedule=scheduled and not force, notifier=self.notifier,
                       cancel=self.cancelled)
        self.tasks.serve(job, self._done, self._failed)
        return True

    def _done(self, result: CycleResult) -> None:
        self.in_flight = False
        self.polled.emit(result)
        if self.pending_force:
            self.pending_force = False
            self.poll(force=True)
            return
        self.timer.start(int(next_wait(result.next_due, datetime.now(UTC)).total_seconds() * 1000))

    def _failed(self, message: Message | str) -> None:
        self.in_flight = False
        self.failed.emit(message)
        self.timer.start(int(MAX_WAIT.total_seconds() * 1000))

    def check_clock(self) -> None:
        """A wall-clock jump beyond the heartbeat means the machine slept: poll now."""
        wall, mono = time.time(), time.monotonic()
        jumped = abs((wall - self._wall) - (mono - self._mono)) > CLOCK_JUMP
        self._wall, self._mono = wall, mono
        if jumped:
            self.poll(scheduled=True)

    def _watch_network(self) -> None:
        try:
            from PySide6.QtNetwork import QNetworkInformation
        except ImportError:
            return
        if not QNetworkInformation.loadDefaultBackend():
            return
        info = QNetworkInformation.instance()
        if info is not None:
            info.reachabilityChanged.connect(
                lambda r: r == QNetworkInformation.Reachability.Online and self.poll(scheduled=True))
