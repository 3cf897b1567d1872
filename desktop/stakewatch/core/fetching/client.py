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
from urllib.parse import urljoin

import requests
from urllib3.util.retry import Retry

from ... import __version__
from ..i18n import Message, Text, text, translate
from ..text import plain
from .addresses import CONTROL_CHARS, environment_ca_bundle, environment_proxies
from .addresses import check_web_url as check_web_url  # re-exported: callers ask the client
from .addresses import origin as origin
from .errors import (
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
    NOT_AN_ADDRESS,
    NOWHERE_TO_GO,
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
from .floors import header_floor
from .transport import DeadlineAdapter, DeflateDecoder, cut, set_read_timeout, watched

MIB = 1024 * 1024
USER_AGENT = (
    f"Stakewatch/{__version__} (desktop watchlist monitor; polls only the sources its user chose)"
)
MAX_RETRY_AFTER = timedelta(days=7)
DEFAULT_RETRY_AFTER = timedelta(minutes=10)
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_DEFAULT_PORTS = {"http": 80, "https": 443}
MAX_ENCODING_SHOWN = 40
STOPPED = translate("Fetch", "stopped: Stakewatch is quitting")
BAD_CREDENTIAL = translate("Fetch", "the credential has spaces at its ends or a line break: store it again")
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
    wait: timedelta | None = None
    """How long the answer's Cache-Control, Expires or Retry-After ask to wait before the next request."""

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
        seconds = int(value) if len(value) <= 12 else MAX_RETRY_AFTER.total_seconds()
        until = now + min(timedelta(seconds=seconds), MAX_RETRY_AFTER)
    else:
        try:
            until = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError, OverflowError):
            return None
        if until.tzinfo is None:
            until = until.replace(tzinfo=UTC)
    return min(max(until, now), now + MAX_RETRY_AFTER)


class _Session(requests.Session):
    """A session that never looks at a redirect itself: the Fetcher follows each hop after its own
    checks (requests would otherwise parse the Location, and with it an address that is refused)."""

    def resolve_redirects(self, *args: Any, **kwargs: Any) -> Any:
        return iter(())


