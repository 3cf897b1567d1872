"""User settings, stored in the database's settings table and validated on the way in.

Plain data; read and written on the thread that owns the Store.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import time, timedelta
from typing import Any

from .fetching.client import MIB, FetchConfig, check_web_url
from .i18n import Message, Text, translate
from .model import UserError
from .pages.cycle import PageConfig
from .store.database import Store

TITLE = translate("Settings", "Settings")
WHOLE_NUMBER = translate("Settings", "must be a whole number from {low} to {high}")
PROXY = translate("Settings", "must be system, none, or an http(s):// proxy address")
QUIET_HOURS = translate("Settings", "must look like 22:00-07:00, or off")
UNKNOWN = translate("Settings", "unknown setting '{key}' (known: {known})")
PROBLEM = translate("Settings", "{key} {reason}")
ON_OR_OFF = translate("Settings", "must be on or off")

@dataclass(frozen=True)
class Setting:
    """One user setting. `label`, `unit`, `low`/`high` and `group` let a settings dialog be built from it:
    a number from `low` to `high` (a spin box), or text checked by `parse`."""

    key: str
    default: Any
    description: str
    parse: Callable[[str], Any]
    label: Message | None = None
    unit: Message | None = None
    low: int | None = None
    high: int | None = None
    group: str = "alerts"


def _int_range(low: int, high: int) -> Callable[[str], int]:
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError as exc:
            raise ValueError(Text(WHOLE_NUMBER(low=low, high=high))) from exc
        if not low <= value <= high:
            raise ValueError(Text(WHOLE_NUMBER(low=low, high=high)))
        return value
    return parse


def _proxy(text: str) -> str:
    text = text.strip()
    if text in ("", "system", "none"):
        return text or "system"
    if check_web_url(text):
        raise ValueError(Text(PROXY))
    return text


def _quiet_hours(text: str) -> str:
    text = text.strip()
    if text in ("", "off", "none"):
        return ""
    try:
        first, second = text.split("-")
        start, end = time.fromisoformat(first.strip()), time.fromisoformat(second.strip())
    except ValueError as exc:
        raise ValueError(Text(QUIET_HOURS)) from exc
    return f"{start:%H:%M}-{end:%H:%M}"


def _switch(text: str) -> bool:
    value = text.strip().lower()
    if value in ("on", "yes", "true", "1"):
        return True
    if value in ("off", "no", "false", "0"):
        return False
    raise ValueError(Text(ON_OR_OFF))


def _number(key: str, default: int, description: Message, low: int, high: int, label: Message, unit: Message,
            group: str) -> Setting:
    return Setting(key, default, Text(description), _int_range(low, high), label, unit, low, high, group)


def _switch_setting(key: str, default: bool, description: Message, label: Message, group: str) -> Setting:
    return Setting(key, default, Text(description), _switch, label, group=group)


SECONDS = translate("Settings", "seconds")
SETTINGS: dict[str, Setting] = {s.key: s for s in (
    _number("alerts.digest_threshold", 3, translate("Settings", "this many at once become one digest"), 2, 50,
            translate("Settings", "Combine into one summary from"), translate("Settings", "alerts at once"),
            "alerts"),
    Setting("alerts.quiet_hours", "",
            Text(translate("Settings", "hold alerts, e.g. 22:00-07:00 (priority breaks through)")),
            _quiet_hours, translate("Settings", "Quiet hours"), group="alerts"),
    _number("items.retention_days", 180,
            translate("Settings", "days items are kept (alerts always are); 0 keeps all"), 0, 36500,
            translate("Settings", "Keep fetched articles for"), translate("Settings", "days (0: forever)"),
            "storage"),
    _number("pages.watch_days", 14, translate("Settings", "days a statement page is re-checked for edits and removal"),
            0, 365, translate("Settings", "Watch statement pages for edits for"), translate("Settings", "days"),
            "storage"),
    _number("pages.full_text_per_source", 10,
            translate("Settings", "pages a full-text source may fetch per cycle"), 0, 100,
            translate("Settings", "Full-text pages per source and check"), translate("Settings", "at most"),
            "network"),
    _switch_setting("pages.archive_coverage", False,
                    translate("Settings", "archive the pages of coverage too (on/off)"),
                    translate("Settings", "Archive coverage pages too"), "storage"),
    _switch_setting("pages.warc", False,
                    translate("Settings", "also write each snapshot as a WARC record in the data folder (on/off)"),
                    translate("Settings", "Also keep archived pages as WARC files"), "storage"),
    _switch_setting("export.atom_feeds", True,
                    translate("Settings", "write each watchlist as an Atom feed in the data folder's feeds/"),
                    translate("Settings", "Write each watchlist as an Atom feed"), "storage"),
    Setting("fetch.proxy", "system", Text(translate("Settings", "system, none, or a proxy address")), _proxy,
            translate("Settings", "Proxy"), group="network"),
    _number("poll.host_spacing", 10,
            translate("Settings", "seconds between two requests to one site (one at a time)"), 0, 600,
            translate("Settings", "Wait between downloads from one site"), SECONDS, "network"),
    _number("poll.total", 16, translate("Settings", "requests at once in all"), 1, 64,
            translate("Settings", "Downloads at once in all"), translate("Settings", "at most"), "network"),
    _number("fetch.connect_timeout", 5, translate("Settings", "seconds to connect"), 1, 60,
            translate("Settings", "Give up connecting after"), SECONDS, "network"),
    _number("fetch.read_timeout", 10, translate("Settings", "seconds to wait for each piece of an answer"), 1, 120,
            translate("Settings", "Give up on a silent site after"), SECONDS, "network"),
    _number("fetch.deadline", 20, translate("Settings", "seconds for a whole request"), 2, 300,
            translate("Settings", "Give up on any download after"), SECONDS, "network"),
    _number("fetch.max_body_mib", 10, translate("Settings", "largest answer accepted, in MiB"), 1, 200,
            translate("Settings", "Refuse downloads larger than"), translate("Settings", "MB"), "network"),
    _number("channels.send_deadline", 30,
            translate("Settings", "seconds a channel message may take to send in all, answer included"), 2, 90,
            translate("Settings", "Give up sending a channel message after"), SECONDS, "network"),
)}


def get(store: Store, key: str) -> Any:
    return store.setting(f"user.{key}", SETTINGS[key].default)


def put(store: Store, key: str, text: str) -> Any:
    """Validate and store one setting. Raises UserError naming the setting."""
    if key not in SETTINGS:
        raise UserError(TITLE, UNKNOWN(key=key, known=", ".join(SETTINGS)))
    try:
        value = SETTINGS[key].parse(text)
    except ValueError as exc:
        raise UserError(TITLE, PROBLEM(key=key, reason=exc.args[0] if exc.args else str(exc))) from exc
    with store.transaction() as conn:
        store.set_setting(f"user.{key}", value, conn)
    return value


def proxies(setting: str) -> dict[str, str] | None:
    """requests' proxies for a proxy setting; None means use the system's."""
    if setting == "system":
        return None
    if setting == "none":
        return {}
    return {"http": setting, "https": setting}


@dataclass(frozen=True)
class PollConfig:
    host_spacing: float = 0.0
    total: int = 16
    backoff_base: timedelta = timedelta(minutes=1)
    backoff_cap: timedelta = timedelta(hours=6)
    jitter: float = 0.2
    retention: timedelta | None = None
    atom_feeds: bool = False
    fetch: FetchConfig = field(default_factory=FetchConfig)
    pages: PageConfig = field(default_factory=PageConfig)



def poll_config(store: Store) -> PollConfig:
    """The PollConfig the user's settings describe."""
    proxy = proxies(get(store, "fetch.proxy"))
    fetch = FetchConfig(
        connect_timeout=float(get(store, "fetch.connect_timeout")),
        read_timeout=float(get(store, "fetch.read_timeout")),
        deadline=float(get(store, "fetch.deadline")),
        max_body=int(get(store, "fetch.max_body_mib")) * MIB,
        system_proxy=proxy is None,
        proxies=proxy or {},
    )
    days = int(get(store, "items.retention_days"))
    pages = PageConfig(watch=timedelta(days=int(get(store, "pages.watch_days"))),
                       full_text_per_source=int(get(store, "pages.full_text_per_source")),
                       archive_coverage=bool(get(store, "pages.archive_coverage")),
                       warc_dir=store.path.parent / "warc" if get(store, "pages.warc") else None)
    return PollConfig(host_spacing=float(get(store, "poll.host_spacing")), total=int(get(store, "poll.total")),
                      fetch=fetch, retention=timedelta(days=days) if days else None, pages=pages,
                      atom_feeds=bool(get(store, "export.atom_feeds")))
