"""Work off the GUI thread: one background-task helper whose lifetime a parent owns.

`Tasks(parent)` keeps its own QThreadPool and every task it started until the
task reports back, so no task is dropped while it runs. Each store task opens
its own Store (its own SQLite connection) on the pool thread and wraps it in a
`Service`. Emitters are created on the GUI thread, so their signals arrive
there queued. An unexpected exception is logged with its traceback and
reported through `failed`.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from ..cli.commands.channels import render_pdf
from ..core.delivery import outbox
from ..core.i18n import Message, translate
from ..core.model import UserError
from ..core.service import CycleResult, Service
from ..core.store.database import open_store
from ..core.store.errors import DatabaseFailure, describe_sqlite_error
from ..notify import Notifier

log = logging.getLogger("stakewatch.tasks")
UNEXPECTED = translate("Tasks", "unexpected error: {error}")


class Emitter(QObject):
    finished = Signal(object)
    failed = Signal(object)


class Task(QRunnable):
    """Run `job()` on a pool thread; `emitter.finished` carries its result, `failed` a Message or text."""

    def __init__(self, job: Callable[[], Any]) -> None:
        super().__init__()
        self.job = job
        self.emitter = Emitter()
        self.setAutoDelete(False)

    def run(self) -> None:
        try:
            result = self.job()
        except UserError as exc:
            self.emitter.failed.emit(exc.message)
            return
        except DatabaseFailure as exc:
            self.emitter.failed.emit(describe_sqlite_error(exc))
            return
        except Exception as exc:  # report, never kill the pool thread
            log.exception("background task failed")
            self.emitter.failed.emit(UNEXPECTED(error=repr(exc)))
            return
        self.emitter.finished.emit(result)


class StoreTask(Task):
    """Run `job(service)` with a Service on its own Store for the data dir `root`."""

    def __init__(self, root: Path, job: Callable[[Service], Any]) -> None:
        def run() -> Any:
            with open_store(root) as store:
                return job(Service(store))

        super().__init__(run)
        self.root = root


class Tasks(QObject):
    """The background tasks of one parent: started here, kept until they report, waited for on close."""

    def __init__(self, parent: QObject, threads: int = 2) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(threads)
        self.running: set[Task] = set()

    def start(self, task: Task, done: Callable[[Any], None],
              failed: Callable[[Message | str], None]) -> Task:
        self.running.add(task)
        task.emitter.finished.connect(lambda *_: self.running.discard(task))
        task.emitter.failed.connect(lambda *_: self.running.discard(task))
        task.emitter.finished.connect(done)
        task.emitter.failed.connect(failed)
        self.pool.start(task)
        return task

    def wait(self, msecs: int = 30_000) -> bool:
        return bool(self.pool.waitForDone(msecs))


def poll_job(force: bool, honour_schedule: bool, notifier: Notifier | None,
             cancel: threading.Event | None = None) -> Callable[[Service], CycleResult]:
    """A cycle through the service; notifications are shown here unless the notifier needs the GUI thread,
    then the channels' courier is woken. Setting `cancel` ends the cycle at once (quit) and shows nothing."""

    def job(service: Service) -> CycleResult:
        if notifier is not None and not getattr(notifier, "gui_thread_only", False):
            service.show = notifier.show
        service.reactions.append(lambda served, _result: outbox.wake(served.store, render_pdf))
        return service.poll(force=force, honour_schedule=honour_schedule, cancel=cancel)

    return job
