"""Note, tags and flag on the selected alerts, as actions with keyboard shortcuts. GUI thread only.

The actions act on whatever `selected()` returns (alert ids) through the window's
own Store connection; the core refuses bad input with a UserError, shown in
words, and nothing changes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ..core import Service
from ..core.model import UserError
from .fit import fit_on_show
from .workers import serving, write


class Annotations(QObject):
    """Three actions (Note…, Tags…, Flag for briefing) over a selection of alerts."""

    changed = Signal()
    said = Signal(str)
    """What was done, in words, for the status bar."""

    def __init__(self, service: Service | Any, selected: Callable[[], list[int]], parent: QWidget) -> None:
        super().__init__(parent)
        self.service = service = serving(service)
        self.selected = selected
        self.window = parent
        self.note_action = QAction(self.tr("&Note…"), parent)
        self.note_action.setIconText(self.note_action.text())  # the tool button keeps the mnemonic
        self.note_action.setShortcut(QKeySequence("N"))
        self.note_action.triggered.connect(lambda _checked=False: self.edit_note())
        self.tags_action = QAction(self.tr("Tag&s…"), parent)
        self.tags_action.setIconText(self.tags_action.text())
        self.tags_action.setShortcut(QKeySequence("T"))
        self.tags_action.triggered.connect(lambda _checked=False: self.edit_tags())
        self.flag_action = QAction(self.tr("Flag for &briefing"), parent)
        self.flag_action.setIconText(self.flag_action.text())
        self.flag_action.setShortcut(QKeySequence("F"))
        self.flagged = False  # every chosen alert is flagged: the action then removes the flag, and says so
        self.flag_action.triggered.connect(lambda _checked=False: self.set_flag(not self.flagged))
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
        alerts = self.service.inbox.alerts(ids=ids) if ids else []
        self.flagged = bool(alerts) and all(a.flagged for a in alerts)
        self.flag_action.setText(self.tr("Remove the &briefing flag") if self.flagged
                                 else self.tr("Flag for &briefing"))
        self.flag_action.setIconText(self.flag_action.text())

    def _apply(self, change: Callable[[Service, list[int]], object], ids: list[int], said: str) -> bool:
        """Change the alerts chosen when the action began (a poll may have moved the selection since)."""
        if not ids:
            return False
        try:
            write(self.service, lambda service: change(service, ids))
        except UserError as exc:
            QMessageBox.warning(self.window, exc.title, exc.message)
            return False
        self.changed.emit()
        self.said.emit(said)
        return True

    def edit_note(self) -> None:
        ids = self.selected()
        if not ids:
            return
        current = self.service.inbox.alerts(ids=ids[:1])
        dialog = NoteDialog(current[0].note if current else "", self.window)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            text = dialog.text()
            said = (self.tr("Note saved on %n alert(s)", "", len(ids)) if text.strip()
                    else self.tr("Note removed from %n alert(s)", "", len(ids)))
            self._apply(lambda service, chosen: service.notes.set_note(chosen, text), ids, said)

    def edit_tags(self) -> None:
        ids = self.selected()
        if not ids:
            return
        alerts = self.service.inbox.alerts(ids=ids)
        shared = sorted(set.intersection(*(set(a.tags) for a in alerts))) if alerts else []
        dialog = tags_dialog(self.window, shared)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        wanted = [t.strip() for t in dialog.textValue().split(",") if t.strip()]

        def change(service: Service, chosen: list[int]) -> None:
            kept = service.notes.clean_tags(wanted) if wanted else []
            gone = [t for t in shared if t not in kept]
            if gone:
                service.notes.remove_tags(chosen, gone)
            if kept:
                service.notes.add_tags(chosen, kept)

        self._apply(change, ids, self.tr("Tags saved on %n alert(s)", "", len(ids)))

    def set_flag(self, flagged: bool) -> None:
        ids = self.selected()
        said = (self.tr("Flagged %n alert(s) for the briefing", "", len(ids)) if flagged
                else self.tr("Flag removed from %n alert(s)", "", len(ids)))
        self._apply(lambda service, chosen: service.notes.set_flag(chosen, flagged), ids, said)


def tags_dialog(parent: QWidget, shared: list[str]) -> QInputDialog:
    """The tags of the chosen alerts, comma-separated, to edit."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(QCoreApplication.translate("Annotations", "Tags"))
    dialog.setLabelText(QCoreApplication.translate("Annotations", "Tags, separated by commas:"))
    dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
    dialog.setTextValue(", ".join(shared))
    fit_on_show(dialog)
    return dialog


class NoteDialog(QDialog):
    """A note's text: lines wrap, Tab moves on, Ctrl+Enter saves."""

    def __init__(self, text: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Note"))
        self.edit = QPlainTextEdit(text)
        self.edit.setTabChangesFocus(True)
        self.edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.edit.setMinimumSize(420, 160)
        label = QLabel(self.tr("&Note (an empty note is removed; Ctrl+Enter saves):"))
        label.setBuddy(self.edit)
        self.buttons = buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save |
                                                  QDialogButtonBox.StandardButton.Cancel)
        # in a text box Enter makes a new line, so the buttons carry keys of their own
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("&Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self).activated.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.edit)
        layout.addWidget(buttons)
        self.edit.setFocus()
        fit_on_show(self)

    def text(self) -> str:
        return self.edit.toPlainText()
