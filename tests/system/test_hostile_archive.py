"""The archive's own surfaces: what `snapshot` prints holds no terminal control, a page cannot pick a
codec that makes controls, `snapshot --html` writes evidence that is inert when opened, and every file
is written whole: on a real full disk an earlier file survives and the WARC stays readable."""

from __future__ import annotations

import io
import json
import random
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

from fulldisk import fill, small_disk
from lxml import html as lxml_html
from recorder import RecordingServer

from conftest import run_cli
from feedworld import Route, WorldServer, rss
from stakewatch.core.model import Entity, Source, Watchlist
from stakewatch.core.pages.statement import PageSnapshot, render_diff
from stakewatch.core.pages.warc import write_snapshot
from stakewatch.core.service.poller import Poller
from stakewatch.core.store.database import Store

WATCHLIST = Watchlist("W", (Entity("Masaaki Taira", "official", ("平デジタル大臣",)),))
CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
POISON = ("\x1b]0;owned\x07", "\x1b[2J\x1b[H", "\x9b31m", "\u202eevil\u202c", "\x1bP+q\x1b\\", "\u2066x\u2069")


def _page(paragraphs: list[str], extra_head: str = "", extra_body: str = "", charset: str = "utf-8") -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<!DOCTYPE html><html><head><meta charset='{charset}'><title>平デジタル大臣記者会見</title>{extra_head}"
            f"</head><body><main><article><h1>平デジタル大臣記者会見</h1>{body}</article></main>{extra_body}"
            f"</body></html>").encode()


def _archive(store: Store, world: WorldServer, page: bytes, content_type: str = "text/html; charset=utf-8",
             clock: list[datetime] | None = None) -> tuple[Poller, int]:
    world.routes["/a.rss"] = Route(rss([{"title": "平デジタル大臣記者会見", "link": world.url("/s/1")}]))
    world.routes["/s/1"] = Route(page, content_type=content_type)
    store.apply_config([WATCHLIST], [Source("Agency", "feed", world.url("/a.rss"), official_for=("Masaaki Taira",))])
    moment = clock or [datetime.now(UTC)]
    poller = Poller(store, clock=lambda: moment[0])
    poller.run_cycle()
    (alert,) = store.alerts()
    assert alert.page is not None, "the statement page was archived"
    return poller, alert.id


PARAGRAPHS = [f"生成AIと著作権について、事業者に対応を求めました。第{n}段落の説明を続けます。" for n in range(6)]


def test_snapshot_and_its_diff_print_no_terminal_control(store: Store, world: WorldServer, data_dir: Path):
    poisoned = [p + POISON[n % len(POISON)] for n, p in enumerate(PARAGRAPHS)]
    clock = [datetime.now(UTC)]
    poller, alert_id = _archive(store, world, _page(poisoned), clock=clock)
    world.routes["/s/1"] = Route(_page(poisoned[:4] + ["新しい段落\x1b[31m赤\x1b[0m\u202eです。"]),
                                 content_type="text/html; charset=utf-8")
    clock[0] += timedelta(hours=2)
    assert poller.run_cycle().pages.changes
    shown = run_cli(data_dir, "snapshot", str(alert_id))
    diff = run_cli(data_dir, "snapshot", str(alert_id), "--diff")
    first = run_cli(data_dir, "snapshot", str(alert_id), "--first")
    for result in (shown, diff, first):
        assert result.code == 0, result.err
        assert not CONTROLS.search(result.out), repr(CONTROLS.findall(result.out))
        assert not CONTROLS.search(result.err), repr(result.err)
    assert "第0段落" in first.out and "新しい段落" in diff.out


def test_a_page_declaring_unicode_escape_is_not_believed(store: Store, world: WorldServer, data_dir: Path):
    page = _page([r"literal \x1b[31m and \u001b]0;t\u0007 stay text " + PARAGRAPHS[0]], charset="unicode_escape")
    _, alert_id = _archive(store, world, page, content_type="text/html; charset=unicode_escape")
    shown = run_cli(data_dir, "snapshot", str(alert_id))
    assert shown.code == 0 and not CONTROLS.search(shown.out)
    assert r"\x1b[31m" in shown.out


