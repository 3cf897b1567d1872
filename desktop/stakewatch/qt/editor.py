"""The watchlist editor: watchlists, entities and sources, validated as you type. GUI thread only.

The Test panel runs the entity being edited against the items already stored,
so aliases and exclusions are tuned on real data before saving. Deletions can
be undone. Feed discovery runs on a pool thread.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QHideEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core import editing
from ..core.backfill import BackfillResult, backfill, changed_entities
from ..core.discovery import FoundFeed
from ..core.links import complete_address
from ..core.model import ENTITY_KINDS, Entity, Item, Source, UserError, Watchlist, needs_context_by_default
from ..core.secrets import AUTH_KINDS, store_secret
from ..core.secrets import WAITING as KEYRING_WAITING
from ..core.service import find_feeds, preview_source, try_entity
from ..core.sources import SOURCE_KINDS
from ..core.sources.search import PRESETS as SEARCH_PRESETS
from ..core.store import Store
from ..core.store_errors import DatabaseFailure, describe_sqlite_error
from ..core.transfer import MAX_INTERVAL, Refused

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


FIELD_LABELS = {
    "name": QT_TRANSLATE_NOOP("EditorView", "Name"), "kind": QT_TRANSLATE_NOOP("EditorView", "Kind"),
    "aliases": QT_TRANSLATE_NOOP("EditorView", "Aliases"), "context": QT_TRANSLATE_NOOP("EditorView", "Context"),
    "exclude": QT_TRANSLATE_NOOP("EditorView", "Exclude"), "url": QT_TRANSLATE_NOOP("EditorView", "Address"),
    "interval_minutes": QT_TRANSLATE_NOOP("EditorView", "Check every"),
    "official_for": QT_TRANSLATE_NOOP("EditorView", "Official for"),
    "options": QT_TRANSLATE_NOOP("EditorView", "Options"), "enabled": QT_TRANSLATE_NOOP("EditorView", "Enabled"),
}
_PLACE = re.compile(r"^(?:entity|source|watchlist)\.([a-z_]+)(?:\[(\d+)\])?(?:\.([a-z_]+))?")


def field_of(where: str) -> str:
    """The form field a refusal's place names: `source.url` -> url, `entity.aliases[2]` -> aliases."""
    match = _PLACE.match(where)
    return match.group(1) if match else ""


def in_words(refusal: Refused) -> str:
    """A refusal as the form says it: the field's label (and line), then the reason; no JSON paths."""
    match = _PLACE.match(refusal.where)
    if not match:
        return str(refusal.reason)
    label = QCoreApplication.translate("EditorView", str(FIELD_LABELS.get(match.group(1), match.group(1))))
    if match.group(3):
        label = f"{label} \u203a {match.group(3)}"
    if match.group(2) is not None:
        return QCoreApplication.translate("EditorView", "{}, line {}: {}").format(
            label, int(match.group(2)) + 1, refusal.reason)
    return QCoreApplication.translate("EditorView", "{}: {}").format(label, refusal.reason)


def _lines(edit: QPlainTextEdit) -> list[str]:
    return [line.strip() for line in edit.toPlainText().splitlines() if line.strip()]


