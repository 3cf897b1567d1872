"""Stories first, notes, tags and flags, and the exports an office uses, through the real CLI."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import xml.etree.ElementTree as ET
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from conftest import run_cli
from feedworld import Route, WorldServer, rss

ENTITIES = [
    {"name": "Minoru Kiuchi", "kind": "official", "aliases": ["城内実"]},
    {"name": "Masaaki Taira", "kind": "official", "aliases": ["平将明"]},
    {"name": "Akihisa Shiozaki", "kind": "official", "aliases": ["塩崎彰久"]},
    {"name": "OpenAI", "kind": "company"},
    {"name": "Sora 2", "kind": "product"},
]


@pytest.fixture
def polled(world: WorldServer, tmp_path: Path, data_dir: Path) -> Path:
    world.routes["/wire.rss"] = Route(rss([
        {"title": "政府、OpenAIに「Sora 2」の著作権配慮を要請　城内実担当相と平将明デジタル相が言及",
         "link": world.url("/wire/2025/10/sora2-request"),
         "description": "自民党の塩崎彰久衆院議員も懸念を示した。OpenAIは対応を検討している。",
         "pubDate": "Fri, 10 Oct 2025 05:30:00 GMT"},
        {"title": "OpenAI opens Tokyo office", "link": world.url("/wire/2025/10/openai-tokyo"),
         "description": "The company expands in Japan.", "pubDate": "Thu, 09 Oct 2025 02:00:00 GMT"},
        {"title": "Weather: typhoon approaches Okinawa", "link": world.url("/wire/2025/10/weather"),
         "pubDate": "Thu, 09 Oct 2025 01:00:00 GMT"},
    ]))
    world.routes["/digital.rss"] = Route(rss([
        {"title": "平将明デジタル大臣記者会見（令和7年10月10日）",
         "link": world.url("/digital/press/20251010"),
         "description": "生成AIと著作権について、OpenAIとの対話を続けると述べた。",
         "pubDate": "Fri, 10 Oct 2025 07:00:00 GMT"},
    ]))
    config = tmp_path / "world.json"
    config.write_text(json.dumps({
        "version": 1,
        "watchlists": [{"name": "Japan AI & IP", "entities": ENTITIES}],
        "sources": [{"name": "Wire", "kind": "feed", "url": world.url("/wire.rss")},
                    {"name": "Digital Agency", "kind": "feed", "url": world.url("/digital.rss"),
                     "official_for": ["Masaaki Taira"]}]}, ensure_ascii=False), encoding="utf-8")
    assert run_cli(data_dir, "import", str(config)).code == 0
    assert run_cli(data_dir, "poll", "--once").code == 0
    return data_dir


def _json(data_dir: Path, *args: str) -> list[dict[str, object]]:
    result = run_cli(data_dir, *args, "--json")
    assert result.code == 0, result.err
    return json.loads(result.out)


def test_stories_are_the_stories_of_the_alerts_with_the_same_entities(polled: Path) -> None:
    alerts = _json(polled, "alerts")
    stories = _json(polled, "stories")
    by_story: dict[int, set[str]] = {}
    for alert in alerts:
        by_story.setdefault(int(alert["story"]), set()).add(str(alert["entity"]))
    assert {int(s["story"]) for s in stories} == set(by_story)
    for story in stories:
        assert set(story["entities"]) == by_story[int(story["story"])]  # type: ignore[arg-type]
        assert set(story["kinds"]) == set(story["entities"])  # type: ignore[arg-type]
        for key in ("title", "url", "published", "sources"):
            assert story[key]
    wire = next(s for s in stories if "Sora 2" in s["entities"])  # type: ignore[operator]
    assert set(wire["entities"]) == {e["name"] for e in ENTITIES}  # type: ignore[arg-type]
    assert wire["kinds"] == {e["name"]: "coverage" for e in ENTITIES}
    press = next(s for s in stories if s["title"].startswith("平将明デジタル大臣記者会見"))  # type: ignore[union-attr]
    assert press["kinds"]["Masaaki Taira"] == "statement"  # type: ignore[index]
    assert press["kinds"]["OpenAI"] == "coverage"  # type: ignore[index]
    assert len(stories) == 3 and len(alerts) == 5 + 2 + 1


def test_stories_table_is_one_line_per_story(polled: Path) -> None:
    result = run_cli(polled, "stories")
    assert result.code == 0
    body = [line for line in result.out.splitlines()[1:] if line.strip()]
    assert len(body) == 3
    assert any("Masaaki Taira*" in line for line in body)


def test_note_tag_flag_reach_json_csv_and_the_briefing(polled: Path, tmp_path: Path) -> None:
    alerts = _json(polled, "alerts")
    target = next(a for a in alerts if a["entity"] == "Minoru Kiuchi")
    alert_id = str(target["id"])
    assert run_cli(polled, "note", alert_id, "大臣の発言を要確認", "(check", "the", "minutes)").code == 0
    assert run_cli(polled, "tag", alert_id, "Copyright", "sora").code == 0
    assert run_cli(polled, "flag", alert_id).code == 0
    again = {a["id"]: a for a in _json(polled, "alerts")}[target["id"]]
    assert again["note"] == "大臣の発言を要確認 (check the minutes)"
    assert again["tags"] == ["copyright", "sora"] and again["flagged"] is True
    assert [a["id"] for a in _json(polled, "alerts", "--tag", "SORA")] == [target["id"]]
    marked = [line for line in run_cli(polled, "alerts").out.splitlines() if "\u2691 \u270e " in line]
    assert len(marked) == 1 and str(target["title"])[:10] in marked[0]
    both = run_cli(polled, "alerts", "--json", "-o", str(tmp_path / "x.csv"))
    assert both.code == 1 and "choose one" in both.err

    out = tmp_path / "alerts.csv"
    result = run_cli(polled, "alerts", "--since", "3650d", "--format", "csv", "-o", str(out))
    assert result.code == 0, result.err
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    header, data = rows[0], rows[1:]
    assert len(data) == len(alerts)
    link = header.index("Link")
    assert all(r[link].startswith("http://127.0.0.1:") for r in data)
    titles = {r[header.index("Title")] for r in data}
    assert "平将明デジタル大臣記者会見（令和7年10月10日）" in titles
    noted = [r for r in data if r[header.index("Alert")] == alert_id]
    assert noted[0][header.index("Note")] == "大臣の発言を要確認 (check the minutes)"
    assert noted[0][header.index("Flagged")]

    pdf = tmp_path / "brief.pdf"
    result = run_cli(polled, "briefing", "--since", "3650d", "-o", str(pdf))
    assert result.code == 0, result.err
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          timeout=60, check=True).stdout
    assert "Flagged" in text and "大臣の発言を要確認" in text
    assert text.index("Flagged") < text.index("Summary") or text.index("Flagged") < text.index("Statements")

    assert run_cli(polled, "flag", alert_id, "--off").code == 0
    assert run_cli(polled, "note", alert_id).code == 0
    cleared = {a["id"]: a for a in _json(polled, "alerts")}[target["id"]]
    assert cleared["flagged"] is False and cleared["note"] == ""


def test_xlsx_has_one_data_row_per_alert(polled: Path, tmp_path: Path) -> None:
    alerts = _json(polled, "alerts")
    out = tmp_path / "alerts.xlsx"
    result = run_cli(polled, "alerts", "--since", "3650d", "-o", str(out))
    assert result.code == 0, result.err
    with zipfile.ZipFile(out) as book:
        assert 'formatCode="yyyy-mm-dd&quot;T&quot;hh:mm:ss&quot;Z&quot;"' in book.read("xl/styles.xml").decode()
        raw = book.read("xl/worksheets/sheet1.xml")
        sheet = ET.fromstring(raw)
        strings = raw.decode("utf-8") + "".join(
            book.read(name).decode("utf-8") for name in book.namelist() if name.endswith("sharedStrings.xml"))
    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    rows = sheet.findall(".//m:sheetData/m:row", ns)
    assert len(rows) == 1 + len(alerts)
    assert sheet.find(".//m:pane", ns) is not None
    assert len(sheet.findall(".//m:hyperlinks/m:hyperlink", ns)) == len(alerts)
    assert "城内実" in strings
    published = {a["id"]: datetime.fromisoformat(a["published"]) for a in alerts}
    for row in rows[1:]:
        cells = {c.get("r", "").rstrip("0123456789"): c for c in row.findall("m:c", ns)}
        utc_serial, local_serial, alert_id = (float(cells[col].findtext("m:v", "", ns)) for col in ("A", "B", "M"))
        when = published[int(alert_id)]
        assert utc_serial == pytest.approx((when - datetime(1899, 12, 30, tzinfo=UTC)).total_seconds() / 86_400)
        offset = when.astimezone().utcoffset() or timedelta(0)
        assert (local_serial - utc_serial) * 86_400 == pytest.approx(offset.total_seconds(), abs=0.01)


def test_bad_annotations_change_nothing(polled: Path) -> None:
    result = run_cli(polled, "note", "999999", "text")
    assert result.code == 1 and "999999" in result.err
    result = run_cli(polled, "tag", str(_json(polled, "alerts")[0]["id"]), "  ")
    assert result.code == 1
    assert all(not a["tags"] for a in _json(polled, "alerts"))
    result = run_cli(polled, "alerts", "--format", "csv", "-o", "/nonexistent-folder/x.csv")
    assert result.code == 1 and "does not exist" in result.err


def test_each_watchlist_is_written_as_an_atom_feed(polled: Path) -> None:
    feed = polled / "feeds" / "Japan AI & IP.atom"
    root = ET.parse(feed).getroot()
    ns = {"a": "http://www.w3.org/2005/Atom"}
    entries = root.findall("a:entry", ns)
    assert len(entries) == 3
    links = {e.find("a:link", ns).get("href") for e in entries}  # type: ignore[union-attr]
    assert all(link.startswith("http://127.0.0.1:") for link in links)
    assert root.findtext("a:id", "", ns) == "urn:stakewatch:watchlist:Japan%20AI%20%26%20IP"
    assert root.findtext("a:author/a:name", "", ns) == "Stakewatch"
    assert root.find("a:link[@rel='self']", ns).get("href") == feed.resolve().as_uri()  # type: ignore[union-attr]
    import feedparser

    parsed = feedparser.parse(feed.read_bytes())
    assert not parsed.bozo and len(parsed.entries) == 3
    names = ("Minoru Kiuchi", "OpenAI", "Sora 2", "Masaaki Taira")
    assert all(e.summary.startswith(tuple(f"{name}:" for name in names)) for e in parsed.entries)
    assert run_cli(polled, "settings", "export.atom_feeds", "off").code == 0
    feed.unlink()
    assert run_cli(polled, "poll", "--once", "--force").code == 0
    assert not feed.exists()


def test_what_a_user_mistypes_is_refused_in_words(polled: Path, tmp_path: Path) -> None:
    clash = run_cli(polled, "alerts", "--format", "xlsx", "-o", str(tmp_path / "file.csv"))
    assert clash.code == 1 and "file.csv ends in .csv, but xlsx was asked for" in clash.err
    assert not (tmp_path / "file.csv").exists()
    for limit in ("0", "-3", "abc"):
        refused = run_cli(polled, "stories", "--limit", limit)
        assert refused.code == 2 and "is not a whole number (1 or more)" in refused.err, limit
    blank = run_cli(polled, "alerts", "--tag", "   ")
    assert blank.code == 1 and "a tag needs at least one letter or digit" in blank.err
    missing = run_cli(polled, "note", "999999", "text")
    assert missing.code == 1 and missing.err.startswith("stakewatch: notes and tags: there is no alert 999999")


def test_tags_split_at_commas_and_removing_an_absent_tag_says_so(polled: Path) -> None:
    first = _json(polled, "alerts")[0]["id"]
    assert run_cli(polled, "tag", str(first), "Sora,要確認、urgent").code == 0
    tagged = next(a for a in _json(polled, "alerts") if a["id"] == first)
    assert tagged["tags"] == ["sora", "urgent", "要確認"]
    absent = run_cli(polled, "tag", str(first), "--remove", "nosuch")
    assert absent.code == 0 and "None of that alert had nosuch; nothing changed." in absent.out
    removed = run_cli(polled, "tag", str(first), "--remove", "urgent")
    assert "Removed urgent from 1 alert." in removed.out
    assert [a["id"] for a in _json(polled, "alerts", "--tag", "sora,要確認")] == [first]


def test_command_help_speaks_the_users_language(polled: Path) -> None:
    import os
    import sys

    env = {**{k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES")},
           "LANG": "ja_JP.UTF-8"}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "stakewatch", "--data-dir", str(polled), *args],
                              capture_output=True, text=True, timeout=60, env=env)

    alerts, stories, wrong = run("alerts", "--help"), run("stories", "--help"), run("stories", "--since", "garbage")
    assert "新しい順に N 件だけ" in alerts.stdout and "このタグの付いたアラートだけ" in alerts.stdout
    assert "最大 N 件のストーリー" in stories.stdout
    assert "'garbage' は 7d・12h・30m・2w のような期間でも" in wrong.stderr
