"""The story tree over a real store: one row per story, chips per entity, expanding to alerts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt

from stakewatch.core import Service
from stakewatch.core.matching.ingest import Validators, ingest
from stakewatch.core.matching.matcher import Matcher
from stakewatch.core.model import Entity, Item, Source, Watchlist
from stakewatch.core.store import annotations as store_annotations
from stakewatch.core.store.database import Store, open_store
from stakewatch.qt.story_tree import CHIPS_ROLE, ENTITIES, TITLE, StoryModel, StoryView

NOW = datetime.now(UTC)


def stock(store: Store) -> None:
    entities = (Entity("Minoru Kiuchi", "official", aliases=("城内実",), names=(("ja", "城内実"),)),
                Entity("OpenAI", "company"),
                Entity("Sora 2", "product"))
    store.apply_config([Watchlist("Japan AI & IP", entities)],
                       [Source("Cabinet Office", "feed", "https://example.org/cao.rdf",
                               official_for=("Minoru Kiuchi",)),
                        Source("Wire", "feed", "https://example.org/wire.xml")])
    sources = {s.name: s for s in store.sources()}
    matcher = Matcher(store.watchlists())
    for name, items in (
        ("Cabinet Office", [Item("c1", "https://example.org/kaiken", "城内実大臣の記者会見、OpenAIのSora 2に言及",
                                 published=NOW - timedelta(hours=1))]),
        ("Wire", [Item("w1", "https://example.org/openai", "OpenAI answers Japan on copyright",
                       published=NOW - timedelta(hours=2)),
                  Item("w2", "https://example.org/sora", "Sora 2 tops the app charts",
                       published=NOW - timedelta(hours=3))])):
        ingest(store, sources[name], items, matcher, store.entity_ids(), NOW,
               Validators(sources[name].url, None, None), NOW)


def test_one_row_per_story_expanding_to_its_alerts(qtbot, qtmodeltester, tmp_path: Path) -> None:
    with open_store(tmp_path) as store:
        stock(store)
        alerts = store.alerts()
        model = StoryModel(Service(store))
        model.reload()
        qtmodeltester.check(model)
        assert model.rowCount() == len({a.story for a in alerts})
        assert sum(model.rowCount(model.index(r, 0)) for r in range(model.rowCount())) == len(alerts)
        chips = [model.index(r, ENTITIES).data(CHIPS_ROLE) for r in range(model.rowCount())]
        assert ("Minoru Kiuchi", True) in [c for row in chips for c in row]

        view = StoryView(model)
        qtbot.addWidget(view)
        view.show()
        first = model.index(0, 0)
        view.expand(first)
        view.selectionModel().select(first, view.selectionModel().SelectionFlag.Rows
                                     | view.selectionModel().SelectionFlag.Select)
        story_ids = view.selected_alert_ids()
        assert story_ids and set(story_ids) == set(model.story_at(first).alerts)  # type: ignore[union-attr]

        store_annotations.set_flag(store, story_ids)
        model.reload()
        assert model.index(0, TITLE).data(Qt.ItemDataRole.DisplayRole).startswith("\u2691 ")
        assert model.index(0, 0, QModelIndex()).isValid()


def test_note_tags_and_flag_from_the_keyboard(qtbot, tmp_path: Path, monkeypatch) -> None:
    from PySide6.QtWidgets import QDialog, QInputDialog

    from stakewatch.qt.annotate import Annotations, NoteDialog

    with open_store(tmp_path) as store:
        stock(store)
        model = StoryModel(Service(store))
        model.reload()
        view = StoryView(model)
        qtbot.addWidget(view)
        view.show()
        actions = Annotations(Service(store), view.selected_alert_ids, view)
        actions.changed.connect(view.reload)
        actions.watch(view)
        view.setCurrentIndex(model.index(0, 0))
        view.selectionModel().select(model.index(0, 0), view.selectionModel().SelectionFlag.ClearAndSelect
                                     | view.selectionModel().SelectionFlag.Rows)
        ids = view.selected_alert_ids()
        said: list[str] = []
        actions.said.connect(said.append)

        def write_note_while_a_poll_moves_the_selection(dialog: NoteDialog) -> QDialog.DialogCode:
            dialog.edit.setPlainText("記者会見の全文を確認")
            view.setCurrentIndex(model.index(1, 0))
            view.selectionModel().select(model.index(1, 0), view.selectionModel().SelectionFlag.ClearAndSelect
                                         | view.selectionModel().SelectionFlag.Rows)
            return QDialog.DialogCode.Accepted

        monkeypatch.setattr(NoteDialog, "exec", write_note_while_a_poll_moves_the_selection)
        monkeypatch.setattr(QInputDialog, "exec", lambda dialog: (dialog.setTextValue("Copyright, 要確認"),
                                                                  QDialog.DialogCode.Accepted.value)[1])
        view.setFocus()
        qtbot.keyClick(view, Qt.Key.Key_N)
        assert all(a.note == "記者会見の全文を確認" for a in store.alerts(ids=ids))
        assert not any(a.note for a in store.alerts() if a.id not in ids)
        assert said == [f"Note saved on {len(ids)} alert(s)"]
        view.setCurrentIndex(model.index(0, 0))
        view.selectionModel().select(model.index(0, 0), view.selectionModel().SelectionFlag.ClearAndSelect
                                     | view.selectionModel().SelectionFlag.Rows)
        qtbot.keyClick(view, Qt.Key.Key_T)
        qtbot.keyClick(view, Qt.Key.Key_F)
        stored = store.alerts(ids=ids)
        assert all(a.note == "記者会見の全文を確認" and a.flagged for a in stored)
        assert all(a.tags == ("copyright", "要確認") for a in stored)


def test_the_inbox_lists_stories_first_and_exports_what_it_shows(qtbot, tmp_path: Path) -> None:
    import csv

    from stakewatch.qt.inbox import InboxView

    with open_store(tmp_path) as store:
        stock(store)
        view = InboxView(Service(store), lambda url: None, by_story=True)
        qtbot.addWidget(view)
        view.show()
        stories = {a.story for a in store.alerts()}
        assert view.list_pages.currentWidget() is view.stories
        assert view.story_model.rowCount() == len(stories) < len(store.alerts())
        view.stories.setFocus()
        view.stories.selectionModel().select(view.story_model.index(0, 0),
                                             view.stories.selectionModel().SelectionFlag.ClearAndSelect
                                             | view.stories.selectionModel().SelectionFlag.Rows)
        qtbot.keyClick(view.stories, Qt.Key.Key_F)
        flagged = [a for a in store.alerts() if a.flagged]
        assert flagged and {a.story for a in flagged} == {view.story_model.story_at(view.story_model.index(0, 0)).story}
        view.search.setText("OpenAI")
        view.apply()
        target = tmp_path / "shown.csv"
        view.export_shown(str(target))
        qtbot.waitUntil(lambda: view.export_button.isEnabled(), timeout=20_000)
        rows = list(csv.DictReader(target.read_text(encoding="utf-8-sig").splitlines()))
        assert rows and all("OpenAI" in r["Title"] or "OpenAI" in r["Entity"] for r in rows)
        view.search.setText("nothing like this")
        view.apply()
        assert not view.export_button.isEnabled()
        view.search.clear()
        view.apply()
        view.grouping.setCurrentIndex(1)
        assert view.list_pages.currentWidget() is view.table


def test_a_story_naming_several_entities_offers_each_to_mute(qtbot, tmp_path: Path) -> None:
    from stakewatch.core.store import inbox
    from stakewatch.qt.inbox import InboxView

    with open_store(tmp_path) as store:
        stock(store)
        view = InboxView(Service(store), lambda url: None, by_story=True)
        qtbot.addWidget(view)
        view.show()
        first = view.story_model.index(0, 0)
        view.stories.setCurrentIndex(first)
        named = set(view.story_model.story_at(first).entities)
        assert len(named) == 3
        choices = view.mute_button.menu()
        assert choices is not None and view.mute_button.text().replace("&", "") == "Mute an entity"
        labels = {a.text().replace("&", "").split(" ", 1)[1] for a in choices.actions()}
        assert labels == {f"Mute {name}" for name in named}
        keys = [a.text().split("&")[1][0] for a in choices.actions()]
        assert keys == ["1", "2", "3"]  # each its own key, not one M for all
        sora = next(a for a in choices.actions() if a.text().endswith("Mute Sora 2"))
        sora.trigger()
        qtbot.wait(10)
        assert inbox.entity_muted(store, "Japan AI & IP", "Sora 2")
        assert not inbox.entity_muted(store, "Japan AI & IP", "OpenAI")
        assert "Unmute Sora 2" in {a.text().replace("&", "").split(" ", 1)[1]
                                   for a in view.mute_button.menu().actions()}
        assert view.mute_button.text().replace("&", "") == "Mute or unmute an entity"
        view.undo()
        assert not inbox.entity_muted(store, "Japan AI & IP", "Sora 2")
        view.stories.setCurrentIndex(view.story_model.index(1, 0))
        assert view.mute_button.menu() is None
        assert view.mute_button.text().replace("&", "") == "Mute OpenAI"
        view.toggle_mute()
        assert inbox.entity_muted(store, "Japan AI & IP", "OpenAI")


def test_a_poll_keeps_the_readers_place_and_the_detail_shows_notes_and_tags(qtbot, tmp_path: Path) -> None:
    from stakewatch.qt.inbox import InboxView

    with open_store(tmp_path) as store:
        stock(store)
        view = InboxView(Service(store), lambda url: None, by_story=True)
        qtbot.addWidget(view)
        view.show()
        second = view.story_model.index(1, 0)
        view.stories.setCurrentIndex(second)
        view.stories.expand(second)
        story = view.story_model.story_at(second)
        ids = view.selected_alert_ids()
        store_annotations.set_note(store, ids, "議事録と照合")
        store_annotations.add_tags(store, ids, ["copyright"])
        store_annotations.set_flag(store, ids)
        view.refresh()
        current = view.stories.currentIndex()
        assert view.story_model.story_at(current).story == story.story and view.stories.isExpanded(current)
        meta = view.detail_meta.text()
        assert "Flagged for the briefing" in meta and "Tags: copyright" in meta and "Note: 議事録と照合" in meta
        view.grouping.setCurrentIndex(1)
        view.table.selectRow(2)
        chosen = view.model.row_at(2)
        view.refresh()
        assert view.model.row_at(view.current_row()).id == chosen.id


def test_a_chosen_alert_row_inside_a_story_stays_chosen_after_a_poll(qtbot, tmp_path: Path) -> None:
    from stakewatch.qt.inbox import InboxView

    with open_store(tmp_path) as store:
        stock(store)
        view = InboxView(store, lambda url: None, by_story=True)
        qtbot.addWidget(view)
        view.show()
        model = view.story_model
        parent = next(model.index(r, 0) for r in range(model.rowCount()) if model.rowCount(model.index(r, 0)) > 1)
        view.stories.expand(parent)
        child = model.index(1, 0, parent)
        view.stories.setCurrentIndex(child)
        chosen = model.alert_at(child)
        assert chosen is not None and view.selected_alert_ids() == [chosen.id]
        view.refresh()  # what a poll does
        current = view.stories.currentIndex()
        assert current.parent().isValid(), "the selection jumped to the story"
        assert model.alert_at(current).id == chosen.id
        assert view.selected_alert_ids() == [chosen.id]
        assert [model.alert_at(i).id for i in view.stories.selectionModel().selectedRows()] == [chosen.id]


def test_menus_name_entities_in_the_readers_language(qtbot, tmp_path: Path) -> None:
    from languages import in_language

    from stakewatch.core.service import Snapshot
    from stakewatch.qt.inbox import InboxView
    from stakewatch.qt.tray_menu import MenuHandlers, TrayMenu

    with open_store(tmp_path) as store, in_language("ja"):
        stock(store)
        view = InboxView(store, lambda url: None, by_story=True)
        qtbot.addWidget(view)
        view.show()
        view.stories.setCurrentIndex(view.story_model.index(0, 0))
        choices = view.mute_button.menu()
        assert choices is not None
        texts = " ".join(a.text() for a in choices.actions())
        assert "城内実" in texts and "Minoru Kiuchi" not in texts
        kiuchi = next(a for a in choices.actions() if "城内実" in a.text())
        kiuchi.trigger()
        assert "城内実" in view.undo_stack[-1][0] and "Minoru Kiuchi" not in view.undo_stack[-1][0]
        nothing = lambda *_args: None  # noqa: E731
        tray = TrayMenu(MenuHandlers(nothing, nothing, nothing, nothing, nothing, nothing, nothing, nothing,
                                     nothing, nothing, nothing))
        tray.build(Snapshot(latest=store.alerts()), paused=False)
        lines = " ".join(a.text() for a in tray.menu.actions())
        assert "城内実" in lines and "Minoru Kiuchi" not in lines


def test_the_tray_menu_lists_a_storys_entities_the_readers_way(qtbot, tmp_path: Path) -> None:
    """One entry per story names its entities: in Japanese joined with "、", not an English comma."""
    from dataclasses import replace

    from languages import in_language

    from stakewatch.core.service import Snapshot
    from stakewatch.qt.tray_menu import MenuHandlers, TrayMenu

    nothing = lambda *_args: None  # noqa: E731
    with open_store(tmp_path) as store:
        stock(store)
        lead = store.alerts()[0]
        story = [lead, replace(lead, id=lead.id + 10_000, entity="Kyoto Animation", entity_names={})]
        for lang, joined in (("ja", f"{lead.entity_label}\u3001Kyoto Animation"),
                             ("en", f"{lead.entity_label}, Kyoto Animation")):
            with in_language(lang):
                tray = TrayMenu(MenuHandlers(nothing, nothing, nothing, nothing, nothing, nothing, nothing,
                                             nothing, nothing, nothing, nothing))
                tray.build(Snapshot(latest=story), paused=False)
                lines = [a.text() for a in tray.menu.actions()]
                assert any(joined in line for line in lines), (lang, lines)


def test_the_flag_action_says_whether_it_flags_or_unflags(qtbot, tmp_path: Path) -> None:
    from stakewatch.qt.inbox import InboxView

    with open_store(tmp_path) as store:
        stock(store)
        view = InboxView(store, lambda url: None, by_story=True)
        qtbot.addWidget(view)
        view.show()
        view.stories.setCurrentIndex(view.story_model.index(0, 0))
        flag = view.annotations.flag_action
        assert flag.text().replace("&", "") == "Flag for briefing"
        flag.trigger()
        qtbot.waitUntil(lambda: flag.text().replace("&", "") == "Remove the briefing flag", timeout=5_000)
        chosen = view.selected_alert_ids()
        assert chosen and all(a.flagged for a in store.alerts(ids=chosen))
        flag.trigger()
        qtbot.waitUntil(lambda: flag.text().replace("&", "") == "Flag for briefing", timeout=5_000)
        assert not any(a.flagged for a in store.alerts(ids=chosen))