class Fetcher:
    """Fetches URLs. Thread-safe: each thread gets its own requests.Session."""

    def __init__(self, config: FetchConfig | None = None) -> None:
        self.config = config or FetchConfig()
        self._local = threading.local()
        self._active: dict[int, list[socket.socket]] = {}
        self._active_lock = threading.Lock()
        self._aborted = False

    def _session(self) -> requests.Session:
        session: requests.Session | None = getattr(self._local, "session", None)
        if session is None:
            session = _Session()
            retry = Retry(total=1, connect=1, read=0, status=0, other=0, redirect=0,
                          backoff_factor=0.2, raise_on_status=False, raise_on_redirect=False)
            adapter = DeadlineAdapter(max_retries=retry, pool_connections=4, pool_maxsize=4)
            session.mount("http://", adapter)
            session.mount("https://", adapter)
            session.headers.update({
                "User-Agent": self.config.user_agent,
                "Accept": "application/rss+xml, application/atom+xml, application/feed+json, "
                          "application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5",
                "Accept-Encoding": "gzip, deflate",
            })
            # never trust the environment wholesale: requests would then read ~/.netrc and attach its
            # passwords to whatever host a redirect names; proxies are taken from it per request instead
            session.trust_env = False
            session.proxies.update(self.config.proxies)
            self._local.session = session
        return session

    def abort(self) -> None:
        """End every fetch in progress now (quit, SIGTERM): their reads fail at once. Any thread."""
        with self._active_lock:
            self._aborted = True
            active = list(self._active.values())
        for sockets in active:
            cut(sockets)

    def fetch(self, url: str, etag: str | None = None, last_modified: str | None = None,
              headers: dict[str, str] | None = None, auth: Any = None) -> FetchResult:
        """Fetch `url` once. Worker thread. Never raises for network or server faults.

        `headers` and `auth` carry a credential: they are sent only to the origin
        (scheme, host and port) of `url` and dropped at the first redirect elsewhere.
        """
        started = time.monotonic()
        deadline = started + self.config.deadline
        current = url
        sockets: list[socket.socket] = []
        watched.sockets = sockets
        with self._active_lock:
            self._active[id(sockets)] = sockets
        watchdog = threading.Timer(self.config.deadline + 0.25, cut, args=(sockets,))
        watchdog.daemon = True
        watchdog.start()
        try:
            reason = check_web_url(url)
            if reason:
                raise FetchError(reason)
            if self._aborted:
                raise FetchError(STOPPED)
            home = origin(url)
            credentials = dict(headers or {})
            request_headers: dict[str, str] = {}
            if etag:
                request_headers["If-None-Match"] = etag
            if last_modified:
                request_headers["If-Modified-Since"] = last_modified
            for _hop in range(self.config.max_redirects + 1):
                trusted = origin(current) == home
                response = self._get(current, {**request_headers, **credentials} if trusted
                                     else request_headers, deadline, auth if trusted else None)
                with response:
                    if response.status_code in _REDIRECTS and "location" in response.headers:
                        location = response.headers["location"]
                        # urljoin drops tabs and line breaks: check what the server sent first
                        reason = check_web_url(location) if CONTROL_CHARS.search(location) else None
                        target = urljoin(current, location)
                        reason = reason or check_web_url(target)
                        if reason:
                            raise FetchError(BAD_REDIRECT(reason=reason))
                        if origin(target) != home:
                            credentials, auth = {}, None
                        current = target
                        continue
                    return self._finish(url, current, response, deadline, started)
            raise FetchError(TOO_MANY_REDIRECTS(n=self.config.max_redirects))
        except FetchError as exc:
            return FetchResult(url=url, final_url=current, status=exc.status, error=exc.message,
                               retry_after=exc.retry_after, elapsed=time.monotonic() - started)
        except Exception as exc:  # a cycle must never end on one source's fault
            log.exception("fetching %s failed unexpectedly", url)
            return FetchResult(url=url, final_url=current, error=Text(UNEXPECTED(error=type(exc).__name__)),
                               elapsed=time.monotonic() - started)
        finally:
            watchdog.cancel()
            watched.sockets = None
            with self._active_lock:
                del self._active[id(sockets)]

    def _get(self, url: str, headers: dict[str, str], deadline: float,
             auth: Any) -> requests.Response:
        remaining = deadline - time.monotonic()
        if self._aborted:
            raise FetchError(STOPPED)
        if remaining <= 0:
            raise FetchError(NO_COMPLETE_ANSWER(seconds=f"{self.config.deadline:g}"))
        timeout = (min(self.config.connect_timeout, remaining),
                   min(self.config.read_timeout, remaining))
        extra: dict[str, Any] = {}
        if self.config.system_proxy:
            extra = {"proxies": environment_proxies(url), "verify": environment_ca_bundle()}
        try:
            return self._session().get(url, headers=headers, timeout=timeout, stream=True,
                                       allow_redirects=False, auth=auth, **extra)
        except requests.exceptions.ConnectTimeout as exc:
            raise FetchError(CONNECT_TIMEOUT(seconds=f"{timeout[0]:g}")) from exc
        except requests.exceptions.ReadTimeout as exc:
            raise FetchError(NO_ANSWER(seconds=f"{timeout[1]:g}")) from exc
        except requests.exceptions.SSLError as exc:
            raise FetchError(TLS_FAILED) from exc
        except requests.exceptions.ConnectionError as exc:
            if self._aborted:
                raise FetchError(STOPPED) from exc
            if time.monotonic() >= deadline:
                raise FetchError(NO_COMPLETE_ANSWER(seconds=f"{self.config.deadline:g}")) from exc
            if is_timeout(exc):
                raise FetchError(NO_ANSWER(seconds=f"{timeout[1]:g}")) from exc
            raise FetchError(describe_connection_error(exc, url)) from exc
        except requests.exceptions.InvalidHeader as exc:
            raise FetchError(BAD_CREDENTIAL) from exc
        except (requests.exceptions.InvalidURL, requests.exceptions.InvalidSchema,
                requests.exceptions.MissingSchema, UnicodeError, ValueError) as exc:
            raise FetchError(NOT_AN_ADDRESS) from exc

    def _finish(self, url: str, final_url: str, response: requests.Response, deadline: float,
                started: float) -> FetchResult:
        now = datetime.now(UTC)
        status = response.status_code
        if status == 304:
            return FetchResult(url=url, final_url=final_url, status=status, not_modified=True,
                               etag=response.headers.get("etag"),
                               last_modified=response.headers.get("last-modified"),
                               elapsed=time.monotonic() - started, wait=header_floor(response.headers, now))
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
            elapsed=time.monotonic() - started, wait=header_floor(response.headers, now),
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
            decoder = DeflateDecoder()
        elif encoding not in ("", "identity"):
            raise FetchError(UNKNOWN_COMPRESSION(encoding=plain(encoding, MAX_ENCODING_SHOWN)))
        raw = response.raw
        chunks: list[bytes] = []
        received = 0
        produced = 0
        try:
            while True:
                remaining = deadline - time.monotonic()
                if self._aborted:
                    raise FetchError(STOPPED, status=response.status_code)
                if remaining <= 0:
                    raise FetchError(NO_COMPLETE_ANSWER(seconds=f"{self.config.deadline:g}"))
                set_read_timeout(raw, remaining)
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
            if self._aborted:
                raise FetchError(STOPPED, status=response.status_code) from exc
            if is_timeout(exc) or time.monotonic() >= deadline:
                raise FetchError(NO_COMPLETE_ANSWER(seconds=f"{self.config.deadline:g}"),
                                 status=response.status_code) from exc
            raise FetchError(CLOSED_EARLY,
                             status=response.status_code) from exc
        return b"".join(chunks)


