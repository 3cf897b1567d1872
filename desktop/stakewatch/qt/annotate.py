"""Note, tags and flag on the selected alerts, as actions with keyboard shortcuts. GUI thread only.

The actions act on whatever `selected()` returns (alert ids) through the window's
own Store connection; the core refuses bad input with a UserError, shown in
words, and nothing changes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from ..core import store_annotations as notes
from ..core.model import UserError
from ..core.store import Store


class Annotations(QObject):
    """Three actions (Note…, Tags…, Flag for briefing) over a selection of alerts."""

    changed = Signal()

    def __init__(self, store: Store, selected: Callable[[], list[int]], parent: QWidget) -> None:
        super().__init__(parent)
        self.store = store
        self.selected = selected
        self.window = parent
        self.note_action = QAction(self.tr("&Note…"), parent)
        self.note_action.setShortcut(QKeySequence("N"))
        self.note_action.triggered.connect(lambda _checked=False: self.edit_note())
        self.tags_action = QAction(self.tr("&Tags…"), parent)
        self.tags_action.setShortcut(QKeySequence("T"))
        self.tags_action.triggered.connect(lambda _checked=False: self.edit_tags())
        self.flag_action = QAction(self.tr("&Flag for briefing"), parent)
        self.flag_action.setShortcut(QKeySequence("F"))
        self.flag_action.setCheckable(True)
        self.flag_action.triggered.connect(lambda checked=False: self.set_flag(bool(checked)))
        for action in self.actions():
            parent.addAction(action)
        self._keys = {Qt.Key.Key_N: self.note_action, Qt.Key.Key_T: self.tags_action,
                      Qt.Key.Key_F: self.flag_action}

    def watch(self, view: QWidget) -> None:
        """Let N, T and F reach the actions in an item view, which would take them for keyboard search."""
        view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) and isinstance(event, QKeyEvent) \
                and event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier):
            action = self._keys.get(Qt.Key(event.key()))
            if action is not None and action.isEnabled():
                if event.type() == QEvent.Type.KeyPress:
                    action.trigger()
                event.accept()
                return True
        return False

    def actions(self) -> list[QAction]:
        return [self.note_action, self.tags_action, self.flag_action]

    def sync(self) -> None:
        """Enable the actions for a selection and show whether it is flagged."""
        ids = self.selected()
        for action in self.actions():
            action.setEnabled(bool(ids))
        alerts = self.store.alerts(ids=ids) if ids else []
        self.flag_action.setChecked(bool(alerts) and all(a.flagged for a in alerts))

    def _apply(self, change: Callable[[list[int]], object]) -> bool:
        ids = self.selected()
        if not ids:
            return False
        try:
            change(ids)
        except UserError as exc:
            QMessageBox.warning(self.window, exc.title, exc.message)
            return False
        self.changed.emit()
        return True

    def edit_note(self) -> None:
        ids = self.selected()
        if not ids:
            return
        current = self.store.alerts(ids=ids[:1])
        text, ok = QInputDialog.getMultiLineText(
            self.window, self.tr("Note"),
            self.tr("Note (an empty note is removed):"),
            current[0].note if current else "")
        if ok:
            self._apply(lambda chosen: notes.set_note(self.store, chosen, text))

    def edit_tags(self) -> None:
        ids = self.selected()
        if not ids:
            return
        alerts = self.store.alerts(ids=ids)
        shared = sorted(set.intersection(*(set(a.tags) for a in alerts))) if alerts else []
        text, ok = QInputDialog.getText(
            self.window, self.tr("Tags"), self.tr("Tags, separated by commas:"),
            QLineEdit.EchoMode.Normal, ", ".join(shared))
        if not ok:
            return
        wanted = [t.strip() for t in text.split(",") if t.strip()]

        def change(chosen: list[int]) -> None:
            kept = notes.clean_tags(wanted) if wanted else []
            gone = [t for t in shared if t not in kept]
            if gone:
                notes.remove_tags(self.store, chosen, gone)
            if kept:
                notes.add_tags(self.store, chosen, kept)

        self._apply(change)

    def set_flag(self, flagged: bool) -> None:
        self._apply(lambda chosen: notes.set_flag(self.store, chosen, flagged))
