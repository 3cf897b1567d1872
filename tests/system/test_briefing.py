"""The briefing PDF, read back with poppler and pypdf."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from feedworld import Route, WorldServer, rss

pytest.importorskip("PySide6")
pypdf = pytest.importorskip("pypdf")

NOW = datetime.now(UTC)


def rfc(hours: float) -> str:
    return (NOW - timedelta(hours=hours)).strftime("%a, %d %b %Y %H:%M:%S GMT")


def in_language(lang: str, env: dict[str, str] | None = None) -> dict[str, str]:
    env = {k: v for k, v in (env or os.environ).items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    return {**env, "LANG": lang}


def cli(data: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "stakewatch", "--data-dir", str(data), *args],
                          capture_output=True, text=True, timeout=120,
                          env=env if env is not None else in_language("en_US.UTF-8"))


def text_of(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout


def links_of(pdf: Path) -> list[str]:
    found = []
    for page in pypdf.PdfReader(str(pdf)).pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A") or {}
            if "/URI" in action:
                found.append(str(action["/URI"]))
    return found


@pytest.fixture
def stocked(world: WorldServer, tmp_path: Path) -> Path:
    """A data dir with alerts from loopback feeds, Japanese titles and planted bad links included."""
    world.routes["/cabinet.rss"] = Route(rss([
        {"title": "城内実大臣、Sora2について会見", "link": world.url("/kaiken"),
         "description": "知的財産戦略担当大臣の城内実大臣は会見で述べた", "pubDate": rfc(2)},
        {"title": "城内実大臣 javascript リンク", "link": "javascript:alert(1)",
         "description": "大臣", "pubDate": rfc(3)}]))
    world.routes["/wire.rss"] = Route(rss([
        {"title": f"OpenAI story {n} about Sora 2 &lt;b&gt;bold&lt;/b&gt;", "link": world.url(f"/wire/{n}"),
         "description": "Digital minister Masaaki Taira and OpenAI", "pubDate": rfc(n * 5)}
        for n in range(1, 40)] + [
        {"title": "OpenAI file link story", "link": "file:///etc/passwd", "pubDate": rfc(1)}]))
    world.routes["/down.rss"] = Route(b"", status=500)
    config = tmp_path / "c.json"
    config.write_text(json.dumps({"version": 1, "watchlists": [{"name": "Japan AI & IP", "entities": [
        {"name": "Minoru Kiuchi", "kind": "official", "aliases": ["城内実"], "context": ["大臣"]},
        {"name": "Masaaki Taira", "kind": "official", "aliases": ["Taira"], "context": ["minister"]},
        {"name": "OpenAI", "kind": "company"}, {"name": "Sora 2", "kind": "product", "aliases": ["Sora2"]}]}],
        "sources": [{"name": "Cabinet Office", "kind": "feed", "url": world.url("/cabinet.rss"),
                     "official_for": ["Minoru Kiuchi"]},
                    {"name": "Wire", "kind": "feed", "url": world.url("/wire.rss")},
                    {"name": "Down", "kind": "feed", "url": world.url("/down.rss")}]}, ensure_ascii=False),
        encoding="utf-8")
    data = tmp_path / "data"
    assert cli(data, "import", str(config)).returncode == 0
    assert cli(data, "poll", "--once").returncode == 0
    return data


def test_briefing_reads_back_with_every_entity_title_link_and_page_number(stocked: Path, tmp_path: Path,
                                                                          world: WorldServer):
    pdf = tmp_path / "week.pdf"
    result = cli(stocked, "briefing", "--since", "7d", "-o", str(pdf))
    assert result.returncode == 0, result.stderr
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    assert pages >= 4 and "595 x 842 pts (A4)" in info
    text = text_of(pdf)
    for name in ("Minoru Kiuchi", "Masaaki Taira", "OpenAI", "Sora 2", "Japan AI & IP"):
        assert name in text
    assert "城内実大臣、Sora2について会見" in text
    assert f"Page 1 of {pages}" in text and f"Page {pages} of {pages}" in text
    assert "Down: server answered 500" in text
    flat = " ".join(text.split())
    for n in (1, 17, 39):
        assert f"OpenAI story {n} about Sora 2" in flat
    assert "<b>" not in text and "bold" in text
    links = links_of(pdf)
    assert world.url("/kaiken") in links and world.url("/wire/39") in links
    assert all(link.startswith("http://127.0.0.1") for link in links)
    assert not any(link.startswith(("javascript:", "file:")) for link in links)
    assert "javascript" in text and "OpenAI file link story" in text  # shown as text, never as a link


def test_bundled_font_renders_japanese_with_no_system_fonts(stocked: Path, tmp_path: Path):
    empty = tmp_path / "fonts.conf"
    empty.write_text('<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
                     f"<cachedir>{tmp_path / 'fc-cache'}</cachedir></fontconfig>")
    env = {**os.environ, "FONTCONFIG_FILE": str(empty), "QT_QPA_PLATFORM": "offscreen"}
    pdf = tmp_path / "jp.pdf"
    result = cli(stocked, "briefing", "--since", "7d", "-o", str(pdf), "--statements-only", env=env)
    assert result.returncode == 0, result.stderr
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "VL-Gothic" in fonts and "DejaVu" not in fonts and "IPAex" not in fonts
    text = text_of(pdf)
    assert "城内実大臣、Sora2について会見" in text and "Minoru Kiuchi" in text
    assert "OpenAI story" not in text  # statements only


def test_empty_period_is_a_short_honest_briefing(tmp_path: Path):
    data = tmp_path / "empty"
    pdf = tmp_path / "empty.pdf"
    result = cli(data, "briefing", "--since", "1d", "-o", str(pdf), "--page", "Letter")
    assert result.returncode == 0, result.stderr
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "612 x 792 pts (letter)" in info
    text = text_of(pdf)
    assert "0 alerts in the period" in text and "No alerts in this period" in text


def test_bad_requests_are_refused_without_a_file(stocked: Path, tmp_path: Path):
    result = cli(stocked, "briefing", "--since", "7d", "-o", str(tmp_path / "x.pdf"), "--watchlist", "Nope")
    assert result.returncode == 1 and "no watchlist named 'Nope'" in result.stderr
    assert not (tmp_path / "x.pdf").exists()
    result = cli(stocked, "briefing", "--since", "7d", "-o", str(tmp_path / "missing" / "x.pdf"))
    assert result.returncode == 1 and "does not exist" in result.stderr and "Q" not in result.stderr


ENGLISH_HEADINGS = ("Summary", "Statements (", "Coverage (", "Alerts per day", "Page 1 of",
                    "Sources failing", "Generated ", "Watchlists:", "Entity", "Watchlist")
JAPANESE_HEADINGS = ("概要", "本人の発言", "関連報道", "日別アラート数", "1 / ", "ページ",
                     "取得できなかった情報源", "作成日時", "ウォッチリスト")


def test_a_briefing_made_under_a_japanese_locale_has_japanese_headings_only(stocked: Path, tmp_path: Path):
    pdf = tmp_path / "ja.pdf"
    result = cli(stocked, "briefing", "--since", "7d", "-o", str(pdf), env=in_language("ja_JP.UTF-8"))
    assert result.returncode == 0, result.stderr
    assert "ページ" in result.stdout
    text = text_of(pdf)
    for heading in JAPANESE_HEADINGS:
        assert heading in text, heading
    for heading in ENGLISH_HEADINGS:
        assert heading not in text, heading
    assert f"{NOW.astimezone().year}年{NOW.astimezone().month}月" in text
    assert "城内実大臣、Sora2について会見" in text and "OpenAI story 1 about Sora 2" in text
    cover = subprocess.run(["pdftotext", "-l", "1", "-layout", str(pdf), "-"], capture_output=True, text=True,
                           check=True).stdout
    assert re.search(r"\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}", cover) and not re.search(r"\d{4}-\d{2}-\d{2}", cover)


def test_a_briefing_made_under_an_english_locale_has_no_japanese_headings(stocked: Path, tmp_path: Path):
    pdf = tmp_path / "en.pdf"
    result = cli(stocked, "briefing", "--since", "7d", "-o", str(pdf), env=in_language("en_US.UTF-8"))
    assert result.returncode == 0, result.stderr
    text = text_of(pdf)
    for heading in ("Summary", "Alerts per day", "Page 1 of"):
        assert heading in text, heading
    for heading in JAPANESE_HEADINGS:
        assert heading not in text, heading


def test_the_cover_gives_the_periods_numbers_and_top_stories(stocked: Path, tmp_path: Path):
    pdf = tmp_path / "week.pdf"
    assert cli(stocked, "briefing", "--since", "7d", "-o", str(pdf)).returncode == 0
    cover = subprocess.run(["pdftotext", "-l", "1", "-layout", str(pdf), "-"], capture_output=True, text=True,
                           check=True).stdout
    flat = " ".join(cover.split())
    assert "Top stories of the period" in flat
    for label in ("alerts", "statements", "coverage", "stories", "entities in the news", "sources failing"):
        assert label in flat
    assert "城内実大臣、Sora2について会見" in flat  # the statement is among the top stories
    assert flat.count("carried by") == 5


def test_equal_series_each_get_their_own_panel(qtbot):
    from datetime import date

    from PySide6.QtCore import QRectF

    from stakewatch.core.exchange.briefing import Briefing
    from stakewatch.pdf.briefing import chart_panels

    days = tuple(date(2025, 10, d) for d in range(1, 8))
    same = (0, 2, 1, 0, 3, 0, 1)
    briefing = Briefing(title="t", start=NOW, end=NOW, generated=NOW, timezone="UTC", watchlists=("W",),
                        summary=(), days=days, series={"OpenAI": same, "Sora 2": same, "Sam Altman": same,
                                                       "Minoru Kiuchi": (1,) * 7}, failing=(), sections=())
    panels = chart_panels(briefing, QRectF(0, 0, 600, 400))
    assert [name for name, _rect in panels] == ["OpenAI", "Sora 2", "Sam Altman", "Minoru Kiuchi"]
    rects = [rect for _name, rect in panels]
    assert not any(a.intersects(b) for i, a in enumerate(rects) for b in rects[i + 1:])
