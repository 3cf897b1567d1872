"""Storage: a desk's SQLite file or a team's PostgreSQL database, one API above both.

A Store object belongs to the thread that opened it (each thread opens its
own; WAL lets readers and the one writer proceed together). Every write runs in
one `transaction()`: a crash loses at most the transaction in progress.

`Store(path)` opens the SQLite file at `path`; `Store(path, url)` opens the PostgreSQL database
at the libpq URI `url` instead, `path` still naming the local folder where files (archives,
logs, locks) live. Nothing above the store asks which: `store.engine` is for the store's own
modules, `store.user` names the role a team database is used as (None on a desk).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

from .. import i18n
from ..i18n import translate
from ..model import Alert, Entity, ExportRow, Source, SourceHealth, Watchlist
from ..states import HealthStatus
from . import dialect, server_schema
from .attachment import SERVING
from .columns import ID_CHUNK as ID_CHUNK
from .columns import Row as Row
from .columns import _chunks as _chunks
from .columns import from_epoch as from_epoch
from .columns import future_within as future_within
from .columns import to_epoch as to_epoch
from .connection import connect
from .entity_json import aliases_from_json, offices_from_json
from .errors import is_integrity, storage_error
from .postgres import display_url
from .sqlite_file import DATABASE as DATABASE
from .sqlite_file import MIGRATION_LOCK as MIGRATION_LOCK
from .sqlite_file import MIGRATION_WAIT as MIGRATION_WAIT
from .sqlite_file import NO_BACKUP as NO_BACKUP
from .sqlite_file import TOO_NEW as TOO_NEW

T = TypeVar("T")

STALE_FACTOR = 3
STALE_MINIMUM = timedelta(hours=6)
BACKING_OFF_AFTER = 3
LONGEST_WAIT = timedelta(days=7)



CANNOT_OPEN = translate("Database", "{file} cannot be opened: {error}")


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


class Store:
    """One connection to the database file. Use from the thread that created it."""

    engine = "sqlite"
    user: str | None = None
    url: str | None = None

    def __init__(self, path: Path, url: str | None = None, create: bool = False, local: bool = False,
                 read_only: bool = False) -> None:
        """Open the database of `path`: the team database at `url` when given; else the one this process
        already opened for `path` (another thread's Store of the same folder), else the one the folder is
        attached to; else (or with `local`) the SQLite file at `path`. `read_only`: this connection refuses
        every write (SQLite: PRAGMA query_only, once the schema is up to date; PostgreSQL: read-only
        transactions). Raises UserError."""
        from .attachment import SERVERS, attached_server, open_server

        self.path = path
        if url is None and not local:
            url = SERVERS.get(path) or attached_server(path.parent)
        if url is not None:
            open_server(self, url, create)
            SERVERS[path] = url
            if read_only:  # the window's reads: every write of this session is refused by the server
                self.conn.execute("SET default_transaction_read_only = on")
            return
        try:
            self.conn: Any = connect(path)
            self._migrate()
            if read_only:
                self.conn.execute("PRAGMA query_only = ON")
        except sqlite3.Error as exc:
            with suppress(Exception):
                self.conn.close()
            raise storage_error(exc, path) from exc

    @property
    def where(self) -> str:
        """The database as a user knows it: the file, or the server's address without a password."""
        return str(self.path) if self.url is None else display_url(self.url)

    @property
    def serving(self) -> bool:
        """True in the team's poller (`server run`), for every Store of this folder in the process."""
        return self.path in SERVING

    @serving.setter
    def serving(self, value: bool) -> None:
        (SERVING.add if value else SERVING.discard)(self.path)

    @property
    def shared(self) -> bool:
        """True when this is a team database that a server polls (a desk attached to it polls nothing)."""
        return self.engine != "sqlite" and not self.serving

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def read(self, query: Callable[[sqlite3.Connection], T]) -> T:
        """`query(connection)` outside any transaction: what a module of the store reads for the layers
        above, which never hold the connection themselves."""
        return query(self.conn)

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE ... COMMIT, rolled back on any exception.

        Raises StorageError (a UserError with a remedy) when SQLite fails for a
        reason the user can act on: disk full, locked, read-only, damaged.
        A failed ROLLBACK never hides the error that caused it.
        """
        from .errors import DatabaseFailure

        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except DatabaseFailure as exc:
            raise storage_error(exc, self.where, self.user) from exc
        try:
            yield self.conn
            self.conn.execute("COMMIT")
        except BaseException as exc:
            with suppress(*DatabaseFailure):
                self.conn.execute("ROLLBACK")
            if isinstance(exc, DatabaseFailure) and not is_integrity(exc):
                raise storage_error(exc, self.where, self.user) from exc
            raise

    def _migrate(self) -> None:
        """Bring the file's schema up to date (sqlite_file.migrate)."""
        from .sqlite_file import migrate

        migrate(self)

    def backup(self, target: Path) -> None:
        """A consistent copy of the whole database (WAL included) at `target`, written aside then renamed."""
        from .sqlite_file import backup

        backup(self, target)

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

    def schema_version(self) -> int:
        """The version of the schema the database is at."""
        if self.engine == "sqlite":
            return int(self.conn.execute("PRAGMA user_version").fetchone()[0])
        return server_schema.version(self) or 0

    def quick_check(self) -> str:
        """SQLite's own check of the file: 'ok', or the first problem it found (a server: 'ok' when it answers)."""
        if self.engine != "sqlite":
            return "ok" if self.conn.execute("SELECT 1").fetchone() else "no answer"
        row = self.conn.execute("PRAGMA quick_check(1)").fetchone()
        return str(row[0]) if row else "no answer"

    def is_empty(self) -> bool:
        row = self.conn.execute(
            "SELECT NOT EXISTS (SELECT 1 FROM watchlists) AND NOT EXISTS (SELECT 1 FROM sources)"
        ).fetchone()
        return bool(row[0])

    def watchlists(self) -> list[Watchlist]:
        entities: dict[int, list[Entity]] = {}
        for row in self.conn.execute("SELECT * FROM entities ORDER BY position, id"):
            aliases, chosen, dated = aliases_from_json(json.loads(row["aliases"]))
            details = json.loads(row["details"])
            entities.setdefault(row["watchlist_id"], []).append(Entity(
                name=row["name"], kind=row["kind"],
                aliases=tuple(a for a in aliases if a != row["name"]), alias_context=chosen, alias_dates=dated,
                names=tuple((str(k), str(v)) for k, v in dict(details.get("names") or {}).items()),
                offices=offices_from_json(details.get("offices")),
                related=tuple(str(r) for r in details.get("related") or ()),
                context=tuple(json.loads(row["context"])),
                exclude=tuple(json.loads(row["exclude"])),
                veto=tuple(json.loads(row["veto"])),
                priority=bool(row["priority"]), muted=bool(row["muted"]),
                extra=json.loads(row["extra"]),
            ))
        return [
            Watchlist(name=row["name"], entities=tuple(entities.get(row["id"], [])),
                      muted=bool(row["muted"]), extra=json.loads(row["extra"]))
            for row in self.conn.execute("SELECT * FROM watchlists ORDER BY position, id")
        ]

    def sources(self, enabled_only: bool = False) -> list[Source]:
        query = "SELECT * FROM sources" + (" WHERE enabled <> 0" if enabled_only else "")
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
                        "veto, priority, muted, position, extra, details) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        "ON CONFLICT(watchlist_id, name) DO UPDATE SET name = excluded.name, "
                        "kind = excluded.kind, aliases = excluded.aliases, "
                        "context = excluded.context, exclude = excluded.exclude, "
                        "veto = excluded.veto, "
                        "priority = excluded.priority, muted = excluded.muted, "
                        "position = excluded.position, extra = excluded.extra, details = excluded.details",
                        (watchlist_id, entity.name, entity.kind, _dumps(entity.aliases_json()),
                         _dumps(list(entity.context)), _dumps(list(entity.exclude)),
                         _dumps(list(entity.veto)),
                         int(entity.priority), int(entity.muted), position,
                         _dumps(entity.extra), _dumps(entity.details_json())))
            base = conn.execute("SELECT COALESCE(MAX(position), -1) + 1 FROM sources").fetchone()[0]
            for offset, source in enumerate(sources):
                previous = conn.execute("SELECT id, url FROM sources WHERE name = ?",
                                        (source.name,)).fetchone()
                values = (source.kind, source.url, source.interval_minutes or 0, int(source.enabled),
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
                last_success=_not_after(from_epoch(row["last_success"]), now),
                last_attempt=from_epoch(row["last_attempt"]),
                last_error=i18n.loads_text(row["last_error"]) if row["consecutive_failures"] else None,
                consecutive_failures=row["consecutive_failures"],
                next_check=from_epoch(row["next_check"]),
                retry_after=future_within(row["retry_after"], now, LONGEST_WAIT),
                items=count,
                newest_item=from_epoch(newest),
                backoff_until=future_within(row["backoff_until"], now, LONGEST_WAIT),
                note=i18n.loads_text(row["note"]) or None,
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
               limit: int | None = None, ids: Sequence[int] | None = None,
               tags: Sequence[str] = (), flagged_only: bool = False) -> list[Alert]:
        """Alerts newest first; `since` keeps those published or found since then; `tags` keeps
        alerts carrying every one of them."""
        return list(self.iter_alerts(since, watchlist, limit, ids, tags, flagged_only))

    def iter_alerts(self, since: datetime | None = None, watchlist: str | None = None,
                    limit: int | None = None, ids: Sequence[int] | None = None,
                    tags: Sequence[str] = (), flagged_only: bool = False) -> Iterator[Alert]:
        """Like `alerts`, one at a time as SQLite yields them (a long list never sits in memory)."""
        from .alerts import iter_alerts

        return iter_alerts(self.conn, since, watchlist, limit, ids, tags, flagged_only, self.engine)

    def iter_export_rows(self, since: datetime | None = None, watchlist: str | None = None,
                         limit: int | None = None, ids: Sequence[int] | None = None,
                         tags: Sequence[str] = (), flagged_only: bool = False) -> Iterator[ExportRow]:
        """The alerts `iter_alerts` lists, with only the columns an export writes."""
        from .alerts import iter_export_rows

        return iter_export_rows(self.conn, since, watchlist, limit, ids, tags, flagged_only)

    def notified_stories(self, alert_ids: Sequence[int]) -> set[int]:
        """The stories of those of `alert_ids` that were notified themselves.

        An alert is one (entity, story): a story already notified for one entity is still news for
        another, so only an alert notified itself counts.
        """
        notified: set[int] = set()
        for chunk in _chunks(alert_ids):
            rows = self.conn.execute(
                f"SELECT DISTINCT story_id FROM alerts WHERE notified IS NOT NULL "
                f"AND id IN ({','.join('?' * len(chunk))})", chunk)
            notified |= {int(row[0]) for row in rows}
        return notified

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
    last_success = _not_after(from_epoch(row["last_success"]), now)
    if last_success is None or now - last_success > allowed:
        return HealthStatus.STALE
    return HealthStatus.OK


def _not_after(moment: datetime | None, now: datetime) -> datetime | None:
    """A past moment stored while the clock ran ahead counts as now."""
    return min(moment, now) if moment is not None else None


def _source(row: sqlite3.Row) -> Source:
    return Source(
        id=row["id"], name=row["name"], kind=row["kind"], url=row["url"],
        interval_minutes=row["interval_minutes"] or None, enabled=bool(row["enabled"]),
        official_for=tuple(json.loads(row["official_for"])),
        options=json.loads(row["options"]), extra=json.loads(row["extra"]),
    )


_statements = dialect.split  # a migration's statements, trigger bodies kept whole


def open_store(root: Path, read_only: bool = False) -> Store:
    """Open (creating or migrating) the database under a data dir, or the team database the folder is
    attached to. `read_only`: see Store. Raises UserError."""
    from ..platform.paths import data_dir, database_path

    return Store(database_path(data_dir(root)), read_only=read_only)
