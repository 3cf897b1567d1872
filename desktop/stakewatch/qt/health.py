"""Source health: every source's status in words, with retry and disable. GUI thread only."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.model import SourceHealth
from ..core.store import Store
from ..core.when import date_time, relative
from .labels import status_colour, status_label

HEADERS = (QT_TRANSLATE_NOOP("HealthView", "Source"), QT_TRANSLATE_NOOP("HealthView", "Status"),
           QT_TRANSLATE_NOOP("HealthView", "Last success"), QT_TRANSLATE_NOOP("HealthView", "Failures"),
           QT_TRANSLATE_NOOP("HealthView", "Last error"), QT_TRANSLATE_NOOP("HealthView", "Next check"))


def _when(moment: datetime | None) -> str:
    return date_time(moment.astimezone()) if moment is not None else "\u2014"


class HealthView(QWidget):
    status = Signal(str)

    def __init__(self, store: Store, retry: Callable[[], object]) -> None:
        super().__init__()
        self.store = store
        self._retry = retry
        self.sources: list[SourceHealth] = []
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setHorizontalHeaderLabels([self.tr(h) for h in HEADERS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.retry_button = QPushButton(self.tr("Retry now"))
        self.toggle_button = QPushButton(self.tr("Disable"))
        self.retry_button.clicked.connect(self.retry_current)
        self.toggle_button.clicked.connect(self.toggle_current)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        buttons = QHBoxLayout()
        buttons.addWidget(self.retry_button)
        buttons.addWidget(self.toggle_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        selected = self.current()
        self.sources = self.store.health()
        self.table.setRowCount(len(self.sources))
        for row, source in enumerate(self.sources):
            cells = (source.name, status_label(source.status), _when(source.last_success),
                     str(source.consecutive_failures), source.error,
                     _when(source.retry_after or source.next_check))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 0:
                    item.setToolTip(source.url)
                if column == 1:
                    item.setForeground(QColor(status_colour(source.status)))
                if column == 4 and text:
                    item.setToolTip(text)
                moment = source.last_success if column == 2 else (source.retry_after or source.next_check) \
                    if column == 5 else None
                if moment is not None:
                    item.setToolTip(str(relative(moment, datetime.now(UTC))))
                self.table.setItem(row, column, item)
        names = [s.name for s in self.sources]
        if selected is not None and selected.name in names:
            self.table.selectRow(names.index(selected.name))
        self._selection_changed()

    def select(self, name: str) -> None:
        names = [s.name for s in self.sources]
        if name in names:
            self.table.selectRow(names.index(name))

    def current(self) -> SourceHealth | None:
        row = self.table.currentRow()
        return self.sources[row] if 0 <= row < len(self.sources) else None

    def _selection_changed(self) -> None:
        source = self.current()
        self.retry_button.setEnabled(source is not None and source.enabled)
        self.toggle_button.setEnabled(source is not None)
        self.toggle_button.setText(self.tr("Enable") if source is not None and not source.enabled
                                   else self.tr("Disable"))

    def retry_current(self) -> None:
        source = self.current()
        if source is None:
            return
        self.store.clear_wait(source.name)
        self._retry()
        self.status.emit(self.tr("Checking {} now").format(source.name))

    def toggle_current(self) -> None:
        source = self.current()
        if source is None:
            return
        self.store.set_enabled(source.name, not source.enabled)
        self.refresh()

