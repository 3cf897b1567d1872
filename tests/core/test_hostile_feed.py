"""Feeds at the edges: 100,000 items, dates at the calendar's ends, broken Unicode."""

from __future__ import annotations

import json

from stakewatch.core.model import Source
from stakewatch.core.sources.dates import parse_date
from stakewatch.core.sources.feed import FeedKind, cap_items, parse_xml_feed
from stakewatch.core.text import plain

SOURCE = Source("Feed", "feed", "http://127.0.0.1/feed")


def rss_of(count: int) -> bytes:
    items = "".join(f"<item><title>Item {n}</title><link>http://news.invalid/{n}</link></item>"
                    for n in range(count))
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>'
            f"{items}</channel></rss>").encode()


def test_a_feed_of_100000_items_is_parsed_only_as_far_as_kept():
    body = rss_of(100_000)
    capped = cap_items(body, 500)
    assert len(capped) < len(body) // 100 and capped.endswith(b"</channel></rss>")
    items = parse_xml_feed(body, "application/rss+xml", SOURCE.url, 500)
    assert [i.title for i in items[:2]] == ["Item 0", "Item 1"] and len(items) == 500
    assert items[-1].title == "Item 499"


def test_atom_and_rdf_are_closed_after_the_cut():
    atom = ('<?xml version="1.0"?><a:feed xmlns:a="http://www.w3.org/2005/Atom"><a:title>t</a:title>'
            + "".join(f"<a:entry><a:title>E{n}</a:title><a:id>i{n}</a:id></a:entry>" for n in range(50))
            + "</a:feed>").encode()
    assert cap_items(atom, 10).endswith(b"</a:feed>")
    assert [i.title for i in parse_xml_feed(atom, "application/atom+xml", SOURCE.url, 10)][-1] == "E9"
    small = rss_of(3)
    assert cap_items(small, 500) == small


def test_items_dated_at_the_calendar_edges_have_unknown_dates():
    document = {"version": "https://jsonfeed.org/version/1.1", "items": [
        {"id": "a", "title": "edge", "date_published": "9999-12-31T23:59:59-05:00"},
        {"id": "b", "title": "start", "date_published": "0001-01-01T00:00:00+09:00"},
        {"id": "c", "title": "fine", "date_published": "2025-10-13T01:00:00Z"}]}
    items = FeedKind.parse(SOURCE, json.dumps(document).encode(), "application/feed+json", SOURCE.url)
    assert [(i.title, i.published is None) for i in items] == [("edge", True), ("start", True),
                                                               ("fine", False)]
    assert parse_date("0001-01-01 03:00") is None
    assert parse_date("令和7年10月13日") is not None


def test_text_that_cannot_be_stored_is_cleaned():
    assert plain("Kiuchi \ud800remarks\udfff") == "Kiuchi remarks"
    assert plain("a\u2028b") == "a b"
