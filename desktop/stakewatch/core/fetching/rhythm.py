"""When to check a source next: its own publishing rhythm, the server's floors, release-time bursts.

Pure functions of their arguments (the clock is a `now` passed in), so the poller, the benchmark
and the tests run the same schedule. Any thread.

- The rhythm is learned from the publication dates of the items a source holds (the last 28 days),
  per hour of day and weekday/weekend in the source's time zone, plus what arrived in the last
  hours. The interval at a moment is 3 min x sqrt(6 / items-per-day at that hour), from 2 to 60
  minutes (so checks go where the items come: the square-root rule that minimises the mean delay
  for a given number of requests); a feed that publishes about once a week is checked no more
  than every 30 minutes.
- Floors (floors.py) are never undercut: the feed's <ttl> and <sy:updatePeriod>, and the
  answer's Cache-Control max-age, Expires and Retry-After; `plan_next` takes the latest of them.
- Releases: a source that publishes at known times is checked every 15 seconds from one minute
  before each time until ten minutes after, until something new has arrived.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ..i18n import Message, translate

WINDOW = timedelta(days=28)
RECENT = timedelta(hours=3)
FASTEST = timedelta(minutes=2)
BASE = timedelta(minutes=3)
SLOWEST = timedelta(minutes=60)
QUIET = timedelta(minutes=30)
SEARCH_FASTEST = timedelta(minutes=30)
"""A news search asks one aggregator for many publishers: never more often than the fixed 30 minutes."""
QUIET_PER_WEEK = 2.0
BUSY_PER_DAY = 6.0
FOLLOW_UP = timedelta(minutes=2)
FOLLOW_UP_FRESH = timedelta(hours=1)
BURST_BEFORE = timedelta(minutes=1)
BURST_AFTER = timedelta(minutes=10)
BURST_EVERY = timedelta(seconds=15)
LOOK_AHEAD_STEP = timedelta(minutes=5)
TOKYO = "Asia/Tokyo"
DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

BAD_TIME = translate("Rhythm", "'{value}' is not a time of day like 08:30")
BAD_ZONE = translate("Rhythm", "'{value}' is not a time zone like Asia/Tokyo")
BAD_DAY = translate("Rhythm", "'{value}' is not daily, weekdays or a list of days like [\"mon\", \"thu\"]")
NO_TIMES = translate("Rhythm", "needs a list of times like [\"08:30\"]")
NOT_RELEASES = translate("Rhythm", "must be an object with times, tz and days")
FIXED = translate("Rhythm", "every {minutes} min (fixed)")
LEARNING = translate("Rhythm", "learning: checked every {minutes} min until it has published")
STEADY = translate("Rhythm", "every {every}")
BUSY_HOURS = translate("Rhythm", "every {fast} from {start} to {end} ({zone}), every {slow} otherwise")
BUSY_WEEKDAYS = translate("Rhythm", "every {fast} from {start} to {end} on weekdays ({zone}), every {slow} otherwise")
WITH_RELEASES = translate("Rhythm", "{rhythm}; every 15 s around {times}")
MINUTES = translate("Rhythm", "{n} min")
HOURLY = translate("Rhythm", "hour")


# time zones ------------------------------------------------------------------------------------

def zone(name: str) -> tzinfo:
    """The named zone; Asia/Tokyo stays known without a zone database (it has no DST)."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        if name == TOKYO:
            from datetime import timezone
            return timezone(timedelta(hours=9), TOKYO)
        raise


def source_zone(url: str, extra: dict[str, Any]) -> str:
    """A source's time zone: its own `tz`, Asia/Tokyo for Japanese sites and searches, else UTC."""
    named = extra.get("tz")
    if isinstance(named, str) and named:
        return named
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if host.endswith(".jp") or re.search(r"(?:^|&)(?:hl=ja|gl=JP|ceid=JP)", parts.query):
        return TOKYO
    return "UTC"


