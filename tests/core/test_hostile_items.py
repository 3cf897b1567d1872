"""One poisoned item costs only itself: its bad part is replaced or dropped, the rest of the feed is
stored, and the source's health says what happened. What Stakewatch writes back (Atom, OPML) stays
valid XML whatever a title held."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from feedworld import Route, WorldServer, rss
from stakewatch.core.exchange.atom import write_feeds
from stakewatch.core.exchange.opml import parse_opml, sources_to_opml
from stakewatch.core.exchange.transfer import Refused, parse_config
from stakewatch.core.model import Entity, Source, Watchlist
from stakewatch.core.service.poller import Poller
from stakewatch.core.store.database import Store

WATCHLIST = Watchlist("W", (Entity("Sora 2", "product"),))


def _poll(store: Store, world: WorldServer, path: str, body: bytes, content_type: str) -> str | None:
    world.routes[path] = Route(body, content_type=content_type)
    store.apply_config([WATCHLIST], [Source("Feed", "feed", world.url(path))])
    report = Poller(store).run_cycle()
    (outcome,) = report.outcomes
    assert outcome.ok, outcome.error
    (health,) = store.health()
    return health.note


def _titles(store: Store) -> list[str]:
    return [row[0] for row in store.conn.execute("SELECT title FROM items ORDER BY id")]


@pytest.mark.parametrize("reference", ["&#xD800;", "&#55296;", "&#xDFFF;", "&#x110000;", "&#0;", "&#xFFFF;",
                                       "&#99999999999;"])
def test_a_reference_to_what_is_not_text_costs_only_its_item(store: Store, world: WorldServer, reference: str):
    body = rss([{"title": f"Sora 2 bad {reference} title", "link": "http://news.example/1", "guid": "one"},
                {"title": "Sora 2 good title", "link": "http://news.example/2", "guid": "two"}])
    note = _poll(store, world, "/feed.rss", body, "application/rss+xml")
    titles = _titles(store)
    assert "Sora 2 good title" in titles and len(titles) == 2, titles
    bad = next(t for t in titles if "bad" in t)
    assert all(not (0xD800 <= ord(c) <= 0xDFFF) and c not in "\x00\uffff" for c in bad)
    assert note is not None and "1 item held characters that are not text" in note, note
    assert len(store.alerts()) == 2


def test_a_json_feed_id_of_five_thousand_digits_costs_only_its_id(store: Store, world: WorldServer):
    body = ('{"version": "https://jsonfeed.org/version/1.1", "title": "t", "items": ['
            '{"id": ' + "7" * 5000 + ', "url": "http://news.example/a", "title": "Sora 2 first"},'
            '{"id": ' + "8" * 5000 + ', "url": "http://news.example/b", "title": "Sora 2 second"},'
            '{"id": "plain", "url": "http://news.example/c", "title": "Sora 2 third"}]}').encode()
    note = _poll(store, world, "/feed.json", body, "application/feed+json")
    rows = store.conn.execute("SELECT guid, title FROM items ORDER BY id").fetchall()
    assert [r[1] for r in rows] == ["Sora 2 first", "Sora 2 second", "Sora 2 third"]
    guids = [r[0] for r in rows]
    assert len(set(guids)) == 3 and all(len(g) <= 1000 for g in guids) and guids[2] == "plain"
    assert note is not None and "2 items had an id longer than 1000 characters" in note, note


def test_a_noncharacter_in_a_title_is_dropped_and_the_atom_feed_stays_valid(store: Store, world: WorldServer,
                                                                            tmp_path: Path):
    body = rss([{"title": "Sora 2 \uffff launch\ufffe", "link": "http://news.example/1"},
                {"title": "Sora 2 other", "link": "http://news.example/2"}])
    note = _poll(store, world, "/feed.rss", body, "application/rss+xml")
    assert sorted(_titles(store)) == ["Sora 2 launch", "Sora 2 other"]
    assert note is not None and "held characters that are not text" in note
    # a title stored before this was cleaned still makes a valid feed
    store.conn.execute("UPDATE alerts SET title = 'Sora 2 \uffff old \x01 row' WHERE title = 'Sora 2 other'")
    (written,) = write_feeds(store, tmp_path)
    titles = [e.text for e in ET.parse(written).getroot().iter("{http://www.w3.org/2005/Atom}title")]
    assert "Sora 2  old  row" in titles, titles


def test_a_noncharacter_in_a_name_is_refused_and_never_breaks_an_opml_round_trip():
    with pytest.raises(Refused) as refused:
        parse_config({"version": 1, "sources": [{"name": "News \uffff", "url": "https://news.example/feed"}]})
    assert "sources[0].name" in refused.value.message
    kept = [Source("Agency \uffff news", "feed", "https://agency.example/rss", extra={"folder": "Gov\ufffe"})]
    back = parse_opml(sources_to_opml(kept).encode("utf-8"))
    assert [(s.name, s.url, s.extra.get("folder")) for s in back.sources] == \
        [("Agency  news", "https://agency.example/rss", "Gov")]


def test_an_item_the_parser_cannot_read_is_left_out_and_said(store: Store, world: WorldServer,
                                                             monkeypatch: pytest.MonkeyPatch):
    import feedparser

    real = feedparser.parse

    def fragile(body: bytes, *args: object, **kwargs: object) -> object:
        if b"poison" in body:
            raise UnicodeEncodeError("utf-8", "\ud800", 0, 1, "surrogates not allowed")
        return real(body, *args, **kwargs)

    monkeypatch.setattr(feedparser, "parse", fragile)
    body = rss([{"title": "Sora 2 one", "link": "http://news.example/1"},
                {"title": "Sora 2 poison", "link": "http://news.example/2"},
                {"title": "Sora 2 three", "link": "http://news.example/3"}])
    note = _poll(store, world, "/feed.rss", body, "application/rss+xml")
    assert _titles(store) == ["Sora 2 one", "Sora 2 three"]
    assert note is not None and "1 item could not be read and was left out" in note, note
    assert json.loads(json.dumps(note))  # a note is plain text