def backfill_file(path: Path, entities: list[tuple[str, str]]) -> BackfillResult | str:
    """Backfill through a connection of this pool thread's own; a failure comes back as its message."""
    try:
        with Store(path) as store:
            return backfill(store, entities)
    except UserError as exc:
        return exc.message
    except DatabaseFailure as exc:
        return describe_sqlite_error(exc, path)


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
        self.watchlist = QComboBox()
        self.name = QLineEdit()
        self.kind = QComboBox()
        self.kind.addItems(list(ENTITY_KINDS))
        self.aliases = QPlainTextEdit()
        self.context = QPlainTextEdit()
        self.exclude = QPlainTextEdit()
        self.veto = QPlainTextEdit()
        hints = ((self.aliases, QT_TRANSLATE_NOOP("EntityForm",
                                                   "One alias per line: other spellings, the name in other scripts")),
                 (self.context, QT_TRANSLATE_NOOP("EntityForm",
                                                  "One per line; an alias ticked below counts only if one of these "
                                                  "appears")),
                 (self.exclude, QT_TRANSLATE_NOOP("EntityForm",
                                                  "One per line; cancels the alias it contains, e.g. \"Taira clan\"")),
                 (self.veto, QT_TRANSLATE_NOOP("EntityForm",
                                               "One per line; an item with any of these never matches this entity")))
        for edit, hint in hints:
            edit.setPlaceholderText(self.tr(str(hint)))
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
        form.addRow(self.tr("Watchl&ist"), self.watchlist)
        form.addRow(self.tr("&Name"), self.name)
        form.addRow(self.tr("&Kind"), self.kind)
        form.addRow(self.tr("Alia&ses"), self.aliases)
        form.addRow(self.tr("&Context"), self.context)
        form.addRow(self.tr("Needs context"), self.needs_context)
        form.addRow(self.tr("E&xclude"), self.exclude)
        form.addRow(self.tr("&Veto"), self.veto)
        for edit in (self.aliases, self.context, self.exclude, self.veto):
            edit.setTabChangesFocus(True)
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
                self.needs_context.itemChanged, self.priority.toggled, self.muted.toggled,
                self.watchlist.currentIndexChanged]

    def field_signals(self) -> list[tuple[str, Any]]:
        return [("name", self.name.textChanged), ("kind", self.kind.currentIndexChanged),
                ("aliases", self.aliases.textChanged), ("context", self.context.textChanged),
                ("exclude", self.exclude.textChanged), ("veto", self.veto.textChanged)]


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
        self.official_for = QListWidget()
        self.official_for.setToolTip(self.tr("Tick the entities whose own statements this source carries"))
        self.official_for.setMaximumHeight(96)
        self.find_button = QPushButton(self.tr("Find feeds on this page"))
        self.found = QListWidget()
        self.found.setMaximumHeight(96)
        self.use_feed = QPushButton(self.tr("U&se this feed"))
        self.use_feed.setEnabled(False)
        self.found.currentItemChanged.connect(
            lambda item, _previous: self.use_feed.setEnabled(
                item is not None and isinstance(item.data(Qt.ItemDataRole.UserRole), FoundFeed)))
        self.found_box = QWidget()
        found_layout = QHBoxLayout(self.found_box)
        found_layout.setContentsMargins(0, 0, 0, 0)
        found_layout.addWidget(self.found, 1)
        found_layout.addWidget(self.use_feed, 0, Qt.AlignmentFlag.AlignTop)
        self.preview_list = QListWidget()
        self.preview_list.setMaximumHeight(120)
        self.selectors = {key: QLineEdit() for key in ("item", "link", "title", "date")}
        selector_hints = (("item", QT_TRANSLATE_NOOP("SourceForm", "CSS selector of each item, e.g. ul.press li")),
                          ("link", QT_TRANSLATE_NOOP("SourceForm", "within an item; a")),
                          ("title", QT_TRANSLATE_NOOP("SourceForm", "within an item; optional")),
                          ("date", QT_TRANSLATE_NOOP("SourceForm", "within an item; optional")))
        for key, hint in selector_hints:
            self.selectors[key].setPlaceholderText(self.tr(str(hint)))
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
        self.save_secret = QPushButton(self.tr("Save to ke&yring"))
        self.keyring_state = QLabel()
        self.keyring_state.setWordWrap(True)
        self.keyring_state.setTextFormat(Qt.TextFormat.PlainText)
        self.error = error_label()
        self.save = QPushButton(self.tr("Save source"))
        address = QHBoxLayout()
        address.addWidget(self.url, 1)
        address.addWidget(self.find_button)
        secret_row = QHBoxLayout()
        secret_row.addWidget(self.secret, 1)
        secret_row.addWidget(self.save_secret)
        self.form = QFormLayout()
        self.form.addRow(self.tr("&Name"), self.name)
        self.form.addRow(self.tr("&Kind"), self.kind)
        self.form.addRow(self.tr("Add&ress"), address)
        self.form.addRow(self.tr("Search preset"), self.preset)
        self.form.addRow(self.tr("Feeds found"), self.found_box)
        selector_labels = (("item", QT_TRANSLATE_NOOP("SourceForm", "Items")),
                           ("link", QT_TRANSLATE_NOOP("SourceForm", "Link")),
                           ("title", QT_TRANSLATE_NOOP("SourceForm", "Title")),
                           ("date", QT_TRANSLATE_NOOP("SourceForm", "Date")))
        for key, label in selector_labels:
            self.form.addRow(self.tr(str(label)), self.selectors[key])
        self.form.addRow(self.tr("Search for"), self.search_entities)
        self.form.addRow(self.tr("Language"), self.lang)
        self.form.addRow(self.tr("Region"), self.region)
        self.form.addRow(self.tr("Check every"), self.interval)
        self.form.addRow(self.tr("&Official for"), self.official_for)
        self.form.addRow(self.tr("Belongs to"), self.owner)
        self.form.addRow("", self.enabled)
        self.form.addRow(self.tr("Credential"), self.credential)
        self.form.addRow(self.tr("Authentication"), self.auth)
        self.form.addRow(self.tr("User name"), self.username)
        self.form.addRow(self.tr("Header"), self.header)
        self.form.addRow(self.tr("Secret"), secret_row)
        self.form.addRow("", self.keyring_state)
        self.form.addRow("", self.preview_button)
        self.form.addRow(self.tr("Preview"), self.preview_list)
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
        self._row(self.found_box, kind == "feed" and self.found.count() > 0)
        self._row(self.preview_list, self.preview_list.count() > 0)
        self._row(self.keyring_state, has_credential and bool(self.keyring_state.text()))

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

    def set_entities(self, names: list[str]) -> None:
        """Offer these entities for "Official for", keeping what is ticked."""
        ticked = set(self.official())
        self.official_for.blockSignals(True)
        self.official_for.clear()
        for name in list(dict.fromkeys(names + sorted(ticked - set(names)))):
            item = QListWidgetItem(name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if name in ticked else Qt.CheckState.Unchecked)
            self.official_for.addItem(item)
        self.official_for.blockSignals(False)

    def official(self) -> list[str]:
        return [self.official_for.item(i).text() for i in range(self.official_for.count())
                if self.official_for.item(i).checkState() == Qt.CheckState.Checked]

    def set_official(self, names: tuple[str, ...] | list[str]) -> None:
        present = {self.official_for.item(i).text() for i in range(self.official_for.count())}
        for name in names:
            if name not in present:
                item = QListWidgetItem(name)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                self.official_for.addItem(item)
        for i in range(self.official_for.count()):
            item = self.official_for.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.text() in names else Qt.CheckState.Unchecked)

    def data(self) -> dict[str, Any]:
        official = self.official()
        data: dict[str, Any] = {**{k: v for k, v in self._extra.items() if k != "entity"},
                                "name": self.name.text(), "kind": self.kind.currentText(),
                                "url": complete_address(self.url.text()), "interval_minutes": self.interval.value(),
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
        self.set_official(tuple(o for o in source.official_for if o != source.entity))
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
        self.preview_list.clear()
        self.keyring_state.clear()
        self._show_rows()

    def changed_signals(self) -> list[Any]:
        return [self.name.textChanged, self.kind.currentIndexChanged, self.url.textChanged,
                self.interval.valueChanged, self.enabled.toggled, self.official_for.itemChanged,
                self.owner.textChanged, self.search_entities.textChanged, self.lang.textChanged,
                self.region.textChanged,
                self.credential.textChanged, self.auth.currentIndexChanged, self.username.textChanged,
                self.header.textChanged] + [edit.textChanged for edit in self.selectors.values()]

    def field_signals(self) -> list[tuple[str, Any]]:
        return [("name", self.name.textChanged), ("kind", self.kind.currentIndexChanged),
                ("options", self.kind.currentIndexChanged), ("url", self.url.textChanged),
                ("interval_minutes", self.interval.valueChanged), ("official_for", self.official_for.itemChanged),
                ("options", self.credential.textChanged)] + [
                    ("options", edit.textChanged) for edit in self.selectors.values()]


class WatchlistForm(QWidget):
    """A watchlist's own settings: its name and whether it is muted."""

    def __init__(self) -> None:
        super().__init__()
        self.name = QLineEdit()
        self.muted = QCheckBox(self.tr("&Muted: keep its alerts, no notifications"))
        self.error = error_label()
        self.save = QPushButton(self.tr("Save watchlist"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Name"), self.name)
        form.addRow("", self.muted)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.error)
        layout.addWidget(self.save)
        layout.addStretch(1)

    def load(self, watchlist: Watchlist) -> None:
        self.name.setText(watchlist.name)
        self.muted.setChecked(watchlist.muted)
        self.summary.setText(self.tr("%n entity(ies)", "", len(watchlist.entities)))

    def changed_signals(self) -> list[Any]:
        return [self.name.textChanged, self.muted.toggled]


class EditorView(QWidget):
    status = Signal(str)
    saved = Signal()

    def __init__(self, store: Store, import_file: Callable[[], object] | None = None,
                 export_file: Callable[[], object] | None = None) -> None:
        super().__init__()
        self.store = store
        self.undo_stack: list[editing.Snapshot] = []
        self.editing: tuple[int, str | None, str | None] = (-1, None, None)
        self.dirty = False
        self.touched: set[str] = set()
        self._loading = False
        self._tree_current: tuple[int, str | None, str | None] = (-1, None, None)
        self.pool = QThreadPool(self)
        self._tasks: set[_DiscoverTask] = set()
        self.backfilled = ""
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.currentItemChanged.connect(self._selected)
        self.entity_form = EntityForm()
        self.source_form = SourceForm()
        self.watchlist_form = WatchlistForm()
        self.pages = QStackedWidget()
        self.placeholder = QLabel(self.tr("Choose a watchlist, an entity or a source on the left."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        for page in (self.placeholder, self.entity_form, self.source_form, self.watchlist_form):
            self.pages.addWidget(page)
        scroller = QScrollArea()
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        scroller.setWidget(self.pages)
        buttons = QHBoxLayout()
        self.new_watchlist = QPushButton(self.tr("New watchlist"))
        self.new_entity = QPushButton(self.tr("New entity"))
        self.new_source = QPushButton(self.tr("New source"))
        self.delete = QPushButton(self.tr("&Delete"))
        self.undo = QPushButton(self.tr("&Undo delete"))
        self.undo.setEnabled(False)
        for button in (self.new_watchlist, self.new_entity, self.new_source, self.delete, self.undo):
            buttons.addWidget(button)
        if import_file is not None and export_file is not None:
            importing, exporting = QPushButton(self.tr("Import\u2026")), QPushButton(self.tr("Export\u2026"))
            importing.clicked.connect(lambda _checked=False: import_file())
            exporting.clicked.connect(lambda _checked=False: export_file())
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
        splitter.addWidget(scroller)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([260, 740])
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(splitter, 1)

        self._test_timer = QTimer(self)
        self._test_timer.setSingleShot(True)
        self._test_timer.setInterval(250)
        self._test_timer.timeout.connect(self.run_test)
        for form in (self.entity_form, self.source_form):
            for key, signal in form.field_signals():
                signal.connect(lambda *_args, field=key: self._touch(field))
        for signal in self.entity_form.changed_signals():
            signal.connect(self.validate_entity)
            signal.connect(self._changed)
            signal.connect(lambda *_: self._loading or self._test_timer.start())
        for signal in self.source_form.changed_signals():
            signal.connect(self.validate_source)
            signal.connect(self._changed)
        for signal in self.watchlist_form.changed_signals():
            signal.connect(self._changed)
            signal.connect(self.validate_watchlist)
        self.source_form.url.editingFinished.connect(self._complete_address)
        self.entity_form.save.clicked.connect(self.save_entity)
        self.entity_form.suggest.clicked.connect(self.suggest_aliases)
        self.source_form.save.clicked.connect(self.save_source)
        self.watchlist_form.save.clicked.connect(self.save_watchlist)
        self.source_form.find_button.clicked.connect(self.find_feeds)
        self.source_form.preview_button.clicked.connect(self.preview)
        self.source_form.save_secret.clicked.connect(self.store_secret)
        self.source_form.found.itemActivated.connect(self._use_found)
        self.source_form.use_feed.clicked.connect(lambda _checked=False: self._use_current_feed())
        self._items: list[tuple[Item, str]] | None = None
        self.refresh()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802
        self._test_timer.stop()
        super().hideEvent(event)

    # the tree ----------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Rebuild the tree from the store, keeping the selection (and so Delete) where it was."""
        selection = self._selection()
        self.tree.blockSignals(True)
        self.tree.clear()
        watchlists = self.store.watchlists()
        for watchlist in watchlists:
            muted_mark = self.tr("muted")
            label = watchlist.name + (f"  ({muted_mark})" if watchlist.muted else "")
            node = QTreeWidgetItem([label])
            node.setData(0, Qt.ItemDataRole.UserRole, (WATCHLIST, watchlist.name, None))
            for entity in watchlist.entities:
                muted = f", {muted_mark}" if entity.muted else ""
                child = QTreeWidgetItem([f"{entity.name}  ({entity.kind}{muted})"])
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
        chosen = self.find_node(*selection)
        if chosen is not None:
            self.tree.setCurrentItem(chosen)
        self.tree.blockSignals(False)
        self._items = None
        names = [w.name for w in watchlists]
        combo = self.entity_form.watchlist
        current = combo.currentText()
        self._loading = True
        combo.clear()
        combo.addItems(names)
        if current in names:
            combo.setCurrentText(current)
        self.source_form.set_entities(list(dict.fromkeys(e.name for w in watchlists for e in w.entities)))
        self._loading = False

    def _use_current_feed(self) -> None:
        item = self.source_form.found.currentItem()
        if item is not None:
            self._use_found(item)

    def find_node(self, kind: int, parent: str | None, name: str | None) -> QTreeWidgetItem | None:
        wanted = (kind, parent, name)
        for top in range(self.tree.topLevelItemCount()):
            node = self.tree.topLevelItem(top)
            if node is None:
                continue
            if tuple(node.data(0, Qt.ItemDataRole.UserRole) or ()) == wanted:
                return node
            for index in range(node.childCount()):
                child = node.child(index)
                if child is not None and tuple(child.data(0, Qt.ItemDataRole.UserRole) or ()) == wanted:
                    return child
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

    # unsaved changes -----------------------------------------------------------------------------

    def _changed(self, *_args: object) -> None:
        if not self._loading and self.pages.currentWidget() is not self.placeholder:
            self.dirty = True

    def _touch(self, field: str) -> None:
        if not self._loading:
            self.touched.add(field)

    def _begin(self, page: QWidget) -> None:
        """Show `page` with a clean slate: nothing changed, nothing touched."""
        self.pages.setCurrentWidget(page)
        self.dirty = False
        self.touched = set()

    def ask_unsaved(self) -> QMessageBox.StandardButton:
        """Save, Discard or Cancel for a form with unsaved changes (a dialog; tests replace it)."""
        return QMessageBox.question(
            self, self.tr("Unsaved changes"),
            self.tr("The form has changes that are not saved. Save them?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)

    def confirm_leave(self) -> bool:
        """True if the current form may be left: saved, discarded, or nothing changed."""
        if not self.dirty:
            return True
        answer = self.ask_unsaved()
        if answer == QMessageBox.StandardButton.Cancel:
            return False
        if answer == QMessageBox.StandardButton.Save:
            page = self.pages.currentWidget()
            saved = (self.save_entity() if page is self.entity_form else self.save_source()
                     if page is self.source_form else self.save_watchlist())
            if not saved:
                return False
        self.dirty = False
        return True

    def _selected(self, *_args: object) -> None:
        selection = self._selection()
        if selection == self._tree_current:
            return
        if not self.confirm_leave():
            node = self.find_node(*self._tree_current)
            self.tree.blockSignals(True)
            if node is not None:
                self.tree.setCurrentItem(node)
            self.tree.blockSignals(False)
            return
        self._tree_current = selection
        kind, parent, name = selection
        self._loading = True
        try:
            if kind == ENTITY and parent and name:
                entity = next(e for w in self.store.watchlists() if w.name == parent for e in w.entities
                              if e.name == name)
                self.editing = (ENTITY, parent, name)
                self.entity_form.load(entity)
                self.entity_form.watchlist.setCurrentText(parent)
                self.entity_form.watchlist.setEnabled(False)
                self._begin(self.entity_form)
            elif kind == SOURCE and name:
                source = next(s for s in self.store.sources() if s.name == name)
                self.editing = (SOURCE, None, name)
                self.source_form.load(source)
                self._begin(self.source_form)
            elif kind == WATCHLIST and parent:
                watchlist = next(w for w in self.store.watchlists() if w.name == parent)
                self.editing = (WATCHLIST, parent, None)
                self.watchlist_form.load(watchlist)
                self._begin(self.watchlist_form)
            else:
                self.editing = (-1, None, None)
                self._begin(self.placeholder)
        finally:
            self._loading = False
        if kind == ENTITY:
            self.validate_entity()
            self.run_test()
        elif kind == SOURCE:
            self.validate_source()
        elif kind == WATCHLIST:
            self.validate_watchlist()

    def _show_problems(self, form: EntityForm | SourceForm, problems: list[Refused], everything: bool) -> None:
        """Say what is wrong, in the fields' own words, for the fields already touched."""
        shown = [in_words(p) for p in problems if everything or field_of(p.where) in self.touched
                 or not field_of(p.where)]
        form.error.setText("\n".join(dict.fromkeys(shown)))

    # watchlists ------------------------------------------------------------------------------

    def validate_watchlist(self) -> bool:
        name = self.watchlist_form.name.text().strip()
        others = {w.name.casefold() for w in self.store.watchlists()
                  if w.name.casefold() != (self.editing[1] or "").casefold()}
        problem = ""
        if not name:
            problem = self.tr("Name: must not be empty")
        elif name.casefold() in others:
            problem = self.tr("Name: another watchlist is called {}").format(name)
        self.watchlist_form.error.setText(problem)
        self.watchlist_form.save.setEnabled(not problem)
        return not problem

    def save_watchlist(self) -> bool:
        original = self.editing[1]
        if original is None or not self.validate_watchlist():
            return False
        try:
            watchlist = editing.save_watchlist(self.store, original, self.watchlist_form.name.text(),
                                               self.watchlist_form.muted.isChecked())
        except UserError as exc:
            self.watchlist_form.error.setText(exc.message)
            return False
        self.dirty = False
        self._tree_current = (WATCHLIST, watchlist.name, None)
        self.editing = self._tree_current
        self.refresh()
        self.select(WATCHLIST, watchlist.name, None)
        self.status.emit(self.tr("Saved {}").format(watchlist.name))
        self.saved.emit()
        return True

    # entities ----------------------------------------------------------------------------------

    def start_new_entity(self) -> None:
        if not self.confirm_leave():
            return
        watchlist = self._current_watchlist() or next((w.name for w in self.store.watchlists()), None)
        if watchlist is None:
            self.status.emit(self.tr("Make a watchlist first"))
            return
        self._loading = True
        self.editing = (ENTITY, watchlist, None)
        self.entity_form.load(Entity(name="", kind="official"))
        self.entity_form.watchlist.setEnabled(True)
        self.entity_form.watchlist.setCurrentText(watchlist)
        self._loading = False
        self._begin(self.entity_form)
        self.entity_form.name.setFocus()
        self.validate_entity()

    def _entity_siblings(self, watchlist: str) -> list[str]:
        return [e.name for w in self.store.watchlists() if w.name == watchlist for e in w.entities]

    def _entity_watchlist(self) -> str | None:
        kind, watchlist, original = self.editing
        if original is None and self.entity_form.watchlist.currentText():
            return self.entity_form.watchlist.currentText()
        return watchlist

    def validate_entity(self, *_args: object, everything: bool = False) -> Entity | None:
        _kind, _watchlist, original = self.editing
        watchlist = self._entity_watchlist()
        try:
            entity = editing.validate_entity(self.entity_form.data(), self._entity_siblings(watchlist or ""),
                                             original)
        except Refused as exc:
            self._show_problems(self.entity_form, list(exc.problems), everything)
            self.entity_form.save.setEnabled(False)
            return None
        except UserError as exc:
            self.entity_form.error.setText(exc.message)
            self.entity_form.save.setEnabled(False)
            return None
        self.entity_form.error.setText("")
        self.entity_form.save.setEnabled(True)
        return entity

    def save_entity(self) -> bool:
        entity = self.validate_entity(everything=True)
        _kind, _parent, original = self.editing
        watchlist = self._entity_watchlist()
        if entity is None or watchlist is None:
            return False
        before = self.store.watchlists()
        editing.save_entity(self.store, watchlist, original, entity)
        changed = changed_entities(before, self.store.watchlists())
        self.dirty = False
        self._tree_current = (ENTITY, watchlist, entity.name)
        self.editing = self._tree_current
        self.refresh()
        self.select(ENTITY, watchlist, entity.name)
        self.status.emit(self.tr("Saved {}").format(entity.name))
        self.saved.emit()
        if changed:
            self._start_backfill(changed)
        return True

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
        if not self.confirm_leave():
            return
        self._loading = True
        self.editing = (SOURCE, None, None)
        self.source_form.load(Source(name="", kind="feed", url=""))
        self._loading = False
        self._begin(self.source_form)
        self.source_form.url.setFocus()
        self.validate_source()

    def _complete_address(self) -> None:
        url = self.source_form.url
        completed = complete_address(url.text())
        if completed != url.text().strip():
            url.setText(completed)

    def validate_source(self, *_args: object, everything: bool = False) -> Any:
        _kind, _parent, original = self.editing
        form = self.source_form
        entity_names = {e.name.casefold() for w in self.store.watchlists() for e in w.entities}
        try:
            source = editing.validate_source(form.data(), [s.name for s in self.store.sources()], original)
            if source.entity and source.entity.casefold() not in entity_names:
                raise UserError("Sources", f"source.entity: no entity named {source.entity!r}")
            unknown = [name for name in source.official_for if name.casefold() not in entity_names]
            if unknown:
                raise Refused("source.official_for", self.tr("no entity named {}").format(unknown[0]))
        except Refused as exc:
            self._show_problems(form, list(exc.problems), everything)
            form.save.setEnabled(False)
            return None
        except UserError as exc:
            form.error.setText(exc.message)
            form.save.setEnabled(False)
            return None
        form.error.setText("")
        form.save.setEnabled(True)
        return source

    def save_source(self) -> bool:
        self._complete_address()
        source = self.validate_source(everything=True)
        if source is None:
            return False
        editing.save_source(self.store, self.editing[2], source)
        self.dirty = False
        self._tree_current = (SOURCE, None, source.name)
        self.editing = self._tree_current
        self.refresh()
        self.select(SOURCE, None, source.name)
        self.status.emit(self.tr("Saved {}").format(source.name))
        self.saved.emit()
        return True

    def store_secret(self) -> None:
        """Hand the secret to the keyring on a pool thread: its password prompt may take a while."""
        form = self.source_form
        name, secret = form.credential.text().strip(), form.secret.text()

        def job() -> str | None:
            try:
                store_secret(name, secret)
            except UserError as exc:
                return exc.message
            return None

        form.save_secret.setEnabled(False)
        form.keyring_state.setText(str(KEYRING_WAITING))
        form._show_rows()
        task = _DiscoverTask(name, job)
        self._tasks.add(task)
        task.emitter.finished.connect(lambda problem: self._secret_stored(name, problem))
        self.pool.start(task)

    def _secret_stored(self, name: str, problem: object) -> None:
        form = self.source_form
        self._tasks.clear()
        form.save_secret.setEnabled(True)
        if problem:
            form.keyring_state.setText(str(problem))
            form.keyring_state.setStyleSheet(ERROR_STYLE)
        else:
            form.secret.clear()
            form.keyring_state.setStyleSheet("")
            form.keyring_state.setText(self.tr("Stored the secret {} in the keyring").format(name))
            self.status.emit(self.tr("Stored the secret {} in the keyring").format(name))
        form._show_rows()

    def preview(self) -> None:
        source = self.validate_source()
        if source is None:
            self.source_form.found.clear()
            return
        watchlists = self.store.watchlists()
        self._start_network(self.source_form.preview_list, self.tr("Fetching {}\u2026").format(source.name),
                            _DiscoverTask(source.url, lambda: preview_source(source, watchlists)), self._previewed)

    def _start_network(self, target: QListWidget, working: str, task: _DiscoverTask,
                       done: Callable[[Any], None]) -> None:
        """Say what is happening in `target` (found feeds or preview), and run `task` on the pool."""
        target.clear()
        target.addItem(working)
        self.source_form._show_rows()
        self._tasks.add(task)
        task.emitter.finished.connect(done)
        self.pool.start(task)

    def _previewed(self, result: tuple[list[Item], str | None]) -> None:
        items, problem = result
        self._tasks.clear()
        found = self.source_form.preview_list
        found.clear()
        if problem:
            found.addItem(self.tr("Nothing to show: {}").format(problem))
        for item in items[:50]:
            when = item.published.astimezone().strftime("%Y-%m-%d") if item.published else "\u2014"
            found.addItem(f"{when}  {item.title} \u2014 {item.url}")
        self.source_form._show_rows()

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
        self._complete_address()
        url = self.source_form.url.text().strip()
        self._start_network(self.source_form.found, self.tr("Looking for feeds on {}\u2026").format(url),
                            _DiscoverTask(url), self._discovered)

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
            found.setCurrentRow(0 if problem is None else 1)
            found.setFocus()
        self.source_form._show_rows()

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
        if not self.confirm_leave():
            return
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
        self._tree_current = self._selection()
        self._begin(self.placeholder)
        self.status.emit(self.tr("Deleted {} \u2014 Ctrl+Z undoes it").format(snapshot.label))
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
