"""Uncaught exceptions open a dialog with the report and Copy diagnostics, and reach the log."""

from __future__ import annotations

import logging
import sys
import threading

import pytest

pytest.importorskip("PySide6")

from PySide6.QtGui import QGuiApplication  # noqa: E402

from stakewatch.qt.errors import ErrorReporter, install_excepthooks  # noqa: E402


@pytest.fixture
def reporter(qtbot):
    saved = sys.excepthook, threading.excepthook
    found = ErrorReporter(lambda: "Stakewatch 0.1.0\nsettings: (none)")
    install_excepthooks(found)
    yield found
    sys.excepthook, threading.excepthook = saved
    for dialog in list(found.dialogs):
        dialog.close()


def _raise(message: str) -> None:
    raise RuntimeError(message)


def test_an_uncaught_exception_opens_a_dialog_and_is_logged(qtbot, reporter, caplog):
    with caplog.at_level(logging.ERROR, logger="stakewatch.errors"):
        try:
            _raise("the tray fell over")
        except RuntimeError:
            sys.excepthook(*sys.exc_info())
        qtbot.waitUntil(lambda: len(reporter.dialogs) == 1, timeout=5_000)
    dialog = reporter.dialogs[0]
    assert dialog.isVisible()
    assert "RuntimeError: the tray fell over" in dialog.details.toPlainText()
    assert "Traceback" in caplog.text and "the tray fell over" in caplog.text
    dialog.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert "the tray fell over" in copied and "Stakewatch 0.1.0" in copied


def test_an_exception_on_another_thread_reaches_the_gui_thread(qtbot, reporter, caplog):
    with caplog.at_level(logging.ERROR, logger="stakewatch.errors"):
        worker = threading.Thread(target=_raise, args=("a worker failed",), name="worker-7")
        worker.start()
        worker.join()
        qtbot.waitUntil(lambda: len(reporter.dialogs) == 1, timeout=5_000)
    assert "a worker failed" in reporter.dialogs[0].report
    assert "worker-7" in caplog.text
