"""The statement page of the selected alert in the inbox: status, archived text, edits marked. GUI thread only.

The page's versions are read and diffed on a pool thread (a long rewrite takes a moment), never on the
GUI thread; only the answer for the alert still selected is drawn. Page text is only ever inserted as
plain text; removed words get a red, struck-through character format and added words a green,
underlined one.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QLabel, QTextEdit, QVBoxLayout, QWidget

from ..core import PageView, Service, date_time
from .workers import Home, ServiceTask, Tasks, serving


class PagePanel(QWidget):
    """Shows `service.pages.view` of one alert; hidden when the alert has no archived page."""

    shown = Signal(object)
    """The alert whose page (or absence of one) is now drawn."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = Tasks(self, threads=1)
        self.wanted: int | None = None
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.text = QTextEdit()
        self.text.setReadOnly(True)
        self.text.setAcceptRichText(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.status)
        layout.addWidget(self.text, 1)
        self.view: PageView | None = None
        self.setVisible(False)

    def show_alert(self, service: Service | Any, alert_id: int | None) -> None:
        """Show this alert's page once it has been read and diffed off the GUI thread."""
        self.wanted = alert_id
        if alert_id is None:
            self._draw(None, None)
            return
        task = ServiceTask(Home.of(serving(service)), lambda pooled: (alert_id, pooled.pages.view(alert_id)))
        self.tasks.start(task, self._arrived, self._failed)

    def _arrived(self, answer: Any) -> None:
        alert_id, view = answer
        if alert_id == self.wanted:  # the reader has not moved on meanwhile
            self._draw(alert_id, view if isinstance(view, PageView) else None)

    def _failed(self, _problem: object) -> None:
        self._draw(self.wanted, None)

    def _draw(self, alert_id: int | None, view: PageView | None) -> None:
        self.view = view
        self._render()
        self.shown.emit(alert_id)

    def _render(self) -> None:
        self.setVisible(self.view is not None)
        self.text.clear()
        if self.view is None:
            self.status.setText("")
            return
        view = self.view
        checked = date_time(view.checked.astimezone()) if view.checked else "-"
        head = {
            "archived": self.tr("Statement page archived; last checked {checked}"),
            "edited": self.tr("Statement page edited since it was archived (removed words struck through, "
                              "added words underlined); last checked {checked}"),
            "removed": self.tr("Statement page removed; the archived text is kept. Last checked {checked}"),
        }.get(view.status, "{checked}")
        self.status.setText(head.format(checked=checked) + f"\nsha256 {view.sha256[:16]}\u2026 \u00b7 "
                            + self.tr("%n version(s)", "", view.versions))
        cursor = self.text.textCursor()
        plain = QTextCharFormat()
        if view.diff is None:
            cursor.insertText(view.text, plain)
        else:
            removed, added = QTextCharFormat(), QTextCharFormat()
            removed.setForeground(QColor("#b3261e"))
            removed.setFontStrikeOut(True)
            added.setForeground(QColor("#1b6e20"))
            added.setFontUnderline(True)
            for op, words in view.diff:
                cursor.insertText(words, removed if op == "-" else added if op == "+" else plain)
        self.text.moveCursor(QTextCursor.MoveOperation.Start)
