"""The tray application: icon, state and tooltip, composed of its menu, scheduler and actions. GUI thread."""

from __future__ import annotations

import logging
import os
import signal
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QObject,
    Qt,
    QThreadPool,
    QTimer,
    QTranslator,
    Signal,
)
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QSystemTrayIcon

from .. import pdf
from ..core import (
    REOPEN_WINDOW,
    RESET_DEMO,
    Courier,
    CycleResult,
    Notification,
    Service,
    Snapshot,
    attached_server,
    database_path,
    date_time,
    open_link,
    tray_state_for,
)
from ..core.i18n import Message, catalogue, language, lookup, render, translate
from ..core.states import TrayState
from ..notify import Notifier, choose_notifier
from .actions import Actions
from .errors import ErrorReporter, install_excepthooks
from .first_run import ask_first_run
from .icons import app_icon, tray_icon
from .labels import tray_state_label
from .main_window import MainWindow, WindowCommands
from .scheduler import PollScheduler
from .single import InstanceServer
from .team import TeamBell
from .tray_menu import MenuHandlers, TrayMenu
from .workers import Home, Tasks

QUIT_WAIT = 10.0
QUIT_CHECK_MS = 50
log = logging.getLogger("stakewatch.tray")
ALREADY_RUNNING = translate("App", "Stakewatch is already running; it has been brought forward.")
RUNNING = translate("App", "Stakewatch is running; notifications through {backend}; tray {tray}.")
RUNNING_DEMO = translate("App", "Stakewatch is running (demo); notifications through {backend}; tray {tray}.")
TRAY_SHOWN = translate("App", "shown")
TRAY_MISSING = translate("App", "unavailable")
NO_NOTIFIER = translate("App", "none (no notification service answers)")
DEMO_BUSY = translate("App", "the demo folder is in use by another Stakewatch command; try again when it ends.")
# Qt's own file dialog words that its Japanese catalogue (qtbase_ja) leaves in English; ours fills them.
QT_WORDS_MISSING = (QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
                    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"))


class TrayNotifier:
    """The Qt tray message (Windows): clicking the balloon opens what it announced."""

    name = "tray"
    supports_clicks = True
    gui_thread_only = True

    def __init__(self, tray: QSystemTrayIcon, on_click: Any) -> None:
        self._tray = tray
        self._last: Notification | None = None
        tray.messageClicked.connect(lambda: self._last and on_click(self._last))

    def show(self, notification: Notification) -> bool:
        self._last = notification
        icon = QSystemTrayIcon.MessageIcon.Warning if notification.kind == "health" \
            else QSystemTrayIcon.MessageIcon.Information
        self._tray.showMessage(notification.title, notification.body, icon, 10_000)
        return True

    def close(self) -> None:
        pass


class GuiThreadShow(QObject):
    """A notifier of the GUI thread (the tray's balloon) as the cycle's popups step sees it: any thread
    hands it a notification, shown on the GUI thread (queued); it counts as shown."""

    wanted = Signal(object)

    def __init__(self, notifier: Notifier, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.notifier = notifier
        self.name = notifier.name
        self.supports_clicks = notifier.supports_clicks
        self.wanted.connect(notifier.show, Qt.ConnectionType.QueuedConnection)

    def show(self, notification: Notification) -> bool:
        self.wanted.emit(notification)
        return True

    def close(self) -> None:
        self.notifier.close()


class Controller(QObject):
    """Owns the tray icon, its state and the parts: TrayMenu, PollScheduler, Actions, the task helper."""

    clicked = Signal(object)
    state_changed = Signal(str)

    def __init__(self, root: Path, demo: bool = False, notifier: Notifier | None = None) -> None:
        super().__init__()
        self.root = root
        self.demo = demo
        self.courier = Courier(database_path(root), pdf.write)
        self.tasks = Tasks(self, home=Home(root, pdf.write, self.courier))
        self.unseen = 0
        self.snapshot = Snapshot()
        self.paused_until: datetime | None = None
        self.state = TrayState.IDLE
        self.last_poll = ""
        self.last_message = ""
        self.problems: dict[str, str] = {}
        self._shown_problem = ""
        self.window: MainWindow | None = None
        self.quiet_hours = ""
        self.quiet_now = False
        self.quitting = False
        self._quit_deadline = 0.0
        self.exit_code = 0
        self.reporter: ErrorReporter | None = None

        self.tray = QSystemTrayIcon(tray_icon(), self)
        self.tray.setToolTip(self.tr("Stakewatch"))
        self.tray_menu = TrayMenu(MenuHandlers(
            open_window=lambda tab: self.open_window(tab=tab), export_briefing=lambda: self.actions.export_briefing(),
            import_watchlists=lambda: self.actions.import_watchlists(),
            export_watchlists=lambda: self.actions.export_watchlists(),
            refresh=self.refresh_now, pause=lambda length, tomorrow: self.pause(length, tomorrow),
            settings=lambda: self.actions.open_settings(), diagnostics=lambda: self.actions.copy_diagnostics(),
            about=lambda: self.actions.open_about(), quit=lambda: self.quit(), open_original=self.open_original,
            reset_demo=self.reset_demo if demo else None))
        self.menu = self.tray_menu.menu
        self.menu.aboutToShow.connect(self._menu_opened)
        self.tray.setContextMenu(self.menu)
        self.tray.activated.connect(self._activated)
        self.clicked.connect(self._notification_clicked)
        self.has_tray = QSystemTrayIcon.isSystemTrayAvailable()
        if notifier is None:
            notifier = TrayNotifier(self.tray, self.clicked.emit) if sys.platform.startswith("win") \
                else choose_notifier(self.clicked.emit)
        self.notifier = notifier

        shows = GuiThreadShow(notifier, self) if getattr(notifier, "gui_thread_only", False) else notifier
        self.scheduler = PollScheduler(root, self.tasks, shows, self)
        self.scheduler.started.connect(self._set_state)
        self.scheduler.polled.connect(self._polled)
        self.scheduler.failed.connect(self._poll_failed)
        self.actions = Actions(self.tasks, self, notify=notifier.show)
        self.actions.message.connect(self._announce)
        self.actions.problem.connect(lambda text: self._report_problem("task", text))
        self.actions.imported.connect(lambda: self.poll(scheduled=True))
        self.actions.team_changed.connect(self._team_changed)
        self.team_bell: TeamBell | None = None
        self.team_url = attached_server(root) or ""  # the team database the window was opened on ("": none)
        self._build_menu()

    # start and stop ---------------------------------------------------------------------------

    def start(self) -> None:
        """Show the tray, restore a pause that outlived the last run, start polling."""
        if self.has_tray:
            self.tray.show()
            if self.demo and os.environ.pop(REOPEN_WINDOW, ""):  # restarted by Reset demo
                self.open_window()
        else:
            self.open_window(self.tr("This desktop has no system tray: Stakewatch runs in this window. "
                                     "Closing it keeps Stakewatch running until you quit."))
        self.tasks.serve(lambda service: service.snapshot(), self._restored,
                         lambda message: self._report_problem("task", render(message)))
        self._team_changed(attached_server(self.root) or "")
        self.scheduler.start()

    def reset_demo(self) -> None:
        """After the user confirms: leave with RESET_DEMO, so that the demo folder is emptied and the
        demo starts again as on its first run."""
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Reset demo"), self.tr(
            "Empty the demo and start it again? Its notes, tags, flags, read marks, channels and "
            "settings are removed; your own data is not touched."),
            QMessageBox.StandardButton.Cancel, self.window)
        reset = box.addButton(self.tr("&Reset demo"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is reset:
            self.quit(RESET_DEMO)

    def _team_changed(self, url: str) -> None:
        """Listen to the team database the folder is attached to (none: poll on its own again)."""
        if self.team_bell is not None:
            self.team_bell.stop()
            self.team_bell = None
        for key in ("team", "poll", "task"):  # what failed on the database the folder left
            self.problems.pop(key, None)
        self._set_state()
        if url != self.team_url:
            self.team_url = url
            self._reopen_window()
        if url:
            self.team_bell = TeamBell(url, self)
            self.team_bell.rung.connect(lambda: self.poll(scheduled=True))
            self.team_bell.online.connect(self._team_online)
            self.team_bell.start()
        if self.scheduler.cancelled.is_set() is False and self.tray.isVisible():
            self.poll(scheduled=True)

    def _reopen_window(self) -> None:
        """The folder works on another database now: the window (which reads through a connection of its
        own) is made again on it, shown on the same tab if it was shown."""
        if self.window is None:
            return
        old, self.window = self.window, None
        shown, tab = old.isVisible(), old.tabs.currentIndex()
        old.hide()
        service = old.service
        old.destroyed.connect(lambda *_: service.close())  # once nothing of the old window reads through it
        old.deleteLater()
        if shown:
            self.open_window(tab=tab)

    def _team_online(self, online: bool) -> None:
        if online:
            self.problems.pop("team", None)
            self._set_state()
            if self.window is not None and self.window.kept:  # the server is back: the window reads it again
                self._reopen_window()
        else:
            self._report_problem("team", self.tr("The team server cannot be reached: showing what was read "
                                                 "before, trying again."))

    def quit(self, code: int = 0) -> None:
        """Cancel the cycle in progress (its sockets are cut) and leave once the workers are done,
        without ever blocking the GUI thread; a worker that does not end in QUIT_WAIT is left.
        `code` becomes the app's exit code."""
        if self.quitting:
            return
        self.quitting = True
        self.exit_code = code
        if self.team_bell is not None:
            self.team_bell.stop()
        self.scheduler.cancel()
        self.tray.hide()
        if self.window is not None:
            self.window.hide()
        self._quit_deadline = time.monotonic() + QUIT_WAIT
        self._finish_quit()

    def _finish_quit(self) -> None:
        busy = self.tasks.pool.activeThreadCount() + QThreadPool.globalInstance().activeThreadCount()
        if busy and time.monotonic() < self._quit_deadline:
            QTimer.singleShot(QUIT_CHECK_MS, self._finish_quit)
            return
        self.notifier.close()
        code = self.exit_code
        # through the event loop: a signal handled just before app.exec() started would otherwise ask a loop
        # that is not running yet to exit, and the app would run on
        QTimer.singleShot(0, lambda: QApplication.exit(code))

    # polling -----------------------------------------------------------------------------------

    def poll(self, force: bool = False, scheduled: bool = False) -> bool:
        """Start a cycle unless one is running (then it is remembered). True if one started."""
        return self.scheduler.poll(force=force, scheduled=scheduled)

    def refresh_now(self) -> None:
        self.poll(force=True)

    def _restored(self, snapshot: Snapshot) -> None:
        if not self.snapshot.sources:
            self.snapshot = snapshot
        self.paused_until = snapshot.paused_until
        self._build_menu()
        self._set_state()

    def _polled(self, result: CycleResult) -> None:
        if self.quitting:
            return
        self.snapshot = result.snapshot
        self.paused_until = result.snapshot.paused_until
        self.last_poll = result.report.summary()
        self.problems.pop("poll", None)
        self.recount()
        self._build_menu()
        self._set_state()
        if self.window is not None and self.window.isVisible():
            self.refresh_window()

    def _poll_failed(self, message: Message | str) -> None:
        self.last_poll = render(message)
        self._report_problem("poll", self.tr("Checking the sources failed: {}").format(render(message)))

    def _check_clock(self) -> None:
        self.scheduler.check_clock()

    # state -------------------------------------------------------------------------------------

    def _report_problem(self, key: str, text: str) -> None:
        """A failure stays in the tooltip and the window's status line until it is resolved."""
        self.problems[key] = text
        self.last_message = text
        self._set_state()

    def welcome_skipped(self) -> None:
        """The welcome was closed without a choice: say, from the tray, how to start."""
        self._announce(self.tr("No watchlist yet. Import watchlists\u2026 or Edit watchlists\u2026 in the tray "
                               "menu starts one; the welcome comes back the next time Stakewatch starts."))

    def _announce(self, text: str) -> None:
        self.last_message = text
        self.problems.pop("task", None)
        self.tray.showMessage(self.tr("Stakewatch"), text, QSystemTrayIcon.MessageIcon.Information, 5_000)
        self._set_state()

    def recount(self) -> None:
        """Count the unread alerts (the badge) and look at quiet hours, on a pool thread."""
        self.tasks.serve(lambda service: service.unread_and_quiet(), self._counted,
                         lambda message: self._report_problem("task", render(message)))

    def _counted(self, result: tuple[int, str, bool]) -> None:
        changed = (self.quiet_hours, self.quiet_now) != result[1:]
        self.unseen, self.quiet_hours, self.quiet_now = result
        if changed:
            self._build_menu()
        self._set_state()

    def pause_text(self) -> str:
        paused = self.paused_until is not None and datetime.now(UTC) < self.paused_until
        if not paused or self.paused_until is None:
            return ""
        return self.tr("Notifications paused until {}").format(
            date_time(self.paused_until.astimezone()))

    def quiet_text(self) -> str:
        if not self.quiet_hours:
            return ""
        if self.quiet_now:
            return self.tr("Quiet hours now ({}): only priority entities notify").format(self.quiet_hours)
        return self.tr("Quiet hours {}").format(self.quiet_hours)

    def _set_state(self) -> None:
        now = datetime.now(UTC)
        paused = self.paused_until is not None and now < self.paused_until
        snapshot = Snapshot(self.snapshot.latest, self.snapshot.failing, self.snapshot.sources,
                            self.paused_until)
        self.state = tray_state_for(self.scheduler.in_flight, snapshot, self.unseen, now)
        self.tray.setIcon(tray_icon(self.unseen, bool(self.snapshot.failing), self.scheduler.in_flight, paused,
                                    self.quiet_now))
        tip = [self.tr("Stakewatch")]
        if self.state == TrayState.POLLING:
            tip.append(tray_state_label(self.state))
        if self.unseen:
            tip.append(self.tr("%n unread alert(s)", "", self.unseen))
        if self.snapshot.failing:
            tip.append(self.tr("%n source(s) failing", "", len(self.snapshot.failing)))
        if paused and self.paused_until:
            tip.append(self.tr("paused until {}").format(self.paused_until.astimezone().strftime("%H:%M")))
        if self.quiet_now:
            tip.append(self.tr("quiet hours"))
        if self.demo:
            tip.append(self.tr("demo"))
        tip += list(self.problems.values())
        self.tray.setToolTip(" \u2014 ".join(tip))
        if self.window is not None:
            bar = self.window.statusBar()
            problem = " \u2014 ".join(self.problems.values())
            if problem:
                bar.showMessage(problem)
            elif bar.currentMessage() == self._shown_problem:
                bar.clearMessage()
            self._shown_problem = problem
        self.state_changed.emit(str(self.state))

    def _build_menu(self) -> None:
        paused = self.paused_until is not None and datetime.now(UTC) < self.paused_until
        self.tray_menu.build(self.snapshot, paused, [self.pause_text(), self.quiet_text()])

    def _menu_opened(self) -> None:
        self.recount()

    def open_original(self, url: str) -> None:
        """Open an alert's link (tray, notification) and mark its alerts read."""
        if open_link(url):
            self.tasks.serve(lambda service: service.inbox.mark_read_by_url(url),
                             lambda _count: self._read_elsewhere(),
                             lambda message: self._report_problem("task", render(message)))

    def _read_elsewhere(self) -> None:
        self.recount()
        if self.window is not None and self.window.isVisible():
            self.window.inbox.refresh_rows()

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger, QSystemTrayIcon.ActivationReason.DoubleClick):
            self.open_window(tab=1 if self.state == TrayState.FAILING else 0)

    # actions -------------------------------------------------------------------------------------

    def _notification_clicked(self, notification: Notification) -> None:
        if notification.url:
            self.open_original(notification.url)
        else:
            self.open_window(tab=1 if notification.kind == "health" else 0)
            if notification.source and self.window is not None:
                self.window.show_source(notification.source)

    def pause(self, length: timedelta | None, tomorrow: bool = False) -> None:
        """Hold notifications for `length`, until 08:00 tomorrow, or resume (zero); kept across restarts."""
        now = datetime.now(UTC)
        if tomorrow:
            local = now.astimezone()
            until = (local + timedelta(days=1)).replace(hour=8, minute=0, second=0, microsecond=0)
            self.paused_until = until.astimezone(UTC)
        elif length:
            self.paused_until = now + length
        else:
            self.paused_until = None
        until_value = self.paused_until
        self.tasks.serve(lambda service: service.pause(until_value), lambda _result: None,
                         lambda message: self._report_problem("task", render(message)))
        self._build_menu()
        self._set_state()

    def open_window(self, message: str = "", tab: int = 0) -> None:
        if self.window is None:
            commands = WindowCommands(
                export_briefing=self.actions.export_briefing, refresh=lambda: self.poll(force=True),
                pause_hour=lambda: self.pause(timedelta(hours=1)),
                pause_tomorrow=lambda: self.pause(None, tomorrow=True), resume=lambda: self.pause(timedelta(0)),
                pause_state=self.pause_text, quiet_state=self.quiet_text, settings=self.actions.open_settings,
                diagnostics=self.actions.copy_diagnostics, about=self.actions.open_about, quit=self.quit,
                reset_demo=self.reset_demo if self.demo else None)
            self.window = MainWindow(self.root, open_link, lambda: self.poll(), self.actions.import_watchlists,
                                     self.actions.export_watchlists, commands)
            self.window.inbox.status.connect(lambda _text: self.recount())
        self.window.tabs.setCurrentIndex(tab)
        if message or self.problems:
            self.window.statusBar().showMessage(" \u2014 ".join([message, *self.problems.values()]).strip(" \u2014"))
        self.window.show()
        self.window.raise_()
        self.window.activateWindow()
        self.recount()
        self.refresh_window()

    def refresh_window(self) -> None:
        if self.window is not None:
            self.window.refresh()


class CatalogueTranslator(QTranslator):
    """Qt's strings from the same .ts catalogue the core reads (no compiled .qm needed)."""

    def __init__(self, parent: QObject | None = None, lang: str | None = None) -> None:
        super().__init__(parent)
        self.lang = lang

    def translate(self, context: str, source: str, disambiguation: str | None = None,  # type: ignore[override]
                  n: int = -1) -> str | None:
        """The translation, or None (a null string) so that Qt asks its other translators, then keeps the source."""
        found = lookup(context, source, self.lang)
        if found != source or (context, source) in catalogue(self.lang or language()):
            return found
        return english_numerus(source, n) if n >= 0 and "(" in source else None

    def isEmpty(self) -> bool:  # noqa: N802
        return False


def english_numerus(source: str, n: int) -> str:
    """An English source's "(s)" and "(ies)" spelled out for n: "%n story(ies)" reads "1 story", "2 stories"."""
    if n == 1:
        return source.replace("(ies)", "").replace("(s)", "")
    return source.replace("y(ies)", "ies").replace("(s)", "s")


def install_translation(app: QCoreApplication, lang: str | None = None) -> QTranslator:
    """Translate the UI into `lang` (the system's language by default) from the shipped catalogue,
    and Qt's own words (standard buttons) from Qt's translations when they ship."""
    chosen = lang or language()
    qt_words = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if chosen != "en" and qt_words.load(f"qtbase_{chosen}", folder):
        app.installTranslator(qt_words)
    translator = CatalogueTranslator(app, lang)
    app.installTranslator(translator)
    return translator


def use_qt_locale(lang: str) -> None:
    """Let Qt's own widgets (date fields, numbers) write the way the chosen language does."""
    if lang == "ja":
        QLocale.setDefault(QLocale(QLocale.Language.Japanese))


def _diagnostics(root: Path) -> str:
    with Service.open(root) as service:
        return service.diagnostics()


def refuse_to_start(message: str) -> None:
    """Say why the app does not start: on standard error, and in a window where there is a display."""
    print(f"stakewatch: {message}", file=sys.stderr, flush=True)
    if QGuiApplication.platformName() not in ("offscreen", "minimal"):
        box = QMessageBox(QMessageBox.Icon.Critical, "Stakewatch", message, QMessageBox.StandardButton.Close)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()


def run_app(root: Path, demo: bool = False, borrowed: bool = False) -> int:
    """Run the tray app on the data dir `root` until Quit. Main thread.

    `borrowed`: another Stakewatch holds the (demo) folder; it is asked to come
    forward, and this one never runs on it.
    """
    from .single import ask_running_instance, runtime_problem

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Stakewatch")
    app.setOrganizationName("Stakewatch")
    app.setQuitOnLastWindowClosed(False)
    app.setWindowIcon(app_icon())
    install_translation(app)
    use_qt_locale(language())
    unsafe = runtime_problem()
    if unsafe is not None:
        refuse_to_start(unsafe.render())
        return 1
    if ask_running_instance(root):
        print(ALREADY_RUNNING.render())
        return 0
    if borrowed:
        print(f"stakewatch: {DEMO_BUSY.render()}",
              file=sys.stderr)
        return 1
    skipped = False
    service, kept = Service.open_or_kept(root)  # a team server away: start on what the desk kept
    with service:
        service.setup_logging()
        if not demo and not kept:
            skipped = not ask_first_run(service) and service.first_run.needs_choice()
    reporter = ErrorReporter(lambda: _diagnostics(root))
    install_excepthooks(reporter)
    controller = Controller(root, demo=demo)
    controller.reporter = reporter
    instance = InstanceServer(root)
    instance.raise_requested.connect(lambda: controller.open_window(tab=0))
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: controller.quit())
    wake = QTimer(app)  # lets Python run its signal handlers while Qt waits
    wake.start(500)
    wake.timeout.connect(lambda: None)
    controller.start()
    if skipped:
        controller.welcome_skipped()
    backend = NO_NOTIFIER if controller.notifier.name == "none" else controller.notifier.name
    print((RUNNING_DEMO if demo else RUNNING)(backend=backend,
                                              tray=TRAY_SHOWN if controller.has_tray else TRAY_MISSING).render(),
          flush=True)
    try:
        return int(app.exec())
    finally:
        controller.courier.stop()  # a send in flight is finished first
