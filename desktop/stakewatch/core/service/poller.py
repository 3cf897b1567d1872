"""The first step of a cycle: fetch -> parse -> match -> store -> new alerts (ingest).

Everything after it (archiving pages, deciding, notices, popups, the courier, pruning and feeds)
is the service's after-cycle pipeline (service/cycle.py). Fetching and parsing fan out over a
bounded ThreadPoolExecutor with a cap per host; everything that touches the database happens on the calling thread, one
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
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

from ..fetching.client import MAX_RETRY_AFTER, Fetcher, FetchResult, origin
from ..fetching.hosts import HostSlot
from ..i18n import Message, Text, translate
from ..matching.ingest import StoryIndex, Validators, ingest
from ..matching.matcher import Matcher
from ..model import Item, Source, UserError, Watchlist
from ..pages.cycle import PageCycle, wants_full_text
from ..platform.cyclelock import CycleLock
from ..platform.secrets import Vault, redact, request_auth
from ..settings import PollConfig as PollConfig
from ..sources import SOURCE_KINDS, ParseError
from ..sources.base import Collect, FetchFailed, problems_of
from ..store.credentials import vault as folder_vault
from ..store.database import Row, Store, from_epoch, future_within
from ..store.errors import DatabaseFailure, describe_sqlite_error
from ..store.items import known_guids
from ..text import plain
from .cycle import archive_pages
from .report import CycleReport as CycleReport
from .report import Outcome as Outcome
from .schedule import Scheduler, failure_interval

NOT_DUE = translate("Poller", "not due yet")
ASKED_TO_WAIT = translate("Poller", "server asked to wait until {until} UTC")
BACKING_OFF = translate("Poller", "backing off after {n} {n:?failure|failures} until {until} UTC")
UNKNOWN_KIND = translate("Poller", "unknown source kind '{kind}'")
UNREADABLE_ANSWER = translate("Poller", "could not read the answer ({error})")
NOT_STORED = translate("Poller", "could not store what it sent ({error})")

Clock = Callable[[], datetime]
log = logging.getLogger("stakewatch.poller")
ERROR_LIMIT = 500


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class _Fetched:
    source: Source
    result: FetchResult
    items: list[Item] | None
    error: str | None
    notes: tuple[Message, ...] = ()


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
        self.schedule = Scheduler(store, self.config.host_spacing, clock)
        self._matcher: tuple[int, Matcher] | None = None

    def matcher(self) -> Matcher:
        """The compiled matcher, rebuilt only when the watchlists changed."""
        version = self.store.config_version()
        if self._matcher is None or self._matcher[0] != version:
            self._matcher = (version, Matcher(self.store.watchlists()))
        return self._matcher[1]

    def _waits(self, row: Row, now: datetime) -> tuple[datetime | None, datetime | None,
                                                                 datetime | None]:
        """(retry_after, backoff_until, next_check) still ahead of `now`; a stored time further
        ahead than Stakewatch ever sets one (a clock that was wrong and got corrected) counts as now."""
        backoff_cap = self.config.backoff_cap * (1 + self.config.jitter)
        interval = timedelta(minutes=int(row["interval_minutes"]))
        return (future_within(row["retry_after"], now, MAX_RETRY_AFTER),
                future_within(row["backoff_until"], now, backoff_cap),
                future_within(row["next_check"], now, max(interval, backoff_cap, MAX_RETRY_AFTER)))

    def plan(self, now: datetime, force: bool = False,
             honour_schedule: bool = False) -> tuple[list[Source], list[tuple[str, str]]]:
        """Which enabled sources to fetch now, and why the others wait."""
        due: list[Source] = []
        skipped: list[tuple[str, str]] = []
        for source in self.store.sources(enabled_only=True):
            assert source.id is not None
            row = self.store.source_row(source.id)
            retry_after, backoff_until, next_check = self._waits(row, now)
            if not force and retry_after:
                skipped.append((source.name, Text(ASKED_TO_WAIT(until=f"{retry_after:%H:%M}"))))
            elif not force and backoff_until:
                skipped.append((source.name, Text(BACKING_OFF(n=row["consecutive_failures"],
                                                              until=f"{backoff_until:%H:%M}"))))
            elif honour_schedule and not force and next_check:
                skipped.append((source.name, Text(NOT_DUE)))
            elif source.kind not in SOURCE_KINDS:
                skipped.append((source.name, Text(UNKNOWN_KIND(kind=source.kind))))
            else:
                due.append(source)
        if honour_schedule and not force:
            due, later = self.schedule.spread(due, now)
            skipped += [(source.name, Text(NOT_DUE)) for source in later]
        return due, skipped

    def next_due(self) -> datetime | None:
        """The earliest time any enabled source wants fetching."""
        now = self.clock()
        times: list[datetime] = []
        for source in self.store.sources(enabled_only=True):
            assert source.id is not None
            present = [m for m in self._waits(self.store.source_row(source.id), now) if m is not None]
            times.append(max(present) if present else now)
        return min(times) if times else None

    def cancel(self) -> None:
        """End the cycle in progress at once: its fetches stop mid-read. Any thread."""
        self.fetcher.abort()

    def lock(self, cancel: threading.Event | None = None) -> CycleLock:
        """The data folder's cycle lock (`with poller.lock(cancel) as lock: if lock.acquired: ...`)."""
        return CycleLock(self.store.path.parent, cancel)

    def run_cycle(self, force: bool = False, honour_schedule: bool = False,
                  sources: list[Source] | None = None,
                  cancel: threading.Event | None = None) -> CycleReport:
        """Ingest under the cycle lock, then archive the cycle's pages (the pipeline's own step): a cycle
        without decisions, for tests and benchmarks of fetching. `Service.poll` runs the whole pipeline."""
        with self.lock(cancel) as lock:
            if not lock.acquired:
                return CycleReport(started=self.clock(), finished=self.clock())
            report = self.ingest(force, honour_schedule, sources, cancel)
            archive_pages(self.store, report, self.clock, force, cancel)
            return report

    def ingest(self, force: bool = False, honour_schedule: bool = False, sources: list[Source] | None = None,
               cancel: threading.Event | None = None) -> CycleReport:
        """Fetch the due sources once and store what they bring. Never raises for a source. Call it
        holding `lock()`: cycles of one data folder run one at a time, across processes. Setting
        `cancel` stops it within a fraction of a second (sockets are cut); what was stored stays."""
        return self._cycle(force, honour_schedule, sources, cancel)

    def _cycle(self, force: bool, honour_schedule: bool, sources: list[Source] | None,
               cancel: threading.Event | None) -> CycleReport:
        now = self.clock()
        report = CycleReport(started=now)
        self.schedule.start_cycle()
        if sources is None:
            sources, report.skipped = self.plan(now, force=force, honour_schedule=honour_schedule)
        matcher = self.matcher()
        entity_ids = self.store.entity_ids()
        watchlists = self.store.watchlists()
        stories = StoryIndex()

        def host_cap(url: str) -> HostSlot:
            return self.schedule.gate.slot(url, cancel.is_set if cancel is not None else None)

        pages = PageCycle(self.fetcher, self.config.pages, host_cap)
        vault = folder_vault(self.store)
        rows = {s.name: self.store.source_row(s.id) for s in sources if s.id is not None}
        sources = [s for s in sources if s.name in rows]
        pool = ThreadPoolExecutor(max_workers=max(1, self.config.total),
                                  thread_name_prefix="stakewatch-fetch")
        cancelled = False
        try:
            pending: dict[Future[_Fetched], Source] = {}
            for source in _interleave_by_host(sources):
                row = rows[source.name]
                assert source.id is not None
                if SOURCE_KINDS[source.kind].collecting(source):
                    pending[pool.submit(self._collect_one, source, watchlists, from_epoch(row["last_success"]),
                                        known_guids(self.store, source.id), host_cap(source.url), cancel,
                                        vault)] = source
                    continue
                url = SOURCE_KINDS[source.kind].request_url(source, watchlists)
                same = row["validators_url"] == url
                guids = known_guids(self.store, source.id) if wants_full_text(source) else frozenset()
                pending[pool.submit(self._fetch_one, source, url,
                                    row["etag"] if same else None,
                                    row["last_modified"] if same else None,
                                    host_cap(url), vault, pages, guids)] = source
            while pending:
                if cancel is not None and cancel.is_set():
                    cancelled = True
                    self.fetcher.abort()
                    break
                done, _ = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
                for future in done:
                    source = pending.pop(future)
                    outcome, stored = self._store_one(future.result(), matcher, entity_ids,
                                                      rows[source.name], stories)
                    if not stored:
                        stories = StoryIndex()  # it may hold stories of the rolled-back transaction
                    report.outcomes.append(outcome)
        finally:
            pool.shutdown(wait=not cancelled, cancel_futures=True)
            self.schedule.end_cycle(self.clock())
        report.cancelled = cancelled
        report.page_work = pages
        report.finished = self.clock()
        log.info("cycle%s: %s", " (cancelled)" if cancelled else "", report.summary())
        return report

    def _fetch_one(self, source: Source, url: str, etag: str | None, last_modified: str | None,
                   cap: HostSlot, vault: Vault, pages: PageCycle | None = None,
                   stored_guids: frozenset[str] = frozenset()) -> _Fetched:
        headers, basic, problem = request_auth(source.options, vault)
        known = tuple(headers.values()) + ((basic[1],) if basic else ())
        if problem is not None:
            problem = plain(problem, ERROR_LIMIT)
            return _Fetched(source, FetchResult(url=url, final_url=url, error=problem), None, problem)
        with cap:
            result = self.fetcher.fetch(url, etag=etag, last_modified=last_modified, headers=headers, auth=basic)
        if not result.ok or result.not_modified:
            return _Fetched(source, result, None, shown_error(result.error, known))
        try:
            items = SOURCE_KINDS[source.kind].parse(source, result.body, result.content_type,
                                                    result.final_url)
            notes = problems_of(items)
            if pages is not None:
                items = pages.enrich(source, items, stored_guids)
        except ParseError as exc:
            return _Fetched(source, result, None, shown_error(exc.message, known))
        except Exception as exc:  # a parser bug must not end the cycle
            log.exception("reading %s failed unexpectedly", source.name)
            return _Fetched(source, result, None, Text(UNREADABLE_ANSWER(error=type(exc).__name__)))
        return _Fetched(source, result, items, None, notes)

    def _collect_one(self, source: Source, watchlists: list[Watchlist], last_success: datetime | None,
                     known: frozenset[str], cap: HostSlot, cancel: threading.Event | None,
                     vault: Vault) -> _Fetched:
        """A kind that reads several addresses (a paged API), one request at a time. Worker thread."""
        headers, basic, problem = request_auth(source.options, vault)
        secrets = tuple(headers.values()) + ((basic[1],) if basic else ())
        if problem is not None:
            problem = plain(problem, ERROR_LIMIT)
            return _Fetched(source, FetchResult(url=source.url, final_url=source.url, error=problem), None, problem)
        stop = cancel or threading.Event()
        spent: list[float] = []
        home = origin(SOURCE_KINDS[source.kind].request_url(source, watchlists))

        def fetch(url: str) -> FetchResult:
            # the credential belongs to the source's origin: a linked PDF elsewhere is fetched without it
            own = origin(url) == home
            with cap:
                result = self.fetcher.fetch(url, headers=headers if own else None, auth=basic if own else None)
            spent.append(result.elapsed)
            return result

        context = Collect(fetch=fetch, pause=lambda seconds: not stop.wait(seconds), watchlists=watchlists,
                          last_success=last_success, now=self.clock(), known=known, stop=stop)
        done = FetchResult(url=source.url, final_url=source.url, status=200)
        try:
            items = SOURCE_KINDS[source.kind].collect(source, context)
        except FetchFailed as exc:
            return _Fetched(source, replace(exc.result, elapsed=sum(spent)), None, shown_error(exc.message, secrets))
        except ParseError as exc:
            return _Fetched(source, replace(done, elapsed=sum(spent)), None, shown_error(exc.message, secrets))
        except Exception as exc:  # a parser bug must not end the cycle
            log.exception("reading %s failed unexpectedly", source.name)
            return _Fetched(source, done, None, Text(UNREADABLE_ANSWER(error=type(exc).__name__)))
        return _Fetched(source, replace(done, elapsed=sum(spent)), items, None, problems_of(items))

    def _store_one(self, fetched: _Fetched, matcher: Matcher,
                   entity_ids: dict[tuple[str, str], int], row: Row,
                   stories: StoryIndex) -> tuple[Outcome, bool]:
        """The source's outcome, and whether its items were stored (False: rolled back)."""
        source, result = fetched.source, fetched.result
        assert source.id is not None
        now = self.clock()
        interval = failure_interval(source)
        error = fetched.error
        stored = True
        if error is None:
            validators = Validators(result.url, result.etag or row["etag"],
                                    result.last_modified or row["last_modified"])
            try:
                ingested = ingest(self.store, source, fetched.items or [], matcher, entity_ids, now,
                                  validators, now + interval, stories, fetched.notes)
            except Exception as exc:  # one source's storage failure is that source's failure
                error, stored = storage_problem(exc), False
                log.warning("%s: storing failed: %r", source.name, exc)
            else:
                try:
                    self.schedule.after_success(source, row, result, now, ingested.new_items)
                except Exception as exc:  # the next check stays at the one ingest stored
                    log.warning("%s: scheduling failed: %r", source.name, exc)
                return Outcome(source.name, ok=True, not_modified=result.not_modified,
                               new_items=ingested.new_items, new_alerts=tuple(ingested.new_alerts),
                               elapsed=result.elapsed), True
        failures = int(row["consecutive_failures"]) + 1
        backoff_until = now + backoff_delay(failures, self.config, self.rng)
        next_check = max(now + interval, backoff_until, result.retry_after or now)
        try:
            self.store.record_failure(source.id, error, now, next_check, backoff_until,
                                      result.retry_after)
        except Exception as exc:  # the database itself is failing: the outcome still says why
            log.warning("%s: recording its failure failed: %r", source.name, exc)
        log.warning("%s failed (%d in a row): %s", source.name, failures, error)
        return Outcome(source.name, ok=False, error=error, elapsed=result.elapsed), stored


def shown_error(message: str | None, known: tuple[str, ...] = ()) -> str | None:
    """An error fit to store and show: no secret, no userinfo, no terminal control, one line.

    A translatable error (a Text) keeps its key: the words it quotes are cleaned instead."""
    if message is None:
        return None
    if isinstance(message, Text):
        return Text(_cleaned(message.message, known))
    return plain(redact(message, known), ERROR_LIMIT)


def _cleaned(message: Message, known: tuple[str, ...]) -> Message:
    args = {key: _cleaned(value, known) if isinstance(value, Message)
            else plain(redact(value, known), ERROR_LIMIT) if isinstance(value, str) else value
            for key, value in message.args}
    return message(**args)


def storage_problem(exc: BaseException) -> str:
    """Why a source's answer could not be stored, in words."""
    if isinstance(exc, UserError):
        return exc.message
    if isinstance(exc, DatabaseFailure):
        return describe_sqlite_error(exc)
    return Text(NOT_STORED(error=type(exc).__name__))