def check_zone(value: Any) -> Message | None:
    """None when `value` names a time zone, else why not."""
    try:
        if not isinstance(value, str) or not value:
            raise ValueError(value)
        zone(value)
    except (ZoneInfoNotFoundError, ValueError):
        return BAD_ZONE(value=str(value)[:40])
    return None


def zone_or_utc(name: str) -> tzinfo:
    try:
        return zone(name)
    except (ZoneInfoNotFoundError, ValueError):
        return UTC


# releases ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Releases:
    """Known publication times: `times` (local HH:MM) in `tz` on `days` (weekday numbers, Monday 0)."""

    times: tuple[time, ...]
    tz: str
    days: tuple[int, ...]
    days_text: str | tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        days = self.days_text if isinstance(self.days_text, str) else list(self.days_text)
        return {"times": [f"{t:%H:%M}" for t in self.times], "tz": self.tz, "days": days}

    def windows(self, around: datetime) -> list[tuple[datetime, datetime]]:
        """The burst windows (start, end) of the days around `around`, in UTC, earliest first."""
        place = zone(self.tz)
        local = around.astimezone(place).date()
        found: list[tuple[datetime, datetime]] = []
        for offset in (-1, 0, 1, 2):
            day = local + timedelta(days=offset)
            if day.weekday() not in self.days:
                continue
            for moment in self.times:
                at = datetime.combine(day, moment, place).astimezone(UTC)
                found.append((at - BURST_BEFORE, at + BURST_AFTER))
        return sorted(found)


def parse_releases(data: Any) -> tuple[Releases | None, Message | None]:
    """Releases from a watchlist file's `releases` value, or why not."""
    if not isinstance(data, dict):
        return None, NOT_RELEASES()
    raw_times = data.get("times")
    if not isinstance(raw_times, list) or not raw_times:
        return None, NO_TIMES()
    times: list[time] = []
    for value in raw_times:
        if not isinstance(value, str) or not re.fullmatch(r"\d{1,2}:\d{2}", value.strip()):
            return None, BAD_TIME(value=str(value)[:20])
        hours, minutes = (int(part) for part in value.strip().split(":"))
        if hours > 23 or minutes > 59:
            return None, BAD_TIME(value=value[:20])
        times.append(time(hours, minutes))
    tz_name = data.get("tz", TOKYO)
    problem = check_zone(tz_name)
    if problem is not None:
        return None, problem
    raw_days = data.get("days", "daily")
    days: tuple[int, ...]
    days_text: str | tuple[str, ...]
    if raw_days == "daily":
        days, days_text = tuple(range(7)), "daily"
    elif raw_days == "weekdays":
        days, days_text = tuple(range(5)), "weekdays"
    elif isinstance(raw_days, list) and raw_days:
        chosen: list[int] = []
        for value in raw_days:
            name = value.strip().lower()[:3] if isinstance(value, str) else ""
            if name not in DAY_NAMES:
                return None, BAD_DAY(value=str(value)[:20])
            chosen.append(DAY_NAMES.index(name))
        days = tuple(sorted(set(chosen)))
        days_text = tuple(DAY_NAMES[d] for d in days)
    else:
        return None, BAD_DAY(value=str(raw_days)[:20])
    return Releases(tuple(sorted(set(times))), tz_name, days, days_text), None


def releases_of(extra: dict[str, Any]) -> Releases | None:
    """A stored source's releases (validated when imported), or None."""
    if "releases" not in extra:
        return None
    releases, _problem = parse_releases(extra["releases"])
    return releases


def burst_window(releases: Releases | None, now: datetime) -> tuple[datetime, datetime] | None:
    """The release window `now` falls in, if any."""
    if releases is None:
        return None
    for start, end in releases.windows(now):
        if start <= now < end:
            return start, end
    return None


def next_window_start(releases: Releases | None, now: datetime) -> datetime | None:
    if releases is None:
        return None
    return next((start for start, _end in releases.windows(now) if start > now), None)


