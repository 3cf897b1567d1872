"""The real scheduler (the service's poll, as `watch` and the tray run it) against loopback feed
servers, on a simulated clock: busy feeds found within minutes, quiet feeds left alone, floors and
spacing kept, release bursts, and the rhythm kept across a restart."""

from __future__ import annotations

import hashlib
import json
import statistics
import threading
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

from feedworld import Route, WorldServer
from stakewatch.core import settings
from stakewatch.core.model import Entity, Source, Watchlist
from stakewatch.core.service import Service
from stakewatch.core.service.poller import PollConfig, Poller
from stakewatch.core.service.schedule import scheduled_health
from stakewatch.core.store.database import Store, open_store

WATCHLIST = Watchlist("AI", (Entity("OpenAI", "company"),))
HUB = "https://hub.example.invalid/"


class SimulatedClock:
    """Wall-clock time that moves only when told (or when the host gate waits)."""

    def __init__(self, start: datetime) -> None:
        self.now = start
        self.lock = threading.Lock()

    def __call__(self) -> datetime:
        with self.lock:
            return self.now

    def advance(self, delta: timedelta) -> None:
        with self.lock:
            self.now += delta

    def sleep(self, seconds: float) -> bool:
        self.advance(timedelta(seconds=seconds))
        return True


WORDS = ("budget", "copyright", "safety", "export", "research", "tariff", "privacy", "energy", "schools", "courts",
         "visas", "chips", "grid", "ports", "farms", "rail", "tokyo", "osaka", "kyoto", "nagoya", "museum", "film",
         "anime", "music", "press", "census", "health", "clinic", "water", "forest")


def headline(guid: str) -> str:
    """Words of their own for each item, so that no two items read as one story."""
    digest = hashlib.sha256(guid.encode()).digest()
    return " ".join(WORDS[b % len(WORDS)] for b in digest[:5])


class Feed:
    """A feed on a loopback server whose items are added as the simulated time passes."""

    def __init__(self, server: WorldServer, path: str, history: list[datetime], headers: dict[str, str] | None = None,
                 hub: bool = False) -> None:
        self.server, self.path, self.hub = server, path, hub
        self.items: list[tuple[str, datetime]] = []
        self.route = Route(b"", headers=headers or {}, conditional=False)
        server.routes[path] = self.route
        for moment in history:
            self.add(moment)

    def add(self, published: datetime) -> str:
        guid = f"{self.server.base}{self.path}/{len(self.items)}"
        self.items.append((guid, published))
        hub = f'<atom:link rel="hub" href="{HUB}"/>' if self.hub else ""
        entries = "".join(
            f"<item><title>OpenAI {headline(guid)}</title><link>{guid}</link><guid>{guid}</guid>"
            f"<pubDate>{format_datetime(when, usegmt=True)}</pubDate></item>"
            for guid, when in self.items[-20:])
        self.route.body = (f'<?xml version="1.0"?><rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">'
                           f"<channel><title>f</title>{hub}{entries}</channel></rss>").encode()
        return guid

    @property
    def url(self) -> str:
        return self.server.url(self.path)


def service_on(store_dir: Path, clock: SimulatedClock) -> tuple[Service, Store]:
    store = open_store(store_dir)
    service = Service(store, clock=clock)
    service._poller = Poller(store, settings.poll_config(store), clock=clock)
    service._poller.schedule.gate._wait = clock.sleep
    return service, store


def run(service: Service, clock: SimulatedClock, until: datetime,
        events: list[tuple[datetime, Feed]]) -> dict[str, datetime]:
    """Poll as `watch` does until `until`, adding each event's item when its time comes;
    the guid of each added item and when it was published."""
    added: dict[str, datetime] = {}
    pending = sorted(events, key=lambda e: e[0])
    while clock() < until:
        while pending and pending[0][0] <= clock():
            when, feed = pending.pop(0)
            added[feed.add(when)] = when
        result = service.poll(honour_schedule=True)
        wait = service.next_wait(result.next_due)
        if pending:
            wait = min(wait, max(pending[0][0] - clock(), timedelta(seconds=1)))
        clock.advance(wait)
    return added


def delays(store: Store, added: dict[str, datetime]) -> dict[str, float]:
    found = {alert.url: alert.found for alert in store.alerts()}
    return {guid: (found[guid] - published).total_seconds() for guid, published in added.items() if guid in found}


