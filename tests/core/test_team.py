"""A team database: rights kept by PostgreSQL, personal read state and mutes, the poller's lock, the
doorbell and reading new alerts by id without missing or repeating one (a real PostgreSQL)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import psycopg
import pytest

from stakewatch.core.matching.ingest import Validators, ingest
from stakewatch.core.matching.matcher import Matcher
from stakewatch.core.model import Entity, Item, Source, Watchlist
from stakewatch.core.store import annotations, inbox, server_schema
from stakewatch.core.store.database import Store
from stakewatch.core.store.errors import StorageError
from stakewatch.core.store.team import Doorbell, Leadership, Mark, alert_ids_after, start_mark

NOW = datetime(2025, 10, 10, 12, tzinfo=UTC)
WL = Watchlist("AI", (Entity("OpenAI", "company"), Entity("Sora", "product")))


def _database(url: str) -> str:
    return url.split("@/", 1)[1].split("?", 1)[0]


@pytest.fixture
def team(pg_cluster: object, pg_url: str, tmp_path: Path) -> Iterator[dict[str, Store]]:
    """The administrator's store with a world ingested, and stores of an editor and a reader."""
    with Store(tmp_path / "admin.db", pg_url) as admin:
        admin.apply_config([WL], [Source("S", "feed", "http://127.0.0.1/s")])
        source = admin.sources()[0]
        items = [Item(f"g{n}", f"http://127.0.0.1/{n}", f"OpenAI news {n}") for n in range(3)]
        ingest(admin, source, items, Matcher(admin.watchlists()), admin.entity_ids(), NOW,
               Validators(source.url, None, None), NOW)
        server_schema.add_user(admin, "alice", "editor", "pw-a")
        server_schema.add_user(admin, "bob", "reader", "pw-b")
        database = _database(pg_url)
        with Store(tmp_path / "alice.db", pg_cluster.url(database, "alice")) as alice, \
                Store(tmp_path / "bob.db", pg_cluster.url(database, "bob")) as bob:  # type: ignore[attr-defined]
            yield {"admin": admin, "alice": alice, "bob": bob}


def test_a_reader_annotates_but_cannot_change_the_watchlists_and_nothing_changes(team: dict[str, Store]):
    bob, alice = team["bob"], team["alice"]
    ids = [a.id for a in bob.alerts()]
    assert len(ids) == 3
    annotations.set_note(bob, [ids[0]], "call the ministry")
    annotations.add_tags(bob, [ids[0]], ["legal"])
    annotations.set_flag(alice, [ids[1]])
    seen = {a.id: a for a in alice.alerts()}
    assert (seen[ids[0]].note, seen[ids[0]].note_by, seen[ids[0]].tagged_by) == ("call the ministry", "bob", ("bob",))
    assert seen[ids[1]].flagged_by == "alice" and seen[ids[1]].to_json()["note_by"] is None
    with pytest.raises(StorageError) as refused:
        bob.apply_config([Watchlist("Mine", (Entity("Kiuchi", "official"),))], [])
    assert refused.value.kind == "refused" and "bob" in refused.value.message
    assert "nothing was changed" in refused.value.message
    assert [w.name for w in alice.watchlists()] == ["AI"]
    with pytest.raises(StorageError), bob.transaction() as conn:
        bob.set_setting("alerts.quiet_hours", "x", conn)
    alice.apply_config([Watchlist("Mine", (Entity("Kiuchi", "official"),))], [])  # an editor may
    assert sorted(w.name for w in bob.watchlists()) == ["AI", "Mine"]


def test_read_state_and_mutes_are_each_users_own(team: dict[str, Store]):
    bob, alice = team["bob"], team["alice"]
    ids = [a.id for a in bob.alerts()]
    inbox.mark_read(bob, ids[:2])
    assert sum(a.read for a in bob.alerts()) == 2
    assert sum(a.read for a in alice.alerts()) == 0
    assert len(inbox.unread_ids(alice, inbox.InboxQuery())) == 3
    assert len(inbox.unread_ids(bob, inbox.InboxQuery())) == 1
    assert [r.read for r in inbox.page(bob, inbox.InboxQuery(unread_only=True), 0, 10)] == [False]
    inbox.mark_read(bob, ids[:1], read=False)
    assert sum(a.read for a in bob.alerts()) == 1
    inbox.mute_entity(bob, "AI", "OpenAI")
    assert inbox.entity_muted(bob, "AI", "OpenAI") and not inbox.entity_muted(alice, "AI", "OpenAI")
    # row-level security: another user's marks are not even visible
    assert bob.conn.execute("SELECT count(*) FROM personal_reads").fetchone()[0] == 1
    assert alice.conn.execute("SELECT count(*) FROM personal_reads").fetchone()[0] == 0


