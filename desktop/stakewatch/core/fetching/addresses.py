"""Web addresses: whether one is fetched at all, and the origin a credential is bound to.

The origin is decided by urllib3's parser, the one that opens the connection; an address that
urllib.parse (what a same-origin test elsewhere would read) reads as another server is refused, and
so are the forms that make parsers disagree: backslashes, several @, control characters,
percent-encoded hosts, IPv6 zones. Pure functions, any thread.
"""

from __future__ import annotations

import os
import re
from urllib.parse import urlsplit

import requests
from urllib3.exceptions import LocationParseError
from urllib3.util import parse_url

from ..i18n import Message, Text, translate
from .errors import (
    AMBIGUOUS_ADDRESS,
    CONTROL_IN_ADDRESS,
    NO_HOST,
    NOT_AN_ADDRESS,
    ONLY_HTTP,
    ONLY_HTTP_BARE,
)

_DEFAULT_PORTS = {"http": 80, "https": 443}
CONTROL_CHARS = re.compile(r"[\x00-\x1f\x7f]")
_AMBIGUITIES = {
    "backslash": translate("Fetch", "a backslash before the path"),
    "at": translate("Fetch", "more than one @"),
    "percent": translate("Fetch", "a percent-encoded host or an IPv6 zone"),
    "space": translate("Fetch", "a space in the host"),
    "parsers": translate("Fetch", "its parts read differently"),
}


def _ascii_host(host: str) -> str:
    """A host name as urllib3 sends it: lower case, IDNA for non-ASCII labels, IPv6 without brackets."""
    host = host.lower().strip("[]")
    if host.isascii():
        return host
    try:
        return host.encode("idna").decode("ascii")
    except UnicodeError:
        return host


def _ambiguity(url: str) -> Message | None:
    """Why `url` could be read as two servers, or None: the check runs both urllib.parse (what a
    same-origin test would read) and urllib3 (what opens the connection) and refuses any disagreement,
    and the forms that trick one of them (backslashes, several @, encoded hosts, zones)."""
    parts = urlsplit(url)
    netloc = parts.netloc
    if "\\" in netloc:
        return _AMBIGUITIES["backslash"]()
    if netloc.count("@") > 1:
        return _AMBIGUITIES["at"]()
    if "%" in netloc.rpartition("@")[2]:
        return _AMBIGUITIES["percent"]()
    if " " in netloc.rpartition("@")[2]:
        return _AMBIGUITIES["space"]()
    try:
        connected = parse_url(url)
        port = parts.port
    except (LocationParseError, ValueError):
        return _AMBIGUITIES["parsers"]()
    read = ((parts.scheme or "").lower(), _ascii_host(parts.hostname or ""), port, "@" in netloc)
    opened = ((connected.scheme or "").lower(), _ascii_host(connected.host or ""), connected.port,
              connected.auth is not None)
    return None if read == opened else _AMBIGUITIES["parsers"]()


def check_web_url(url: str) -> str | None:
    """None when `url` is an absolute http(s) address that every parser reads as the same server,
    else why not."""
    if CONTROL_CHARS.search(url):
        return Text(CONTROL_IN_ADDRESS)
    try:
        parts = urlsplit(url)
    except ValueError:
        return Text(NOT_AN_ADDRESS)
    if parts.scheme.lower() not in ("http", "https"):
        return Text(ONLY_HTTP(scheme=f"{parts.scheme}:") if parts.scheme else ONLY_HTTP_BARE)
    if not parts.hostname:
        return Text(NO_HOST)
    detail = _ambiguity(url)
    if detail is not None:
        return Text(AMBIGUOUS_ADDRESS(detail=detail))
    return None


def origin(url: str) -> tuple[str, str, int | None]:
    """(scheme, host, port) with the scheme's default port filled in: what a credential is bound to.

    Read with urllib3's parser, the one that opens the connection; an address it cannot read has
    no origin (an empty host), which matches no credential's."""
    try:
        parts = parse_url(url)
    except LocationParseError:
        return "", "", None
    scheme = (parts.scheme or "").lower()
    return scheme, _ascii_host(parts.host or ""), parts.port or _DEFAULT_PORTS.get(scheme)


def environment_proxies(url: str) -> dict[str, str]:
    """The proxies the environment names for `url` (HTTP_PROXY, HTTPS_PROXY, ALL_PROXY, NO_PROXY):
    the only thing taken from the environment; ~/.netrc is never read."""
    return dict(requests.utils.get_environ_proxies(url))


def environment_ca_bundle() -> str | bool:
    """A CA bundle named by REQUESTS_CA_BUNDLE or CURL_CA_BUNDLE (a company's TLS proxy), else True."""
    for name in ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE"):
        value = os.environ.get(name)
        if value:
            return value
    return True
