"""Press-conference listing pages in the shapes the ministries publish, and PDF releases followed."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from feedworld import Route, WorldServer
from stakewatch.core.exchange.transfer import read_config_file
from stakewatch.core.model import Entity, Source, Watchlist
from stakewatch.core.resources import resource
from stakewatch.core.service.poller import Poller
from stakewatch.core.sources.pdf import pdf_text
from stakewatch.core.store.database import Store

TAIRA = Entity("Masaaki Taira", "official", aliases=("平将明", "平大臣"))
KIUCHI = Entity("Minoru Kiuchi", "official", aliases=("城内実", "城内大臣"))
WATCHLIST = Watchlist("Japan AI & IP", (TAIRA, KIUCHI))

# The Digital Agency's list of minister press conferences: one link per conference under /speech/minister-…,
# the date written in the link text, next to navigation links that are not conferences.
DIGITAL_SPEECH = """<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8">
<title>大臣等会見｜デジタル庁</title></head>
<body><header><a href="/">デジタル庁</a><a href="/speech">大臣等会見</a></header><main><h1>大臣等会見</h1>
<ul class="list">
<li><a href="/speech/minister-251010-01">平大臣記者会見（令和7年10月10日）</a></li>
<li><a href="/speech/minister-251003-01">平大臣記者会見（令和7年10月3日）</a></li>
<li><a href="/speech/vice-minister-251002-01">副大臣記者会見（令和7年10月2日）</a></li>
</ul></main><footer><a href="/policies">政策</a></footer></body></html>"""

# A Cabinet Office minister's folder: kaiken/index.html lists YYYYMMDDkaiken.html pages by date.
CAO_KAIKEN = """<!DOCTYPE html><html lang="ja"><head><meta charset="UTF-8"><title>記者会見 - 内閣府</title></head>
<body><div id="mainContents"><h1>城内内閣府特命担当大臣 記者会見</h1><ul class="linkList">
<li><a href="20251010kaiken.html">城内内閣府特命担当大臣記者会見要旨 令和7年10月10日</a></li>
<li><a href="20251007kaiken.html">城内内閣府特命担当大臣記者会見要旨 令和7年10月7日</a></li>
<li><a href="../index.html">大臣のページ</a></li>
</ul><p><a href="/minister/2411_m_kiuchi/release/20251010_ai.pdf">生成AIと知的財産に関する大臣談話（PDF）</a></p>
</div></body></html>"""


def test_default_watchlist_press_pages_have_working_selectors(world: WorldServer, store: Store):
    config = read_config_file(resource("default-watchlist.json"))
    by_url = {s.url: s for s in config.sources}
    digital = by_url["https://www.digital.go.jp/speech"]
    cao = by_url["https://www.cao.go.jp/minister/2411_m_kiuchi/kaiken/index.html"]
    world.routes["/speech"] = Route(DIGITAL_SPEECH.encode(), content_type="text/html; charset=utf-8")
    world.routes["/minister/2411_m_kiuchi/kaiken/index.html"] = Route(CAO_KAIKEN.encode(),
                                                                      content_type="text/html")
    store.apply_config([WATCHLIST], [
        Source(digital.name, "page", world.url("/speech"), official_for=digital.official_for, options=digital.options),
        Source(cao.name, "page", world.url("/minister/2411_m_kiuchi/kaiken/index.html"),
               official_for=cao.official_for, options=cao.options)])
    report = Poller(store).run_cycle()
    assert all(o.ok for o in report.outcomes), report.outcomes
    rows = store.conn.execute("SELECT title, url, published FROM items ORDER BY url").fetchall()
    assert sorted(r[0] for r in rows) == sorted([
        "城内内閣府特命担当大臣記者会見要旨 令和7年10月10日", "城内内閣府特命担当大臣記者会見要旨 令和7年10月7日",
        "平大臣記者会見（令和7年10月10日）", "平大臣記者会見（令和7年10月3日）"])
    dated = {r[0]: datetime.fromtimestamp(r[2], UTC) for r in rows}
    assert dated["平大臣記者会見（令和7年10月10日）"] == datetime(2025, 10, 10, 3, tzinfo=UTC)
    assert ("Masaaki Taira", "statement") in {(a.entity, a.kind) for a in store.alerts()}


def make_pdf(path: Path, lines: list[str]) -> bytes:
    from PySide6.QtGui import QFont, QFontDatabase, QPainter, QPdfWriter

    family = QFontDatabase.applicationFontFamilies(
        QFontDatabase.addApplicationFont(str(resource("fonts", "VL-Gothic-Regular.ttf"))))[0]
    writer = QPdfWriter(str(path))
    painter = QPainter(writer)
    painter.setFont(QFont(family, 12))
    for n, line in enumerate(lines):
        painter.drawText(300, 600 + n * 400, line)
    painter.end()
    return path.read_bytes()


@pytest.fixture
def release_pdf(qapp: object, tmp_path: Path) -> bytes:
    lines = ["城内実大臣談話", "生成AIと知的財産について", "OpenAI社のSora 2への対応"]
    return make_pdf(tmp_path / "release.pdf", lines)


def test_pdf_text_is_read_and_bounded(release_pdf: bytes):
    text = pdf_text(release_pdf)
    assert "城内実大臣談話" in text and "Sora 2" in text
    assert len(pdf_text(release_pdf, max_chars=5)) <= 5
    assert pdf_text(b"%PDF-1.4 broken") == "" and pdf_text(b"not a pdf") == ""


def test_page_source_follows_new_pdf_links_once(world: WorldServer, store: Store, release_pdf: bytes):
    world.routes["/kaiken/"] = Route(CAO_KAIKEN.encode(), content_type="text/html")
    world.routes["/minister/2411_m_kiuchi/release/20251010_ai.pdf"] = Route(release_pdf, content_type="application/pdf")
    store.apply_config([WATCHLIST], [Source("CAO", "page", world.url("/kaiken/"), official_for=("Minoru Kiuchi",),
                                            options={"item": "a", "follow_pdf": True})])
    report = Poller(store).run_cycle()
    assert report.outcomes[0].ok, report.outcomes[0].error
    content = store.conn.execute("SELECT content FROM items WHERE url LIKE '%.pdf'").fetchone()[0]
    assert "生成AIと知的財産について" in content
    statements = [a for a in store.alerts() if a.entity == "Minoru Kiuchi" and a.kind == "statement"]
    assert [a.url for a in statements] == [world.url("/minister/2411_m_kiuchi/release/20251010_ai.pdf")]
    # once by the page source, once by the statement archive; the next cycle reads the listing only
    assert world.hits["/minister/2411_m_kiuchi/release/20251010_ai.pdf"] == 2
    Poller(store).run_cycle()
    assert world.hits["/minister/2411_m_kiuchi/release/20251010_ai.pdf"] == 2


def test_follow_pdf_must_be_a_switch():
    from stakewatch.core.sources import SOURCE_KINDS

    assert SOURCE_KINDS["page"].check_options({"item": "a", "follow_pdf": "yes"})
    assert SOURCE_KINDS["page"].check_options({"item": "a", "follow_pdf": True}) is None
