"""The tray application: icon, menu, scheduling, notifications. GUI thread unless noted."""

from __future__ import annotations

import signal
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Qt, QThreadPool, QTimer, QTranslator, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu, QMessageBox, QSystemTrayIcon

from ..core import autostart, dispatch, inbox, settings
from ..core.briefing import build_briefing
from ..core.inbox import InboxQuery
from ..core.links import open_link
from ..core.logs import diagnostics, setup_logging
from ..core.model import Alert
from ..core.paths import resource
from ..core.policy import Notification, in_quiet_hours
from ..core.store import Store, open_store
from ..core.transfer import export_file, import_file
from ..notify import Notifier, choose_notifier
from .about import AboutDialog
from .briefing_dialog import BriefingDialog, BriefingRequest
from .briefing_pdf import write_briefing
from .first_run import ask_first_run
from .icons import app_icon, tray_icon
from .main_window import MainWindow, WindowCommands
from .settings_dialog import SettingsDialog
from .single import InstanceServer
from .workers import PollOutcome, Snapshot, StoreTask, poll_job

HEARTBEAT_MS = 30_000
CLOCK_JUMP = 90.0
MIN_WAIT_MS = 5_000
MAX_WAIT_MS = 60_000


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


class Controller(QObject):
    """Owns the tray icon, the poll schedule and the notifier."""

    clicked = Signal(object)
    state_changed = Signal(str)

    def __init__(self, root: Path, demo: bool = False, notifier: Notifier | None = None) -> None:
        super().__init__()
        self.root = root
        self.demo = demo
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(2)
        self.tasks: set[StoreTask] = set()
        self.in_flight = False
        self.pending_force = False
        self.unseen = 0  # unread alerts: the badge
        self.quiet_hours = ""
        self.quiet_now = False
        self.snapshot = Snapshot(latest=[], failing=[], sources=0)
        self.paused_until: datetime | None = None
        self.state = "idle"
        self.last_poll: str = ""
        self.last_message: str = ""
        self.message_box: QMessageBox | None = None
        self.about: AboutDialog | None = None
        self.window: MainWindow | None = None

        self.tray = QSystemTrayIcon(tray_icon(), self)
        self.tray.setToolTip("Stakewatch")
        self.menu = QMenu()
        self.menu.aboutToShow.connect(self._menu_opened)
        self.tray.setContextMenu(self.menu)
        self.tray.activated.connect(self._activated)
        self.clicked.connect(self._notification_clicked)
        self.has_tray = QSystemTrayIcon.isSystemTrayAvailable()
        if notifier is None:
            notifier = TrayNotifier(self.tray, self.clicked.emit) if sys.platform.startswith("win") \
                else choose_notifier(self.clicked.emit)
        self.notifier = notifier
        self._build_menu()

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(lambda: self.poll(scheduled=True))
        self.heartbeat = QTimer(self)
        self.heartbeat.setInterval(HEARTBEAT_MS)
        self.heartbeat.timeout.connect(self._check_clock)
        self._wall, self._mono = time.time(), time.monotonic()
        self._watch_network()

    # start and stop ---------------------------------------------------------------------------

    def start(self) -> None:
        if self.has_tray:
            self.tray.show()
        else:
            self.open_window(self.tr("This desktop has no system tray: Stakewatch runs in this window. "
                                     "Closing it keeps Stakewatch running until you quit."))
        self.heartbeat.start()
        self.poll(scheduled=True)

    def quit(self) -> None:
        self.timer.stop()
        self.heartbeat.stop()
        self.pool.waitForDone(30_000)
        self.notifier.close()
        self.tray.hide()
        QApplication.quit()

    # polling -----------------------------------------------------------------------------------

    def poll(self, force: bool = False, scheduled: bool = False) -> bool:
        """Start a cycle unless one is running (then it is remembered). True if one started."""
        if self.in_flight:
            self.pending_force = self.pending_force or force
            return False
        self.in_flight = True
        self.timer.stop()
        self._set_state()
        self._run(poll_job(force=force, honour_schedule=scheduled and not force, notifier=self.notifier),
                  self._polled, self._poll_failed)
        return True

    def _run(self, job: Any, done: Any, failed: Any = None) -> StoreTask:
        task = StoreTask(self.root, job)
        self.tasks.add(task)
        task.emitter.finished.connect(done)
        task.emitter.finished.connect(lambda *_: self.tasks.discard(task))
        task.emitter.failed.connect(failed or self._task_failed)
        task.emitter.failed.connect(lambda *_: self.tasks.discard(task))
        self.pool.start(task)
        return task

    def _polled(self, outcome: PollOutcome) -> None:
        self.in_flight = False
        self.snapshot = outcome.snapshot
        self.last_poll = outcome.summary
        self.recount()
        for note in outcome.to_show:
            self.notifier.show(note)
        self._build_menu()
        self._set_state()
        if self.window is not None and self.window.isVisible():
            self.refresh_window()
        if self.pending_force:
            self.pending_force = False
            self.poll(force=True)
            return
        wait = MAX_WAIT_MS
        if outcome.next_due is not None:
            wait = int((outcome.next_due - datetime.now(UTC)).total_seconds() * 1000)
        self.timer.start(min(max(wait, MIN_WAIT_MS), MAX_WAIT_MS))

    def _poll_failed(self, message: str) -> None:
        self.in_flight = False
        self.last_poll = message
        self._set_state()
        self.timer.start(MAX_WAIT_MS)

    def _task_failed(self, message: str) -> None:
        self.tray.setToolTip(f"Stakewatch \u2014 {message}")

    def _check_clock(self) -> None:
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

    # state and menu ----------------------------------------------------------------------------

    def recount(self) -> None:
        """Count the unread alerts (the badge) and look at quiet hours, on a pool thread."""
        def job(store: Store) -> tuple[int, str, bool]:
            config = dispatch.policy_config(store)
            return (inbox.count(store, InboxQuery(unread_only=True)), str(settings.get(store, "alerts.quiet_hours")),
                    in_quiet_hours(datetime.now(UTC), config))

        self._run(job, self._counted)

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
            self.paused_until.astimezone().strftime("%a %H:%M"))

    def quiet_text(self) -> str:
        if not self.quiet_hours:
            return ""
        if self.quiet_now:
            return self.tr("Quiet hours now ({}): only priority entities notify").format(self.quiet_hours)
        return self.tr("Quiet hours {}").format(self.quiet_hours)

    def _set_state(self) -> None:
        paused = self.paused_until is not None and datetime.now(UTC) < self.paused_until
        if self.in_flight:
            state = "polling"
        elif paused:
            state = "paused"
        elif self.unseen:
            state = "alerts"
        elif self.snapshot.failing:
            state = "failing"
        else:
            state = "idle"
        self.state = state
        self.tray.setIcon(tray_icon(self.unseen, bool(self.snapshot.failing), self.in_flight, paused,
                                    self.quiet_now))
        tip = ["Stakewatch"]
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
        self.tray.setToolTip(" \u2014 ".join(tip))
        self.state_changed.emit(state)

    def _build_menu(self) -> None:
        menu = self.menu
        menu.clear()
        for text in (self.pause_text(), self.quiet_text() if self.quiet_now else ""):
            if text:
                note = menu.addAction(text)
                note.setEnabled(False)
        header = menu.addAction(self.tr("Latest alerts"))
        header.setEnabled(False)
        if not self.snapshot.latest:
            empty = menu.addAction(self.tr("No alerts yet"))
            empty.setEnabled(False)
        stories: dict[int, list[Alert]] = {}
        for alert in self.snapshot.latest:
            stories.setdefault(alert.story, []).append(alert)
        for group in stories.values():
            menu.addAction(self._alert_action(group))
        menu.addSeparator()
        menu.addAction(self.tr("Open inbox"), lambda: self.open_window(tab=0))
        health = self.tr("Source health")
        if self.snapshot.failing:
            health += f" ({len(self.snapshot.failing)} failing)"
        menu.addAction(health, lambda: self.open_window(tab=1))
        menu.addAction(self.tr("Export briefing\u2026"), self.export_briefing)
        menu.addAction(self.tr("Import watchlists\u2026"), self.import_watchlists)
        menu.addAction(self.tr("Export watchlists\u2026"), self.export_watchlists)
        menu.addAction(self.tr("Edit watchlists\u2026"), lambda: self.open_window(tab=2))
        menu.addAction(self.tr("Refresh now"), lambda: self.poll(force=True))
        pause = menu.addMenu(self.tr("Pause alerts") + (f" ({self.pause_text()})" if self.pause_text() else ""))
        pause.addAction(self.tr("For 1 hour"), lambda: self.pause(timedelta(hours=1)))
        pause.addAction(self.tr("Until tomorrow"), lambda: self.pause(None, tomorrow=True))
        resume = pause.addAction(self.tr("Resume"), lambda: self.pause(timedelta(0)))
        resume.setEnabled(self.paused_until is not None)
        menu.addSeparator()
        menu.addAction(self.tr("Settings\u2026"), self.open_settings)
        menu.addAction(self.tr("Copy diagnostics"), self.copy_diagnostics)
        menu.addAction(self.tr("About Stakewatch"), self.open_about)
        menu.addAction(self.tr("Quit Stakewatch"), self.quit)

    def _alert_action(self, group: list[Alert]) -> QAction:
        """One menu entry per story: its entities, its title; statements marked."""
        lead = min(group, key=lambda a: a.kind != "statement")
        entities = ", ".join(dict.fromkeys(a.entity for a in group))
        marker = "\u25cf " if lead.kind == "statement" else ""
        label = f"{marker}{entities}: {lead.title}"
        if len(label) > 80:
            label = label[:79] + "\u2026"
        action = QAction(label.replace("&", "&&"), self.menu)
        action.setToolTip(lead.url)
        action.setData(lead.url)
        action.triggered.connect(lambda _=False, url=lead.url: self.open_original(url))
        return action

    def _menu_opened(self) -> None:
        self.recount()

    def open_original(self, url: str) -> None:
        """Open an alert's link (tray, notification) and mark its alerts read."""
        if open_link(url):
            self._run(lambda store: inbox.mark_read_by_url(store, url), lambda _count: self._read_elsewhere())

    def _read_elsewhere(self) -> None:
        self.recount()
        if self.window is not None and self.window.isVisible():
            self.window.inbox.refresh_rows()

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger, QSystemTrayIcon.ActivationReason.DoubleClick):
            # the orange badge means sources are failing: clicking it shows which
            self.open_window(tab=1 if self.state == "failing" else 0)

    # actions -------------------------------------------------------------------------------------

    def _notification_clicked(self, notification: Notification) -> None:
        if notification.url:
            self.open_original(notification.url)
        else:
            self.open_window(tab=1 if notification.kind == "health" else 0)
            if notification.source and self.window is not None:
                self.window.show_source(notification.source)

    def pause(self, length: timedelta | None, tomorrow: bool = False) -> None:
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
        self._run(lambda store: dispatch.pause(store, until_value), lambda _result: None)
        self._build_menu()
        self._set_state()

    def import_watchlists(self, path: str | None = None) -> None:
        """Ask for a watchlist JSON or OPML file and add it; a bad file changes nothing."""
        if path is None:
            path, _filter = QFileDialog.getOpenFileName(
                None, self.tr("Import watchlists"), str(Path.home()),
                self.tr("Watchlists (*.json *.opml *.xml);;All files (*)"))
        if not path:
            return
        chosen = Path(path)

        def job(store: Store) -> str:
            config = import_file(store, chosen)
            entities = sum(len(w.entities) for w in config.watchlists)
            return self.tr("Imported {} watchlist(s), {} entities and {} source(s).").format(
                len(config.watchlists), entities, len(config.sources))

        self._run(job, self._imported, self._refused)

    def _imported(self, message: str) -> None:
        self.last_message = message
        self.tray.showMessage("Stakewatch", message, QSystemTrayIcon.MessageIcon.Information, 5_000)
        self.poll(scheduled=True)

    def _refused(self, message: str) -> None:
        self.last_message = message
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Import refused"), message)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.show()
        self.message_box = box

    def export_watchlists(self, path: str | None = None) -> None:
        if path is None:
            path, _filter = QFileDialog.getSaveFileName(
                None, self.tr("Export watchlists"), str(Path.home() / "stakewatch-watchlists.json"),
                self.tr("Watchlist JSON (*.json);;Feeds as OPML (*.opml)"))
        if not path:
            return
        chosen = Path(path)

        def job(store: Store) -> str:
            export_file(store, chosen)
            return self.tr("Exported to {}.").format(chosen)

        self._run(job, self._exported, self._refused)

    def _exported(self, message: str) -> None:
        self.last_message = message
        self.tray.showMessage("Stakewatch", message, QSystemTrayIcon.MessageIcon.Information, 5_000)

    def export_briefing(self) -> None:
        self._run(lambda store: [w.name for w in store.watchlists()], self._show_briefing_dialog)

    def _show_briefing_dialog(self, names: list[str]) -> None:
        dialog = BriefingDialog(names, self.write_briefing)
        dialog.setWindowIcon(app_icon())
        dialog.exec()

    def write_briefing(self, request: BriefingRequest) -> None:
        """Build and draw the briefing on a pool thread; announce (and open) it when done."""

        def job(store: Store) -> str:
            briefing = build_briefing(store, request.since, datetime.now(UTC),
                                      watchlists=[request.watchlist] if request.watchlist else None,
                                      statements_only=request.statements_only)
            pages = write_briefing(briefing, request.path, request.page)
            return self.tr("Briefing saved: {} ({} pages, {} alerts).").format(request.path, pages, briefing.total)

        def done(message: str) -> None:
            self._exported(message)
            if request.open_when_done:
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(request.path)))

        self._run(job, done, self._refused)

    def open_window(self, message: str = "", tab: int = 0) -> None:
        if self.window is None:
            commands = WindowCommands(
                export_briefing=self.export_briefing, refresh=lambda: self.poll(force=True),
                pause_hour=lambda: self.pause(timedelta(hours=1)),
                pause_tomorrow=lambda: self.pause(None, tomorrow=True), resume=lambda: self.pause(timedelta(0)),
                pause_state=self.pause_text, quiet_state=self.quiet_text, settings=self.open_settings,
                diagnostics=self.copy_diagnostics, about=self.open_about, quit=self.quit)
            self.window = MainWindow(self.root, open_link, lambda: self.poll(), self.import_watchlists,
                                     self.export_watchlists, commands)
            self.window.inbox.status.connect(lambda _text: self.recount())
        self.window.tabs.setCurrentIndex(tab)
        if message:
            self.window.statusBar().showMessage(message)
        self.window.show()
        self.window.raise_()
        self.window.activateWindow()
        self.recount()
        self.refresh_window()

    def refresh_window(self) -> None:
        if self.window is not None:
            self.window.refresh()

    def copy_diagnostics(self) -> None:
        """Versions, settings (no secrets) and recent errors to the clipboard, for a bug report."""
        def copied(text: str) -> None:
            QApplication.clipboard().setText(text)
            self._exported(self.tr("Diagnostics copied to the clipboard"))

        self._run(lambda store: diagnostics(self.root, store), copied)

    def open_about(self) -> None:
        self.about = AboutDialog()
        self.about.show()

    def open_settings(self) -> None:
        def load(store: Store) -> dict[str, Any]:
            return {key: settings.get(store, key) for key in settings.SETTINGS}

        self._run(load, self._show_settings)

    def _show_settings(self, values: dict[str, Any]) -> None:
        dialog = SettingsDialog(values, autostart.is_enabled(), self._save_settings,
                                test_notification=self.send_test_notification)
        dialog.setWindowIcon(app_icon())
        dialog.exec()

    def send_test_notification(self) -> bool:
        """Show what an alert looks like on this desktop."""
        return self.notifier.show(Notification(
            self.tr("Stakewatch: test notification"),
            self.tr("Alerts look like this: who said it, statement or coverage, and the title. "
                    "A click opens the original."), None, kind="alert"))

    def _save_settings(self, values: dict[str, str], start_at_login: bool) -> None:
        def save(store: Store) -> None:
            for key, text in values.items():
                settings.put(store, key, text)

        self._run(save, lambda _result: self.recount())
        try:
            autostart.enable() if start_at_login else autostart.disable()
        except Exception as exc:  # a refused autostart is reported, never fatal
            self._task_failed(str(exc))


