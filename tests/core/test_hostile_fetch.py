"""Credentials stay with their origin; errors never quote secrets; server text is made plain."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from recorder import Answer, RecordingServer

from stakewatch.core.fetching.client import MAX_RETRY_AFTER, FetchConfig, Fetcher, origin, parse_retry_after
from stakewatch.core.platform.secrets import redact

FEED = b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>'
CREDENTIALS = {"authorization": "Bearer tok-123456", "x-api-key": "key-abcdef"}


@pytest.fixture
def servers() -> Iterator[tuple[RecordingServer, RecordingServer]]:
    first, second = RecordingServer().start(), RecordingServer().start()
    yield first, second
    first.stop()
    second.stop()


@pytest.fixture
def fetcher() -> Fetcher:
    return Fetcher(FetchConfig(connect_timeout=2, read_timeout=2, deadline=4))


def _fetch_with_credentials(fetcher: Fetcher, url: str) -> None:
    result = fetcher.fetch(url, headers={"Authorization": "Bearer tok-123456", "X-Api-Key": "key-abcdef"},
                           auth=("user", "basic-pass"))
    assert result.ok, result.error


def _carries_credentials(headers: dict[str, str]) -> bool:
    return "authorization" in headers or "x-api-key" in headers


@pytest.mark.parametrize("other_host", ["127.0.0.1", "localhost"])
def test_credentials_do_not_follow_a_redirect_to_another_port_or_host(
        servers: tuple[RecordingServer, RecordingServer], fetcher: Fetcher, other_host: str):
    home, elsewhere = servers
    home.answers["/feed"] = Answer(302, headers={"Location": elsewhere.url("/stolen", other_host)})
    elsewhere.answers["/stolen"] = Answer(200, FEED, {"Content-Type": "application/rss+xml"})
    _fetch_with_credentials(fetcher, home.url("/feed"))
    assert _carries_credentials(home.seen[0][1])
    assert [path for path, _ in elsewhere.seen] == ["/stolen"]
    assert not _carries_credentials(elsewhere.seen[0][1]), elsewhere.seen[0][1]


def test_credentials_stay_on_a_redirect_within_the_origin(
        servers: tuple[RecordingServer, RecordingServer], fetcher: Fetcher):
    home, _ = servers
    home.answers["/old"] = Answer(301, headers={"Location": "/new"})
    home.answers["/new"] = Answer(200, FEED, {"Content-Type": "application/rss+xml"})
    _fetch_with_credentials(fetcher, home.url("/old"))
    assert [path for path, _ in home.seen] == ["/old", "/new"]
    assert all(headers.get("x-api-key") == "key-abcdef" for _, headers in home.seen)


def test_credentials_are_not_sent_back_after_leaving_the_origin(
        servers: tuple[RecordingServer, RecordingServer], fetcher: Fetcher):
    home, elsewhere = servers
    home.answers["/feed"] = Answer(302, headers={"Location": elsewhere.url("/bounce")})
    elsewhere.answers["/bounce"] = Answer(302, headers={"Location": home.url("/back")})
    home.answers["/back"] = Answer(200, FEED, {"Content-Type": "application/rss+xml"})
    _fetch_with_credentials(fetcher, home.url("/feed"))
    assert not _carries_credentials(dict(home.seen)["/back"])


def test_origin_tells_scheme_host_and_port_apart():
    assert origin("https://example.org/a") == origin("https://EXAMPLE.org:443/b")
    assert origin("https://example.org/a") != origin("http://example.org/a")
    assert origin("http://example.org/a") != origin("http://example.org:8080/a")


def test_a_secret_with_a_leading_space_is_not_quoted_in_the_error(
        servers: tuple[RecordingServer, RecordingServer], fetcher: Fetcher):
    home, _ = servers
    result = fetcher.fetch(home.url("/feed"), headers={"X-Api-Key": " s3cr3t-value"})
    assert not result.ok
    assert "s3cr3t" not in (result.error or "")
    assert "credential" in (result.error or "")


def test_a_strange_content_encoding_reaches_the_error_without_escapes(
        servers: tuple[RecordingServer, RecordingServer], fetcher: Fetcher):
    home, _ = servers
    home.answers["/feed"] = Answer(200, FEED, {"Content-Encoding": "\x1b]0;pwned\x07\x1b[31mbr\x9b"})
    result = fetcher.fetch(home.url("/feed"))
    assert not result.ok and "compression" in (result.error or "")
    assert not any(ord(c) < 32 or 0x7f <= ord(c) <= 0x9f for c in result.error or "")


def test_huge_retry_after_is_capped_not_an_error(
        servers: tuple[RecordingServer, RecordingServer], fetcher: Fetcher):
    home, _ = servers
    home.answers["/feed"] = Answer(429, b"", {"Retry-After": "9" * 400})
    result = fetcher.fetch(home.url("/feed"))
    assert result.status == 429 and "too large" not in (result.error or "")
    assert result.retry_after is not None
    now = datetime.now(UTC)
    assert parse_retry_after("9" * 5000, now) == now + MAX_RETRY_AFTER
    assert parse_retry_after("99999999999", now) == now + MAX_RETRY_AFTER
    assert parse_retry_after("Fri, 31 Dec 9999 23:59:59 GMT", now) == now + MAX_RETRY_AFTER
    assert parse_retry_after("60", now) == now + timedelta(seconds=60)


def test_redaction_covers_userinfo_without_a_password_and_seen_secrets():
    assert "tok" not in redact("fetching https://tok-abc@example.org/feed")
    assert redact("https://u:p4ssword@example.org/x") == "https://[secret]@example.org/x"
    assert "hunter22" not in redact("it said hunter22", known=(" hunter22",))
