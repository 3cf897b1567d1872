"""Every sanitize file of the shared corpus: no script, style or event handler reaches the
notification, the inbox or the briefing PDF."""

from __future__ import annotations

import re
import subprocess
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from conftest import CORPUS, corpus_missing
from stakewatch.core import Service
from stakewatch.core.delivery.policy import story_notification
from stakewatch.core.exchange.briefing import build_briefing
from stakewatch.core.matching.ingest import Validators, ingest
from stakewatch.core.matching.matcher import Match, Matcher
from stakewatch.core.model import Entity, Source, Watchlist
from stakewatch.core.sources import ParseError
from stakewatch.core.sources.feed import FeedKind
from stakewatch.core.store.database import Store

pytest.importorskip("PySide6")
pypdf = pytest.importorskip("pypdf")

if corpus_missing():
    pytest.skip(str(corpus_missing()), allow_module_level=True)

FILES = sorted((CORPUS / "wellformed" / "sanitize").glob("*.xml"))
HOSTILE = re.compile(r"<\s*/?\s*(script|style|iframe|object|embed|img|a\b|svg|link|meta)|\bon[a-z]+\s*=\s*['\"]"
                     r"|javascript:|vbscript:|expression\s*\(", re.IGNORECASE)
NOW = datetime.now(UTC)


class EverythingMatches(Matcher):
    """Matching is not under test here: every item becomes an alert."""

    def match(self, text: str, day: date | None = None) -> list[Match]:
        return [Match("Corpus", "Everything", ("a",), text[:300], ())]


def test_sanitize_corpus_never_reaches_notification_inbox_or_pdf(qtbot, store: Store, tmp_path: Path):
    from stakewatch.pdf.briefing import render_pdf
    from stakewatch.qt.inbox import InboxView

    assert len(FILES) > 100
    store.apply_config([Watchlist("Corpus", (Entity("Everything", "topic"),))],
                       [Source("Corpus", "feed", "http://127.0.0.1/corpus")])
    source = store.sources()[0]
    matcher = EverythingMatches([])
    for number, path in enumerate(FILES):
        try:
            items = FeedKind.parse(source, path.read_bytes(), "", f"http://127.0.0.1/{number}")
        except ParseError:
            continue
        items = [type(item)(f"{number}:{item.guid}", item.url, item.title, item.summary, item.content,
                            NOW - timedelta(minutes=number)) for item in items]
        ingest(store, source, items, matcher, store.entity_ids(), NOW, Validators(source.url, None, None), NOW)
    alerts = store.alerts()
    assert len(alerts) > 100
    for alert in alerts:
        note = story_notification([alert])
        assert not HOSTILE.search(note.title + note.body), (alert.title, note.body)
        assert note.url is None or note.url.startswith(("http://", "https://"))

    view = InboxView(Service(store), lambda url: None)
    qtbot.addWidget(view)
    while view.model.canFetchMore():
        view.model.fetchMore()
    for row in range(view.model.rowCount()):
        view.table.selectRow(row)
        shown = view.detail_title.text() + view.detail_meta.text() + view.detail_snippet.toPlainText()
        assert not HOSTILE.search(shown), shown[:300]

    pdf = tmp_path / "corpus.pdf"
    render_pdf(build_briefing(store, NOW - timedelta(days=7), NOW + timedelta(minutes=1)), pdf)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert not HOSTILE.search(text)
    for page in pypdf.PdfReader(str(pdf)).pages:
        for annotation in page.get("/Annots") or []:
            uri = str((annotation.get_object().get("/A") or {}).get("/URI", ""))
            assert uri.startswith(("http://", "https://")), uri
