"""The Channels tab: where alerts go besides the desktop (email, Slack, Teams, LINE, webhooks). GUI thread only.

The list is read from the window's own Store; adding, testing and removing run on
a pool thread (they use the keyring, and a test reaches the service). The URL is
typed into a password field and goes straight to the keyring.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QThreadPool, Signal
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

from ..core.delivery import channel_admin, channels
from ..core.i18n import Message, loads, render
from ..core.model import UserError
from ..core.store import channels as store_channels
from ..core.store.database import Store
from .workers import StoreTask

HEADERS = (QT_TRANSLATE_NOOP("ChannelsView", "Channel"), QT_TRANSLATE_NOOP("ChannelsView", "Watchlists"),
           QT_TRANSLATE_NOOP("ChannelsView", "Receives"), QT_TRANSLATE_NOOP("ChannelsView", "Status"),
           QT_TRANSLATE_NOOP("ChannelsView", "Last success"), QT_TRANSLATE_NOOP("ChannelsView", "Waiting"),
           QT_TRANSLATE_NOOP("ChannelsView", "Last error"))
COLOURS = {"ok": "#2b8a3e", "failing": "#c92a2a", "new": "#495057"}


def _when(moment: datetime | None) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M") if moment is not None else "\u2014"


def status_of(row: store_channels.ChannelRow) -> str:
    return "failing" if row.last_error else ("ok" if row.last_success else "new")


class ChannelDialog(QDialog):
    """Name, Apprise URL (hidden as typed), watchlists, what it receives, health notices, a scheduled digest."""

    def __init__(self, watchlists: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add channel"))
        self.name = QLineEdit()
        self.url = QLineEdit()
        self.url.setEchoMode(QLineEdit.EchoMode.Password)
        self.url.setPlaceholderText("mailtos://user:app-password@smtp.example.jp:587?to=team@example.jp")
        self.watchlists = QListWidget()
        for name in watchlists:
            item = QListWidgetItem(name)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.watchlists.addItem(item)
        self.only = QComboBox()
        self.only.addItem(self.tr("Everything"), None)
        self.only.addItem(self.tr("Statements only"), "statements")
        self.only.addItem(self.tr("Priority entities only"), "priority")
        self.health = QCheckBox(self.tr("Also source-health notices"))
        self.quiet = QCheckBox(self.tr("Send during quiet hours too"))
        self.digest = QLineEdit()
        self.digest.setPlaceholderText(self.tr("e.g. daily 08:00 or weekly mon 08:00 (optional)"))
        self.digest_only = QCheckBox(self.tr("Only the scheduled digest"))
        self.error = QLabel()
        self.error.setStyleSheet("color: #c92a2a")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Apprise URL"), self.url)
        form.addRow(self.tr("Watchlists (none ticked: all)"), self.watchlists)
        form.addRow(self.tr("Receives"), self.only)
        form.addRow("", self.health)
        form.addRow("", self.quiet)
        form.addRow(self.tr("Scheduled digest"), self.digest)
        form.addRow("", self.digest_only)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def accept(self) -> None:
        """Check what can be checked without the keyring or the network; keep the dialog open on a mistake."""
        try:
            channels.check_name(self.name.text())
            channels.check_url(self.url.text())
            if self.digest.text().strip():
                channels.parse_schedule(self.digest.text())
        except UserError as exc:
            self.error.setText(exc.message)
            return
        super().accept()

    def values(self) -> dict[str, Any]:
        ticked = [self.watchlists.item(i).text() for i in range(self.watchlists.count())
                  if self.watchlists.item(i).checkState() == Qt.CheckState.Checked]
        return {"name": self.name.text(), "url": self.url.text(), "watchlists": ticked,
                "only": self.only.currentData(), "health": self.health.isChecked(),
                "quiet_hours": not self.quiet.isChecked(), "digest": self.digest.text().strip() or None,
                "digest_only": self.digest_only.isChecked()}


class ChannelsView(QWidget):
    status = Signal(str)

    def __init__(self, root: Path, store: Store) -> None:
        super().__init__()
        self.root = root
        self.store = store
        self.rows: list[store_channels.ChannelRow] = []
        self.pool = QThreadPool(self)
        self.tasks: set[StoreTask] = set()
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setHorizontalHeaderLabels([self.tr(str(h)) for h in HEADERS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        self.add_button = QPushButton(self.tr("Add channel…"))
        self.test_button = QPushButton(self.tr("Send test message"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.add_button.clicked.connect(self.add_channel)
        self.test_button.clicked.connect(self.test_current)
        self.remove_button.clicked.connect(self.remove_current)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.test_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        self.rows = store_channels.channel_rows(self.store)
        self.table.setRowCount(len(self.rows))
        for index, row in enumerate(self.rows):
            channel = row.channel
            receives = {None: self.tr("everything"), "statements": self.tr("statements"),
                        "priority": self.tr("priority")}[channel.only]
            if channel.digest:
                receives += f" \u00b7 {channel.digest}"
            error = render(loads(row.last_error)) if row.last_error else ""
            cells = (channel.name, ", ".join(channel.watchlists) or self.tr("all"), receives,
                     self.tr(status_of(row)), _when(row.last_success), str(row.pending), error)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 3:
                    item.setForeground(QColor(COLOURS.get(status_of(row), "#000")))
                if column == 6 and text:
                    item.setToolTip(text)
                self.table.setItem(index, column, item)
        self._selection_changed()

    def current(self) -> store_channels.ChannelRow | None:
        index = self.table.currentRow()
        return self.rows[index] if 0 <= index < len(self.rows) else None

    def _selection_changed(self) -> None:
        chosen = self.current() is not None
        self.test_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    def _run(self, job: Any, done: Any) -> None:
        task = StoreTask(self.root, lambda service: job(service.store))
        self.tasks.add(task)
        task.emitter.finished.connect(done)
        task.emitter.failed.connect(self._failed)
        task.emitter.finished.connect(lambda *_: self.tasks.discard(task))
        task.emitter.failed.connect(lambda *_: self.tasks.discard(task))
        self.pool.start(task)

    def _failed(self, message: Message | str) -> None:
        self.refresh()
        self.status.emit(render(message))
        QMessageBox.warning(self, self.tr("Channels"), render(message))

    def _done(self, message: str) -> None:
        self.refresh()
        self.status.emit(message)

    def add_channel(self) -> None:
        dialog = ChannelDialog([w.name for w in self.store.watchlists()], self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        values = dialog.values()
        done = self.tr("Added the channel {}; its URL is in the keyring.")
        self._run(lambda store: done.format(channel_admin.add(store, **values).name), self._done)

    def test_current(self) -> None:
        row = self.current()
        if row is None:
            return
        name = row.channel.name
        done = self.tr("Sent a test message to {}.")
        self.status.emit(self.tr("Sending a test message to {}…").format(name))
        self._run(lambda store: done.format(channel_admin.test(store, name)), self._done)

    def remove_current(self) -> None:
        row = self.current()
        if row is None:
            return
        done = self.tr("Removed the channel {}.")
        name = row.channel.name
        self._run(lambda store: done.format(channel_admin.remove(store, name)), self._done)

    def wait(self, msecs: int = 30_000) -> bool:
        """Wait for background work (tests, closing)."""
        return bool(self.pool.waitForDone(msecs))
