"""User settings, stored in the database's settings table and validated on the way in.

Plain data; read and written on the thread that owns the Store.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import time, timedelta
from typing import Any

from .fetch import MIB, FetchConfig, check_web_url
from .i18n import Text, translate
from .model import UserError
from .page_cycle import PageConfig
from .poller import PollConfig
from .store import Store

TITLE = translate("Settings", "Settings")
WHOLE_NUMBER = translate("Settings", "must be a whole number from {low} to {high}")
PROXY = translate("Settings", "must be system, none, or an http(s):// proxy address")
QUIET_HOURS = translate("Settings", "must look like 22:00-07:00, or off")
UNKNOWN = translate("Settings", "unknown setting '{key}' (known: {known})")
PROBLEM = translate("Settings", "{key} {reason}")

@dataclass(frozen=True)
class Setting:
    key: str
    default: Any
    description: str
    parse: Callable[[str], Any]


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
    raise ValueError("must be on or off")


SETTINGS: dict[str, Setting] = {s.key: s for s in (
    Setting("alerts.digest_threshold", 3, Text(translate("Settings", "this many at once become one digest")),
            _int_range(2, 50)),
    Setting("alerts.quiet_hours", "",
            Text(translate("Settings", "hold alerts, e.g. 22:00-07:00 (priority breaks through)")), _quiet_hours),
    Setting("poll.per_host", 2, Text(translate("Settings", "requests at once to one host")), _int_range(1, 16)),
    Setting("poll.total", 16, Text(translate("Settings", "requests at once in all")), _int_range(1, 64)),
    Setting("fetch.connect_timeout", 5, Text(translate("Settings", "seconds to connect")), _int_range(1, 60)),
    Setting("fetch.read_timeout", 10, Text(translate("Settings", "seconds to wait for each piece of an answer")),
            _int_range(1, 120)),
    Setting("fetch.deadline", 20, Text(translate("Settings", "seconds for a whole request")), _int_range(2, 300)),
    Setting("fetch.max_body_mib", 10, Text(translate("Settings", "largest answer accepted, in MiB")),
            _int_range(1, 200)),
    Setting("fetch.proxy", "system", Text(translate("Settings", "system, none, or a proxy address")), _proxy),
    Setting("items.retention_days", 180,
            Text(translate("Settings", "days items are kept (alerts always are); 0 keeps all")), _int_range(0, 36500)),
    Setting("pages.watch_days", 14,
            Text(translate("Settings", "days a statement page is re-checked for edits and removal")),
            _int_range(0, 365)),
    Setting("pages.full_text_per_source", 10,
            Text(translate("Settings", "pages a full-text source may fetch per cycle")), _int_range(0, 100)),
    Setting("pages.archive_coverage", False,
            Text(translate("Settings", "archive the pages of coverage too (on/off)")), _switch),
    Setting("pages.warc", False,
            Text(translate("Settings", "also write each snapshot as a WARC record in the data folder (on/off)")),
            _switch),
    Setting("export.atom_feeds", True,
            Text(translate("Settings", "write each watchlist as an Atom feed in the data folder's feeds/")), _switch),
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
    return PollConfig(per_host=int(get(store, "poll.per_host")), total=int(get(store, "poll.total")),
                      fetch=fetch, retention=timedelta(days=days) if days else None, pages=pages,
                      atom_feeds=bool(get(store, "export.atom_feeds")))
