"""The main window: the alerts inbox and source health in tabs. GUI thread only.

Opened from the tray, by a second start of the app, by a digest notification,
and instead of the tray where the desktop has none. It keeps its own Store
connection for reads.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QTabWidget

from ..core.store import open_store
from .health import HealthView
from .icons import app_icon
from .inbox import InboxView

INBOX, HEALTH = 0, 1


class MainWindow(QMainWindow):
    def __init__(self, root: Path, open_link: Callable[[str], object], retry: Callable[[], object]) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("Stakewatch"))
        self.setWindowIcon(app_icon())
        self.store = open_store(root)
        self.inbox = InboxView(self.store, open_link)
        self.health = HealthView(self.store, retry)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.inbox, self.tr("Alerts"))
        self.tabs.addTab(self.health, self.tr("Source health"))
        self.setCentralWidget(self.tabs)
        for view in (self.inbox, self.health):
            view.status.connect(lambda text: self.statusBar().showMessage(text, 5_000))
        geometry = QSettings("Stakewatch", "Stakewatch").value("main/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1100, 680)

    def refresh(self) -> None:
        self.inbox.refresh()
        self.health.refresh()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        QSettings("Stakewatch", "Stakewatch").setValue("main/geometry", self.saveGeometry())
        super().closeEvent(event)
