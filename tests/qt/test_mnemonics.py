"""Every window and dialog, in English and Japanese: no mnemonic twice among what one window shows,
and no button without one (Enter and Escape reach a dialog's OK and Cancel, a shortcut its own button)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from languages import LANGUAGES, in_language
from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QMenuBar,
    QMessageBox,
    QTabBar,
    QWidget,
)
from test_inbox import stock
from test_windows import commands

from stakewatch.core import Service, settings
from stakewatch.core.model import Source
from stakewatch.core.store.database import Store
from stakewatch.qt.editor import ENTITY, SOURCE, WATCHLIST
from stakewatch.qt.main_window import MainWindow

EXEMPT_ROLES = (QDialogButtonBox.ButtonRole.AcceptRole, QDialogButtonBox.ButtonRole.RejectRole,
                QDialogButtonBox.ButtonRole.YesRole, QDialogButtonBox.ButtonRole.NoRole)


def mnemonic(text: str) -> str:
    """The Alt key a text's '&' gives ('' for none); '&&' is a plain ampersand."""
    return QKeySequence.mnemonic(text).toString()


def reached_by_enter_or_escape(button: QAbstractButton) -> bool:
    box = button.parent()
    while box is not None and not isinstance(box, QDialogButtonBox):
        box = box.parent()
    return isinstance(box, QDialogButtonBox) and box.buttonRole(button) in EXEMPT_ROLES


def problems_of(window: QWidget) -> list[str]:
    """What is wrong with the mnemonics of what `window` shows now."""
    keys: dict[str, list[str]] = {}
    found: list[str] = []

    def claim(text: str, what: str) -> None:
        key = mnemonic(text)
        if key:
            keys.setdefault(key, []).append(f"{what} {text!r}")

    for widget in [window, *window.findChildren(QWidget)]:
        if not widget.isVisible() or widget.window() is not window:
            continue
        if isinstance(widget, QAbstractButton) and widget.text().replace("&&", "").strip():
            if mnemonic(widget.text()):
                claim(widget.text(), "button")
            elif not reached_by_enter_or_escape(widget) and widget.shortcut().isEmpty():  # Ctrl+S reaches Save
                found.append(f"button without a mnemonic: {widget.text()!r}")
        elif isinstance(widget, QLabel) and mnemonic(widget.text()) and widget.textFormat() == Qt.TextFormat.AutoText \
                and not QtGui.Qt.mightBeRichText(widget.text()):  # a plain-text label shows data: its '&' is an '&'
            if widget.buddy() is None:
                found.append(f"label with a mnemonic and no field to go to: {widget.text()!r}")
            else:
                claim(widget.text(), "label")
        elif isinstance(widget, QTabBar):
            for index in range(widget.count()):
                if widget.isTabVisible(index):
                    claim(widget.tabText(index), "tab")
        elif isinstance(widget, QMenuBar):
            for action in widget.actions():
                if action.isVisible():
                    claim(action.text(), "menu")
                    menu = action.menu()
                    inside: dict[str, list[str]] = {}
                    for item in menu.actions() if menu is not None else []:
                        if item.isVisible() and mnemonic(item.text()):
                            inside.setdefault(mnemonic(item.text()), []).append(item.text())
                    found += [f"{key} twice in the menu {action.text()!r}: {texts}" for key, texts in inside.items()
                              if len(texts) > 1]
        elif isinstance(widget, QGroupBox) and widget.isCheckable():
            claim(widget.title(), "group")
    found += [f"{key} twice: {', '.join(texts)}" for key, texts in keys.items() if len(texts) > 1]
    return found


def main_window_states(qtbot, store: Store) -> Iterator[tuple[str, QWidget]]:
    """The main window in each state a user meets: every tab, each editor page, empty and busy lists."""
    stock(store)
    store.apply_config([], [Source("Press page", "page", "https://example.org/press"),
                            Source("News search", "search", "https://news.example/rss?q={query}",
                                   options={"credential": "news", "auth": "basic"})])
    main = MainWindow(store.path.parent, lambda url: None, lambda: None, lambda: None, lambda: None, commands([]))
    qtbot.addWidget(main)
    main.show()
    inbox = main.inbox
    inbox.stories.setCurrentIndex(inbox.story_model.index(0, 0))
    yield "alerts by story", main
    inbox.grouping.setCurrentIndex(1)
    inbox.table.selectRow(0)
    yield "alerts by alert", main
    inbox.search.setText("nothing like this anywhere")
    inbox.apply()
    yield "alerts, no hits", main
    inbox.reset_filters()
    main.tabs.setCurrentIndex(1)
    main.health.table.selectRow(0)
    yield "source health", main
    main.tabs.setCurrentIndex(2)
    editor = main.editor
    yield "watchlists, nothing chosen", main
    editor.select(WATCHLIST, "Japan AI & IP", None)
    yield "watchlists, a watchlist", main
    editor.select(ENTITY, "Japan AI & IP", "Minoru Kiuchi")
    yield "watchlists, an entity", main
    for name in ("Cabinet Office", "Press page", "News search"):
        editor.select(SOURCE, None, name)
        yield f"watchlists, source {name}", main
    main.tabs.setCurrentIndex(3)
    yield "channels", main


