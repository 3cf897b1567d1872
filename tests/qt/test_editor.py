"""The watchlist editor over a real store: validation, the Test panel, discovery, undo."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from feedworld import Route, WorldServer, rss
from stakewatch.core import Service
from stakewatch.core.matching.ingest import Validators, ingest
from stakewatch.core.matching.matcher import Matcher
from stakewatch.core.model import Entity, Item, Source, Watchlist
from stakewatch.core.store.database import Store
from stakewatch.qt.editor import ENTITY, SOURCE, WATCHLIST, EditorView

NOW = datetime.now(UTC)


def stock(store: Store) -> None:
    store.apply_config([Watchlist("Japan AI & IP", (Entity("Sora 2", "product", aliases=("Sora2",)),))],
                       [Source("Wire", "feed", "https://example.org/wire.xml")])
    wire = store.sources()[0]
    items = [Item("1", "https://example.org/1", "Digital minister Masaaki Taira on AI", published=NOW),
             Item("2", "https://example.org/2", "The Taira clan in history, a digital exhibition", published=NOW),
             Item("3", "https://example.org/3", "平将明大臣が会見", published=NOW - timedelta(hours=1)),
             Item("4", "https://example.org/4", "Sora 2 tops the charts", published=NOW)]
    ingest(store, wire, items, Matcher(store.watchlists()), store.entity_ids(), NOW,
           Validators(wire.url, None, None), NOW)


_views: list[EditorView] = []


@pytest.fixture(autouse=True)
def _stop_views_before_the_store_closes(store: Store) -> Iterator[None]:
    yield
    for view in _views:
        view._test_timer.stop()
        view.close()
    _views.clear()


def editor(qtbot, store: Store) -> EditorView:
    stock(store)
    view = EditorView(Service(store))
    qtbot.addWidget(view)
    view.show()
    _views.append(view)
    return view


def test_edit_and_save_an_entity_reaches_the_store(qtbot, store: Store):
    view = editor(qtbot, store)
    view.select(WATCHLIST, "Japan AI & IP", None)
    view.start_new_entity()
    form = view.entity_form
    assert not form.save.isEnabled() and form.error.text() == ""  # nothing said before anything was typed
    form.name.setText("x")
    form.name.setText("")
    assert form.error.text() == "Name: must not be empty"
    form.name.setText("Masaaki Taira")
    form.aliases.setPlainText("平将明\nTaira")
    form.context.setPlainText("minister\ndigital\n大臣")
    form.exclude.setPlainText("Taira clan")
    assert form.save.isEnabled() and form.error.text() == ""
    form.save.click()
    saved = {e.name: e for w in store.watchlists() for e in w.entities}["Masaaki Taira"]
    assert saved.aliases == ("平将明", "Taira") and saved.exclude == ("Taira clan",) and saved.kind == "official"
    assert view.find_node(ENTITY, "Japan AI & IP", "Masaaki Taira") is not None


def test_invalid_alias_and_duplicate_name_are_refused_with_reasons(qtbot, store: Store):
    view = editor(qtbot, store)
    view.select(WATCHLIST, "Japan AI & IP", None)
    view.start_new_entity()
    form = view.entity_form
    form.name.setText("Masaaki Taira")
    form.aliases.setPlainText("Taira\n - ")
    assert not form.save.isEnabled()
    assert form.error.text() == "Aliases, line 2: has nothing to match once spaces and dashes are set aside"
    form.aliases.setPlainText("Taira")
    form.name.setText("sora 2")
    assert not form.save.isEnabled() and "duplicate entity name" in form.error.text()


def test_the_test_panel_lists_stored_items_that_would_match(qtbot, store: Store):
    view = editor(qtbot, store)
    view.select(WATCHLIST, "Japan AI & IP", None)
    view.start_new_entity()
    form = view.entity_form
    form.name.setText("Masaaki Taira")
    form.aliases.setPlainText("平将明\nTaira")
    view.run_test()
    titles = {form.test.item(r, 0).text() for r in range(form.test.rowCount())}
    assert titles == {"Digital minister Masaaki Taira on AI", "The Taira clan in history, a digital exhibition",
                      "平将明大臣が会見"}
    form.exclude.setPlainText("Taira clan")
    view.run_test()
    titles = {form.test.item(r, 0).text() for r in range(form.test.rowCount())}
    assert "The Taira clan in history, a digital exhibition" not in titles and len(titles) == 2
    assert form.test_summary.text() == "2 of the 4 most recent stored items match"
    row = next(r for r in range(form.test.rowCount()) if form.test.item(r, 0).text() == "平将明大臣が会見")
    assert form.test.item(row, 2).text() == "平将明"


def test_source_url_validated_and_feeds_discovered_from_a_page(qtbot, store: Store, world: WorldServer):
    world.routes["/ministry/"] = Route(
        b'<html><head><title>Ministry</title>'
        b'<link rel="alternate" type="application/rss+xml" title="Press releases" href="/press.rss">'
        b'<link rel="alternate" type="application/atom+xml" href="https://example.org/atom.xml">'
        b'<link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">'
        b'<link rel="stylesheet" href="/style.css"></head><body>hi</body></html>', content_type="text/html")
    world.routes["/press.rss"] = Route(rss([{"title": "x", "link": "http://x/1"}]))
    view = editor(qtbot, store)
    view.start_new_source()
    form = view.source_form
    form.name.setText("Ministry")
    form.url.setText("ftp://example.org/feed")
    assert not form.save.isEnabled() and form.error.text().startswith("Address: only http and https")
    form.url.setText(world.url("/ministry/"))
    form.find_button.click()
    qtbot.waitUntil(lambda: form.found.count() == 2 and "Looking" not in form.found.item(0).text(), timeout=10_000)
    assert "Press releases" in form.found.item(0).text()
    assert form.found.currentRow() == 0 and form.use_feed.isEnabled()
    form.use_feed.click()
    assert form.url.text() == world.url("/press.rss")
    offered = [form.official_for.item(i).text() for i in range(form.official_for.count())]
    assert offered == ["Sora 2"]  # a choice among the entities that exist, not free text
    form.official_for.item(0).setCheckState(Qt.CheckState.Checked)
    form.save.click()
    assert [(s.name, s.url, s.official_for) for s in store.sources()][-1] == (
        "Ministry", world.url("/press.rss"), ("Sora 2",))


def test_delete_then_undo_restores_the_entity_and_its_alerts(qtbot, store: Store):
    view = editor(qtbot, store)
    before = [(a.entity, a.title) for a in store.alerts()]
    assert ("Sora 2", "Sora 2 tops the charts") in before
    view.select(ENTITY, "Japan AI & IP", "Sora 2")
    view.delete_selected()
    assert store.alerts() == [] and view.undo.isEnabled()
    view.undo_delete()
    assert [(a.entity, a.title) for a in store.alerts()] == before
    view.select(SOURCE, None, "Wire")
    view.delete_selected()
    assert store.sources() == [] and store.count("items") == 0
    view.undo_delete()
    assert [s.name for s in store.sources()] == ["Wire"] and store.count("items") == 4
    assert store.alerts()[0].sources == ("Wire",)
    found = store.conn.execute("SELECT COUNT(*) FROM items_fts WHERE items_fts MATCH '\"charts\"'").fetchone()[0]
    assert found == 1


def test_page_source_with_selectors_previews_what_it_picks(qtbot, store: Store, world: WorldServer):
    page = ('<html><head><meta charset="shift_jis"></head><body><ul class="press">'
            '<li><span class="d">令和7年10月10日</span><a href="/k/1">城内実大臣記者会見</a></li>'
            '<li><span class="d">令和7年10月3日</span><a href="/k/2">定例会見</a></li></ul></body></html>')
    world.routes["/press/"] = Route(page.encode("shift_jis"), content_type="text/html")
    view = editor(qtbot, store)
    view.start_new_source()
    form = view.source_form
    form.name.setText("Cabinet Office press")
    form.set_kind("page")
    form.url.setText(world.url("/press/"))
    assert not form.save.isEnabled() and "a listing page needs the CSS selector" in form.error.text()
    form.selectors["item"].setText("ul.press li")
    form.selectors["date"].setText(".d")
    assert form.save.isEnabled()
    view.preview()
    previewed = form.preview_list
    qtbot.waitUntil(lambda: previewed.count() == 2 and "Fetching" not in previewed.item(0).text(), timeout=10_000)
    assert previewed.item(0).text().startswith("2025-10-10  城内実大臣記者会見") and form.found.count() == 0
    form.save.click()
    saved = next(s for s in store.sources() if s.name == "Cabinet Office press")
    assert saved.kind == "page" and saved.options == {"item": "ul.press li", "date": ".d"}


def test_password_field_refuses_without_a_secure_keyring(qtbot, store: Store, monkeypatch):
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    import keyring.core

    keyring.core.init_backend()
    view = editor(qtbot, store)
    view.start_new_source()
    form = view.source_form
    form.credential.setText("wire-api")
    form.secret.setText("sk-test-secret")
    try:
        view.store_secret()
        assert form.keyring_state.text().startswith("Waiting for your keyring")
        qtbot.waitUntil(lambda: "the secret was not stored" in form.keyring_state.text(), timeout=10_000)
        assert form.secret.echoMode() == form.secret.EchoMode.Password
    finally:
        monkeypatch.delenv("PYTHON_KEYRING_BACKEND")
        keyring.core.init_backend()


def test_a_new_entity_is_matched_against_stored_items_in_the_background(qtbot, store: Store):
    view = editor(qtbot, store)
    view.select(WATCHLIST, "Japan AI & IP", None)
    view.start_new_entity()
    form = view.entity_form
    form.name.setText("Masaaki Taira")
    form.aliases.setPlainText("平将明\nTaira")
    form.context.setPlainText("minister\ndigital\n大臣")
    form.exclude.setPlainText("Taira clan")
    with qtbot.waitSignal(view.saved, timeout=10_000):
        form.save.click()
    qtbot.waitUntil(lambda: view.backfilled != "", timeout=10_000)
    assert view.backfilled == "2 stored items matched the new or changed entities"
    taira = [a for a in store.alerts() if a.entity == "Masaaki Taira"]
    assert len(taira) == 2 and all(a.backfilled for a in taira)
def test_a_refresh_after_a_poll_keeps_the_selection_and_delete_still_works(qtbot, store: Store):
    view = editor(qtbot, store)
    view.select(ENTITY, "Japan AI & IP", "Sora 2")
    view.refresh()  # what the window does after every poll
    assert view._selection() == (ENTITY, "Japan AI & IP", "Sora 2")
    view.delete_selected()
    assert all(a.entity != "Sora 2" for a in store.alerts()) and view.undo.isEnabled()


def test_the_official_for_list_shows_names_in_the_readers_language(qtbot, store: Store):
    from languages import in_language

    taira = Entity("Masaaki Taira", "official", names=(("ja", "平将明"),))
    store.apply_config([Watchlist("Japan AI & IP", (taira, Entity("Sora 2", "product")))],
                       [Source("Wire", "feed", "https://example.org/wire.xml")])
    with in_language("ja"):
        view = EditorView(store)
        qtbot.addWidget(view)
        _views.append(view)
        view.start_new_source()
        form = view.source_form
        shown = {form.official_for.item(i).text(): i for i in range(form.official_for.count())}
        assert "平将明" in shown and "Masaaki Taira" not in shown
        form.official_for.item(shown["平将明"]).setCheckState(Qt.CheckState.Checked)
        assert form.official() == ["Masaaki Taira"]  # kept by its name
        form.set_official(["Masaaki Taira"])
        assert form.official_for.item(shown["平将明"]).checkState() == Qt.CheckState.Checked


def test_the_undo_button_keeps_its_key_and_shows_an_ampersand_in_a_name(qtbot, store: Store):
    """After a delete the button names what it brings back: Alt+U still presses it, and the "&" of
    "Japan AI & IP" shows as written (it used to vanish, underlining the letter after it)."""
    view = editor(qtbot, store)
    view.select(WATCHLIST, "Japan AI & IP", None)
    view.delete_selected()
    text = view.undo.text()
    assert text.startswith("&Undo") and "Japan AI && IP" in text, text
    view.undo_delete()
    assert view.undo.text() == "&Undo delete"
