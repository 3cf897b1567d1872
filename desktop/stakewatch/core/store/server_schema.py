"""A team database on PostgreSQL: its schema version, its migrations, its roles and rights.

The migrations are the desk's (schema.MIGRATIONS), said PostgreSQL's way by dialect.schema,
run one process at a time under a transaction-level advisory lock, each in one transaction
(PostgreSQL's DDL is transactional). `prepare_team` then makes what only a team has: the group
roles stakewatch_reader and stakewatch_editor and their GRANTs, the personal tables guarded by
row-level security, and the trigger that rings the doorbell (NOTIFY stakewatch_alerts) when an
alert is stored. Everything here runs on the thread that owns the Store; it raises psycopg.Error
or UserError.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..i18n import translate
from ..model import UserError
from . import dialect
from .schema import MIGRATIONS, POSTGRESQL, SCHEMA_VERSION

Store = Any  # a store.database.Store (not imported: the database module reaches this one)

TEAM = translate("Server", "Team server")
NOT_MADE = translate("Server", "{url} holds no Stakewatch database yet: its administrator makes one with "
                     "'stakewatch server init URL'")
OLDER = translate("Server", "the team database at {url} is older (schema {version}) than this Stakewatch "
                  "(schema {known}): its administrator upgrades it with 'stakewatch server init URL'")
NEWER = translate("Server", "the team database at {url} was made by a newer Stakewatch (schema {version}, "
                  "this one knows {known})")
NOT_EMPTY = translate("Server", "the team database at {url} already holds watchlists or alerts: copy a desk "
                      "into a new, empty one")
BAD_NAME = translate("Server", "{name!r} cannot name a role: use letters, digits and _ (at most 63)")
BAD_ROLE = translate("Server", "the role must be reader or editor, not {role!r}")
EMPTY_PASSWORD = translate("Server", "give the new user's password on standard input")

READER, EDITOR = "stakewatch_reader", "stakewatch_editor"
CHANNEL = "stakewatch_alerts"
MIGRATION_LOCK = 0x5374616B  # "Stak": one migration at a time per database
# the order a desk's tables are copied in: each after those its rows point to
COPY_ORDER = ("settings", "watchlists", "entities", "sources", "stories", "story_keys", "items", "item_revisions",
              "alerts", "alert_sources", "alert_tags", "page_watch", "page_versions", "channels", "outbox",
              "channel_alerts", "keyring_entries")
# what a reader may change besides its personal tables: the annotations of alerts
READER_ALERT_COLUMNS = ("note", "note_by", "flagged", "flagged_by")
_ROLE_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,62}")


def version(store: Store) -> int | None:
    """The schema version of the team database, or None when it has none yet."""
    if store.conn.execute("SELECT to_regclass('stakewatch_schema')").fetchone()[0] is None:
        return None
    row = store.conn.execute("SELECT max(version) FROM stakewatch_schema").fetchone()
    return int(row[0] or 0)


def check_version(store: Store) -> None:
    """Refuse a database without a schema, or an older or newer one. Raises UserError."""
    found = version(store)
    if found is None:
        raise UserError(TEAM, NOT_MADE(url=store.where))
    if found > SCHEMA_VERSION:
        raise UserError(TEAM, NEWER(url=store.where, version=found, known=SCHEMA_VERSION))
    if found < SCHEMA_VERSION:
        raise UserError(TEAM, OLDER(url=store.where, version=found, known=SCHEMA_VERSION))


def migrate(store: Store) -> int:
    """Create or upgrade the schema; the version reached. Needs the database's owner (or a role that may
    create in its schema): the extensions citext and pg_trgm are trusted, so a non-superuser owner may add
    them."""
    conn = store.conn
    with store.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(?)", (MIGRATION_LOCK,))
        conn.script("CREATE EXTENSION IF NOT EXISTS citext; CREATE EXTENSION IF NOT EXISTS pg_trgm; "
                    "CREATE TABLE IF NOT EXISTS stakewatch_schema (version INTEGER NOT NULL)")
        current = int(conn.execute("SELECT coalesce(max(version), 0) FROM stakewatch_schema").fetchone()[0])
    while current < SCHEMA_VERSION:
        with store.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(?)", (MIGRATION_LOCK,))
            current = int(conn.execute("SELECT coalesce(max(version), 0) FROM stakewatch_schema").fetchone()[0])
            if current >= SCHEMA_VERSION:
                break
            for sql in postgres_step(current):
                conn.script(sql)
            conn.execute("DELETE FROM stakewatch_schema")
            conn.execute("INSERT INTO stakewatch_schema(version) VALUES (?)", (current + 1,))
            current += 1
    return current


def postgres_step(index: int) -> list[str]:
    """Migration `index` as PostgreSQL statements."""
    if index in POSTGRESQL:
        return [s for s in dialect.split(POSTGRESQL[index]) if s.strip()]
    return [made for statement in dialect.split(MIGRATIONS[index]) for made in dialect.schema(statement)]


def prepare_team(store: Store) -> None:
    """Group roles, their rights, personal tables under row-level security and the alert doorbell.
    Safe to run again (each `server init` does)."""
    conn = store.conn
    database = str(conn.execute("SELECT current_database()").fetchone()[0])
    with store.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(?)", (MIGRATION_LOCK,))
        for role in (READER, EDITOR):
            if conn.execute("SELECT 1 FROM pg_roles WHERE rolname = ?", (role,)).fetchone() is None:
                conn.script(f"CREATE ROLE {role} NOLOGIN")
        conn.script(f"""
            GRANT {READER} TO {EDITOR};
            GRANT CONNECT ON DATABASE {_ident(database)} TO {READER};
            GRANT USAGE ON SCHEMA public TO {READER};
            CREATE TABLE IF NOT EXISTS personal_mutes (
                reader TEXT NOT NULL DEFAULT current_user,
                entity_id BIGINT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
                PRIMARY KEY (reader, entity_id));
            ALTER TABLE personal_mutes ENABLE ROW LEVEL SECURITY;
            DROP POLICY IF EXISTS own_mutes ON personal_mutes;
            CREATE POLICY own_mutes ON personal_mutes USING (reader = current_user)
                WITH CHECK (reader = current_user);
            CREATE TABLE IF NOT EXISTS personal_reads (
                reader TEXT NOT NULL DEFAULT current_user,
                alert_id BIGINT NOT NULL REFERENCES alerts(id) ON DELETE CASCADE,
                PRIMARY KEY (reader, alert_id));
            ALTER TABLE personal_reads ENABLE ROW LEVEL SECURITY;
            DROP POLICY IF EXISTS own_reads ON personal_reads;
            CREATE POLICY own_reads ON personal_reads USING (reader = current_user)
                WITH CHECK (reader = current_user);
            REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {READER}, {EDITOR};
            GRANT SELECT ON ALL TABLES IN SCHEMA public TO {READER};
            GRANT UPDATE ({', '.join(READER_ALERT_COLUMNS)}) ON alerts TO {READER};
            GRANT INSERT, DELETE ON alert_tags TO {READER};
            GRANT INSERT, UPDATE, DELETE ON personal_reads, personal_mutes TO {READER};
            GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {EDITOR};
            REVOKE INSERT, UPDATE, DELETE ON stakewatch_schema FROM {EDITOR};
            GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {EDITOR};
            CREATE OR REPLACE FUNCTION stakewatch_alert_stored() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN PERFORM pg_notify('{CHANNEL}', NEW.id::text); RETURN NULL; END $$;
            DROP TRIGGER IF EXISTS stakewatch_alert_stored ON alerts;
            CREATE TRIGGER stakewatch_alert_stored AFTER INSERT ON alerts
                FOR EACH ROW EXECUTE FUNCTION stakewatch_alert_stored();
        """)


def add_user(store: Store, name: str, role: str, password: str) -> None:
    """A login role `name` in the reader or editor group. Needs CREATEROLE. Raises UserError, psycopg.Error."""
    if not _ROLE_NAME.fullmatch(name):
        raise UserError(TEAM, BAD_NAME(name=name))
    if role not in ("reader", "editor"):
        raise UserError(TEAM, BAD_ROLE(role=role))
    if not password:
        raise UserError(TEAM, EMPTY_PASSWORD)
    group = READER if role == "reader" else EDITOR
    literal = str(store.conn.execute("SELECT quote_literal(?)", (password,)).fetchone()[0])
    with store.transaction():
        exists = store.conn.execute("SELECT 1 FROM pg_roles WHERE rolname = ?", (name,)).fetchone()
        verb = "ALTER" if exists else "CREATE"
        store.conn.script(f"{verb} ROLE {_ident(name)} LOGIN PASSWORD {literal}")
        other = EDITOR if group == READER else READER
        if exists:
            store.conn.script(f"REVOKE {other} FROM {_ident(name)}")
        store.conn.script(f"GRANT {group} TO {_ident(name)}")


def copy_desk(store: Store, desk: Path) -> dict[str, int]:
    """Copy a desk's SQLite database into this new team database, ids kept; rows copied per table."""
    if store.conn.execute("SELECT EXISTS (SELECT 1 FROM watchlists) OR EXISTS (SELECT 1 FROM alerts)"
                          ).fetchone()[0]:
        raise UserError(TEAM, NOT_EMPTY(url=store.where))
    copied: dict[str, int] = {}
    with type(store)(desk, local=True) as source, store.transaction() as conn:
        conn.execute("DELETE FROM settings")
        for table in COPY_ORDER:
            cursor = source.conn.execute(f"SELECT * FROM {table}")
            columns = [d[0] for d in cursor.description]
            insert = (f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))}) "
                      "ON CONFLICT DO NOTHING")
            count = 0
            while batch := cursor.fetchmany(1000):
                rows: list[tuple[Any, ...]] = [tuple(r) for r in batch]
                if table == "settings":
                    rows = [r for r in rows if r[0] != "keyring.home"]
                conn.executemany(insert, rows)
                count += len(rows)
            copied[table] = count
            if table in dialect.ID_TABLES:
                conn.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                             f"coalesce((SELECT max(id) FROM {table}), 0) + 1, false)")
    return copied


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'
