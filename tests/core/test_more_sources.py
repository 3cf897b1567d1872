"""Listing pages, news searches and social feeds against loopback servers."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import unquote

import pytest

from conftest import run_cli
from feedworld import Route, WorldServer, rss
from stakewatch.core.model import Entity, Source, Watchlist
from stakewatch.core.service.poller import Poller
from stakewatch.core.sources import SOURCE_KINDS
from stakewatch.core.sources.dates import parse_date
from stakewatch.core.sources.discovery import discover
from stakewatch.core.sources.search import PRESETS, build_query
from stakewatch.core.sources.social import profile_feed
from stakewatch.core.store.database import Store

KIUCHI = Entity("Minoru Kiuchi", "official", aliases=("城内実", "Minoru Jouchi"), context=("大臣", "minister"))
LISTING = """<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">
<title>記者会見</title></head><body><ul class="press">
<li><span class="date">令和7年10月10日</span>
<a href="kaiken/20251010.html">城内実大臣記者会見（生成AIと著作権）</a></li>
<li><span class="date">令和7年10月3日</span><a href="/cao/kaiken/20251003.html">定例記者会見</a></li>
<li><span class="date">令和元年5月1日</span><a href="https://example.org/old">令和最初の会見</a></li>
<li><span class="date">不明</span><a href="javascript:alert(1)">危険なリンク</a></li>
</ul><a href="/elsewhere">ナビゲーション</a></body></html>"""
PAGE_OPTIONS = {"item": "ul.press li", "link": "a", "date": ".date"}


def test_era_and_other_dates():
    # a day without a time is noon in Japan: 03:00 UTC the same day
    assert parse_date("令和7年10月10日") == datetime(2025, 10, 10, 3, tzinfo=UTC)
    assert parse_date("令和元年5月1日") == datetime(2019, 5, 1, 3, tzinfo=UTC)
    assert parse_date("平成３１年４月３０日") == datetime(2019, 4, 30, 3, tzinfo=UTC)
    assert parse_date("2025年10月14日（火）") == datetime(2025, 10, 14, 3, tzinfo=UTC)
    assert parse_date("R7.10.10") == datetime(2025, 10, 10, 3, tzinfo=UTC)
    assert parse_date("2025-10-10 14:30") == datetime(2025, 10, 10, 5, 30, tzinfo=UTC)
    assert parse_date("Oct. 14, 2025", japanese=False) == datetime(2025, 10, 14, 12, tzinfo=UTC)
    assert parse_date("令和7年13月40日") is None and parse_date("soon") is None


@pytest.mark.parametrize("encoding, header", [("shift_jis", "text/html"), ("euc_jp", "text/html; charset=EUC-JP")])
def test_listing_page_in_japanese_encodings(world: WorldServer, store: Store, encoding: str, header: str):
    page = LISTING if encoding == "shift_jis" else LISTING.replace("charset=Shift_JIS", "charset=EUC-JP")
    world.routes["/cao/press/"] = Route(page.encode(encoding), content_type=header)
    store.apply_config([Watchlist("W", (KIUCHI,))],
                       [Source("Cabinet Office press", "page", world.url("/cao/press/"), options=PAGE_OPTIONS,
                               official_for=("Minoru Kiuchi",))])
    report = Poller(store).run_cycle()
    assert report.outcomes[0].ok and report.outcomes[0].new_items == 3
    rows = store.conn.execute("SELECT title, url, published FROM items ORDER BY published DESC").fetchall()
    assert [r[0] for r in rows] == ["城内実大臣記者会見（生成AIと著作権）", "定例記者会見", "令和最初の会見"]
    assert rows[0][1] == world.url("/cao/press/kaiken/20251010.html")
    assert rows[1][1] == world.url("/cao/kaiken/20251003.html")
    assert datetime.fromtimestamp(rows[0][2], UTC) == datetime(2025, 10, 10, 3, tzinfo=UTC)
    (alert,) = store.alerts()
    assert alert.kind == "statement" and alert.entity == "Minoru Kiuchi"
    second = Poller(store).run_cycle()
    assert second.outcomes[0].not_modified and second.new_alerts == []


def test_page_options_are_checked_on_import(tmp_path: Path, data_dir: Path):
    def attempt(options: dict[str, object]) -> str:
        path = tmp_path / "p.json"
        path.write_text(json.dumps({"version": 1, "sources": [
            {"name": "P", "kind": "page", "url": "https://example.org/", "options": options}]}))
        return run_cli(data_dir, "import", str(path)).err

    assert "sources[0].options.item: a listing page needs the CSS selector" in attempt({})
    assert "sources[0].options.item: is not a CSS selector" in attempt({"item": "ul >> [["})
    assert "sources[0].options.date: must be a CSS selector" in attempt({"item": "a", "date": 3})


def test_page_with_nothing_selected_says_so(world: WorldServer, store: Store):
    world.routes["/empty"] = Route(b"<html><body><p>moved</p></body></html>", content_type="text/html")
    store.apply_config([], [Source("Moved", "page", world.url("/empty"), options={"item": "ul.press li"})])
    report = Poller(store).run_cycle()
    assert report.failures[0].error == "the page has nothing matching the item selector 'ul.press li'"


def test_search_builds_its_query_from_aliases_and_reads_gdelt(world: WorldServer, store: Store):
    gdelt = {"articles": [
        {"url": world.url("/news/1"), "title": "Japan's IP minister Minoru Jouchi warns OpenAI",
         "seendate": "20251010T093000Z", "domain": "example.org", "language": "English"},
        {"url": "javascript:alert(1)", "title": "Minoru Kiuchi bad link", "seendate": "20251010T093000Z"},
        {"url": world.url("/news/2"), "title": "Kiuchi brewery news", "seendate": "nonsense"}]}
    world.routes["/api/v2/doc/doc"] = Route(json.dumps(gdelt).encode(), content_type="application/json")
    template = PRESETS["GDELT DOC 2.0 (JSON)"].replace("https://api.gdeltproject.org", world.base)
    store.apply_config([Watchlist("W", (KIUCHI, Entity("OpenAI", "company")))],
                       [Source("GDELT Kiuchi", "search", template, options={"entities": ["Minoru Kiuchi"]})])
    report = Poller(store).run_cycle()
    assert report.outcomes[0].ok and report.outcomes[0].new_items == 2
    query = unquote(world.paths[-1].split("query=")[1].split("&")[0])
    assert query == '("Minoru Kiuchi" OR "城内実" OR "Minoru Jouchi")'
    alerts = {a.entity: a for a in store.alerts()}
    assert set(alerts) == {"Minoru Kiuchi", "OpenAI"}  # every result is matched against every entity
    alert = alerts["Minoru Kiuchi"]
    assert alert.kind == "coverage" and alert.published == datetime(2025, 10, 10, 9, 30, tzinfo=UTC)
    store.apply_config([Watchlist("W", (Entity("Minoru Kiuchi", "official", aliases=("城内実",)),))], [])
    Poller(store).run_cycle(force=True)
    assert unquote(world.paths[-1].split("query=")[1].split("&")[0]) == '("Minoru Kiuchi" OR "城内実")'


def test_search_rss_template_quotes_and_encodes(world: WorldServer):
    source = Source("S", "search", PRESETS["News search (RSS)"], options={"lang": "ja", "region": "JP"})
    url = SOURCE_KINDS["search"].request_url(source, [Watchlist("W", (Entity('Sora "2"', "product",
                                                                             aliases=("ソラ 2",)),))])
    assert url.startswith("https://news.google.com/rss/search?q=%28%22Sora%20%202%22%20OR%20%22")
    assert url.endswith("&hl=ja&gl=JP&ceid=JP:ja")
    assert build_query(["a", "a", " "]) == '"a"'


def test_search_sources_cannot_carry_statements(tmp_path: Path, data_dir: Path):
    path = tmp_path / "s.json"
    path.write_text(json.dumps({"version": 1, "watchlists": [{"name": "W", "entities": [{"name": "X"}]}],
                                "sources": [{"name": "S", "kind": "search", "url": "https://example.org/?q={query}",
                                             "official_for": ["X"]}]}))
    assert "sources[0].official_for: a search source carries coverage" in run_cli(data_dir, "import", str(path)).err
    path.write_text(json.dumps({"version": 1, "sources": [
        {"name": "S", "kind": "search", "url": "https://example.org/?q=fixed"}]}))
    assert "sources[0].url: a search address needs {query}" in run_cli(data_dir, "import", str(path)).err


def test_profile_addresses_become_feeds():
    assert profile_feed("https://mastodon.social/@digital_minister") == (
        "Mastodon", "https://mastodon.social/@digital_minister.rss")
    assert profile_feed("https://bsky.app/profile/shiozaki.bsky.social") == (
        "Bluesky", "https://bsky.app/profile/shiozaki.bsky.social/rss")
    assert profile_feed("https://someone.substack.com/p/post") == ("Substack", "https://someone.substack.com/feed")
    assert profile_feed("https://medium.com/@sama") == ("Medium", "https://medium.com/feed/@sama")
    assert profile_feed("https://example.org/about") is None
    assert profile_feed("file:///etc/passwd") is None


def test_discovery_finds_a_mastodon_feed_and_a_wordpress_one(world: WorldServer):
    world.routes["/@minister.rss"] = Route(rss([{"title": "Toot about Sora 2", "link": world.url("/@minister/1")}]))
    feeds, problem = discover(world.url("/@minister"))
    assert problem is None and [(f.title, f.url) for f in feeds] == [("Mastodon feed", world.url("/@minister.rss"))]
    world.routes["/blog/"] = Route(b"<html><body>A blog without alternate links</body></html>",
                                   content_type="text/html")
    world.routes["/blog/feed/"] = Route(rss([{"title": "Post", "link": world.url("/blog/post")}]))
    feeds, problem = discover(world.url("/blog/"))
    assert [(f.title, f.url) for f in feeds] == [("WordPress feed", world.url("/blog/feed/"))]
    world.routes["/plain"] = Route(b"<html><body>nothing</body></html>", content_type="text/html")
    feeds, problem = discover(world.url("/plain"))
    assert feeds == [] and "announces no feed" in (problem or "")
