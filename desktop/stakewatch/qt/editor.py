"""The watchlist editor: watchlists, entities and sources, validated as you type. GUI thread only.

The Test panel runs the entity being edited against the items already stored,
so aliases and exclusions are tuned on real data before saving. Deletions can
be undone. Feed discovery runs on a pool thread.
"""

from __future__ import annotations

import sqlite3
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QHideEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QTreeWidgetItemIterator,
    QVBoxLayout,
    QWidget,
)

from ..core import editing
from ..core.backfill import BackfillResult, backfill, changed_entities
from ..core.discovery import FoundFeed
from ..core.model import ENTITY_KINDS, Entity, Item, Source, UserError, needs_context_by_default
from ..core.secrets import AUTH_KINDS, store_secret
from ..core.service import find_feeds, preview_source, try_entity
from ..core.sources import SOURCE_KINDS
from ..core.sources.search import PRESETS as SEARCH_PRESETS
from ..core.store import Store
from ..core.transfer import MAX_INTERVAL

TEST_ITEMS = 5_000
ERROR_STYLE = "color: #b00020"
WATCHLIST, ENTITY, SOURCES, SOURCE = range(4)


def error_label() -> QLabel:
    """Where a form says, in plain text, why it cannot be saved."""
    label = QLabel()
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def _lines(edit: QPlainTextEdit) -> list[str]:
    return [line.strip() for line in edit.toPlainText().splitlines() if line.strip()]


def backfill_file(path: Path, entities: list[tuple[str, str]]) -> BackfillResult | str:
    """Backfill through a connection of this pool thread's own; a failure comes back as its message."""
    try:
        with Store(path) as store:
            return backfill(store, entities)
    except UserError as exc:
        return exc.message
    except sqlite3.Error as exc:
        return str(exc)


class _DiscoverTask(QRunnable):
    """Network work for the editor (discovery, preview) on a pool thread."""

    class Emitter(QObject):
        finished = Signal(object)

    def __init__(self, url: str, job: Callable[[], object] | None = None) -> None:
        super().__init__()
        self.url = url
        self.job = job or (lambda: find_feeds(url))
        self.emitter = _DiscoverTask.Emitter()

    def run(self) -> None:
        self.emitter.finished.emit(self.job())


