from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest

from feedworld import Route, WorldServer, rss
from stakewatch.core.fetching.client import MIB, FetchConfig, Fetcher, parse_retry_after

FEED = rss([{"title": "Hello", "link": "http://example.invalid/1"}])


@pytest.fixture
def fetcher() -> Fetcher:
    return Fetcher(FetchConfig(connect_timeout=2, read_timeout=2, deadline=3, max_body=1 * MIB))


def test_conditional_get_answers_304(world: WorldServer, fetcher: Fetcher):
    world.routes["/feed"] = Route(FEED)
    first = fetcher.fetch(world.url("/feed"))
    assert first.ok and first.body == FEED and first.etag
    second = fetcher.fetch(world.url("/feed"), etag=first.etag, last_modified=first.last_modified)
    assert second.ok and second.not_modified and second.body == b""
    assert world.not_modified["/feed"] == 1


def test_user_agent_is_descriptive(world: WorldServer, fetcher: Fetcher):
    world.routes["/feed"] = Route(FEED)
    fetcher.fetch(world.url("/feed"))
    assert world.user_agents[-1].startswith("Stakewatch/")


@pytest.mark.parametrize("status, words", [(500, "server answered 500 (Internal Server Error)"),
                                           (404, "server answered 404 (Not Found)"),
                                           (403, "server answered 403 (Forbidden)")])
def test_http_errors_in_words(world: WorldServer, fetcher: Fetcher, status: int, words: str):
    world.routes["/feed"] = Route(b"oops", status=status)
    result = fetcher.fetch(world.url("/feed"))
    assert not result.ok and result.error == words and result.status == status


def test_retry_after_seconds_and_http_date(world: WorldServer, fetcher: Fetcher):
    world.routes["/a"] = Route(b"slow down", status=429, headers={"Retry-After": "120"})
    before = datetime.now(UTC)
    result = fetcher.fetch(world.url("/a"))
    assert result.status == 429 and result.retry_after is not None
    assert timedelta(seconds=110) < result.retry_after - before < timedelta(seconds=130)
    assert "asked to wait" in (result.error or "")
    when = datetime.now(UTC) + timedelta(hours=2)
    world.routes["/b"] = Route(b"", status=503, headers={"Retry-After": format_datetime(when, usegmt=True)})
    result = fetcher.fetch(world.url("/b"))
    assert result.retry_after is not None and abs(result.retry_after - when) < timedelta(seconds=2)


def test_retry_after_parsing_edges():
    now = datetime(2025, 10, 10, tzinfo=UTC)
    assert parse_retry_after(None, now) is None
    assert parse_retry_after("soon", now) is None
    assert parse_retry_after("99999999", now) == now + timedelta(days=7)
    assert parse_retry_after("Wed, 01 Jan 2020 00:00:00 GMT", now) == now


def test_redirects_followed_up_to_five(world: WorldServer, fetcher: Fetcher):
    world.routes["/feed"] = Route(FEED)
    for hop in range(5):
        world.routes[f"/r{hop}"] = Route(behaviour="redirect",
                                         redirect_to=f"/r{hop + 1}" if hop < 4 else "/feed")
    result = fetcher.fetch(world.url("/r0"))
    assert result.ok and result.body == FEED and result.final_url.endswith("/feed")
    world.routes["/loop"] = Route(behaviour="redirect", redirect_to="/loop")
    result = fetcher.fetch(world.url("/loop"))
    assert result.error == "too many redirects (more than 5)"
    assert world.hits["/loop"] == 6


def test_redirect_to_file_url_is_refused(world: WorldServer, fetcher: Fetcher):
    world.routes["/evil"] = Route(behaviour="redirect", redirect_to="file:///etc/passwd")
    result = fetcher.fetch(world.url("/evil"))
    assert not result.ok and "not fetched" in (result.error or "")


