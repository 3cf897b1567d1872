"""The editor's three forms (watchlist, entity, source) and how they say what is wrong. GUI thread only."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core import AUTH_KINDS, MAX_INTERVAL, SEARCH_PRESETS, SOURCE_KINDS, FoundFeed, Refused, complete_address
from ..core.i18n import render
from ..core.model import ENTITY_KINDS, Entity, Office, Source, Watchlist, needs_context_by_default, span_json
from ..core.states import source_kind_label
from .labels import entity_kind_text

ERROR_STYLE = "color: #b00020"


def save_button(text: str) -> QPushButton:
    """A form's Save button: Ctrl+S presses it while its form is the one shown."""
    button = QPushButton(text)
    button.setShortcut(QKeySequence(QKeySequence.StandardKey.Save))
    button.setToolTip(button.shortcut().toString(QKeySequence.SequenceFormat.NativeText))
    return button


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
    "names": QT_TRANSLATE_NOOP("EditorView", "Names"), "offices": QT_TRANSLATE_NOOP("EditorView", "Offices"),
    "related": QT_TRANSLATE_NOOP("EditorView", "Related"),
}
NAME_LANGUAGES = ("ja", "en", "ko", "zh")
OFFICE_COLUMNS = (QT_TRANSLATE_NOOP("EntityForm", "Japanese titles"), QT_TRANSLATE_NOOP("EntityForm", "English titles"),
                  QT_TRANSLATE_NOOP("EntityForm", "Korean titles"), QT_TRANSLATE_NOOP("EntityForm", "Chinese titles"),
                  QT_TRANSLATE_NOOP("EntityForm", "From"), QT_TRANSLATE_NOOP("EntityForm", "Until"))
TITLE_SEPARATOR = "; "
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


def lines_of(edit: QPlainTextEdit) -> list[str]:
    """The non-empty lines of a text box, stripped."""
    return [line.strip() for line in edit.toPlainText().splitlines() if line.strip()]


