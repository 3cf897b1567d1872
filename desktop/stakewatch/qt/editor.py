"""The watchlist editor: watchlists, entities and sources, validated as you type. GUI thread only.

The Test panel runs the entity being edited against the items already stored,
so aliases and exclusions are tuned on real data before saving. Deletions can
be undone. Feed discovery runs on a pool thread.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QHideEvent
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core import (
    KEYRING_WAITING,
    BackfillResult,
    DeletionSnapshot,
    FoundFeed,
    Refused,
    Service,
    complete_address,
    find_feeds,
    preview_source,
    short_date,
    try_entity,
)
from ..core.i18n import render
from ..core.model import Entity, Item, Source, UserError
from .editor_forms import ERROR_STYLE, EntityForm, SourceForm, WatchlistForm, field_of, in_words, lines_of
from .fit import wheel_scrolls_page
from .labels import entity_kind_text
from .workers import Home, Tasks, serving, write

TEST_ITEMS = 5_000
WATCHLIST, ENTITY, SOURCES, SOURCE = range(4)


def unsaved_box(parent: QWidget) -> QMessageBox:
    """Save, Discard or Cancel: the question asked before a form with unsaved changes is left."""
    box = QMessageBox(QMessageBox.Icon.Question, QCoreApplication.translate("EditorView", "Unsaved changes"),
                      QCoreApplication.translate("EditorView", "The form has changes that are not saved. Save them?"),
                      QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                      | QMessageBox.StandardButton.Cancel, parent)
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    box.button(QMessageBox.StandardButton.Discard).setText(QCoreApplication.translate("EditorView", "&Discard"))
    return box


class EditorView(QWidget):
    status = Signal(str)
    saved = Signal()

    def __init__(self, service: Service | Any, import_file: Callable[[], object] | None = None,
                 export_file: Callable[[], object] | None = None) -> None:
        super().__init__()
        self.service = service = serving(service)
        self.undo_stack: list[DeletionSnapshot] = []
        self.editing: tuple[int, str | None, str | None] = (-1, None, None)
        self.dirty = False
        self.touched: set[str] = set()
        self._loading = False
        self._tree_current: tuple[int, str | None, str | None] = (-1, None, None)
        self.tasks = Tasks(self, home=Home.of(service))
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
        self.scroller = scroller = QScrollArea()
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        scroller.setWidget(self.pages)
        wheel_scrolls_page(self.pages)
        buttons = QHBoxLayout()
        self.new_watchlist = QPushButton(self.tr("New watch&list"))
        self.new_entity = QPushButton(self.tr("New entit&y"))
        self.new_source = QPushButton(self.tr("&New source"))
        self.delete = QPushButton(self.tr("&Delete"))
        self.undo = QPushButton(self.tr("&Undo delete"))
        self.undo.setEnabled(False)
        for button in (self.new_watchlist, self.new_entity, self.new_source, self.delete, self.undo):
            buttons.addWidget(button)
        if import_file is not None and export_file is not None:
            importing, exporting = QPushButton(self.tr("&Import\u2026")), QPushButton(self.tr("E&xport\u2026"))
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
        watchlists = self.service.watchlists.all()
        for watchlist in watchlists:
            muted_mark = self.tr("muted")
            label = watchlist.name + (f"  ({muted_mark})" if watchlist.muted else "")
            node = QTreeWidgetItem([label])
            node.setData(0, Qt.ItemDataRole.UserRole, (WATCHLIST, watchlist.name, None))
            for entity in watchlist.entities:
                muted = f", {muted_mark}" if entity.muted else ""
                child = QTreeWidgetItem([f"{entity.label()}  ({entity_kind_text(entity.kind)}{muted})"])
                child.setData(0, Qt.ItemDataRole.UserRole, (ENTITY, watchlist.name, entity.name))
                if entity.label() != entity.name:
                    child.setToolTip(0, entity.name)
                node.addChild(child)
            self.tree.addTopLevelItem(node)
        sources = QTreeWidgetItem([self.tr("Sources")])
        sources.setData(0, Qt.ItemDataRole.UserRole, (SOURCES, None, None))
        for source in self.service.watchlists.sources():
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
        self.source_form.set_entities(list(dict.fromkeys(e.name for w in watchlists for e in w.entities)),
                                      {e.name: e.label() for w in watchlists for e in w.entities})
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
        """Show `page` with a clean slate, from its top: nothing changed, nothing touched."""
        self.pages.setCurrentWidget(page)
        self.scroller.verticalScrollBar().setValue(0)
        self.dirty = False
        self.touched = set()

    def ask_unsaved(self) -> QMessageBox.StandardButton:
        """Save, Discard or Cancel for a form with unsaved changes (a dialog; tests replace it)."""
        return QMessageBox.StandardButton(unsaved_box(self).exec())

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
                entity = next(e for w in self.service.watchlists.all() if w.name == parent for e in w.entities
                              if e.name == name)
                self.editing = (ENTITY, parent, name)
                self.entity_form.load(entity)
                self.entity_form.watchlist.setCurrentText(parent)
                self.entity_form.watchlist.setEnabled(False)
                self._begin(self.entity_form)
            elif kind == SOURCE and name:
                source = next(s for s in self.service.watchlists.sources() if s.name == name)
                self.editing = (SOURCE, None, name)
                self.source_form.load(source)
                self._begin(self.source_form)
            elif kind == WATCHLIST and parent:
                watchlist = next(w for w in self.service.watchlists.all() if w.name == parent)
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
        others = {w.name.casefold() for w in self.service.watchlists.all()
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
            name, muted = self.watchlist_form.name.text(), self.watchlist_form.muted.isChecked()
            watchlist = write(self.service, lambda service: service.watchlists.save_watchlist(original, name, muted))
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
        watchlist = self._current_watchlist() or next((w.name for w in self.service.watchlists.all()), None)
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
        return [e.name for w in self.service.watchlists.all() if w.name == watchlist for e in w.entities]

    def _entity_watchlist(self) -> str | None:
        kind, watchlist, original = self.editing
        if original is None and self.entity_form.watchlist.currentText():
            return self.entity_form.watchlist.currentText()
        return watchlist

    def validate_entity(self, *_args: object, everything: bool = False) -> Entity | None:
        _kind, _watchlist, original = self.editing
        watchlist = self._entity_watchlist()
        try:
            known = [e.name for w in self.service.watchlists.all() for e in w.entities]
            entity = self.service.watchlists.validate_entity(self.entity_form.data(),
                                                             self._entity_siblings(watchlist or ""), original, known)
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
        changed = write(self.service, lambda service: service.watchlists.save_entity(watchlist, original, entity))
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
        view = weakref.ref(self)  # the task must not keep a closed editor (and its timers) alive

        def done(result: object) -> None:
            editor = view()
            if editor is None:
                return
            editor.backfilled = str(result.message()) if isinstance(result, BackfillResult) else str(result)
            editor.status.emit(editor.backfilled)
            editor.saved.emit()

        self.tasks.serve(lambda service: service.watchlists.backfill(changed), done, done)

    def stored_items(self) -> list[tuple[Item, str]]:
        if self._items is None:
            self._items = self.service.watchlists.recent_items(TEST_ITEMS)
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
            entity = self.service.watchlists.parse_entity({**data, "name": data["name"]}, "entity")
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
        entity_names = {e.name.casefold() for w in self.service.watchlists.all() for e in w.entities}
        try:
            siblings = [s.name for s in self.service.watchlists.sources()]
            source = self.service.watchlists.validate_source(form.data(), siblings, original)
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
        original = self.editing[2]
        write(self.service, lambda service: service.watchlists.save_source(original, source))
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

        form.save_secret.setEnabled(False)
        form.keyring_state.setText(str(KEYRING_WAITING))
        form._show_rows()
        self.tasks.serve(lambda service: service.sources.save_secret(name, secret),
                         lambda _none: self._secret_stored(name, None),
                         lambda problem: self._secret_stored(name, problem))

    def _secret_stored(self, name: str, problem: object) -> None:
        form = self.source_form
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
        watchlists = self.service.watchlists.all()
        self._start_network(self.source_form.preview_list, self.tr("Fetching {}\u2026").format(source.name),
                            lambda service: preview_source(source, watchlists, service.sources.vault()),
                            self._previewed)

    def _start_network(self, target: QListWidget, working: str, job: Callable[[Service], Any],
                       done: Callable[[Any], None]) -> None:
        """Say what is happening in `target` (found feeds or preview), and run `job` on the pool."""
        target.clear()
        target.addItem(working)
        self.source_form._show_rows()
        self.tasks.serve(job, done, lambda problem: done(([], problem)))

    def _previewed(self, result: tuple[list[Item], str | None]) -> None:
        items, problem = result
        found = self.source_form.preview_list
        found.clear()
        if problem:
            found.addItem(self.tr("Nothing to show: {}").format(render(problem)))
        for item in items[:50]:
            when = short_date(item.published.astimezone()) if item.published else "\u2014"
            found.addItem(f"{when}  {item.title} \u2014 {item.url}")
        self.source_form._show_rows()

    def suggest_aliases(self) -> None:
        from .suggest_dialog import SuggestAliasesDialog

        form = self.entity_form
        name = form.name.text().strip()
        if not name:
            self.status.emit(self.tr("Type a name first"))
            return
        try:
            typed: Entity | None = self.service.watchlists.parse_entity(form.data(), "entity")
        except UserError:
            typed = None
        dialog = SuggestAliasesDialog(name, self.service.watchlists.recent_texts(), lines_of(form.aliases), self,
                                      typed)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.chosen():
            form.aliases.setPlainText("\n".join(lines_of(form.aliases) + dialog.chosen()))

    def find_feeds(self) -> None:
        self._complete_address()
        url = self.source_form.url.text().strip()
        self._start_network(self.source_form.found, self.tr("Looking for feeds on {}\u2026").format(url),
                            lambda _service: find_feeds(url), self._discovered)

    def _discovered(self, result: tuple[list[FoundFeed], str | None]) -> None:
        feeds, problem = result
        found = self.source_form.found
        found.clear()
        if problem:
            found.addItem(self.tr("No feed found: {}").format(render(problem)))
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
                self.source_form.set_kind("page")
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
            watchlist = write(self.service, lambda service: service.watchlists.add_watchlist(name))
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
                snapshot = write(self.service, lambda service: service.watchlists.delete_entity(parent, name))
            elif kind == WATCHLIST and parent:
                snapshot = write(self.service, lambda service: service.watchlists.delete_watchlist(parent))
            elif kind == SOURCE and name:
                snapshot = write(self.service, lambda service: service.watchlists.delete_source(name))
            else:
                return
        except UserError as exc:
            self.status.emit(exc.message)
            return
        self.undo_stack.append(snapshot)
        self.undo.setEnabled(True)
        self._name_undo()
        self.refresh()
        self._tree_current = self._selection()
        self._begin(self.placeholder)
        self.status.emit(self.tr("Deleted {} \u2014 Ctrl+Z undoes it").format(snapshot.label))
        self.saved.emit()

    def _name_undo(self) -> None:
        """The undo button names what it brings back, keeps its Alt+U, and shows a name's "&" as written."""
        self.undo.setText(self.tr("&Undo delete of {}").format(self.undo_stack[-1].label.replace("&", "&&"))
                          if self.undo_stack else self.tr("&Undo delete"))

    def undo_delete(self) -> None:
        if not self.undo_stack:
            return
        snapshot = self.undo_stack.pop()
        write(self.service, lambda service: service.watchlists.restore(snapshot))
        self.undo.setEnabled(bool(self.undo_stack))
        self._name_undo()
        self.refresh()
        self.status.emit(self.tr("Restored {}").format(snapshot.label))
        self.saved.emit()