def test_non_http_urls_are_never_fetched(fetcher: Fetcher):
    for url in ("file:///etc/passwd", "ftp://127.0.0.1/x", "javascript:alert(1)", "/relative"):
        result = fetcher.fetch(url)
        assert not result.ok and "http" in (result.error or ""), url


def test_declared_body_over_cap_refused_without_reading(world: WorldServer, fetcher: Fetcher):
    world.routes["/big"] = Route(behaviour="big", size=64 * MIB)
    result = fetcher.fetch(world.url("/big"))
    assert result.error == "response larger than 1 MiB"


def test_undeclared_body_over_cap_cut(world: WorldServer, fetcher: Fetcher):
    world.routes["/big"] = Route(behaviour="big-undeclared", size=64 * MIB)
    result = fetcher.fetch(world.url("/big"))
    assert result.error == "response larger than 1 MiB"


def test_gzip_is_decoded_and_bombs_are_capped(world: WorldServer, fetcher: Fetcher):
    world.routes["/gz"] = Route(FEED, behaviour="gzip")
    assert fetcher.fetch(world.url("/gz")).body == FEED
    world.routes["/bomb"] = Route(behaviour="gzip-bomb", size=256 * MIB)
    world.bomb(256 * MIB)  # compressed before the fetch starts, so its deadline times the transfer only
    result = fetcher.fetch(world.url("/bomb"))
    assert result.error == "response larger than 1 MiB after decompression"


def test_truncated_gzip_is_reported(world: WorldServer, fetcher: Fetcher):
    world.routes["/cut"] = Route(FEED * 50, behaviour="truncated-gzip")
    result = fetcher.fetch(world.url("/cut"))
    assert result.error == "the compressed answer was cut short"


def test_hung_server_bounded_by_deadline(world: WorldServer, fetcher: Fetcher):
    world.routes["/hang"] = Route(behaviour="hang")
    started = time.monotonic()
    result = fetcher.fetch(world.url("/hang"))
    assert result.error == "no answer within 2 s"
    assert time.monotonic() - started < 3.5


def test_dripping_server_bounded_by_whole_request_deadline(world: WorldServer, fetcher: Fetcher):
    world.routes["/drip"] = Route(FEED, behaviour="drip")
    started = time.monotonic()
    result = fetcher.fetch(world.url("/drip"))
    assert result.error == "no complete answer within 3 s"
    assert time.monotonic() - started < 4


def test_server_dripping_its_headers_is_cut_at_the_deadline(world: WorldServer, fetcher: Fetcher):
    world.routes["/slow-headers"] = Route(behaviour="drip-headers")
    started = time.monotonic()
    result = fetcher.fetch(world.url("/slow-headers"))
    assert result.error == "no complete answer within 3 s"
    assert time.monotonic() - started < 4.5


def test_reset_and_refused_connections(world: WorldServer, fetcher: Fetcher):
    world.routes["/reset"] = Route(behaviour="reset")
    result = fetcher.fetch(world.url("/reset"))
    assert not result.ok and "127.0.0.1" in (result.error or "")
    result = fetcher.fetch("http://127.0.0.1:9/feed")
    assert result.error == "could not connect to 127.0.0.1: connection refused"


def test_many_fetches_at_once_each_end_cleanly(world: WorldServer, fetcher: Fetcher):
    """Fetches that end before they connect and fetches that connect later share the abort registry."""
    from concurrent.futures import ThreadPoolExecutor

    world.routes["/slow"] = Route(rss([{"title": "t", "link": "https://example.org/a"}]), delay=0.05)
    urls = [world.url("/slow") if n % 2 else "ftp://127.0.0.1/never" for n in range(60)]
    with ThreadPoolExecutor(max_workers=12) as pool:
        results = list(pool.map(fetcher.fetch, urls))
    assert all(r.ok for r in results[1::2])
    assert all(not r.ok and "unexpected" not in (r.error or "").lower() for r in results[0::2])
    fetcher.abort()
    assert fetcher.fetch(world.url("/slow")).ok is False
