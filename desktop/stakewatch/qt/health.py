"""Source health: every source's status in words, with retry and disable. GUI thread only."""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core import Service, date_time, plain, redact, relative
from ..core.i18n import loads, render
from ..core.model import SourceHealth
from .labels import status_colour, status_label
from .workers import serving, write

HEADERS = (QT_TRANSLATE_NOOP("HealthView", "Source"), QT_TRANSLATE_NOOP("HealthView", "Status"),
           QT_TRANSLATE_NOOP("HealthView", "Last success"), QT_TRANSLATE_NOOP("HealthView", "Failures"),
           QT_TRANSLATE_NOOP("HealthView", "Last error"), QT_TRANSLATE_NOOP("HealthView", "Next check"),
           QT_TRANSLATE_NOOP("HealthView", "Rhythm"), QT_TRANSLATE_NOOP("HealthView", "Median delay"),
           QT_TRANSLATE_NOOP("HealthView", "Requests/hour"))


def plain_tooltip(text: str) -> str:
    """A tooltip that shows `text` literally: Qt reads tooltips as rich text when they look like
    markup, so server text is escaped inside a paragraph of its own."""
    return "<p style='white-space:pre-wrap'>" + html.escape(plain(redact(text)), quote=False) + "</p>"
STATUS_COLOURS = {"ok": "#2b8a3e", "failing": "#c92a2a", "backing off": "#e8590c", "stale": "#e67700",
                  "new": "#495057", "disabled": "#868e96"}


def _when(moment: datetime | None) -> str:
    return date_time(moment.astimezone()) if moment is not None else "\u2014"