class EntityForm(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.name = QLineEdit()
        self.kind = QComboBox()
        self.kind.addItems(list(ENTITY_KINDS))
        self.aliases = QPlainTextEdit()
        self.context = QPlainTextEdit()
        self.exclude = QPlainTextEdit()
        self.veto = QPlainTextEdit()
        for edit, hint in (
                (self.aliases, self.tr("One alias per line: other spellings, the name in other scripts")),
                (self.context, self.tr("One per line; an alias ticked below counts only if one of these appears")),
                (self.exclude, self.tr("One per line; cancels the alias it contains, e.g. \"Taira clan\"")),
                (self.veto, self.tr("One per line; an item with any of these never matches this entity"))):
            edit.setPlaceholderText(hint)
            edit.setMaximumHeight(86)
        self.needs_context = QListWidget()
        self.needs_context.setMaximumHeight(110)
        self.needs_context.setToolTip(self.tr("Ticked: this alias needs a context word. Full names stand alone; "
                                              "bare surnames and common words need context."))
        self._chosen: dict[str, bool] = {}
        self.name.textChanged.connect(self._list_aliases)
        self.aliases.textChanged.connect(self._list_aliases)
        self.context.textChanged.connect(self._list_aliases)
        self.needs_context.itemChanged.connect(self._alias_ticked)
        self.priority = QCheckBox(self.tr("Priority: notify even in quiet hours"))
        self.muted = QCheckBox(self.tr("Muted: keep alerts, no notifications"))
        self.error = error_label()
        self.save = QPushButton(self.tr("Save entity"))
        self.test_summary = QLabel()
        self.test = QTableWidget(0, 3)
        self.test.setHorizontalHeaderLabels([self.tr("Stored item that would match"), self.tr("Source"),
                                             self.tr("Matched words")])
        self.test.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.test.verticalHeader().setVisible(False)
        self.test.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Aliases"), self.aliases)
        form.addRow(self.tr("Context"), self.context)
        form.addRow(self.tr("Needs context"), self.needs_context)
        form.addRow(self.tr("Exclude"), self.exclude)
        form.addRow(self.tr("Veto"), self.veto)
        form.addRow("", self.priority)
        form.addRow("", self.muted)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.save)
        layout.addWidget(QLabel(self.tr("Test against stored items")))
        self.suggest = QPushButton(self.tr("Suggest aliases…"))
        layout.addWidget(self.suggest)
        layout.addWidget(self.test_summary)
        layout.addWidget(self.test, 1)

    def _alias_texts(self) -> list[str]:
        return [text for text in dict.fromkeys([self.name.text().strip(), *_lines(self.aliases)]) if text]

    def _list_aliases(self) -> None:
        """One tickable row per alias (the name first): ticked when it needs a context word."""
        has_context = bool(_lines(self.context))
        self.needs_context.blockSignals(True)
        self.needs_context.clear()
        for text in self._alias_texts():
            row = QListWidgetItem(text)
            row.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable |
                         (Qt.ItemFlag.ItemIsEnabled if has_context else Qt.ItemFlag.NoItemFlags))
            needs = has_context and self._chosen.get(text, needs_context_by_default(text))
            row.setCheckState(Qt.CheckState.Checked if needs else Qt.CheckState.Unchecked)
            self.needs_context.addItem(row)
        self.needs_context.blockSignals(False)

    def _alias_ticked(self, row: QListWidgetItem) -> None:
        text, needs = row.text(), row.checkState() == Qt.CheckState.Checked
        if needs == needs_context_by_default(text):
            self._chosen.pop(text, None)
        else:
            self._chosen[text] = needs

    def data(self) -> dict[str, Any]:
        has_context = bool(_lines(self.context))
        chosen = {text: needs for text, needs in self._chosen.items() if has_context or not needs}
        name = self.name.text()
        aliases: list[Any] = [{"text": name.strip(), "needs_context": chosen[name.strip()]}] \
            if name.strip() in chosen else []
        aliases += [{"text": a, "needs_context": chosen[a]} if a in chosen else a for a in _lines(self.aliases)]
        return {"name": name, "kind": self.kind.currentText(), "aliases": aliases,
                "context": _lines(self.context), "exclude": _lines(self.exclude), "veto": _lines(self.veto),
                "priority": self.priority.isChecked(), "muted": self.muted.isChecked()}

    def load(self, entity: Entity) -> None:
        self._chosen = dict(entity.alias_context)
        self.name.setText(entity.name)
        self.kind.setCurrentText(entity.kind)
        self.aliases.setPlainText("\n".join(entity.aliases))
        self.context.setPlainText("\n".join(entity.context))
        self.exclude.setPlainText("\n".join(entity.exclude))
        self.veto.setPlainText("\n".join(entity.veto))
        self.priority.setChecked(entity.priority)
        self.muted.setChecked(entity.muted)
        self._list_aliases()

    def changed_signals(self) -> list[Any]:
        return [self.name.textChanged, self.kind.currentIndexChanged, self.aliases.textChanged,
                self.context.textChanged, self.exclude.textChanged, self.veto.textChanged,
                self.needs_context.itemChanged, self.priority.toggled, self.muted.toggled]