def test_search_finds_alerts_through_the_trigram_index(team: dict[str, Store]):
    bob = team["bob"]
    assert inbox.count(bob, inbox.InboxQuery(text="news 1")) == 1
    assert inbox.count(bob, inbox.InboxQuery(text="NEWS")) == 3
    assert inbox.count(bob, inbox.InboxQuery(text="absent words")) == 0


def _raw_alert(url: str, n: int) -> psycopg.Connection[tuple[object, ...]]:
    """An alert inserted in a transaction left open: its id is taken now, its commit comes later."""
    conn = psycopg.connect(url)
    story = conn.execute("INSERT INTO stories(title, tokens, published, created) VALUES (%s, '[]', 0, 0) "
                         "RETURNING id", (f"late {n}",)).fetchone()[0]
    entity = conn.execute("SELECT id FROM entities WHERE name = 'Sora'").fetchone()[0]
    conn.execute("INSERT INTO alerts(entity_id, story_id, kind, title, url, published, found, matched, snippet) "
                 "VALUES (%s, %s, 'coverage', %s, '', 0, 0, '[]', '')", (entity, story, f"late {n}"))
    return conn


def test_new_alerts_are_read_by_id_once_even_when_an_earlier_id_commits_later(team: dict[str, Store],
                                                                               pg_url: str):
    bob = team["bob"]
    mark = start_mark(bob)
    assert alert_ids_after(bob, mark) == []
    early = _raw_alert(pg_url, 1)   # takes the lower id, commits last
    late = _raw_alert(pg_url, 2)
    late.commit()
    first = alert_ids_after(bob, mark)
    assert len(first) == 1
    early.commit()
    second = alert_ids_after(bob, mark)
    assert len(second) == 1 and second[0] < first[0]
    assert alert_ids_after(bob, mark) == []
    early.close()
    late.close()
    # a desk that slept keeps its place
    saved = Mark(mark.high, set(mark.seen))
    assert alert_ids_after(bob, saved) == []


def test_the_doorbell_rings_when_an_alert_is_stored(team: dict[str, Store], pg_cluster: object, pg_url: str):
    assert team["bob"].url is not None
    bell = Doorbell(team["bob"].url)
    try:
        assert bell.wait(0.2) == []
        conn = _raw_alert(pg_url, 3)
        conn.commit()
        conn.close()
        rung = bell.wait(10)
        assert len(rung) == 1
    finally:
        bell.close()


def test_one_poller_holds_the_lock_and_another_takes_over_when_it_dies(pg_url: str):
    first, second = Leadership(pg_url), Leadership(pg_url)
    try:
        assert first.try_take() and first.held()
        assert not second.try_take()
        with psycopg.connect(pg_url, autocommit=True) as admin:
            # the first poller's connection dies (as when its process is killed)
            admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                          "WHERE application_name = 'stakewatch' AND pid <> pg_backend_pid() "
                          "AND pid IN (SELECT pid FROM pg_locks WHERE locktype = 'advisory')")
        deadline = time.monotonic() + 30
        while not second.try_take():
            assert time.monotonic() < deadline
            time.sleep(0.1)
        assert not first.held()
        assert not first.try_take()
    finally:
        first.release()
        second.release()


def test_an_attached_desk_polls_nothing_and_shows_each_new_alert_once(team: dict[str, Store], pg_url: str):
    from stakewatch.core.service import Service

    bob = team["bob"]
    shown: list[object] = []
    service = Service(bob, show=lambda note: shown.append(note) or True)
    assert service.poll().report.new_alerts == [] and shown == []  # what was there before is not news
    conn = _raw_alert(pg_url, 5)
    conn.commit()
    conn.close()
    caught = service.poll()
    assert len(caught.report.new_alerts) == 1 and caught.shown == 1
    assert "late 5" in shown[0].title + shown[0].body  # type: ignore[attr-defined]
    assert service.poll().report.new_alerts == []
    assert bob.conn.execute("SELECT count(*) FROM alerts WHERE notified IS NOT NULL").fetchone()[0] == 0


def test_the_inbox_says_who_noted_flagged_and_tagged(team: dict[str, Store]):
    bob, alice = team["bob"], team["alice"]
    target = bob.alerts()[0].id
    annotations.set_note(alice, [target], "ask legal")
    annotations.set_flag(bob, [target])
    annotations.add_tags(alice, [target], ["sora"])
    detail = inbox.detail(bob, target)
    assert detail is not None
    assert (detail.note_by, detail.flagged_by, detail.tagged_by) == ("alice", "bob", ("alice",))
    from stakewatch.core.store.story_rows import story_rows

    (story,) = [row for row in story_rows(bob.alerts()) if target in row.alerts]
    assert story.to_json()["notes"] == ["ask legal"] and story.to_json()["notes_by"] == ["alice"]


