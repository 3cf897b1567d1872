"""The alerts inbox: a lazily paged table with filters and search, and a detail pane. GUI thread only.

Reads go through the window's own Store connection (WAL: never blocked by a
poll); every page is one indexed query. Feed text is only ever set as plain
text; the snippet's matched words are made bold with character formats, not
markup.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont, QGuiApplication, QKeySequence, QShortcut, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from ..core import store_inbox as inbox
from ..core.policy import safe_link
from ..core.states import AlertKind
from ..core.store import Store
from ..core.store_inbox import InboxQuery, InboxRow
from ..core.when import date_time
from .labels import alert_kind_label
from .page_panel import PagePanel

PAGE = 500
COLUMNS = (("published", QT_TRANSLATE_NOOP("InboxModel", "Published")),
           ("kind", QT_TRANSLATE_NOOP("InboxModel", "Kind")),
           ("entity", QT_TRANSLATE_NOOP("InboxModel", "Entity")),
           ("title", QT_TRANSLATE_NOOP("InboxModel", "Title")),
           ("source", QT_TRANSLATE_NOOP("InboxModel", "Source")))
AnyIndex = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()


def _local_day(day: QDate) -> datetime:
    """Midnight at the start of `day` in the user's time zone, as UTC."""
    return datetime(day.year(), day.month(), day.day()).astimezone().astimezone(UTC)


class InboxModel(QAbstractTableModel):
    """Alerts matching an InboxQuery, fetched a page at a time as the view scrolls."""

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.query = InboxQuery()
        self.rows: list[InboxRow] = []
        self.total = 0

    def set_query(self, query: InboxQuery) -> None:
        self.beginResetModel()
        self.query = query
        self.total = inbox.count(self.store, query)
        self.rows = inbox.page(self.store, query, 0, PAGE)
        self.endResetModel()

    def reload(self) -> None:
        self.set_query(self.query)

    def rowCount(self, parent: AnyIndex = ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def canFetchMore(self, parent: AnyIndex = ROOT) -> bool:  # noqa: N802
        return not parent.isValid() and len(self.rows) < self.total

    def fetchMore(self, parent: AnyIndex = ROOT) -> None:  # noqa: N802
        more = inbox.page(self.store, self.query, len(self.rows), PAGE)
        if not more:
            self.total = len(self.rows)
            return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(more) - 1)
        self.rows.extend(more)
        self.endInsertRows()

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(str(COLUMNS[section][1]))
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            kind = alert_kind_label(row.kind)
            if row.record:
                kind = self.tr("{} (record)").format(kind)
            return (date_time(row.published.astimezone()), kind, row.entity, row.title,
                    row.source)[index.column()]
        if role == Qt.ItemDataRole.FontRole and not row.read:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 3:
            return row.url
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = COLUMNS[column][0]
        self.set_query(InboxQuery(**{**self.query.__dict__, "order": key,
                                     "descending": order == Qt.SortOrder.DescendingOrder}))

    def row_at(self, row: int) -> InboxRow | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def set_read(self, row: int, read: bool) -> None:
        current = self.rows[row]
        inbox.mark_read(self.store, [current.id], read)
        self.rows[row] = InboxRow(**{**current.__dict__, "read": read})
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))


