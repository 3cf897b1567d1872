"""The main window, inbox, source health and editor as a new user meets them, driven with pytest-qt."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from test_inbox import stock

from stakewatch.core import Service
from stakewatch.core.delivery.offline import offline_notice
from stakewatch.core.model import Entity, Source, SourceHealth, Watchlist
from stakewatch.core.store import inbox
from stakewatch.core.store.database import Store
from stakewatch.qt.editor import ENTITY, SOURCE, WATCHLIST, EditorView
from stakewatch.qt.health import HealthView
from stakewatch.qt.icons import tray_pixmap
from stakewatch.qt.inbox import InboxView
from stakewatch.qt.main_window import MainWindow, WindowCommands

NOW = datetime.now(UTC)
LAPTOP = QSize(round(1366 / 1.25), round(768 / 1.25))  # a 1366x768 screen at 125 %


def commands(called: list[str]) -> WindowCommands:
    def note(name: str):
        return lambda: called.append(name)

    return WindowCommands(export_briefing=note("briefing"), refresh=note("refresh"), pause_hour=note("pause"),
                          pause_tomorrow=note("tomorrow"), resume=note("resume"),
                          pause_state=lambda: "Notifications paused until Thu 15:00",
                          quiet_state=lambda: "Quiet hours 22:00-07:00", settings=note("settings"),
                          diagnostics=note("diagnostics"), about=note("about"), quit=note("quit"))


def window(qtbot, store: Store, called: list[str]) -> MainWindow:
    stock(store)
    main = MainWindow(store.path.parent, lambda url: None, lambda: called.append("retry"),
                      lambda: called.append("import"), lambda: called.append("export"), commands(called))
    qtbot.addWidget(main)
    main.show()
    return main


def test_the_menu_bar_holds_everything_the_tray_menu_has(qtbot, store: Store):
    called: list[str] = []
    main = window(qtbot, store, called)
    actions = {a.text().replace("&", ""): a for menu in main.menuBar().actions()
               for a in menu.menu().actions() if a.text()}
    for text, name in (("Settings\u2026", "settings"), ("Export briefing\u2026", "briefing"),
                       ("Pause for 1 hour", "pause"), ("Pause until tomorrow", "tomorrow"), ("Resume", "resume"),
                       ("About Stakewatch", "about"), ("Copy diagnostics", "diagnostics"),
                       ("Quit Stakewatch", "quit"), ("Refresh now", "refresh"),
                       ("Import watchlists\u2026", "import"), ("Export watchlists\u2026", "export")):
        actions[text].trigger()
        assert called[-1] == name, text
    assert "Notifications paused until Thu 15:00" in actions and "Quiet hours 22:00-07:00" in actions
    assert all("&" in menu.text() for menu in main.menuBar().actions())  # mnemonics
    assert [main.tabs.tabText(i) for i in range(3)] == ["&Alerts", "Source &health", "&Watchlists"]


def test_tab_shortcuts_switch_tabs_and_tab_leaves_the_table(qtbot, store: Store):
    main = window(qtbot, store, [])
    main.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main, timeout=3_000)
    assert QApplication.focusWidget() is main.inbox.stories  # the arrow keys move through the stories at once
    for key, index in ((Qt.Key.Key_2, 1), (Qt.Key.Key_3, 2), (Qt.Key.Key_1, 0)):
        qtbot.keyClick(main, key, Qt.KeyboardModifier.ControlModifier)
        assert main.tabs.currentIndex() == index
    main.activateWindow()
    main.inbox.grouping.setCurrentIndex(1)  # one row per alert
    main.inbox.table.setFocus()
    qtbot.waitUntil(main.inbox.table.hasFocus, timeout=2_000)
    qtbot.keyClick(main.inbox.table, Qt.Key.Key_Tab)
    assert not main.inbox.table.hasFocus()  # one Tab leaves the table instead of walking its cells
    main.inbox.table.setFocus()
    qtbot.waitUntil(main.inbox.table.hasFocus, timeout=2_000)
    qtbot.keyClick(main.inbox.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(main.inbox.search.hasFocus, timeout=2_000)  # one Ctrl+F, not two that cancel out


def test_the_window_fits_a_1366x768_laptop_at_125_percent(qtbot, store: Store):
    main = window(qtbot, store, [])
    assert main.minimumSizeHint().width() <= LAPTOP.width() and main.minimumSize().width() <= LAPTOP.width()
    main.resize(LAPTOP.width() - 40, LAPTOP.height() - 60)
    qtbot.wait(50)
    assert main.width() <= LAPTOP.width()
    assert main.inbox.search.width() >= 200  # the search field shows what is typed
    for tab in range(3):
        main.tabs.setCurrentIndex(tab)
        assert main.tabs.currentWidget().minimumSizeHint().height() <= LAPTOP.height() - 120


def test_inbox_selection_context_menu_mark_all_read_and_undo(qtbot, store: Store):
    stock(store)
    view = InboxView(Service(store), lambda url: None)
    qtbot.addWidget(view)
    view.show()
    view.table.selectAll()
    assert len(view.selected_rows()) == 3
    view.set_read(True)
    assert all(inbox.detail(store, r.id).read for r in view.model.rows)
    view.undo()
    assert not any(inbox.detail(store, r.id).read for r in view.model.rows)
    view.mark_all_read()
    assert inbox.count(store, inbox.InboxQuery(unread_only=True)) == 0
    view.undo()
    assert inbox.count(store, inbox.InboxQuery(unread_only=True)) == 3
    view.table.clearSelection()
    view.table.selectRow(0)
    view._context_menu(view.table.visualRect(view.model.index(0, 3)).center())
    texts = [a.text().replace("&", "") for a in view._menu.actions() if a.text()]
    assert texts[:2] == ["Open original", "Copy link"] and "Mark all read" in texts
    assert any(t.startswith("Mute Minoru Kiuchi") for t in texts)
    view._menu.close()


def test_mute_has_a_visible_state_and_ctrl_z_undoes_it(qtbot, store: Store):
    stock(store)
    view = InboxView(Service(store), lambda url: None)
    qtbot.addWidget(view)
    view.show()
    view.table.clearSelection()
    view.table.selectRow(0)
    assert view.mute_button.text().replace("&", "") == "Mute Minoru Kiuchi"
    view.toggle_mute()
    assert inbox.entity_muted(store, "Japan AI & IP", "Minoru Kiuchi")
    assert view.mute_button.text().replace("&", "") == "Unmute Minoru Kiuchi" and "muted" in view.detail_meta.text()
    view.undo()
    assert not inbox.entity_muted(store, "Japan AI & IP", "Minoru Kiuchi")


def test_empty_inbox_and_a_search_without_hits_say_so(qtbot, store: Store):
    view = InboxView(Service(store), lambda url: None)
    qtbot.addWidget(view)
    view.show()
    assert view.list_pages.currentIndex() == 1 and view.empty.text().startswith("No sources yet")
    assert "Watchlists tab" in view.empty.text()
    store.apply_config([], [Source("Wire", "feed", "https://example.org/wire.xml")])
    view.refresh()
    assert view.list_pages.currentIndex() == 1 and view.empty.text().startswith("No alerts yet")
    stock(store)
    view.refresh()
    assert view.list_pages.currentIndex() == 0
    view.search.setText("nothing like this anywhere")
    qtbot.waitUntil(lambda: view.list_pages.currentIndex() == 1, timeout=3_000)
    assert "\u201cnothing like this anywhere\u201d" in view.empty.text() and view.clear_filters.isVisible()
    view.clear_filters.click()
    assert view.model.total == 3 and view.search.text() == ""


def test_opening_several_originals_marks_them_read(qtbot, store: Store):
    stock(store)
    opened: list[str] = []
    view = InboxView(Service(store), opened.append)
    qtbot.addWidget(view)
    view.show()
    view.table.selectAll()
    view.open_current()
    assert opened == ["https://example.org/kaiken", "https://example.org/openai"]  # never the file: link
    assert inbox.count(store, inbox.InboxQuery(unread_only=True)) == 1


def health_row(name: str, url: str, error: str | None, status: str = "failing") -> SourceHealth:
    return SourceHealth(name=name, kind="feed", url=url, enabled=True, status=status, last_success=None,
                        last_attempt=NOW, last_error=error, consecutive_failures=1, next_check=None,
                        retry_after=None, items=0, newest_item=None)


def test_offline_is_said_only_when_every_source_fails_the_same_way():
    offline = [health_row("Kantei", "https://www.kantei.go.jp/index-jnews.rdf",
                          "could not find the server www.kantei.go.jp (name lookup failed)"),
               health_row("News search", "https://news.google.com/rss/search?q=x",
                          "could not find the server news.google.com (name lookup failed)")]
    notice = offline_notice(offline)
    assert notice is not None and str(notice).startswith("This computer seems to be offline")
    one_works = offline + [health_row("Digital Agency", "https://www.digital.go.jp/rss/news.xml", None, "ok")]
    assert offline_notice(one_works) is None
    differing = offline[:1] + [health_row("Wire", "https://example.org/w.rss", "server answered 503 (Service "
                                                                              "Unavailable)")]
    assert offline_notice(differing) is None


def test_health_view_empty_state_retry_all_and_selecting_a_source(qtbot, store: Store):
    retried: list[bool] = []
    view = HealthView(Service(store), lambda: retried.append(True))
    qtbot.addWidget(view)
    view.show()
    assert view.pages.currentIndex() == 1 and "No sources yet" in view.empty.text()
    store.apply_config([], [Source("A", "feed", "https://a.example.org/f"), Source("B", "feed",
                                                                                  "https://b.example.org/f")])
    view.refresh()
    assert view.pages.currentIndex() == 0
    view.retry_all_button.click()
    assert retried == [True]
    view.select("B")
    assert view.current().name == "B"


def test_health_view_says_how_the_checks_asked_for_went(qtbot, store: Store, world):
    from feedworld import Route, rss
    from stakewatch.core import settings

    world.routes["/up.xml"] = Route(rss([{"title": "Minister speaks", "link": "http://127.0.0.1/a", "guid": "a"}]))
    store.apply_config([], [Source("Up", "feed", world.url("/up.xml")),
                            Source("Down", "feed", world.url("/down.xml"))])  # not served: 404
    settings.put(store, "poll.host_spacing", "0")
    said: list[str] = []

    def check_now() -> None:  # what the tray does: a cycle, then the window refreshed
        Service(store).poll(force=True, notify=False)
        view.refresh()

    view = HealthView(Service(store), check_now)
    qtbot.addWidget(view)
    view.status.connect(said.append)
    view.select("Down")
    view.retry_current()
    assert said[0] == "Checking Down now"
    assert len(said) == 2 and said[1].startswith("Down still fails: ") and "404" in said[1], said
    view.refresh()  # nothing new: nothing more is said
    view.select("Up")
    view.retry_current()
    assert said[2:] == ["Checking Up now", "Up answers normally"]
    view.retry_all()
    assert said[4:] == ["Checking every source now", "Checked 2 sources: 1 answer normally, 1 fail"]


def test_editor_import_and_export_buttons_call_with_no_argument(qtbot, store: Store):
    got: list[tuple[object, ...]] = []
    view = EditorView(Service(store), lambda *args: got.append(args), lambda *args: got.append(args))
    qtbot.addWidget(view)
    for button in view.findChildren(type(view.new_source)):
        if button.text().replace("&", "") in ("Import\u2026", "Export\u2026"):
            button.click()
    assert got == [(), ()]


def test_editor_asks_before_dropping_changes(qtbot, store: Store, monkeypatch):
    stock(store)
    view = EditorView(Service(store))
    qtbot.addWidget(view)
    view.show()
    view.select(ENTITY, "Japan AI & IP", "OpenAI")
    view.entity_form.aliases.setPlainText("Open AI")
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save]
    asked: list[bool] = []
    monkeypatch.setattr(view, "ask_unsaved", lambda: asked.append(True) or answers.pop(0))
    view.select(SOURCE, None, "Wire")
    assert view.pages.currentWidget() is view.entity_form and view.editing[2] == "OpenAI"
    view.select(SOURCE, None, "Wire")
    assert view.pages.currentWidget() is view.source_form and len(asked) == 2
    saved = {e.name: e for w in store.watchlists() for e in w.entities}["OpenAI"]
    assert saved.aliases == ("Open AI",)


def test_editor_completes_addresses_and_renames_mutes_and_chooses_watchlists(qtbot, store: Store):
    stock(store)
    store.apply_config([Watchlist("Trade")], [])
    view = EditorView(Service(store))
    qtbot.addWidget(view)
    view.show()
    view.start_new_source()
    form = view.source_form
    form.name.setText("Digital Agency")
    form.url.setText("www.digital.go.jp/rss/news.xml")
    form.url.editingFinished.emit()
    assert form.url.text() == "https://www.digital.go.jp/rss/news.xml"
    assert form.save.isEnabled()
    form.save.click()
    assert store.sources()[-1].url == "https://www.digital.go.jp/rss/news.xml"

    view.select(WATCHLIST, "Trade", None)
    assert view.pages.currentWidget() is view.watchlist_form
    view.watchlist_form.name.setText("Trade policy")
    view.watchlist_form.muted.setChecked(True)
    view.watchlist_form.save.click()
    assert [(w.name, w.muted) for w in store.watchlists()][-1] == ("Trade policy", True)

    view.select(WATCHLIST, "Japan AI & IP", None)
    view.start_new_entity()
    view.entity_form.watchlist.setCurrentText("Trade policy")
    view.entity_form.name.setText("METI")
    view.entity_form.save.click()
    assert [e.name for w in store.watchlists() if w.name == "Trade policy" for e in w.entities] == ["METI"]


def test_tray_icon_shows_unread_and_failing_together(qtbot):
    unread = tray_pixmap(unread=4).toImage()
    both = tray_pixmap(unread=4, failing=True).toImage()
    quiet = tray_pixmap(unread=4, failing=True, quiet=True).toImage()
    assert len({unread.cacheKey(), both.cacheKey(), quiet.cacheKey()}) == 3
    assert unread != both and both != quiet


def test_a_failing_source_notice_opens_health_with_that_source(qtbot, data_dir: Path):
    from test_tray import RecordingNotifier

    from stakewatch.core.delivery.policy import Notification
    from stakewatch.qt.app import Controller

    with _store(data_dir) as store:
        store.apply_config([Watchlist("W", (Entity("Sora 2", "product"),))],
                           [Source("A", "feed", "https://a.example.org/f"),
                            Source("Cabinet Office", "feed", "https://c.example.org/f")])
    controller = Controller(data_dir, notifier=RecordingNotifier())
    try:
        controller._notification_clicked(Notification("Source failing: Cabinet Office", "server answered 503",
                                                      None, opens_inbox=True, kind="health",
                                                      source="Cabinet Office"))
        assert controller.window.tabs.currentIndex() == 1
        assert controller.window.health.current().name == "Cabinet Office"
    finally:
        controller.tasks.pool.waitForDone(10_000)
        controller.window.close()
    assert QApplication.instance() is not None


def _store(root: Path):
    from stakewatch.core.store.database import open_store

    return open_store(root)


def test_ctrl_z_in_the_window_undoes_a_deletion(qtbot, store: Store):
    main = window(qtbot, store, [])
    main.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main, timeout=3_000)
    main.tabs.setCurrentIndex(2)
    main.editor.select(ENTITY, "Japan AI & IP", "Sora 2")
    main.editor.delete_selected()
    assert "Sora 2" not in [e.name for w in store.watchlists() for e in w.entities]
    main.editor.tree.setFocus()
    qtbot.keyClick(main.editor.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "Sora 2" in [e.name for w in store.watchlists() for e in w.entities]


def test_ctrl_z_after_mark_all_read_from_the_search_field_undoes_the_marks(qtbot, store: Store):
    """The status line says "Ctrl+Z undoes it": typed right after searching and marking all read, Ctrl+Z
    undoes the marks (it used to undo the typing in the search field instead)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    main = window(qtbot, store, [])
    qtbot.waitExposed(main)
    main.activateWindow()
    inbox_view = main.inbox
    inbox_view.focus_search()
    qtbot.keyClicks(inbox_view.search, "Sora")
    qtbot.waitUntil(lambda: "Sora" in inbox_view.search.text())
    unread = {a.id for a in store.alerts() if not a.read}
    assert unread
    inbox_view.mark_all_read()
    marked = {a.id for a in store.alerts() if a.read}
    assert marked
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not {a.id for a in store.alerts() if a.read} & marked, "Ctrl+Z did not undo the marks"
    assert inbox_view.search.text() == "Sora"  # the search stays as typed
