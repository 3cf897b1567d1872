"""The alerts inbox: a lazily paged table with filters and search, and a detail pane. GUI thread only.

Reads go through the window's own Store connection (WAL: never blocked by a
poll); every page is one indexed query. Feed text is only ever set as plain
text; the snippet's matched words are made bold with character formats, not
markup.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QByteArray,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont, QFontMetrics, QGuiApplication, QKeySequence, QShortcut, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..core import InboxQuery, InboxRow, Service, date_time, safe_link
from ..core.i18n import Message, render
from ..core.states import AlertKind
from .annotate import Annotations
from .labels import alert_kind_label
from .page_panel import PagePanel
from .story_tree import StoryModel, StoryView
from .workers import Home, Tasks, serving, write

PAGE = 500
SPLITTER_KEY = "inbox/splitter"
META_LINES = 4  # the detail pane's facts: kind and entity, who carried it, the link, tags and note
LIST_AND_PANE = (580, 420)  # the list's share of the height first: it is the main thing
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

    def __init__(self, service: Service | Any) -> None:
        super().__init__()
        self.service = service = serving(service)
        self.query = InboxQuery()
        self.rows: list[InboxRow] = []
        self.total = 0

    def set_query(self, query: InboxQuery) -> None:
        self.beginResetModel()
        self.query = query
        self.total = self.service.inbox.count(query)
        self.rows = self.service.inbox.page(query, 0, PAGE)
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
        more = self.service.inbox.page(self.query, len(self.rows), PAGE)
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
            return (date_time(row.published.astimezone()), kind, row.entity_label, row.title,
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
        write(self.service, lambda service: service.inbox.mark_read([current.id], read))
        self.rows[row] = InboxRow(**{**current.__dict__, "read": read})
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))


class InboxView(QWidget):
    """Filters, the table (several rows may be chosen) and a compact detail pane."""

    status = Signal(str)

    def __init__(self, service: Service | Any, open_link: Callable[[str], object], by_story: bool = False) -> None:
        """`by_story`: start with one row per story (the main window does); else one per alert."""
        super().__init__()
        self.service = service = serving(service)
        self._open_link = open_link
        self.undo_stack: list[tuple[str, Callable[[], None]]] = []
        self.tasks = Tasks(self, threads=1, home=Home.of(service))
        self.model = InboxModel(service)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search titles and text (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(220)
        self.watchlist = QComboBox()
        self.entity = QComboBox()
        self.kind = QComboBox()
        self.source = QComboBox()
        self.tag = QComboBox()
        self.tag.setToolTip(self.tr("Only alerts with this tag"))
        for combo in (self.watchlist, self.entity, self.source, self.tag):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(10)
        self.kind.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.unread = QCheckBox(self.tr("&Unread only"))
        self.flagged = QCheckBox(self.tr("Fla&gged only"))
        self.flagged.setToolTip(self.tr("Only alerts flagged for the briefing"))
        self.dated = QCheckBox(self.tr("F&rom"))
        self.since = QDateEdit(QDate.currentDate().addDays(-7))
        self.until = QDateEdit(QDate.currentDate())
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setEnabled(False)
            edit.dateChanged.connect(self.apply)
        self.dated.toggled.connect(self._date_range_toggled)
        self.count = QLabel()
        self.grouping = QComboBox()
        self.grouping.addItems([self.tr("By story"), self.tr("By alert")])
        self.grouping.setCurrentIndex(0 if by_story else 1)
        self.grouping.setToolTip(self.tr("One row per story (with every entity it names), or one per alert"))
        self.grouping.currentIndexChanged.connect(self.apply)
        self.export_button = QPushButton(self.tr("E&xport\u2026"))
        self.export_button.setToolTip(self.tr("Write the alerts shown as CSV or XLSX"))
        self.export_button.clicked.connect(lambda _checked=False: self.export_shown())
        self.mark_all = QPushButton(self.tr("Mar&k all read"))
        self.mark_all.clicked.connect(self.mark_all_read)
        first = QHBoxLayout()
        first.addWidget(self.grouping)
        first.addWidget(self.search, 1)
        first.addWidget(self.kind)
        first.addWidget(self.unread)
        first.addWidget(self.count)
        first.addWidget(self.mark_all)
        first.addWidget(self.export_button)
        second = QHBoxLayout()
        for combo in (self.watchlist, self.entity, self.source, self.tag):
            second.addWidget(combo, 1)
        second.addWidget(self.flagged)
        for combo in (self.watchlist, self.entity, self.kind, self.source, self.tag):
            combo.currentIndexChanged.connect(self.apply)
        second.addWidget(self.dated)
        second.addWidget(self.since)
        second.addWidget(QLabel(self.tr("to")))
        second.addWidget(self.until)
        self.unread.toggled.connect(self.apply)
        self.flagged.toggled.connect(self.apply)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(200)
        self._debounce.timeout.connect(self.apply)
        self.search.textChanged.connect(lambda _text: self._debounce.start())

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        metrics = self.table.fontMetrics()
        bold = QFont(self.table.font())
        bold.setBold(True)
        wide = QFontMetrics(bold)
        longest = date_time(datetime(2026, 12, 31, 23, 59))
        self.table.setColumnWidth(0, max(metrics.horizontalAdvance(longest), wide.horizontalAdvance(longest)) + 16)
        self.table.setColumnWidth(1, wide.horizontalAdvance("statement") + 16)
        self.table.setColumnWidth(2, wide.horizontalAdvance("Akihisa Shiozaki") + 16)
        self.table.setColumnWidth(4, wide.horizontalAdvance("Digital Agency (demo)") + 16)
        header.setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        self.table.selectionModel().currentRowChanged.connect(self._show_detail)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.table.activated.connect(lambda index: self.open_current())

        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setTextFormat(Qt.TextFormat.PlainText)
        self.empty.setMargin(24)
        self.clear_filters = QPushButton(self.tr("Clear search and f&ilters"))
        self.clear_filters.clicked.connect(self.reset_filters)
        empty_page = QWidget()
        empty_layout = QVBoxLayout(empty_page)
        empty_layout.addStretch(1)
        empty_layout.addWidget(self.empty)
        empty_layout.addWidget(self.clear_filters, 0, Qt.AlignmentFlag.AlignHCenter)
        empty_layout.addStretch(1)
        self.story_model = StoryModel(service)
        self.stories = StoryView(self.story_model)
        self.stories.selectionModel().currentChanged.connect(self._show_story_detail)
        self.stories.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.stories.activated.connect(lambda index: self.open_current())
        self.list_pages = QStackedWidget()
        self.list_pages.addWidget(self.table)
        self.list_pages.addWidget(empty_page)
        self.list_pages.addWidget(self.stories)
        self.annotations = Annotations(service, self.selected_alert_ids, self)
        self.annotations.watch(self.table)
        self.annotations.watch(self.stories)
        self.annotations.changed.connect(self._annotated)
        self.annotations.said.connect(self.status.emit)

        self.detail_title = QLabel()
        self.detail_title.setTextFormat(Qt.TextFormat.PlainText)
        self.detail_title.setWordWrap(True)
        self.detail_title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        title_font = self.detail_title.font()
        title_font.setBold(True)
        self.detail_title.setFont(title_font)
        self.detail_meta = QLabel()
        self.detail_meta.setTextFormat(Qt.TextFormat.PlainText)
        self.detail_meta.setWordWrap(True)
        self.detail_meta.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail_snippet = QTextEdit()
        self.detail_snippet.setReadOnly(True)
        self.detail_snippet.setAcceptRichText(False)
        self.detail_snippet.setTabChangesFocus(True)
        self.open_button = QPushButton(self.tr("&Open original"))
        self.copy_button = QPushButton(self.tr("Copy &link"))
        self.read_button = QPushButton(self.tr("Mark unrea&d"))
        self.mute_button = QPushButton(self.tr("&Mute entity"))
        self.mute_menu = QMenu(self.mute_button)
        self.open_button.clicked.connect(self.open_current)
        self.copy_button.clicked.connect(self.copy_link)
        self.read_button.clicked.connect(self.toggle_read)
        self.mute_button.clicked.connect(lambda _checked=False: self.toggle_mute())
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for button in (self.open_button, self.copy_button, self.read_button, self.mute_button):
            buttons.addWidget(button)
        for action in self.annotations.actions():
            note = QToolButton()
            note.setDefaultAction(action)
            buttons.addWidget(note)
        buttons.addStretch(1)
        pane = self.pane = QWidget()
        pane_layout = QVBoxLayout(pane)
        pane_layout.setContentsMargins(0, 4, 0, 0)
        pane_layout.addWidget(self.detail_title)
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addWidget(self.detail_meta)
        body_layout.addWidget(self.detail_snippet, 1)
        self.page_panel = PagePanel(body)
        body_layout.addWidget(self.page_panel, 2)
        self.detail_body = QScrollArea()  # what does not fit scrolls; the title and buttons stay
        self.detail_body.setWidget(body)
        self.detail_body.setWidgetResizable(True)
        self.detail_body.setFrameShape(QFrame.Shape.NoFrame)
        self.detail_body.viewport().setAutoFillBackground(False)  # the pane's own background shows through
        body.setAutoFillBackground(False)
        pane_layout.addWidget(self.detail_body, 1)
        pane_layout.addLayout(buttons)
        self._steady_pane(buttons)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.list_pages)
        self.splitter.addWidget(pane)
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes(list(LIST_AND_PANE))
        state = QSettings("Stakewatch", "Stakewatch").value(SPLITTER_KEY)
        if isinstance(state, QByteArray):
            self.splitter.restoreState(state)
        self.splitter.splitterMoved.connect(self._remember_split)
        layout = QVBoxLayout(self)
        layout.addLayout(first)
        layout.addLayout(second)
        layout.addWidget(self.splitter, 1)

        self.find_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        self.find_shortcut.activated.connect(self.focus_search)
        for view in (self.table, self.stories):
            space = QShortcut(QKeySequence(Qt.Key.Key_Space), view)
            space.setContext(Qt.ShortcutContext.WidgetShortcut)
            space.activated.connect(self.toggle_read)
        self._fill_filters()
        self.apply()

    # filters -----------------------------------------------------------------------------------

    def _fill_filters(self) -> None:
        options = self.service.inbox.choices()
        for combo, label, values in ((self.watchlist, self.tr("All watchlists"), options["watchlist"]),
                                     (self.entity, self.tr("All entities"), options["entity"]),
                                     (self.source, self.tr("All sources"), options["source"]),
                                     (self.tag, self.tr("All tags"), options["tag"])):
            combo.blockSignals(True)
            current = combo.currentText()
            combo.clear()
            combo.addItem(label)
            combo.addItems(values)
            label_in_xs = -(-combo.fontMetrics().horizontalAdvance(label) // combo.fontMetrics().horizontalAdvance("X"))
            combo.setMinimumContentsLength(max(10, label_in_xs))
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
                          unread_only=self.unread.isChecked(), tag=chosen(self.tag),
                          flagged_only=self.flagged.isChecked(), order=self.model.query.order,
                          descending=self.model.query.descending)

    def filtered(self) -> bool:
        query = self.current_query()
        return bool(query.text.strip() or query.watchlist or query.entity or query.kind or query.source
                    or query.since or query.unread_only or query.tag or query.flagged_only)

    def by_story(self) -> bool:
        return self.grouping.currentIndex() == 0

    def apply(self) -> None:
        query = self.current_query()
        self.model.set_query(query)
        if self.by_story():
            self.story_model.set_query(query)
            self.count.setText(self.tr("%n story(ies)", "", self.story_model.total))
            if self.story_model.nodes:
                self.list_pages.setCurrentIndex(2)
                self.pane.show()
                self.stories.setCurrentIndex(self.story_model.index(0, 0))
            else:
                self._show_empty()
                self._show_alert(None)
            self._update_buttons()
            return
        self.count.setText(self.tr("%n alert(s)", "", self.model.total))
        if self.model.rows:
            self.list_pages.setCurrentIndex(0)
            self.pane.show()
            self.table.selectRow(0)
        else:
            self._show_empty()
            self._show_detail(QModelIndex(), QModelIndex())
        self._update_buttons()

    def _show_empty(self) -> None:
        text = self.search.text().strip()
        if text:
            self.empty.setText(self.tr("No alert matches \u201c{}\u201d with these filters.").format(text))
        elif self.filtered():
            self.empty.setText(self.tr("No alert matches these filters."))
        elif not self.service.sources.has_enabled():
            self.empty.setText(self.tr(
                "No sources yet.\n\nAlerts come from the sources of your watchlists: add them in the "
                "Watchlists tab, or import a watchlist file with File \u203a Import watchlists\u2026"))
        else:
            self.empty.setText(self.tr(
                "No alerts yet.\n\nStakewatch checks your sources in the background and lists here "
                "everything they say about the people and products you follow. If sources are failing, "
                "Source health says why."))
        self.clear_filters.setVisible(self.filtered())
        self.list_pages.setCurrentIndex(1)
        self.pane.hide()

    def _filter_widgets(self) -> tuple[QWidget, ...]:
        return (self.watchlist, self.entity, self.kind, self.source, self.tag, self.unread, self.flagged,
                self.dated, self.search)

    def reset_filters(self) -> None:
        for widget in self._filter_widgets():
            widget.blockSignals(True)
        self.search.clear()
        for combo in (self.watchlist, self.entity, self.kind, self.source, self.tag):
            combo.setCurrentIndex(0)
        self.unread.setChecked(False)
        self.flagged.setChecked(False)
        self.dated.setChecked(False)
        self.since.setEnabled(False)
        self.until.setEnabled(False)
        for widget in self._filter_widgets():
            widget.blockSignals(False)
        self.apply()

    def refresh(self) -> None:
        """Re-read after a poll or an edit elsewhere: the same filters keep the current and selected rows
        and the expanded stories; changed filters start again from the top."""
        self._fill_filters()
        if self.current_query() == self.model.query and self.list_pages.currentIndex() != 1:
            self.refresh_rows()
        else:
            self.apply()

    def focus_list(self) -> None:
        """Keyboard focus on the stories or alerts shown (where the arrow keys are meant to go)."""
        (self.stories if self.by_story() else self.table).setFocus()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # the current and chosen alerts -----------------------------------------------------------

    def current_row(self) -> int:
        return self.table.currentIndex().row()

    def selected_rows(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        if not rows and self.current_row() >= 0:
            rows = [self.current_row()]
        return rows

    def _update_buttons(self) -> None:
        rows = self._chosen_rows()
        for button in (self.open_button, self.copy_button, self.read_button, self.mute_button):
            button.setEnabled(bool(rows))
        self.open_button.setEnabled(any(safe_link(r.url) is not None for r in rows))
        self.mark_all.setEnabled(self.model.total > 0)
        self.export_button.setEnabled(self.model.total > 0 and not self.tasks.running)
        if rows:
            self.read_button.setText(self.tr("Mark unrea&d") if all(r.read for r in rows)
                                     else self.tr("Mark rea&d"))
        labels = {(r.watchlist, r.entity): r.entity_label for r in rows}
        self._offer_mutes([(watchlist, entity, label) for (watchlist, entity), label in labels.items()])

    def _mute_label(self, watchlist: str, entity: str, label: str) -> str:
        return (self.tr("Un&mute {}") if self.service.inbox.entity_muted(watchlist, entity)
                else self.tr("&Mute {}")).format(label.replace("&", "&&"))

    def _offer_mutes(self, entities: list[tuple[str, str, str]]) -> None:
        """One entity chosen: the button mutes it. Several (a story naming many): it opens a menu of them,
        each shown by its name in the reader's language and numbered for the keyboard (&1, &2, ...)."""
        if len(entities) <= 1:
            self.mute_button.setMenu(None)  # type: ignore[arg-type]  # Qt takes a null menu: no menu
            self.mute_button.setText(self._mute_label(*entities[0]) if entities else self.tr("&Mute entity"))
            return
        for stale in self.mute_menu.actions():
            self.mute_menu.removeAction(stale)
            stale.deleteLater()
        for number, (watchlist, entity, label) in enumerate(entities, start=1):
            muted = self.service.inbox.entity_muted(watchlist, entity)
            text = (self.tr("Unmute {}") if muted else self.tr("Mute {}")).format(label.replace("&", "&&"))
            action = self.mute_menu.addAction(f"&{number} {text}" if number < 10 else text)
            action.triggered.connect(lambda _checked=False, w=watchlist, e=entity: self.toggle_mute(w, e))
        self.mute_button.setMenu(self.mute_menu)
        states = [self.service.inbox.entity_muted(watchlist, entity) for watchlist, entity, _label in entities]
        self.mute_button.setText(self.tr("Un&mute an entity") if all(states) else
                                 self.tr("&Mute or unmute an entity") if any(states) else self.tr("&Mute an entity"))

    def _steady_pane(self, buttons: QHBoxLayout) -> None:
        """The detail pane keeps one height whatever is selected: the title two lines, the facts four,
        the texts a few lines at least, the buttons always whole; so the list above never jumps and
        a splitter drag always moves it."""
        line = self.fontMetrics().lineSpacing()
        title_line = self.detail_title.fontMetrics().lineSpacing()
        self.detail_title.setFixedHeight(2 * title_line + 2)
        self.detail_meta.setWordWrap(False)
        self.detail_meta.setFixedHeight(META_LINES * line + 2)
        self.detail_title.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.detail_meta.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.detail_snippet.setMinimumHeight(3 * line)
        self.page_panel.setMinimumHeight(0)
        self.page_panel.text.setMinimumHeight(3 * line)
        for index in range(buttons.count()):
            item = buttons.itemAt(index)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.setSizePolicy(widget.sizePolicy().horizontalPolicy(), QSizePolicy.Policy.Fixed)
        self.detail_body.setMinimumHeight(3 * line)
        self.list_pages.setMinimumHeight(6 * line)

    def _remember_split(self, *_args: object) -> None:
        QSettings("Stakewatch", "Stakewatch").setValue(SPLITTER_KEY, self.splitter.saveState())

    def _show_story_detail(self, current: QModelIndex, _previous: QModelIndex) -> None:
        ids = self.story_model.alert_ids(current)
        self._show_alert(ids[0] if ids else None)
        self.annotations.sync()

    def _show_detail(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self.model.row_at(current.row()) if current.isValid() else None
        self._show_alert(row.id if row else None)
        self.annotations.sync()

    def _show_alert(self, alert_id: int | None) -> None:
        detail = self.service.inbox.detail(alert_id) if alert_id is not None else None
        self.page_panel.show_alert(self.service, detail.id if detail is not None else None)
        if detail is None:
            self.detail_title.setText(self.tr("No alert selected") if self.model.rows else "")
            self.detail_meta.setText("")
            self.detail_snippet.clear()
            self._update_buttons()
            return
        kind = alert_kind_label(detail.kind)
        if detail.record:
            kind = self.tr("{} from the record (history, not news)").format(kind)
        muted = self.service.inbox.entity_muted(detail.watchlist, detail.entity)
        sources = ", ".join(name for name, _url in detail.sources)
        marks = ""
        if detail.revisions:
            marks += " \u00b7 " + self.tr("Revised at the source (%n earlier version(s) kept)", "", detail.revisions)
        if detail.backfilled:
            marks += " \u00b7 " + self.tr("Found in stored items")
        muted_mark = self.tr("muted")
        carried = self.tr("Carried by")
        lines = [f"{kind} \u00b7 {detail.entity_label} ({detail.watchlist})"
                 + (f" \u00b7 {muted_mark}" if muted else "")
                 + f" \u00b7 {date_time(detail.published.astimezone())}{marks}",
                 f"{carried}: {sources}", detail.url]
        if detail.flagged:
            flag = (self.tr("Flagged for the briefing by {}").format(detail.flagged_by) if detail.flagged_by
                    else self.tr("Flagged for the briefing"))
            lines[0] = "\u2691 " + flag + " \u00b7 " + lines[0]
        note = " ".join(detail.note.split())
        notes = ([self.tr("Tags: {}").format(", ".join(detail.tags))
                  + (f" ({', '.join(detail.tagged_by)})" if detail.tagged_by else "")] if detail.tags else []) + \
            ([self.tr("Note by {}: {}").format(detail.note_by, note) if detail.note_by
              else self.tr("Note: {}").format(note)] if detail.note else [])
        if notes:
            lines.append(" \u00b7 ".join(notes))
        self.detail_title.setText(detail.title)
        self.detail_title.setToolTip(detail.title)
        self.detail_meta.setText("\n".join(lines))  # at most META_LINES lines, each on one line
        self.detail_meta.setToolTip("\n".join(lines + [f"{name} \u2014 {url}" for name, url in detail.sources
                                                        if url]))
        text = self.service.inbox.full_text(detail.id) or detail.snippet
        if text.startswith(detail.title):
            text = text[len(detail.title):].lstrip(" \n:\u2014-")
        self._write_snippet(text, detail.matched)
        self._update_buttons()

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

    # actions ---------------------------------------------------------------------------------

    def _context_menu(self, point: QPoint) -> None:
        index = self.table.indexAt(point)
        if index.isValid() and index.row() not in self.selected_rows():
            self.table.selectRow(index.row())
        menu = QMenu(self)
        rows = self.selected_rows()
        for text, slot, enabled in (
                (self.open_button.text(), self.open_current, self.open_button.isEnabled()),
                (self.copy_button.text(), self.copy_link, bool(rows)),
                (self.tr("Mark rea&d"), lambda: self.set_read(True), bool(rows)),
                (self.tr("Mark u&nread"), lambda: self.set_read(False), bool(rows)),
                (self.mute_button.text(), self.toggle_mute, bool(rows))):
            action = menu.addAction(text)
            action.setEnabled(enabled)
            action.triggered.connect(lambda _checked=False, run=slot: run())
        choices = self.mute_button.menu()
        if choices is not None:
            action.setMenu(choices)
        menu.addSeparator()
        mark_all = menu.addAction(self.mark_all.text())
        mark_all.setEnabled(self.model.total > 0)
        mark_all.triggered.connect(lambda _checked=False: self.mark_all_read())
        self._menu = menu
        menu.popup(self.table.viewport().mapToGlobal(point))

    def _remember(self, label: str, undo: Callable[[], None]) -> None:
        self.undo_stack.append((label, undo))
        if self.search.hasFocus():  # there Ctrl+Z would undo the typing, not what the status line offers
            self.focus_list()
        self.status.emit(self.tr("{} \u2014 Ctrl+Z undoes it").format(label))

    def undo(self) -> None:
        if not self.undo_stack:
            self.status.emit(self.tr("Nothing to undo"))
            return
        label, undo = self.undo_stack.pop()
        undo()
        self.refresh_rows()
        self.status.emit(self.tr("Undone: {}").format(label))

    def _chosen_rows(self) -> list[InboxRow]:
        """The alerts the user has chosen: selected rows, or every alert of the selected stories."""
        if not self.by_story():
            return [r for r in (self.model.row_at(n) for n in self.selected_rows()) if r is not None]
        ids = self.stories.selected_alert_ids() or self.story_model.alert_ids(self.stories.currentIndex())
        return [InboxRow(id=a.id, published=a.published, kind=a.kind, entity=a.entity, watchlist=a.watchlist,
                         title=a.title, url=a.url, source=a.source, read=a.read, priority=a.priority,
                         record=a.record, entity_names=a.entity_names)
                for a in self.service.inbox.alerts(ids=ids)] if ids else []

    def selected_alert_ids(self) -> list[int]:
        return [r.id for r in self._chosen_rows()]

    def _annotated(self) -> None:
        self._fill_filters()
        if self.current_query() != self.model.query:
            self.apply()
        elif self.by_story():
            self.stories.reload()
        else:
            self.refresh_rows()
        self.annotations.sync()

    def export_shown(self, path: str | None = None) -> None:
        """Write the alerts the filters show (all pages) as CSV or XLSX, chosen by the file's suffix."""
        if path is None:
            path, _filter = QFileDialog.getSaveFileName(
                self, self.tr("Export alerts"), str(Path.home() / "stakewatch-alerts.xlsx"),
                self.tr("Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)"))
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() not in (".csv", ".xlsx"):
            target = target.with_suffix(".xlsx")
        ids = self.service.inbox.alert_ids(self.model.query)
        self.export_button.setEnabled(False)
        self.status.emit(self.tr("Exporting %n alert(s) to {}\u2026", "", len(ids)).format(target))
        self.tasks.serve(lambda service: service.exports.alerts(target, ids=ids),
                         lambda written: self._exported(int(written), target), self._export_failed)

    def _exported(self, written: int, target: Path) -> None:
        self._update_buttons()
        self.status.emit(self.tr("Wrote %n alert(s) to {}", "", written).format(target))

    def _export_failed(self, message: Message | str) -> None:
        self._update_buttons()
        self.status.emit(render(message))
        QMessageBox.warning(self, self.tr("Export alerts"), render(message))

    def refresh_rows(self) -> None:
        """Reload the rows in place, keeping the current row."""
        if self.by_story():
            self.stories.reload()
            self.count.setText(self.tr("%n story(ies)", "", self.story_model.total))
            self._update_buttons()
            return
        current = self.model.row_at(self.current_row())
        chosen = {r.id for r in self._chosen_rows()}
        self.model.reload()
        self.count.setText(self.tr("%n alert(s)", "", self.model.total))
        if self.model.rows:
            self.list_pages.setCurrentIndex(0)
            self.pane.show()
            rows = [n for n, r in enumerate(self.model.rows) if r.id in chosen]
            at = next((n for n, r in enumerate(self.model.rows) if current and r.id == current.id), 0)
            self.table.selectRow(at)
            selection = self.table.selectionModel()
            for n in rows:
                selection.select(self.model.index(n, 0), selection.SelectionFlag.Select
                                 | selection.SelectionFlag.Rows)
        else:
            self._show_empty()
        self._update_buttons()

    def open_current(self) -> None:
        rows = self._chosen_rows()
        opened = list({r.url: r for r in rows if safe_link(r.url) is not None}.values())[:10]
        for row in opened:
            self._open_link(row.url)
        unread = [r.id for r in opened if not r.read]
        if unread:
            write(self.service, lambda service: service.inbox.mark_read(unread, True))
            self.refresh_rows()

    def copy_link(self) -> None:
        rows = self._chosen_rows()
        if rows:
            QGuiApplication.clipboard().setText("\n".join(r.url for r in rows))
            self.status.emit(self.tr("%n link(s) copied", "", len(rows)))

    def set_read(self, read: bool) -> None:
        rows = self._chosen_rows()
        changed = [r.id for r in rows if r.read != read]
        if not changed:
            return
        write(self.service, lambda service: service.inbox.mark_read(changed, read))
        self.refresh_rows()
        label = self.tr("%n marked read", "", len(changed)) if read else self.tr("%n marked unread", "",
                                                                                 len(changed))
        self._remember(label, lambda: write(self.service, lambda service: service.inbox.mark_read(changed, not read)))

    def toggle_read(self) -> None:
        rows = self._chosen_rows()
        if rows:
            self.set_read(not all(r.read for r in rows))

    def mark_all_read(self) -> None:
        ids = self.service.inbox.unread_ids(self.model.query)
        if not ids:
            self.status.emit(self.tr("Every alert shown is already read"))
            return
        write(self.service, lambda service: service.inbox.mark_read(ids, True))
        self.refresh_rows()
        self._remember(self.tr("%n marked read", "", len(ids)),
                       lambda: write(self.service, lambda service: service.inbox.mark_read(ids, False)))

    def toggle_mute(self, watchlist: str | None = None, entity: str | None = None) -> None:
        """Mute (or unmute) `entity`, or the entity of the one chosen alert."""
        chosen = self._chosen_rows()
        if watchlist is None or entity is None:
            entities = list(dict.fromkeys((r.watchlist, r.entity) for r in chosen))
            if len(entities) != 1:
                return
            watchlist, entity = entities[0]
        name = next((r.entity_label for r in chosen if r.watchlist == watchlist and r.entity == entity), entity)
        muted = not self.service.inbox.entity_muted(watchlist, entity)
        write(self.service, lambda service: service.inbox.mute_entity(watchlist, entity, muted))
        label = (self.tr("{} muted: its alerts fill the inbox without notifications").format(name) if muted
                 else self.tr("{} unmuted: its alerts notify again").format(name))
        undo = not muted
        self._remember(label, lambda: write(self.service,
                                            lambda service: service.inbox.mute_entity(watchlist, entity, undo)))
        if self.by_story():
            self._show_story_detail(self.stories.currentIndex(), QModelIndex())
        else:
            self._show_detail(self.table.currentIndex(), QModelIndex())
        self._update_buttons()

    def mute_current(self) -> None:
        """Mute the current alert's entity (kept for callers of the single-alert action)."""
        row = self.model.row_at(self.current_row())
        if row is not None and not self.service.inbox.entity_muted(row.watchlist, row.entity):
            self.toggle_mute(row.watchlist, row.entity)
