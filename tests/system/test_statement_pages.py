"""Statement pages end to end with the real CLI on loopback: archive, edit, removal, full text."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from pageworld import MINISTER_PARAGRAPHS, Chrome, agency_press_page, newsroom_page

from conftest import run_cli
from feedworld import Route, WorldServer, rss

HTML = "text/html; charset=utf-8"
EDITED = (MINISTER_PARAGRAPHS[0],
          MINISTER_PARAGRAPHS[1],
          "事業者に対しては、権利者からの申出に対応する仕組みを検討するよう、口頭で伝えました。")


def _config(tmp_path: Path, world: WorldServer, full_text: bool = False) -> Path:
    path = tmp_path / "watchlist.json"
    path.write_text(json.dumps({
        "version": 1,
        "watchlists": [{"name": "Japan AI & IP", "entities": [
            {"name": "Masaaki Taira", "kind": "official", "aliases": ["平将明", "平デジタル大臣", "Taira"],
             "context": ["minister", "digital", "大臣"]}]}],
        "sources": [
            {"name": "Digital Agency news", "kind": "feed", "url": world.url("/agency.rss"),
             "official_for": ["Masaaki Taira"]},
            {"name": "Wire headlines", "kind": "feed", "url": world.url("/wire.rss"), "full_text": full_text},
        ]}, ensure_ascii=False), encoding="utf-8")
    return path


def _alerts(data_dir: Path) -> list[dict[str, object]]:
    result = run_cli(data_dir, "alerts", "--json")
    assert result.code == 0, result.err
    alerts: list[dict[str, object]] = json.loads(result.out)
    return alerts


def test_archive_edit_and_removal_of_a_statement(tmp_path: Path, data_dir: Path, world: WorldServer):
    world.routes["/agency.rss"] = Route(rss([{
        "title": "平デジタル大臣記者会見(令和7年10月7日)", "link": world.url("/speech/minister-251007-01"),
        "guid": "speech-251007"}]))
    world.routes["/speech/minister-251007-01"] = Route(agency_press_page().encode(), content_type=HTML)
    world.routes["/wire.rss"] = Route(rss([]))
    assert run_cli(data_dir, "import", str(_config(tmp_path, world))).code == 0

    polled = run_cli(data_dir, "poll", "--once")
    assert polled.code == 0, polled.err
    [alert] = _alerts(data_dir)
    assert alert["kind"] == "statement"
    page = alert["page"]
    assert isinstance(page, dict) and page["status"] == "archived"
    assert re.fullmatch(r"[0-9a-f]{64}", str(page["sha256"])) and page["checked"]

    shown = run_cli(data_dir, "snapshot", str(alert["id"]))
    assert shown.code == 0, shown.err
    for sentence in MINISTER_PARAGRAPHS:
        assert sentence in shown.out
    for chrome in ("本文へ移動", "グローバルナビゲーション", "サイト内検索", "よく見られているページ", "閲覧数",
                   "プライバシーポリシー", "Digital Agency, Government of Japan", "ホーム", "Facebook"):
        assert chrome not in shown.out

    saved = tmp_path / "page.html"
    assert run_cli(data_dir, "snapshot", str(alert["id"]), "--html", str(saved)).code == 0
    evidence = saved.read_text(encoding="utf-8")
    assert all(sentence in evidence for sentence in MINISTER_PARAGRAPHS)
    assert "Content-Security-Policy" in evidence and "Evidence copy kept by Stakewatch" in evidence

    # the chrome changes (date stamp, counter, menus): not an edit
    world.routes["/speech/minister-251007-01"] = Route(agency_press_page(chrome=Chrome(
        updated="2025年10月8日", views=98765, menu=("政策", "お知らせ"), ranking=("別のページ",))).encode(),
        content_type=HTML)
    assert run_cli(data_dir, "poll", "--once", "--force").code == 0
    assert _alerts(data_dir)[0]["page"]["status"] == "archived"  # type: ignore[index]

    world.routes["/speech/minister-251007-01"] = Route(agency_press_page(paragraphs=EDITED).encode(),
                                                       content_type=HTML)
    polled = run_cli(data_dir, "poll", "--once", "--force")
    assert "1 edited" in polled.out
    page = _alerts(data_dir)[0]["page"]
    assert isinstance(page, dict) and page["status"] == "edited"
    diff = run_cli(data_dir, "snapshot", str(alert["id"]), "--diff")
    assert diff.code == 0
    assert "- " + MINISTER_PARAGRAPHS[2] in diff.out.splitlines()
    assert "+ " + EDITED[2] in diff.out.splitlines()
    assert "[-速やかに-]" in diff.out and "{+口頭+}" in diff.out
    assert "\x1b[" not in diff.out

    world.routes["/speech/minister-251007-01"] = Route(b"Gone", status=410, content_type="text/plain")
    polled = run_cli(data_dir, "poll", "--once", "--force")
    assert "1 removed" in polled.out
    page = _alerts(data_dir)[0]["page"]
    assert isinstance(page, dict) and page["status"] == "removed"
    shown = run_cli(data_dir, "snapshot", str(alert["id"]))
    assert shown.code == 0 and EDITED[2] in shown.out
    first = run_cli(data_dir, "snapshot", str(alert["id"]), "--first")
    assert MINISTER_PARAGRAPHS[2] in first.out

    pdf = tmp_path / "briefing.pdf"
    # in a child process: a QGuiApplication left in this one would stop later widget tests
    briefed = subprocess.run([sys.executable, "-m", "stakewatch", "--data-dir", str(data_dir), "briefing", "--since",
                              "7d", "-o", str(pdf)], capture_output=True, text=True, timeout=120,
                             env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert briefed.returncode == 0, briefed.stderr
    text = " ".join(subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                                   check=True, timeout=60).stdout.split())
    assert "Removed from the source; archived text below" in text
    assert "Archived text:" in text and "平デジタル大臣記者会見要旨" in text


def test_title_only_feed_with_full_text_alerts_on_a_name_only_on_the_page(tmp_path: Path, data_dir: Path,
                                                                          world: WorldServer):
    world.routes["/agency.rss"] = Route(rss([]))
    world.routes["/wire.rss"] = Route(rss([
        {"title": "Japan asks AI video app maker to respect anime copyrights", "link": world.url("/a/8841")},
        {"title": "Chip exports climb for a third month", "link": world.url("/a/8842")}]))
    world.routes["/a/8841"] = Route(newsroom_page().encode(), content_type=HTML)
    world.routes["/a/8842"] = Route(newsroom_page(paragraphs=("Exports of chips rose again in September.",
                                                              "Officials expect the trend to continue.")).encode(),
                                    content_type=HTML)
    assert run_cli(data_dir, "import", str(_config(tmp_path, world, full_text=False))).code == 0
    assert run_cli(data_dir, "poll", "--once").code == 0
    assert _alerts(data_dir) == []
    assert world.hits["/a/8841"] == 0

    world.routes["/wire.rss"] = Route(rss([
        {"title": "Japan asks AI app maker to respect copyrights, minister says", "link": world.url("/a/8851")}]))
    world.routes["/a/8851"] = Route(newsroom_page().encode(), content_type=HTML)
    assert run_cli(data_dir, "import", str(_config(tmp_path, world, full_text=True))).code == 0
    assert run_cli(data_dir, "poll", "--once").code == 0
    [alert] = _alerts(data_dir)
    assert alert["entity"] == "Masaaki Taira" and alert["kind"] == "coverage"
    assert world.hits["/a/8851"] == 1
    assert alert["page"] is None  # coverage is archived only when the setting says so
    assert world.hits["/a/8841"] == 0  # old items do not fetch their pages


def test_snapshot_bad_input(data_dir: Path):
    missing = run_cli(data_dir, "snapshot", "999")
    assert missing.code == 1 and "999" in missing.err
    wrong = run_cli(data_dir, "snapshot", "abc")
    assert wrong.code == 2


def test_an_edit_raises_one_quiet_notification_that_opens_the_page(notification_server, tmp_path: Path,
                                                                   data_dir: Path, world: WorldServer):
    world.routes["/agency.rss"] = Route(rss([{"title": "平デジタル大臣記者会見", "link": world.url("/speech/2")}]))
    world.routes["/speech/2"] = Route(agency_press_page().encode(), content_type=HTML)
    world.routes["/wire.rss"] = Route(rss([]))
    assert run_cli(data_dir, "import", str(_config(tmp_path, world))).code == 0
    first = run_cli(data_dir, "poll", "--once", "--notify")
    assert "Notifications shown: 1 (through freedesktop)" in first.out, first.out + first.err
    world.routes["/speech/2"] = Route(agency_press_page(paragraphs=EDITED).encode(), content_type=HTML)
    edited = run_cli(data_dir, "poll", "--once", "--force", "--notify")
    assert "Notifications shown: 1" in edited.out
    calls = notification_server.wait_for_calls(2)
    assert calls[1]["summary"] == "Statement edited: Masaaki Taira"
    assert calls[1]["hints"]["urgency"] == 0 and "open" in calls[1]["actions"]
    again = run_cli(data_dir, "poll", "--once", "--force", "--notify")
    assert "Notifications shown: 0" in again.out