class SourceForm(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.name = QLineEdit()
        self.kind = QComboBox()
        self.kind.addItems(list(SOURCE_KINDS))
        self.url = QLineEdit()
        self.url.setPlaceholderText(self.tr("A feed address, or any web page: Find feeds looks for its feeds"))
        self.interval = QSpinBox()
        self.interval.setRange(1, MAX_INTERVAL)
        self.interval.setSuffix(self.tr(" min"))
        self.enabled = QCheckBox(self.tr("Enabled"))
        self.owner = QLineEdit()
        self.owner.setPlaceholderText(self.tr("The entity whose own blog or account this is: "
                                              "every item is its statement"))
        self._extra: dict[str, Any] = {}
        self.official_for = QLineEdit()
        self.official_for.setPlaceholderText(
            self.tr("Entities whose own statements this source carries, comma-separated"))
        self.find_button = QPushButton(self.tr("Find feeds on this page"))
        self.found = QListWidget()
        self.found.setMaximumHeight(110)
        self.selectors = {key: QLineEdit() for key in ("item", "link", "title", "date")}
        for key, hint in (("item", self.tr("CSS selector of each item, e.g. ul.press li")),
                          ("link", self.tr("within an item; a")), ("title", self.tr("within an item; optional")),
                          ("date", self.tr("within an item; optional"))):
            self.selectors[key].setPlaceholderText(hint)
        self.preset = QComboBox()
        self.preset.addItem(self.tr("Choose a preset\u2026"))
        self.preset.addItems(list(SEARCH_PRESETS))
        self.preset.activated.connect(self._use_preset)
        self.search_entities = QLineEdit()
        self.search_entities.setPlaceholderText(self.tr("Entities to search for, comma-separated (all when empty)"))
        self.lang = QLineEdit("en")
        self.region = QLineEdit("US")
        self.preview_button = QPushButton(self.tr("Preview what this source gives"))
        self.credential = QLineEdit()
        self.credential.setPlaceholderText(self.tr("Name of a secret in the keyring, if the source needs one"))
        self.auth = QComboBox()
        self.auth.addItems(list(AUTH_KINDS))
        self.username = QLineEdit()
        self.header = QLineEdit()
        self.header.setPlaceholderText("X-Api-Key")
        self.secret = QLineEdit()
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.setPlaceholderText(self.tr("Typed here, kept only in the system keyring"))
        self.save_secret = QPushButton(self.tr("Save to keyring"))
        self.error = error_label()
        self.save = QPushButton(self.tr("Save source"))
        address = QHBoxLayout()
        address.addWidget(self.url, 1)
        address.addWidget(self.find_button)
        secret_row = QHBoxLayout()
        secret_row.addWidget(self.secret, 1)
        secret_row.addWidget(self.save_secret)
        self.form = QFormLayout()
        self.form.addRow(self.tr("Name"), self.name)
        self.form.addRow(self.tr("Kind"), self.kind)
        self.form.addRow(self.tr("Address"), address)
        self.form.addRow(self.tr("Search preset"), self.preset)
        self.form.addRow("", self.found)
        for key, label in (("item", self.tr("Items")), ("link", self.tr("Link")), ("title", self.tr("Title")),
                           ("date", self.tr("Date"))):
            self.form.addRow(label, self.selectors[key])
        self.form.addRow(self.tr("Search for"), self.search_entities)
        self.form.addRow(self.tr("Language"), self.lang)
        self.form.addRow(self.tr("Region"), self.region)
        self.form.addRow(self.tr("Check every"), self.interval)
        self.form.addRow(self.tr("Official for"), self.official_for)
        self.form.addRow(self.tr("Belongs to"), self.owner)
        self.form.addRow("", self.enabled)
        self.form.addRow(self.tr("Credential"), self.credential)
        self.form.addRow(self.tr("Authentication"), self.auth)
        self.form.addRow(self.tr("User name"), self.username)
        self.form.addRow(self.tr("Header"), self.header)
        self.form.addRow(self.tr("Secret"), secret_row)
        self.form.addRow("", self.preview_button)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.save)
        layout.addStretch(1)
        self.kind.currentTextChanged.connect(self._show_rows)
        self.auth.currentTextChanged.connect(self._show_rows)
        self.credential.textChanged.connect(self._show_rows)
        self._show_rows()

    def _row(self, widget: QWidget, visible: bool) -> None:
        self.form.setRowVisible(widget, visible)

    def _show_rows(self, *_args: object) -> None:
        kind = self.kind.currentText()
        for widget in self.selectors.values():
            self._row(widget, kind == "page")
        for search_widget in (self.preset, self.search_entities, self.lang, self.region):
            self._row(search_widget, kind == "search")
        self._row(self.official_for, kind != "search")
        self._row(self.owner, kind != "search")
        has_credential = bool(self.credential.text().strip())
        self._row(self.auth, has_credential)
        self._row(self.username, has_credential and self.auth.currentText() == "basic")
        self._row(self.header, has_credential and self.auth.currentText() == "header")
        self.find_button.setVisible(kind == "feed")

    def _use_preset(self, index: int) -> None:
        if index > 0:
            self.url.setText(SEARCH_PRESETS[self.preset.itemText(index)])

    def options(self) -> dict[str, Any]:
        kind = self.kind.currentText()
        options: dict[str, Any] = {}
        if kind == "page":
            options = {key: edit.text().strip() for key, edit in self.selectors.items() if edit.text().strip()}
        elif kind == "search":
            names = [n.strip() for n in self.search_entities.text().split(",") if n.strip()]
            options = {"lang": self.lang.text().strip() or "en", "region": self.region.text().strip() or "US"}
            if names:
                options["entities"] = names
        if self.credential.text().strip():
            options["credential"] = self.credential.text().strip()
            options["auth"] = self.auth.currentText()
            if options["auth"] == "basic":
                options["username"] = self.username.text()
            if options["auth"] == "header":
                options["header"] = self.header.text().strip()
        return options

    def data(self) -> dict[str, Any]:
        official = [part.strip() for part in self.official_for.text().split(",") if part.strip()]
        data: dict[str, Any] = {**{k: v for k, v in self._extra.items() if k != "entity"},
                                "name": self.name.text(), "kind": self.kind.currentText(),
                                "url": self.url.text().strip(), "interval_minutes": self.interval.value(),
                                "enabled": self.enabled.isChecked(), "official_for": official,
                                "options": self.options()}
        if self.owner.text().strip():
            data["entity"] = self.owner.text().strip()
        if data["kind"] == "search":
            data["official_for"] = []
            data.pop("entity", None)
        return data

    def load(self, source: Source) -> None:
        options = source.options
        self.name.setText(source.name)
        self.kind.setCurrentText(source.kind)
        self.url.setText(source.url)
        self.interval.setValue(source.interval_minutes)
        self.enabled.setChecked(source.enabled)
        self._extra = dict(source.extra)
        self.owner.setText(source.entity)
        self.official_for.setText(", ".join(o for o in source.official_for if o != source.entity))
        for key, edit in self.selectors.items():
            edit.setText(str(options.get(key, "")))
        self.search_entities.setText(", ".join(options.get("entities", [])))
        self.lang.setText(str(options.get("lang", "en")))
        self.region.setText(str(options.get("region", "US")))
        self.credential.setText(str(options.get("credential", "")))
        self.auth.setCurrentText(str(options.get("auth", "bearer")))
        self.username.setText(str(options.get("username", "")))
        self.header.setText(str(options.get("header", "")))
        self.secret.clear()
        self.found.clear()
        self._show_rows()

    def changed_signals(self) -> list[Any]:
        return [self.name.textChanged, self.kind.currentIndexChanged, self.url.textChanged,
                self.interval.valueChanged, self.enabled.toggled, self.official_for.textChanged,
                self.owner.textChanged, self.search_entities.textChanged, self.lang.textChanged,
                self.region.textChanged,
                self.credential.textChanged, self.auth.currentIndexChanged, self.username.textChanged,
                self.header.textChanged] + [edit.textChanged for edit in self.selectors.values()]


