"""Every dialog fits a 1366x768 screen at 125 %: what cannot fit scrolls, the buttons stay in view."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from languages import LANGUAGES, in_language
from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtWidgets import QDialog, QWidget

from stakewatch.core import Service, settings
from stakewatch.core.model import Entity, Watchlist
from stakewatch.core.store.database import Store

LAPTOP = QSize(round(1366 / 1.25), round(768 / 1.25))  # the free area of a 1366x768 screen at 125 %
TITLE_BAR = QSize(16, 40)  # what a window manager's frame and title take from it
ROOM = LAPTOP - TITLE_BAR
WATCHLISTS = [f"Watchlist {n}" for n in range(12)]


def settings_dialog(store: Store, tmp_path: Path) -> tuple[QDialog, list[QWidget]]:
    from stakewatch.qt.settings_dialog import SettingsDialog

    dialog = SettingsDialog({key: s.default for key, s in settings.SETTINGS.items()}, False, lambda *_: None,
                            test_notification=lambda: True)
    return dialog, [dialog.buttons]


def first_run(store: Store, tmp_path: Path) -> tuple[QDialog, list[QWidget]]:
    from stakewatch.qt.first_run import FirstRunDialog

    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"version": 1, "sources": [
        {"name": f"Source {n}", "kind": "feed", "url": f"ftp://example.org/{n}.xml"} for n in range(40)]}))
    dialog = FirstRunDialog(Service(store))
    dialog.show()
    assert not dialog.choose("import", str(bad))
    return dialog, [dialog.example, dialog.empty, dialog.importing]


def error(store: Store, tmp_path: Path) -> tuple[QDialog, list[QWidget]]:
    from stakewatch.qt.errors import ErrorDialog

    dialog = ErrorDialog("Traceback (most recent call last):\n" + "  File \"x.py\", line 1, in f\n" * 200,
                         lambda: "")
    return dialog, [dialog.buttons]


def briefing(store: Store, tmp_path: Path) -> tuple[QDialog, list[QWidget]]:
    from stakewatch.qt.briefing_dialog import BriefingDialog

    dialog = BriefingDialog(WATCHLISTS, lambda _request: None)
    return dialog, [dialog.buttons]


def note(store: Store, tmp_path: Path) -> tuple[QDialog, list[QWidget]]:
    from stakewatch.qt.annotate import NoteDialog

    parent = QWidget()
    dialog = NoteDialog("A long note.\n" * 80, parent)
    dialog.setParent(None)
    return dialog, [dialog.buttons]


def channel(store: Store, tmp_path: Path) -> tuple[QDialog, list[QWidget]]:
    from stakewatch.qt.channels import ChannelDialog

    dialog = ChannelDialog(WATCHLISTS)
    return dialog, [dialog.buttons]


def about(store: Store, tmp_path: Path) -> tuple[QDialog, list[QWidget]]:
    from stakewatch.qt.about import AboutDialog

    dialog = AboutDialog()
    return dialog, [dialog.buttons]


def suggest(store: Store, tmp_path: Path) -> tuple[QDialog, list[QWidget]]:
    from stakewatch.qt.suggest_dialog import SuggestAliasesDialog

    store.apply_config([Watchlist("W", (Entity("城内実", "official"),))], [])
    dialog = SuggestAliasesDialog("城内実", ["城内実大臣は述べた"] * 5)
    return dialog, [dialog.buttons]


def import_refused(store: Store, tmp_path: Path) -> tuple[QDialog, list[QWidget]]:
    from stakewatch.qt.fit import tell

    lines = "\n".join(f"  sources[{n}].url: only http and https addresses are fetched, not ftp:" for n in range(60))
    dialog = tell(None, "Import refused", f"60 problems; nothing was imported:\n{lines}")
    dialog.hide()
    return dialog, [dialog.findChild(QWidget, "qt_msgbox_buttonbox") or dialog.buttons]  # type: ignore[attr-defined]


DIALOGS: dict[str, Callable[[Store, Path], tuple[QDialog, list[QWidget]]]] = {
    "settings": settings_dialog, "first run": first_run, "error": error, "briefing": briefing, "note": note,
    "channel": channel, "about": about, "suggest aliases": suggest, "import refused": import_refused}


def inside(widget: QWidget, window: QWidget) -> bool:
    """The widget is shown whole within the window (not squeezed, not below its bottom edge)."""
    where = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    return widget.isVisible() and window.rect().contains(where) and widget.height() >= widget.sizeHint().height()


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", list(DIALOGS))
def test_each_dialog_fits_a_laptop_at_125_percent_with_its_buttons_in_view(qtbot, store: Store, tmp_path: Path,
                                                                          name: str, lang: str):
    with in_language(lang):
        dialog, buttons = DIALOGS[name](store, tmp_path)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.resize(dialog.size().boundedTo(ROOM))  # what a window manager does on this screen
        qtbot.waitUntil(lambda: dialog.height() <= ROOM.height() and dialog.width() <= ROOM.width(), timeout=1_000)
        for button in buttons:
            assert inside(button, dialog), (name, dialog.size(), dialog.minimumSizeHint())


@pytest.mark.parametrize("name", list(DIALOGS))
def test_each_dialog_opens_within_the_screens_free_area(qtbot, store: Store, tmp_path: Path, name: str,
                                                         monkeypatch):
    from stakewatch.qt import fit

    monkeypatch.setattr(fit, "free_area", lambda _widget: ROOM)
    dialog, buttons = DIALOGS[name](store, tmp_path)
    qtbot.addWidget(dialog)
    dialog.hide()
    dialog.show()
    assert dialog.width() <= ROOM.width() and dialog.height() <= ROOM.height()
    assert all(inside(button, dialog) for button in buttons)


def test_the_settings_scroll_to_their_last_field_and_open_whole_on_a_tall_screen(qtbot, monkeypatch):
    from stakewatch.qt import fit

    dialog, _buttons = settings_dialog(None, Path())  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    monkeypatch.setattr(fit, "free_area", lambda _widget: ROOM)
    dialog.show()
    body = dialog.body  # type: ignore[attr-defined]
    assert body.verticalScrollBar().maximum() > 0  # the form is taller than the room: it scrolls
    last = list(dialog.fields.values())[-1]  # type: ignore[attr-defined]
    body.ensureWidgetVisible(last)
    assert not last.visibleRegion().isEmpty()
    monkeypatch.setattr(fit, "free_area", lambda _widget: QSize(1920, 1160))
    tall, _buttons = settings_dialog(None, Path())  # type: ignore[arg-type]
    qtbot.addWidget(tall)
    tall.show()
    assert tall.body.verticalScrollBar().maximum() == 0  # type: ignore[attr-defined]  # room: nothing scrolls


def _wheel(widget: QWidget, down: bool = True) -> None:
    from PySide6.QtCore import QPoint, QPointF, Qt
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    centre = QPointF(widget.rect().center())
    step = QPoint(0, -120 if down else 120)
    event = QWheelEvent(centre, QPointF(widget.mapToGlobal(centre.toPoint())), QPoint(0, 0), step,
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase,
                        False)
    QApplication.sendEvent(widget, event)


def test_the_wheel_over_settings_scrolls_the_page_not_the_values(qtbot, store: Store, tmp_path: Path):
    from PySide6.QtWidgets import QAbstractSpinBox, QComboBox

    dialog, _ = settings_dialog(store, tmp_path)
    qtbot.addWidget(dialog)
    dialog.resize(500, 300)  # a small screen: the form scrolls
    dialog.show()
    qtbot.waitExposed(dialog)
    bar = dialog.body.verticalScrollBar()
    assert bar.maximum() > 0
    spins = [w for w in dialog.body.widget().findChildren(QAbstractSpinBox) if w.isVisible()]
    combos = [w for w in dialog.body.widget().findChildren(QComboBox) if w.isVisible()]
    assert spins and combos
    for widget in (spins[0], combos[0]):
        dialog.buttons.setFocus()
        bar.setValue(0)
        before = widget.text() if isinstance(widget, QAbstractSpinBox) else widget.currentIndex()
        _wheel(widget)
        after = widget.text() if isinstance(widget, QAbstractSpinBox) else widget.currentIndex()
        assert after == before and bar.value() > 0
    spin = spins[0]
    spin.setFocus()
    spin.stepBy(-1)  # room to turn up
    before_text = spin.text()
    _wheel(spin, down=False)
    assert spin.text() != before_text  # once focused, the wheel turns the value as usual


def test_a_briefing_asks_before_replacing_a_file_and_shows_its_whole_path(qtbot, tmp_path: Path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from stakewatch.qt.briefing_dialog import BriefingDialog

    sent: list[Path] = []
    asked: list[str] = []
    answer = [QMessageBox.StandardButton.No]

    def question(_parent, _title, text, *_args):
        asked.append(text)
        return answer[0]

    monkeypatch.setattr(QMessageBox, "question", question)
    dialog = BriefingDialog(["W"], lambda request: sent.append(request.path))
    qtbot.addWidget(dialog)
    earlier = tmp_path / "a folder with a longish name" / "stakewatch-briefing-2026-12-06.pdf"
    earlier.parent.mkdir()
    earlier.write_bytes(b"%PDF-1.4 earlier")
    dialog.path.setText(str(earlier))
    dialog.show()
    qtbot.waitExposed(dialog)
    whole = dialog.path.width() >= dialog.path.fontMetrics().horizontalAdvance(str(earlier))
    assert whole or (dialog.whole_path.isVisible() and dialog.whole_path.text().replace("\u200b", "") == str(earlier))
    dialog.path.setText(str(tmp_path / "x.pdf"))
    assert not dialog.whole_path.isVisible()
    assert dialog.path.width() >= dialog.path.fontMetrics().horizontalAdvance(dialog.path.text())
    dialog.path.setText(str(earlier))
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert sent == [] and len(asked) == 1 and str(earlier) in asked[0] and dialog.isVisible()
    answer[0] = QMessageBox.StandardButton.Yes
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert sent == [earlier] and len(asked) == 2
    fresh = BriefingDialog(["W"], lambda request: sent.append(request.path))
    qtbot.addWidget(fresh)
    fresh.path.setText(str(tmp_path / "new.pdf"))
    fresh.buttons.button(fresh.buttons.StandardButton.Save).click()
    assert sent[-1] == tmp_path / "new.pdf" and len(asked) == 2


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_briefing_dialog_shows_its_path_field_and_choose_button_whole(qtbot, lang: str):
    """The path field is as wide as its path: the dialog opens wide enough for it, and grows when a
    longer path is chosen, so the field, the Choose… button and the lists' arrows are never cut off."""
    from PySide6.QtWidgets import QPushButton

    from stakewatch.qt.briefing_dialog import BriefingDialog

    with in_language(lang):
        dialog = BriefingDialog(["W"], lambda _request: None)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        body = dialog.layout().itemAt(0).widget()
        choose = next(b for b in body.widget().findChildren(QPushButton) if b.isVisible())

        def whole() -> bool:
            return all(body.viewport().rect().contains(QRect(w.mapTo(body.viewport(), QPoint(0, 0)), w.size()))
                       for w in (dialog.path, choose, dialog.period, dialog.page))

        assert whole(), (dialog.size(), dialog.path.width())
        dialog.path.setText("/home/someone/Documents/briefings/stakewatch-briefing-2026-12-07.pdf")
        qtbot.waitUntil(whole, timeout=2_000)
