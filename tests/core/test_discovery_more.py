"""Discovery beyond <link rel="alternate">: body links, common paths, YouTube channels, Telegram previews."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from feedworld import Route, WorldServer, rss
from stakewatch.core.model import Entity, Source, Watchlist
from stakewatch.core.service.poller import Poller
from stakewatch.core.sources.discovery import discover
from stakewatch.core.sources.social import TELEGRAM_OPTIONS, profile_feed, telegram_preview, youtube_channel_id
from stakewatch.core.store.database import Store

CHANNEL = "UCKmJk25wcPwCecf7nV9HwCw"


def feed(world: WorldServer, path: str) -> None:
    world.routes[path] = Route(rss([{"title": "お知らせ", "link": world.url(path + "/1")}]))


def test_feed_linked_in_the_page_body(world: WorldServer):
    world.routes["/press/"] = Route(
        '<html><body><p>新着情報は<a href="/news/index.rdf">RSS</a>でも配信しています。</p>'
        '<a href="/about.html">about</a></body></html>'.encode(), content_type="text/html; charset=utf-8")
    feed(world, "/news/index.rdf")
    feeds, problem = discover(world.url("/press/"))
    assert problem is None and [(f.url, f.kind) for f in feeds] == [(world.url("/news/index.rdf"), "feed")]


def test_common_feed_paths_of_the_site(world: WorldServer):
    world.routes["/ministry/top.html"] = Route(b"<html><body>no feed links</body></html>", content_type="text/html")
    feed(world, "/index.rdf")
    feeds, problem = discover(world.url("/ministry/top.html"))
    assert [f.url for f in feeds] == [world.url("/index.rdf")]
    assert world.hits["/feed"] == 1 and world.hits["/rss"] == 1  # tried in order, stopped at the first feed
    assert world.hits["/atom.xml"] == 0


def test_youtube_channel_pages_give_the_video_feed(world: WorldServer):
    handle_page = ('<html><head><title>デジタル庁 - YouTube</title></head><body><script>var ytInitialData = '
                   f'{{"metadata":{{"channelMetadataRenderer":{{"externalId":"{CHANNEL}"}}}}}};</script></body></html>')
    world.routes["/@digital_jpn"] = Route(handle_page.encode(), content_type="text/html")
    feeds, problem = discover(world.url("/@digital_jpn"))
    assert [(f.title, f.url) for f in feeds] == [
        ("YouTube channel videos", f"https://www.youtube.com/feeds/videos.xml?channel_id={CHANNEL}")]
    assert profile_feed(f"https://www.youtube.com/channel/{CHANNEL}") == (
        "YouTube", f"https://www.youtube.com/feeds/videos.xml?channel_id={CHANNEL}")
    assert youtube_channel_id(b"<html>no channel</html>") is None


def test_telegram_channel_becomes_a_preview_page_source():
    feeds, problem = discover("https://t.me/digital_minister")
    assert problem is None and [(f.url, f.kind) for f in feeds] == [("https://t.me/s/digital_minister", "page")]
    assert feeds[0].options == TELEGRAM_OPTIONS
    assert telegram_preview("https://t.me/s/digital_minister") == "https://t.me/s/digital_minister"
    assert telegram_preview("https://t.me/+invite") is None and telegram_preview("https://example.org/x") is None


TELEGRAM_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Digital Minister – Telegram</title></head>
<body><section class="tgme_channel_history js-message_history">
<div class="tgme_widget_message_wrap js-widget_message_wrap"><div class="tgme_widget_message text_not_supported_wrap
 js-widget_message" data-post="digital_minister/41"><div class="tgme_widget_message_bubble">
<div class="tgme_widget_message_text js-message_text" dir="auto">平将明です。<b>生成AI</b>の利活用について<br>
本日会見しました。</div><div class="tgme_widget_message_footer compact js-message_footer">
<div class="tgme_widget_message_info short js-message_info">
<span class="tgme_widget_message_views">1.2K</span><span class="tgme_widget_message_meta">
<a class="tgme_widget_message_date" href="https://t.me/digital_minister/41">
<time datetime="2025-10-10T05:30:00+00:00" class="time">14:30</time></a></span></div></div></div></div></div>
<div class="tgme_widget_message_wrap js-widget_message_wrap"><div class="tgme_widget_message js-widget_message"
 data-post="digital_minister/42"><div class="tgme_widget_message_text js-message_text" dir="auto">週末の予定</div>
<a class="tgme_widget_message_date" href="https://t.me/digital_minister/42">
<time datetime="2025-10-11T01:00:00+00:00" class="time">10:00</time></a></div></div>
</section></body></html>"""


@pytest.mark.offline
def test_telegram_preview_page_reads_as_posts(world: WorldServer, store: Store):
    world.routes["/s/digital_minister"] = Route(TELEGRAM_PAGE.encode(), content_type="text/html; charset=utf-8")
    taira = Entity("Masaaki Taira", "official", aliases=("平将明",))
    store.apply_config([Watchlist("W", (taira,))], [
        Source("Telegram", "page", world.url("/s/digital_minister"), official_for=("Masaaki Taira",),
               options=dict(TELEGRAM_OPTIONS))])
    report = Poller(store).run_cycle()
    assert report.outcomes[0].ok, report.outcomes[0].error
    rows = store.conn.execute("SELECT url, title, published FROM items ORDER BY url").fetchall()
    assert [r[0] for r in rows] == ["https://t.me/digital_minister/41", "https://t.me/digital_minister/42"]
    assert rows[0][1].startswith("平将明です。生成AIの利活用について")
    assert datetime.fromtimestamp(rows[0][2], UTC) == datetime(2025, 10, 10, 5, 30, tzinfo=UTC)
    assert [(a.entity, a.kind, a.url) for a in store.alerts()] == [
        ("Masaaki Taira", "statement", "https://t.me/digital_minister/41")]