def test_the_header_url_is_printed_without_controls(store: Store, world: WorldServer, data_dir: Path):
    _, alert_id = _archive(store, world, _page(PARAGRAPHS))
    store.conn.execute("UPDATE page_versions SET final_url = ?",
                       ("https://example.org/\x1b]8;;http://evil/\x07click\x1b]8;;\x07\u202e\x9b",))
    shown = run_cli(data_dir, "snapshot", str(alert_id))
    assert shown.code == 0 and not CONTROLS.search(shown.err), repr(shown.err)


def test_html_evidence_is_inert(store: Store, world: WorldServer, data_dir: Path, tmp_path: Path):
    beacon = RecordingServer().start()
    try:
        hostile = (f"<script>fetch('{beacon.url('/script')}')</script>"
                   f"<meta http-equiv='refresh' content='0;url={beacon.url('/refresh')}'>"
                   f"<link rel='stylesheet' href='{beacon.url('/style.css')}'>"
                   f"<link rel='preload' href='{beacon.url('/p')}'>"
                   f"<style>@import url({beacon.url('/import.css')});"
                   f" body {{ background: url({beacon.url('/bg')}) }}</style>"
                   "<base href='http://evil.example/'>")
        body = (f"<img src='{beacon.url('/pixel.gif')}' srcset='{beacon.url('/2x.gif')} 2x' onerror='alert(1)'>"
                f"<iframe src='{beacon.url('/frame')}'></iframe>"
                "<iframe srcdoc='&lt;script&gt;x()&lt;/script&gt;'></iframe>"
                f"<object data='{beacon.url('/obj')}'></object><embed src='{beacon.url('/embed')}'>"
                f"<a href='javascript:alert(2)'>js</a><a href='/relative' ping='{beacon.url('/ping')}'>rel</a>"
                f"<svg onload='alert(3)'><image href='{beacon.url('/svg')}'/><script>alert(4)</script></svg>"
                f"<form action='{beacon.url('/post')}'><input type='image' src='{beacon.url('/input')}'></form>"
                f"<video poster='{beacon.url('/poster')}'><source src='{beacon.url('/video')}'></video>"
                f"<div style='background-image:url({beacon.url('/div')})' onmouseover='alert(5)'>x</div>"
                "<body onload='alert(6)'>")
        _, alert_id = _archive(store, world, _page(PARAGRAPHS, hostile, body))
        target = tmp_path / "evidence.html"
        written = run_cli(data_dir, "snapshot", str(alert_id), "--html", str(target))
        assert written.code == 0, written.err
        text = target.read_text(encoding="utf-8")
        document = lxml_html.document_fromstring(text)
        assert not document.xpath("//script|//iframe|//object|//embed|//frame|//noscript")
        assert not [a for element in document.iter() if isinstance(element.tag, str)
                    for a in element.attrib if a.lower().startswith("on")]
        assert "javascript:" not in text.lower() and "refresh" not in text.lower()
        assert beacon.url("") not in " ".join(value for element in document.iter() if isinstance(element.tag, str)
                                              for name, value in element.attrib.items()
                                              if not name.startswith("data-stakewatch"))
        assert "@import" not in text
        metas = document.xpath("//head/*")
        assert metas[0].get("charset") == "utf-8"
        assert metas[1].get("http-equiv") == "Content-Security-Policy"
        assert "default-src 'none'" in metas[1].get("content")
        (base,) = document.xpath("//base")
        assert base.get("href") == world.url("/s/1")
        banner = document.xpath("//body/*[1]")[0]
        assert "Evidence copy kept by Stakewatch" in banner.text_content()
        assert world.url("/s/1") in banner.text_content() and str(datetime.now(UTC).year) in banner.text_content()
        assert all(p in text for p in PARAGRAPHS)
        assert beacon.seen == []  # archiving and writing the evidence loaded nothing from the page
    finally:
        beacon.stop()


