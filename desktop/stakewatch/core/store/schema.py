"""The schema and its forward migrations, one ordered list for both engines.

`MIGRATIONS[n]` takes a database from version n to n + 1 (SQLite: `PRAGMA user_version`;
PostgreSQL: the `stakewatch_schema` table). Append, never edit: a user's file may be at any
earlier version. Each step is written in SQLite's dialect; the store says it PostgreSQL's way
(dialect.schema), except the steps in `POSTGRESQL`, which are given whole for it (a team database
is made fresh, so steps that only reshape a desk's old data have nothing to do there).
"""

from __future__ import annotations

MIGRATIONS: list[str] = [
    # 0 -> 1: the first schema
    """
    CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    CREATE TABLE watchlists (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        muted INTEGER NOT NULL DEFAULT 0,
        position INTEGER NOT NULL DEFAULT 0,
        extra TEXT NOT NULL DEFAULT '{}'
    );
    CREATE TABLE entities (
        id INTEGER PRIMARY KEY,
        watchlist_id INTEGER NOT NULL REFERENCES watchlists(id) ON DELETE CASCADE,
        name TEXT NOT NULL COLLATE NOCASE,
        kind TEXT NOT NULL,
        aliases TEXT NOT NULL DEFAULT '[]',
        context TEXT NOT NULL DEFAULT '[]',
        exclude TEXT NOT NULL DEFAULT '[]',
        priority INTEGER NOT NULL DEFAULT 0,
        muted INTEGER NOT NULL DEFAULT 0,
        position INTEGER NOT NULL DEFAULT 0,
        extra TEXT NOT NULL DEFAULT '{}',
        UNIQUE (watchlist_id, name)
    );
    CREATE TABLE sources (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        kind TEXT NOT NULL,
        url TEXT NOT NULL,
        interval_minutes INTEGER NOT NULL DEFAULT 30,
        enabled INTEGER NOT NULL DEFAULT 1,
        official_for TEXT NOT NULL DEFAULT '[]',
        options TEXT NOT NULL DEFAULT '{}',
        extra TEXT NOT NULL DEFAULT '{}',
        position INTEGER NOT NULL DEFAULT 0,
        last_attempt REAL,
        last_success REAL,
        consecutive_failures INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        next_check REAL,
        backoff_until REAL,
        retry_after REAL,
        etag TEXT,
        last_modified TEXT,
        validators_url TEXT
    );
    CREATE TABLE stories (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        tokens TEXT NOT NULL,
        published REAL NOT NULL,
        created REAL NOT NULL
    );
    CREATE INDEX stories_published ON stories(published);
    CREATE TABLE story_keys (
        key TEXT PRIMARY KEY,
        story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE
    ) WITHOUT ROWID;
    CREATE TABLE items (
        id INTEGER PRIMARY KEY,
        source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
        guid TEXT NOT NULL,
        url TEXT NOT NULL,
        canonical_url TEXT NOT NULL,
        title TEXT NOT NULL,
        summary TEXT NOT NULL,
        content TEXT NOT NULL,
        published REAL NOT NULL,
        dated INTEGER NOT NULL,
        fetched REAL NOT NULL,
        story_id INTEGER REFERENCES stories(id) ON DELETE SET NULL,
        UNIQUE (source_id, guid)
    );
    CREATE INDEX items_published ON items(published);
    CREATE INDEX items_story ON items(story_id, source_id);
    CREATE VIRTUAL TABLE items_fts USING fts5(
        title, summary, content, content='items', content_rowid='id', tokenize='trigram'
    );
    CREATE TRIGGER items_fts_insert AFTER INSERT ON items BEGIN
        INSERT INTO items_fts(rowid, title, summary, content)
        VALUES (new.id, new.title, new.summary, new.content);
    END;
    CREATE TRIGGER items_fts_delete AFTER DELETE ON items BEGIN
        INSERT INTO items_fts(items_fts, rowid, title, summary, content)
        VALUES ('delete', old.id, old.title, old.summary, old.content);
    END;
    CREATE TRIGGER items_fts_update AFTER UPDATE OF title, summary, content ON items BEGIN
        INSERT INTO items_fts(items_fts, rowid, title, summary, content)
        VALUES ('delete', old.id, old.title, old.summary, old.content);
        INSERT INTO items_fts(rowid, title, summary, content)
        VALUES (new.id, new.title, new.summary, new.content);
    END;
    CREATE TABLE alerts (
        id INTEGER PRIMARY KEY,
        entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
        story_id INTEGER NOT NULL REFERENCES stories(id),
        item_id INTEGER REFERENCES items(id) ON DELETE SET NULL,
        kind TEXT NOT NULL,
        title TEXT NOT NULL,
        url TEXT NOT NULL,
        published REAL NOT NULL,
        found REAL NOT NULL,
        matched TEXT NOT NULL,
        snippet TEXT NOT NULL,
        read INTEGER NOT NULL DEFAULT 0,
        notified REAL,
        UNIQUE (entity_id, story_id)
    );
    CREATE INDEX alerts_published ON alerts(published);
    CREATE INDEX alerts_found ON alerts(found);
    CREATE TABLE alert_sources (
        alert_id INTEGER NOT NULL REFERENCES alerts(id) ON DELETE CASCADE,
        source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
        item_id INTEGER REFERENCES items(id) ON DELETE SET NULL,
        added REAL NOT NULL,
        PRIMARY KEY (alert_id, source_id)
    ) WITHOUT ROWID;
    """,
    # 1 -> 2: the inbox looks alerts up by the item that full-text search found
    """
    CREATE INDEX alerts_item ON alerts(item_id);
    """,
    # 2 -> 3: the inbox searches alerts, not every item ever fetched: an index of their own text,
    # which also outlives items pruned by retention
    """
    CREATE VIRTUAL TABLE alerts_fts USING fts5(title, body, tokenize='trigram');
    INSERT INTO alerts_fts(rowid, title, body)
        SELECT a.id, a.title, a.snippet || ' ' || COALESCE(substr(i.summary || ' ' || i.content, 1, 4000), '')
        FROM alerts a LEFT JOIN items i ON i.id = a.item_id;
    CREATE TRIGGER alerts_fts_insert AFTER INSERT ON alerts BEGIN
        INSERT INTO alerts_fts(rowid, title, body) VALUES (new.id, new.title, new.snippet || ' ' ||
            COALESCE((SELECT substr(summary || ' ' || content, 1, 4000) FROM items WHERE id = new.item_id), ''));
    END;
    CREATE TRIGGER alerts_fts_delete AFTER DELETE ON alerts BEGIN
        DELETE FROM alerts_fts WHERE rowid = old.id;
    END;
    CREATE TRIGGER alerts_fts_update AFTER UPDATE OF title, snippet ON alerts BEGIN
        UPDATE alerts_fts SET title = new.title WHERE rowid = new.id;
    END;
    """,
    # 3 -> 4: edited items keep their earlier versions; stories remember the watched names in their
    # title; alerts found by matching stored items for a new entity are marked; a source's note
    """
    CREATE TABLE item_revisions (
        id INTEGER PRIMARY KEY,
        item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
        title TEXT NOT NULL,
        summary TEXT NOT NULL,
        content TEXT NOT NULL,
        fetched REAL NOT NULL,
        replaced REAL NOT NULL
    );
    CREATE INDEX item_revisions_item ON item_revisions(item_id);
    ALTER TABLE stories ADD COLUMN names TEXT NOT NULL DEFAULT '{}';
    ALTER TABLE alerts ADD COLUMN backfilled INTEGER NOT NULL DEFAULT 0;
    CREATE INDEX alerts_story ON alerts(story_id);
    ALTER TABLE sources ADD COLUMN note TEXT;
    """,
    # per-alias context and occurrence excludes: an alias may be stored as {"text", "needs_context"};
    # excludes used to rule out the whole item, so those containing none of the entity's names
    # (which could never overlap an occurrence) become whole-item vetoes
    """
    ALTER TABLE entities ADD COLUMN veto TEXT NOT NULL DEFAULT '[]';
    UPDATE entities SET
        veto = (SELECT json_group_array(x.value) FROM json_each(entities.exclude) x
                WHERE instr(lower(x.value), lower(entities.name)) = 0 AND NOT EXISTS (
                    SELECT 1 FROM json_each(entities.aliases) a
                    WHERE instr(lower(x.value), lower(a.value)) > 0)),
        exclude = (SELECT json_group_array(x.value) FROM json_each(entities.exclude) x
                   WHERE instr(lower(x.value), lower(entities.name)) > 0 OR EXISTS (
                       SELECT 1 FROM json_each(entities.aliases) a
                       WHERE instr(lower(x.value), lower(a.value)) > 0));
    """,
    # statement pages: each alert's page, watched for a while, and every version of its main text;
    # kept apart from items so that retention never prunes them
    """
    CREATE TABLE page_watch (
        alert_id INTEGER PRIMARY KEY REFERENCES alerts(id) ON DELETE CASCADE,
        url TEXT NOT NULL,
        status TEXT NOT NULL,
        sha256 TEXT,
        first_fetched REAL,
        checked REAL,
        next_check REAL,
        watch_until REAL NOT NULL,
        etag TEXT,
        last_modified TEXT,
        failures INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        changed REAL
    );
    CREATE INDEX page_watch_next ON page_watch(next_check);
    CREATE TABLE page_versions (
        id INTEGER PRIMARY KEY,
        alert_id INTEGER NOT NULL REFERENCES alerts(id) ON DELETE CASCADE,
        fetched REAL NOT NULL,
        http_status INTEGER,
        url TEXT NOT NULL,
        final_url TEXT NOT NULL,
        text TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        compare_key TEXT NOT NULL,
        content_type TEXT NOT NULL,
        html BLOB NOT NULL
    );
    CREATE INDEX page_versions_alert ON page_versions(alert_id, id);
    """,
    # records (Diet minutes and other history) are shown apart from breaking news
    """
    ALTER TABLE alerts ADD COLUMN record INTEGER NOT NULL DEFAULT 0;
    """,
    # channels (Apprise URLs live in the keyring, never here) and their outbox: one row per message
    # and channel, queued in the transaction that records the policy's decision
    """
    CREATE TABLE channels (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        watchlists TEXT NOT NULL DEFAULT '[]',
        only_kind TEXT,
        health INTEGER NOT NULL DEFAULT 0,
        quiet_hours INTEGER NOT NULL DEFAULT 1,
        digest TEXT,
        digest_only INTEGER NOT NULL DEFAULT 0,
        last_digest REAL,
        created REAL NOT NULL,
        last_success REAL,
        last_attempt REAL,
        last_error TEXT,
        failing_since REAL,
        announced INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE outbox (
        id INTEGER PRIMARY KEY,
        channel_id INTEGER NOT NULL REFERENCES channels(id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        kind TEXT NOT NULL,
        payload TEXT NOT NULL,
        created REAL NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt REAL NOT NULL,
        sent REAL,
        abandoned REAL,
        last_error TEXT,
        claimed_by INTEGER,
        claimed_until REAL,
        UNIQUE (channel_id, key)
    );
    CREATE INDEX outbox_pending ON outbox(next_attempt) WHERE sent IS NULL AND abandoned IS NULL;
    CREATE TABLE channel_stories (
        channel_id INTEGER NOT NULL REFERENCES channels(id) ON DELETE CASCADE,
        story_id INTEGER NOT NULL,
        PRIMARY KEY (channel_id, story_id)
    ) WITHOUT ROWID;
    """,
    # analysts annotate alerts: a note, a flag for the briefing, tags; stories are listed by their alerts
    """
    ALTER TABLE alerts ADD COLUMN note TEXT NOT NULL DEFAULT '';
    ALTER TABLE alerts ADD COLUMN flagged INTEGER NOT NULL DEFAULT 0;
    CREATE TABLE alert_tags (
        alert_id INTEGER NOT NULL REFERENCES alerts(id) ON DELETE CASCADE,
        tag TEXT NOT NULL,
        PRIMARY KEY (alert_id, tag)
    ) WITHOUT ROWID;
    CREATE INDEX alert_tags_tag ON alert_tags(tag, alert_id);
    CREATE INDEX IF NOT EXISTS alerts_story ON alerts(story_id);
    """,
    # a channel remembers each alert it was sent, not each story: a story sent for one entity is still
    # news to the channel for another; what was sent before keeps counting as sent
    """
    CREATE TABLE channel_alerts (
        channel_id INTEGER NOT NULL REFERENCES channels(id) ON DELETE CASCADE,
        alert_id INTEGER NOT NULL REFERENCES alerts(id) ON DELETE CASCADE,
        PRIMARY KEY (channel_id, alert_id)
    ) WITHOUT ROWID;
    INSERT OR IGNORE INTO channel_alerts(channel_id, alert_id)
        SELECT c.channel_id, a.id FROM channel_stories c JOIN alerts a ON a.story_id = c.story_id;
    DROP TABLE channel_stories;
    """,
    # an entity's names per language, offices with tenures and related entities (the watchlist JSON's
    # `names`, `offices` and `related`, as one object)
    """
    ALTER TABLE entities ADD COLUMN details TEXT NOT NULL DEFAULT '{}';
    """,
    # keyring entries belong to their data folder: a random scope names them, and the folder keeps the
    # list of what it stored; what sources and channels used before (one unscoped namespace) may be
    # taken over once, a channel's URL first (a source naming a channel's entry never gets it)
    """
    INSERT OR IGNORE INTO settings(key, value) VALUES ('keyring.scope', '"' || lower(hex(randomblob(16))) || '"');
    CREATE TABLE keyring_entries (
        kind TEXT NOT NULL,
        name TEXT NOT NULL,
        legacy INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (kind, name)
    ) WITHOUT ROWID;
    INSERT OR IGNORE INTO keyring_entries(kind, name, legacy) SELECT 'channel', name, 1 FROM channels;
    INSERT OR IGNORE INTO keyring_entries(kind, name, legacy)
        SELECT DISTINCT 'source', json_extract(options, '$.credential'), 1 FROM sources
        WHERE json_type(options, '$.credential') = 'text'
          AND json_extract(options, '$.credential') NOT IN (SELECT name FROM channels);
    """,
    # each source's own rhythm: when a fetch last brought something new, the floor its feed declares
    # (<ttl>, <sy:updatePeriod>), its WebSub hub; and every request's host and start, for the spacing
    # between requests to one host and the requests per hour shown in source health
    """
    ALTER TABLE sources ADD COLUMN last_new REAL;
    ALTER TABLE sources ADD COLUMN feed_floor_minutes INTEGER;
    ALTER TABLE sources ADD COLUMN hub TEXT;
    CREATE TABLE host_requests (
        host TEXT NOT NULL,
        at REAL NOT NULL
    );
    CREATE INDEX host_requests_at ON host_requests(host, at);
    """,
    # notes, flags and tags carry who set them (a team database names its roles; a desk leaves them empty)
    """
    ALTER TABLE alerts ADD COLUMN note_by TEXT;
    ALTER TABLE alerts ADD COLUMN flagged_by TEXT;
    ALTER TABLE alert_tags ADD COLUMN added_by TEXT;
    """,
    # the WebSub hub a feed announces (and its own address, the topic), seen when it was last fetched
    """
    CREATE TABLE websub_hubs (
        source_id INTEGER NOT NULL PRIMARY KEY REFERENCES sources(id) ON DELETE CASCADE,
        hub TEXT NOT NULL,
        topic TEXT NOT NULL,
        seen REAL NOT NULL
    );
    """,
]

POSTGRESQL: dict[int, str] = {
    # excludes became per-occurrence: there is no older data to split on a fresh team database
    4: "ALTER TABLE entities ADD COLUMN veto TEXT NOT NULL DEFAULT '[]';",
    # keyring scope and entries: made as on a desk, with PostgreSQL's random and JSON functions
    11: """
    INSERT INTO settings(key, value) VALUES ('keyring.scope', '"' || md5(random()::text || clock_timestamp()::text)
        || '"') ON CONFLICT DO NOTHING;
    CREATE TABLE keyring_entries (
        kind TEXT NOT NULL,
        name TEXT NOT NULL,
        legacy BIGINT NOT NULL DEFAULT 0,
        PRIMARY KEY (kind, name)
    );
    """,
}

SCHEMA_VERSION = len(MIGRATIONS)
