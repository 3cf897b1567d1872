"""The "Export briefing" dialog: period, watchlist, statements only, page size, where to save. GUI thread."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from .fit import arrange

PERIODS = ((QT_TRANSLATE_NOOP("BriefingDialog", "Last 24 hours"), timedelta(days=1)),
           (QT_TRANSLATE_NOOP("BriefingDialog", "Last 7 days"), timedelta(days=7)),
           (QT_TRANSLATE_NOOP("BriefingDialog", "Last 30 days"), timedelta(days=30)),
           (QT_TRANSLATE_NOOP("BriefingDialog", "Since a date"), None))


@dataclass(frozen=True)
class BriefingRequest:
    since: datetime
    watchlist: str | None
    statements_only: bool
    page: str
    path: Path
    open_when_done: bool


class BriefingDialog(QDialog):
    def __init__(self, watchlists: Sequence[str], submit: Callable[[BriefingRequest], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export briefing"))
        self._submit = submit
        self.period = QComboBox()
        for label, _length in PERIODS:
            self.period.addItem(self.tr(str(label)))
        self.period.setCurrentIndex(1)
        self.since = QDateEdit(QDate.currentDate().addDays(-7))
        self.since.setCalendarPopup(True)
        self.since.setEnabled(False)
        self.period.currentIndexChanged.connect(lambda i: self.since.setEnabled(PERIODS[i][1] is None))
        self.watchlist = QComboBox()
        self.watchlist.addItem(self.tr("All watchlists"))
        self.watchlist.addItems(list(watchlists))
        self.statements_only = QCheckBox(self.tr("Statements only (&leave out coverage)"))
        self.page = QComboBox()
        self.page.addItems(["A4", "Letter"])
        self.path = QLineEdit(str(Path.home() / f"stakewatch-briefing-{datetime.now():%Y-%m-%d}.pdf"))
        self.whole_path = QLabel()  # the whole path, wrapped at its separators, when the field cannot hold it
        self.whole_path.setTextFormat(Qt.TextFormat.PlainText)
        self.whole_path.setWordWrap(True)
        self.whole_path.setStyleSheet("color: #5f6368")
        self.whole_path.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.path.textChanged.connect(self._show_whole_path)
        self._confirmed: Path | None = None  # a file the save dialog already asked about replacing
        browse = QPushButton(self.tr("C&hoose\u2026"))
        browse.clicked.connect(self._browse)
        where = QHBoxLayout()
        where.addWidget(self.path)
        where.addWidget(browse)
        self.open_when_done = QCheckBox(self.tr("O&pen the PDF when it is ready"))
        self.open_when_done.setChecked(True)
        form = QFormLayout()
        form.addRow(self.tr("P&eriod"), self.period)
        form.addRow(self.tr("S&ince"), self.since)
        form.addRow(self.tr("&Watchlist"), self.watchlist)
        form.addRow("", self.statements_only)
        form.addRow(self.tr("Pape&r"), self.page)
        save_as = QLabel(self.tr("Save &as"))
        save_as.setBuddy(self.path)
        form.addRow(save_as, where)
        form.addRow("", self.whole_path)
        form.addRow("", self.open_when_done)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        self._show_whole_path()  # before the layout: the field's width is part of the dialog's
        arrange(self, form, self.buttons)

    def _browse(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(self, self.tr("Save briefing"), self.path.text(),
                                                      self.tr("PDF (*.pdf)"))
        if chosen:
            self.path.setText(chosen if chosen.lower().endswith(".pdf") else chosen + ".pdf")
            if chosen.lower().endswith(".pdf"):  # the save dialog asked before choosing an existing file
                self._confirmed = Path(chosen)

    def _show_whole_path(self) -> None:
        """The field as wide as its path (up to most of a small screen), so the whole path shows."""
        metrics = self.path.fontMetrics()
        wanted = metrics.horizontalAdvance(self.path.text()) + 3 * metrics.averageCharWidth() + 8
        self.path.setMinimumWidth(min(max(wanted, 240), 560))
        self.path.setToolTip(self.path.text())
        self.path.setCursorPosition(0)
        clipped = wanted > self.path.minimumWidth()
        self.whole_path.setText(self.path.text().replace(os.sep, os.sep + "\u200b") if clipped else "")
        self.whole_path.setVisible(clipped)

    def request(self) -> BriefingRequest:
        length = PERIODS[self.period.currentIndex()][1]
        if length is None:
            day = self.since.date()
            since = datetime(day.year(), day.month(), day.day()).astimezone().astimezone(UTC)
        else:
            since = datetime.now(UTC) - length
        path = self.path.text().strip()
        return BriefingRequest(
            since=since, watchlist=self.watchlist.currentText() if self.watchlist.currentIndex() > 0 else None,
            statements_only=self.statements_only.isChecked(), page=self.page.currentText(),
            path=Path(path if path.lower().endswith(".pdf") else path + ".pdf").expanduser(),
            open_when_done=self.open_when_done.isChecked())

    def _accept(self) -> None:
        request = self.request()
        if request.path.exists() and request.path != self._confirmed and not self._may_replace(request.path):
            self.path.setFocus()
            return
        self._submit(request)
        self.accept()

    def _may_replace(self, path: Path) -> bool:
        """Ask before a briefing replaces a file already there (an earlier one of the same day)."""
        answer = QMessageBox.question(
            self, self.tr("Replace the file?"),
            self.tr("{} already exists.\nReplace it with this briefing?").format(path),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes
