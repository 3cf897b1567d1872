from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from stakewatch.core.matching.ingest import Validators, ingest
from stakewatch.core.matching.matcher import Matcher
from stakewatch.core.model import Entity, Item, Source, UserError, Watchlist
from stakewatch.core.platform.paths import data_dir
from stakewatch.core.store.database import Store, open_store
from stakewatch.core.store.dialect import fts_condition
from stakewatch.core.store.schema import SCHEMA_VERSION

WL = Watchlist("W", (Entity("OpenAI", "company"),))
NOW = datetime(2025, 10, 10, 12, tzinfo=UTC)


def test_new_database_is_wal_with_schema_version(store: Store):
    assert store.schema_version() == SCHEMA_VERSION
    assert store.quick_check() == "ok"
    if store.engine == "sqlite":
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    else:
        indexes = {r[0] for r in store.conn.execute("SELECT indexdef FROM pg_indexes WHERE tablename = 'alerts_fts'")}
        assert any("gin_trgm_ops" in index for index in indexes)


def test_newer_database_is_refused(tmp_path: Path):
    path = tmp_path / "x.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.close()
    with pytest.raises(UserError, match="newer Stakewatch"):
        Store(path)


def test_not_a_database_is_a_user_error(tmp_path: Path):
    path = tmp_path / "x.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(UserError):
        Store(path)


def test_reopening_does_not_migrate_again(tmp_path: Path):
    with Store(tmp_path / "a.db") as first:
        first.apply_config([WL], [])
    with Store(tmp_path / "a.db") as second:
        assert [w.name for w in second.watchlists()] == ["W"]


def test_data_dir_precedence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("STAKEWATCH_HOME", str(tmp_path / "env"))
    assert data_dir() == tmp_path / "env"
    assert data_dir(tmp_path / "flag") == tmp_path / "flag"
    monkeypatch.delenv("STAKEWATCH_HOME")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert data_dir() == tmp_path / "xdg" / "Stakewatch"


def _ingest(store: Store, items: list[Item], fail_after: int | None = None) -> list[int]:
    source = next(s for s in store.sources() if s.name == "S")
    matcher = Matcher(store.watchlists())
    if fail_after is not None:
        real = matcher.match
        calls = [0]

        def exploding(text: str, day=None):  # type: ignore[no-untyped-def]
            calls[0] += 1
            if calls[0] > fail_after:
                raise RuntimeError("power cut")
            return real(text, day)
        matcher.match = exploding  # type: ignore[method-assign]
    return ingest(store, source, items, matcher, store.entity_ids(), NOW,
                  Validators(source.url, '"e1"', None), NOW).new_alerts


def test_ingest_is_all_or_nothing_and_never_duplicates(store: Store):
    store.apply_config([WL], [Source("S", "feed", "http://127.0.0.1/s")])
    items = [Item(f"g{i}", f"http://127.0.0.1/{i}", f"OpenAI news {i}") for i in range(5)]
    with pytest.raises(RuntimeError):
        _ingest(store, items, fail_after=3)
    assert store.count("items") == 0 and store.count("alerts") == 0
    row = store.conn.execute("SELECT etag, last_success FROM sources").fetchone()
    assert tuple(row) == (None, None)
    assert len(_ingest(store, items)) == 5
    assert _ingest(store, items) == []
    assert store.count("items") == 5 and store.count("alerts") == 5
    assert store.conn.execute("SELECT etag FROM sources").fetchone()[0] == '"e1"'


def test_full_text_search_finds_items_in_any_script(store: Store):
    store.apply_config([WL], [Source("S", "feed", "http://127.0.0.1/s")])
    _ingest(store, [Item("a", "http://127.0.0.1/a", "城内実大臣が会見", "生成AIについて"),
                    Item("b", "http://127.0.0.1/b", "Unrelated", "Digital minister speaks")])
    hits, params = fts_condition(store.engine, "items_fts", ["城内実"])
    found = store.conn.execute(f"SELECT guid FROM items WHERE id IN ({hits})", params).fetchall()
    assert [r[0] for r in found] == ["a"]
    hits, params = fts_condition(store.engine, "items_fts", ["MINISTER", "digital"])
    assert len(store.conn.execute(hits, params).fetchall()) == 1
    hits, params = fts_condition(store.engine, "items_fts", ["minister", "kiuchi"])
    assert store.conn.execute(hits, params).fetchall() == []


def test_changing_a_source_url_forgets_its_validators(store: Store):
    store.apply_config([WL], [Source("S", "feed", "http://127.0.0.1/s")])
    _ingest(store, [])
    assert store.conn.execute("SELECT etag FROM sources").fetchone()[0] == '"e1"'
    store.apply_config([], [Source("S", "feed", "http://127.0.0.1/moved")])
    assert store.conn.execute("SELECT etag, url FROM sources").fetchone()[:] == (
        None, "http://127.0.0.1/moved")


def test_open_store_creates_file_under_data_dir(data_dir: Path):
    with open_store(data_dir) as store:
        assert store.path == data_dir / "stakewatch.db"
    assert (data_dir / "stakewatch.db").exists()


def test_an_older_database_is_migrated_forward_keeping_its_data(tmp_path: Path):
    from stakewatch.core.store.database import _statements
    from stakewatch.core.store.schema import MIGRATIONS

    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    for statement in _statements(MIGRATIONS[0]):
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 1")
    conn.execute("INSERT INTO watchlists(name) VALUES ('Kept')")
    conn.commit()
    conn.close()
    with Store(path) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION >= 2
        assert [w.name for w in store.watchlists()] == ["Kept"]
        indexes = {r[1] for r in store.conn.execute("PRAGMA index_list('alerts')")}
        assert "alerts_item" in indexes


def test_a_pending_migration_first_copies_the_database_aside(tmp_path: Path):
    from stakewatch.core.store.database import _statements
    from stakewatch.core.store.schema import MIGRATIONS

    path = tmp_path / "stakewatch.db"
    conn = sqlite3.connect(path)
    for statement in _statements(MIGRATIONS[0]):
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 1")
    conn.execute("INSERT INTO watchlists(name) VALUES ('Before the upgrade')")
    conn.commit()
    conn.close()
    with Store(path):
        pass
    copy = tmp_path / "stakewatch.db.bak-schema1"
    assert copy.exists() and not (tmp_path / "stakewatch.db.bak-schema1.partial").exists()
    old = sqlite3.connect(copy)
    try:
        assert old.execute("PRAGMA user_version").fetchone()[0] == 1
        assert old.execute("SELECT name FROM watchlists").fetchall() == [("Before the upgrade",)]
    finally:
        old.close()
    with Store(path):
        pass
    assert sorted(p.name for p in tmp_path.glob("*.bak-*")) == ["stakewatch.db.bak-schema1"]


def test_a_fresh_database_needs_no_copy(tmp_path: Path):
    with Store(tmp_path / "stakewatch.db"):
        pass
    assert list(tmp_path.glob("*.bak-*")) == []
