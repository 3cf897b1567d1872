"""Errors a user can see: uncaught exceptions open a dialog with the report and "Copy diagnostics".

`install_excepthooks` replaces sys.excepthook and threading.excepthook; each
exception is logged with its traceback, and the dialog is shown on the GUI
thread (an exception on another thread crosses over through a queued signal).
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from .fit import fit_on_show

log = logging.getLogger("stakewatch.errors")


class ErrorDialog(QDialog):
    """The report of one unexpected error, with a button that copies it and the diagnostics."""

    def __init__(self, report: str, diagnostics: Callable[[], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report = report
        self._diagnostics = diagnostics
        self.setWindowTitle(self.tr("Stakewatch ran into a problem"))
        self.intro = QLabel(self.tr("Something went wrong that Stakewatch did not expect. Your data is safe; "
                                    "the error has been written to the log. Copy the diagnostics below to "
                                    "report it."))
        self.intro.setWordWrap(True)
        self.details = QPlainTextEdit(report)
        self.details.setReadOnly(True)
        self.copy_button = QPushButton(self.tr("Copy &diagnostics"))
        self.copy_button.clicked.connect(self.copy)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self._setup_ui()

    def _setup_ui(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.details, 1)
        layout.addWidget(self.buttons)
        self.resize(640, 420)
        fit_on_show(self)

    def copy(self) -> None:
        try:
            extra = self._diagnostics()
        except Exception:
            log.exception("diagnostics could not be gathered")
            extra = ""
        QGuiApplication.clipboard().setText(self.report + ("\n\n" + extra if extra else ""))
        self.copy_button.setText(self.tr("Copied"))


class ErrorReporter(QObject):
    """Receives uncaught exceptions from any thread; shows them on the GUI thread."""

    raised = Signal(str)

    def __init__(self, diagnostics: Callable[[], str]) -> None:
        super().__init__()
        self.diagnostics = diagnostics
        self.dialogs: list[ErrorDialog] = []
        self.raised.connect(self.show, Qt.ConnectionType.QueuedConnection)

    def report(self, kind: type[BaseException], value: BaseException, tb: TracebackType | None,
               where: str = "") -> None:
        text = "".join(traceback.format_exception(kind, value, tb))
        log.error("uncaught exception%s\n%s", f" in {where}" if where else "", text)
        self.raised.emit(text)

    def show(self, text: str) -> None:
        dialog = ErrorDialog(text, self.diagnostics)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda *_: self.dialogs.remove(dialog) if dialog in self.dialogs else None)
        self.dialogs.append(dialog)
        dialog.show()


def install_excepthooks(reporter: ErrorReporter) -> None:
    """Route uncaught exceptions (main and other threads) to `reporter`; Ctrl+C still interrupts."""

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, tb)
            return
        reporter.report(kind, value, tb)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        reporter.report(args.exc_type, args.exc_value, args.exc_traceback,
                        args.thread.name if args.thread is not None else "")

    sys.excepthook = hook
    threading.excepthook = thread_hook
