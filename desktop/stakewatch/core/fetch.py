"""Polite, bounded HTTP fetching with requests.

One call fetches one URL and always returns a FetchResult: every failure is
turned into a sentence a person understands, never an exception. Limits: connect
and read timeouts, a whole-request deadline (socket reads are cut at the
deadline), at most `max_redirects` redirects and only to http(s), a cap on the
body both as sent and after decompression (gzip bombs included).
"""

from __future__ import annotations

import contextlib
import email.utils
import logging
import socket
import threading
import time
import zlib
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http import HTTPStatus
from typing import Any
from urllib.parse import urljoin, urlsplit

import requests
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.util.retry import Retry

from .. import __version__
from .fetch_errors import (
    ANSWERED,
    ANSWERED_PHRASE,
    ASKED_TO_WAIT,
    BAD_REDIRECT,
    BROKEN_COMPRESSION,
    CLOSED_EARLY,
    CONNECT_TIMEOUT,
    CUT_SHORT,
    NO_ANSWER,
    NO_COMPLETE_ANSWER,
    NO_HOST,
    NOT_AN_ADDRESS,
    NOT_AN_ADDRESS_DETAIL,
    NOWHERE_TO_GO,
    ONLY_HTTP,
    ONLY_HTTP_BARE,
    SIZE_BYTES,
    SIZE_MIB,
    TLS_FAILED,
    TOO_LARGE,
    TOO_LARGE_UNPACKED,
    TOO_MANY_REDIRECTS,
    UNEXPECTED,
    UNKNOWN_COMPRESSION,
    describe_connection_error,
    is_timeout,
)
from .i18n import Message, Text, text

MIB = 1024 * 1024
USER_AGENT = (
    f"Stakewatch/{__version__} (desktop watchlist monitor; polls only the sources its user chose)"
)
MAX_RETRY_AFTER = timedelta(days=7)
DEFAULT_RETRY_AFTER = timedelta(minutes=10)
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
log = logging.getLogger("stakewatch.fetch")


@dataclass(frozen=True)
class FetchConfig:
    connect_timeout: float = 5.0
    read_timeout: float = 10.0
    deadline: float = 20.0
    max_body: int = 10 * MIB
    max_redirects: int = 5
    user_agent: str = USER_AGENT
    system_proxy: bool = True
    proxies: dict[str, str] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class FetchResult:
    url: str
    final_url: str
    status: int | None = None
    body: bytes = b""
    content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None
    not_modified: bool = False
    error: str | None = None
    retry_after: datetime | None = None
    elapsed: float = 0.0

    @property
    def ok(self) -> bool:
        return self.error is None


class FetchError(Exception):
    """Internal: a failure already phrased for the user (a Text: English when compared, any language shown)."""

    def __init__(self, message: Message | str, status: int | None = None,
                 retry_after: datetime | None = None) -> None:
        super().__init__(message)
        self.message = text(message)
        self.status = status
        self.retry_after = retry_after


