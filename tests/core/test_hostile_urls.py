"""Addresses that two parsers read as two servers: refused before anything is sent, so a credential
never reaches a port or host that a same-origin test did not see. ~/.netrc is never read; proxies
from the environment still are."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from recorder import Answer, RecordingServer

from stakewatch.core.fetching.client import FetchConfig, Fetcher, check_web_url, origin

FEED = b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>'
RSS = {"Content-Type": "application/rss+xml"}


@pytest.fixture
def servers() -> Iterator[tuple[RecordingServer, RecordingServer]]:
    home, other = RecordingServer().start(), RecordingServer().start()
    yield home, other
    home.stop()
    other.stop()


@pytest.fixture
def fetcher() -> Fetcher:
    return Fetcher(FetchConfig(connect_timeout=2, read_timeout=2, deadline=4))


def _credentialed(fetcher: Fetcher, url: str):  # noqa: ANN202
    return fetcher.fetch(url, headers={"Authorization": "Bearer tok-confused-1234", "X-Api-Key": "key-confused"},
                         auth=None)


def _carries(headers: dict[str, str]) -> bool:
    return "authorization" in headers or "x-api-key" in headers


# Each form names the home port A and the other port B; the comment says how the two parsers differ.
CONFUSING = {
    # urllib.parse reads port A (same origin), urllib3 connects to B
    "backslash before @": "http://127.0.0.1:{B}\\@127.0.0.1:{A}/x",
    "backslash in the host": "http://127.0.0.1:{B}\\.127.0.0.1:{A}/x",
    # urllib.parse strips tabs and line breaks before parsing, urllib3 does not
    "tab before @": "http://127.0.0.1:{B}\t@127.0.0.1:{A}/x",
    "line break before @": "http://127.0.0.1:{B}\n@127.0.0.1:{A}/x",
    "carriage return in the port": "http://127.0.0.1:{A}\r/x",
    # several @: the user part swallows what looks like the host
    "two @": "http://127.0.0.1:{A}@127.0.0.1:{B}@127.0.0.1:{A}/x",
    "@ after a user": "http://user@127.0.0.1:{A}@127.0.0.1:{B}/x",
    # urllib3 decodes a percent-encoded host, urllib.parse keeps it encoded
    "percent-encoded host": "http://%31%32%37.0.0.1:{B}/x",
    "encoded dot": "http://127%2E0.0.1:{B}/x",
    # an IPv6 zone identifier
    "IPv6 zone": "http://[::1%25lo]:{B}/x",
    "IPv6 zone unescaped": "http://[fe80::1%lo]:{B}/x",
}


# a header cannot carry a raw line break: those forms are checked as addresses only
REDIRECTABLE = sorted(form for form, url in CONFUSING.items() if "\n" not in url and "\r" not in url)


@pytest.mark.parametrize("form", REDIRECTABLE)
def test_a_confusing_redirect_is_refused_and_no_other_port_hears_anything(
        servers: tuple[RecordingServer, RecordingServer], fetcher: Fetcher, form: str):
    home, other = servers
    target = CONFUSING[form].format(A=home.port, B=other.port)
    home.answers["/feed"] = Answer(302, headers={"Location": target})
    result = _credentialed(fetcher, home.url("/feed"))
    assert not result.ok
    assert "redirected to an address that is not fetched" in (result.error or ""), result.error
    assert not [headers for _path, headers in other.seen if _carries(headers)], other.seen
    assert all(path == "/feed" for path, _ in home.seen), home.seen


@pytest.mark.parametrize("form", sorted(CONFUSING))
def test_a_confusing_address_is_refused_with_a_reason(form: str):
    reason = check_web_url(CONFUSING[form].format(A=8001, B=8002))
    assert reason is not None
    assert "two different servers" in reason or "control characters" in reason, reason


def test_the_origin_is_what_the_connection_uses():
    assert origin("http://127.0.0.1:1111\\@127.0.0.1:2222/x") == ("http", "127.0.0.1", 1111)
    assert origin("https://EXAMPLE.org/a") == ("https", "example.org", 443)
    assert origin("http://[::1]:8080/") == ("http", "::1", 8080)
    assert origin("http://日本.jp/") == ("http", "xn--wgv71a.jp", 80)
    # a trailing dot names another origin: a credential is never sent to it
    assert origin("http://example.org./x") != origin("http://example.org/x")


@pytest.mark.parametrize("url", [
    "http://example.org/a\\b",             # a backslash in the path reads the same everywhere
    "https://example.org/search?q=a@b.c",  # an @ in the query
    "https://example.org/a#@evil.example",
    "http://[::1]:8080/feed",
    "http://日本.jp/news.rss",
    "https://user@example.org/feed",       # one user part reads the same in both
    "http://example.org./feed",
    "https://example.org/files/report 2025.pdf",
])
def test_plain_addresses_are_still_fetched(url: str):
    assert check_web_url(url) is None


def test_a_trailing_dot_redirect_gets_no_credentials(servers: tuple[RecordingServer, RecordingServer],
                                                      fetcher: Fetcher):
    home, _ = servers
    home.answers["/feed"] = Answer(302, headers={"Location": f"http://localhost.:{home.port}/dotted"})
    home.answers["/dotted"] = Answer(200, FEED, RSS)
    result = _credentialed(fetcher, f"http://localhost:{home.port}/feed")
    seen = dict(home.seen)
    assert _carries(seen["/feed"])
    if "/dotted" in seen:  # the resolver may not know "localhost."
        assert result.ok
        assert not _carries(seen["/dotted"]), seen["/dotted"]


def test_netrc_is_never_read(servers: tuple[RecordingServer, RecordingServer], fetcher: Fetcher,
                             tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    home, other = servers
    netrc = tmp_path / ".netrc"
    netrc.write_text("machine localhost login someone password netrc-pass-7734\n"
                     "machine 127.0.0.1 login someone password netrc-pass-7734\n")
    netrc.chmod(0o600)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("NETRC", str(netrc))
    home.answers["/feed"] = Answer(302, headers={"Location": f"http://localhost:{other.port}/landing"})
    other.answers["/landing"] = Answer(200, FEED, RSS)
    assert fetcher.fetch(home.url("/feed")).ok
    assert [path for path, _ in other.seen] == ["/landing"]
    assert "authorization" not in home.seen[0][1] and "authorization" not in other.seen[0][1], other.seen


def test_proxies_from_the_environment_are_still_used(servers: tuple[RecordingServer, RecordingServer],
                                                      fetcher: Fetcher, monkeypatch: pytest.MonkeyPatch):
    proxy, _ = servers
    proxy.answers["http://feeds.example/news.rss"] = Answer(200, FEED, RSS)
    monkeypatch.setenv("HTTP_PROXY", proxy.url(""))
    monkeypatch.setenv("http_proxy", proxy.url(""))
    result = fetcher.fetch("http://feeds.example/news.rss")
    assert result.ok, result.error
    assert [path for path, _ in proxy.seen] == ["http://feeds.example/news.rss"]
    # and a proxy turned off in the settings is not used
    direct = Fetcher(FetchConfig(connect_timeout=2, read_timeout=2, deadline=4, system_proxy=False))
    assert not direct.fetch("http://feeds.example/news.rss").ok
    assert len(proxy.seen) == 1
