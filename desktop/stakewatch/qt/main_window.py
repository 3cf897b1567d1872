"""The main window: the alerts inbox and source health in tabs. GUI thread only.

Opened from the tray, by a second start of the app, by a digest notification,
and instead of the tray where the desktop has none. It keeps its own Store
connection for reads.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QTabWidget

from ..core.store import open_store
from .channels import ChannelsView
from .editor import EditorView
from .health import HealthView
from .icons import app_icon
from .inbox import InboxView

INBOX, HEALTH, EDITOR = 0, 1, 2


def geometry_key(root: Path) -> str:
    """Where the window's geometry is kept: one entry per data dir."""
    return "main/geometry/" + hashlib.sha1(str(root.resolve()).encode()).hexdigest()[:12]


class MainWindow(QMainWindow):
    def __init__(self, root: Path, open_link: Callable[[str], object], retry: Callable[[], object],
                 import_file: Callable[[], object] | None = None,
                 export_file: Callable[[], object] | None = None) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("Stakewatch"))
        self.setWindowIcon(app_icon())
        self.store = open_store(root)
        self.inbox = InboxView(self.store, open_link)
        self.health = HealthView(self.store, retry)
        self.editor = EditorView(self.store, import_file, export_file)
        self.editor.saved.connect(self.inbox.refresh)
        self.editor.saved.connect(self.health.refresh)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.inbox, self.tr("Alerts"))
        self.tabs.addTab(self.health, self.tr("Source health"))
        self.tabs.addTab(self.editor, self.tr("Watchlists"))
        self.channels = ChannelsView(root, self.store)
        self.tabs.addTab(self.channels, self.tr("Channels"))
        self.setCentralWidget(self.tabs)
        for view in (self.inbox, self.health, self.editor, self.channels):
            view.status.connect(lambda text: self.statusBar().showMessage(text, 5_000))
        self.geometry_key = geometry_key(root)
        geometry = QSettings("Stakewatch", "Stakewatch").value(self.geometry_key)
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1100, 680)

    def refresh(self) -> None:
        self.inbox.refresh()
        self.health.refresh()
        self.editor.refresh()
        self.channels.refresh()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        QSettings("Stakewatch", "Stakewatch").setValue(self.geometry_key, self.saveGeometry())
        super().closeEvent(event)