# the rhythm ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Rhythm:
    """A source's learned publishing rhythm: items per day at each local hour, weekday and weekend."""

    tz: str
    weekday: tuple[float, ...]
    weekend: tuple[float, ...]
    per_week: float
    recent_per_day: float
    items: int

    def rate(self, moment: datetime) -> float:
        """Items per day the source publishes at `moment`'s hour (local time), at least its recent pace."""
        local = moment.astimezone(zone_or_utc(self.tz))
        table = self.weekend if local.weekday() >= 5 else self.weekday
        return max(table[local.hour], self.recent_per_day)

    def interval(self, moment: datetime) -> timedelta:
        """How long to wait at `moment`: 3 min at the pace of 6 items a day, 2 min from 13.5 a day,
        longer as the hour is quieter, an hour when it has never published."""
        rate = self.rate(moment)
        every = SLOWEST if rate <= 0 else BASE * math.sqrt(BUSY_PER_DAY / rate)
        every = min(max(every, FASTEST), SLOWEST)
        if self.per_week <= QUIET_PER_WEEK:
            every = max(every, QUIET)
        return every


def learn(published: Sequence[datetime], now: datetime, tz: str) -> Rhythm:
    """The rhythm that the publication times `published` (any order, UTC or aware) show at `now`."""
    place = zone_or_utc(tz)
    since = now - WINDOW
    moments = [p for p in published if since <= p <= now]
    if not moments:
        return Rhythm(tz, (0.0,) * 24, (0.0,) * 24, 0.0, 0.0, 0)
    span_days = min(max((now - min(moments)).total_seconds() / 86400, 1.0), WINDOW.days)
    weekday_counts = [0.0] * 24
    weekend_counts = [0.0] * 24
    for moment in moments:
        local = moment.astimezone(place)
        (weekend_counts if local.weekday() >= 5 else weekday_counts)[local.hour] += 1
    overall = len(moments) / span_days
    if span_days >= 7:
        weekday_days, weekend_days = span_days * 5 / 7, span_days * 2 / 7
    else:  # too short to tell weekends apart: one profile for every day
        joined = [a + b for a, b in zip(weekday_counts, weekend_counts, strict=True)]
        weekday_counts, weekend_counts = joined, joined
        weekday_days = weekend_days = span_days
    recent = sum(1 for p in moments if p > now - RECENT)
    recent_per_day = max(recent - 1, 0) * (timedelta(days=1) / RECENT)
    return Rhythm(tz, _per_day(weekday_counts, weekday_days), _per_day(weekend_counts, weekend_days),
                  overall * 7, recent_per_day, len(moments))


def _per_day(counts: list[float], days: float) -> tuple[float, ...]:
    """Items a day at each hour's pace, each hour smoothed with its neighbours (1-2-1)."""
    smoothed = [(counts[h - 1] + 2 * counts[h] + counts[(h + 1) % 24]) / 4 for h in range(24)]
    return tuple(count / days * 24 for count in smoothed)


def rhythm_next(rhythm: Rhythm, now: datetime) -> datetime:
    """The next check by the rhythm alone: the interval now, or sooner when a busier hour starts,
    rounded up to the clock (whole minutes, or five minutes for intervals over ten)."""
    best = now + rhythm.interval(now)
    moment = now + LOOK_AHEAD_STEP
    while moment < best:
        best = min(best, max(moment, now + rhythm.interval(moment)))
        moment += LOOK_AHEAD_STEP
    grid = 60 if best - now <= timedelta(minutes=10) else 300
    stamp = best.timestamp()
    return datetime.fromtimestamp(math.ceil(stamp / grid) * grid, UTC)


@dataclass(frozen=True)
class Plan:
    """Why a source is checked when it is (for the health view and the tests)."""

    at: datetime
    reason: str  # "fixed", "rhythm", "follow-up", "burst", "release", "floor"


