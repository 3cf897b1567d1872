"""Freshness against politeness: publication dates replayed through four polling rules.

Each source's items (benchmarks/data/, see its README for where each came from) are replayed
on a simulated clock for 28 days after 28 days of history, and polled by:
- today's fixed intervals (15 min ministries and the Gazette, 30 min news searches);
- Miniflux's `entry_frequency` scheduler: 7 days / entries of the last week, from 5 minutes to
  24 hours (its model/feed.go, default bounds);
- FreshRSS's default TTL, 60 minutes (`ttl_default` in its config-user.default.php);
- Stakewatch's own schedule: the rhythm learned from the source's items, follow-up checks and
  release bursts, exactly as the poller runs it (core/fetching/rhythm.py).
An item's delay is from its publication to the first check at or after it. Reported per source
and for the official feeds together: median and p90 delay, requests per day.

    python benchmarks/bench_freshness.py [--no-write]
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import math
import random
import statistics
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from results import write_section  # noqa: E402

from stakewatch.core.fetching.rhythm import (  # noqa: E402
    FOLLOW_UP_FRESH,
    WINDOW,
    Releases,
    fastest_for,
    learn,
    parse_releases,
    plan_next,
)

TOKYO = ZoneInfo("Asia/Tokyo")
DATA = HERE / "data"
HISTORY_START = date(2026, 6, 15)
MEASURE_START = date(2026, 7, 13)
MEASURE_END = date(2026, 8, 10)  # exclusive
MINISTRY_NAMES = {"外務省": "MOFA", "内閣府": "Cabinet Office", "総務省": "MIC", "経済産業省": "METI",
                  "デジタル庁": "Digital Agency", "文化庁": "Agency for Cultural Affairs", "特許庁": "JPO"}


@dataclass(frozen=True)
class Feed:
    name: str
    kind: str  # official / news
    fixed_minutes: int
    published: tuple[datetime, ...]
    releases: Releases | None = None


def _moment(day: date, key: str, start: time, end: time) -> datetime:
    """A time of day for an item the data dates but does not time: fixed by its address, spread
    evenly over the office day (see data/README.md)."""
    span = (datetime.combine(day, end) - datetime.combine(day, start)).total_seconds()
    fraction = int(hashlib.sha256(key.encode()).hexdigest()[:8], 16) / 0xFFFFFFFF
    return (datetime.combine(day, start, TOKYO) + timedelta(seconds=round(span * fraction))).astimezone(UTC)


def load_feeds() -> list[Feed]:
    by_ministry: dict[str, list[datetime]] = {}
    with (DATA / "official-days.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            day = date.fromisoformat(row["date"])
            by_ministry.setdefault(row["ministry"], []).append(
                _moment(day, row["url"] + row["date"], time(9, 30), time(18, 30)))
    feeds = [Feed(f"{MINISTRY_NAMES[name]} ({name})", "official", 15, tuple(sorted(times)))
             for name, times in sorted(by_ministry.items(), key=lambda kv: -len(kv[1]))]
    business_days = sorted({t.astimezone(TOKYO).date() for times in by_ministry.values() for t in times})
    gazette = tuple(datetime.combine(day, time(8, 30), TOKYO).astimezone(UTC) + timedelta(seconds=20)
                    for day in business_days)
    releases, _problem = parse_releases({"times": ["08:30"], "tz": "Asia/Tokyo", "days": "weekdays"})
    feeds.append(Feed("Official Gazette (官報), 08:30 on business days", "official", 15, gazette, releases))
    feeds.append(Feed("News search (modelled, ~12 a day)", "news", 30, tuple(news_stream())))
    return feeds


def news_stream() -> list[datetime]:
    """A news search's results: a Poisson stream, busier in the Japanese day (see data/README.md)."""
    rng = random.Random(24)
    moment = datetime.combine(HISTORY_START, time(0), TOKYO)
    end = datetime.combine(MEASURE_END, time(0), TOKYO)
    found = []
    while moment < end:
        hour = moment.hour
        per_day = 20.0 if 7 <= hour < 23 else 3.0
        moment += timedelta(days=rng.expovariate(per_day))
        found.append(moment.astimezone(UTC))
    return found


# the four rules: each gives the next check after a check at `now` -----------------------------

Rule = Callable[[Feed, datetime, Sequence[datetime], datetime | None, bool], datetime]


def fixed(minutes: int) -> Rule:
    return lambda feed, now, known, last_new, fresh: now + timedelta(minutes=minutes)


def today(feed: Feed, now: datetime, known: Sequence[datetime], last_new: datetime | None, fresh: bool) -> datetime:
    return now + timedelta(minutes=feed.fixed_minutes)


