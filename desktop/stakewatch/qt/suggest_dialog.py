"""The "Suggest aliases" dialog: other spellings of a name with how many stored items each matches.

GUI thread. The stored texts are read by the caller (on the thread of its Store); the suggestions
and their counts are worked out on a pool thread, and the user ticks the ones to keep.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence

from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from ..core import Candidate, suggest_with_counts
from ..core.model import Entity
from .fit import fit_on_show
from .workers import Tasks

_TASKS: list[Tasks] = []


def suggestion_tasks() -> Tasks:
    """The suggestions' tasks, on Qt's global pool (quitting waits for it): each count is kept until it
    reports, whatever became of its dialog."""
    if not _TASKS:
        _TASKS.append(Tasks(None, pool=QThreadPool.globalInstance()))
    return _TASKS[0]


class SuggestAliasesDialog(QDialog):
    """Lists candidates for `name`; `chosen()` gives the ticked ones once accepted."""

    def __init__(self, name: str, texts: Sequence[str], existing: Sequence[str] = (),
                 parent: QWidget | None = None, entity: Entity | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Suggest aliases for {}").format(name))
        self.existing = {a.casefold() for a in existing} | {name.casefold()}
        self.summary = QLabel(self.tr("Looking up readings and counting stored items\u2026"))
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("Spelling"), self.tr("Kind"), self.tr("Stored items"),
                                              self.tr("Needs context")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Add ticked aliases"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        note = QLabel(self.tr("Readings from JMnedict (EDRDG, CC BY-SA 4.0). Keep the spellings that match "
                              "real items; a bare surname needs context terms."))
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        self.resize(620, 520)
        fit_on_show(self)
        self.candidates: list[Candidate] = []
        chosen = list(texts)
        self.task = suggestion_tasks().run(lambda: suggest_with_counts(name, chosen, entity), self.show_candidates)

    def done(self, result: int) -> None:
        """Closed (accepted or not): the counting still running reports to no one."""
        with contextlib.suppress(RuntimeError, TypeError):
            self.task.emitter.finished.disconnect(self.show_candidates)
        super().done(result)

    def show_candidates(self, candidates: list[Candidate]) -> None:
        if not isValid(self) or not isValid(self.table):
            return
        fresh = [c for c in candidates if c.text.casefold() not in self.existing]
        # spellings found in stored items first, each group in the order of likelihood
        self.candidates = sorted(fresh, key=lambda c: not c.matches)
        self.table.setRowCount(len(self.candidates))
        for row, candidate in enumerate(self.candidates):
            spelling = QTableWidgetItem(candidate.text)
            spelling.setFlags(spelling.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            real = bool(candidate.matches) and not candidate.needs_context
            spelling.setCheckState(Qt.CheckState.Checked if real else Qt.CheckState.Unchecked)
            count = QTableWidgetItem(str(candidate.matches or 0))
            count.setData(Qt.ItemDataRole.DisplayRole, candidate.matches or 0)
            self.table.setItem(row, 0, spelling)
            self.table.setItem(row, 1, QTableWidgetItem(candidate.kind_label))
            self.table.setItem(row, 2, count)
            self.table.setItem(row, 3, QTableWidgetItem(self.tr("yes") if candidate.needs_context else ""))
        found = sum(1 for c in self.candidates if c.matches)
        self.summary.setText(self.tr("{0} spellings, {1} of them found in stored items").format(
            len(self.candidates), found) if self.candidates else self.tr("No other spellings known for this name."))

    def chosen(self) -> list[str]:
        items = [self.table.item(row, 0) for row in range(self.table.rowCount())]
        return [item.text() for item in items if item is not None and item.checkState() == Qt.CheckState.Checked]
