"""The export's own read: the same alerts as the inbox's read, under every filter, and what it writes."""

from __future__ import annotations

import csv
import gc
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from stakewatch.core.exchange.exports import export_alerts
from stakewatch.core.model import Alert, Entity, ExportRow, Source, Watchlist
from stakewatch.core.store import annotations as store_annotations
from stakewatch.core.store.database import ID_CHUNK, Store, to_epoch

BASE = datetime(2025, 10, 1, tzinfo=UTC)


def _stock(store: Store, stories: int = 40) -> None:
    """Stories of one or two entities in two watchlists, some reached through two sources, in order."""
    store.apply_config([Watchlist("Japan", (Entity("城内実", "official"),)),
                        Watchlist("AI", (Entity("OpenAI", "company"),))],
                       [Source("Wire", "feed", "https://example.org/wire"),
                        Source("Kantei", "feed", "https://example.org/kantei")])
    ids = store.entity_ids()
    official, company = ids[("Japan", "城内実")], ids[("AI", "OpenAI")]
    wire, kantei = (s.id for s in store.sources())
    with store.transaction() as conn:
        for n in range(stories):
            when = to_epoch(BASE + timedelta(hours=n))
            story = conn.execute("INSERT INTO stories(title, tokens, published, created) VALUES (?, '[]', ?, ?)",
                                 (f"story {n}", when, when)).lastrowid
            for entity in (official, company) if n % 3 == 0 else (official,):
                matched = '["城内", "大臣"]' if entity == official else '["OpenAI"]'
                alert = conn.execute(
                    "INSERT INTO alerts(entity_id, story_id, kind, title, url, published, found, matched, snippet) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, '')",
                    (entity, story, "statement" if n % 4 == 0 else "coverage", f"城内大臣が発言 {n}",
                     f"https://example.org/{n}", when, when, matched),
                ).lastrowid
                for order, source in enumerate((kantei, wire) if n % 2 else (wire,)):
                    conn.execute("INSERT INTO alert_sources(alert_id, source_id, added) VALUES (?, ?, ?)",
                                 (alert, source, when + order))


def _as_row(alert: Alert) -> ExportRow:
    return ExportRow(alert.id, alert.published.timestamp(), alert.kind, alert.entity, alert.watchlist, alert.title,
                     alert.url, "; ".join(alert.sources), "; ".join(alert.matched), ", ".join(alert.tags), alert.note,
                     int(alert.flagged))


@pytest.fixture
def stocked(store: Store) -> Store:
    _stock(store)
    ids = [a.id for a in store.alerts()]
    store_annotations.add_tags(store, ids[::5], ["Briefing", "sora"])
    store_annotations.set_note(store, ids[:3], "ask the ministry")
    store_annotations.set_flag(store, ids[:4])
    return store


@pytest.mark.parametrize("filters", [
    {},
    {"since": BASE + timedelta(hours=30)},
    {"watchlist": "AI"},
    {"limit": 7},
    {"tags": ["briefing"]},
    {"tags": ["Briefing", "SORA"], "flagged_only": True},
    {"flagged_only": True},
])
def test_export_rows_are_the_alerts_under_every_filter(stocked: Store, filters: dict[str, object]) -> None:
    expected = [_as_row(a) for a in stocked.alerts(**filters)]  # type: ignore[arg-type]
    assert expected, filters
    assert list(stocked.iter_export_rows(**filters)) == expected  # type: ignore[arg-type]


def test_export_rows_keep_the_first_source_first_and_tags_sorted(stocked: Store) -> None:
    rows = {r.title: r for r in stocked.iter_export_rows()}
    assert rows["城内大臣が発言 1"].sources == "Kantei; Wire"
    assert rows["城内大臣が発言 2"].sources == "Wire"
    assert rows["城内大臣が発言 2"].matched == "城内; 大臣"
    assert {r.tags for r in rows.values()} == {"", "briefing, sora"}


def test_export_rows_by_id_past_the_parameter_limit(store: Store) -> None:
    _stock(store, stories=ID_CHUNK + 50)
    every = [a.id for a in store.alerts()]
    chosen = every[::-1]
    rows = list(store.iter_export_rows(ids=chosen))
    assert [r.id for r in rows] == every
    assert [r.id for r in store.iter_export_rows(ids=chosen, limit=10)] == every[:10]


