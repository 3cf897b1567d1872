"""Settings, built from the core's settings registry: numbers as spin boxes, words people know. GUI thread only.

Every setting of `core.SETTINGS` gets a row: a number becomes a spin
box with its unit and range, quiet hours two times of day, the proxy a choice
(the system's, none, or an address). The network limits sit in their own
group. A test notification shows what an alert looks like on this desktop.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from ..core import SETTINGS, Setting
from .fit import arrange

GROUPS = (("alerts", QT_TRANSLATE_NOOP("SettingsDialog", "Notifications")),
          ("storage", QT_TRANSLATE_NOOP("SettingsDialog", "Storage")),
          ("network", QT_TRANSLATE_NOOP("SettingsDialog", "Network (for slow or filtered connections)")))


class QuietHours(QWidget):
    """Quiet hours as a tick box and two times of day; its text is what the setting stores."""

    def __init__(self, value: str) -> None:
        super().__init__()
        self.on = QCheckBox(self.tr("&Hold notifications from"))
        self.start = QTimeEdit(QTime(22, 0))
        self.end = QTimeEdit(QTime(7, 0))
        for edit in (self.start, self.end):
            edit.setDisplayFormat("HH:mm")
        if value:
            first, second = value.split("-")
            self.start.setTime(QTime.fromString(first, "HH:mm"))
            self.end.setTime(QTime.fromString(second, "HH:mm"))
        self.on.setChecked(bool(value))
        self.on.toggled.connect(self._toggled)
        self._toggled(bool(value))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.on)
        layout.addWidget(self.start)
        layout.addWidget(QLabel(self.tr("to")))
        layout.addWidget(self.end)
        layout.addStretch(1)

    def _toggled(self, on: bool) -> None:
        self.start.setEnabled(on)
        self.end.setEnabled(on)

    def text(self) -> str:
        if not self.on.isChecked():
            return "off"
        return f"{self.start.time().toString('HH:mm')}-{self.end.time().toString('HH:mm')}"


class Proxy(QWidget):
    """The proxy as a choice: the system's settings, none, or an address."""

    def __init__(self, value: str) -> None:
        super().__init__()
        self.choice = QComboBox()
        self.choice.addItems([self.tr("Use the system's proxy settings"), self.tr("No proxy"),
                              self.tr("This proxy:")])
        self.address = QLineEdit()
        self.address.setPlaceholderText("http://proxy.example.org:8080")
        index = {"system": 0, "none": 1}.get(value, 2)
        self.choice.setCurrentIndex(index)
        if index == 2:
            self.address.setText(value)
        self.choice.currentIndexChanged.connect(lambda i: self.address.setEnabled(i == 2))
        self.address.setEnabled(index == 2)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.choice)
        layout.addWidget(self.address, 1)

    def text(self) -> str:
        return ("system", "none", self.address.text().strip())[self.choice.currentIndex()]


class SettingsDialog(QDialog):
    """Edits a copy of the settings; `save(values, autostart)` is called with what was entered."""

    def __init__(self, values: dict[str, Any], autostart: bool,
                 save: Callable[[dict[str, str], bool], None], parent: QWidget | None = None,
                 test_notification: Callable[[], object] | None = None,
                 team_server: Callable[[], object] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Stakewatch settings"))
        self._save = save
        self.fields: dict[str, Any] = {}
        self.labels: dict[str, str] = {}
        form_page = QVBoxLayout()
        form_page.setContentsMargins(0, 0, 0, 0)
        for group, title in GROUPS:
            box = QGroupBox(self.tr(str(title)))
            form = QFormLayout(box)
            for key, setting in SETTINGS.items():
                if setting.group != group:
                    continue
                value = values.get(key, setting.default)
                field = self._field(setting, value)
                field.setToolTip(setting.description)
                self.fields[key] = field
                self.labels[key] = str(setting.label) if setting.label else key
                form.addRow(self.labels[key], field)
            if group == "alerts":
                self.test_button = QPushButton(self.tr("Send a &test notification"))
                self.test_button.setEnabled(test_notification is not None)
                if test_notification is not None:
                    self.test_button.clicked.connect(lambda _checked=False: test_notification())
                form.addRow("", self.test_button)
            if group == "storage":
                self.autostart = QCheckBox(self.tr("Start Stakewatch when I &log in"))
                self.autostart.setChecked(autostart)
                form.addRow("", self.autostart)
                self.team_button = QPushButton(self.tr("Team ser&ver\u2026"))
                self.team_button.setEnabled(team_server is not None)
                if team_server is not None:
                    self.team_button.clicked.connect(lambda _checked=False: team_server())
                form.addRow("", self.team_button)
            form_page.addWidget(box)
        form_page.addStretch(1)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save |
                                        QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        self.body = arrange(self, form_page, self.error, self.buttons)
        for field in self.fields.values():
            for signal in ("textChanged", "valueChanged"):
                if hasattr(field, signal):
                    getattr(field, signal).connect(self._validate)
        proxy = self.fields.get("fetch.proxy")
        if isinstance(proxy, Proxy):
            proxy.address.textChanged.connect(self._validate)
            proxy.choice.currentIndexChanged.connect(self._validate)

    def _field(self, setting: Setting, value: Any) -> QWidget:
        if setting.low is not None and setting.high is not None:
            spin = QSpinBox()
            spin.setRange(setting.low, setting.high)
            spin.setValue(int(value))
            if setting.unit:
                spin.setSuffix(f" {setting.unit}")
            return spin
        if isinstance(setting.default, bool):
            box = QCheckBox()
            box.setChecked(bool(value))
            return box
        if setting.key == "alerts.quiet_hours":
            return QuietHours(str(value))
        if setting.key == "fetch.proxy":
            return Proxy(str(value))
        edit = QLineEdit(str(value))
        edit.setPlaceholderText(setting.description)
        return edit

    def text_of(self, key: str) -> str:
        field = self.fields[key]
        if isinstance(field, QSpinBox):
            return str(field.value())
        if isinstance(field, QCheckBox):
            return "on" if field.isChecked() else "off"
        return str(field.text())

    def problems(self) -> list[str]:
        found = []
        for key, field in self.fields.items():
            if isinstance(field, Proxy) and field.choice.currentIndex() == 2 and not field.text():
                found.append(self.tr("{}: type the proxy's address, e.g. http://proxy.example.org:8080").format(
                    self.labels[key]))
                continue
            try:
                SETTINGS[key].parse(self.text_of(key))
            except ValueError as exc:
                found.append(f"{self.labels[key]}: {exc}")
        return found

    def _validate(self, *_args: object) -> None:
        problems = self.problems()
        self.error.setText("\n".join(problems))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not problems)

    def _accept(self) -> None:
        if self.problems():
            return
        self._save({key: self.text_of(key) for key in self.fields}, self.autostart.isChecked())
        self.accept()