class EntityForm(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.watchlist = QComboBox()
        self.name = QLineEdit()
        self.kind = QComboBox()
        for kind in ENTITY_KINDS:
            self.kind.addItem(entity_kind_text(kind), kind)
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
        self.names = QTableWidget(0, 2)
        self.names.setHorizontalHeaderLabels([self.tr("Language"), self.tr("Name in it")])
        self.names.setToolTip(self.tr("The name as readers of each language know it (ja 平将明): shown to them, "
                                      "and matched like an alias"))
        self.offices = QTableWidget(0, len(OFFICE_COLUMNS))
        self.offices.setHorizontalHeaderLabels([self.tr(str(column)) for column in OFFICE_COLUMNS])
        self.offices.setToolTip(self.tr("Titles separated by semicolons; dates as YYYY-MM-DD, Until being the day "
                                        "the office passed on. During a tenure each title names this entity "
                                        "when a context word or a related entity is there too."))
        for table in (self.names, self.offices):
            table.verticalHeader().setVisible(False)
            table.setMaximumHeight(130)
            table.setTabKeyNavigation(False)
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.add_office = QPushButton(self.tr("Add &office"))
        self.remove_office = QPushButton(self.tr("&Remove office"))
        self.add_office.clicked.connect(lambda: self.offices.insertRow(self.offices.rowCount()))
        self.remove_office.clicked.connect(lambda: self.offices.removeRow(self.offices.currentRow())
                                           if self.offices.currentRow() >= 0 else None)
        office_buttons = QHBoxLayout()
        office_buttons.addWidget(self.add_office)
        office_buttons.addWidget(self.remove_office)
        office_buttons.addStretch(1)
        offices_box = QWidget()
        offices_layout = QVBoxLayout(offices_box)
        offices_layout.setContentsMargins(0, 0, 0, 0)
        offices_layout.addWidget(self.offices)
        offices_layout.addLayout(office_buttons)
        self.related = QLineEdit()
        self.related.setPlaceholderText(self.tr("Entities whose mention counts as context, comma-separated"))
        self._dated: tuple[tuple[str, Any, Any], ...] = ()
        self._set_names(())
        self.priority = QCheckBox(self.tr("Priority: notify even in &quiet hours"))
        self.muted = QCheckBox(self.tr("Muted: &keep alerts, no notifications"))
        self.error = error_label()
        self.save = save_button(self.tr("Save entity"))
        self.test_summary = QLabel()
        self.test = QTableWidget(0, 3)
        self.test.setHorizontalHeaderLabels([self.tr("Stored item that would match"), self.tr("Source"),
                                             self.tr("Matched words")])
        self.test.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.test.verticalHeader().setVisible(False)
        self.test.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        form = QFormLayout()
        # mnemonics: the menu bar, the tabs and the editor's buttons hold F E V T P A H W C L Y N D U I X,
        # this form's buttons O R G Q K; what is left goes to the labels most used
        form.addRow(self.tr("Watchlist"), self.watchlist)
        form.addRow(self.tr("Na&me"), self.name)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Alia&ses"), self.aliases)
        form.addRow(self.tr("Context"), self.context)
        form.addRow(self.tr("Needs context"), self.needs_context)
        form.addRow(self.tr("Exclude"), self.exclude)
        form.addRow(self.tr("Veto"), self.veto)
        form.addRow(self.tr("Names &by language"), self.names)
        form.addRow(self.tr("Offices"), offices_box)
        form.addRow(self.tr("Related"), self.related)
        for edit in (self.aliases, self.context, self.exclude, self.veto):
            edit.setTabChangesFocus(True)
        form.addRow("", self.priority)
        form.addRow("", self.muted)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.save)
        layout.addWidget(QLabel(self.tr("Test against stored items")))
        self.suggest = QPushButton(self.tr("Su&ggest aliases…"))
        layout.addWidget(self.suggest)
        layout.addWidget(self.test_summary)
        layout.addWidget(self.test, 1)

    def _alias_texts(self) -> list[str]:
        return [text for text in dict.fromkeys([self.name.text().strip(), *lines_of(self.aliases)]) if text]

    def _list_aliases(self) -> None:
        """One tickable row per alias (the name first): ticked when it needs a context word."""
        has_context = bool(lines_of(self.context))
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
        has_context = bool(lines_of(self.context)) or bool(self.related.text().strip())
        chosen = {text: needs for text, needs in self._chosen.items() if has_context or not needs}
        name = self.name.text()

        def alias(text: str) -> list[Any]:
            choice = {"needs_context": chosen[text]} if text in chosen else {}
            spans = [span_json(since, until) for dated, since, until in self._dated if dated == text]
            if spans:
                return [{"text": text, **choice, **span} for span in spans]
            return [{"text": text, **choice}] if choice else [text]

        aliases: list[Any] = alias(name.strip()) if name.strip() in chosen or \
            any(text == name.strip() for text, _s, _u in self._dated) else []
        for text in lines_of(self.aliases):
            aliases += alias(text)
        data: dict[str, Any] = {
            "name": name, "kind": self.kind.currentData(), "aliases": aliases,
            "context": lines_of(self.context), "exclude": lines_of(self.exclude), "veto": lines_of(self.veto),
            "priority": self.priority.isChecked(), "muted": self.muted.isChecked()}
        names = self._names_data()
        offices = self._offices_data()
        related = [part.strip() for part in self.related.text().split(",") if part.strip()]
        data.update({key: value for key, value in (("names", names), ("offices", offices), ("related", related))
                     if value})
        return data

    def _cell(self, table: QTableWidget, row: int, column: int) -> str:
        item = table.item(row, column)
        return item.text().strip() if item is not None else ""

    def _names_data(self) -> dict[str, str]:
        return {code: text for row in range(self.names.rowCount())
                if (code := self._cell(self.names, row, 0)) and (text := self._cell(self.names, row, 1))}

    def _offices_data(self) -> list[dict[str, Any]]:
        offices: list[dict[str, Any]] = []
        for row in range(self.offices.rowCount()):
            first = self.offices.item(row, 0)
            titles: dict[str, Any] = dict(first.data(Qt.ItemDataRole.UserRole) or {}) if first is not None else {}
            for column, code in enumerate(NAME_LANGUAGES):
                listed = [t.strip() for t in self._cell(self.offices, row, column).split(TITLE_SEPARATOR.strip())
                          if t.strip()]
                titles.pop(code, None)
                if listed:
                    titles[code] = listed if len(listed) > 1 else listed[0]
            since, until = self._cell(self.offices, row, 4), self._cell(self.offices, row, 5)
            if titles or since or until:
                offices.append({"titles": titles, **({"from": since} if since else {}),
                                **({"until": until} if until else {})})
        return offices

    def _set_names(self, names: tuple[tuple[str, str], ...]) -> None:
        known = dict(names)
        codes = list(dict.fromkeys([*NAME_LANGUAGES, *known]))
        self.names.setRowCount(len(codes))
        for row, code in enumerate(codes):
            self.names.setItem(row, 0, QTableWidgetItem(code))
            self.names.setItem(row, 1, QTableWidgetItem(known.get(code, "")))

    def _set_offices(self, offices: tuple[Office, ...]) -> None:
        self.offices.setRowCount(len(offices))
        for row, office in enumerate(offices):
            for column, code in enumerate(NAME_LANGUAGES):
                cell = QTableWidgetItem(TITLE_SEPARATOR.join(dict(office.titles).get(code, ())))
                if column == 0:  # titles in other languages, kept as they are
                    cell.setData(Qt.ItemDataRole.UserRole, {c: list(t) for c, t in office.titles
                                                           if c not in NAME_LANGUAGES})
                self.offices.setItem(row, column, cell)
            span = span_json(office.since, office.until)
            self.offices.setItem(row, 4, QTableWidgetItem(span.get("from", "")))
            self.offices.setItem(row, 5, QTableWidgetItem(span.get("until", "")))

    def load(self, entity: Entity) -> None:
        self._chosen = dict(entity.alias_context)
        self._dated = entity.alias_dates
        self._set_names(entity.names)
        self._set_offices(entity.offices)
        self.related.setText(", ".join(entity.related))
        self.name.setText(entity.name)
        self.kind.setCurrentIndex(max(0, self.kind.findData(entity.kind)))
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
                self.watchlist.currentIndexChanged, self.names.itemChanged, self.offices.itemChanged,
                self.offices.model().rowsRemoved, self.related.textChanged]

    def field_signals(self) -> list[tuple[str, Any]]:
        return [("name", self.name.textChanged), ("kind", self.kind.currentIndexChanged),
                ("aliases", self.aliases.textChanged), ("context", self.context.textChanged),
                ("exclude", self.exclude.textChanged), ("veto", self.veto.textChanged),
                ("names", self.names.itemChanged), ("offices", self.offices.itemChanged),
                ("related", self.related.textChanged)]


