"""Stories first in the inbox: one row per story, the same filters as alerts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from stakewatch.core.model import Entity, Source, Watchlist
from stakewatch.core.store import annotations as store_annotations
from stakewatch.core.store import inbox
from stakewatch.core.store.database import Store, to_epoch
from stakewatch.core.store.inbox import InboxQuery


def _stock(store: Store) -> None:
    store.apply_config([Watchlist("W", (Entity("Minoru Kiuchi", "official"), Entity("OpenAI", "company")))],
                       [Source("Wire", "feed", "https://example.org/wire")])
    ids = store.entity_ids()
    kiuchi, openai = ids[("W", "Minoru Kiuchi")], ids[("W", "OpenAI")]
    base = datetime(2025, 10, 1, tzinfo=UTC)
    with store.transaction() as conn:
        for n in range(30):
            when = to_epoch(base + timedelta(hours=n))
            story = conn.execute("INSERT INTO stories(title, tokens, published, created) VALUES (?, '[]', ?, ?)",
                                 (f"story {n}", when, when)).lastrowid
            for entity in (kiuchi, openai) if n % 3 == 0 else (kiuchi,):
                conn.execute(
                    "INSERT INTO alerts(entity_id, story_id, kind, title, url, published, found, matched, snippet) "
                    "VALUES (?, ?, 'coverage', ?, ?, ?, ?, '[]', ?)",
                    (entity, story, f"story {n} {'copyright' if n % 2 else 'budget'}",
                     f"https://example.org/{n}", when, when, "text"))


def test_story_page_folds_alerts_into_stories_newest_first(store: Store) -> None:
    _stock(store)
    total, rows = inbox.story_page(store, InboxQuery(), 0, 5)
    assert total == 30 and [r.title.split()[1] for r in rows] == ["29", "28", "27", "26", "25"]
    assert rows[2].entities == ("Minoru Kiuchi", "OpenAI")
    total, rest = inbox.story_page(store, InboxQuery(), 25, 10)
    assert len(rest) == 5 and rest[-1].title.startswith("story 0 ")


def test_story_page_filters_like_the_alert_list(store: Store) -> None:
    _stock(store)
    total, rows = inbox.story_page(store, InboxQuery(entity="OpenAI"), 0, 100)
    assert total == 10 and all(r.entities == ("OpenAI",) for r in rows)
    total, rows = inbox.story_page(store, InboxQuery(text="copyright"), 0, 3)
    assert total == 15 and [r.title.split()[1] for r in rows] == ["29", "27", "25"]
    alert_id = store.alerts()[0].id
    store_annotations.add_tags(store, [alert_id], ["Follow up"])
    assert [a.id for a in store.alerts(tags=["follow up"])] == [alert_id]
