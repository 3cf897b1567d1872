"""A headline cannot take a statement's place: a GUID only finds stories of its own source, so an
aggregator that publishes first under an official statement's GUID (a tag or the statement's own
address) leaves the statement its own alert, notified as a statement."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest

from feedworld import Route, WorldServer, rss
from stakewatch.core.delivery import dispatch
from stakewatch.core.model import Entity, Source, Watchlist
from stakewatch.core.service.poller import Poller
from stakewatch.core.store.database import Store

WATCHLIST = Watchlist("Japan AI & IP", (
    Entity("Minoru Kiuchi", "official", aliases=("城内実", "城内大臣"), context=("大臣",)),))
STATEMENT_URL = "https://www.cao.go.jp/minister/2411_m_kiuchi/kaiken/20251010kaiken.html"


@pytest.mark.offline
@pytest.mark.parametrize("guid", ["tag:cao.go.jp,2025:kaiken-20251010", STATEMENT_URL])
def test_an_aggregator_using_a_statements_guid_cannot_swallow_the_statement(world: WorldServer, store: Store,
                                                                            guid: str):
    when = format_datetime(datetime.now(UTC) - timedelta(minutes=30), usegmt=True)
    world.routes["/aggregator.rss"] = Route(rss([{
        "title": "【速報】城内大臣、生成AIで事業者に要請へ 関係者", "link": "https://aggregator.example/news/1",
        "guid": guid, "pubDate": when}]))
    world.routes["/cao.rss"] = Route(rss([]))
    store.apply_config([WATCHLIST], [
        Source("Aggregator", "feed", world.url("/aggregator.rss")),
        Source("Cabinet Office", "feed", world.url("/cao.rss"), official_for=("Minoru Kiuchi",))])
    poller = Poller(store)
    first = poller.run_cycle(force=True)
    dispatch.notifications_for(store, first.new_alerts, datetime.now(UTC))
    world.routes["/cao.rss"] = Route(rss([{
        "title": "城内大臣記者会見要旨 令和7年10月10日", "link": STATEMENT_URL, "guid": guid,
        "pubDate": when}]))
    second = poller.run_cycle(force=True)
    assert len(second.new_alerts) == 1, "the official statement is an alert of its own"
    (statement,) = store.alerts(ids=second.new_alerts)
    assert statement.kind == "statement" and statement.url == STATEMENT_URL
    notes = dispatch.notifications_for(store, second.new_alerts, datetime.now(UTC))
    assert [n.url for n in notes] == [STATEMENT_URL]
    headline = next(a for a in store.alerts() if a.id not in second.new_alerts)
    assert headline.kind == "coverage" and headline.url == "https://aggregator.example/news/1"
    assert headline.story != statement.story


def test_a_feeds_own_guid_still_finds_its_story_after_retention(world: WorldServer, store: Store):
    when = format_datetime(datetime.now(UTC) - timedelta(minutes=30), usegmt=True)
    world.routes["/cao.rss"] = Route(rss([{"title": "城内大臣 記者会見", "guid": "kaiken-1", "pubDate": when}]))
    store.apply_config([WATCHLIST], [Source("Cabinet Office", "feed", world.url("/cao.rss"),
                                            official_for=("Minoru Kiuchi",))])
    poller = Poller(store)
    assert len(poller.run_cycle(force=True).new_alerts) == 1
    store.conn.execute("DELETE FROM items")  # pruned by retention while the feed still lists it
    assert poller.run_cycle(force=True).new_alerts == []
    assert len(store.alerts()) == 1
