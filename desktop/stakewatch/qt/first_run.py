"""The first-run choice: the example watchlist, an empty start, or a file of one's own. GUI thread only."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from ..core import Service
from ..core.model import UserError
from .fit import ProblemList, fit, fit_on_show, split_message
from .workers import serving, write


class FirstRunDialog(QDialog):
    """Asks once, on a fresh data folder, how to start. `choice` says what was done."""

    def __init__(self, service: Service | Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service = serving(service)
        self.choice = ""
        self.setWindowTitle(self.tr("Welcome to Stakewatch"))
        intro = QLabel(self.tr(
            "Stakewatch follows watchlists of officials, companies and AI products and tells you when "
            "one of them says something. How would you like to start?"))
        intro.setWordWrap(True)
        self.example = QPushButton(self.tr("&Example watchlist: Japan AI && IP (ministers, OpenAI, Sora 2)"))
        self.empty = QPushButton(self.tr("&Start empty: I will add my own"))
        self.importing = QPushButton(self.tr("&Import a watchlist file (JSON or OPML)\u2026"))
        self.error = QLabel()
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        self.error.hide()
        self.problems = ProblemList()
        self.example.setDefault(True)
        self.example.clicked.connect(lambda: self.choose("example"))
        self.empty.clicked.connect(lambda: self.choose("empty"))
        self.importing.clicked.connect(lambda: self.choose("import"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        for button in (self.example, self.empty, self.importing):
            layout.addWidget(button)
        layout.addWidget(self.error)
        layout.addWidget(self.problems, 1)
        self.setMinimumWidth(560)
        fit_on_show(self)

    def choose(self, choice: str, path: str | None = None) -> bool:
        """Do what `choice` says; True (and the dialog closes) unless an import was refused or cancelled."""
        try:
            if choice == "example":
                write(self.service, lambda service: service.first_run.load_example())
            elif choice == "empty":
                write(self.service, lambda service: service.first_run.start_empty())
            else:
                if path is None:
                    path, _filter = QFileDialog.getOpenFileName(
                        self, self.tr("Import watchlists"), str(Path.home()),
                        self.tr("Watchlists (*.json *.opml *.xml);;All files (*)"))
                if not path:
                    return False
                write(self.service, lambda service: service.first_run.start_from_file(Path(path)))
        except UserError as exc:
            self.show_problem(exc.message)
            return False
        self.choice = choice
        self.accept()
        return True


    def show_problem(self, message: str) -> None:
        """Why the choice failed: the first line, then each problem of a refused file on a line of its own."""
        headline, problems = split_message(message)
        self.error.setText(headline)
        self.error.setVisible(bool(headline))
        self.problems.set_problems(problems)
        if self.isVisible():
            layout = self.layout()
            assert layout is not None
            layout.activate()
            wanted = (layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth()
                      else self.sizeHint().height())
            self.resize(self.width(), max(wanted, self.minimumSizeHint().height()))  # shrinks back too
            fit(self, grow=True)


def ask_first_run(service: Service) -> str:
    """Show the choice if the data folder is fresh; what was chosen, or '' if nothing was asked or chosen."""
    if not service.first_run.needs_choice():
        return ""
    dialog = FirstRunDialog(service)
    dialog.exec()
    return dialog.choice
