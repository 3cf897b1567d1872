"""The one scheduler: which due sources go out in a cycle, when each is checked next, and what
source health says about it. Used by the poller, so `stakewatch watch` and the tray share it.

The rules are rhythm.py's (pure); this module reads and keeps their inputs in the store: the
sources' publication times, when something new last arrived, the feeds' floors and hubs, and
every request's host and start (the spacing per host holds across cycles, restarts and the
tray and CLI alike). Call on the thread that owns the Store, except `gate`, which fetch workers
enter.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from ..fetching.client import FetchResult
from ..fetching.floors import feed_hints
from ..fetching.hosts import HostGate, host_of
from ..fetching.rhythm import (
    FASTEST,
    FOLLOW_UP_FRESH,
    WINDOW,
    Plan,
    Rhythm,
    describe,
    fastest_for,
    learn,
    plan_next,
    releases_of,
    source_zone,
)
from ..model import Source, SourceHealth
from ..store import rhythm as store_rhythm
from ..store.database import Row, Store

log = logging.getLogger("stakewatch.schedule")
DELAY_WINDOW = timedelta(days=7)
HOUR = timedelta(hours=1)


def fixed_interval(source: Source) -> timedelta | None:
    """The source's explicit interval, or None when its rhythm decides."""
    return timedelta(minutes=source.interval_minutes) if source.interval_minutes else None


def rhythm_of(store: Store, source: Source, now: datetime) -> Rhythm:
    """The rhythm the source's stored items show at `now`."""
    assert source.id is not None
    times = store_rhythm.publication_times(store, source.id, now - WINDOW)
    return learn(times, now, source_zone(source.url, source.extra))


class Scheduler:
    """Keeps one poller's schedule. `clock` gives aware datetimes."""

    def __init__(self, store: Store, spacing: float, clock: Callable[[], datetime],
                 wait: Callable[[float], bool] | None = None) -> None:
        self.store = store
        self.clock = clock
        self.gate = HostGate(spacing, lambda: self.clock().timestamp(), wait)

    def start_cycle(self) -> None:
        """Learn when each host was last asked (another process may have asked it)."""
        try:
            self.gate.seed(store_rhythm.last_requests(self.store))
        except Exception as exc:  # the schedule's bookkeeping never costs a cycle
            log.warning("could not read the recent requests: %r", exc)

    def spread(self, due: Sequence[Source], now: datetime) -> tuple[list[Source], list[Source]]:
        """(go now, wait): with a spacing set, at most one source per host in a scheduled cycle, the
        others due on that host go in the next cycles; none to a host whose spacing has not passed."""
        if self.gate.spacing <= 0:
            return list(due), []
        chosen: dict[str, Source] = {}
        later: list[Source] = []
        for source in due:
            host = host_of(source.url)
            if host in chosen or self.gate.free_at(source.url) > now.timestamp() + 1.0:
                later.append(source)
            else:
                chosen[host] = source
        return list(chosen.values()), later

    def after_success(self, source: Source, row: Row, result: FetchResult, now: datetime,
                      new_items: int) -> Plan:
        """Decide and store the next check after a successful fetch; the plan."""
        assert source.id is not None
        state = store_rhythm.schedule_state(self.store, source.id)
        first = row["last_success"] is None
        floor_minutes, hub = state.feed_floor_minutes, state.hub
        if result.body:
            hints = feed_hints(result.body)
            floor_minutes, hub = hints.floor_minutes, hints.hub
        last_new = now if new_items and not first else state.last_new
        fixed = fixed_interval(source)
        rhythm = None
        fresh = False
        if fixed is None:
            rhythm = rhythm_of(self.store, source, now)
            fresh = bool(new_items) and not first and any(
                t > now - FOLLOW_UP_FRESH for t in store_rhythm.publication_times(
                    self.store, source.id, now - FOLLOW_UP_FRESH))
        floors = [f for f in (now + result.wait if result.wait else None,
                              now + timedelta(minutes=floor_minutes) if floor_minutes else None) if f]
        plan = plan_next(now, fixed=fixed, rhythm=rhythm, floor=max(floors) if floors else None,
                         releases=releases_of(source.extra), last_new=last_new, fresh_new=fresh,
                         fastest=fastest_for(source.kind))
        store_rhythm.record_schedule(self.store, source.id, plan.at,
                                     store_rhythm.ScheduleState(last_new, floor_minutes, hub))
        return plan

    def end_cycle(self, now: datetime) -> None:
        """Keep the cycle's requests (host, start) for spacing and requests per hour."""
        try:
            store_rhythm.record_requests(self.store, self.gate.drain(), now)
        except Exception as exc:
            log.warning("could not record the cycle's requests: %r", exc)


def failure_interval(source: Source) -> timedelta:
    """The interval a failing source starts its backoff from."""
    return fixed_interval(source) or FASTEST


def scheduled_health(store: Store, now: datetime | None = None) -> list[SourceHealth]:
    """Every source's health with its schedule: rhythm in words, next check, median delay from
    publication to alert over the last week, requests to its host in the last hour, hub, releases."""
    now = now or datetime.now(UTC)
    health = store.health(now)
    sources = {s.name: s for s in store.sources()}
    requests = store_rhythm.requests_since(store, now - HOUR)
    delays = store_rhythm.median_delays(store, now - DELAY_WINDOW)
    result: list[SourceHealth] = []
    for entry in health:
        source = sources.get(entry.name)
        if source is None or source.id is None:
            result.append(entry)
            continue
        fixed = fixed_interval(source)
        releases = releases_of(source.extra)
        rhythm = None if fixed else rhythm_of(store, source, now)
        state = store_rhythm.schedule_state(store, source.id)
        result.append(replace(
            entry, rhythm=describe(fixed, rhythm, releases, now.date(), fastest_for(source.kind)),
            median_delay_seconds=delays.get(source.id), requests_last_hour=requests.get(host_of(source.url), 0),
            hub=state.hub, releases=releases.to_json() if releases else None))
    return result

