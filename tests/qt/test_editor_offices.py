"""The editor shows an entity's offices as a table and its names per language, and keeps what it
does not show (dated aliases, titles in other languages) when the entity is saved again."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QTableWidgetItem
from test_editor import editor

from stakewatch.core.exchange.transfer import parse_entity
from stakewatch.core.store.database import Store
from stakewatch.qt.editor import ENTITY, WATCHLIST

TAIRA = {
    "name": "Masaaki Taira", "kind": "official", "aliases": ["平将明", {"text": "Taira", "needs_context": True},
                                                           {"text": "平大臣", "from": "2024-10-01"}],
    "context": ["minister"], "names": {"ja": "平将明", "ko": "다이라 마사아키", "de": "Masaaki Taira"},
    "offices": [{"titles": {"ja": ["デジタル大臣", "デジタル相"], "en": "digital minister",
                            "fr": "ministre du Numérique"}, "from": "2024-10-01", "until": "2025-10-21"}],
    "related": ["Sora 2"]}


def saved(store: Store, name: str):
    return {e.name: e for w in store.watchlists() for e in w.entities}[name]


def test_offices_names_and_related_entities_are_edited_and_kept(qtbot, store: Store):
    view = editor(qtbot, store)
    view.select(WATCHLIST, "Japan AI & IP", None)
    view.start_new_entity()
    form = view.entity_form
    form.load(parse_entity(TAIRA, "entity"))
    offices = form.offices
    assert offices.rowCount() == 1
    assert [offices.item(0, c).text() for c in range(6)] == \
        ["デジタル大臣; デジタル相", "digital minister", "", "", "2024-10-01", "2025-10-21"]
    names = {form.names.item(r, 0).text(): form.names.item(r, 1).text() for r in range(form.names.rowCount())}
    assert names == {"ja": "平将明", "en": "", "ko": "다이라 마사아키", "zh": "", "de": "Masaaki Taira"}
    assert form.related.text() == "Sora 2"
    offices.setItem(0, 2, QTableWidgetItem("디지털상; 디지털 장관"))
    form.add_office.click()
    offices.setItem(1, 0, QTableWidgetItem("行政改革担当大臣"))
    offices.setItem(1, 4, QTableWidgetItem("2024-10-01"))
    offices.setItem(1, 5, QTableWidgetItem("2025-10-21"))
    form.names.setItem(3, 1, QTableWidgetItem("平将明"))
    assert form.save.isEnabled(), form.error.text()
    form.save.click()
    entity = saved(store, "Masaaki Taira")
    assert dict(entity.names) == {"ja": "平将明", "ko": "다이라 마사아키", "zh": "平将明", "de": "Masaaki Taira"}
    first, second = entity.offices
    assert dict(first.titles) == {"ja": ("デジタル大臣", "デジタル相"), "ko": ("디지털상", "디지털 장관"),
                                  "en": ("digital minister",), "fr": ("ministre du Numérique",)}
    assert (second.all_titles, second.since, second.until) == (("行政改革担当大臣",), date(2024, 10, 1),
                                                               date(2025, 10, 21))
    assert entity.alias_dates == (("平大臣", date(2024, 10, 1), None),) and entity.related == ("Sora 2",)
    view.select(ENTITY, "Japan AI & IP", "Masaaki Taira")
    assert form.offices.rowCount() == 2 and form.offices.item(0, 2).text() == "디지털상; 디지털 장관"


def test_a_bad_tenure_or_an_unknown_related_entity_is_said_in_words(qtbot, store: Store):
    view = editor(qtbot, store)
    view.select(WATCHLIST, "Japan AI & IP", None)
    view.start_new_entity()
    form = view.entity_form
    form.name.setText("Masaaki Taira")
    form.add_office.click()
    form.offices.setItem(0, 1, QTableWidgetItem("digital minister"))
    form.offices.setItem(0, 4, QTableWidgetItem("2025-10-21"))
    form.offices.setItem(0, 5, QTableWidgetItem("2024-10-01"))
    view.validate_entity(everything=True)
    assert not form.save.isEnabled() and "Offices" in form.error.text() and "before it starts" in form.error.text()
    form.offices.setItem(0, 5, QTableWidgetItem(""))
    form.related.setText("Nobody")
    view.validate_entity(everything=True)
    assert not form.save.isEnabled() and "no entity named 'Nobody'" in form.error.text()
    form.related.setText("Sora 2")
    view.validate_entity(everything=True)
    assert form.save.isEnabled(), form.error.text()
