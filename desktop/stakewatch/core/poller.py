"""One poll cycle: fetch -> parse -> match -> store -> new alerts.

Fetching and parsing fan out over a bounded ThreadPoolExecutor with a cap per
host; everything that touches the database happens on the calling thread, one
transaction per source, as answers arrive. A failing source becomes a health
record, never an exception.
"""

from __future__ import annotations

import logging
import random
import threading
from collections import defaultdict, deque
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

from .fetch import FetchConfig, Fetcher, FetchResult
from .i18n import Text, translate
from .ingest import StoryIndex, Validators, ingest
from .matching import Matcher
from .model import Item, Source
from .secrets import request_auth
from .sources import SOURCE_KINDS, ParseError
from .store import Row, Store, from_epoch

NOT_DUE = translate("Poller", "not due yet")
ASKED_TO_WAIT = translate("Poller", "server asked to wait until {until} UTC")
BACKING_OFF = translate("Poller", "backing off after {n} failure(s) until {until} UTC")
UNKNOWN_KIND = translate("Poller", "unknown source kind '{kind}'")
UNREADABLE_ANSWER = translate("Poller", "could not read the answer ({error})")

Clock = Callable[[], datetime]
log = logging.getLogger("stakewatch.poller")


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class PollConfig:
    per_host: int = 2
    total: int = 16
    backoff_base: timedelta = timedelta(minutes=1)
    backoff_cap: timedelta = timedelta(hours=6)
    jitter: float = 0.2
    retention: timedelta | None = None
    fetch: FetchConfig = field(default_factory=FetchConfig)


@dataclass(frozen=True)
class Outcome:
    """What happened to one source in a cycle."""

    source: str
    ok: bool
    error: str | None = None
    not_modified: bool = False
    new_items: int = 0
    new_alerts: tuple[int, ...] = ()
    elapsed: float = 0.0


@dataclass
class CycleReport:
    started: datetime
    finished: datetime | None = None
    outcomes: list[Outcome] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)

    @property
    def new_alerts(self) -> list[int]:
        return [alert for outcome in self.outcomes for alert in outcome.new_alerts]

    @property
    def failures(self) -> list[Outcome]:
        return [outcome for outcome in self.outcomes if not outcome.ok]

    def summary(self) -> str:
        ok = [o for o in self.outcomes if o.ok]
        unchanged = sum(1 for o in ok if o.not_modified)
        parts = [f"polled {len(self.outcomes)} source{'s' * (len(self.outcomes) != 1)}: "
                 f"{len(ok)} ok ({unchanged} unchanged), {len(self.failures)} failing",
                 f"{sum(o.new_items for o in self.outcomes)} new items",
                 f"{len(self.new_alerts)} new alerts"]
        if self.skipped:
            parts.append(f"{len(self.skipped)} skipped")
        return "; ".join(parts)


@dataclass(frozen=True)
class _Fetched:
    source: Source
    result: FetchResult
    items: list[Item] | None
    error: str | None


def backoff_delay(failures: int, config: PollConfig, rng: random.Random) -> timedelta:
    """Exponential backoff with jitter: base * 2^(failures-1), capped."""
    exponent = min(max(failures - 1, 0), 30)
    delay: timedelta = min(config.backoff_base * (2 ** exponent), config.backoff_cap)
    return delay * rng.uniform(1 - config.jitter, 1 + config.jitter)


def _interleave_by_host(sources: Iterable[Source]) -> list[Source]:
    """Round-robin over hosts so that per-host caps rarely leave workers idle."""
    queues: dict[str, deque[Source]] = defaultdict(deque)
    for source in sources:
        queues[(urlsplit(source.url).hostname or "").lower()].append(source)
    ordered: list[Source] = []
    while queues:
        for host in list(queues):
            ordered.append(queues[host].popleft())
            if not queues[host]:
                del queues[host]
    return ordered


