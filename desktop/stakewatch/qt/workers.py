"""Work off the GUI thread: the one background-work helper of the tray app and its windows.

`Tasks(parent)` keeps its own QThreadPool and every task it started until the task reports back,
so no task is dropped while it runs. `Tasks.run(job)` runs pure work (network, counting);
`Tasks.serve(job)` runs `job(service)` with a Service of the pool thread's own (its own SQLite
connection) on the data folder of its `Home`, with the same PDF writer and courier. Emitters are
created on the GUI thread, so their signals arrive there queued. A UserError or a storage failure
comes back through `failed` in words; an unexpected exception is logged with its traceback first.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar, cast

from PySide6.QtCore import QEventLoop, QObject, QRunnable, Qt, QThreadPool, Signal

from ..core import BriefingWriter, Courier, CycleResult, DatabaseFailure, Service, describe_sqlite_error
from ..core.i18n import Message, translate
from ..core.model import UserError
from ..notify import Notifier

log = logging.getLogger("stakewatch.tasks")
T = TypeVar("T")
UNEXPECTED = translate("Tasks", "unexpected error: {error}")


def serving(service: Service | Any) -> Service:
    """`service` itself, or a Service over the connection a caller of the former API handed in (a view
    was once given the window's Store): the view keeps a Service either way."""
    return service if isinstance(service, Service) else Service(service)


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
            self._say(self.emitter.failed, exc.message)
            return
        except DatabaseFailure as exc:
            self._say(self.emitter.failed, describe_sqlite_error(exc))
            return
        except Exception as exc:  # report, never kill the pool thread
            log.exception("background task failed")
            self._say(self.emitter.failed, UNEXPECTED(error=repr(exc)))
            return
        self._say(self.emitter.finished, result)

    @staticmethod
    def _say(signal: Any, value: object) -> None:
        with contextlib.suppress(RuntimeError):  # the app is closing and took the emitter with it
            signal.emit(value)


@dataclass(frozen=True)
class Home:
    """Where the app's background Services open: the data folder, the PDF writer and the courier
    (the door injects both once; every Service a task opens gets them)."""

    root: Path
    writer: BriefingWriter | None = None
    courier: Courier | None = None

    @classmethod
    def of(cls, service: Service) -> Home:
        return cls(service.root, service.writer, service.courier)

    def open(self) -> Service:
        """A Service on a connection of the calling thread's own. Raises StorageError."""
        return Service.open(self.root, writer=self.writer, courier=self.courier)


class ServiceTask(Task):
    """Run `job(service)` with a Service on its own connection to the data folder of `home`."""

    def __init__(self, home: Home, job: Callable[[Service], Any]) -> None:
        def run() -> Any:
            with home.open() as service:
                return job(service)

        super().__init__(run)
        self.home = home


class Tasks(QObject):
    """The background tasks of one parent: started here, kept until they report, waited for on close.

    `home` is where `serve` opens its Services (a view's: `Home.of(its GUI-thread service)`)."""

    def __init__(self, parent: QObject | None = None, threads: int = 2, home: Home | None = None,
                 pool: QThreadPool | None = None) -> None:
        """`pool`: run on this pool (Qt's global one) instead of one of their own with `threads` threads."""
        super().__init__(parent)
        if pool is None:
            pool = QThreadPool(self)
            pool.setMaxThreadCount(threads)
        self.pool = pool
        self.running: set[Task] = set()
        self.home = home

    def start(self, task: Task, done: Callable[[Any], None],
              failed: Callable[[Message | str], None] | None = None) -> Task:
        self.running.add(task)
        task.emitter.finished.connect(lambda *_: self.running.discard(task))
        task.emitter.failed.connect(lambda *_: self.running.discard(task))
        task.emitter.finished.connect(done)
        if failed is not None:
            task.emitter.failed.connect(failed)
        self.pool.start(task)
        return task

    def run(self, job: Callable[[], Any], done: Callable[[Any], None],
            failed: Callable[[Message | str], None] | None = None) -> Task:
        """Pure work (the network, counting; no database) on the pool."""
        return self.start(Task(job), done, failed)

    def serve(self, job: Callable[[Service], Any], done: Callable[[Any], None],
              failed: Callable[[Message | str], None] | None = None) -> Task:
        """`job(service)` on the pool with a Service of the pool thread's own (on `home`)."""
        assert self.home is not None, "Tasks.serve needs a home"
        return self.start(ServiceTask(self.home, job), done, failed)

    def wait(self, msecs: int = 30_000) -> bool:
        return bool(self.pool.waitForDone(msecs))


class _Finished(QObject):
    done = Signal()


def write(service: Service, job: Callable[[Service], T]) -> T:
    """A write as a task: `job(pooled)` on a thread of its own with a Service on its own connection to
    the data folder of `service`, waited for here while the GUI keeps painting (user input waits until
    it is done). Its result is returned and its exception raised here, so a view reads what it wrote
    as soon as this returns. GUI thread."""
    home = Home.of(service)
    box: dict[str, Any] = {}
    loop = QEventLoop()
    finished = _Finished()
    finished.done.connect(loop.quit, Qt.ConnectionType.QueuedConnection)

    def run() -> None:
        try:
            with home.open() as pooled:
                box["value"] = job(pooled)
        except BaseException as exc:  # raised again on the GUI thread
            box["error"] = exc
        finally:
            finished.done.emit()

    thread = threading.Thread(target=run, name="stakewatch-write", daemon=True)
    thread.start()
    loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    thread.join()
    if "error" in box:
        raise box["error"]
    return cast(T, box.get("value"))


def poll_job(force: bool, honour_schedule: bool, notifier: Notifier | None,
             cancel: threading.Event | None = None) -> Callable[[Service], CycleResult]:
    """A cycle through the service; notifications are shown here unless the notifier needs the GUI thread
    (the service's pipeline then wakes the courier). Setting `cancel` ends the cycle at once (quit) and
    shows nothing."""

    def job(service: Service) -> CycleResult:
        if notifier is not None and not getattr(notifier, "gui_thread_only", False):
            service.show = notifier.show
        return service.poll(force=force, honour_schedule=honour_schedule, cancel=cancel)

    return job