class SourceForm(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.name = QLineEdit()
        self.kind = QComboBox()
        for kind in SOURCE_KINDS:
            self.kind.addItem(render(source_kind_label(kind)), kind)
        self.url = QLineEdit()
        self.url.setPlaceholderText(self.tr("A feed address, or any web page: Find feeds looks for its feeds"))
        self.interval = QSpinBox()
        self.interval.setRange(0, MAX_INTERVAL)
        self.interval.setSuffix(self.tr(" min"))
        self.interval.setSpecialValueText(self.tr("its own rhythm"))
        self.enabled = QCheckBox(self.tr("Ena&bled"))
        self.owner = QLineEdit()
        self.owner.setPlaceholderText(self.tr("The entity whose own blog or account this is: "
                                              "every item is its statement"))
        self._extra: dict[str, Any] = {}
        self.official_for = QListWidget()
        self.official_for.setToolTip(self.tr("Tick the entities whose own statements this source carries"))
        self.official_for.setMaximumHeight(96)
        self.find_button = QPushButton(self.tr("Find feeds &on this page"))
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
        self.preview_button = QPushButton(self.tr("Preview what this source &gives"))
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
        self.save_secret = QPushButton(self.tr("Save to &keyring"))
        self.keyring_state = QLabel()
        self.keyring_state.setWordWrap(True)
        self.keyring_state.setTextFormat(Qt.TextFormat.PlainText)
        self.error = error_label()
        self.save = save_button(self.tr("Save source"))
        address = QHBoxLayout()
        address.addWidget(self.url, 1)
        address.addWidget(self.find_button)
        secret_row = QHBoxLayout()
        secret_row.addWidget(self.secret, 1)
        secret_row.addWidget(self.save_secret)
        self.form = QFormLayout()
        self.form.addRow(self.tr("Na&me"), self.name)
        self.form.addRow(self.tr("Kind"), self.kind)
        address_label = QLabel(self.tr("Add&ress"))
        address_label.setBuddy(self.url)
        self.form.addRow(address_label, address)
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
        self.form.addRow(self.tr("Official for"), self.official_for)
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
        self.kind.currentIndexChanged.connect(self._show_rows)
        self.auth.currentTextChanged.connect(self._show_rows)
        self.credential.textChanged.connect(self._show_rows)
        self._show_rows()

    def _row(self, widget: QWidget, visible: bool) -> None:
        self.form.setRowVisible(widget, visible)

    def kind_key(self) -> str:
        """The chosen kind as files name it (feed, page, search, diet)."""
        return str(self.kind.currentData())

    def set_kind(self, kind: str) -> None:
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))

    def _show_rows(self, *_args: object) -> None:
        kind = self.kind_key()
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
        kind = self.kind_key()
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

    def set_entities(self, names: list[str], labels: dict[str, str] | None = None) -> None:
        """Offer these entities for "Official for", keeping what is ticked; each is shown by its name in
        the reader's language (`labels`, from Entity.label) and kept by its name."""
        ticked = set(self.official())
        self.official_for.blockSignals(True)
        self.official_for.clear()
        for name in list(dict.fromkeys(names + sorted(ticked - set(names)))):
            self._add_official(name, (labels or {}).get(name, name), name in ticked)
        self.official_for.blockSignals(False)

    def _add_official(self, name: str, label: str, ticked: bool) -> None:
        item = QListWidgetItem(label)
        item.setData(Qt.ItemDataRole.UserRole, name)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        self.official_for.addItem(item)

    def _official_name(self, row: int) -> str:
        item = self.official_for.item(row)
        return str(item.data(Qt.ItemDataRole.UserRole) or item.text())

    def official(self) -> list[str]:
        return [self._official_name(i) for i in range(self.official_for.count())
                if self.official_for.item(i).checkState() == Qt.CheckState.Checked]

    def set_official(self, names: tuple[str, ...] | list[str]) -> None:
        present = {self._official_name(i) for i in range(self.official_for.count())}
        for name in names:
            if name not in present:
                self._add_official(name, name, False)
        for i in range(self.official_for.count()):
            self.official_for.item(i).setCheckState(
                Qt.CheckState.Checked if self._official_name(i) in names else Qt.CheckState.Unchecked)

    def data(self) -> dict[str, Any]:
        official = self.official()
        data: dict[str, Any] = {**{k: v for k, v in self._extra.items() if k != "entity"},
                                "name": self.name.text(), "kind": self.kind_key(),
                                "url": complete_address(self.url.text()),
                                "interval_minutes": self.interval.value() or None,
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
        self.set_kind(source.kind)
        self.url.setText(source.url)
        self.interval.setValue(source.interval_minutes or 0)
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
        self.muted = QCheckBox(self.tr("Muted: &keep its alerts, no notifications"))
        self.error = error_label()
        self.save = save_button(self.tr("Save watchlist"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Na&me"), self.name)
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
