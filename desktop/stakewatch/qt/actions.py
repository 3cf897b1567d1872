"""What the tray's commands do: import, export, briefing, settings, diagnostics, about. GUI thread.

Each runs its work as a background task through the service and reports back
through `message` (a success to announce) or `problem` (a failure that stays
visible until resolved).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox

from ..core import (
    Notification,
    Service,
    attached_server,
    autostart_enabled,
    disable_autostart,
    enable_autostart,
)
from ..core.i18n import Message, render
from .about import AboutDialog
from .briefing_dialog import BriefingDialog, BriefingRequest
from .fit import tell
from .icons import app_icon
from .settings_dialog import SettingsDialog
from .workers import Tasks


class Actions(QObject):
    """The tray's commands; `imported` asks the controller for a poll after an import."""

    message = Signal(str)
    problem = Signal(str)
    imported = Signal()
    team_changed = Signal(str)

    def __init__(self, tasks: Tasks, parent: QObject | None = None,
                 notify: Callable[[Notification], bool] | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.notify = notify
        self.message_box: QDialog | None = None
        self.about: AboutDialog | None = None

    def run(self, job: Any, done: Any, failed: Any = None) -> None:
        self.tasks.serve(job, done, failed or self._failed)

    def _failed(self, message: Message | str) -> None:
        self.problem.emit(render(message))

    def _refused(self, message: Message | str, title: str = "") -> None:
        """Say why a file was refused or not written: a message box, or a scrolling list of every problem."""
        text = render(message)
        self.problem.emit(text)
        self.message_box = tell(None, title or self.tr("Import refused"), text)

    def import_watchlists(self, path: str | None = None) -> None:
        """Ask for a watchlist JSON or OPML file and add it; a bad file changes nothing."""
        if path is None:
            path, _filter = QFileDialog.getOpenFileName(
                None, self.tr("Import watchlists"), str(Path.home()),
                self.tr("Watchlists (*.json *.opml *.xml);;All files (*)"))
        if not path:
            return
        chosen = Path(path)

        def done(summary: Message) -> None:
            self.message.emit(str(summary))
            self.imported.emit()

        self.run(lambda service: service.import_file(chosen)[1], done, self._refused)

    def export_watchlists(self, path: str | None = None) -> None:
        if path is None:
            path, _filter = QFileDialog.getSaveFileName(
                None, self.tr("Export watchlists"), str(Path.home() / "stakewatch-watchlists.json"),
                self.tr("Watchlist JSON (*.json);;Feeds as OPML (*.opml)"))
        if not path:
            return
        chosen = Path(path)
        self.run(lambda service: service.export_file(chosen), lambda m: self.message.emit(str(m)),
                 lambda m: self._refused(m, self.tr("Export failed")))

    def export_briefing(self) -> None:
        self.run(lambda service: service.watchlists.names(), self._show_briefing_dialog)

    def _show_briefing_dialog(self, names: list[str]) -> None:
        dialog = BriefingDialog(names, self.write_briefing)
        dialog.setWindowIcon(app_icon())
        dialog.exec()

    def write_briefing(self, request: BriefingRequest) -> None:
        """Build and draw the briefing on a pool thread; announce (and open) it when done."""

        def job(service: Service) -> tuple[int, int]:
            briefing = service.briefing.build(request.since, datetime.now(UTC),
                                              watchlists=[request.watchlist] if request.watchlist else None,
                                              statements_only=request.statements_only)
            return service.briefing.write(briefing, request.path, request.page), briefing.total

        def done(answer: tuple[int, int]) -> None:
            pages, total = answer
            self.message.emit(self.tr("Briefing saved: {} ({} pages, {} alerts).").format(request.path, pages, total))
            if request.open_when_done:
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(request.path)))

        self.run(job, done, lambda m: self._refused(m, self.tr("Briefing not written")))

    def copy_diagnostics(self) -> None:
        """Versions, settings (no secrets) and recent errors to the clipboard, for a bug report."""
        def copied(text: str) -> None:
            QApplication.clipboard().setText(text)
            self.message.emit(self.tr("Diagnostics copied to the clipboard"))

        self.run(lambda service: service.diagnostics(), copied)

    def open_about(self) -> None:
        self.about = AboutDialog()
        self.about.show()

    def open_settings(self) -> None:
        def load(service: Service) -> dict[str, Any]:
            return service.settings.values()

        self.run(load, self._show_settings, self._settings_unread)

    def _settings_unread(self, message: Message | str) -> None:
        """The settings could not be read. On a folder attached to a team server that cannot be reached
        the way back is its address (asked for in the settings): offer it here."""
        self._failed(message)
        if self.tasks.home is None or not attached_server(self.tasks.home.root):
            return
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Settings"), self.tr(
            "The settings cannot be read: {}\n\nChange the team server's address, or empty it so that this "
            "computer polls on its own?").format(render(message)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()
        if box.standardButton(box.clickedButton()) == QMessageBox.StandardButton.Yes:
            self.team_server()

    def _show_settings(self, values: dict[str, Any]) -> None:
        dialog = SettingsDialog(values, autostart_enabled(), self._save_settings,
                                test_notification=self.test_notification, team_server=self.team_server)
        dialog.setWindowIcon(app_icon())
        dialog.exec()

    def team_server(self) -> None:
        """Attach this folder to a team database (or detach it): the tray then polls nothing itself."""
        from .team import ask_team_server

        assert self.tasks.home is not None
        chosen = ask_team_server(None, self.tasks.home.root)
        if chosen is not None:
            self.team_changed.emit(chosen)

    def test_notification(self) -> bool:
        """Show what an alert looks like on this desktop."""
        if self.notify is None:
            return False
        return self.notify(Notification(
            self.tr("Stakewatch: test notification"),
            self.tr("Alerts look like this: who said it, statement or coverage, and the title. "
                    "A click opens the original."), None, kind="alert"))

    def _save_settings(self, values: dict[str, str], start_at_login: bool) -> None:
        def save(service: Service) -> None:
            service.settings.put_all(values)

        self.run(save, lambda _result: None)
        try:
            enable_autostart() if start_at_login else disable_autostart()
        except Exception as exc:
            import logging

            logging.getLogger("stakewatch.autostart").exception("start at login could not be changed")
            self.problem.emit(str(exc))
