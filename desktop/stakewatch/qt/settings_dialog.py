"""Settings: quiet hours, digests, polling limits, proxy, start at login. GUI thread only."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ..core import settings
from ..core.i18n import render

LABELS = {
    "alerts.quiet_hours": QT_TRANSLATE_NOOP("SettingsDialog", "Quiet hours"),
    "alerts.digest_threshold": QT_TRANSLATE_NOOP("SettingsDialog", "Digest from"),
    "poll.per_host": QT_TRANSLATE_NOOP("SettingsDialog", "Requests per host"),
    "poll.total": QT_TRANSLATE_NOOP("SettingsDialog", "Requests at once"),
    "fetch.connect_timeout": QT_TRANSLATE_NOOP("SettingsDialog", "Connect timeout (s)"),
    "fetch.read_timeout": QT_TRANSLATE_NOOP("SettingsDialog", "Read timeout (s)"),
    "fetch.deadline": QT_TRANSLATE_NOOP("SettingsDialog", "Request deadline (s)"),
    "fetch.max_body_mib": QT_TRANSLATE_NOOP("SettingsDialog", "Largest answer (MiB)"),
    "fetch.proxy": QT_TRANSLATE_NOOP("SettingsDialog", "Proxy"),
}


class SettingsDialog(QDialog):
    """Edits a copy of the settings; `save(values, autostart)` is called with what was entered."""

    def __init__(self, values: dict[str, Any], autostart: bool,
                 save: Callable[[dict[str, str], bool], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Stakewatch settings"))
        self._save = save
        self.fields: dict[str, QLineEdit] = {}
        form = QFormLayout()
        for key, label in LABELS.items():
            field = QLineEdit(str(values.get(key, settings.SETTINGS[key].default)))
            field.setToolTip(render(settings.SETTINGS[key].description))
            field.setPlaceholderText(render(settings.SETTINGS[key].description))
            field.textChanged.connect(self._validate)
            self.fields[key] = field
            form.addRow(self.tr(str(label)), field)
        self.autostart = QCheckBox(self.tr("Start Stakewatch when I log in"))
        self.autostart.setChecked(autostart)
        form.addRow("", self.autostart)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save |
                                        QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def problems(self) -> list[str]:
        found = []
        for key, field in self.fields.items():
            try:
                settings.SETTINGS[key].parse(field.text())
            except ValueError as exc:
                problem = render(exc.args[0]) if exc.args else str(exc)
                found.append(self.tr("{label} {problem}").format(label=self.tr(str(LABELS[key])), problem=problem))
        return found

    def _validate(self) -> None:
        problems = self.problems()
        self.error.setText("\n".join(problems))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not problems)

    def _accept(self) -> None:
        if self.problems():
            return
        self._save({key: field.text() for key, field in self.fields.items()}, self.autostart.isChecked())
        self.accept()