def dialogs(store: Store, tmp_path: Path) -> Iterator[tuple[str, QWidget]]:
    from stakewatch.qt.about import AboutDialog
    from stakewatch.qt.annotate import NoteDialog, tags_dialog
    from stakewatch.qt.briefing_dialog import BriefingDialog
    from stakewatch.qt.channels import ChannelDialog
    from stakewatch.qt.editor import unsaved_box
    from stakewatch.qt.errors import ErrorDialog
    from stakewatch.qt.first_run import FirstRunDialog
    from stakewatch.qt.fit import ProblemDialog
    from stakewatch.qt.settings_dialog import SettingsDialog
    from stakewatch.qt.suggest_dialog import SuggestAliasesDialog

    owner = QWidget()
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"version": 1, "sources": [{"name": "X", "url": "ftp://example.org/x"}] * 3}))
    welcome = FirstRunDialog(Service(store))
    yield "welcome", welcome
    welcome.show()
    welcome.choose("import", str(bad))
    yield "welcome with problems", welcome
    yield "settings", SettingsDialog({k: s.default for k, s in settings.SETTINGS.items()}, True, lambda *_: None,
                                     test_notification=lambda: True)
    yield "error", ErrorDialog("Traceback\n", lambda: "")
    yield "briefing", BriefingDialog(["Japan AI & IP"], lambda _request: None)
    yield "note", NoteDialog("", owner)
    yield "tags", tags_dialog(owner, ["sora"])
    yield "channel", ChannelDialog(["Japan AI & IP"])
    yield "about", AboutDialog()
    yield "suggest aliases", SuggestAliasesDialog("城内実", [])
    yield "import refused", ProblemDialog("Import refused", "2 problems:\n  a\n  b")
    yield "unsaved changes", unsaved_box(owner)
    owner.deleteLater()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_main_window_has_one_mnemonic_per_key_and_one_on_every_button(qtbot, store: Store, lang: str):
    wrong: dict[str, list[str]] = {}
    with in_language(lang):
        for state, window in main_window_states(qtbot, store):
            QApplication.processEvents()
            if problems := problems_of(window):
                wrong[state] = problems
    assert wrong == {}, json.dumps(wrong, ensure_ascii=False, indent=1)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_dialog_has_one_mnemonic_per_key_and_one_on_every_button(qtbot, store: Store, tmp_path: Path,
                                                                       lang: str):
    wrong: dict[str, list[str]] = {}
    with in_language(lang):
        for name, dialog in dialogs(store, tmp_path):
            qtbot.addWidget(dialog)
            dialog.show()
            QApplication.processEvents()
            if problems := problems_of(dialog):
                wrong[name] = problems
            dialog.hide()
    assert wrong == {}, json.dumps(wrong, ensure_ascii=False, indent=1)


def test_the_check_sees_a_duplicate_and_a_button_without_one(qtbot):
    from PySide6.QtWidgets import QPushButton, QVBoxLayout

    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    for text in ("&Example", "Start &empty", "Cancel", "Japan AI && IP"):
        layout.addWidget(QPushButton(text))
    window.show()
    assert sorted(problems_of(window)) == ["Alt+E twice: button '&Example', button 'Start &empty'",
                                           "button without a mnemonic: 'Cancel'",
                                           "button without a mnemonic: 'Japan AI && IP'"]


def test_ctrl_s_saves_the_form_in_the_editor(qtbot, store: Store, monkeypatch):
    stock(store)
    main = MainWindow(store.path.parent, lambda url: None, lambda: None, lambda: None, lambda: None, commands([]))
    qtbot.addWidget(main)
    main.show()
    main.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main, timeout=3_000)
    main.tabs.setCurrentIndex(2)
    main.editor.select(WATCHLIST, "Japan AI & IP", None)
    main.editor.watchlist_form.name.setFocus()
    main.editor.watchlist_form.name.setText("Japan AI & IP (renamed)")
    monkeypatch.setattr(main.editor, "ask_unsaved", lambda: QMessageBox.StandardButton.Discard)  # if Ctrl+S failed
    qtbot.keyClick(main.editor.watchlist_form.name, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: [w.name for w in store.watchlists()] == ["Japan AI & IP (renamed)"], timeout=3_000)
    assert not main.editor.dirty



@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_note_dialogs_buttons_have_keys_of_their_own(qtbot, lang: str):
    from stakewatch.qt.annotate import NoteDialog

    owner = QWidget()
    qtbot.addWidget(owner)
    with in_language(lang):
        dialog = NoteDialog("", owner)
        texts = [button.text() for button in dialog.buttons.buttons()]
    assert len(texts) == 2 and all("&" in text for text in texts), texts
    assert len({text.split("&")[1][0].lower() for text in texts}) == 2
