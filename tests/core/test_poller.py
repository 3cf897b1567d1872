"""A whole poll cycle against a loopback world of good, tricky and broken feed servers."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest

from feedworld import Route, WorldServer, rss
from stakewatch.core.fetching.client import MIB, FetchConfig
from stakewatch.core.model import Entity, Source, Watchlist
from stakewatch.core.service.poller import PollConfig, Poller
from stakewatch.core.store.database import Store

NOW = datetime.now(UTC)
RFC = format_datetime(NOW - timedelta(hours=1), usegmt=True)
ISO = (NOW - timedelta(hours=1)).isoformat()

WATCHLIST = Watchlist("Japan AI & IP", (
    Entity("Minoru Kiuchi", "official", aliases=("城内実", "Kiuchi"),
           context=("minister", "大臣", "IP strategy"), veto=("brewery",)),
    Entity("Masaaki Taira", "official", aliases=("平将明", "Taira"),
           context=("minister", "digital", "大臣"), exclude=("Taira clan",)),
    Entity("OpenAI", "company"),
    Entity("Sora 2", "product", aliases=("Sora2",), veto=("Kingdom Hearts",)),
))

STORY = "Japan asks OpenAI to respect anime copyrights in Sora 2"
STORY_TEXT = "IP strategy minister Minoru Kiuchi said the government asked OpenAI to act."


def atom(entries: list[tuple[str, str, str]]) -> bytes:
    body = "".join(
        f"<entry><title>{t}</title><id>{link}</id><link href=\"{link}\"/>"
        f"<updated>{ISO}</updated><summary>{s}</summary></entry>" for t, link, s in entries)
    return (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>t</title><id>urn:x</id><updated>{ISO}</updated>{body}</feed>").encode()


def build_world(world: WorldServer) -> dict[str, str]:
    base = world.base
    story_url = f"{base}/wire/japan-asks-openai"
    world.routes["/cabinet.rdf"] = Route(
        f"""<?xml version="1.0" encoding="UTF-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
 xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="{base}/"><title>内閣府</title><link>{base}/</link><description>d</description></channel>