def miniflux(feed: Feed, now: datetime, known: Sequence[datetime], last_new: datetime | None,
             fresh: bool) -> datetime:
    weekly = sum(1 for t in known if t > now - timedelta(days=7))
    minutes = 24 * 60 if weekly <= 0 else min(max(round(7 * 24 * 60 / weekly), 5), 24 * 60)
    return now + timedelta(minutes=minutes)


def ours(feed: Feed, now: datetime, known: Sequence[datetime], last_new: datetime | None, fresh: bool) -> datetime:
    rhythm = learn([t for t in known if t > now - WINDOW], now, "Asia/Tokyo")
    return plan_next(now, fixed=None, rhythm=rhythm, releases=feed.releases, last_new=last_new,
                     fresh_new=fresh, fastest=fastest_for("search") if feed.kind == "news" else None).at


RULES: list[tuple[str, Rule]] = [("today (fixed)", today), ("Miniflux entry_frequency", miniflux),
                                 ("FreshRSS default TTL", fixed(60)), ("Stakewatch rhythm", ours)]


@dataclass(frozen=True)
class Outcome:
    delays: list[float]
    requests_per_day: float


def replay(feed: Feed, rule: Rule) -> Outcome:
    """Poll `feed` by `rule` over the measured days; the delays of the items published then."""
    start = datetime.combine(MEASURE_START, time(0), TOKYO).astimezone(UTC)
    end = datetime.combine(MEASURE_END, time(0), TOKYO).astimezone(UTC)
    items = sorted(feed.published)
    known_upto = 0
    while known_upto < len(items) and items[known_upto] <= start:
        known_upto += 1
    phase = int(hashlib.sha256(feed.name.encode()).hexdigest()[:4], 16) % 900
    now = start + timedelta(seconds=phase)
    last_new: datetime | None = None
    delays: list[float] = []
    requests = 0
    while now < end:
        requests += 1
        arrived = []
        while known_upto < len(items) and items[known_upto] <= now:
            arrived.append(items[known_upto])
            known_upto += 1
        for published in arrived:
            if published >= start:
                delays.append((now - published).total_seconds())
        if arrived:
            last_new = now
        fresh = any(now - t <= FOLLOW_UP_FRESH for t in arrived)
        now = max(rule(feed, now, items[:known_upto], last_new, fresh), now + timedelta(seconds=1))
    days = (end - start).total_seconds() / 86400
    return Outcome(delays, requests / days)


def summary(delays: Sequence[float]) -> tuple[str, str]:
    if not delays:
        return "—", "—"
    ordered = sorted(delays)
    p90 = ordered[min(len(ordered) - 1, math.ceil(0.9 * len(ordered)) - 1)]
    return f"{statistics.median(ordered) / 60:.1f}", f"{p90 / 60:.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-write", action="store_true", help="print only; leave RESULTS.md as it is")
    args = parser.parse_args()
    feeds = load_feeds()
    lines = ["| source | items | rule | median delay (min) | p90 delay (min) | requests/day |",
             "|---|---:|---|---:|---:|---:|"]
    official: dict[str, tuple[list[float], list[float]]] = {name: ([], []) for name, _rule in RULES}
    for feed in feeds:
        measured = sum(1 for t in feed.published if t >= datetime.combine(MEASURE_START, time(0), TOKYO))
        for name, rule in RULES:
            outcome = replay(feed, rule)
            median, p90 = summary(outcome.delays)
            lines.append(f"| {feed.name} | {measured} | {name} | {median} | {p90} | {outcome.requests_per_day:.0f} |")
            if feed.kind == "official":
                official[name][0].extend(outcome.delays)
                official[name][1].append(outcome.requests_per_day)
    totals = ["| rule | median delay (min) | p90 delay (min) | requests/day per source (mean) |",
              "|---|---:|---:|---:|"]
    for name, (delays, requests) in official.items():
        median, p90 = summary(delays)
        totals.append(f"| {name} | {median} | {p90} | {statistics.mean(requests):.0f} |")
    body = "\n".join([
        f"Publication dates of {len(feeds) - 1} official feeds and one modelled news search "
        f"(benchmarks/data/README.md says where each came from), replayed from {MEASURE_START} to "
        f"{MEASURE_END - timedelta(days=1)} after four weeks of history; delay is from publication to the "
        "first check at or after it. The data dates the ministries' items but does not time them: each is "
        "given a time spread over 09:30-18:30 JST, the harder case for a scheduler than real releases, which "
        "cluster at round hours; the Gazette's item comes at 08:30:20 on business days (Stakewatch is told its "
        "release time); the news search is modelled. Miniflux's rule aims at readers, not alerts: a ministry "
        "with two items a day is checked every 12 hours.", "",
        "Official feeds together:", "", *totals, "", "Per source:", "", *lines])
    print(body)
    if not args.no_write:
        write_section("Freshness", "python benchmarks/bench_freshness.py", body)


if __name__ == "__main__":
    main()
