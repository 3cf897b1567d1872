"""The Health tab shows each source's rhythm, next check, median delay and requests per hour as the
core computes them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from feedworld import Route, WorldServer, rss
from stakewatch.core.model import Source, Watchlist
from stakewatch.core.service.poller import PollConfig, Poller
from stakewatch.core.store.database import Store
from stakewatch.qt.health import HEADERS, HealthView


def test_health_shows_the_schedule(qtbot, store: Store, world: WorldServer):
    now = datetime.now(UTC)
    world.routes["/busy.xml"] = Route(rss([
        {"title": f"Item {n}", "link": world.url(f"/i/{n}"), "guid": world.url(f"/i/{n}"),
         "pubDate": (now - timedelta(minutes=15 * n)).strftime("%a, %d %b %Y %H:%M:%S +0000")}
        for n in range(1, 15)]))
    store.apply_config([Watchlist("W")], [Source("Busy", "feed", world.url("/busy.xml")),
                                          Source("Fixed", "feed", world.url("/busy.xml"), interval_minutes=15)])
    Poller(store, PollConfig()).run_cycle()
    view = HealthView(store, lambda: None)
    qtbot.addWidget(view)
    columns = [str(h) for h in HEADERS]
    row = {columns[c]: view.table.item(0, c).text() for c in range(len(columns))}
    fixed = {columns[c]: view.table.item(1, c).text() for c in range(len(columns))}
    assert row["Rhythm"].startswith("every 2 min") and fixed["Rhythm"] == "every 15 min (fixed)"
    assert row["Requests/hour"] == fixed["Requests/hour"] == "2"  # one host: both sources' requests
    assert row["Median delay"] == "\u2014"  # nothing new since the first fetch
    assert row["Next check"] != "\u2014"
