"""Logs with secrets redacted, the diagnostics report, and retention of old items."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from conftest import run_cli
from stakewatch.core.matching.ingest import Validators, ingest
from stakewatch.core.matching.matcher import Matcher
from stakewatch.core.model import Entity, Item, Source, Watchlist
from stakewatch.core.platform.logs import redact, setup_logging
from stakewatch.core.store.database import Store

NOW = datetime.now(UTC)


def test_redaction_covers_headers_keys_and_urls():
    text = ("GET https://user:hunter2@example.org/feed?api_key=abc123&x=1 Authorization: Bearer tok-999 "
            "token=zzz password: p4ss")
    cleaned = redact(text, known=("p4ss",))
    for secret in ("hunter2", "abc123", "tok-999", "zzz", "p4ss"):
        assert secret not in cleaned
    assert "example.org/feed" in cleaned and "x=1" in cleaned


def test_log_file_rotates_and_redacts(data_dir: Path):
    path = setup_logging(data_dir)
    logger = logging.getLogger("stakewatch.test")
    logger.warning("fetching with Authorization: Bearer very-secret-token")
    for handler in logging.getLogger("stakewatch").handlers:
        handler.flush()
    text = path.read_text(encoding="utf-8")
    assert "very-secret-token" not in text and "Authorization: Bearer [secret]" in text
    handler = next(h for h in logging.getLogger("stakewatch").handlers if hasattr(h, "maxBytes"))
    assert handler.maxBytes == 1024 * 1024 and handler.backupCount == 5


@pytest.mark.sqlite_only  # a desk's own poll: a folder on a team database polls nothing itself
def test_poll_writes_the_log_and_diagnostics_report_it(world, data_dir: Path, store: Store):
    store.apply_config([], [Source("Gone", "feed", world.url("/gone"))])
    run_cli(data_dir, "poll", "--once")
    report = run_cli(data_dir, "diagnostics").out
    assert report.startswith("Stakewatch ") and "Settings:" in report and "fetch.deadline = 20" in report
    assert "Gone: failing, 1 failure(s), server answered 404 (Not Found)" in report
    assert "Gone failed (1 in a row): server answered 404 (Not Found)" in report  # from the log


def test_retention_prunes_old_items_but_keeps_alerts(store: Store):
    store.apply_config([Watchlist("W", (Entity("Sora 2", "product"),))], [Source("S", "feed", "https://e.org/s")])
    source = store.sources()[0]
    old = NOW - timedelta(days=400)
    ingest(store, source, [Item("old", "https://e.org/old", "Sora 2 long ago", published=old),
                           Item("plain", "https://e.org/plain", "nothing", published=old)],
           Matcher(store.watchlists()), store.entity_ids(), old, Validators(source.url, None, None), old)
    ingest(store, source, [Item("new", "https://e.org/new", "Sora 2 today", published=NOW)],
           Matcher(store.watchlists()), store.entity_ids(), NOW, Validators(source.url, None, None), NOW)
    assert store.prune_items(NOW - timedelta(days=180)) == 2
    assert store.count("items") == 1
    assert sorted(a.title for a in store.alerts()) == ["Sora 2 long ago", "Sora 2 today"]
    assert store.alerts()[-1].sources == ("S",)


def test_alerts_of_pruned_items_are_still_found_by_search(store: Store):
    from stakewatch.core.store import inbox
    from stakewatch.core.store.inbox import InboxQuery

    test_retention_prunes_old_items_but_keeps_alerts(store)
    assert [r.title for r in inbox.page(store, InboxQuery(text="long ago"), 0, 10)] == ["Sora 2 long ago"]
    assert [r.title for r in inbox.page(store, InboxQuery(text="today"), 0, 10)] == ["Sora 2 today"]