def test_busy_feeds_are_found_within_minutes_quiet_ones_left_alone_and_hosts_spaced(tmp_path: Path):
    one, two = WorldServer("127.0.0.2").start(), WorldServer("127.0.0.3").start()
    try:
        start = datetime.now(UTC).replace(second=0, microsecond=0)
        clock = SimulatedClock(start)
        busy = Feed(one, "/busy.xml", [start - timedelta(minutes=20 * n) for n in range(1, 20)], hub=True)
        busy_too = Feed(one, "/busy-too.xml", [start - timedelta(minutes=25 * n) for n in range(1, 20)])
        quiet = Feed(two, "/quiet.xml", [start - timedelta(days=7 * n, hours=3) for n in range(4)])
        cached = Feed(two, "/cached.xml", [start - timedelta(minutes=15 * n) for n in range(1, 20)],
                      headers={"Cache-Control": "max-age=600"})
        sources = [Source(name, "feed", feed.url) for name, feed in
                   (("busy", busy), ("busy too", busy_too), ("quiet", quiet), ("cached", cached))]
        with open_store(tmp_path) as store:
            store.apply_config([WATCHLIST], sources)
        service, store = service_on(tmp_path, clock)
        events = [(start + timedelta(minutes=m, seconds=s), feed) for m, s, feed in
                  ((3, 10, busy), (7, 40, busy_too), (11, 5, busy), (16, 50, busy), (19, 30, busy_too),
                   (24, 15, busy), (4, 0, cached), (9, 0, quiet))]
        added = run(service, clock, start + timedelta(minutes=30), events)
        measured = delays(store, added)
        busy_guids = [g for g in added if "/busy" in g]
        busy_delays = [measured[g] for g in busy_guids]
        assert len(busy_delays) == len(busy_guids)
        assert statistics.median(busy_delays) <= 180 and max(busy_delays) <= 360, busy_delays
        assert one.hits["/busy.xml"] < 30 / 2 + 5  # about every two minutes, not every cycle
        assert two.hits["/quiet.xml"] <= 2
        rows = [json for json in (h.to_json() for h in scheduled_health(store, clock()))]
        by_name = {row["name"]: row for row in rows}
        assert by_name["busy"]["hub"] == HUB and by_name["quiet"]["hub"] is None
        assert by_name["busy"]["median_delay_seconds"] is not None
        assert by_name["quiet"]["median_delay_seconds"] is None
        assert by_name["busy"]["requests_last_hour"] == one.hits["/busy.xml"] + one.hits["/busy-too.xml"]
        assert "every" in by_name["busy"]["rhythm"] and by_name["busy"]["next_check"]
        # hosts were never asked twice within the spacing, and max-age=600 was honoured
        starts = store.conn.execute("SELECT host, at FROM host_requests ORDER BY at").fetchall()
        for host in ("127.0.0.2", "127.0.0.3"):
            times = [at for h, at in starts if h == host]
            assert all(b - a >= 10 - 1e-6 for a, b in zip(times, times[1:], strict=False)), times
        store.close()
    finally:
        one.stop()
        two.stop()


def test_cache_control_max_age_holds_the_next_fetch_for_ten_minutes(tmp_path: Path, world: WorldServer):
    start = datetime.now(UTC).replace(second=0, microsecond=0)
    clock = SimulatedClock(start)
    feed = Feed(world, "/cached.xml", [start - timedelta(minutes=10 * n) for n in range(1, 20)],
                headers={"Cache-Control": "public, max-age=600"})
    with open_store(tmp_path) as store:
        store.apply_config([WATCHLIST], [Source("cached", "feed", feed.url)])
        poller = Poller(store, PollConfig(), clock=clock)
        fetched_at = []
        while clock() < start + timedelta(minutes=25):
            before = world.hits["/cached.xml"]
            poller.run_cycle(honour_schedule=True)
            if world.hits["/cached.xml"] > before:
                fetched_at.append(clock())
            clock.advance(timedelta(seconds=20))
    gaps = [b - a for a, b in zip(fetched_at, fetched_at[1:], strict=False)]
    assert len(fetched_at) >= 2 and all(gap >= timedelta(minutes=10) for gap in gaps), fetched_at


