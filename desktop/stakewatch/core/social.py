"""Turning a social profile or blog address into the feed its platform publishes.

Pure, any thread. Mastodon `@user.rss`, Bluesky `/profile/NAME/rss`, Substack
and WordPress `/feed`, Medium `/feed/@user`.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit, urlunsplit

_MASTODON = re.compile(r"^/@([A-Za-z0-9_.]+)/?$")
_BLUESKY = re.compile(r"^/profile/([A-Za-z0-9_.:-]+)/?$")
_MEDIUM_USER = re.compile(r"^/@([A-Za-z0-9_.-]+)/?$")


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
