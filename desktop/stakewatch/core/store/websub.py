"""The SQL of WebSub hubs: which feed announced which hub and topic (kept by ingest as the feed is
read), for the team's poller to subscribe to. Runs on the thread that owns the Store."""

from __future__ import annotations

from typing import Any

from .database import Store


def remember_hub(conn: Any, source_id: int, hub: tuple[str, str], seen: float) -> None:
    """Inside ingest's transaction: the feed announced `hub` (hub address, topic) when read at `seen`."""
    conn.execute("INSERT OR REPLACE INTO websub_hubs(source_id, hub, topic, seen) VALUES (?, ?, ?, ?)",
                 (source_id, hub[0], hub[1], seen))


def hubs(store: Store) -> list[tuple[int, str, str, str]]:
    """(source id, source name, hub, topic) of every enabled feed that announced a hub."""
    return [(int(r[0]), str(r[1]), str(r[2]), str(r[3])) for r in store.conn.execute(
        "SELECT s.id, s.name, h.hub, h.topic FROM websub_hubs h JOIN sources s ON s.id = h.source_id "
        "WHERE s.enabled <> 0 ORDER BY s.id")]