def test_a_release_burst_catches_an_item_twenty_seconds_after_its_time(tmp_path: Path, world: WorldServer):
    start = datetime.now(UTC).replace(second=0, microsecond=0)
    clock = SimulatedClock(start)
    release = start + timedelta(minutes=20)
    gazette = Feed(world, "/gazette.xml", [start - timedelta(days=n, hours=2) for n in range(1, 6)])
    releases = {"times": [f"{release:%H:%M}"], "tz": "UTC", "days": "daily"}
    with open_store(tmp_path) as store:
        store.apply_config([WATCHLIST], [Source("gazette", "feed", gazette.url, extra={"releases": releases})])
    service, store = service_on(tmp_path, clock)
    added = run(service, clock, start + timedelta(minutes=40), [(release + timedelta(seconds=20), gazette)])
    (delay,) = delays(store, added).values()
    assert delay <= 60
    # the burst stopped once the item came: a few checks in the window, not forty
    assert world.hits["/gazette.xml"] < 20  # a burst through the whole window alone would be 44
    health = {h.name: h for h in scheduled_health(store, clock())}
    assert health["gazette"].releases == releases
    store.close()


def test_the_rhythm_and_next_check_survive_a_restart(tmp_path: Path, world: WorldServer):
    start = datetime.now(UTC).replace(second=0, microsecond=0)
    clock = SimulatedClock(start)
    feed = Feed(world, "/busy.xml", [start - timedelta(minutes=20 * n) for n in range(1, 20)])
    with open_store(tmp_path) as store:
        store.apply_config([WATCHLIST], [Source("busy", "feed", feed.url)])
        Poller(store, PollConfig(), clock=clock).run_cycle(honour_schedule=True)
        before = scheduled_health(store, clock())[0]
    assert before.next_check is not None and before.next_check - start <= timedelta(minutes=3)
    clock.advance(timedelta(seconds=30))
    with open_store(tmp_path) as store:
        after = scheduled_health(store, clock())[0]
        poller = Poller(store, PollConfig(), clock=clock)
        due, _skipped = poller.plan(clock(), honour_schedule=True)
        assert due == []
        assert (after.next_check, str(after.rhythm)) == (before.next_check, str(before.rhythm))
        due, _skipped = poller.plan(before.next_check, honour_schedule=True)
        assert [s.name for s in due] == ["busy"]


def test_releases_are_checked_on_import_and_come_back_on_export(data_dir: Path, tmp_path: Path):
    from conftest import run_cli

    good = {"times": ["08:30", "16:00"], "tz": "Asia/Tokyo", "days": ["mon", "thu"]}
    document = {"version": 1, "watchlists": [{"name": "AI", "entities": [{"name": "OpenAI"}]}],
                "sources": [{"name": "Gazette", "url": "https://gazette.example.jp/today.rss", "releases": good},
                            {"name": "Blog", "url": "https://blog.example.org/feed", "tz": "America/Los_Angeles"}]}
    bad = json.loads(json.dumps(document))
    bad["sources"][0]["releases"] = {"times": ["8:30", "25:00"], "tz": "Asia/Tokio", "days": "weekends"}
    bad["sources"][1]["tz"] = "Mars/Olympus"
    bad_file = tmp_path / "bad.json"
    bad_file.write_text(json.dumps(bad), encoding="utf-8")
    refused = run_cli(data_dir, "import", str(bad_file))
    assert refused.code == 1 and "sources[0].releases: '25:00' is not a time of day like 08:30" in refused.err
    assert "sources[1].tz: 'Mars/Olympus' is not a time zone like Asia/Tokyo" in refused.err
    with open_store(data_dir) as store:
        assert store.sources() == []
    good_file = tmp_path / "good.json"
    good_file.write_text(json.dumps(document), encoding="utf-8")
    assert run_cli(data_dir, "import", str(good_file)).code == 0
    exported = tmp_path / "out.json"
    assert run_cli(data_dir, "export", str(exported)).code == 0
    sources = {s["name"]: s for s in json.loads(exported.read_text(encoding="utf-8"))["sources"]}
    assert sources["Gazette"]["releases"] == good and "interval_minutes" not in sources["Gazette"]
    assert sources["Blog"]["tz"] == "America/Los_Angeles"
    listed = {s["name"]: s for s in json.loads(run_cli(data_dir, "sources", "--json").out)}
    assert listed["Gazette"]["releases"] == good and listed["Blog"]["releases"] is None
    assert listed["Gazette"]["rhythm"].startswith("learning: checked every 60 min")
    assert {"next_check", "rhythm", "median_delay_seconds", "requests_last_hour", "hub", "releases"} <= set(
        listed["Blog"])
