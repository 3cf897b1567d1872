"""A team on one PostgreSQL against desks polling alone: requests per source, the delay from an alert
stored to every desk knowing of it, and the inbox on a large team database against the SQLite targets.

    python benchmarks/bench_team.py [--desks 20] [--sources 10] [--alerts 50] [--items 1000000]

Starts a throwaway PostgreSQL cluster (tests/pgcluster.py: initdb in a temporary folder, a unix
socket) and a loopback feed world (tests/feedworld.py).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests"))

from pgcluster import Cluster, binaries  # noqa: E402
from results import write_section  # noqa: E402

from feedworld import Route, WorldServer, rss  # noqa: E402
from stakewatch.core.model import Entity, Source, Watchlist  # noqa: E402
from stakewatch.core.service import Service  # noqa: E402
from stakewatch.core.store import inbox  # noqa: E402
from stakewatch.core.store.database import Store  # noqa: E402
from stakewatch.core.store.inbox import InboxQuery  # noqa: E402
from stakewatch.core.store.team import Doorbell, alert_ids_after, start_mark  # noqa: E402

INTERVAL = 30  # minutes, the default interval of a source
WORDS = ("minister", "digital", "copyright", "government", "statement", "policy", "video", "market", "大臣",
         "政府", "著作権", "動画", "生成", "発表", "report", "budget", "energy", "trade", "meeting", "press")
ENTITIES = ("Minoru Kiuchi", "Masaaki Taira", "Akihisa Shiozaki", "OpenAI", "Sam Altman", "Sora 2")


def world_config(world: WorldServer, sources: int) -> tuple[list[Watchlist], list[Source]]:
    for n in range(sources):
        world.routes[f"/b/{n}.xml"] = Route(rss([{"title": f"OpenAI statement {n}.{i}", "guid": f"{n}.{i}",
                                                  "link": f"http://127.0.0.1/{n}/{i}"} for i in range(5)]))
    return ([Watchlist("AI", (Entity("OpenAI", "company"),))],
            [Source(f"Feed {n}", "feed", world.url(f"/b/{n}.xml"), interval_minutes=INTERVAL) for n in range(sources)])


def requests_per_source(cluster: Cluster, desks: int, sources: int) -> dict[str, float]:
    """One cycle of every desk polling alone, and one of a team (server + attached desks): requests per source."""
    world = WorldServer().start()
    try:
        watchlists, feeds = world_config(world, sources)
        for _desk in range(desks):
            with Store(Path(tempfile.mkdtemp()) / "stakewatch.db") as desk:
                desk.apply_config(watchlists, feeds)
                Service(desk).poll()
        alone = sum(world.hits.values()) / sources
        world.hits.clear()
        url = cluster.new_database()
        with Store(Path(tempfile.mkdtemp()) / "stakewatch.db", url, create=True) as server:
            server.serving = True
            server.apply_config(watchlists, feeds)
            attached = [Store(Path(tempfile.mkdtemp()) / "stakewatch.db", url) for _ in range(desks)]
            services = [Service(desk) for desk in attached]
            for service in services:
                service.poll()  # the desks look first: nothing yet
            Service(server).poll()
            shown = [len(service.poll().report.new_alerts) for service in services]
            for desk in attached:
                desk.close()
        team = sum(world.hits.values()) / sources
        return {"alone": alone, "team": team, "alerts_per_desk": statistics.mean(shown)}
    finally:
        world.stop()


def notify_delays(cluster: Cluster, desks: int, alerts: int) -> list[float]:
    """Seconds from an alert's commit to each attached desk having read it by id (doorbell, then the mark)."""
    url = cluster.new_database()
    folder = Path(tempfile.mkdtemp())
    with Store(folder / "server.db", url, create=True) as server:
        server.apply_config([Watchlist("AI", (Entity("OpenAI", "company"),))], [])
        entity = server.entity_ids()[("AI", "OpenAI")]
    committed: dict[int, float] = {}
    seen: list[dict[int, float]] = [{} for _ in range(desks)]
    stop = threading.Event()
    ready = threading.Barrier(desks + 1)

    def desk(index: int) -> None:
        with Store(folder / f"desk{index}.db", url) as store:
            bell = Doorbell(url)
            mark = start_mark(store)
            ready.wait()
            while not stop.is_set():
                for alert in store.alerts(ids=alert_ids_after(store, mark)):
                    seen[index][alert.id] = time.perf_counter()
                bell.wait(1.0)
            bell.close()

    threads = [threading.Thread(target=desk, args=(n,), daemon=True) for n in range(desks)]
    for thread in threads:
        thread.start()
    ready.wait()
    with Store(folder / "writer.db", url) as writer:
        for n in range(alerts):
            with writer.transaction() as conn:
                story = conn.execute("INSERT INTO stories(title, tokens, published, created) VALUES (?, '[]', 0, 0)",
                                     (f"s{n}",)).lastrowid
                alert = conn.execute(
                    "INSERT INTO alerts(entity_id, story_id, kind, title, url, published, found, matched, snippet) "
                    "VALUES (?, ?, 'coverage', ?, '', ?, ?, '[]', '')",
                    (entity, story, f"OpenAI news {n}", time.time(), time.time())).lastrowid
            committed[int(alert or 0)] = time.perf_counter()
            time.sleep(0.2)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(len(s) < alerts for s in seen):
        time.sleep(0.05)
    stop.set()
    for thread in threads:
        thread.join(5)
    return [s[a] - committed[a] for s in seen for a in committed if a in s] + \
        [float("inf")] * sum(alerts - len(s) for s in seen)


