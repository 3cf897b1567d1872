"""The words for fetch failures, and how a failed connection is told apart: by exception type, never text."""

from __future__ import annotations

import socket
from http.client import BadStatusLine, RemoteDisconnected
from urllib.parse import urlsplit

import requests
from urllib3 import exceptions as urllib3_exceptions
from urllib3.exceptions import NameResolutionError, ProtocolError

from ..i18n import Message, translate

SIZE_MIB = translate("Fetch", "{n} MiB")
SIZE_BYTES = translate("Fetch", "{n} bytes")
NOT_AN_ADDRESS = translate("Fetch", "not a valid web address")
NOT_AN_ADDRESS_DETAIL = translate("Fetch", "not a valid web address ({error})")
ONLY_HTTP = translate("Fetch", "only http and https addresses are fetched, not {scheme}")
ONLY_HTTP_BARE = translate("Fetch", "only http and https addresses are fetched, not a bare path")
NO_HOST = translate("Fetch", "the address has no host name")
CONTROL_IN_ADDRESS = translate("Fetch", "the address holds control characters (tabs, line breaks)")
AMBIGUOUS_ADDRESS = translate("Fetch", "the address can be read as two different servers ({detail})")
BAD_REDIRECT = translate("Fetch", "redirected to an address that is not fetched ({reason})")
TOO_MANY_REDIRECTS = translate("Fetch", "too many redirects (more than {n})")
UNEXPECTED = translate("Fetch", "unexpected failure: {error}")
ANSWERED = translate("Fetch", "server answered {status}")
ANSWERED_PHRASE = translate("Fetch", "server answered {status} ({phrase})")
ASKED_TO_WAIT = translate("Fetch", "{answer}; asked to wait until {until} UTC")
NOWHERE_TO_GO = translate("Fetch", "server answered {status} without a place to go")
TOO_LARGE = translate("Fetch", "response larger than {size}")
TOO_LARGE_UNPACKED = translate("Fetch", "response larger than {size} after decompression")
UNKNOWN_COMPRESSION = translate("Fetch", "server used a compression Stakewatch does not read ({encoding})")
CUT_SHORT = translate("Fetch", "the compressed answer was cut short")
BROKEN_COMPRESSION = translate("Fetch", "the answer's compression is broken")
CLOSED_EARLY = translate("Fetch", "connection closed before the whole answer arrived")
NO_COMPLETE_ANSWER = translate("Fetch", "no complete answer within {seconds} s")
NO_ANSWER = translate("Fetch", "no answer within {seconds} s")
CONNECT_TIMEOUT = translate("Fetch", "could not connect within {seconds} s")
TLS_FAILED = translate("Fetch", "secure connection failed (TLS handshake error)")
NAME_LOOKUP_FAILED = translate("Fetch", "could not find the server {host} (name lookup failed)")
CONNECTION_REFUSED = translate("Fetch", "could not connect to {host}: connection refused")
CONNECTION_RESET = translate("Fetch", "{host} reset the connection")
CLOSED_WITHOUT_ANSWER = translate("Fetch", "{host} closed the connection without answering")
NO_TIMELY_ANSWER = translate("Fetch", "{host} did not answer in time")
NOT_HTTP = translate("Fetch", "{host} did not answer in HTTP")
UNREACHABLE = translate("Fetch", "could not reach {host}")


def _chain(exc: BaseException) -> list[BaseException]:
    """The exception and what it was raised from (requests and urllib3 keep the cause in `reason`,
    urllib3's ProtocolError among its arguments)."""
    seen: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in seen:
        seen.append(current)
        reason = getattr(current, "reason", None)
        inner = next((a for a in current.args if isinstance(a, BaseException)), None)
        current = current.__cause__ or (reason if isinstance(reason, BaseException) else None) \
            or inner or current.__context__
    return seen


def _timed_out(seen: BaseException) -> bool:
    if isinstance(seen, urllib3_exceptions.NewConnectionError):
        return False
    return isinstance(seen, TimeoutError | requests.exceptions.Timeout | urllib3_exceptions.TimeoutError)


def is_timeout(exc: BaseException) -> bool:
    return any(_timed_out(seen) for seen in _chain(exc))


def describe_connection_error(exc: Exception, url: str) -> Message:
    """Why a connection failed, told by the exception types in its chain."""
    host = urlsplit(url).hostname or url
    chain = _chain(exc)

    def has(*kinds: type[BaseException]) -> bool:
        return any(isinstance(seen, kinds) for seen in chain)

    if has(socket.gaierror, NameResolutionError):
        return NAME_LOOKUP_FAILED(host=host)
    if has(ConnectionRefusedError):
        return CONNECTION_REFUSED(host=host)
    # RemoteDisconnected is a ConnectionResetError too: a reset proper is one that is not
    if any(isinstance(seen, ConnectionResetError) and not isinstance(seen, RemoteDisconnected) for seen in chain):
        return CONNECTION_RESET(host=host)
    if has(RemoteDisconnected):
        return CLOSED_WITHOUT_ANSWER(host=host)
    if has(BadStatusLine):
        return NOT_HTTP(host=host)
    if any(_timed_out(seen) for seen in chain):
        return NO_TIMELY_ANSWER(host=host)
    if has(ProtocolError):
        return CLOSED_WITHOUT_ANSWER(host=host)
    return UNREACHABLE(host=host)
