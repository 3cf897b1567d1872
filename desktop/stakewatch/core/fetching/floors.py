"""Floors a feed and its server set under the next check, never undercut: the feed's <ttl> and
<sy:updatePeriod>/<sy:updateFrequency> (and the WebSub hub it announces), and the answer's
Cache-Control max-age, Expires and Retry-After. Pure functions, any thread."""

from __future__ import annotations

import email.utils
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

MAX_FLOOR = timedelta(hours=24)


@dataclass(frozen=True)
class FeedHints:
    """What a feed says about itself: how long it may be cached (minutes) and its WebSub hub."""

    floor_minutes: int | None = None
    hub: str | None = None


_HEAD_LIMIT = 65_536
_TTL = re.compile(rb"<ttl>\s*(\d{1,7})\s*</ttl>", re.IGNORECASE)
_SY_PERIOD = re.compile(rb"<sy:updatePeriod>\s*(\w+)\s*</sy:updatePeriod>", re.IGNORECASE)
_SY_FREQUENCY = re.compile(rb"<sy:updateFrequency>\s*(\d{1,6})\s*</sy:updateFrequency>", re.IGNORECASE)
_LINK = re.compile(rb"<(?:[\w.-]+:)?link\b[^>]*>", re.IGNORECASE)
_REL_HUB = re.compile(rb"\brel\s*=\s*[\"']hub[\"']", re.IGNORECASE)
_HREF = re.compile(rb"\bhref\s*=\s*[\"']([^\"'<>\s]{1,2000})[\"']", re.IGNORECASE)
_ITEM = re.compile(rb"<(?:[\w.-]+:)?(?:item|entry)[\s>]")
_PERIOD_MINUTES = {b"hourly": 60, b"daily": 1440, b"weekly": 10080, b"monthly": 43200, b"yearly": 525600}


def feed_hints(body: bytes) -> FeedHints:
    """The <ttl>, <sy:updatePeriod>/<sy:updateFrequency> and rel="hub" link of a feed's head."""
    head = body[:_HEAD_LIMIT]
    first_item = _ITEM.search(head)
    if first_item is not None:
        head = head[:first_item.start()]
    floors: list[int] = []
    ttl = _TTL.search(head)
    if ttl:
        floors.append(int(ttl.group(1)))
    period = _SY_PERIOD.search(head)
    if period and period.group(1).lower() in _PERIOD_MINUTES:
        frequency = _SY_FREQUENCY.search(head)
        times = max(int(frequency.group(1)), 1) if frequency else 1
        floors.append(_PERIOD_MINUTES[period.group(1).lower()] // times)
    hub = None
    for link in _LINK.finditer(head):
        href = _HREF.search(link.group(0))
        if _REL_HUB.search(link.group(0)) and href:
            text = href.group(1).decode("utf-8", "replace")
            if text.lower().startswith(("http://", "https://")):
                hub = text
                break
    return FeedHints(max(floors) if floors else None, hub)


def header_floor(headers: Mapping[str, str], now: datetime) -> timedelta | None:
    """How long the answer's Cache-Control max-age, Expires and Retry-After ask to wait, from `now`
    (when the answer came). `headers` is read with lower-case names. More than a day counts as a day."""
    floors: list[datetime] = []
    control = headers.get("cache-control", "").lower()
    if "no-cache" not in control and "no-store" not in control:
        found = re.search(r"(?:^|[,\s])max-age\s*=\s*\"?(\d{1,10})", control)
        if found:
            floors.append(now + timedelta(seconds=int(found.group(1))))
        elif headers.get("expires"):
            try:
                expires = email.utils.parsedate_to_datetime(headers["expires"])
            except (TypeError, ValueError, IndexError, OverflowError):
                expires = None
            if expires is not None:
                if expires.tzinfo is None:
                    expires = expires.replace(tzinfo=UTC)
                sent = _date_header(headers.get("date"))
                # an Expires in the server's clock: measured from its Date when it sends one
                floors.append(now + (expires - sent) if sent is not None else expires)
    retry = headers.get("retry-after", "").strip()
    if retry.isdigit():
        floors.append(now + timedelta(seconds=min(int(retry[:10]), int(MAX_FLOOR.total_seconds()))))
    elif retry:
        moment = _date_header(retry)
        if moment is not None:
            floors.append(moment)
    ahead = [f for f in floors if f > now]
    return min(max(ahead), now + MAX_FLOOR) - now if ahead else None


def _date_header(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        moment = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