def build_inbox(url: str, items: int, alerts: int) -> float:
    """`items` items and `alerts` alerts in the team database, made by the server itself (generate_series),
    the search tables filled after and their trigram indexes built; seconds taken."""
    started = time.perf_counter()
    with Store(Path(tempfile.mkdtemp()) / "stakewatch.db", url, create=True) as store:
        store.apply_config([Watchlist("W", tuple(Entity(n, "topic") for n in ENTITIES))],
                           [Source(f"S{n}", "feed", f"https://example.org/{n}") for n in range(20)])
        words = "ARRAY[" + ", ".join(f"'{w}'" for w in WORDS) + "]"
        names = "ARRAY[" + ", ".join(f"'{e}'" for e in ENTITIES) + "]"
        entity_ids = ", ".join(str(i) for i in store.entity_ids().values())
        source_ids = ", ".join(str(s.id) for s in store.sources())
        text = (f"(SELECT string_agg(({words})[1 + floor(random() * {len(WORDS)})::int], ' ') "
                f"FROM generate_series(1, 12 + (g % 2) * 0))")
        script = f"""
            ALTER TABLE items DISABLE TRIGGER USER; ALTER TABLE alerts DISABLE TRIGGER USER;
            DROP INDEX IF EXISTS items_fts_trgm; DROP INDEX IF EXISTS alerts_fts_trgm;
            SELECT setseed(0.5);
            INSERT INTO items(id, source_id, guid, url, canonical_url, title, summary, content, published, dated,
                              fetched)
              SELECT g, (ARRAY[{source_ids}])[1 + g % 20], 'g' || g, 'https://example.org/a/' || g,
                     'https://example.org/a/' || g, w, w || CASE WHEN g % 1000 = 7 THEN ' kabuki' ELSE '' END, '',
                     extract(epoch FROM now()) - random() * 90 * 86400, 1, extract(epoch FROM now())
              FROM (SELECT g, {text} AS w FROM generate_series(1, {items}) g) s;
            INSERT INTO stories(id, title, tokens, published, created)
              SELECT id, title, '[]', published, fetched FROM items WHERE id <= {alerts};
            INSERT INTO alerts(id, entity_id, story_id, item_id, kind, title, url, published, found, matched, snippet)
              SELECT id, (ARRAY[{entity_ids}])[1 + id % 6], id, id,
                     (ARRAY['statement', 'coverage', 'coverage'])[1 + id % 3],
                     ({names})[1 + id % 6] || ' ' || left(title, 60) || ' ' || id, url, published, fetched, '[]',
                     summary
              FROM items WHERE id <= {alerts};
            INSERT INTO alert_sources(alert_id, source_id, item_id, added)
              SELECT id, source_id, id, fetched FROM items WHERE id <= {alerts};
            INSERT INTO items_fts(rowid, title, summary, content) SELECT id, title, summary, content FROM items;
            INSERT INTO alerts_fts(rowid, title, body)
              SELECT a.id, a.title, a.snippet || ' ' || substr(i.summary || ' ' || i.content, 1, 4000)
              FROM alerts a JOIN items i ON i.id = a.item_id;
            CREATE INDEX items_fts_trgm ON items_fts USING gin ((coalesce(title, '') || ' ' || coalesce(summary, '')
              || ' ' || coalesce(content, '')) gin_trgm_ops);
            CREATE INDEX alerts_fts_trgm ON alerts_fts USING gin ((coalesce(title, '') || ' ' || coalesce(body, ''))
              gin_trgm_ops);
            ALTER TABLE items ENABLE TRIGGER USER; ALTER TABLE alerts ENABLE TRIGGER USER;
            SELECT setval(pg_get_serial_sequence('items', 'id'), {items} + 1, false);
            SELECT setval(pg_get_serial_sequence('alerts', 'id'), {alerts} + 1, false);
            SELECT setval(pg_get_serial_sequence('stories', 'id'), {alerts} + 1, false);
            ANALYZE;
        """
        store.conn.script(script)
    return time.perf_counter() - started


