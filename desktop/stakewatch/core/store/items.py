"""Item look-ups a source needs before it is fetched. Store's thread."""

from __future__ import annotations

from .database import Store


def known_guids(store: Store, source_id: int) -> frozenset[str]:
    """The GUIDs `source_id` has stored (a page source that follows PDFs reads only new ones)."""
    rows = store.conn.execute("SELECT guid FROM items WHERE source_id = ?", (source_id,))
    return frozenset(str(row[0]) for row in rows)
