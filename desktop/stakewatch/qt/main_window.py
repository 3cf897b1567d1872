"""The main window: the alerts inbox, source health and watchlists in tabs, and a menu bar. GUI thread only.

Opened from the tray, by a second start of the app, by a digest notification,
and instead of the tray where the desktop has none: so its menu bar holds
everything the tray menu has. It keeps a Service of its own (one connection) for its views.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from PySide6.QtCore import QSettings, QSize
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QTabWidget

from ..core import Service
from .channels import ChannelsView
from .editor import EditorView
from .health import HealthView
from .icons import app_icon
from .inbox import InboxView

INBOX, HEALTH, EDITOR = 0, 1, 2
MIN_SIZE = QSize(760, 480)
DEFAULT_SIZE = QSize(1080, 660)


@dataclass(frozen=True)
class WindowCommands:
    """What the tray menu can do, for the window's menu bar. Each runs on the GUI thread."""

    export_briefing: Callable[[], object]
    refresh: Callable[[], object]
    pause_hour: Callable[[], object]
    pause_tomorrow: Callable[[], object]
    resume: Callable[[], object]
    pause_state: Callable[[], str]
    quiet_state: Callable[[], str]
    settings: Callable[[], object]
    diagnostics: Callable[[], object]
    about: Callable[[], object]
    quit: Callable[[], object]
    reset_demo: Callable[[], object] | None = None


def geometry_key(root: Path) -> str:
    """Where the window's geometry is kept: one entry per data dir."""
    return "main/geometry/" + hashlib.sha1(str(root.resolve()).encode()).hexdigest()[:12]


