"""SQLite storage: WAL, forward migrations, transactions.

A Store object belongs to the thread that opened it (each thread opens its
own; WAL lets readers and the one writer proceed together). Every write runs in
one `transaction()`: a crash loses at most the transaction in progress.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from . import i18n
from .i18n import translate
from .model import Alert, Entity, Source, SourceHealth, UserError, Watchlist
from .schema import MIGRATIONS, SCHEMA_VERSION
from .states import AlertKind, HealthStatus

STALE_FACTOR = 3
STALE_MINIMUM = timedelta(hours=6)
BACKING_OFF_AFTER = 3


Row = sqlite3.Row

DATABASE = translate("Database", "Database")
NO_BACKUP = translate("Database", "could not copy the database to {file} before upgrading it: {error}")
CANNOT_OPEN = translate("Database", "{file} cannot be opened: {error}")
TOO_NEW = translate("Database",
                    "{file} was written by a newer Stakewatch (schema {version}, this one knows {known})")


def to_epoch(value: datetime) -> float:
    return value.timestamp()


def from_epoch(value: float | None) -> datetime | None:
    return None if value is None else datetime.fromtimestamp(value, UTC)


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


class Store:
    """One connection to the database file. Use from the thread that created it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self.conn = sqlite3.connect(path, timeout=30, isolation_level=None,
                                        check_same_thread=True)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA busy_timeout = 30000")
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = NORMAL")
            self.conn.execute("PRAGMA foreign_keys = ON")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise UserError(DATABASE, CANNOT_OPEN(file=str(path), error=str(exc))) from exc

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE ... COMMIT, rolled back on any exception."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def _migrate(self) -> None:
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise UserError(DATABASE, TOO_NEW(file=str(self.path), version=version, known=SCHEMA_VERSION))
        if 0 < version < SCHEMA_VERSION:
            self.backup(self.path.with_name(f"{self.path.name}.bak-schema{version}"))
        for number in range(version, SCHEMA_VERSION):
            with self.transaction() as conn:
                for statement in _statements(MIGRATIONS[number]):
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {number + 1}")

    def backup(self, target: Path) -> None:
        """A consistent copy of the whole database (WAL included) at `target`, written aside then renamed."""
        partial = target.with_name(target.name + ".partial")
        try:
            copy = sqlite3.connect(partial)
            try:
                self.conn.backup(copy)
            finally:
                copy.close()
            partial.replace(target)
        except (OSError, sqlite3.Error) as exc:
            partial.unlink(missing_ok=True)
            raise UserError(DATABASE, NO_BACKUP(file=str(target), error=str(exc))) from exc

    # settings -------------------------------------------------------------------------------

    def setting(self, key: str, default: Any = None) -> Any:
        row = self.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return default if row is None else json.loads(row[0])

    def set_setting(self, key: str, value: Any, conn: sqlite3.Connection | None = None) -> None:
        (conn or self.conn).execute(
            "INSERT INTO settings(key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (key, _dumps(value)))

    def config_version(self) -> int:
        """Changes whenever watchlists or sources change: the cue to rebuild a Matcher."""
        return int(self.setting("config_version", 0))

    # configuration ---------------------------------------------------------------------------

    def is_empty(self) -> bool:
        row = self.conn.execute(
            "SELECT NOT EXISTS (SELECT 1 FROM watchlists) AND NOT EXISTS (SELECT 1 FROM sources)"
        ).fetchone()
        return bool(row[0])

    def watchlists(self) -> list[Watchlist]:
        entities: dict[int, list[Entity]] = {}
        for row in self.conn.execute("SELECT * FROM entities ORDER BY position, id"):
            entities.setdefault(row["watchlist_id"], []).append(Entity(
                name=row["name"], kind=row["kind"],
                aliases=tuple(json.loads(row["aliases"])),
                context=tuple(json.loads(row["context"])),
                exclude=tuple(json.loads(row["exclude"])),
                priority=bool(row["priority"]), muted=bool(row["muted"]),
                extra=json.loads(row["extra"]),
            ))
        return [
            Watchlist(name=row["name"], entities=tuple(entities.get(row["id"], [])),
                      muted=bool(row["muted"]), extra=json.loads(row["extra"]))
            for row in self.conn.execute("SELECT * FROM watchlists ORDER BY position, id")
        ]

    def sources(self, enabled_only: bool = False) -> list[Source]:
        query = "SELECT * FROM sources" + (" WHERE enabled" if enabled_only else "")
        return [_source(row) for row in self.conn.execute(query + " ORDER BY position, id")]

    def source_row(self, source_id: int) -> sqlite3.Row:
        row: sqlite3.Row | None = self.conn.execute(
            "SELECT * FROM sources WHERE id = ?", (source_id,)).fetchone()
        if row is None:
            raise KeyError(source_id)
        return row

    def apply_config(self, watchlists: Sequence[Watchlist], sources: Sequence[Source]) -> None:
        """Add or update watchlists, entities and sources by name, in one transaction.

        Names not mentioned are left as they are; a source's state (health,
        validators) survives an update unless its URL changes.
        """
        with self.transaction() as conn:
            base = conn.execute("SELECT COALESCE(MAX(position), -1) + 1 FROM watchlists").fetchone()[0]
            for offset, watchlist in enumerate(watchlists):
                conn.execute(
                    "INSERT INTO watchlists(name, muted, position, extra) VALUES (?, ?, ?, ?) "
                    "ON CONFLICT(name) DO UPDATE SET name = excluded.name, muted = excluded.muted, "
                    "extra = excluded.extra",
                    (watchlist.name, int(watchlist.muted), base + offset, _dumps(watchlist.extra)))
                watchlist_id = conn.execute("SELECT id FROM watchlists WHERE name = ?",
                                            (watchlist.name,)).fetchone()[0]
                for position, entity in enumerate(watchlist.entities):
                    conn.execute(
                        "INSERT INTO entities(watchlist_id, name, kind, aliases, context, exclude, "
                        "priority, muted, position, extra) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        "ON CONFLICT(watchlist_id, name) DO UPDATE SET name = excluded.name, "
                        "kind = excluded.kind, aliases = excluded.aliases, "
                        "context = excluded.context, exclude = excluded.exclude, "
                        "priority = excluded.priority, muted = excluded.muted, "
                        "position = excluded.position, extra = excluded.extra",
                        (watchlist_id, entity.name, entity.kind, _dumps(list(entity.aliases)),
                         _dumps(list(entity.context)), _dumps(list(entity.exclude)),
                         int(entity.priority), int(entity.muted), position,
                         _dumps(entity.extra)))
            base = conn.execute("SELECT COALESCE(MAX(position), -1) + 1 FROM sources").fetchone()[0]
            for offset, source in enumerate(sources):
                previous = conn.execute("SELECT id, url FROM sources WHERE name = ?",
                                        (source.name,)).fetchone()
                values = (source.kind, source.url, source.interval_minutes, int(source.enabled),
                          _dumps(list(source.official_for)), _dumps(source.options),
                          _dumps(source.extra))
                if previous is None:
                    conn.execute(
                        "INSERT INTO sources(name, kind, url, interval_minutes, enabled, "
                        "official_for, options, extra, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        (source.name, *values, base + offset))
                    continue
                conn.execute(
                    "UPDATE sources SET name = ?, kind = ?, url = ?, interval_minutes = ?, "
                    "enabled = ?, official_for = ?, options = ?, extra = ? WHERE id = ?",
                    (source.name, *values, previous["id"]))
                if previous["url"] != source.url:
                    conn.execute(
                        "UPDATE sources SET etag = NULL, last_modified = NULL, "
                        "validators_url = NULL, next_check = NULL, backoff_until = NULL, "
                        "retry_after = NULL, consecutive_failures = 0, last_error = NULL "
                        "WHERE id = ?", (previous["id"],))
            self.set_setting("config_version", self.config_version() + 1, conn)

    def entity_ids(self) -> dict[tuple[str, str], int]:
        """(watchlist name, entity name) -> entity id."""
        return {
            (row[0], row[1]): row[2]
            for row in self.conn.execute(
                "SELECT w.name, e.name, e.id FROM entities e JOIN watchlists w "
                "ON w.id = e.watchlist_id")
        }

    # source state ----------------------------------------------------------------------------

    def record_failure(self, source_id: int, message: str, now: datetime,
                       next_check: datetime, backoff_until: datetime,
                       retry_after: datetime | None) -> None:
        with self.transaction() as conn:
            conn.execute(
                "UPDATE sources SET last_attempt = ?, last_error = ?, "
                "consecutive_failures = consecutive_failures + 1, next_check = ?, "
                "backoff_until = ?, retry_after = ? WHERE id = ?",
                (to_epoch(now), i18n.dumps(message), to_epoch(next_check), to_epoch(backoff_until),
                 to_epoch(retry_after) if retry_after else None, source_id))

    def health(self, now: datetime | None = None) -> list[SourceHealth]:
        now = now or datetime.now(UTC)
        counts = {
            row[0]: (row[1], row[2])
            for row in self.conn.execute(
                "SELECT source_id, COUNT(*), MAX(published) FROM items GROUP BY source_id")
        }
        result: list[SourceHealth] = []
        for row in self.conn.execute("SELECT * FROM sources ORDER BY position, id"):
            count, newest = counts.get(row["id"], (0, None))
            result.append(SourceHealth(
                name=row["name"], kind=row["kind"], url=row["url"],
                enabled=bool(row["enabled"]),
                status=health_status(row, now),
                last_success=from_epoch(row["last_success"]),
                last_attempt=from_epoch(row["last_attempt"]),
                last_error=i18n.loads_text(row["last_error"]) if row["consecutive_failures"] else None,
                consecutive_failures=row["consecutive_failures"],
                next_check=from_epoch(row["next_check"]),
                retry_after=from_epoch(row["retry_after"])
                if row["retry_after"] and row["retry_after"] > to_epoch(now) else None,
                items=count,
                newest_item=from_epoch(newest),
                backoff_until=from_epoch(row["backoff_until"])
                if row["backoff_until"] and row["backoff_until"] > to_epoch(now) else None,
            ))
        return result

    def set_enabled(self, name: str, enabled: bool) -> None:
        with self.transaction() as conn:
            conn.execute("UPDATE sources SET enabled = ? WHERE name = ?", (int(enabled), name))
            self.set_setting("config_version", self.config_version() + 1, conn)

    def clear_wait(self, name: str) -> None:
        """Forget a source's backoff and Retry-After so that the next cycle fetches it."""
        with self.transaction() as conn:
            conn.execute("UPDATE sources SET backoff_until = NULL, retry_after = NULL, next_check = NULL "
                         "WHERE name = ?", (name,))

    # alerts ------------------------------------------------------------------------------------

    def alerts(self, since: datetime | None = None, watchlist: str | None = None,
               limit: int | None = None, ids: Sequence[int] | None = None) -> list[Alert]:
        """Alerts newest first; `since` keeps those published or found since then."""
        where: list[str] = []
        params: list[Any] = []
        if since is not None:
            where.append("(a.published >= ? OR a.found >= ?)")
            params += [to_epoch(since), to_epoch(since)]
        if watchlist is not None:
            where.append("w.name = ?")
            params.append(watchlist)
        if ids is not None:
            where.append(f"a.id IN ({','.join('?' * len(ids))})")
            params += list(ids)
        query = (
            "SELECT a.*, e.name AS entity, e.priority AS priority, w.name AS watchlist, "
            "(SELECT group_concat(s.name, char(31)) FROM "
            "   (SELECT s.name FROM alert_sources x JOIN sources s ON s.id = x.source_id "
            "    WHERE x.alert_id = a.id ORDER BY x.added, s.id) s) AS source_names "
            "FROM alerts a JOIN entities e ON e.id = a.entity_id "
            "JOIN watchlists w ON w.id = e.watchlist_id"
            + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY a.published DESC, a.id DESC"
            + (f" LIMIT {int(limit)}" if limit else "")
        )
        alerts: list[Alert] = []
        for row in self.conn.execute(query, params):
            names = tuple((row["source_names"] or "").split("\x1f")) if row["source_names"] else ()
            published = from_epoch(row["published"])
            found = from_epoch(row["found"])
            assert published is not None and found is not None
            alerts.append(Alert(
                id=row["id"], entity=row["entity"], watchlist=row["watchlist"], kind=AlertKind(row["kind"]),
                title=row["title"], url=row["url"], source=names[0] if names else "",
                sources=names, published=published, found=found,
                matched=tuple(json.loads(row["matched"])), snippet=row["snippet"],
                story=row["story_id"], read=bool(row["read"]), priority=bool(row["priority"]),
            ))
        return alerts

    def prune_items(self, older_than: datetime) -> int:
        """Delete items fetched and published before `older_than`; alerts keep their own copy. The count."""
        cutoff = to_epoch(older_than)
        with self.transaction() as conn:
            deleted = conn.execute("DELETE FROM items WHERE fetched < ? AND published < ?", (cutoff, cutoff)).rowcount
        return int(deleted)

    def count(self, table: str) -> int:
        if table not in ("items", "alerts", "stories", "sources", "entities", "watchlists"):
            raise ValueError(table)
        return int(self.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])


def health_status(row: sqlite3.Row, now: datetime) -> HealthStatus:
    """ok / failing / backing off / stale / new / disabled, from a sources row."""
    if not row["enabled"]:
        return HealthStatus.DISABLED
    if row["last_attempt"] is None:
        return HealthStatus.NEW
    if row["consecutive_failures"]:
        return HealthStatus.BACKING_OFF if row["consecutive_failures"] >= BACKING_OFF_AFTER else HealthStatus.FAILING
    allowed = max(timedelta(minutes=row["interval_minutes"] * STALE_FACTOR), STALE_MINIMUM)
    last_success = from_epoch(row["last_success"])
    if last_success is None or now - last_success > allowed:
        return HealthStatus.STALE
    return HealthStatus.OK


def _source(row: sqlite3.Row) -> Source:
    return Source(
        id=row["id"], name=row["name"], kind=row["kind"], url=row["url"],
        interval_minutes=row["interval_minutes"], enabled=bool(row["enabled"]),
        official_for=tuple(json.loads(row["official_for"])),
        options=json.loads(row["options"]), extra=json.loads(row["extra"]),
    )


def _statements(script: str) -> list[str]:
    """Split a migration into statements, keeping trigger bodies whole."""
    statements: list[str] = []
    current = ""
    for line in script.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            if current.strip():
                statements.append(current.strip())
            current = ""
    if current.strip():
        statements.append(current.strip())
    return statements


def open_store(root: Path) -> Store:
    """Open (creating or migrating) the database under a data dir. Raises UserError."""
    from .paths import data_dir, database_path

    return Store(database_path(data_dir(root)))