def test_an_attached_desk_shows_what_it_had_when_the_server_is_away(team: dict[str, Store], pg_url: str,
                                                                      tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch):
    import shutil

    from stakewatch.core.service import Service
    from stakewatch.core.store import mirror

    bob = team["bob"]
    service = Service(bob)
    service.poll()  # attaching keeps the newest alerts
    annotations.set_note(team["alice"], [bob.alerts()[0].id], "ask legal")
    conn = _raw_alert(pg_url, 7)
    conn.commit()
    conn.close()
    service.poll()
    kept = {a.title: a for a in Store(mirror.cache_path(bob), local=True).alerts()}
    assert "late 7" in kept and len(kept) == 4
    # another folder holding that cache, attached to a server that cannot be reached
    away = tmp_path / "away"
    away.mkdir()
    shutil.copy(mirror.cache_path(bob), away / mirror.CACHE)
    monkeypatch.setenv("STAKEWATCH_SERVER", "postgresql://bob@/team?host=/nonexistent&port=1")
    opened, offline = mirror.open_or_cached(away)
    with opened:
        assert offline and sorted(a.title for a in opened.alerts()) == sorted(kept)
        assert [r.id for r in inbox.page(opened, inbox.InboxQuery(), 0, 10)]
    # known unreachable (the tray's doorbell said so): the kept alerts open without trying the server
    from stakewatch.core.store import attachment

    assert bob.url is not None
    monkeypatch.setenv("STAKEWATCH_SERVER", bob.url)  # a server that would answer
    attachment.reachable(bob.url, False)
    try:
        opened, offline = mirror.open_or_cached(away)
        opened.close()
        assert offline
    finally:
        attachment.reachable(bob.url, True)
    opened, offline = mirror.open_or_cached(away)
    opened.close()
    assert not offline
    monkeypatch.setenv("STAKEWATCH_SERVER", "postgresql://bob@/team?host=/nonexistent&port=1")
    attachment.SERVERS.pop(away / "stakewatch.db", None)  # this process reached it before: forget that
    (away / mirror.CACHE).unlink()
    opened, offline = mirror.open_or_cached(away)  # nothing kept yet: an empty copy, so the desk still opens
    with opened:
        assert offline and opened.alerts() == []
    with pytest.raises(StorageError):  # opened directly (the command line's commands), it says the server is away
        Store(away / "stakewatch.db")


def test_init_again_keeps_the_data_and_a_user_can_change_role(team: dict[str, Store], pg_url: str,
                                                             pg_cluster: object, tmp_path: Path):
    admin = team["admin"]
    before = [a.id for a in admin.alerts()]
    with Store(tmp_path / "again.db", pg_url, create=True) as again:  # `server init` run a second time
        assert [a.id for a in again.alerts()] == before
        server_schema.add_user(again, "bob", "editor", "new")
    with Store(tmp_path / "bob2.db", pg_cluster.url(_database(pg_url), "bob")) as bob:  # type: ignore[attr-defined]
        bob.apply_config([Watchlist("Bob's", (Entity("Taira", "official"),))], [])
        assert "Bob's" in [w.name for w in bob.watchlists()]
        with pytest.raises(StorageError), bob.transaction() as conn:  # nobody writes the version but the owner
            conn.execute("DELETE FROM stakewatch_schema")
    with pytest.raises(Exception, match="reader or editor"):
        server_schema.add_user(admin, "carol", "admin", "pw")
    with pytest.raises(Exception, match="cannot name a role"):
        server_schema.add_user(admin, "carol; DROP TABLE alerts", "reader", "pw")


def test_an_attached_desk_is_not_told_of_what_its_user_muted(team: dict[str, Store], pg_url: str):
    from stakewatch.core.service import Service

    bob = team["bob"]
    shown: list[object] = []
    service = Service(bob, show=lambda note: shown.append(note) or True)
    service.poll()
    inbox.mute_entity(bob, "AI", "Sora")  # _raw_alert's alerts are Sora's
    conn = _raw_alert(pg_url, 8)
    conn.commit()
    conn.close()
    caught = service.poll()
    assert len(caught.report.new_alerts) == 1 and shown == []  # stored and listed, not announced
    inbox.mute_entity(bob, "AI", "Sora", muted=False)
    conn = _raw_alert(pg_url, 9)
    conn.commit()
    conn.close()
    assert service.poll().shown == 1
