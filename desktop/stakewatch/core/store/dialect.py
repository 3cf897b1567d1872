"""SQLite's SQL said PostgreSQL's way: the one place that knows the two dialects apart.

The store's queries are written once, in the SQLite dialect the desk has always used; a
PostgreSQL connection passes each through `statement()` (cached): placeholders, INSERT OR
IGNORE/REPLACE as ON CONFLICT, group_concat, json_each, LIKE without case, an id RETURNING
for inserts into tables with one. Migrations go through `schema()`: types (identity keys,
double precision, bytea, citext for NOCASE), FTS5 tables replaced by plain tables with a
pg_trgm index. Pure functions, any thread.
"""

from __future__ import annotations

import re
import sqlite3
from functools import lru_cache

# tables whose key is an identity column: an INSERT returns it (the cursor's lastrowid)
ID_TABLES = frozenset({"watchlists", "entities", "sources", "stories", "items", "alerts", "item_revisions",
                       "page_versions", "channels", "outbox"})
# the conflict target of INSERT OR REPLACE, per table (its primary key)
PRIMARY_KEYS = {
    "settings": ("key",), "story_keys": ("key",), "alert_sources": ("alert_id", "source_id"),
    "alert_tags": ("alert_id", "tag"), "page_watch": ("alert_id",), "channel_alerts": ("channel_id", "alert_id"),
    "keyring_entries": ("kind", "name"), "websub_hubs": ("source_id",), **{table: ("id",) for table in ID_TABLES},
}

_INSERT_OR = re.compile(r"^\s*INSERT\s+OR\s+(IGNORE|REPLACE)\s+INTO\s+(\w+)\s*\(([^)]*)\)", re.I)
_INSERT = re.compile(r"^\s*INSERT\s+INTO\s+(\w+)", re.I)
_GROUP_CONCAT = re.compile(r"group_concat\(([^,()]+)(?:,\s*([^()]+|char\(\d+\)))?\)", re.I)
_JSON_EACH = re.compile(r"json_each\(([^()]+)\)\s+(\w+)", re.I)
_CASE_PARAM = re.compile(r"CASE WHEN \? THEN", re.I)
_PARAM_NULL = re.compile(r"\?( IS (?:NOT )?NULL)", re.I)


def _placeholders(sql: str) -> str:
    """`?` outside quotes as `%s`, and every `%` doubled (psycopg reads `%` as a placeholder)."""
    out: list[str] = []
    quote = ""
    for char in sql:
        if quote:
            if char == quote:
                quote = ""
        elif char in "'\"":
            quote = char
        elif char == "?":
            out.append("%s")
            continue
        out.append("%%" if char == "%" else char)
    return "".join(out)


@lru_cache(maxsize=2048)
def statement(sql: str) -> str:
    """One statement of the store, in PostgreSQL's dialect, with psycopg's placeholders."""
    text = sql.strip()
    if re.fullmatch(r"BEGIN(\s+IMMEDIATE|\s+DEFERRED|\s+EXCLUSIVE)?", text, re.I):
        return "BEGIN"
    suffix = ""
    found = _INSERT_OR.match(text)
    if found:
        action, table, columns = found.group(1).upper(), found.group(2), found.group(3)
        text = f"INSERT INTO {table} ({columns})" + text[found.end():]
        if action == "IGNORE":
            suffix = " ON CONFLICT DO NOTHING"
        else:
            keys = PRIMARY_KEYS.get(table.lower(), ("id",))
            names = [c.strip() for c in columns.split(",") if c.strip()]
            updates = ", ".join(f"{c} = excluded.{c}" for c in names if c not in keys)
            suffix = f" ON CONFLICT ({', '.join(keys)}) " + (f"DO UPDATE SET {updates}" if updates else "DO NOTHING")
    insert = _INSERT.match(text)
    if insert and insert.group(1).lower() in ID_TABLES and "RETURNING" not in text.upper():
        suffix += " RETURNING id"
    text = _GROUP_CONCAT.sub(_string_agg, text)
    text = _JSON_EACH.sub(r"json_array_elements_text((\1)::json) AS \2(value)", text)
    text = re.sub(r"\bchar\((\d+)\)", r"chr(\1)", text, flags=re.I)
    text = re.sub(r"\binstr\(", "strpos(", text, flags=re.I)
    text = re.sub(r"\bNOT LIKE\b", "NOT ILIKE", text)
    text = re.sub(r"(?<!NOT )\bLIKE\b", "ILIKE", text)
    text = _CASE_PARAM.sub("CASE WHEN ? <> 0 THEN", text)
    text = _PARAM_NULL.sub(r"CAST(? AS text)\1", text)
    return _placeholders(text + suffix)


def _string_agg(found: re.Match[str]) -> str:
    separator = found.group(2) or "','"
    return f"string_agg(({found.group(1).strip()})::text, {separator.strip()})"


# -- the schema ---------------------------------------------------------------------------------------

FTS_TABLE = re.compile(r"CREATE VIRTUAL TABLE (\w+) USING fts5\((.*?)\)\s*;?\s*$", re.S | re.I)


def split(script: str) -> list[str]:
    """A migration's statements, trigger bodies kept whole."""
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


