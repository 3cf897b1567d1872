"""The bundled demo world: feeds about the default watchlist, rendered for a base URL.

Pure functions, any thread.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from typing import Any

from .paths import resource

DEMO_FEEDS: dict[str, tuple[str, str]] = {
    "cabinet-office.rdf": ("Cabinet Office (demo)", "application/rdf+xml"),
    "digital-agency.xml": ("Digital Agency (demo)", "application/rss+xml"),
    "openai-news.atom": ("OpenAI News (demo)", "application/atom+xml"),
    "wire.json": ("World Wire (demo)", "application/feed+json"),
    "aggregator.xml": ("Aggregator (demo)", "application/rss+xml"),
}
OFFICIAL_FOR: dict[str, list[str]] = {
    "cabinet-office.rdf": ["Minoru Kiuchi"],
    "digital-agency.xml": ["Masaaki Taira"],
    "openai-news.atom": ["OpenAI", "Sora 2", "Sam Altman"],
}
_PLACEHOLDER = re.compile(r"\{(rfc822|iso):(-?\d+)\}")


def render_feed(name: str, base: str, now: datetime | None = None) -> bytes:
    """A demo feed with its links pointing at `base` and its dates relative to `now`."""
    if name not in DEMO_FEEDS:
        raise KeyError(name)
    now = now or datetime.now(UTC)
    text = resource("demo", name).read_text(encoding="utf-8").replace("{base}", base.rstrip("/"))

    def moment(match: re.Match[str]) -> str:
        when = now + timedelta(minutes=int(match.group(2)))
        return format_datetime(when, usegmt=True) if match.group(1) == "rfc822" else \
            when.isoformat(timespec="seconds").replace("+00:00", "Z")

    return _PLACEHOLDER.sub(moment, text).encode("utf-8")


def demo_config(base: str) -> dict[str, Any]:
    """The default watchlist with the demo feeds (served under `base`) as its sources."""
    document: dict[str, Any] = json.loads(
        resource("default-watchlist.json").read_text(encoding="utf-8"))
    document["sources"] = [
        {"name": title, "kind": "feed", "url": f"{base.rstrip('/')}/feeds/{name}",
         "interval_minutes": 1, "official_for": OFFICIAL_FOR.get(name, [])}
        for name, (title, _type) in DEMO_FEEDS.items()
    ]
    return document
