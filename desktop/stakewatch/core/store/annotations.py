"""What analysts add to alerts: a note, tags and a flag for the briefing.

Functions take a Store owned by the calling thread and write in one transaction;
an alert id that does not exist is refused with a UserError and nothing changes.
A story's annotations are those of its alerts: `story_alert_ids` turns a story
into the alerts to annotate.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..i18n import translate
from ..model import UserError
from ..text import plain
from .alerts import normalise_tag
from .database import Store

TITLE = translate("Annotations", "Notes and tags")
NO_ALERT = translate("Annotations", "there is no alert {id} (see stakewatch alerts for the ids)")
NO_STORY = translate("Annotations", "there is no story {id} (see stakewatch stories for the ids)")
BAD_TAG = translate("Annotations", "a tag needs at least one letter or digit: {tag!r}")
NOTE_LIMIT = 10_000
TAG_SEPARATORS = re.compile("[,\uff0c\u3001]")
TAG_LIMIT = 60


def _check(store: Store, alert_ids: Sequence[int]) -> list[int]:
    ids = list(dict.fromkeys(int(i) for i in alert_ids))
    for alert_id in ids:
        if store.conn.execute("SELECT 1 FROM alerts WHERE id = ?", (alert_id,)).fetchone() is None:
            raise UserError(TITLE, NO_ALERT(id=alert_id))
    return ids


def story_alert_ids(store: Store, story_id: int) -> list[int]:
    """The alerts of one story. Raises UserError when it has none."""
    ids = [int(r[0]) for r in store.conn.execute("SELECT id FROM alerts WHERE story_id = ? ORDER BY id",
                                                 (story_id,))]
    if not ids:
        raise UserError(TITLE, NO_STORY(id=story_id))
    return ids


def set_note(store: Store, alert_ids: Sequence[int], note: str) -> None:
    """Replace the note of each alert ('' clears it); control characters are dropped."""
    ids = _check(store, alert_ids)
    text = "\n".join(plain(line, NOTE_LIMIT) for line in note.splitlines()).strip()[:NOTE_LIMIT]
    with store.transaction() as conn:
        conn.executemany("UPDATE alerts SET note = ?, note_by = ? WHERE id = ?",
                         [(text, store.user if text else None, i) for i in ids])


def clean_tags(tags: Sequence[str]) -> list[str]:
    """Tags as stored: split at commas, spaces collapsed, case folded, duplicates dropped.
    Raises UserError on an empty one."""
    cleaned: list[str] = []
    for given in tags:
        for tag in TAG_SEPARATORS.split(given) if TAG_SEPARATORS.search(given) else [given]:
            value = normalise_tag(plain(tag, TAG_LIMIT))
            if not any(c.isalnum() for c in value):
                raise UserError(TITLE, BAD_TAG(tag=given))
            if value not in cleaned:
                cleaned.append(value)
    return cleaned


def add_tags(store: Store, alert_ids: Sequence[int], tags: Sequence[str]) -> list[str]:
    """Add tags to each alert; the tags as stored."""
    ids = _check(store, alert_ids)
    cleaned = clean_tags(tags)
    with store.transaction() as conn:
        conn.executemany("INSERT OR IGNORE INTO alert_tags(alert_id, tag, added_by) VALUES (?, ?, ?)",
                         [(i, t, store.user) for i in ids for t in cleaned])
    return cleaned


def remove_tags(store: Store, alert_ids: Sequence[int], tags: Sequence[str]) -> list[str]:
    """Take tags off each alert; those that were on at least one of them."""
    ids = _check(store, alert_ids)
    removed = []
    with store.transaction() as conn:
        for tag in clean_tags(tags):
            deleted = sum(conn.execute("DELETE FROM alert_tags WHERE alert_id = ? AND tag = ?", (i, tag)).rowcount
                          for i in ids)
            if deleted:
                removed.append(tag)
    return removed


def set_flag(store: Store, alert_ids: Sequence[int], flagged: bool = True) -> None:
    """Flag (or unflag) alerts for the briefing's Flagged section."""
    ids = _check(store, alert_ids)
    with store.transaction() as conn:
        conn.executemany("UPDATE alerts SET flagged = ?, flagged_by = ? WHERE id = ?",
                         [(int(flagged), store.user if flagged else None, i) for i in ids])


def all_tags(store: Store) -> list[str]:
    """Every tag in use, for filters and completion."""
    return [r[0] for r in store.conn.execute("SELECT DISTINCT tag FROM alert_tags ORDER BY tag")]