def test_csv_and_xlsx_carry_the_same_rows(stocked: Store, tmp_path: Path) -> None:
    rows = list(stocked.iter_export_rows())
    assert export_alerts(rows, tmp_path / "a.csv") == len(rows)
    assert export_alerts(rows, tmp_path / "a.xlsx") == len(rows)
    assert gc.isenabled()
    table = list(csv.DictReader((tmp_path / "a.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert [int(r["Alert"]) for r in table] == [r.id for r in rows]
    first = table[0]
    assert first["Title"] == rows[0].title and first["Link"] == rows[0].url
    assert first["Sources"] == rows[0].sources and first["Matched words"] == rows[0].matched
    assert first["Published (UTC, ISO 8601)"] == datetime.fromtimestamp(rows[0].published, UTC).isoformat()
    noted = next(r for r in table if r["Note"])
    assert noted["Note"] == "ask the ministry" and noted["Flagged"]
    with zipfile.ZipFile(tmp_path / "a.xlsx") as book:
        sheet = book.read("xl/worksheets/sheet1.xml").decode("utf-8")
    assert sheet.count("<row ") == len(rows) + 1


@pytest.mark.parametrize("name", ["a.csv", "a.xlsx"])
def test_a_failed_export_leaves_the_earlier_file(stocked: Store, tmp_path: Path, name: str) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / name
    target.write_text("earlier", encoding="utf-8")

    def broken() -> object:
        yield from list(stocked.iter_export_rows())[:3]
        raise RuntimeError("the read failed")

    with pytest.raises(RuntimeError):
        export_alerts(broken(), target)  # type: ignore[arg-type]
    assert target.read_text(encoding="utf-8") == "earlier"
    assert [p.name for p in folder.iterdir()] == [name]


def test_a_flagged_story_is_one_briefing_entry_with_every_entity_note_and_tag(stocked: Store) -> None:
    from stakewatch.core.exchange.briefing import build_briefing

    story_alerts = [a.id for a in stocked.alerts() if a.title == "城内大臣が発言 0"]
    assert len(story_alerts) == 2
    store_annotations.set_flag(stocked, story_alerts)
    store_annotations.set_note(stocked, story_alerts[:1], "確認済み")
    store_annotations.add_tags(stocked, story_alerts[1:], ["sora"])
    briefing = build_briefing(stocked, BASE - timedelta(days=1), BASE + timedelta(days=3), zone=UTC)
    entry = next(e for e in briefing.flagged if e.title == "城内大臣が発言 0")
    assert sum(e.title == "城内大臣が発言 0" for e in briefing.flagged) == 1
    assert entry.entity == "城内実, OpenAI" and entry.kind == "statement"
    assert entry.note == "確認済み" and "sora" in entry.tags


@pytest.mark.parametrize(("snippet", "title", "shown"), [
    ("城内大臣、懸念を表明 城内大臣、懸念を表明 日本経済新聞", "城内大臣、懸念を表明", ""),
    ("Minister speaks - Kyodo", "Minister speaks", ""),
    ("Minister speaks. He said the rules would change in spring.", "Minister speaks",
     "He said the rules would change in spring."),
    ("The rules change in spring, the minister said.", "Minister speaks",
     "The rules change in spring, the minister said."),
])
def test_briefing_snippets_do_not_repeat_the_title(snippet: str, title: str, shown: str) -> None:
    from stakewatch.core.exchange.briefing import beyond_title

    assert beyond_title(snippet, title) == shown


def test_an_atom_entry_without_a_safe_link_still_has_content_in_the_users_language() -> None:
    import xml.etree.ElementTree as ET

    from stakewatch.core.exchange.atom import atom_document
    from stakewatch.core.i18n import use_language

    alert = Alert(id=1, entity="城内実", watchlist="Japan", kind="statement", title="城内大臣の発言",
                  url="javascript:alert(1)", source="Kantei", sources=("Kantei",), published=BASE, found=BASE,
                  matched=("城内",), snippet="", story=7)
    with use_language("ja"):
        root = ET.fromstring(atom_document("Japan", [alert], BASE))
    ns = {"a": "http://www.w3.org/2005/Atom"}
    entry = root.find("a:entry", ns)
    assert entry is not None and entry.find("a:link", ns) is None
    assert entry.findtext("a:content", "", ns).startswith("城内大臣の発言\n城内実: 発言")
    assert entry.findtext("a:summary", "", ns).endswith("情報源: Kantei")
