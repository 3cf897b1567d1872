"""A PostgreSQL connection (psycopg 3) that answers like the store's sqlite3 one.

`PgConnection.execute` takes the store's SQL (SQLite dialect, `?` placeholders), says it
PostgreSQL's way (dialect.statement) and returns a cursor whose rows read by position and by
name, like sqlite3.Row; an INSERT into a table with an identity key sets `lastrowid`. The
connection is in autocommit: the store's `transaction()` says BEGIN and COMMIT itself. Booleans
are sent as integers (the schema keeps SQLite's 0/1 columns); numeric sums come back as int or
float. A connection belongs to the thread that opened it.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from typing import Any
from urllib.parse import parse_qs, urlsplit

import psycopg
from psycopg.adapt import Dumper, Loader
from psycopg.pq import Format
from psycopg.rows import RowMaker

from . import dialect

APPLICATION = "stakewatch"
# a dead peer is noticed in about 30 s, and a dead server does not leave a desk waiting forever
KEEPALIVES = {"keepalives": 1, "keepalives_idle": 10, "keepalives_interval": 5, "keepalives_count": 3,
              "connect_timeout": 10}


def is_server_url(value: object) -> bool:
    """True for a libpq URI (postgresql:// or postgres://)."""
    return isinstance(value, str) and value.startswith(("postgresql://", "postgres://"))


def display_url(url: str) -> str:
    """The URI with any password left out, fit to show and log."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.split("@", 1)[1]
    user = parts.username or ""
    return parts._replace(netloc=f"{user}@{netloc}" if user else netloc).geturl()


def url_user(url: str) -> str | None:
    """The role a URI connects as, when it names one."""
    parts = urlsplit(url)
    if parts.username:
        return parts.username
    query = parse_qs(parts.query).get("user")
    return query[0] if query else os.environ.get("PGUSER")


class Row(tuple):  # type: ignore[type-arg]
    """A result row: by position like a tuple, by column name like sqlite3.Row (first of a name wins)."""

    _names: dict[str, int]

    def __new__(cls, values: Iterable[Any], names: dict[str, int]) -> Row:
        row = super().__new__(cls, values)
        row._names = names
        return row

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, str):
            return tuple.__getitem__(self, self._names[key])
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        return list(self._names)


def _row_factory(cursor: Any) -> RowMaker[Row]:
    names: dict[str, int] = {}
    for index, column in enumerate(cursor.description or ()):
        names.setdefault(column.name, index)

    def make(values: Sequence[Any]) -> Row:
        return Row(values, names)
    return make


class _IntFromBool(Dumper):
    """Python booleans as the 0/1 integers the schema stores."""

    oid = psycopg.adapters.types["int8"].oid

    def dump(self, obj: Any) -> bytes:
        return b"1" if obj else b"0"


class _NumberLoader(Loader):
    """numeric (what SUM of integers gives) as int when whole, else float."""

    format = Format.TEXT

    def load(self, data: Any) -> Any:
        value = Decimal(bytes(data).decode())
        return int(value) if value == value.to_integral_value() else float(value)


class Cursor:
    """What a store query returns: rows to iterate or fetch, rowcount, lastrowid."""

    def __init__(self, conn: PgConnection) -> None:
        self._conn = conn
        self._cursor = conn.raw.cursor(row_factory=_row_factory)
        self.lastrowid: int | None = None
        self.row_factory: object = "row"

    @property
    def rowcount(self) -> int:
        return int(self._cursor.rowcount)

    @property
    def description(self) -> Any:
        return self._cursor.description

    def execute(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> Cursor:
        text = dialect.statement(sql)
        if self.row_factory is None:
            self._cursor = self._conn.raw.cursor()
        self._cursor.execute(text, tuple(params) if not isinstance(params, dict) else params)
        self.lastrowid = None
        if text.endswith(" RETURNING id") and self._cursor.rowcount:
            row = self._cursor.fetchone()
            self.lastrowid = int(row[0]) if row is not None else None
        return self

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> Cursor:
        text = dialect.statement(sql)
        if text.endswith(" RETURNING id"):
            text = text[: -len(" RETURNING id")]
        self._cursor.executemany(text, [tuple(row) for row in rows])
        return self

    def fetchone(self) -> Any:
        if self._cursor.description is None:
            return None
        return self._cursor.fetchone()

    def fetchall(self) -> list[Any]:
        if self._cursor.description is None:
            return []
        return list(self._cursor.fetchall())

    def __iter__(self) -> Iterator[Any]:
        if self._cursor.description is None:
            return iter(())
        return iter(self._cursor)

    def close(self) -> None:
        self._cursor.close()


class PgConnection:
    """One PostgreSQL session, shaped like the store's sqlite3 connection."""

    def __init__(self, raw: psycopg.Connection[Any]) -> None:
        self.raw = raw

    def cursor(self) -> Cursor:
        return Cursor(self)

    def execute(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> Cursor:
        return Cursor(self).execute(sql, params)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> Cursor:
        return Cursor(self).executemany(sql, rows)

    def script(self, sql: str) -> None:
        """Run PostgreSQL's own SQL as it is (no translation, no parameters)."""
        self.raw.execute(sql.encode())

    def commit(self) -> None:
        """Nothing to do: outside the store's transactions every statement commits by itself."""

    def close(self) -> None:
        self.raw.close()

    @property
    def in_transaction(self) -> bool:
        return self.raw.info.transaction_status != psycopg.pq.TransactionStatus.IDLE


def connect(url: str, **extra: Any) -> PgConnection:
    """A session to the team database at `url`. libpq reads PGPASSWORD and ~/.pgpass itself; when the
    server asks for a password neither gave, the keyring's is tried. Raises psycopg.Error."""
    options = {**KEEPALIVES, "application_name": APPLICATION, **extra}
    try:
        raw = psycopg.connect(url, autocommit=True, **options)
    except psycopg.OperationalError as exc:
        secret = None if "password" not in str(exc).lower() else keyring_password(url)
        if not secret:
            raise
        raw = psycopg.connect(url, autocommit=True, password=secret, **options)
    raw.adapters.register_dumper(bool, _IntFromBool)
    raw.adapters.register_loader("numeric", _NumberLoader)
    return PgConnection(raw)


def keyring_password(url: str) -> str | None:
    """A password kept in the keyring for this server and role (service "stakewatch-server"), if any."""
    try:
        import keyring

        parts = urlsplit(url)
        user = url_user(url) or ""
        return keyring.get_password("stakewatch-server", f"{user}@{parts.hostname or ''}:{parts.port or 5432}")
    except Exception:  # noqa: BLE001 - no keyring backend is the same as no password in it
        return None
