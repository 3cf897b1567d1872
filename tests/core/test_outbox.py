"""Channels in the core: what is queued for whom, rendering, retries with backoff, failures in words.

Real parts: SQLite files, a Secret Service on a private bus, HTTP receivers on loopback.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from receivers import JsonReceiver, free_port, keyring_in_process, wait_until

from stakewatch.core.delivery import outbox
from stakewatch.core.delivery.channels import Channel, render, save_url, story_payload
from stakewatch.core.delivery.policy import Decision, Notification, PolicyConfig, PolicyState
from stakewatch.core.model import Alert
from stakewatch.core.store import channels as store_channels
from stakewatch.core.store.database import Store, to_epoch

NOW = datetime(2025, 10, 10, 3, 0, tzinfo=UTC)


@pytest.fixture
def keyring_on_bus(tmp_path) -> Iterator[None]:
    with keyring_in_process(tmp_path / "keyring"):
        yield


@pytest.fixture
def receiver() -> Iterator[JsonReceiver]:
    server = JsonReceiver(credentials="bot:pw").start()
    yield server
    server.stop()


def alert(id: int, story: int, entity: str = "Masaaki Taira", kind: str = "statement", watchlist: str = "Japan",
          priority: bool = False, title: str = "平デジタル大臣記者会見", sources: tuple[str, ...] = ("Digital Agency",),
          ) -> Alert:
    return Alert(id=id, entity=entity, watchlist=watchlist, kind=kind, title=title,
                 url=f"https://www.digital.go.jp/speech/{story}", source=sources[0], sources=sources,
                 published=NOW - timedelta(minutes=5), found=NOW, matched=(entity,), snippet="", story=story,
                 priority=priority)


def add(store: Store, channel: Channel) -> int:
    return store_channels.add_channel(store, channel, NOW)


def queued(store: Store, name: str) -> list[dict[str, object]]:
    rows = store.conn.execute("SELECT o.payload FROM outbox o JOIN channels c ON c.id = o.channel_id "
                              "WHERE c.name = ? ORDER BY o.id", (name,))
    import json

    return [json.loads(row[0]) for row in rows]


def decide_and_queue(store: Store, delivered: list[Alert], held: list[Alert] = (), digest: bool = False,
                     config: PolicyConfig | None = None, now: datetime = NOW) -> None:
    notes = [Notification("x", "", None, kind="digest" if digest else "alert")]
    decision = Decision(notifications=notes, delivered=[a.id for a in delivered],
                        state=PolicyState(queued=tuple(a.id for a in held)))
    with store.transaction() as conn:
        stored(conn, [*delivered, *held])
        outbox.queue_decision(conn, decision, [*delivered, *held], config or PolicyConfig(), now)


def stored(conn: sqlite3.Connection, alerts: list[Alert]) -> None:
    """The rows behind these alerts, as a poll would have written them."""
    for a in alerts:
        conn.execute("INSERT OR IGNORE INTO watchlists(name) VALUES (?)", (a.watchlist,))
        (watchlist_id,) = conn.execute("SELECT id FROM watchlists WHERE name = ?", (a.watchlist,)).fetchone()
        entity = conn.execute("SELECT id FROM entities WHERE watchlist_id = ? AND name = ?",
                              (watchlist_id, a.entity)).fetchone()
        entity_id = entity[0] if entity else conn.execute(
            "INSERT INTO entities(watchlist_id, name, kind) VALUES (?, ?, 'official')",
            (watchlist_id, a.entity)).lastrowid
        conn.execute("INSERT OR IGNORE INTO stories(id, title, tokens, published, created) VALUES (?, ?, '[]', ?, ?)",
                     (a.story, a.title, to_epoch(a.published), to_epoch(a.found)))
        conn.execute("INSERT OR IGNORE INTO alerts(id, entity_id, story_id, kind, title, url, published, found, "
                     "matched, snippet) VALUES (?, ?, ?, ?, ?, ?, ?, ?, '[]', '')",
                     (a.id, entity_id, a.story, a.kind, a.title, a.url, to_epoch(a.published), to_epoch(a.found)))


def test_each_channel_gets_what_it_asked_for_once(store: Store):
    add(store, Channel("team", watchlists=("Japan",)))
    add(store, Channel("press", only="statements"))
    add(store, Channel("urgent", only="priority"))
    add(store, Channel("other", watchlists=("Games",)))
    add(store, Channel("morning", digest="daily 08:00", digest_only=True))
    statement = [alert(1, 10), alert(2, 10, entity="Minoru Kiuchi", kind="coverage")]
    coverage = [alert(3, 11, entity="Sora 2", kind="coverage", priority=True,
                      sources=("Nikkei", "Kyodo", "Japan Times"))]
    decide_and_queue(store, statement + coverage)
    team = queued(store, "team")
    assert [p["kind"] for p in team] == ["story", "story"]
    stories = {p["stories"][0]["story"]: p["stories"][0] for p in team}
    assert stories[10]["entities"] == ["Masaaki Taira", "Minoru Kiuchi"] and stories[10]["statement"]
    assert stories[11]["sources"] == ["Nikkei", "Kyodo", "Japan Times"] and stories[11]["priority"]
    assert [p["stories"][0]["story"] for p in queued(store, "press")] == [10]
    assert [p["stories"][0]["story"] for p in queued(store, "urgent")] == [11]
    assert queued(store, "other") == [] and queued(store, "morning") == []
    decide_and_queue(store, statement + coverage)
    assert len(queued(store, "team")) == 2


def test_an_entity_new_to_a_sent_story_goes_to_the_channel_once(store: Store):
    add(store, Channel("team"))
    first = [alert(1, 10, entity="OpenAI", kind="coverage")]
    decide_and_queue(store, first)
    decide_and_queue(store, first + [alert(2, 10, entity="Masaaki Taira")])
    messages = queued(store, "team")
    assert [m["stories"][0]["entities"] for m in messages] == [["OpenAI"], ["Masaaki Taira"]]  # type: ignore[index]
    assert messages[1]["stories"][0]["statement"]  # type: ignore[index]
    decide_and_queue(store, first + [alert(2, 10, entity="Masaaki Taira")])
    assert len(queued(store, "team")) == 2
    store.conn.execute("DELETE FROM alerts WHERE id = 2")
    assert store.conn.execute("SELECT COUNT(*) FROM channel_alerts").fetchone()[0] == 1


def test_a_burst_is_one_digest_listing_every_link(store: Store):
    add(store, Channel("team"))
    alerts = [alert(i, 100 + i, entity=f"Entity {i}") for i in range(5)]
    decide_and_queue(store, alerts, digest=True)
    (digest,) = queued(store, "team")
    assert digest["kind"] == "digest" and len(digest["stories"]) == 5
    _, body = render(digest, markdown=False)
    assert all(f"https://www.digital.go.jp/speech/{100 + i}" in body for i in range(5))


def test_quiet_hours_hold_channels_unless_they_say_otherwise(store: Store):
    add(store, Channel("office"))
    add(store, Channel("night desk", quiet_hours=False))
    quiet = PolicyConfig(quiet_start=(NOW - timedelta(hours=1)).astimezone().time(),
                         quiet_end=(NOW + timedelta(hours=1)).astimezone().time())
    held = [alert(1, 10)]
    decide_and_queue(store, [], held=held, config=quiet)
    assert queued(store, "office") == [] and len(queued(store, "night desk")) == 1
    decide_and_queue(store, held, now=NOW + timedelta(hours=2))
    assert len(queued(store, "office")) == 1 and len(queued(store, "night desk")) == 1


def test_feed_text_is_inert_in_markdown_and_plain_in_text():
    hostile = "<script>alert(1)</script> *Sora 2* [click](javascript:alert(1)) _x_ # 見出し"
    payload = story_payload([alert(1, 10, title=hostile)])
    _, markdown = render(payload, markdown=True)
    assert "<script>" not in markdown and "&lt;script&gt;" in markdown
    assert r"\*Sora 2\*" in markdown and r"\[click\]\(javascript:alert\(1\)\)" in markdown
    _, slack = render(payload, markdown=True, slack=True)
    assert "<script>" not in slack and "&lt;script&gt;" in slack and "\\" not in slack
    assert "<https://www.digital.go.jp/speech/10>" in slack
    _, text = render(payload, markdown=False)
    assert hostile in text and "https://www.digital.go.jp/speech/10" in text
    unsafe = story_payload([Alert(**{**alert(2, 11).__dict__, "url": "javascript:alert(1)"})])
    assert "javascript:" not in render(unsafe, markdown=False)[1]


def _queue_one(store: Store, name: str, story: int = 10) -> None:
    decide_and_queue(store, [alert(story, story)])


def test_rate_limits_and_server_errors_are_retried_with_backoff(store: Store, receiver: JsonReceiver,
                                                               keyring_on_bus):
    add(store, Channel("team"))
    save_url(store, "team", receiver.url("/team", "bot", "pw"))
    receiver.script["/team"] = [429, 500]
    _queue_one(store, "team")
    config = outbox.OutboxConfig(first_retry=timedelta(seconds=30))
    first = outbox.send_due(store, NOW, config)
    assert first.failed == 1 and "429" in first.errors["team"]
    assert store_channels.next_due(store) == NOW + timedelta(seconds=30)
    assert outbox.send_due(store, NOW + timedelta(seconds=29), config).failed == 0
    second = outbox.send_due(store, NOW + timedelta(seconds=30), config)
    assert second.failed == 1 and "HTTP 500" in second.errors["team"]
    assert store_channels.next_due(store) == NOW + timedelta(seconds=30 + 60)
    (row,) = store_channels.channel_rows(store)
    assert row.last_error is not None and row.pending == 1
    third = outbox.send_due(store, NOW + timedelta(seconds=90), config)
    assert third.sent == 1
    assert [a["status"] for a in receiver.attempts] == [429, 500, 200] and len(receiver.on("/team")) == 1
    (row,) = store_channels.channel_rows(store)
    assert row.last_error is None and row.pending == 0 and row.last_success is not None
    assert outbox.send_due(store, NOW + timedelta(hours=5), config).sent == 0


def test_a_dead_channel_is_reported_in_words_abandoned_after_a_day_and_announced_once(
        store: Store, receiver: JsonReceiver, keyring_on_bus):
    add(store, Channel("team"))
    add(store, Channel("dead"))
    save_url(store, "team", receiver.url("/team", "bot", "pw"))
    save_url(store, "dead", f"json://bot:pw@127.0.0.1:{free_port()}/x")
    _queue_one(store, "team")
    report = outbox.send_due(store, NOW)
    assert report.sent == 1 and "could not be reached" in report.errors["dead"]
    notices = outbox.channel_notices(store)
    assert [n.title for n in notices] == ["Channel failing: dead"] and "could not be reached" in notices[0].body
    assert outbox.channel_notices(store) == []
    later = NOW + timedelta(days=1, minutes=1)
    gave_up = outbox.send_due(store, later)
    assert gave_up.abandoned == 1
    rows = {r.channel.name: r for r in store_channels.channel_rows(store)}
    assert rows["dead"].pending == 0 and rows["dead"].abandoned == 1
    from stakewatch.core.i18n import loads
    from stakewatch.core.i18n import render as render_message

    assert "gave up on 1 message after a day of failures" in render_message(loads(rows["dead"].last_error))
    assert rows["team"].last_error is None and len(receiver.on("/team")) == 1


def test_wrong_credentials_say_so(store: Store, receiver: JsonReceiver, keyring_on_bus):
    add(store, Channel("team"))
    save_url(store, "team", receiver.url("/team", "bot", "not-the-password"))
    _queue_one(store, "team")
    report = outbox.send_due(store, NOW)
    assert "refused the credentials" in report.errors["team"] and "not-the-password" not in str(report.errors)


def test_the_courier_sends_on_its_own_thread(store: Store, receiver: JsonReceiver, keyring_on_bus):
    add(store, Channel("team"))
    save_url(store, "team", receiver.url("/team", "bot", "pw"))
    for story in range(20):
        _queue_one(store, "team", story)
    courier = outbox.Courier(store.path).start()
    try:
        started = time.perf_counter()
        courier.wake()
        woke_in = time.perf_counter() - started
        assert wait_until(lambda: len(receiver.on("/team")) == 20)
        assert courier.wait_idle(10)
    finally:
        courier.stop()
    assert woke_in < 0.5
    assert store_channels.channel_rows(store)[0].pending == 0


def test_health_notices_go_to_the_channels_that_asked(store: Store):
    add(store, Channel("ops", health=True))
    add(store, Channel("team"))
    notice = Notification("Source failing: Digital Agency", "server answered 503 (Service Unavailable)", None,
                          kind="health")
    with store.transaction() as conn:
        outbox.queue_notices(conn, [notice, Notification("Statement by X", "", None)], NOW)
    (ops,) = queued(store, "ops")
    assert render(ops, markdown=False) == (notice.title, notice.body)
    assert queued(store, "team") == []


def test_digest_schedules_daily_and_weekly_in_local_time():
    from stakewatch.core.delivery.channels import last_slot, parse_schedule
    from stakewatch.core.model import UserError

    assert parse_schedule(" Daily 8:05 ") == "daily 08:05" and parse_schedule("weekly MON 08:00") == "weekly mon 08:00"
    for bad in ("daily", "weekly 08:00", "monthly 08:00", "daily 25:00", "weekly someday 08:00"):
        with pytest.raises(UserError):
            parse_schedule(bad)
    wednesday_noon = datetime(2025, 10, 8, 12, 0).astimezone()
    slot, period = last_slot("daily 08:00", wednesday_noon)
    assert (slot.hour, slot.day, period) == (8, 8, timedelta(days=1))
    slot, _ = last_slot("daily 13:00", wednesday_noon)
    assert (slot.hour, slot.day) == (13, 7)
    slot, period = last_slot("weekly mon 08:00", wednesday_noon)
    assert (slot.weekday(), slot.day, period) == (0, 6, timedelta(days=7))
    slot, _ = last_slot("weekly wed 13:00", wednesday_noon)
    assert (slot.weekday(), slot.day) == (2, 1)


def test_a_scheduled_digest_is_queued_once_per_slot(store: Store):
    channel_id = add(store, Channel("morning", digest="daily 08:00", digest_only=True))
    with store.transaction() as conn:
        store_channels.set_last_digest(conn, channel_id, NOW - timedelta(days=3))
    morning = datetime(2025, 10, 10, 9, 0).astimezone()
    assert outbox.queue_scheduled(store, morning) == 1
    assert outbox.queue_scheduled(store, morning + timedelta(hours=3)) == 0
    assert outbox.queue_scheduled(store, morning + timedelta(days=1)) == 1
    payloads = queued(store, "morning")
    assert [p["kind"] for p in payloads] == ["scheduled", "scheduled"]
    assert datetime.fromisoformat(payloads[0]["end"]).astimezone().hour == 8


def test_a_message_another_live_process_is_sending_is_left_to_it(store: Store, receiver: JsonReceiver,
                                                                 keyring_on_bus):
    import os
    import subprocess
    import sys

    add(store, Channel("team"))
    save_url(store, "team", receiver.url("/team", "bot", "pw"))
    _queue_one(store, "team")
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True, check=True)
    until = (NOW + timedelta(minutes=1)).timestamp()
    store.conn.execute("UPDATE outbox SET claimed_by = ?, claimed_until = ?", (os.getppid(), until))
    assert outbox.send_due(store, NOW).sent == 0 and receiver.on("/team") == []
    store.conn.execute("UPDATE outbox SET claimed_by = ?", (int(gone.stdout),))
    assert outbox.send_due(store, NOW).sent == 1 and len(receiver.on("/team")) == 1
    assert outbox.send_due(store, NOW + timedelta(minutes=5)).sent == 0


def test_stories_sent_before_the_upgrade_count_as_sent_after_it(tmp_path):
    from stakewatch.core.store.database import _statements
    from stakewatch.core.store.schema import MIGRATIONS

    path = tmp_path / "stakewatch.db"
    conn = sqlite3.connect(path)
    upgrade = next(n for n, migration in enumerate(MIGRATIONS) if "CREATE TABLE channel_alerts" in migration)
    for migration in MIGRATIONS[:upgrade]:
        for statement in _statements(migration):
            conn.execute(statement)
    conn.execute(f"PRAGMA user_version = {upgrade}")
    conn.execute("INSERT INTO channels(id, name, created) VALUES (1, 'team', 0)")
    stored(conn, [alert(1, 10, entity="OpenAI"), alert(2, 10), alert(3, 11)])
    conn.execute("INSERT INTO channel_stories(channel_id, story_id) VALUES (1, 10)")
    conn.commit()
    conn.close()
    with Store(path) as upgraded:
        assert store_channels.alerts_sent(upgraded.conn, 1, [1, 2, 3]) == {1, 2}
        assert not upgraded.conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'channel_stories'").fetchone()