<item rdf:about="{base}/kaiken-1"><title>城内 実大臣記者会見（Sora2について）</title>
<link>{base}/kaiken-1</link><description>知的財産戦略担当大臣の会見</description><dc:date>{ISO}</dc:date></item>
<item rdf:about="{base}/other"><title>月例経済報告</title><link>{base}/other</link>
<description>景気</description><dc:date>{ISO}</dc:date></item>
</rdf:RDF>""".encode(), content_type="application/rdf+xml")
    world.routes["/openai.atom"] = Route(atom([
        ("Sora 2 update for rightsholders", f"{base}/openai/sora-2-update",
         "OpenAI will give rightsholders more control."),
    ]), content_type="application/atom+xml")
    world.routes["/wire.json"] = Route(json.dumps({
        "version": "https://jsonfeed.org/version/1.1", "title": "Wire",
        "items": [
            {"id": "w1", "url": story_url, "title": STORY, "content_text": STORY_TEXT,
             "date_published": ISO},
            {"id": "w2", "url": f"{base}/wire/taira",
             "title": "Digital minister Masaaki Taira says talks continue",
             "content_html": "<p>平将明 <b>digital</b> minister</p>", "date_published": ISO},
        ]}).encode(), content_type="application/feed+json")
    world.routes["/aggregator.xml"] = Route(rss([
        {"title": STORY, "link": f"{story_url}?utm_source=agg&amp;fbclid=XYZ",
         "description": STORY_TEXT, "pubDate": RFC},
        {"title": "Sora 2 update for rightsholders (via OpenAI)",
         "link": f"{base}/openai/sora-2-update?utm_medium=rss", "pubDate": RFC},
        {"title": "OpenAIRE consortium publishes open science report", "link": f"{base}/d1",
         "pubDate": RFC},
        {"title": "Kingdom Hearts: Sora 2 costume revealed", "link": f"{base}/d2", "pubDate": RFC},
        {"title": "The Taira clan and the digital age", "link": f"{base}/d3",
         "description": "minister of culture", "pubDate": RFC},
        {"title": "Kiuchi brewery wins award, minister attends", "link": f"{base}/d4",
         "pubDate": RFC},
    ]))
    world.routes["/mirror.xml"] = Route(rss([
        {"title": STORY + " - Mirror", "link": f"{base}/mirror/12345",
         "description": STORY_TEXT, "pubDate": RFC},
    ]), behaviour="gzip")
    world.routes["/e500"] = Route(b"oops", status=500)
    world.routes["/e404"] = Route(b"nope", status=404)
    world.routes["/e429"] = Route(b"slow", status=429, headers={"Retry-After": "3600"})
    world.routes["/loop"] = Route(behaviour="redirect", redirect_to="/loop")
    world.routes["/big"] = Route(behaviour="big", size=64 * MIB)
    world.routes["/bomb"] = Route(behaviour="gzip-bomb", size=128 * MIB)
    world.bomb(128 * MIB)  # compressed now, so that the fetch deadline times the transfer only
    world.routes["/html"] = Route(b"<!DOCTYPE html><html><body>Sora 2 OpenAI</body></html>",
                                  content_type="text/html")
    world.routes["/laughs"] = Route(b"""<?xml version="1.0"?><!DOCTYPE rss [
<!ENTITY a "OpenAI OpenAI OpenAI"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
<rss version="2.0"><channel><title>x</title><item><title>&c;</title></item></channel></rss>""")
    world.routes["/hang"] = Route(behaviour="hang")
    return {
        "Cabinet": "/cabinet.rdf", "OpenAI News": "/openai.atom", "Wire": "/wire.json",
        "Aggregator": "/aggregator.xml", "Mirror": "/mirror.xml", "Broken 500": "/e500",
        "Gone 404": "/e404", "Busy 429": "/e429", "Loop": "/loop", "Huge": "/big",
        "Bomb": "/bomb", "Fake feed": "/html", "Laughs": "/laughs", "Hung": "/hang",
    }


OFFICIAL = {"Cabinet": ("Minoru Kiuchi",), "OpenAI News": ("OpenAI", "Sora 2")}


@pytest.fixture
def configured(world: WorldServer, store: Store) -> Iterator[tuple[WorldServer, Store]]:
    routes = build_world(world)
    store.apply_config([WATCHLIST], [
        Source(name, "feed", world.url(path), interval_minutes=15,
               official_for=OFFICIAL.get(name, ())) for name, path in routes.items()])
    yield world, store


def poller(store: Store) -> Poller:
    return Poller(store, PollConfig(fetch=FetchConfig(connect_timeout=2, read_timeout=2,
                                                      deadline=3)))


def test_one_cycle_finds_every_true_alert_and_nothing_else(configured):
    world, store = configured
    report = poller(store).run_cycle()
    assert report.finished is not None
    assert (report.finished - report.started).total_seconds() < 3 + 4  # deadline bounds the cycle
    # whichever copy of the story arrived first names it
    got = {(a.entity, a.kind, "STORY" if a.title.startswith(STORY) else a.title)
           for a in store.alerts()}
    assert got == {
        ("Minoru Kiuchi", "statement", "城内 実大臣記者会見（Sora2について）"),
        ("Sora 2", "coverage", "城内 実大臣記者会見（Sora2について）"),
        ("OpenAI", "statement", "Sora 2 update for rightsholders"),
        ("Sora 2", "statement", "Sora 2 update for rightsholders"),
        ("Minoru Kiuchi", "coverage", "STORY"),
        ("OpenAI", "coverage", "STORY"),
        ("Sora 2", "coverage", "STORY"),
        ("Masaaki Taira", "coverage", "Digital minister Masaaki Taira says talks continue"),
    }
    story = [a for a in store.alerts() if a.title.startswith(STORY)]
    assert len(story) == 3 and len({(a.story, a.title, a.url) for a in story}) == 1
    for alert in story:
        assert sorted(alert.sources) == ["Aggregator", "Mirror", "Wire"]
        assert alert.url in (world.url("/wire/japan-asks-openai"), world.url("/mirror/12345"))
    update = [a for a in store.alerts() if a.title.startswith("Sora 2 update")]
    assert all(sorted(a.sources) == ["Aggregator", "OpenAI News"] for a in update)
    assert len(report.new_alerts) == 8


def test_health_says_why_each_bad_source_fails(configured):
    world, store = configured
    poller(store).run_cycle()
    health = {h.name: h for h in store.health()}
    for good in ("Cabinet", "OpenAI News", "Wire", "Aggregator", "Mirror"):
        assert health[good].status == "ok" and health[good].last_error is None, good
        assert health[good].last_success is not None
    expected = {
        "Broken 500": "server answered 500 (Internal Server Error)",
        "Gone 404": "server answered 404 (Not Found)",
        "Loop": "too many redirects (more than 5)",
        "Huge": "response larger than 10 MiB",
        "Bomb": "response larger than 10 MiB after decompression",
        "Fake feed": "not a feed: got an HTML page",
        "Laughs": "not a feed: it defines nested XML entities (an expansion attack)",
        "Hung": "no answer within 2 s",
    }
    for name, reason in expected.items():
        assert health[name].status == "failing", name
        assert health[name].last_error == reason, name
        assert health[name].consecutive_failures == 1
    assert health["Busy 429"].status == "failing"
    assert (health["Busy 429"].last_error or "").startswith(
        "server answered 429 (Too Many Requests); asked to wait until")
    assert health["Busy 429"].retry_after is not None


def test_second_cycle_is_answered_by_304_and_leaves_waiting_sources_alone(configured):
    world, store = configured
    first = poller(store).run_cycle()
    second = poller(store).run_cycle()
    assert second.new_alerts == []
    assert {o.source for o in second.outcomes} == {"Cabinet", "OpenAI News", "Wire", "Aggregator",
                                                   "Mirror"}
    assert all(o.not_modified for o in second.outcomes)
    assert world.hits["/e429"] == 1 and world.hits["/hang"] == 1
    skipped = dict(second.skipped)
    assert skipped["Busy 429"].startswith("server asked to wait until")
    assert skipped["Broken 500"].startswith("backing off after 1 failure until")
    assert len(first.new_alerts) == store.count("alerts") == 8
    forced = poller(store).run_cycle(force=True)
    assert world.hits["/e429"] == 2 and forced.new_alerts == []


def test_one_request_per_host_at_a_time_and_the_total_cap_hold():
    servers = [WorldServer(f"127.0.0.{n}").start() for n in (2, 3, 4)]
    try:
        import tempfile
        from pathlib import Path

        from stakewatch.core.store.database import open_store
        with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp)) as store:
            sources = []
            for server in servers:
                for i in range(6):
                    server.routes[f"/f{i}"] = Route(rss([{"title": f"t{i}", "link": f"http://x/{i}"}]),
                                                    delay=0.3)
                    sources.append(Source(f"{server.base}/f{i}", "feed", server.url(f"/f{i}")))
            store.apply_config([WATCHLIST], sources)
            report = Poller(store, PollConfig(total=16)).run_cycle()
            assert all(o.ok for o in report.outcomes) and len(report.outcomes) == 18
        assert [s.max_active for s in servers] == [1, 1, 1]
        for server in servers:
            server.max_active = 0
        with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp)) as store:
            store.apply_config([WATCHLIST], sources)
            Poller(store, PollConfig(total=2)).run_cycle()
    finally:
        for server in servers:
            server.stop()
    assert max(s.max_active for s in servers) == 1


def test_backoff_grows_and_recovery_resets(configured):
    world, store = configured
    clock = [NOW]
    p = Poller(store, PollConfig(fetch=FetchConfig(deadline=3, read_timeout=2)),
               clock=lambda: clock[0])
    broken = next(s for s in store.sources() if s.name == "Broken 500")
    gaps = []
    for _ in range(4):
        p.run_cycle(sources=[broken])
        row = store.source_row(broken.id)
        gaps.append(row["backoff_until"] - clock[0].timestamp())
        clock[0] += timedelta(hours=7)
    assert gaps[0] < gaps[1] < gaps[2] < gaps[3]
    assert {h.name: h.status for h in store.health(clock[0])}["Broken 500"] == "backing off"
    world.routes["/e500"] = Route(rss([{"title": "back", "link": "http://x/back"}]))
    p.run_cycle(sources=[broken])
    health = {h.name: h for h in store.health(clock[0])}["Broken 500"]
    assert health.status == "ok" and health.consecutive_failures == 0 and health.last_error is None
