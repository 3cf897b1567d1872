"""Turning a social profile or blog address into the feed its platform publishes.

Pure, any thread. Mastodon `@user.rss`, Bluesky `/profile/NAME/rss`, Substack
and WordPress `/feed`, Medium `/feed/@user`, YouTube `/channel/ID` (its video feed);
a Telegram channel has no feed, but its public preview page `t.me/s/NAME` reads as a page.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit, urlunsplit

_MASTODON = re.compile(r"^/@([A-Za-z0-9_.]+)/?$")
_BLUESKY = re.compile(r"^/profile/([A-Za-z0-9_.:-]+)/?$")
_MEDIUM_USER = re.compile(r"^/@([A-Za-z0-9_.-]+)/?$")
_YOUTUBE_CHANNEL = re.compile(r"^/channel/(UC[A-Za-z0-9_-]{22})(?:/.*)?$")
_YOUTUBE_ID = re.compile(r'(?:"(?:channelId|externalId)"\s*:\s*"|/channel/|channel_id=)(UC[A-Za-z0-9_-]{22})')
_TELEGRAM = re.compile(r"^/(?:s/)?([A-Za-z][A-Za-z0-9_]{3,31})/?$")
YOUTUBE_HOSTS = ("youtube.com", "www.youtube.com", "m.youtube.com")
TELEGRAM_OPTIONS: dict[str, str] = {"item": ".tgme_widget_message", "link": "a.tgme_widget_message_date",
                                    "title": ".tgme_widget_message_text", "date": "time"}


def youtube_feed(channel_id: str) -> str:
    return f"https://www.youtube.com/feeds/videos.xml?channel_id={channel_id}"


def youtube_channel_id(page: bytes) -> str | None:
    """The channel ID a YouTube channel page (/@handle, /c/name) carries in its markup or data."""
    match = _YOUTUBE_ID.search(page.decode("utf-8", errors="replace"))
    return match.group(1) if match else None


def telegram_preview(url: str) -> str | None:
    """The public preview page (https://t.me/s/NAME) of a Telegram channel address, else None."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or (parts.hostname or "").lower() not in ("t.me", "telegram.me"):
        return None
    match = _TELEGRAM.match(parts.path or "/")
    return f"https://t.me/s/{match.group(1)}" if match else None


def profile_feed(url: str) -> tuple[str, str] | None:
    """(platform, feed URL) for a known kind of profile address, else None."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    host = parts.hostname.lower()
    path = parts.path or "/"

    def at(new_path: str, new_host: str | None = None) -> str:
        return urlunsplit((parts.scheme, new_host or parts.netloc, new_path, "", ""))

    if host in YOUTUBE_HOSTS and (match := _YOUTUBE_CHANNEL.match(path)):
        return "YouTube", youtube_feed(match.group(1))
    if host == "bsky.app" and (match := _BLUESKY.match(path)):
        return "Bluesky", at(f"/profile/{match.group(1)}/rss")
    if host == "medium.com" and (match := _MEDIUM_USER.match(path)):
        return "Medium", at(f"/feed/@{match.group(1)}")
    if host.endswith(".medium.com"):
        return "Medium", at("/feed")
    if host.endswith(".substack.com"):
        return "Substack", at("/feed")
    if match := _MASTODON.match(path):
        return "Mastodon", at(f"/@{match.group(1)}.rss")
    if path.rstrip("/").endswith("/feed"):
        return "WordPress", at(path)
    return None


def wordpress_feed(url: str) -> str:
    """The /feed/ address WordPress sites publish, for a site or page address."""
    parts = urlsplit(url.strip())
    return urlunsplit((parts.scheme, parts.netloc, parts.path.rstrip("/") + "/feed/", "", ""))
