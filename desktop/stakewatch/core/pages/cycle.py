"""Statement pages within a poll cycle: full text for new items, archiving, watching.

A `PageCycle` lives for one cycle. `enrich` runs on the fetch workers (a
full-text source's new items get their page's main text, at most
`full_text_per_source` pages per source); `finish` runs on the thread that
owns the Store once every source is stored: it archives the pages of the
cycle's statement alerts (coverage too when the setting says so) and re-checks
the watched pages that are due (all of them with force). Page fetches go
through the cycle's per-host caps.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractContextManager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from ..fetching.client import Fetcher
from ..matching.stories import strip_tracking
from ..model import Item, Source
from ..store import pages as store_pages
from ..store.database import Store
from .statement import PageSnapshot, next_check, snapshot

log = logging.getLogger("stakewatch.pages")
CONTENT_LIMIT = 20_000
HostCap = Callable[[str], AbstractContextManager[Any]]


@dataclass(frozen=True)
class PageConfig:
    watch: timedelta = timedelta(days=14)
    full_text_per_source: int = 10
    archive_per_cycle: int = 100
    archive_coverage: bool = False
    rechecks_per_cycle: int = 300
    workers: int = 8
    warc_dir: Path | None = None


@dataclass
class PageReport:
    archived: list[int] = field(default_factory=list)
    checked: int = 0
    unchanged: int = 0
    changes: list[store_pages.PageChange] = field(default_factory=list)
    full_text: int = 0


def wants_full_text(source: Source) -> bool:
    """`"full_text": true` in the source's options, or as a top-level field of its JSON."""
    return source.options.get("full_text") is True or source.extra.get("full_text") is True


class PageCycle:
    def __init__(self, fetcher: Fetcher, config: PageConfig, host_cap: HostCap) -> None:
        self.fetcher = fetcher
        self.config = config
        self.host_cap = host_cap
        self._lock = threading.Lock()
        self._seen: dict[str, PageSnapshot] = {}
        self.full_text = 0

    def _look(self, url: str, etag: str | None = None, last_modified: str | None = None) -> PageSnapshot:
        try:
            with self.host_cap(url):
                return snapshot(self.fetcher, url, etag, last_modified)
        except Exception as exc:  # one page's fault must not end a cycle
            log.exception("reading the page %s failed", url)
            return PageSnapshot(url=url, final_url=url, fetched=datetime.now(UTC), outcome="failed",
                                error=f"unexpected failure: {exc!r}")

    def enrich(self, source: Source, items: list[Item], known: frozenset[str]) -> list[Item]:
        """New items of a full-text source with their page's main text as content. Worker thread."""
        if not wants_full_text(source) or self.config.full_text_per_source <= 0:
            return items
        budget = self.config.full_text_per_source
        enriched: list[Item] = []
        for item in items:
            if budget > 0 and item.url and item.guid not in known:
                budget -= 1
                snap = self._look(item.url)
                if snap.outcome == "text":
                    with self._lock:
                        self._seen[strip_tracking(item.url)] = snap
                        self.full_text += 1
                    if len(snap.text) > len(item.content):
                        item = replace(item, content=snap.text[:CONTENT_LIMIT])
            enriched.append(item)
        return enriched

    def finish(self, store: Store, new_alerts: list[int], now: datetime, force: bool,
               cancel: threading.Event | None = None) -> PageReport:
        """Archive this cycle's statements and re-check watched pages. Store's thread; never raises for a page."""
        report = PageReport(full_text=self.full_text)
        kinds = ("statement", "coverage") if self.config.archive_coverage else ("statement",)
        since = now - max(self.config.watch, timedelta(days=1))
        fresh = store_pages.unarchived(store, new_alerts, kinds, since, self.config.archive_per_cycle)
        watched = store_pages.due(store, now, force, None if force else self.config.rechecks_per_cycle)
        if cancel is not None and cancel.is_set():
            return report
        urls = list(dict.fromkeys(url for _, url in fresh))
        with ThreadPoolExecutor(max_workers=max(1, self.config.workers),
                                thread_name_prefix="stakewatch-page") as pool:
            first = {url: pool.submit(self._first_look, url) for url in urls}
            again = [(w, pool.submit(self._look, w.url, w.etag, w.last_modified)) for w in watched]
            exported: set[str] = set()
            for alert_id, url in fresh:
                snap = first[url].result()
                upcoming = next_check(now, now, now + self.config.watch)
                if store_pages.record_first(store, alert_id, snap, now + self.config.watch, upcoming):
                    report.archived.append(alert_id)
                    if url not in exported:
                        exported.add(url)
                        self._export(snap)
            for current, future in again:
                snap = future.result()
                report.checked += 1
                report.unchanged += snap.outcome == "unchanged"
                start = current.first_fetched or now
                change = store_pages.record_check(store, current, snap, next_check(start, now, current.watch_until))
                if change is not None:
                    report.changes.append(store_pages.PageChange(current.alert_id, change))
                    if change == "edited":
                        self._export(snap)
        if report.archived or report.changes:
            log.info("pages: %d archived, %d checked (%d unchanged), %d changed", len(report.archived),
                     report.checked, report.unchanged, len(report.changes))
        return report

    def _first_look(self, url: str) -> PageSnapshot:
        with self._lock:
            seen = self._seen.get(strip_tracking(url))
        return seen if seen is not None else self._look(url)

    def _export(self, snap: PageSnapshot) -> None:
        if self.config.warc_dir is None:
            return
        from .warc import write_snapshot

        try:
            write_snapshot(self.config.warc_dir, snap)
        except OSError as exc:
            log.warning("could not write the WARC record of %s: %s", snap.url, exc)


def report_json(report: PageReport) -> dict[str, Any]:
    return {"archived": len(report.archived), "checked": report.checked, "unchanged": report.unchanged,
            "edited": sum(1 for c in report.changes if c.change == "edited"),
            "removed": sum(1 for c in report.changes if c.change == "removed"), "full_text": report.full_text}