def test_html_evidence_on_a_full_disk_leaves_the_earlier_file_whole(store: Store, world: WorldServer,
                                                                    data_dir: Path, tmp_path: Path):
    big = [PARAGRAPHS[0] + "".join(random.choice("あいうえおかきくけこ") for _ in range(4000)) for _ in range(8)]
    _, alert_id = _archive(store, world, _page(big))
    with small_disk(tmp_path / "disk", kib=256) as disk:
        target = disk / "evidence.html"
        target.write_bytes(b"<p>the good evidence file</p>")
        fill(disk, leave=8 * 1024)
        written = run_cli(data_dir, "snapshot", str(alert_id), "--html", str(target))
        assert written.code == 1
        assert "could not write" in written.err and "the disk is full" in written.err, written.err
        assert target.read_bytes() == b"<p>the good evidence file</p>"
        assert sorted(p.name for p in disk.iterdir()) == ["evidence.html", "filler"]


def _snap(n: int, size: int) -> PageSnapshot:
    page = bytes(random.getrandbits(8) for _ in range(size))  # does not compress
    return PageSnapshot(url=f"https://example.org/{n}", final_url=f"https://example.org/{n}",
                        fetched=datetime(2025, 10, 10, 3, tzinfo=UTC), outcome="text", status=200, text="t",
                        sha256=f"{n:064d}", key="k", html=page, content_type="text/html")


def _records(path: Path) -> list[str]:
    from warcio.archiveiterator import ArchiveIterator

    with path.open("rb") as stream:
        return [record.rec_headers.get_header("WARC-Target-URI") for record in ArchiveIterator(stream)]


def test_warc_records_survive_a_full_disk_and_an_interrupted_append(tmp_path: Path):
    with small_disk(tmp_path / "disk", kib=512) as disk:
        folder = disk / "warc"
        written: list[str] = []
        path = write_snapshot(folder, _snap(0, 20_000))
        written.append("https://example.org/0")
        filler = fill(disk, leave=70_000)
        failures = 0
        for n in range(1, 12):
            try:
                write_snapshot(folder, _snap(n, 20_000))
                written.append(f"https://example.org/{n}")
            except OSError:
                failures += 1
            assert _records(path) == written  # readable after every attempt, failed or not
        assert failures > 0, "the disk was expected to fill up"
        filler.unlink()
        write_snapshot(folder, _snap(99, 20_000))
        written.append("https://example.org/99")
        assert _records(path) == written
        # an append cut off by a crash leaves a partial record behind: the next one cuts it off first
        with path.open("ab") as stream:
            buffer = io.BytesIO()
            from warcio.warcwriter import WARCWriter

            writer = WARCWriter(buffer, gzip=True)
            writer.write_record(writer.create_warc_record("https://example.org/half", "resource",
                                                          payload=io.BytesIO(b"x" * 50_000)))
            stream.write(buffer.getvalue()[: len(buffer.getvalue()) // 2])
        write_snapshot(folder, _snap(100, 1_000))
        written.append("https://example.org/100")
        assert _records(path) == written
        assert json.dumps(written)


def test_a_rewritten_page_diff_is_bounded():
    rng = random.Random(7)
    words = ["minister", "statement", "policy", "agency", "平", "大臣", "記者会見", "著作権", "生成AI", "対応"]

    def page() -> str:
        return "\n".join(" ".join(rng.choice(words) for _ in range(12)) for _ in range(900))

    old, new = page(), page()
    shown = render_diff(old, new, budget=10_000).splitlines()
    # beyond the word budget a rewritten block is shown as its lines, never compared word by word
    assert not any(line.startswith("~ ") for line in shown)
    assert sum(1 for line in shown if line.startswith("- ")) == 900
    small = render_diff("a b c\nsame", "a x c\nsame", budget=10_000).splitlines()
    assert "~ a [-b-]{+x+} c" in small
