"""The suggestions dialog, Diet records in the inbox and found preview pages, with pytest-qt over a real store."""

from __future__ import annotations

import gc
import threading
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt

from stakewatch.core import Service
from stakewatch.core.matching.ingest import Validators, ingest
from stakewatch.core.matching.matcher import Matcher
from stakewatch.core.model import Entity, Item, Source, Watchlist
from stakewatch.core.store.database import Store
from stakewatch.qt.inbox import InboxView
from stakewatch.qt.suggest_dialog import SuggestAliasesDialog

NOW = datetime.now(UTC)
STORED = ["Japan's IP minister Minoru Kiuchi warns OpenAI over Sora 2", "Minoru Jouchi said the government",
          "城内大臣は閣議後の記者会見で", "Kiuchi brewery"]


def test_dialog_lists_spellings_with_counts_and_ticks_the_real_ones(qtbot):
    dialog = SuggestAliasesDialog("城内実", STORED, existing=["城内大臣"])
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() > 0, timeout=10_000)
    rows = {dialog.table.item(r, 0).text(): r for r in range(dialog.table.rowCount())}
    assert "城内大臣" not in rows  # already an alias
    assert dialog.table.item(rows["Minoru Kiuchi"], 2).text() == "1"
    assert dialog.table.item(rows["Minoru Jonai"], 2).text() == "0"
    assert dialog.table.item(rows["Kiuchi"], 3).text()  # needs context
    assert set(dialog.chosen()) == {"Minoru Kiuchi", "Minoru Jouchi"}
    dialog.table.item(rows["Minoru Jonai"], 0).setCheckState(Qt.CheckState.Checked)
    assert "Minoru Jonai" in dialog.chosen()


def test_closing_the_dialog_while_it_counts_raises_nothing(qtbot, monkeypatch):
    from PySide6.QtCore import QThreadPool
    from shiboken6 import delete

    from stakewatch.core.service import watchlists
    from stakewatch.qt import suggest_dialog

    release = threading.Event()
    counting = threading.Event()
    real = watchlists.count_matches

    def held(found, texts):
        counting.set()
        release.wait(30)
        return real(found, texts)

    monkeypatch.setattr(watchlists, "count_matches", held)
    dialog = SuggestAliasesDialog("城内実", STORED)
    dialog.show()
    assert counting.wait(10)
    dialog.reject()
    delete(dialog)  # the window is gone (its parent closed) before the counting reports
    del dialog
    gc.collect()
    release.set()
    assert QThreadPool.globalInstance().waitForDone(10_000)
    qtbot.wait(50)  # deliver the queued report: it must reach no deleted widget
    assert not suggest_dialog.suggestion_tasks().running


def test_diet_records_are_marked_in_the_inbox(qtbot, store: Store):
    diet = Source("Diet records", "diet", "https://kokkai.ndl.go.jp/api/speech")
    store.apply_config([Watchlist("Japan AI & IP", (Entity("Masaaki Taira", "official", aliases=("平将明",)),))],
                       [diet])
    source = store.sources()[0]
    speech = Item("kokkai:1", "https://kokkai.ndl.go.jp/txt/121904889X00320251015/2",
                  "衆議院 内閣委員会 第3号（2025-10-15）平将明（国務大臣（デジタル大臣））",
                  content="お答えいたします。",
                  published=NOW - timedelta(days=30), speaker="平将明", statement_for=("Masaaki Taira",), record=True)
    ingest(store, source, [speech], Matcher(store.watchlists()), store.entity_ids(), NOW,
           Validators(source.url, None, None), NOW)
    view = InboxView(Service(store), lambda url: None)
    qtbot.addWidget(view)
    view.refresh()
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=5_000)
    assert view.model.index(0, 1).data() == "statement (record)"


def test_a_found_telegram_preview_fills_the_page_selectors(qtbot, store: Store):
    from PySide6.QtWidgets import QListWidgetItem

    from stakewatch.core.sources.discovery import discover
    from stakewatch.qt.editor import EditorView

    editor = EditorView(Service(store))
    qtbot.addWidget(editor)
    feeds, _ = discover("https://t.me/digital_minister")
    item = QListWidgetItem(feeds[0].title)
    item.setData(Qt.ItemDataRole.UserRole, feeds[0])
    editor._use_found(item)
    form = editor.source_form
    assert form.kind_key() == "page" and form.url.text() == "https://t.me/s/digital_minister"
    assert form.selectors["item"].text() == ".tgme_widget_message"


def test_quitting_waits_for_the_counting_to_end(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QApplication

    from stakewatch.core.service import watchlists
    from stakewatch.notify.base import NullNotifier
    from stakewatch.qt import app as app_module

    release = threading.Event()
    counting = threading.Event()
    real = watchlists.count_matches

    def held(found, texts):
        counting.set()
        release.wait(30)
        return real(found, texts)

    monkeypatch.setattr(watchlists, "count_matches", held)
    exits: list[int] = []
    monkeypatch.setattr(QApplication, "exit", staticmethod(lambda code=0: exits.append(code)))
    controller = app_module.Controller(tmp_path / "data", notifier=NullNotifier())
    dialog = SuggestAliasesDialog("城内実", STORED)
    assert counting.wait(10)
    dialog.reject()
    controller.quit()
    qtbot.wait(300)
    assert exits == []  # the app does not leave the counting behind to die with the interpreter
    release.set()
    qtbot.waitUntil(lambda: exits == [0], timeout=10_000)
