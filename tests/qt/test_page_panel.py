"""The inbox's statement page section: status, archived text, and an edit with its words marked."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from pageworld import MINISTER_PARAGRAPHS, agency_press_page

from feedworld import Route, WorldServer, rss
from stakewatch.core import Service
from stakewatch.core.model import Entity, Source, Watchlist
from stakewatch.core.service.poller import Poller
from stakewatch.core.store.database import Store
from stakewatch.qt.inbox import InboxView

HTML = "text/html; charset=utf-8"
EDITED = MINISTER_PARAGRAPHS[:2] + ("事業者に対しては、<b>口頭</b>で伝えました。",)


def _formats(view: InboxView) -> dict[str, set[str]]:
    """Text fragments of the page section by how they are drawn: removed, added, plain."""
    found: dict[str, set[str]] = {"removed": set(), "added": set(), "plain": set()}
    block = view.page_panel.text.document().begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            style = fragment.charFormat()
            kind = "removed" if style.fontStrikeOut() else "added" if style.fontUnderline() else "plain"
            found[kind].add(fragment.text())
            fragments += 1
        block = block.next()
    return found


def test_inbox_shows_the_archived_text_then_the_edit_marked(qtbot, store: Store, world: WorldServer):
    store.apply_config([Watchlist("W", (Entity("Masaaki Taira", "official", ("平デジタル大臣",)),))],
                       [Source("Agency", "feed", world.url("/a.rss"), official_for=("Masaaki Taira",))])
    world.routes["/a.rss"] = Route(rss([{"title": "平デジタル大臣記者会見", "link": world.url("/s/1")}]))
    world.routes["/s/1"] = Route(agency_press_page().encode(), content_type=HTML)
    moment = [datetime.now(UTC)]
    poller = Poller(store, clock=lambda: moment[0])
    poller.run_cycle()
    view = InboxView(Service(store), open_link=lambda url: None)
    qtbot.addWidget(view)
    view.table.selectRow(0)
    qtbot.waitUntil(lambda: "archived" in view.page_panel.status.text(), timeout=10_000)
    assert not view.page_panel.isHidden()
    assert MINISTER_PARAGRAPHS[2] in view.page_panel.text.toPlainText()
    assert "本文へ移動" not in view.page_panel.text.toPlainText()

    world.routes["/s/1"] = Route(agency_press_page(paragraphs=EDITED).encode(), content_type=HTML)
    moment[0] += timedelta(hours=2)
    assert poller.run_cycle().pages.changes
    view.refresh()
    view.table.selectRow(0)
    qtbot.waitUntil(lambda: "edited" in view.page_panel.status.text(), timeout=10_000)
    marked = _formats(view)
    assert any("速やかに" in text for text in marked["removed"])
    assert any("<b>口頭</b>" in text or "口頭" in text for text in marked["added"])
    assert view.page_panel.text.document().toHtml().count("<b>口頭") == 0  # page text never becomes markup


def test_the_page_is_read_and_diffed_off_the_gui_thread(qtbot, store: Store, world: WorldServer, monkeypatch):
    import threading

    from stakewatch.core.pages import diffs

    store.apply_config([Watchlist("W", (Entity("Masaaki Taira", "official", ("平デジタル大臣",)),))],
                       [Source("Agency", "feed", world.url("/a.rss"), official_for=("Masaaki Taira",))])
    world.routes["/a.rss"] = Route(rss([{"title": "平デジタル大臣記者会見", "link": world.url("/s/1")}]))
    world.routes["/s/1"] = Route(agency_press_page().encode(), content_type=HTML)
    moment = [datetime.now(UTC)]
    poller = Poller(store, clock=lambda: moment[0])
    poller.run_cycle()
    world.routes["/s/1"] = Route(agency_press_page(paragraphs=EDITED).encode(), content_type=HTML)
    moment[0] += timedelta(hours=2)
    assert poller.run_cycle().pages.changes
    threads: list[str] = []
    real = diffs.word_diff

    def recording(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        threads.append(threading.current_thread().name)
        return real(*args, **kwargs)

    monkeypatch.setattr(diffs, "word_diff", recording)
    view = InboxView(Service(store), open_link=lambda url: None)
    qtbot.addWidget(view)
    view.table.selectRow(0)
    qtbot.waitUntil(lambda: "edited" in view.page_panel.status.text(), timeout=10_000)
    assert threads and threading.main_thread().name not in threads, threads