def timed(job: Callable[[], Any], runs: int = 5) -> tuple[float, Any]:
    samples, result = [], None
    for _ in range(runs):
        started = time.perf_counter()
        result = job()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples) * 1000, result


def inbox_figures(url: str) -> dict[str, tuple[float, int]]:
    figures: dict[str, tuple[float, int]] = {}
    with Store(Path(tempfile.mkdtemp()) / "stakewatch.db", url) as store:
        for name, query in (("first page", InboxQuery()), ("copyright budget", InboxQuery(text="copyright budget")),
                            ("著作権", InboxQuery(text="著作権")), ("kabuki", InboxQuery(text="kabuki"))):
            ms, found = timed(lambda q=query: (inbox.count(store, q), inbox.page(store, q, 0, 500)))
            figures[name] = (ms, found[0])
        ms, stories = timed(lambda: inbox.story_page(store, InboxQuery(), 0, 100))
        figures["stories"] = (ms, stories[0])
    return figures


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--desks", type=int, default=20)
    parser.add_argument("--sources", type=int, default=10)
    parser.add_argument("--alerts", type=int, default=50)
    parser.add_argument("--items", type=int, default=1_000_000)
    parser.add_argument("--inbox-alerts", type=int, default=100_000)
    args = parser.parse_args()
    found = binaries()
    if found is None:
        sys.exit("no PostgreSQL binaries (initdb, postgres): install the Debian package postgresql")
    cluster = Cluster(found).start()
    try:
        requests = requests_per_source(cluster, args.desks, args.sources)
        print("requests", requests, flush=True)
        delays = notify_delays(cluster, args.desks, args.alerts)
        print("delays", statistics.median(delays), max(delays), flush=True)
        url = cluster.new_database()
        built = build_inbox(url, args.items, args.inbox_alerts)
        print("built", built, flush=True)
        figures = inbox_figures(url)
        print(figures, flush=True)
    finally:
        cluster.stop()
    per_hour = 60 / INTERVAL
    ms = [d * 1000 for d in delays]
    body = f"""
Requests per source, {args.desks} desks and {args.sources} sources (interval {INTERVAL} min: \
{per_hour:.0f} cycles an hour):

| | requests per source per cycle (measured) | per source per hour | alerts each desk received |
|---|---|---|---|
| {args.desks} desks polling alone | {requests['alone']:.0f} | {requests['alone'] * per_hour:.0f} | |
| {args.desks} desks attached to one team server | **{requests['team']:.0f}** | **{requests['team'] * per_hour:.0f}** \
| {requests['alerts_per_desk']:.0f} |

Alert stored (its transaction committed) to each attached desk having read it by id ({args.desks} desks, each
with its own LISTEN connection, {args.alerts} alerts 0.2 s apart, {len(ms)} deliveries):

| median | p95 | max | goal |
|---|---|---|---|
| **{statistics.median(ms):.1f} ms** | {percentile(ms, 0.95):.1f} ms | {max(ms):.1f} ms | < 1000 ms |

The inbox on a team database of {args.items:,} items and {args.inbox_alerts:,} alerts (built by the server in
{built:.0f} s; search through pg_trgm GIN indexes), against the SQLite targets (100,000 alerts, `bench_inbox.py`):

| measure | PostgreSQL | SQLite target |
|---|---|---|
| open the inbox: count + first 500 rows | **{figures['first page'][0]:.1f} ms** ({figures['first page'][1]:,} alerts) \
| < 50 ms |
| search "copyright budget": count + first 500 | **{figures['copyright budget'][0]:.1f} ms** \
({figures['copyright budget'][1]:,} hits) | < 200 ms |
| search "著作権" | **{figures['著作権'][0]:.1f} ms** ({figures['著作権'][1]:,} hits) | |
| search a rare word, "kabuki" | **{figures['kabuki'][0]:.1f} ms** ({figures['kabuki'][1]:,} hits) | |
| stories first: count + first 100 stories | **{figures['stories'][0]:.1f} ms** ({figures['stories'][1]:,}) \
| < 50 ms |

Medians of 5 runs, over a unix socket to a PostgreSQL 15 started for the run (fsync off, 64 MB shared buffers).
"""
    if args.inbox_alerts == 100_000:
        write_section("Team server", "python benchmarks/bench_team.py", body)
    else:  # a larger inbox, kept beside the default run
        write_section(f"Team server, {args.inbox_alerts:,} alerts",
                      f"python benchmarks/bench_team.py --inbox-alerts {args.inbox_alerts}", body)
    print(body)


if __name__ == "__main__":
    main()