class InboxView(QWidget):
    """Filters, the table and the detail pane."""

    status = Signal(str)

    def __init__(self, store: Store, open_link: Callable[[str], object]) -> None:
        super().__init__()
        self.store = store
        self._open_link = open_link
        self.model = InboxModel(store)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search titles and text (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.watchlist = QComboBox()
        self.entity = QComboBox()
        self.kind = QComboBox()
        self.source = QComboBox()
        self.unread = QCheckBox(self.tr("Unread only"))
        self.dated = QCheckBox(self.tr("From"))
        self.since = QDateEdit(QDate.currentDate().addDays(-7))
        self.until = QDateEdit(QDate.currentDate())
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setEnabled(False)
            edit.dateChanged.connect(self.apply)
        self.dated.toggled.connect(self._date_range_toggled)
        self.count = QLabel()
        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        for combo in (self.watchlist, self.entity, self.kind, self.source):
            filters.addWidget(combo, 1)
            combo.currentIndexChanged.connect(self.apply)
        filters.addWidget(self.unread)
        filters.addWidget(self.dated)
        filters.addWidget(self.since)
        filters.addWidget(QLabel(self.tr("to")))
        filters.addWidget(self.until)
        filters.addWidget(self.count)
        self.unread.toggled.connect(self.apply)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(200)
        self._debounce.timeout.connect(self.apply)
        self.search.textChanged.connect(lambda _text: self._debounce.start())

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 130), (1, 80), (2, 140), (4, 170)):
            self.table.setColumnWidth(column, width)
        header.setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        self.table.selectionModel().currentRowChanged.connect(self._show_detail)
        self.table.activated.connect(lambda index: self.open_current())

        self.detail_title = QLabel()
        self.detail_title.setTextFormat(Qt.TextFormat.PlainText)
        self.detail_title.setWordWrap(True)
        title_font = self.detail_title.font()
        title_font.setPointSizeF(title_font.pointSizeF() * 1.2)
        title_font.setBold(True)
        self.detail_title.setFont(title_font)
        self.detail_meta = QLabel()
        self.detail_meta.setTextFormat(Qt.TextFormat.PlainText)
        self.detail_meta.setWordWrap(True)
        self.detail_snippet = QTextEdit()
        self.detail_snippet.setReadOnly(True)
        self.detail_snippet.setAcceptRichText(False)
        self.open_button = QPushButton(self.tr("Open original"))
        self.copy_button = QPushButton(self.tr("Copy link"))
        self.read_button = QPushButton(self.tr("Mark unread"))
        self.mute_button = QPushButton(self.tr("Mute entity"))
        self.open_button.clicked.connect(self.open_current)
        self.copy_button.clicked.connect(self.copy_link)
        self.read_button.clicked.connect(self.toggle_read)
        self.mute_button.clicked.connect(self.mute_current)
        buttons = QHBoxLayout()
        for button in (self.open_button, self.copy_button, self.read_button, self.mute_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        pane = QWidget()
        pane_layout = QVBoxLayout(pane)
        pane_layout.addWidget(self.detail_title)
        pane_layout.addWidget(self.detail_meta)
        pane_layout.addWidget(self.detail_snippet, 1)
        self.page_panel = PagePanel(pane)
        pane_layout.addWidget(self.page_panel, 2)
        pane_layout.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(pane)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)

        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.activated.connect(self.focus_search)
        space = QShortcut(QKeySequence(Qt.Key.Key_Space), self.table)
        space.setContext(Qt.ShortcutContext.WidgetShortcut)
        space.activated.connect(self.toggle_read)
        self._fill_filters()
        self.apply()

    # filters -----------------------------------------------------------------------------------

    def _fill_filters(self) -> None:
        options = inbox.choices(self.store)
        for combo, label, values in ((self.watchlist, self.tr("All watchlists"), options["watchlist"]),
                                     (self.entity, self.tr("All entities"), options["entity"]),
                                     (self.source, self.tr("All sources"), options["source"])):
            combo.blockSignals(True)
            current = combo.currentText()
            combo.clear()
            combo.addItem(label)
            combo.addItems(values)
            if current in values:
                combo.setCurrentText(current)
            combo.blockSignals(False)
        if self.kind.count() == 0:
            self.kind.addItems([self.tr("Statements and coverage"), self.tr("Statements"), self.tr("Coverage")])

    def _date_range_toggled(self, on: bool) -> None:
        self.since.setEnabled(on)
        self.until.setEnabled(on)
        self.apply()

    def current_query(self) -> InboxQuery:
        def chosen(combo: QComboBox) -> str | None:
            return combo.currentText() if combo.currentIndex() > 0 else None

        kind = {1: AlertKind.STATEMENT, 2: AlertKind.COVERAGE}.get(self.kind.currentIndex())
        since = until = None
        if self.dated.isChecked():
            since = _local_day(self.since.date())
            until = _local_day(self.until.date()) + timedelta(days=1)
        return InboxQuery(text=self.search.text(), watchlist=chosen(self.watchlist), entity=chosen(self.entity),
                          kind=kind, source=chosen(self.source), since=since, until=until,
                          unread_only=self.unread.isChecked(), order=self.model.query.order,
                          descending=self.model.query.descending)

    def apply(self) -> None:
        self.model.set_query(self.current_query())
        self.count.setText(self.tr("%n alert(s)", "", self.model.total))
        if self.model.rows:
            self.table.selectRow(0)
        else:
            self._show_detail(QModelIndex(), QModelIndex())

    def refresh(self) -> None:
        self._fill_filters()
        self.apply()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # the current alert -----------------------------------------------------------------------

    def current_row(self) -> int:
        return self.table.currentIndex().row()

    def _show_detail(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self.model.row_at(current.row()) if current.isValid() else None
        detail = inbox.detail(self.store, row.id) if row else None
        self.page_panel.show_alert(self.store, detail.id if detail is not None else None)
        for button in (self.open_button, self.copy_button, self.read_button, self.mute_button):
            button.setEnabled(detail is not None)
        if detail is None:
            self.detail_title.setText(self.tr("No alert selected"))
            self.detail_meta.setText("")
            self.detail_snippet.clear()
            return
        self.open_button.setEnabled(safe_link(detail.url) is not None)
        self.detail_title.setText(detail.title)
        sources = "\n".join(f"  \u2022 {name}" + (f" \u2014 {url}" if url else "") for name, url in detail.sources)
        kind = alert_kind_label(detail.kind)
        if detail.record:
            kind = self.tr("{} from the record (history, not news)").format(kind)
        marks = ""
        if detail.revisions:
            marks += " \u00b7 " + self.tr("Revised at the source ({} earlier version(s) kept)").format(
                detail.revisions)
        if detail.backfilled:
            marks += " \u00b7 " + self.tr("Found in stored items")
        carried = self.tr("Carried by")
        self.detail_meta.setText(
            f"{kind} \u00b7 {detail.entity} ({detail.watchlist}) \u00b7 "
            f"{date_time(detail.published.astimezone())}{marks}\n{detail.url}\n{carried}:\n{sources}")
        self._write_snippet(detail.snippet, detail.matched)
        self.read_button.setText(self.tr("Mark unread") if detail.read else self.tr("Mark read"))

    def _write_snippet(self, snippet: str, matched: tuple[str, ...]) -> None:
        self.detail_snippet.clear()
        cursor = self.detail_snippet.textCursor()
        plain, bold = QTextCharFormat(), QTextCharFormat()
        bold.setFontWeight(QFont.Weight.Bold)
        bold.setBackground(self.palette().highlight().color().lighter(170))
        lowered = snippet.casefold()
        spans: list[tuple[int, int]] = []
        for word in matched:
            start = lowered.find(word.casefold())
            while start != -1 and word:
                spans.append((start, start + len(word)))
                start = lowered.find(word.casefold(), start + len(word))
        position = 0
        for start, end in sorted(spans):
            if start < position:
                continue
            cursor.insertText(snippet[position:start], plain)
            cursor.insertText(snippet[start:end], bold)
            position = end
        cursor.insertText(snippet[position:], plain)
        self.detail_snippet.moveCursor(QTextCursor.MoveOperation.Start)

    def open_current(self) -> None:
        row = self.model.row_at(self.current_row())
        if row is None or safe_link(row.url) is None:
            return
        self._open_link(row.url)
        if not row.read:
            self.model.set_read(self.current_row(), True)

    def copy_link(self) -> None:
        row = self.model.row_at(self.current_row())
        if row is not None:
            QGuiApplication.clipboard().setText(row.url)
            self.status.emit(self.tr("Link copied"))

    def toggle_read(self) -> None:
        number = self.current_row()
        row = self.model.row_at(number)
        if row is None:
            return
        self.model.set_read(number, not row.read)
        self.read_button.setText(self.tr("Mark unread") if not row.read else self.tr("Mark read"))

    def mute_current(self) -> None:
        row = self.model.row_at(self.current_row())
        if row is not None:
            inbox.mute_entity(self.store, row.watchlist, row.entity)
            self.status.emit(self.tr("{} muted: its alerts fill the inbox without notifications").format(row.entity))
