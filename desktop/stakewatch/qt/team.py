"""The tray on a team server: "Team server…" attaches the data folder to a team database by its
address, and a doorbell thread (LISTEN/NOTIFY) asks the scheduler to catch up the moment the
team's server stores an alert. The tray then polls nothing itself: its cycle reads what the server
stored (core/service/team.py). GUI thread, except TeamBell's own thread, which only emits `rung`.
"""

from __future__ import annotations

from contextlib import suppress
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QDialog, QInputDialog, QLabel, QLineEdit, QWidget

from ..core import TeamDoorbell, attach_server, attached_server
from .fit import fit_on_show, free_area

URL_START = ("postgresql://", "postgres://")


class TeamBell(QObject):
    """Listens for alerts stored on the team database (core's Bell, on its own thread); `rung` when one is,
    `online` when the server answers or stops answering. Signals cross to the GUI thread queued."""

    rung = Signal()
    online = Signal(bool)

    def __init__(self, url: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.url = url
        self._bell = TeamDoorbell(url, self._ring, self._online)

    def _ring(self) -> None:
        with suppress(RuntimeError):  # the tray went away while the bell's thread was still listening
            self.rung.emit()

    def _online(self, answers: bool) -> None:
        with suppress(RuntimeError):
            self.online.emit(answers)

    def start(self) -> TeamBell:
        self._bell.start()
        return self

    def stop(self) -> None:
        self._bell.stop()


def team_server_dialog(parent: QWidget | None, current: str) -> QInputDialog:
    """The question for the team database's address: its long explanation wraps, so the dialog fits a
    small screen in every language."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(QCoreApplication.translate("TeamServer", "Team server"))
    dialog.setLabelText(QCoreApplication.translate(
        "TeamServer", "Address of the team database (postgresql://user@host/database; empty: this computer "
        "polls on its own). The password comes from PGPASSWORD, ~/.pgpass or the keyring."))
    dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
    dialog.setTextValue(current)
    for label in dialog.findChildren(QLabel):
        label.setWordWrap(True)
    dialog.resize(min(560, free_area(dialog).width()), dialog.sizeHint().height())
    fit_on_show(dialog)
    return dialog


def ask_team_server(parent: QWidget | None, folder: Path) -> str | None:
    """Ask for the team database's address ("" detaches); None when cancelled. What is not an address is
    asked again, with what is wrong with it."""
    dialog = team_server_dialog(parent, attached_server(folder) or "")
    explanation = dialog.labelText()
    while True:
        if dialog.exec() != QDialog.DialogCode.Accepted.value:
            return None
        text = dialog.textValue().strip()
        if not text or text.startswith(URL_START):
            break
        # asked again, the text kept, with what is wrong with it (nothing said was nothing done)
        dialog.setLabelText(explanation + "\n\n" + QCoreApplication.translate(
            "TeamServer", "“{}” is not a team database address: it starts with postgresql://").format(text))
    attach_server(folder, text or None)
    return text
