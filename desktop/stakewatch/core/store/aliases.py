"""The stored text alias suggestions are counted against. Store's thread."""

from __future__ import annotations

from .database import Store

RECENT_ITEMS = 20_000
CONTENT_CHARS = 4_000


def recent_texts(store: Store, limit: int = RECENT_ITEMS) -> list[str]:
    """Title, summary and the start of the content of the newest `limit` stored items, one text each."""
    rows = store.conn.execute(
        "SELECT title, summary, substr(content, 1, ?) FROM items ORDER BY fetched DESC, id DESC LIMIT ?",
        (CONTENT_CHARS, limit))
    return ["\n".join(part for part in row if part) for row in rows]
