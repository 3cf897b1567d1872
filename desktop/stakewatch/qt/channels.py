"""The Channels tab: where alerts go besides the desktop (email, Slack, Teams, LINE, webhooks). GUI thread only.

The list is read from the window's own Store; adding, testing and removing run on
a pool thread (they use the keyring, and a test reaches the service). The URL is
typed into a password field and goes straight to the keyring.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core import ChannelRow, Service, check_channel_name, check_channel_url, date_time, parse_digest_schedule
from ..core.i18n import Message, loads, render
from ..core.model import UserError
from ..core.states import channel_status_label
from .fit import arrange
from .workers import Home, Tasks, serving

HEADERS = (QT_TRANSLATE_NOOP("ChannelsView", "Channel"), QT_TRANSLATE_NOOP("ChannelsView", "Watchlists"),
           QT_TRANSLATE_NOOP("ChannelsView", "Receives"), QT_TRANSLATE_NOOP("ChannelsView", "Status"),
           QT_TRANSLATE_NOOP("ChannelsView", "Last success"), QT_TRANSLATE_NOOP("ChannelsView", "Waiting"),
           QT_TRANSLATE_NOOP("ChannelsView", "Last error"))
COLOURS = {"ok": "#2b8a3e", "failing": "#c92a2a", "new": "#495057"}


def _when(moment: datetime | None) -> str:
    return date_time(moment.astimezone()) if moment is not None else "\u2014"


def status_of(row: ChannelRow) -> str:
    return "failing" if row.last_error else ("ok" if row.last_success else "new")


def hint_label(text: str) -> QLabel:
    """A field's format hint under it, in small grey words that wrap rather than being cut."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setStyleSheet("color: #5f6368")
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 0.9)
    label.setFont(font)
    return label


class ChannelDialog(QDialog):
    """Name, Apprise URL (hidden unless asked), watchlists, what it receives, health notices, a scheduled digest.

    With `submit`, OK hands the values over and the dialog stays open, everything typed kept,
    until `saved()` closes it or `refused(message)` says why not (a keyring that failed)."""

    def __init__(self, watchlists: list[str], parent: QWidget | None = None,
                 submit: Callable[[dict[str, Any]], object] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add channel"))
        self._submit = submit
        self.name = QLineEdit()
        self.url = QLineEdit()
        self.url.setEchoMode(QLineEdit.EchoMode.Password)
        self.show_url = QCheckBox(self.tr("&Show the URL"))
        self.show_url.toggled.connect(self._show_url)
        self.url_hint = hint_label(self.tr(
            "An Apprise URL: mailtos://user:app-password@smtp.example.jp:587?to=team@example.jp, "
            "slack://…, msteams://…, line://…, json://…. It is kept in the system keyring, never in "
            "Stakewatch's files."))
        self.watchlists = QListWidget()
        for name in watchlists:
            item = QListWidgetItem(name)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.watchlists.addItem(item)
        rows = min(max(len(watchlists), 1), 5)  # as tall as its rows, up to five; more scroll
        row = max(self.watchlists.sizeHintForRow(0), self.watchlists.fontMetrics().lineSpacing() + 8)
        self.watchlists.setFixedHeight(rows * row + 2 * self.watchlists.frameWidth() + 4)
        self.only = QComboBox()
        self.only.addItem(self.tr("Everything"), None)
        self.only.addItem(self.tr("Statements only"), "statements")
        self.only.addItem(self.tr("Priority entities only"), "priority")
        self.health = QCheckBox(self.tr("Also source-&health notices"))
        self.quiet = QCheckBox(self.tr("Send during &quiet hours too"))
        self.digest = QLineEdit()
        self.digest_hint = hint_label(self.tr("Optional: daily 08:00, or weekly mon 08:00"))
        self.digest_only = QCheckBox(self.tr("Onl&y the scheduled digest"))
        self.error = QLabel()
        self.error.setStyleSheet("color: #c92a2a")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        url_cell = QVBoxLayout()  # the field alone on its row, as wide as the others
        url_cell.setSpacing(2)
        url_cell.addWidget(self.url)
        url_cell.addWidget(self.show_url)
        url_cell.addWidget(self.url_hint)
        digest_cell = QVBoxLayout()
        digest_cell.setSpacing(2)
        digest_cell.addWidget(self.digest)
        digest_cell.addWidget(self.digest_hint)
        form = QFormLayout()
        form.addRow(self.tr("&Name"), self.name)
        url_label = QLabel(self.tr("Apprise &URL"))
        url_label.setBuddy(self.url)
        form.addRow(url_label, url_cell)
        form.addRow(self.tr("&Watchlists (none ticked: all)"), self.watchlists)
        form.addRow(self.tr("&Receives"), self.only)
        form.addRow("", self.health)
        form.addRow("", self.quiet)
        digest_label = QLabel(self.tr("Scheduled &digest"))
        digest_label.setBuddy(self.digest)
        form.addRow(digest_label, digest_cell)
        form.addRow("", self.digest_only)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.body = arrange(self, form, self.error, self.buttons)
        self.setMinimumWidth(480)
        self.name.setFocus()  # taken when the dialog shows

    def _show_url(self, shown: bool) -> None:
        self.url.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)

    def accept(self) -> None:
        """Check what can be checked without the keyring or the network; keep the dialog open on a mistake."""
        if not self.name.text().strip():
            self._fault(self.name, self.tr("Enter a name for the channel."))
            return
        if not self.url.text().strip():
            self._fault(self.url, self.tr("Enter the channel's Apprise URL."))
            return
        for field, check in ((self.name, check_channel_name), (self.url, check_channel_url),
                             (self.digest, parse_digest_schedule)):
            if field is self.digest and not field.text().strip():
                continue
            try:
                check(field.text())
            except UserError as exc:
                self._fault(field, exc.message)
                return
        if self._submit is None:
            super().accept()
            return
        self._say(self.tr("Saving the URL in your keyring\u2026"), problem=False)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self._submit(self.values())

    def _fault(self, field: QLineEdit, text: str) -> None:
        """Say what is wrong and put the cursor in the field at fault."""
        self._say(text)
        field.setFocus(Qt.FocusReason.OtherFocusReason)
        field.selectAll()

    def _say(self, text: str, problem: bool = True) -> None:
        self.error.setStyleSheet(f"color: {COLOURS['failing'] if problem else COLOURS['new']}")
        self.error.setText(text)

    def saved(self) -> None:
        """The channel was added: close."""
        super().accept()

    def refused(self, message: str) -> None:
        """The channel could not be added (the keyring failed, the name was taken): say why, keep what was typed."""
        self._say(message)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)

    def values(self) -> dict[str, Any]:
        ticked = [self.watchlists.item(i).text() for i in range(self.watchlists.count())
                  if self.watchlists.item(i).checkState() == Qt.CheckState.Checked]
        return {"name": self.name.text(), "url": self.url.text(), "watchlists": ticked,
                "only": self.only.currentData(), "health": self.health.isChecked(),
                "quiet_hours": not self.quiet.isChecked(), "digest": self.digest.text().strip() or None,
                "digest_only": self.digest_only.isChecked()}