def describe_size(limit: int) -> Message:
    return SIZE_MIB(n=limit // MIB) if limit % MIB == 0 else SIZE_BYTES(n=limit)


def parse_retry_after(value: str | None, now: datetime) -> datetime | None:
    """Retry-After as seconds or an HTTP-date, capped at a week; None if absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    until: datetime | None
    if value.isdigit():
        until = now + timedelta(seconds=int(value))
    else:
        try:
            until = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
        if until.tzinfo is None:
            until = until.replace(tzinfo=UTC)
    return min(max(until, now), now + MAX_RETRY_AFTER)


def check_web_url(url: str) -> str | None:
    """None when `url` is an absolute http(s) address, else why not."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return Text(NOT_AN_ADDRESS)
    if parts.scheme.lower() not in ("http", "https"):
        return Text(ONLY_HTTP(scheme=f"{parts.scheme}:") if parts.scheme else ONLY_HTTP_BARE)
    if not parts.hostname:
        return Text(NO_HOST)
    return None


_watched = threading.local()


def _watch(sock: socket.socket | None) -> None:
    """Remember a socket the current fetch reads from, so the deadline can cut it."""
    sockets = getattr(_watched, "sockets", None)
    if sockets is not None and sock is not None:
        sockets.append(sock)


class _WatchedHTTPConnection(HTTPConnection):
    def request(self, *args: Any, **kwargs: Any) -> None:
        super().request(*args, **kwargs)
        _watch(self.sock)


class _WatchedHTTPSConnection(HTTPSConnection):
    def request(self, *args: Any, **kwargs: Any) -> None:
        super().request(*args, **kwargs)
        _watch(self.sock)


class _HTTPPool(HTTPConnectionPool):
    ConnectionCls = _WatchedHTTPConnection


class _HTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _WatchedHTTPSConnection


class _DeadlineAdapter(HTTPAdapter):
    """An adapter whose connections report their sockets, for the whole-request deadline."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {"http": _HTTPPool, "https": _HTTPSPool}

    def proxy_manager_for(self, proxy: str, **kwargs: Any) -> Any:
        manager = super().proxy_manager_for(proxy, **kwargs)
        manager.pool_classes_by_scheme = {"http": _HTTPPool, "https": _HTTPSPool}
        return manager


def _cut(sockets: list[socket.socket]) -> None:
    """The deadline passed: end every read of this fetch, even a server dripping its headers."""
    for sock in sockets:
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)


class Fetcher:
    """Fetches URLs. Thread-safe: each thread gets its own requests.Session."""

    def __init__(self, config: FetchConfig | None = None) -> None:
        self.config = config or FetchConfig()
        self._local = threading.local()

    def _session(self) -> requests.Session:
        session: requests.Session | None = getattr(self._local, "session", None)
        if session is None:
            session = requests.Session()
            retry = Retry(total=1, connect=1, read=0, status=0, other=0, redirect=0,
                          backoff_factor=0.2, raise_on_status=False, raise_on_redirect=False)
            adapter = _DeadlineAdapter(max_retries=retry, pool_connections=4, pool_maxsize=4)
            session.mount("http://", adapter)
            session.mount("https://", adapter)
            session.headers.update({
                "User-Agent": self.config.user_agent,
                "Accept": "application/rss+xml, application/atom+xml, application/feed+json, "
                          "application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5",
                "Accept-Encoding": "gzip, deflate",
            })
            session.trust_env = self.config.system_proxy
            session.proxies.update(self.config.proxies)
            self._local.session = session
        return session

    def fetch(self, url: str, etag: str | None = None, last_modified: str | None = None,
              headers: dict[str, str] | None = None, auth: Any = None) -> FetchResult:
        """Fetch `url` once. Worker thread. Never raises for network or server faults."""
        started = time.monotonic()
        deadline = started + self.config.deadline
        current = url
        sockets: list[socket.socket] = []
        _watched.sockets = sockets
        watchdog = threading.Timer(self.config.deadline + 0.25, _cut, args=(sockets,))
        watchdog.daemon = True
        watchdog.start()
        try:
            reason = check_web_url(url)
            if reason:
                raise FetchError(reason)
            request_headers = dict(headers or {})
            if etag:
                request_headers["If-None-Match"] = etag
            if last_modified:
                request_headers["If-Modified-Since"] = last_modified
            for _hop in range(self.config.max_redirects + 1):
                response = self._get(current, request_headers, deadline, auth)
                with response:
                    if response.status_code in _REDIRECTS and "location" in response.headers:
                        target = urljoin(current, response.headers["location"])
                        reason = check_web_url(target)
                        if reason:
                            raise FetchError(BAD_REDIRECT(reason=reason))
                        if urlsplit(target).hostname != urlsplit(current).hostname:
                            request_headers.pop("Authorization", None)
                            auth = None
                        current = target
                        continue
                    return self._finish(url, current, response, deadline, started)
            raise FetchError(TOO_MANY_REDIRECTS(n=self.config.max_redirects))
        except FetchError as exc:
            return FetchResult(url=url, final_url=current, status=exc.status, error=exc.message,
                               retry_after=exc.retry_after, elapsed=time.monotonic() - started)
        except Exception as exc:  # a cycle must never end on one source's fault
            log.exception("fetching %s failed unexpectedly", url)
            return FetchResult(url=url, final_url=current, error=Text(UNEXPECTED(error=str(exc))),
                               elapsed=time.monotonic() - started)
        finally:
            watchdog.cancel()
            _watched.sockets = None

    def _get(self, url: str, headers: dict[str, str], deadline: float,
             auth: Any) -> requests.Response:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise FetchError(NO_COMPLETE_ANSWER(seconds=f"{self.config.deadline:g}"))
        timeout = (min(self.config.connect_timeout, remaining),
                   min(self.config.read_timeout, remaining))
        try:
            return self._session().get(url, headers=headers, timeout=timeout, stream=True,
                                       allow_redirects=False, auth=auth)
        except requests.exceptions.ConnectTimeout as exc:
            raise FetchError(CONNECT_TIMEOUT(seconds=f"{timeout[0]:g}")) from exc
        except requests.exceptions.ReadTimeout as exc:
            raise FetchError(NO_ANSWER(seconds=f"{timeout[1]:g}")) from exc
        except requests.exceptions.SSLError as exc:
            raise FetchError(TLS_FAILED) from exc
        except requests.exceptions.ConnectionError as exc:
            if time.monotonic() >= deadline:
                raise FetchError(NO_COMPLETE_ANSWER(seconds=f"{self.config.deadline:g}")) from exc
            if is_timeout(exc):
                raise FetchError(NO_ANSWER(seconds=f"{timeout[1]:g}")) from exc
            raise FetchError(describe_connection_error(exc, url)) from exc
        except (requests.exceptions.InvalidURL, requests.exceptions.InvalidSchema,
                requests.exceptions.MissingSchema, UnicodeError, ValueError) as exc:
            raise FetchError(NOT_AN_ADDRESS_DETAIL(error=str(exc))) from exc

    def _finish(self, url: str, final_url: str, response: requests.Response, deadline: float,
                started: float) -> FetchResult:
        now = datetime.now(UTC)
        status = response.status_code
        if status == 304:
            return FetchResult(url=url, final_url=final_url, status=status, not_modified=True,
                               etag=response.headers.get("etag"),
                               last_modified=response.headers.get("last-modified"),
                               elapsed=time.monotonic() - started)
        if status >= 400 or status < 200:
            retry_after = parse_retry_after(response.headers.get("retry-after"), now)
            if status == 429 and retry_after is None:
                retry_after = now + DEFAULT_RETRY_AFTER
            phrase = ""
            with contextlib.suppress(ValueError):
                phrase = HTTPStatus(status).phrase
            message = ANSWERED_PHRASE(status=status, phrase=phrase) if phrase else ANSWERED(status=status)
            if retry_after is not None and status in (429, 503):
                message = ASKED_TO_WAIT(answer=message, until=f"{retry_after:%Y-%m-%d %H:%M}")
            raise FetchError(message, status=status, retry_after=retry_after)
        if status >= 300:
            raise FetchError(NOWHERE_TO_GO(status=status), status=status)
        body = self._read_body(response, deadline)
        return FetchResult(
            url=url, final_url=final_url, status=status, body=body,
            content_type=response.headers.get("content-type", ""),
            etag=response.headers.get("etag"),
            last_modified=response.headers.get("last-modified"),
            elapsed=time.monotonic() - started,
        )

    def _read_body(self, response: requests.Response, deadline: float) -> bytes:
        limit = self.config.max_body
        too_large = TOO_LARGE(size=describe_size(limit))
        declared = response.headers.get("content-length", "").strip()
        if declared.isdigit() and int(declared) > limit:
            raise FetchError(too_large, status=response.status_code)
        encoding = response.headers.get("content-encoding", "identity").strip().lower()
        decoder: Any = None
        if encoding in ("gzip", "x-gzip"):
            decoder = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif encoding == "deflate":
            decoder = _DeflateDecoder()
        elif encoding not in ("", "identity"):
            raise FetchError(UNKNOWN_COMPRESSION(encoding=encoding))
        raw = response.raw
        chunks: list[bytes] = []
        received = 0
        produced = 0
        try:
            while True:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise FetchError(NO_COMPLETE_ANSWER(seconds=f"{self.config.deadline:g}"))
                _set_read_timeout(raw, remaining)
                chunk = raw.read1(64 * 1024, decode_content=False)
                if not chunk:
                    break
                received += len(chunk)
                if received > limit:
                    raise FetchError(too_large, status=response.status_code)
                if decoder is None:
                    chunks.append(chunk)
                    produced = received
                    continue
                data = decoder.decompress(chunk, limit - produced + 1)
                while True:
                    produced += len(data)
                    if produced > limit:
                        raise FetchError(TOO_LARGE_UNPACKED(size=describe_size(limit)),
                                         status=response.status_code)
                    chunks.append(data)
                    if not decoder.unconsumed_tail:
                        break
                    data = decoder.decompress(decoder.unconsumed_tail, limit - produced + 1)
            if decoder is not None:
                tail = decoder.flush()
                produced += len(tail)
                if produced > limit:
                    raise FetchError(TOO_LARGE_UNPACKED(size=describe_size(limit)), status=response.status_code)
                chunks.append(tail)
                if not decoder.eof:
                    raise FetchError(CUT_SHORT,
                                     status=response.status_code)
        except zlib.error as exc:
            raise FetchError(BROKEN_COMPRESSION, status=response.status_code) \
                from exc
        except FetchError:
            raise
        except (requests.exceptions.RequestException, OSError, Exception) as exc:
            if is_timeout(exc) or time.monotonic() >= deadline:
                raise FetchError(NO_COMPLETE_ANSWER(seconds=f"{self.config.deadline:g}"),
                                 status=response.status_code) from exc
            raise FetchError(CLOSED_EARLY,
                             status=response.status_code) from exc
        return b"".join(chunks)


class _DeflateDecoder:
    """'deflate' is zlib-wrapped by the standard, raw deflate by some servers: accept both."""

    def __init__(self) -> None:
        self._inner: Any = None
        self._pending = b""

    def decompress(self, data: bytes, max_length: int) -> bytes:
        if self._inner is None:
            self._pending += data
            if len(self._pending) < 2:
                return b""
            first, second = self._pending[0], self._pending[1]
            wrapped = first & 0x0F == 8 and (first << 8 | second) % 31 == 0
            self._inner = zlib.decompressobj(zlib.MAX_WBITS if wrapped else -zlib.MAX_WBITS)
            data, self._pending = self._pending, b""
        return bytes(self._inner.decompress(data, max_length))

    @property
    def unconsumed_tail(self) -> bytes:
        return bytes(self._inner.unconsumed_tail) if self._inner is not None else b""

    @property
    def eof(self) -> bool:
        return bool(self._inner is not None and self._inner.eof)

    def flush(self) -> bytes:
        return bytes(self._inner.flush()) if self._inner is not None else b""


def _set_read_timeout(raw: Any, seconds: float) -> None:
    """Cut the next socket read at the deadline (urllib3 keeps its socket on `_connection`)."""
    sock = getattr(getattr(raw, "_connection", None), "sock", None)
    if sock is not None:
        with contextlib.suppress(OSError):
            sock.settimeout(max(0.05, seconds))
