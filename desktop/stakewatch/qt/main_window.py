"""The main window: recent alerts and source health, as plain text. GUI thread only.

Opened from the tray, by a second start of the app, by a digest notification,
and instead of the tray where the desktop has none.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QMainWindow,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
)

from ..core.model import Alert, SourceHealth
from .icons import app_icon


def _item(text: str, tooltip: str = "") -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if tooltip:
        item.setToolTip(tooltip)
    return item


def _table(headers: Sequence[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class MainWindow(QMainWindow):
    def __init__(self, open_link: Callable[[str], object]) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("Stakewatch"))
        self.setWindowIcon(app_icon())
        self._open_link = open_link
        self._links: list[str] = []
        self.tabs = QTabWidget()
        self.alerts = _table([self.tr("Published"), self.tr("Kind"), self.tr("Entity"), self.tr("Title"),
                              self.tr("Sources")])
        self.alerts.horizontalHeader().setStretchLastSection(False)
        self.alerts.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.alerts.cellActivated.connect(self._activate)
        self.sources = _table([self.tr("Source"), self.tr("Status"), self.tr("Last success"),
                               self.tr("Failures"), self.tr("Last error")])
        self.tabs.addTab(self.alerts, self.tr("Alerts"))
        self.tabs.addTab(self.sources, self.tr("Sources"))
        self.setCentralWidget(self.tabs)
        self.statusBar()
        geometry = QSettings("Stakewatch", "Stakewatch").value("main/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(980, 560)

    def show_alerts(self, alerts: Sequence[Alert]) -> None:
        self.alerts.setRowCount(len(alerts))
        self._links = [a.url for a in alerts]
        for row, alert in enumerate(alerts):
            published = alert.published.astimezone().strftime("%Y-%m-%d %H:%M")
            cells = (published, alert.kind, alert.entity, alert.title, ", ".join(alert.sources))
            for column, text in enumerate(cells):
                self.alerts.setItem(row, column, _item(text, alert.snippet if column == 3 else ""))

    def show_sources(self, health: Sequence[SourceHealth]) -> None:
        self.sources.setRowCount(len(health))
        for row, source in enumerate(health):
            success = source.last_success.astimezone().strftime("%Y-%m-%d %H:%M") \
                if source.last_success else self.tr("never")
            cells = (source.name, source.status, success, str(source.consecutive_failures),
                     source.last_error or "")
            for column, text in enumerate(cells):
                self.sources.setItem(row, column, _item(text, source.url if column == 0 else ""))

    def _activate(self, row: int, _column: int) -> None:
        if 0 <= row < len(self._links):
            self._open_link(self._links[row])

    def closeEvent(self, event: object) -> None:  # noqa: N802
        QSettings("Stakewatch", "Stakewatch").setValue("main/geometry", self.saveGeometry())
        super().closeEvent(event)  # type: ignore[arg-type]