def schema(statement_sql: str) -> list[str]:
    """One migration statement as PostgreSQL DDL; SQLite's full-text machinery (FTS5 tables and the
    triggers that feed them) becomes a plain table with a trigram index, fed by the store's triggers."""
    text = statement_sql.strip().rstrip(";")
    fts = FTS_TABLE.match(text + ";")
    if fts:
        return _fts_table(fts.group(1), fts.group(2))
    if re.match(r"CREATE TRIGGER", text, re.I):
        return []  # the triggers of an FTS5 table: PostgreSQL's are made with the table (_fts_table)
    if re.match(r"INSERT INTO \w+_fts", text, re.I):
        return []
    text = re.sub(r"\bINTEGER PRIMARY KEY\b", "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY", text)
    text = re.sub(r"\bTEXT NOT NULL UNIQUE COLLATE NOCASE\b", "CITEXT NOT NULL UNIQUE", text)
    text = re.sub(r"\bTEXT NOT NULL COLLATE NOCASE\b", "CITEXT NOT NULL", text)
    text = re.sub(r"\bINTEGER\b", "BIGINT", text)
    text = re.sub(r"\bREAL\b", "DOUBLE PRECISION", text)
    text = re.sub(r"\bBLOB\b", "BYTEA", text)
    text = re.sub(r"\)\s*WITHOUT ROWID", ")", text)
    return [statement(text).replace("%%", "%").replace(" RETURNING id", "")]


def _fts_table(name: str, spec: str) -> list[str]:
    columns = [c.strip() for c in spec.split(",") if "=" not in c and c.strip()]
    base = name[: -len("_fts")]
    body = " || ' ' || ".join(f"coalesce({c}, '')" for c in columns)
    made = [
        f"CREATE TABLE {name} (rowid BIGINT PRIMARY KEY REFERENCES {base}(id) ON DELETE CASCADE, "
        + ", ".join(f"{c} TEXT NOT NULL DEFAULT ''" for c in columns) + ")",
        f"CREATE INDEX {name}_trgm ON {name} USING gin (({body}) gin_trgm_ops)",
    ]
    if base == "items":
        made += [
            "CREATE FUNCTION items_fts_sync() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            "INSERT INTO items_fts(rowid, title, summary, content) VALUES (NEW.id, NEW.title, NEW.summary, "
            "NEW.content) ON CONFLICT (rowid) DO UPDATE SET title = excluded.title, summary = excluded.summary, "
            "content = excluded.content; RETURN NULL; END $$",
            "CREATE TRIGGER items_fts_sync AFTER INSERT OR UPDATE OF title, summary, content ON items "
            "FOR EACH ROW EXECUTE FUNCTION items_fts_sync()",
        ]
    elif base == "alerts":
        made += [
            "CREATE FUNCTION alerts_fts_sync() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            "IF TG_OP = 'INSERT' THEN "
            "INSERT INTO alerts_fts(rowid, title, body) VALUES (NEW.id, NEW.title, NEW.snippet || ' ' || "
            "coalesce((SELECT substr(summary || ' ' || content, 1, 4000) FROM items WHERE id = NEW.item_id), '')); "
            "ELSE UPDATE alerts_fts SET title = NEW.title WHERE rowid = NEW.id; END IF; RETURN NULL; END $$",
            "CREATE TRIGGER alerts_fts_sync AFTER INSERT OR UPDATE OF title, snippet ON alerts "
            "FOR EACH ROW EXECUTE FUNCTION alerts_fts_sync()",
        ]
    return made


def fts_condition(engine: str, table: str, words: list[str]) -> tuple[str, list[str]]:
    """The rowids of `table`'s full-text index holding every one of `words` (each at least three
    characters): FTS5 MATCH on SQLite, trigram ILIKE (indexed by pg_trgm) on PostgreSQL."""
    if engine == "sqlite":
        return (f"SELECT rowid FROM {table} WHERE {table} MATCH ?",
                [" AND ".join('"' + w.replace('"', "") + '"' for w in words)])
    columns = {"alerts_fts": ("title", "body"), "items_fts": ("title", "summary", "content")}[table]
    body = " || ' ' || ".join(f"coalesce({c}, '')" for c in columns)
    like = [_like(w) for w in words]
    return (f"SELECT rowid FROM {table} WHERE " + " AND ".join(f"({body}) LIKE ? ESCAPE '\\'" for _ in like),
            like)


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def read_mark(engine: str) -> str:
    """Whether alert `a` is read, as 0/1: a desk's column, or (on a team database) the connecting role's
    own mark in personal_reads, which row-level security keeps to that role."""
    if engine == "sqlite":
        return "a.read"
    return "(EXISTS (SELECT 1 FROM personal_reads r WHERE r.alert_id = a.id AND r.reader = current_user))::int"


def personal_mute(engine: str) -> str:
    """Whether the connecting role muted entity `e` for itself (never on a desk, where muting is the entity's)."""
    if engine == "sqlite":
        return "0"
    return "(EXISTS (SELECT 1 FROM personal_mutes m WHERE m.entity_id = e.id AND m.reader = current_user))::int"
