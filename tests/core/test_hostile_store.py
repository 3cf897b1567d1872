"""SQLite while running: full disk, locks, read-only files, racing first opens, a wrong clock,
id lists beyond SQLite's parameter limit, and cycles of two processes at once."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from feedworld import Route, WorldServer, rss
from stakewatch.core.delivery import dispatch
from stakewatch.core.delivery.policy import Notification, PolicyState
from stakewatch.core.fetching.client import FetchConfig
from stakewatch.core.model import Entity, Source, Watchlist
from stakewatch.core.platform.cyclelock import CycleLock
from stakewatch.core.service.poller import PollConfig, Poller
from stakewatch.core.store.database import Store, to_epoch
from stakewatch.core.store.errors import StorageError, storage_error

WATCHLIST = Watchlist("W", (Entity("Minoru Kiuchi", "official", aliases=("Kiuchi",)),))


def big_watchlist(n: int) -> Watchlist:
    return Watchlist("Big", tuple(Entity(f"Entity number {i} " + "x" * 150) for i in range(n)))


def test_a_full_disk_is_one_line_with_a_remedy_not_a_rollback_error(store: Store):
    store.conn.execute(f"PRAGMA max_page_count = {store.conn.execute('PRAGMA page_count').fetchone()[0] + 2}")
    with pytest.raises(StorageError) as caught:
        store.apply_config([big_watchlist(2000)], [])
    assert caught.value.kind == "full"
    assert "full" in caught.value.message and "free some space" in caught.value.message
    assert "\n" not in caught.value.message and "rollback" not in caught.value.message.lower()
    store.conn.execute("PRAGMA max_page_count = 1073741823")
    assert store.watchlists() == []  # nothing half-stored
    store.apply_config([WATCHLIST], [])
    assert [w.name for w in store.watchlists()] == ["W"]


def test_a_locked_database_says_so(store: Store):
    other = sqlite3.connect(store.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        store.conn.execute("PRAGMA busy_timeout = 100")
        with pytest.raises(StorageError) as caught:
            store.apply_config([WATCHLIST], [])
        assert caught.value.kind == "locked" and "try again" in caught.value.message
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_read_only_and_damaged_files_are_named_with_a_remedy(tmp_path: Path, store: Store):
    readonly = sqlite3.connect(f"file:{store.path}?mode=ro", uri=True)
    with pytest.raises(sqlite3.Error) as caught:
        readonly.execute("INSERT INTO settings(key, value) VALUES ('a', '1')")
    readonly.close()
    error = storage_error(caught.value, store.path)
    assert error.kind == "read-only" and str(store.path) in error.message
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database " * 400)
    with pytest.raises(StorageError) as opened:
        Store(junk)
    assert opened.value.kind == "damaged" and "backup" in opened.value.message


ROUNDS = 20
OPENERS = 6


def _burners(n: int) -> list[subprocess.Popen[bytes]]:
    """Processes that keep the CPUs busy while the scenario runs (killed by their pid afterwards)."""
    return [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(n)]


@pytest.mark.timeout(600)
def test_six_processes_opening_a_new_data_folder_at_once_all_succeed(tmp_path: Path):
    """Twenty rounds, each of six processes opening one new data folder at the same moment, with the
    CPUs kept busy: every open succeeds (setting up the journal waits for the others instead of failing)."""
    start = time.time() + 2.0
    script = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from stakewatch.core.store.database import open_store\n"
        "base, start, rounds = Path(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])\n"
        "for index in range(rounds):\n"
        "    time.sleep(max(0, start + index * 1.0 - time.time()))\n"
        "    try:\n"
        "        with open_store(base / f'fresh-{index}') as store:\n"
        "            print(index, store.setting('config_version', 0), flush=True)\n"
        "    except Exception as exc:\n"
        "        print(index, 'failed', type(exc).__name__, exc, file=sys.stderr, flush=True)\n"
    )
    burners = _burners(max(2, (os.cpu_count() or 2)))
    processes: list[subprocess.Popen[str]] = []
    try:
        processes = [subprocess.Popen([sys.executable, "-c", script, str(tmp_path), str(start), str(ROUNDS)],
                                      stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                     for _ in range(OPENERS)]
        results = [p.communicate(timeout=ROUNDS * 20) for p in processes]
    finally:
        for process in [*processes, *burners]:
            if process.poll() is None:
                os.kill(process.pid, 9)
                process.wait()
    failures = [err for _out, err in results if "failed" in err]
    assert not failures, failures
    assert [p.returncode for p in processes] == [0] * OPENERS, [err for _out, err in results]
    assert all(len(out.split("\n")) == ROUNDS + 1 for out, _err in results), results
    for index in range(ROUNDS):
        data = tmp_path / f"fresh-{index}"
        assert not list(data.glob("*.bak-schema*")), "a database being created is no older database to copy"
        with Store(data / "stakewatch.db") as store:
            assert store.watchlists() == []
            assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def _source(store: Store, world: WorldServer) -> Source:
    world.routes["/feed"] = Route(rss([{"title": "Kiuchi speaks", "link": world.url("/1")}]))
    store.apply_config([WATCHLIST], [Source("Feed", "feed", world.url("/feed"))])
    return store.sources()[0]


@pytest.mark.parametrize("column", ["next_check", "backoff_until", "retry_after"])
def test_a_time_stored_by_a_clock_that_ran_ahead_counts_as_now(store: Store, world: WorldServer,
                                                               column: str):
    source = _source(store, world)
    now = datetime.now(UTC)
    poller = Poller(store)
    with store.transaction() as conn:
        conn.execute(f"UPDATE sources SET {column} = ?", (to_epoch(now + timedelta(days=400)),))
    due, skipped = poller.plan(now, honour_schedule=True)
    assert [s.name for s in due] == [source.name] and skipped == []
    assert poller.next_due() is not None and poller.next_due() <= datetime.now(UTC)
    with store.transaction() as conn:
        conn.execute(f"UPDATE sources SET {column} = ?", (to_epoch(now + timedelta(minutes=5)),))
    due, skipped = poller.plan(now, honour_schedule=True)
    assert due == [] and len(skipped) == 1  # a wait Stakewatch could have set is kept


def test_future_success_and_notification_history_count_as_now(store: Store, world: WorldServer):
    _source(store, world)
    now = datetime.now(UTC)
    with store.transaction() as conn:
        conn.execute("UPDATE sources SET last_attempt = ?, last_success = ?",
                     (to_epoch(now), to_epoch(now + timedelta(days=400))))
        store.set_setting(dispatch.STATE_KEY, PolicyState(
            recent=(now + timedelta(days=400),) * 6, paused_until=now + timedelta(days=400)).to_json(), conn)
    assert store.health(now)[0].last_success == now
    state = dispatch.load_state(store, now)
    assert state.paused_until is None and all(t <= now for t in state.recent)
    later = now + timedelta(minutes=11)
    assert all(later - t > timedelta(minutes=10) for t in state.recent)


def test_id_lists_beyond_sqlite_parameter_limit(store: Store, world: WorldServer):
    _source(store, world)
    report = Poller(store).run_cycle()
    assert len(report.new_alerts) == 1
    ids = list(range(1, 40_001))
    assert [a.id for a in store.alerts(ids=ids)] == report.new_alerts
    assert store.notified_stories(ids) == set()
    shown = dispatch.notifications_for(store, ids, datetime.now(UTC), show=lambda note: True)
    assert len(shown) == 1


def test_alerts_are_marked_notified_only_when_a_notifier_accepted(store: Store, world: WorldServer):
    _source(store, world)
    report = Poller(store).run_cycle()
    now = datetime.now(UTC)
    refused: list[Notification] = []
    assert dispatch.notifications_for(store, report.new_alerts, now,
                                      show=lambda note: refused.append(note) is not None) == []
    assert len(refused) == 1
    notified = store.conn.execute("SELECT COUNT(*) FROM alerts WHERE notified IS NOT NULL").fetchone()[0]
    assert notified == 0
    shown = dispatch.notifications_for(store, [], now + timedelta(minutes=1), show=lambda note: True)
    assert [note.alert_ids for note in shown] == [tuple(report.new_alerts)]
    notified = store.conn.execute("SELECT COUNT(*) FROM alerts WHERE notified IS NOT NULL").fetchone()[0]
    assert notified == 1


def test_cycles_of_one_data_folder_wait_for_each_other(store: Store, world: WorldServer):
    _source(store, world)
    poller = Poller(store)
    holder = CycleLock(store.path.parent)
    released = threading.Event()
    with holder:
        assert holder.acquired
        timer = threading.Timer(0.5, released.set)
        timer.start()
        cancel = threading.Event()
        cancel.set()
        assert poller.run_cycle(cancel=cancel).outcomes == []  # cancelled while waiting
    report = poller.run_cycle()
    assert [o.source for o in report.outcomes] == ["Feed"]
    timer.join()


@pytest.mark.timeout(30)
def test_cancel_cuts_a_cycle_short_of_its_deadlines(store: Store, world: WorldServer):
    world.routes["/hang"] = Route(behaviour="hang")
    store.apply_config([WATCHLIST], [Source(f"Hang {n}", "feed", world.url(f"/hang?{n}"))
                                     for n in range(4)])
    poller = Poller(store, PollConfig(fetch=FetchConfig(read_timeout=120, deadline=120)))
    cancel = threading.Event()
    threading.Timer(0.5, cancel.set).start()
    report = poller.run_cycle(cancel=cancel)
    assert report.outcomes == [] and report.finished is not None
    assert os.path.exists(store.path.parent / "poll.lock")


def test_a_cycle_waits_for_another_process_cycle(store: Store, world: WorldServer, tmp_path: Path):
    _source(store, world)
    released = tmp_path / "released"
    script = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from stakewatch.core.platform.cyclelock import CycleLock\n"
        "with CycleLock(Path(sys.argv[1])) as lock:\n"
        "    print('held' if lock.acquired else 'not held', flush=True)\n"
        "    time.sleep(1.5)\n"
        "    Path(sys.argv[2]).write_text(repr(time.time()))\n"
    )
    holder = subprocess.Popen([sys.executable, "-c", script, str(store.path.parent), str(released)],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        report = Poller(store).run_cycle()
        assert [o.source for o in report.outcomes] == ["Feed"]
        assert report.started.timestamp() >= float(released.read_text())
    finally:
        holder.wait(timeout=30)