def install_translation(app: QCoreApplication, locale: QLocale | None = None) -> QTranslator | None:
    """Load the UI translation for `locale` (the system's by default), if one ships."""
    translator = QTranslator(app)
    if translator.load(locale or QLocale(), "stakewatch", "_", str(resource("translations"))):
        app.installTranslator(translator)
        return translator
    return None


def run_app(root: Path, demo: bool = False, borrowed: bool = False) -> int:
    """Run the tray app on the data dir `root` until Quit. Main thread.

    `borrowed`: another Stakewatch holds the (demo) folder; it is asked to come
    forward, and this one never runs on it.
    """
    from .single import ask_running_instance

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Stakewatch")
    app.setOrganizationName("Stakewatch")
    app.setQuitOnLastWindowClosed(False)
    app.setWindowIcon(app_icon())
    install_translation(app)
    if ask_running_instance(root):
        print("Stakewatch is already running; it has been brought forward.")
        return 0
    if borrowed:
        print("stakewatch: the demo folder is in use by another Stakewatch command; try again when it ends.",
              file=sys.stderr)
        return 1
    with open_store(root) as store:
        setup_logging(root, store)
        ask_first_run(store)
    controller = Controller(root, demo=demo)
    instance = InstanceServer(root)
    instance.raise_requested.connect(lambda: controller.open_window(tab=0))
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: controller.quit())
    wake = QTimer(app)  # lets Python run its signal handlers while Qt waits
    wake.start(500)
    wake.timeout.connect(lambda: None)
    controller.start()
    print(f"Stakewatch is running{' (demo)' if demo else ''}; notifications through "
          f"{controller.notifier.name}; tray {'shown' if controller.has_tray else 'unavailable'}.",
          flush=True)
    return int(app.exec())