class EditorView(QWidget):
    status = Signal(str)
    saved = Signal()

    def __init__(self, store: Store, import_file: Callable[[], object] | None = None,
                 export_file: Callable[[], object] | None = None) -> None:
        super().__init__()
        self.store = store
        self.undo_stack: list[editing.Snapshot] = []
        self.editing: tuple[int, str | None, str | None] = (-1, None, None)
        self.pool = QThreadPool(self)
        self._tasks: set[_DiscoverTask] = set()
        self.backfilled = ""
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.currentItemChanged.connect(self._selected)
        self.entity_form = EntityForm()
        self.source_form = SourceForm()
        self.pages = QStackedWidget()
        self.placeholder = QLabel(self.tr("Choose a watchlist, an entity or a source on the left."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for page in (self.placeholder, self.entity_form, self.source_form):
            self.pages.addWidget(page)
        buttons = QHBoxLayout()
        self.new_watchlist = QPushButton(self.tr("New watchlist"))
        self.new_entity = QPushButton(self.tr("New entity"))
        self.new_source = QPushButton(self.tr("New source"))
        self.delete = QPushButton(self.tr("Delete"))
        self.undo = QPushButton(self.tr("Undo delete"))
        self.undo.setEnabled(False)
        for button in (self.new_watchlist, self.new_entity, self.new_source, self.delete, self.undo):
            buttons.addWidget(button)
        if import_file is not None and export_file is not None:
            importing, exporting = QPushButton(self.tr("Import\u2026")), QPushButton(self.tr("Export\u2026"))
            importing.clicked.connect(import_file)
            exporting.clicked.connect(export_file)
            buttons.addStretch(1)
            buttons.addWidget(importing)
            buttons.addWidget(exporting)
        self.new_watchlist.clicked.connect(self.ask_new_watchlist)
        self.new_entity.clicked.connect(self.start_new_entity)
        self.new_source.clicked.connect(self.start_new_source)
        self.delete.clicked.connect(self.delete_selected)
        self.undo.clicked.connect(self.undo_delete)
        splitter = QSplitter()
        splitter.addWidget(self.tree)
        splitter.addWidget(self.pages)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(splitter, 1)

        self._test_timer = QTimer(self)
        self._test_timer.setSingleShot(True)
        self._test_timer.setInterval(250)
        self._test_timer.timeout.connect(self.run_test)
        for signal in self.entity_form.changed_signals():
            signal.connect(self.validate_entity)
            signal.connect(lambda *_: self._test_timer.start())
        for signal in self.source_form.changed_signals():
            signal.connect(self.validate_source)
        self.entity_form.save.clicked.connect(self.save_entity)
        self.entity_form.suggest.clicked.connect(self.suggest_aliases)
        self.source_form.save.clicked.connect(self.save_source)
        self.source_form.find_button.clicked.connect(self.find_feeds)
        self.source_form.preview_button.clicked.connect(self.preview)
        self.source_form.save_secret.clicked.connect(self.store_secret)
        self.source_form.found.itemActivated.connect(self._use_found)
        self._items: list[tuple[Item, str]] | None = None
        self.refresh()

    # the tree ----------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Rebuild the tree from the store, keeping the selection (and so Delete) where it was."""
        selected = self._selection()
        self.tree.blockSignals(True)
        self.tree.clear()
        for watchlist in self.store.watchlists():
            node = QTreeWidgetItem([watchlist.name])
            node.setData(0, Qt.ItemDataRole.UserRole, (WATCHLIST, watchlist.name, None))
            for entity in watchlist.entities:
                child = QTreeWidgetItem([f"{entity.name}  ({entity.kind})"])
                child.setData(0, Qt.ItemDataRole.UserRole, (ENTITY, watchlist.name, entity.name))
                node.addChild(child)
            self.tree.addTopLevelItem(node)
        sources = QTreeWidgetItem([self.tr("Sources")])
        sources.setData(0, Qt.ItemDataRole.UserRole, (SOURCES, None, None))
        for source in self.store.sources():
            child = QTreeWidgetItem([source.name])
            child.setData(0, Qt.ItemDataRole.UserRole, (SOURCE, None, source.name))
            sources.addChild(child)
        self.tree.addTopLevelItem(sources)
        self.tree.expandAll()
        chosen = self.find_node(*selected) if selected[0] != -1 else None
        if chosen is not None:
            self.tree.setCurrentItem(chosen)
        self.tree.blockSignals(False)
        self._items = None

    def find_node(self, kind: int, parent: str | None, name: str | None) -> QTreeWidgetItem | None:
        iterator = QTreeWidgetItemIterator(self.tree)
        while (node := iterator.value()) is not None:
            if tuple(node.data(0, Qt.ItemDataRole.UserRole) or ()) == (kind, parent, name):
                return node
            iterator += 1
        return None

    def select(self, kind: int, parent: str | None, name: str | None) -> None:
        node = self.find_node(kind, parent, name)
        if node is not None:
            self.tree.setCurrentItem(node)

    def _selection(self) -> tuple[int, str | None, str | None]:
        node = self.tree.currentItem()
        data = node.data(0, Qt.ItemDataRole.UserRole) if node is not None else None
        return tuple(data) if data else (-1, None, None)  # type: ignore[return-value]

    def _current_watchlist(self) -> str | None:
        kind, parent, name = self._selection()
        return parent if kind in (WATCHLIST, ENTITY) else None

    def _selected(self, *_args: object) -> None:
        kind, parent, name = self._selection()
        if kind == ENTITY and parent and name:
            entity = next(e for w in self.store.watchlists() if w.name == parent for e in w.entities
                          if e.name == name)
            self.editing = (ENTITY, parent, name)
            self.entity_form.load(entity)
            self.pages.setCurrentWidget(self.entity_form)
            self.validate_entity()
            self.run_test()
        elif kind == SOURCE and name:
            source = next(s for s in self.store.sources() if s.name == name)
            self.editing = (SOURCE, None, name)
            self.source_form.load(source)
            self.pages.setCurrentWidget(self.source_form)
            self.validate_source()
        else:
            self.pages.setCurrentWidget(self.placeholder)

    # entities ----------------------------------------------------------------------------------

    def start_new_entity(self) -> None:
        watchlist = self._current_watchlist() or next((w.name for w in self.store.watchlists()), None)
        if watchlist is None:
            self.status.emit(self.tr("Make a watchlist first"))
            return
        self.editing = (ENTITY, watchlist, None)
        self.entity_form.load(Entity(name="", kind="official"))
        self.pages.setCurrentWidget(self.entity_form)
        self.entity_form.name.setFocus()
        self.validate_entity()

    def _entity_siblings(self, watchlist: str) -> list[str]:
        return [e.name for w in self.store.watchlists() if w.name == watchlist for e in w.entities]

    def validate_entity(self) -> Entity | None:
        _kind, watchlist, original = self.editing
        try:
            entity = editing.validate_entity(self.entity_form.data(), self._entity_siblings(watchlist or ""),
                                             original)
        except UserError as exc:
            self.entity_form.error.setText(exc.message)
            self.entity_form.save.setEnabled(False)
            return None
        self.entity_form.error.setText("")
        self.entity_form.save.setEnabled(True)
        return entity

    def save_entity(self) -> None:
        entity = self.validate_entity()
        _kind, watchlist, original = self.editing
        if entity is None or watchlist is None:
            return
        before = self.store.watchlists()
        editing.save_entity(self.store, watchlist, original, entity)
        changed = changed_entities(before, self.store.watchlists())
        self.refresh()
        self.select(ENTITY, watchlist, entity.name)
        self.status.emit(self.tr("Saved {}").format(entity.name))
        self.saved.emit()
        if changed:
            self._start_backfill(changed)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self._test_timer.stop()  # a pending Test-panel run must not reach a store closed after us
        super().closeEvent(event)

    def _start_backfill(self, changed: list[tuple[str, str]]) -> None:
        """Match the stored items against new or changed entities on a pool thread; say how many matched."""
        path = self.store.path
        task = _DiscoverTask("", lambda: backfill_file(path, changed))
        self._tasks.add(task)
        view = weakref.ref(self)  # the task must not keep a closed editor (and its timers) alive

        def done(result: object) -> None:
            editor = view()
            if editor is None:
                return
            editor._tasks.discard(task)
            editor.backfilled = str(result.message()) if isinstance(result, BackfillResult) else str(result)
            editor.status.emit(editor.backfilled)
            editor.saved.emit()

        task.emitter.finished.connect(done)
        self.pool.start(task)

    def stored_items(self) -> list[tuple[Item, str]]:
        if self._items is None:
            self._items = editing.recent_items(self.store, TEST_ITEMS)
        return self._items

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802
        self._test_timer.stop()
        super().hideEvent(event)

    def run_test(self) -> None:
        """Show which stored items the entity as typed would match, and with which words."""
        if self.pages.currentWidget() is not self.entity_form or not self.isVisible():
            return
        form = self.entity_form
        data = form.data()
        if not data["name"].strip():
            form.test.setRowCount(0)
            form.test_summary.setText("")
            return
        try:
            entity = editing.parse_entity({**data, "name": data["name"]}, "entity")
        except UserError:
            return
        items = self.stored_items()
        hits = try_entity(entity, items)
        form.test_summary.setText(self.tr("{} of the {} most recent stored items match").format(len(hits), len(items)))
        form.test.setRowCount(len(hits))
        for row, (item, source, match) in enumerate(hits[:500]):
            for column, text in enumerate((item.title, source, ", ".join(match.matched))):
                cell = QTableWidgetItem(text)
                cell.setToolTip(match.snippet if column == 0 else text)
                form.test.setItem(row, column, cell)
        form.test.setRowCount(min(len(hits), 500))

    # sources -----------------------------------------------------------------------------------

    def start_new_source(self) -> None:
        self.editing = (SOURCE, None, None)
        self.source_form.load(Source(name="", kind="feed", url=""))
        self.pages.setCurrentWidget(self.source_form)
        self.source_form.url.setFocus()
        self.validate_source()

    def validate_source(self) -> Any:
        _kind, _parent, original = self.editing
        form = self.source_form
        entity_names = {e.name.casefold() for w in self.store.watchlists() for e in w.entities}
        try:
            source = editing.validate_source(form.data(), [s.name for s in self.store.sources()], original)
            if source.entity and source.entity.casefold() not in entity_names:
                raise UserError("Sources", f"source.entity: no entity named {source.entity!r}")
            unknown = [name for name in source.official_for if name.casefold() not in entity_names]
            if unknown:
                raise UserError("Sources", f"source.official_for: no entity named {unknown[0]!r}")
        except UserError as exc:
            form.error.setText(exc.message)
            form.save.setEnabled(False)
            return None
        form.error.setText("")
        form.save.setEnabled(True)
        return source

    def save_source(self) -> None:
        source = self.validate_source()
        if source is None:
            return
        editing.save_source(self.store, self.editing[2], source)
        self.refresh()
        self.select(SOURCE, None, source.name)
        self.status.emit(self.tr("Saved {}").format(source.name))
        self.saved.emit()

    def store_secret(self) -> None:
        form = self.source_form
        try:
            store_secret(form.credential.text().strip(), form.secret.text())
        except UserError as exc:
            form.error.setText(exc.message)
            return
        form.secret.clear()
        self.status.emit(self.tr("Stored the secret {} in the keyring").format(form.credential.text().strip()))

    def preview(self) -> None:
        source = self.validate_source()
        if source is None:
            self.source_form.found.clear()
            return
        watchlists = self.store.watchlists()
        self._start_network(self.tr("Fetching {}\u2026").format(source.name),
                            _DiscoverTask(source.url, lambda: preview_source(source, watchlists)), self._previewed)

    def _start_network(self, working: str, task: _DiscoverTask, done: Callable[[Any], None]) -> None:
        """Say what is happening in the list under the address, and run `task` on the pool."""
        self.source_form.found.clear()
        self.source_form.found.addItem(working)
        self._tasks.add(task)
        task.emitter.finished.connect(done)
        self.pool.start(task)

    def _previewed(self, result: tuple[list[Item], str | None]) -> None:
        items, problem = result
        self._tasks.clear()
        found = self.source_form.found
        found.clear()
        if problem:
            found.addItem(self.tr("Nothing to show: {}").format(problem))
        for item in items[:50]:
            when = item.published.astimezone().strftime("%Y-%m-%d") if item.published else "\u2014"
            found.addItem(f"{when}  {item.title} \u2014 {item.url}")

    def suggest_aliases(self) -> None:
        from ..core.store_aliases import recent_texts
        from .suggest_dialog import SuggestAliasesDialog

        form = self.entity_form
        name = form.name.text().strip()
        if not name:
            self.status.emit(self.tr("Type a name first"))
            return
        dialog = SuggestAliasesDialog(name, recent_texts(self.store), _lines(form.aliases), self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.chosen():
            form.aliases.setPlainText("\n".join(_lines(form.aliases) + dialog.chosen()))

    def find_feeds(self) -> None:
        url = self.source_form.url.text().strip()
        self._start_network(self.tr("Looking for feeds on {}\u2026").format(url), _DiscoverTask(url),
                            self._discovered)

    def _discovered(self, result: tuple[list[FoundFeed], str | None]) -> None:
        feeds, problem = result
        self._tasks.clear()
        found = self.source_form.found
        found.clear()
        if problem:
            found.addItem(self.tr("No feed found: {}").format(problem))
        for feed in feeds:
            item = QListWidgetItem(f"{feed.title} \u2014 {feed.url}")
            item.setData(Qt.ItemDataRole.UserRole, feed)
            found.addItem(item)
        if feeds:
            self.status.emit(self.tr("Double-click a feed to use it"))

    def _use_found(self, item: QListWidgetItem) -> None:
        feed = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(feed, FoundFeed):
            self.source_form.url.setText(feed.url)
            if feed.kind == "page":  # a Telegram channel's preview page, read with selectors
                self.source_form.kind.setCurrentText("page")
                for key, edit in self.source_form.selectors.items():
                    edit.setText(str(feed.options.get(key, "")))
            if not self.source_form.name.text().strip():
                self.source_form.name.setText(feed.title)

    # watchlists, deletion and undo -------------------------------------------------------------

    def ask_new_watchlist(self) -> None:
        name, accepted = QInputDialog.getText(self, self.tr("New watchlist"), self.tr("Name"))
        if accepted:
            self.add_watchlist(name)

    def add_watchlist(self, name: str) -> bool:
        try:
            watchlist = editing.add_watchlist(self.store, name)
        except UserError as exc:
            self.status.emit(exc.message)
            return False
        self.refresh()
        self.select(WATCHLIST, watchlist.name, None)
        self.saved.emit()
        return True

    def delete_selected(self) -> None:
        kind, parent, name = self._selection()
        try:
            if kind == ENTITY and parent and name:
                snapshot = editing.delete_entity(self.store, parent, name)
            elif kind == WATCHLIST and parent:
                snapshot = editing.delete_watchlist(self.store, parent)
            elif kind == SOURCE and name:
                snapshot = editing.delete_source(self.store, name)
            else:
                return
        except UserError as exc:
            self.status.emit(exc.message)
            return
        self.undo_stack.append(snapshot)
        self.undo.setEnabled(True)
        self.undo.setText(self.tr("Undo delete of {}").format(snapshot.label))
        self.refresh()
        self.pages.setCurrentWidget(self.placeholder)
        self.status.emit(self.tr("Deleted {}").format(snapshot.label))
        self.saved.emit()

    def undo_delete(self) -> None:
        if not self.undo_stack:
            return
        snapshot = self.undo_stack.pop()
        editing.restore(self.store, snapshot)
        self.undo.setEnabled(bool(self.undo_stack))
        self.undo.setText(self.tr("Undo delete of {}").format(self.undo_stack[-1].label) if self.undo_stack
                          else self.tr("Undo delete"))
        self.refresh()
        self.status.emit(self.tr("Restored {}").format(snapshot.label))
        self.saved.emit()