class Poller:
    """Runs poll cycles against one Store. Call from the thread that owns that Store."""

    def __init__(self, store: Store, config: PollConfig | None = None,
                 clock: Clock = utc_now, rng: random.Random | None = None) -> None:
        self.store = store
        self.config = config or PollConfig()
        self.fetcher = Fetcher(self.config.fetch)
        self.clock = clock
        self.rng = rng or random.Random()
        self._matcher: tuple[int, Matcher] | None = None

    def matcher(self) -> Matcher:
        """The compiled matcher, rebuilt only when the watchlists changed."""
        version = self.store.config_version()
        if self._matcher is None or self._matcher[0] != version:
            self._matcher = (version, Matcher(self.store.watchlists()))
        return self._matcher[1]

    def plan(self, now: datetime, force: bool = False,
             honour_schedule: bool = False) -> tuple[list[Source], list[tuple[str, str]]]:
        """Which enabled sources to fetch now, and why the others wait."""
        due: list[Source] = []
        skipped: list[tuple[str, str]] = []
        for source in self.store.sources(enabled_only=True):
            assert source.id is not None
            row = self.store.source_row(source.id)
            retry_after = from_epoch(row["retry_after"])
            backoff_until = from_epoch(row["backoff_until"])
            next_check = from_epoch(row["next_check"])
            if not force and retry_after and retry_after > now:
                skipped.append((source.name, Text(ASKED_TO_WAIT(until=f"{retry_after:%H:%M}"))))
            elif not force and backoff_until and backoff_until > now:
                skipped.append((source.name, Text(BACKING_OFF(n=row["consecutive_failures"],
                                                              until=f"{backoff_until:%H:%M}"))))
            elif honour_schedule and not force and next_check and next_check > now:
                skipped.append((source.name, Text(NOT_DUE)))
            elif source.kind not in SOURCE_KINDS:
                skipped.append((source.name, Text(UNKNOWN_KIND(kind=source.kind))))
            else:
                due.append(source)
        return due, skipped

    def next_due(self) -> datetime | None:
        """The earliest time any enabled source wants fetching."""
        times: list[datetime] = []
        for source in self.store.sources(enabled_only=True):
            assert source.id is not None
            row = self.store.source_row(source.id)
            moments = [from_epoch(row[key]) for key in ("next_check", "backoff_until",
                                                        "retry_after")]
            present = [m for m in moments if m is not None]
            times.append(max(present) if present else self.clock())
        return min(times) if times else None

    def run_cycle(self, force: bool = False, honour_schedule: bool = False,
                  sources: list[Source] | None = None,
                  cancel: threading.Event | None = None) -> CycleReport:
        """Fetch the due sources once and store what they bring. Never raises for a source."""
        now = self.clock()
        report = CycleReport(started=now)
        if sources is None:
            sources, report.skipped = self.plan(now, force=force, honour_schedule=honour_schedule)
        matcher = self.matcher()
        entity_ids = self.store.entity_ids()
        watchlists = self.store.watchlists()
        stories = StoryIndex()
        host_caps: dict[str, threading.Semaphore] = defaultdict(
            lambda: threading.Semaphore(self.config.per_host))
        caps_lock = threading.Lock()

        def host_cap(url: str) -> threading.Semaphore:
            with caps_lock:
                return host_caps[(urlsplit(url).hostname or "").lower()]

        rows = {s.name: self.store.source_row(s.id) for s in sources if s.id is not None}
        sources = [s for s in sources if s.name in rows]
        with ThreadPoolExecutor(max_workers=max(1, self.config.total),
                                thread_name_prefix="stakewatch-fetch") as pool:
            pending: dict[Future[_Fetched], Source] = {}
            for source in _interleave_by_host(sources):
                row = rows[source.name]
                url = SOURCE_KINDS[source.kind].request_url(source, watchlists)
                same = row["validators_url"] == url
                pending[pool.submit(self._fetch_one, source, url,
                                    row["etag"] if same else None,
                                    row["last_modified"] if same else None,
                                    host_cap(url))] = source
            while pending:
                if cancel is not None and cancel.is_set():
                    for future in pending:
                        future.cancel()
                    break
                done, _ = wait(pending, timeout=1.0, return_when=FIRST_COMPLETED)
                for future in done:
                    source = pending.pop(future)
                    report.outcomes.append(self._store_one(future.result(), matcher, entity_ids,
                                                           rows[source.name], stories))
        report.finished = self.clock()
        if self.config.retention is not None:
            pruned = self.store.prune_items(report.finished - self.config.retention)
            if pruned:
                log.info("pruned %d items older than %s", pruned, self.config.retention)
        log.info("cycle: %s", report.summary())
        return report

    def _fetch_one(self, source: Source, url: str, etag: str | None, last_modified: str | None,
                   cap: threading.Semaphore) -> _Fetched:
        headers, basic, problem = request_auth(source.options)
        if problem is not None:
            return _Fetched(source, FetchResult(url=url, final_url=url, error=problem), None, problem)
        with cap:
            result = self.fetcher.fetch(url, etag=etag, last_modified=last_modified, headers=headers, auth=basic)
        if not result.ok or result.not_modified:
            return _Fetched(source, result, None, result.error)
        try:
            items = SOURCE_KINDS[source.kind].parse(source, result.body, result.content_type,
                                                    result.final_url)
        except ParseError as exc:
            return _Fetched(source, result, None, exc.message)
        except Exception as exc:  # a parser bug must not end the cycle
            log.exception("reading %s failed unexpectedly", source.name)
            return _Fetched(source, result, None, Text(UNREADABLE_ANSWER(error=repr(exc))))
        return _Fetched(source, result, items, None)

    def _store_one(self, fetched: _Fetched, matcher: Matcher,
                   entity_ids: dict[tuple[str, str], int], row: Row,
                   stories: StoryIndex) -> Outcome:
        source, result = fetched.source, fetched.result
        assert source.id is not None
        now = self.clock()
        interval = timedelta(minutes=source.interval_minutes)
        if fetched.error is not None:
            failures = int(row["consecutive_failures"]) + 1
            backoff_until = now + backoff_delay(failures, self.config, self.rng)
            next_check = max(now + interval, backoff_until, result.retry_after or now)
            self.store.record_failure(source.id, fetched.error, now, next_check, backoff_until,
                                      result.retry_after)
            log.warning("%s failed (%d in a row): %s", source.name, failures, fetched.error)
            return Outcome(source.name, ok=False, error=fetched.error, elapsed=result.elapsed)
        validators = Validators(result.url, result.etag or row["etag"],
                                result.last_modified or row["last_modified"])
        ingested = ingest(self.store, source, fetched.items or [], matcher, entity_ids, now,
                          validators, now + interval, stories)
        return Outcome(source.name, ok=True, not_modified=result.not_modified,
                       new_items=ingested.new_items, new_alerts=tuple(ingested.new_alerts),
                       elapsed=result.elapsed)
