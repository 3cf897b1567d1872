"""The inbox and source health views over a real store, driven with pytest-qt."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from stakewatch.core import Service
from stakewatch.core.matching.ingest import Validators, ingest
from stakewatch.core.matching.matcher import Matcher
from stakewatch.core.model import Entity, Item, Source, Watchlist
from stakewatch.core.platform.links import open_link
from stakewatch.core.store import inbox
from stakewatch.core.store.database import Store, open_store
from stakewatch.qt.health import HealthView
from stakewatch.qt.inbox import PAGE, InboxView

NOW = datetime.now(UTC)
ENTITIES = (Entity("Minoru Kiuchi", "official", aliases=("城内実",)), Entity("OpenAI", "company"),
            Entity("Sora 2", "product"))


def stock(store: Store, extra: int = 0) -> None:
    cabinet = Source("Cabinet Office", "feed", "https://example.org/cao.rdf", official_for=("Minoru Kiuchi",))
    store.apply_config([Watchlist("Japan AI & IP", ENTITIES)],
                       [cabinet, Source("Wire", "feed", "https://example.org/wire.xml")])
    sources = {s.name: s for s in store.sources()}
    matcher = Matcher(store.watchlists())

    def put(source: str, items: list[Item]) -> None:
        ingest(store, sources[source], items, matcher, store.entity_ids(), NOW,
               Validators(sources[source].url, None, None), NOW)

    put("Cabinet Office", [Item("c1", "https://example.org/kaiken", "城内実大臣の記者会見", "生成AIと著作権について",
                                published=NOW - timedelta(hours=1))])
    put("Wire", [
        Item("w1", "https://example.org/openai", "OpenAI answers Japan on copyright", "OpenAI said it would act",
             published=NOW - timedelta(hours=2)),
        Item("w2", "file:///etc/passwd", '<img src=x onerror=alert(1)> <a href="file:///etc/passwd">Sora 2</a>',
             "Sora 2 <b>bold?</b>", published=NOW - timedelta(hours=3)),
    ] + [Item(f"bulk{n}", f"https://example.org/bulk/{n}", f"Sora 2 bulk story number {n}",
              published=NOW - timedelta(hours=4, minutes=n)) for n in range(extra)])


@pytest.fixture
def view(qtbot, store: Store, opened_links: Path) -> InboxView:
    stock(store)
    widget = InboxView(Service(store), open_link)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_lists_newest_first_with_a_detail_pane(view: InboxView):
    assert view.model.total == 3 and view.count.text() == "3 alert(s)"
    assert [view.model.index(r, 2).data() for r in range(3)] == ["Minoru Kiuchi", "OpenAI", "Sora 2"]
    assert [view.model.index(r, 1).data() for r in range(3)] == ["statement", "coverage", "coverage"]
    assert view.detail_title.text() == "城内実大臣の記者会見"
    assert "Cabinet Office" in view.detail_meta.text()


def test_matched_words_are_bold_in_plain_text(view: InboxView):
    view.table.selectRow(1)
    document = view.detail_snippet.document()
    assert document.toPlainText() == "OpenAI said it would act"  # the whole text, the title not repeated
    cursor = QTextCursor(document)
    start = document.toPlainText().index("OpenAI")
    cursor.setPosition(start + 1)
    assert cursor.charFormat().fontWeight() == 700
    cursor.setPosition(len(document.toPlainText()))
    assert cursor.charFormat().fontWeight() != 700


def test_search_filters_and_unread(qtbot, view: InboxView, store: Store):
    view.search.setText("copyright")
    qtbot.waitUntil(lambda: view.model.total == 1, timeout=3_000)
    assert view.model.index(0, 2).data() == "OpenAI"
    view.search.setText("著作権")
    qtbot.waitUntil(lambda: view.model.total == 1 and view.model.index(0, 2).data() == "Minoru Kiuchi", timeout=3_000)
    view.search.setText("Ja")  # shorter than a trigram: matched with LIKE
    qtbot.waitUntil(lambda: view.model.total == 1 and view.model.index(0, 2).data() == "OpenAI", timeout=3_000)
    view.search.setText("")
    qtbot.waitUntil(lambda: view.model.total == 3, timeout=3_000)
    view.kind.setCurrentIndex(1)
    assert view.model.total == 1
    view.kind.setCurrentIndex(0)
    view.entity.setCurrentText("Sora 2")
    assert view.model.total == 1
    view.entity.setCurrentIndex(0)
    view.source.setCurrentText("Cabinet Office")
    assert view.model.total == 1
    view.source.setCurrentIndex(0)
    inbox.mark_read(store, [view.model.rows[0].id])
    view.unread.setChecked(True)
    assert view.model.total == 2


def test_keyboard_space_enter_and_ctrl_f(qtbot, view: InboxView, store: Store, opened_links: Path):
    view.table.setFocus()
    first = view.model.rows[0]
    qtbot.keyClick(view.table, Qt.Key.Key_Space)
    assert inbox.detail(store, first.id).read is True
    qtbot.keyClick(view.table, Qt.Key.Key_Space)
    assert inbox.detail(store, first.id).read is False
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    qtbot.waitUntil(opened_links.exists, timeout=5_000)
    assert opened_links.read_text().split() == ["https://example.org/kaiken"]
    assert inbox.detail(store, first.id).read is True
    qtbot.keyClick(view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert view.search.hasFocus()


def test_hostile_title_is_literal_and_file_link_never_opened(qtbot, view: InboxView, opened_links: Path):
    row = next(r for r, alert in enumerate(view.model.rows) if alert.url.startswith("file:"))
    view.table.clearSelection()
    view.table.selectRow(row)
    assert view.detail_title.text().startswith("<img src=x onerror=alert(1)>")
    assert view.detail_title.textFormat() == Qt.TextFormat.PlainText
    assert not view.open_button.isEnabled()
    view.open_current()
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    qtbot.wait(300)
    assert not opened_links.exists()


def test_mute_from_the_detail_pane(view: InboxView, store: Store):
    view.mute_current()
    muted = {e.name: e.muted for w in store.watchlists() for e in w.entities}
    assert muted["Minoru Kiuchi"] is True and muted["OpenAI"] is False


def test_pages_load_as_you_scroll(qtbot, tmp_path: Path):
    store = open_store(tmp_path / "big")
    stock(store, extra=1200)
    view = InboxView(Service(store), lambda url: None)
    qtbot.addWidget(view)
    assert view.model.total == 1203 and view.model.rowCount() == PAGE
    while view.model.canFetchMore():
        view.model.fetchMore()
    assert view.model.rowCount() == 1203
    view.model.sort(3, Qt.SortOrder.AscendingOrder)
    assert view.model.rowCount() == PAGE and view.model.query.order == "title"


def test_health_view_retry_and_disable(qtbot, store: Store):
    stock(store)
    store.record_failure(store.sources()[1].id, "server answered 500 (Internal Server Error)", NOW,
                         NOW + timedelta(hours=1), NOW + timedelta(hours=1), None)
    retried = []
    view = HealthView(Service(store), lambda: retried.append(True))
    qtbot.addWidget(view)
    assert view.table.item(1, 1).text() == "failing"
    assert view.table.item(1, 4).text() == "server answered 500 (Internal Server Error)"
    view.select("Wire")
    view.retry_current()
    assert retried == [True]
    assert store.source_row(store.sources()[1].id)["backoff_until"] is None
    view.toggle_current()
    assert [s.enabled for s in store.sources()] == [True, False]
    assert view.table.item(1, 1).text() == "disabled" and view.toggle_button.text() == "E&nable"


def test_japanese_translation_is_picked_by_locale(qtbot, store: Store):
    from PySide6.QtCore import QCoreApplication

    from stakewatch.qt.app import install_translation

    translator = install_translation(QCoreApplication.instance(), "ja")
    try:
        view = HealthView(Service(store), lambda: None)
        qtbot.addWidget(view)
        assert view.retry_button.text() == "今すぐ再試行(&R)"
        assert view.table.horizontalHeaderItem(1).text() == "状態"
    finally:
        QCoreApplication.removeTranslator(translator)
    english = install_translation(QCoreApplication.instance(), "en")
    try:
        assert HealthView(Service(store), lambda: None).retry_button.text() == "&Retry now"
        counted = {(text, n): QCoreApplication.translate("InboxView", text, "", n)
                   for text in ("%n story(ies)", "%n alert(s)") for n in (1, 2)}
        assert counted == {("%n story(ies)", 1): "1 story", ("%n story(ies)", 2): "2 stories",
                           ("%n alert(s)", 1): "1 alert", ("%n alert(s)", 2): "2 alerts"}
    finally:
        QCoreApplication.removeTranslator(english)


def test_date_range_filter(qtbot, view: InboxView, store: Store):
    from PySide6.QtCore import QDate

    view.dated.setChecked(True)
    assert view.model.total == 3  # the last week includes everything stocked today
    view.since.setDate(QDate.currentDate().addDays(-30))
    view.until.setDate(QDate.currentDate().addDays(-10))
    assert view.model.total == 0
    view.dated.setChecked(False)
    assert view.model.total == 3


def test_a_revised_alert_says_so_in_the_detail_pane(view: InboxView, store: Store):
    assert "Revised" not in view.detail_meta.text()
    cabinet = next(s for s in store.sources() if s.name == "Cabinet Office")
    revised = Item("c1", "https://example.org/kaiken", "城内実大臣の記者会見（訂正）", "生成AIと著作権について",
                   published=NOW - timedelta(hours=1))
    ingest(store, cabinet, [revised],
           Matcher(store.watchlists()), store.entity_ids(), NOW, None, NOW)
    view.refresh()
    view.table.selectRow(0)
    view._show_detail(view.model.index(0, 0), view.model.index(0, 0))
    assert view.detail_title.text() == "城内実大臣の記者会見（訂正）"
    assert "Revised at the source (1 earlier version(s) kept)" in view.detail_meta.text()
    from PySide6.QtCore import QCoreApplication

    from stakewatch.qt.app import install_translation

    english = install_translation(QCoreApplication.instance(), "en")
    try:
        view._show_detail(view.model.index(0, 0), view.model.index(0, 0))
        assert "Revised at the source (1 earlier version kept)" in view.detail_meta.text()
    finally:
        QCoreApplication.removeTranslator(english)


def test_tag_and_flag_filters_narrow_both_groupings(qtbot, view: InboxView, store: Store):
    from stakewatch.core.store import annotations as store_annotations

    assert view.tag.count() == 1 and view.tag.currentIndex() == 0
    openai = next(r.id for r in view.model.rows if r.entity == "OpenAI")
    kiuchi = next(r.id for r in view.model.rows if r.entity == "Minoru Kiuchi")
    store_annotations.add_tags(store, [openai, kiuchi], ["Copyright"])
    store_annotations.set_flag(store, [kiuchi])
    view.refresh()
    assert [view.tag.itemText(i) for i in range(1, view.tag.count())] == ["copyright"]
    view.tag.setCurrentText("copyright")
    assert view.model.total == 2 and view.filtered()
    view.flagged.setChecked(True)
    assert view.model.total == 1 and view.model.rows[0].id == kiuchi
    view.grouping.setCurrentIndex(0)
    assert view.story_model.total == 1
    view.reset_filters()
    assert view.tag.currentIndex() == 0 and not view.flagged.isChecked()
    assert view.story_model.total == 3 and not view.filtered()
    view.grouping.setCurrentIndex(1)
    view.tag.setCurrentText("copyright")
    store_annotations.remove_tags(store, [openai, kiuchi], ["copyright"])
    view._annotated()
    assert view.tag.currentIndex() == 0 and view.model.total == 3
