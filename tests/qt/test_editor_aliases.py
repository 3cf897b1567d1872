"""The editor's per-alias "needs context" ticks, vetoes, and the Test panel that follows them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from test_editor import editor

from stakewatch.core.store.database import Store
from stakewatch.qt.editor import ENTITY, SOURCE, WATCHLIST, EditorView


def ticks(view: EditorView) -> dict[str, bool]:
    rows = view.entity_form.needs_context
    return {rows.item(i).text(): rows.item(i).checkState() == Qt.CheckState.Checked for i in range(rows.count())}


def titles(view: EditorView) -> set[str]:
    view.run_test()
    table = view.entity_form.test
    return {table.item(r, 0).text() for r in range(table.rowCount())}


def test_each_alias_shows_whether_it_needs_context_and_the_user_can_change_it(qtbot, store: Store):
    view = editor(qtbot, store)
    view.select(WATCHLIST, "Japan AI & IP", None)
    view.start_new_entity()
    form = view.entity_form
    form.name.setText("Masaaki Taira")
    form.aliases.setPlainText("平将明\nTaira")
    assert ticks(view) == {"Masaaki Taira": False, "平将明": False, "Taira": False}
    assert not form.needs_context.item(2).flags() & Qt.ItemFlag.ItemIsEnabled  # no context words yet
    form.context.setPlainText("minister")
    assert ticks(view) == {"Masaaki Taira": False, "平将明": False, "Taira": True}
    assert titles(view) == {"Digital minister Masaaki Taira on AI", "平将明大臣が会見"}
    form.exclude.setPlainText("Taira clan")
    form.needs_context.item(2).setCheckState(Qt.CheckState.Unchecked)
    assert titles(view) == {"Digital minister Masaaki Taira on AI", "平将明大臣が会見"}
    form.exclude.setPlainText("")
    assert "The Taira clan in history, a digital exhibition" in titles(view)
    form.veto.setPlainText("exhibition")
    form.needs_context.item(1).setCheckState(Qt.CheckState.Checked)
    assert titles(view) == {"Digital minister Masaaki Taira on AI"}
    assert form.save.isEnabled(), form.error.text()
    form.save.click()
    saved = {e.name: e for w in store.watchlists() for e in w.entities}["Masaaki Taira"]
    assert saved.alias_context == (("平将明", True), ("Taira", False)) and saved.veto == ("exhibition",)
    view.select(ENTITY, "Japan AI & IP", "Masaaki Taira")
    assert ticks(view) == {"Masaaki Taira": False, "平将明": True, "Taira": False}
    assert form.veto.toPlainText() == "exhibition"


def test_a_source_can_belong_to_an_entity_and_editing_keeps_it(qtbot, store: Store):
    view = editor(qtbot, store)
    view.start_new_source()
    form = view.source_form
    form.name.setText("Sora team blog")
    form.url.setText("https://blog.example/posts.atom")
    form.owner.setText("Nobody")
    assert not form.save.isEnabled() and form.error.text() == "source.entity: no entity named 'Nobody'"
    form.owner.setText("Sora 2")
    assert form.save.isEnabled(), form.error.text()
    form.save.click()
    saved = {s.name: s for s in store.sources()}["Sora team blog"]
    assert saved.entity == "Sora 2" and saved.official_for == ("Sora 2",)
    view.select(SOURCE, None, "Sora team blog")
    assert form.owner.text() == "Sora 2" and form.official() == []
    form.interval.setValue(45)
    form.save.click()
    saved = {s.name: s for s in store.sources()}["Sora team blog"]
    assert saved.entity == "Sora 2" and saved.interval_minutes == 45