class ChannelsView(QWidget):
    status = Signal(str)

    def __init__(self, service: Service | Any, store: Any = None) -> None:
        """`ChannelsView(service)`; `ChannelsView(root, store)` is the former form."""
        super().__init__()
        self.service = service = serving(store if store is not None else service)
        self.rows: list[ChannelRow] = []
        self.tasks = Tasks(self, home=Home.of(service))
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setHorizontalHeaderLabels([self.tr(str(h)) for h in HEADERS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        self.add_button = QPushButton(self.tr("A&dd channel…"))
        self.test_button = QPushButton(self.tr("Send te&st message"))
        self.remove_button = QPushButton(self.tr("&Remove"))
        self.dialog: ChannelDialog | None = None
        self.add_button.clicked.connect(self.add_channel)
        self.test_button.clicked.connect(self.test_current)
        self.remove_button.clicked.connect(self.remove_current)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.test_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.empty_hint = hint_label(self.tr(
            "No channels yet \u2014 Add channel\u2026 sends alerts to Slack, e-mail, Microsoft Teams, LINE or a "
            "webhook as well as to this desktop."))
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_hint)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        self.rows = self.service.channels.rows()
        self.table.setRowCount(len(self.rows))
        self.empty_hint.setVisible(not self.rows)
        for index, row in enumerate(self.rows):
            channel = row.channel
            receives = {None: self.tr("everything"), "statements": self.tr("statements"),
                        "priority": self.tr("priority")}[channel.only]
            if channel.digest:
                receives += f" \u00b7 {channel.digest}"
            error = render(loads(row.last_error)) if row.last_error else ""
            cells = (channel.name, ", ".join(channel.watchlists) or self.tr("all"), receives,
                     render(channel_status_label(status_of(row))), _when(row.last_success), str(row.pending), error)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 3:
                    item.setForeground(QColor(COLOURS.get(status_of(row), "#000")))
                if column == 6 and text:
                    item.setToolTip(text)
                self.table.setItem(index, column, item)
        self._selection_changed()

    def current(self) -> ChannelRow | None:
        index = self.table.currentRow()
        return self.rows[index] if 0 <= index < len(self.rows) else None

    def _selection_changed(self) -> None:
        chosen = self.current() is not None
        self.test_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    def _run(self, job: Any, done: Any, failed: Any = None) -> None:
        self.tasks.serve(job, done, failed or self._failed)

    def _failed(self, message: Message | str) -> None:
        self.refresh()
        self.status.emit(render(message))
        QMessageBox.warning(self, self.tr("Channels"), render(message))

    def _done(self, message: str) -> None:
        self.refresh()
        self.status.emit(message)

    def add_channel(self) -> None:
        """Ask for a channel; the dialog stays open, with what was typed, until it is added or refused."""
        done = self.tr("Added the channel {}; its URL is in the keyring.")

        def submit(values: dict[str, Any]) -> None:
            def added(message: str) -> None:
                dialog.saved()
                self._done(message)

            def refused(message: Message | str) -> None:
                dialog.refused(render(message))
                self.status.emit(render(message))

            self._run(lambda service: done.format(service.channels.add(**values).name), added, refused)

        dialog = ChannelDialog(self.service.watchlists.names(), self, submit)
        self.dialog = dialog
        dialog.exec()

    def test_current(self) -> None:
        row = self.current()
        if row is None:
            return
        name = row.channel.name
        done = self.tr("Sent a test message to {}.")
        self.status.emit(self.tr("Sending a test message to {}…").format(name))
        self._run(lambda service: done.format(service.channels.test(name)), self._done)

    def remove_current(self) -> None:
        row = self.current()
        if row is None:
            return
        done = self.tr("Removed the channel {}.")
        name = row.channel.name
        self._run(lambda service: done.format(service.channels.remove(name)), self._done)

    def wait(self, msecs: int = 30_000) -> bool:
        """Wait for background work (tests, closing)."""
        return self.tasks.wait(msecs)