class MainWindow(QMainWindow):
    def __init__(self, root: Path, open_link: Callable[[str], object], retry: Callable[[], object],
                 import_file: Callable[[], object] | None = None,
                 export_file: Callable[[], object] | None = None,
                 commands: WindowCommands | None = None) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("Stakewatch"))
        self.setWindowIcon(app_icon())
        # reads; every write is a task (workers.write); a team server away: what the desk kept
        self.service, offline = Service.open_or_kept(root, read_only=True)
        self.kept = offline  # showing what the desk kept of a team server that did not answer
        self.commands = commands
        self.inbox = InboxView(self.service, open_link, by_story=True)
        self.health = HealthView(self.service, retry)
        self.editor = EditorView(self.service, import_file, export_file)
        self.editor.saved.connect(self.inbox.refresh)
        self.editor.saved.connect(self.health.refresh)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.inbox, self.tr("&Alerts"))
        self.tabs.addTab(self.health, self.tr("Source &health"))
        self.tabs.addTab(self.editor, self.tr("&Watchlists"))
        self.channels = ChannelsView(self.service)
        self.tabs.addTab(self.channels, self.tr("&Channels"))
        self.setCentralWidget(self.tabs)
        for view in (self.inbox, self.health, self.editor, self.channels):
            view.status.connect(lambda text: self.statusBar().showMessage(text, 8_000))
        self._build_menus(import_file, export_file)
        self.setMinimumSize(MIN_SIZE)
        self.geometry_key = geometry_key(root)
        if offline:
            self.statusBar().showMessage(self.tr("The team server cannot be reached: showing what was read "
                                                 "before."))
        geometry = QSettings("Stakewatch", "Stakewatch").value(self.geometry_key)
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(self.default_size())
        self.inbox.focus_list()

    def default_size(self) -> QSize:
        """The default size, never larger than the screen's free area (a 1366x768 laptop at 125 %)."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return DEFAULT_SIZE
        free = screen.availableGeometry().size()
        return QSize(min(DEFAULT_SIZE.width(), free.width() - 40), min(DEFAULT_SIZE.height(), free.height() - 60))

    # menus ---------------------------------------------------------------------------------------

    def _add(self, menu: QMenu, text: str, slot: Callable[[], object] | None,
             shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None) -> QAction:
        action = menu.addAction(text)
        if slot is None:
            action.setEnabled(False)
        else:
            action.triggered.connect(lambda _checked=False: slot())
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        return action

    def _build_menus(self, import_file: Callable[[], object] | None,
                     export_file: Callable[[], object] | None) -> None:
        commands = self.commands
        bar = self.menuBar()
        file = bar.addMenu(self.tr("&File"))
        self._add(file, self.tr("&Import watchlists\u2026"), import_file, QKeySequence.StandardKey.Open)
        self._add(file, self.tr("&Export watchlists\u2026"), export_file)
        self._add(file, self.tr("Export &briefing\u2026"), commands.export_briefing if commands else None,
                  "Ctrl+P")
        file.addSeparator()
        if commands is not None and commands.reset_demo is not None:
            self._add(file, self.tr("&Reset demo\u2026"), commands.reset_demo)
        self._add(file, self.tr("&Close window"), self.close, QKeySequence.StandardKey.Close)
        self._add(file, self.tr("&Quit Stakewatch"), commands.quit if commands else None, "Ctrl+Q")

        edit = bar.addMenu(self.tr("&Edit"))
        self.undo_action = self._add(edit, self.tr("&Undo"), self.undo, QKeySequence.StandardKey.Undo)
        edit.addSeparator()
        self._add(edit, self.tr("&Find in alerts"), self.find, QKeySequence.StandardKey.Find)
        self.inbox.find_shortcut.setEnabled(False)
        self._add(edit, self.tr("Mark all &read"), self.inbox.mark_all_read, "Ctrl+Shift+R")

        view = bar.addMenu(self.tr("&View"))
        for index, (text, key) in enumerate(((self.tr("&Alerts"), "Ctrl+1"), (self.tr("Source &health"), "Ctrl+2"),
                                             (self.tr("&Watchlists"), "Ctrl+3"), (self.tr("&Channels"), "Ctrl+4"))):
            self._add(view, text, partial(self.tabs.setCurrentIndex, index), key)
        view.addSeparator()
        self._add(view, self.tr("&Refresh now"), commands.refresh if commands else None,
                  QKeySequence.StandardKey.Refresh)

        alerts = bar.addMenu(self.tr("No&tifications"))
        self.pause_state = alerts.addAction("")
        self.pause_state.setEnabled(False)
        self.quiet_state = alerts.addAction("")
        self.quiet_state.setEnabled(False)
        self._add(alerts, self.tr("Pause for &1 hour"), commands.pause_hour if commands else None)
        self._add(alerts, self.tr("Pause until &tomorrow"), commands.pause_tomorrow if commands else None)
        self.resume_action = self._add(alerts, self.tr("&Resume"), commands.resume if commands else None)
        alerts.addSeparator()
        self._add(alerts, self.tr("&Settings\u2026"), commands.settings if commands else None,
                  QKeySequence.StandardKey.Preferences)
        alerts.aboutToShow.connect(self.update_states)

        help_menu = bar.addMenu(self.tr("Hel&p"))
        self._add(help_menu, self.tr("Copy &diagnostics"), commands.diagnostics if commands else None)
        self._add(help_menu, self.tr("&About Stakewatch"), commands.about if commands else None)
        self.update_states()

    def update_states(self) -> None:
        """Say in the menu whether notifications are paused or in quiet hours."""
        paused = self.commands.pause_state() if self.commands else ""
        quiet = self.commands.quiet_state() if self.commands else ""
        self.pause_state.setText(paused or self.tr("Notifications are on"))
        self.quiet_state.setText(quiet)
        self.quiet_state.setVisible(bool(quiet))
        self.resume_action.setEnabled(bool(paused) and self.commands is not None)

    # actions -------------------------------------------------------------------------------------

    def undo(self) -> None:
        """Undo in the tab that is showing: a read mark or a mute in alerts, a deletion in watchlists."""
        if self.tabs.currentWidget() is self.editor:
            self.editor.undo_delete()
        elif self.tabs.currentWidget() is self.inbox:
            self.inbox.undo()

    def find(self) -> None:  # type: ignore[override]
        self.tabs.setCurrentIndex(INBOX)
        self.inbox.focus_search()

    def show_source(self, name: str) -> None:
        """Bring source health forward with the source `name` selected."""
        self.tabs.setCurrentIndex(HEALTH)
        self.health.refresh()
        self.health.select(name)

    def refresh(self) -> None:
        self.inbox.refresh()
        self.health.refresh()
        self.editor.refresh()
        self.channels.refresh()
        self.update_states()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if not self.editor.confirm_leave():
            event.ignore()
            return
        QSettings("Stakewatch", "Stakewatch").setValue(self.geometry_key, self.saveGeometry())
        super().closeEvent(event)