class HealthView(QWidget):
    status = Signal(str)

    def __init__(self, service: Service | Any, retry: Callable[[], object]) -> None:
        super().__init__()
        self.service = service = serving(service)
        self._retry = retry
        self.sources: list[SourceHealth] = []
        # sources checked at the user's request, with their last attempt then: a later attempt is the answer
        self._checking: dict[str, datetime | None] = {}
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setHorizontalHeaderLabels([self.tr(str(h)) for h in HEADERS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.setTabKeyNavigation(False)
        self.notice = QLabel()
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("background: #fff4e6; color: #5c3d00; border: 1px solid #f0c36d; padding: 6px")
        self.notice.hide()
        self.empty = QLabel(self.tr("No sources yet. Add feeds, pages or news searches in the Watchlists tab, "
                                    "or import a watchlist file (File \u203a Import watchlists\u2026)."))
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setTextFormat(Qt.TextFormat.PlainText)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.table)
        self.pages.addWidget(self.empty)
        self.retry_button = QPushButton(self.tr("&Retry now"))
        self.retry_all_button = QPushButton(self.tr("Retry a&ll"))
        self.toggle_button = QPushButton(self.tr("&Disable"))
        self.retry_button.clicked.connect(self.retry_current)
        self.retry_all_button.clicked.connect(self.retry_all)
        self.toggle_button.clicked.connect(self.toggle_current)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        buttons = QHBoxLayout()
        buttons.addWidget(self.retry_button)
        buttons.addWidget(self.retry_all_button)
        buttons.addWidget(self.toggle_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addWidget(self.pages, 1)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        selected = self.current()
        self.sources = self.service.sources.scheduled_health()
        self._say_what_checks_found()
        self.table.setRowCount(len(self.sources))
        for row, source in enumerate(self.sources):
            cells = (source.name, status_label(source.status), _when(source.last_success),
                     str(source.consecutive_failures), source.error or render(source.note),
                     _when(source.retry_after or source.next_check), render(source.rhythm),
                     self._delay(source.median_delay_seconds), str(source.requests_last_hour))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(plain(redact(text)))
                if column == 0:
                    item.setToolTip(plain_tooltip(source.url))
                if column == 1:
                    item.setForeground(QColor(status_colour(source.status)))
                if column == 4 and text:
                    item.setToolTip(plain_tooltip(text))
                moment = source.last_success if column == 2 else (source.retry_after or source.next_check) \
                    if column == 5 else None
                if moment is not None:
                    item.setToolTip(str(relative(moment, datetime.now(UTC))))
                self.table.setItem(row, column, item)
        self._channel_rows()
        names = [s.name for s in self.sources]
        if selected is not None and selected.name in names:
            self.table.selectRow(names.index(selected.name))
        self.pages.setCurrentIndex(0 if self.sources else 1)
        notice = self.service.sources.offline_notice(self.sources)
        self.notice.setText(str(notice) if notice else "")
        self.notice.setVisible(notice is not None)
        self._selection_changed()

    def _delay(self, seconds: float | None) -> str:
        """A median delay as the core measured it: '1 min 30 s', or a dash when there is none."""
        if seconds is None:
            return "\u2014"
        minutes, rest = divmod(round(seconds), 60)
        return self.tr("{} min {} s").format(minutes, rest) if minutes else self.tr("{} s").format(rest)

    def _channel_rows(self) -> None:
        """Channels that fail to deliver, below the sources, with the reason in words (no actions)."""
        failing = self.service.channels.failing()
        self.table.setRowCount(len(self.sources) + len(failing))
        for offset, row in enumerate(failing):
            error = render(loads(row.last_error))
            cells = (self.tr("Channel: {}").format(row.channel.name), self.tr("failing"), _when(row.last_success),
                     "", error, "", "", "", "")
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 1:
                    item.setForeground(QColor(STATUS_COLOURS["failing"]))
                if column == 4:
                    item.setToolTip(text)
                self.table.setItem(len(self.sources) + offset, column, item)

    def select(self, name: str) -> None:
        names = [s.name for s in self.sources]
        if name in names:
            self.table.selectRow(names.index(name))
            self.table.scrollTo(self.table.model().index(names.index(name), 0))
            self.table.setFocus()

    def _say_what_checks_found(self) -> None:
        """Once every source checked at the user's request has been fetched again, say how it went."""
        if not self._checking:
            return
        by_name = {source.name: source for source in self.sources}
        checked = [by_name[name] for name in self._checking if name in by_name]
        if any(source.last_attempt == self._checking[source.name] for source in checked):
            return  # not every one of them has been fetched yet
        self._checking.clear()
        failing = [source for source in checked if source.last_error]
        if len(checked) == 1:
            (source,) = checked
            self.status.emit(self.tr("{} still fails: {}").format(source.name, source.error) if failing
                             else self.tr("{} answers normally").format(source.name))
        elif checked:
            self.status.emit(self.tr("Checked {} sources: {} answer normally, {} fail").format(
                len(checked), len(checked) - len(failing), len(failing)))

    def current(self) -> SourceHealth | None:
        row = self.table.currentRow()
        return self.sources[row] if 0 <= row < len(self.sources) else None

    def _selection_changed(self) -> None:
        source = self.current()
        self.retry_button.setEnabled(source is not None and source.enabled)
        self.retry_all_button.setEnabled(any(s.enabled for s in self.sources))
        self.toggle_button.setEnabled(source is not None)
        self.toggle_button.setText(self.tr("E&nable") if source is not None and not source.enabled
                                   else self.tr("&Disable"))

    def retry_current(self) -> None:
        source = self.current()
        if source is None:
            return
        name = source.name
        write(self.service, lambda service: service.sources.retry(name))
        self._checking = {name: source.last_attempt}
        self.status.emit(self.tr("Checking {} now").format(source.name))
        self._retry()

    def retry_all(self) -> None:
        """Check every enabled source now, those asked to wait or backing off included."""
        names = [source.name for source in self.sources if source.enabled]

        def retry(service: Service) -> None:
            for name in names:
                service.sources.retry(name)

        write(self.service, retry)
        self._checking = {source.name: source.last_attempt for source in self.sources if source.enabled}
        self.status.emit(self.tr("Checking every source now"))
        self._retry()

    def toggle_current(self) -> None:
        source = self.current()
        if source is None:
            return
        name, enabled = source.name, not source.enabled
        write(self.service, lambda service: service.sources.set_enabled(name, enabled))
        self.refresh()