def plan_next(now: datetime, *, fixed: timedelta | None, rhythm: Rhythm | None,
              floor: datetime | None = None, releases: Releases | None = None,
              last_new: datetime | None = None, fresh_new: bool = False,
              fastest: timedelta | None = None) -> Plan:
    """The next check after a successful fetch at `now`.

    `fixed`: the source's explicit interval, if set. `floor`: the earliest the feed and server
    allow. `last_new`: when a fetch last brought something new (not counting a source's first);
    `fresh_new`: this fetch brought an item published within the last hour. `fastest`: the
    shortest wait the source's kind allows (a news search's aggregator), a floor like the others."""
    if fixed is not None:
        plan = Plan(now + fixed, "fixed")
    else:
        assert rhythm is not None
        plan = Plan(rhythm_next(rhythm, now), "rhythm")
        if fresh_new and now + FOLLOW_UP < plan.at:
            plan = Plan(now + FOLLOW_UP, "follow-up")
    window = burst_window(releases, now)
    if window is not None and (last_new is None or last_new < window[0]):
        plan = Plan(min(plan.at, now + BURST_EVERY), "burst")
    else:
        start = next_window_start(releases, now if window is None else window[1])
        if start is not None and start < plan.at:
            plan = Plan(start, "release")
    if fastest is not None and fixed is None:
        floor = max(floor, now + fastest) if floor is not None else now + fastest
    if floor is not None and floor > plan.at:
        plan = Plan(floor, "floor")
    return plan


def fastest_for(kind: str) -> timedelta | None:
    """The shortest rhythm a source kind allows: news searches no faster than the fixed 30 minutes."""
    return SEARCH_FASTEST if kind == "search" else None


# words -----------------------------------------------------------------------------------------

def _every(delta: timedelta) -> Message:
    minutes = round(delta.total_seconds() / 60)
    return HOURLY() if minutes >= 60 else MINUTES(n=minutes)


def describe(fixed: timedelta | None, rhythm: Rhythm | None, releases: Releases | None = None,
             today: date | None = None, fastest: timedelta | None = None) -> Message:
    """The rhythm in words: 'every 2 min from 09:00 to 18:00 (Asia/Tokyo), every hour otherwise'.
    `fastest`: the kind's shortest wait, as `plan_next` takes it."""
    if fixed is not None:
        text = FIXED(minutes=round(fixed.total_seconds() / 60))
    elif rhythm is None or rhythm.items == 0:
        text = LEARNING(minutes=round(SLOWEST.total_seconds() / 60))
    else:
        place = zone_or_utc(rhythm.tz)
        day = today or datetime.now(UTC).date()
        monday = day - timedelta(days=day.weekday())
        weekday = [rhythm.interval(datetime.combine(monday, time(h, 30), place)) for h in range(24)]
        weekend = [rhythm.interval(datetime.combine(monday + timedelta(days=5), time(h, 30), place))
                   for h in range(24)]
        if fastest is not None:
            weekday = [max(every, fastest) for every in weekday]
            weekend = [max(every, fastest) for every in weekend]
        fast, slow = min(weekday + weekend), max(weekday + weekend)
        if _every(fast) == _every(slow):
            text = STEADY(every=_every(fast))
        else:
            hours = [h for h in range(24) if weekday[h] <= fast * 1.5] or \
                    [h for h in range(24) if weekend[h] <= fast * 1.5]
            start, end = f"{min(hours):02d}:00", f"{(max(hours) + 1) % 24:02d}:00"
            busy_weekend = any(weekend[h] <= fast * 1.5 for h in range(24))
            template = BUSY_HOURS if busy_weekend else BUSY_WEEKDAYS
            text = template(fast=_every(fast), start=start, end=end, zone=rhythm.tz, slow=_every(slow))
    if releases is not None:
        text = WITH_RELEASES(rhythm=text, times=", ".join(f"{t:%H:%M}" for t in releases.times))
    return text
