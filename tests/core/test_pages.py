"""Statement pages: main text, encodings, edits versus chrome, removal, limits, the watch in a cycle."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pageworld import (
    CAO_SECOND,
    MINISTER_PARAGRAPHS,
    QA,
    Chrome,
    agency_press_page,
    cabinet_office_page,
    home_page,
    newsroom_page,
)

from feedworld import Route, WorldServer, rss
from stakewatch.core import settings
from stakewatch.core.delivery import dispatch
from stakewatch.core.delivery.policy import PAGE_EDITED, PolicyConfig, PolicyState, page_notifications
from stakewatch.core.fetching.client import MIB, FetchConfig, Fetcher
from stakewatch.core.i18n import use_language
from stakewatch.core.model import Alert, Entity, Source, Watchlist
from stakewatch.core.pages.cycle import PageConfig
from stakewatch.core.pages.statement import (
    comparison_text,
    is_generic_redirect,
    main_text,
    next_check,
    render_diff,
    snapshot,
)
from stakewatch.core.service.poller import PollConfig, Poller
from stakewatch.core.store import pages as store_pages
from stakewatch.core.store.database import Store

HTML = "text/html; charset=utf-8"
AGENCY_CHROME = ("本文へ移動", "グローバルナビゲーション", "サイト内検索", "よく見られているページ", "閲覧数",
                 "プライバシーポリシー", "Government of Japan", "やさしい日本語", "ポスト",
                 "本日の記者会見はオンライン")


def test_japanese_press_conference_page_keeps_the_statement_and_drops_the_chrome():
    text = main_text(agency_press_page())
    for line in MINISTER_PARAGRAPHS + QA:
        assert line in text.splitlines()
    for chrome in AGENCY_CHROME:
        assert chrome not in text


def test_english_newsroom_article_without_rails_menus_or_share_bars():
    text = main_text(newsroom_page())
    assert "Japan's Digital Minister Masaaki Taira said on Tuesday" in text
    assert "The company said it was reviewing the request" in text
    for chrome in ("cookies", "Subscribe", "Share on X", "Related stories", "Most read", "Yen slides",
                   "morning briefing", "All rights reserved", "Artificial intelligence"):
        assert chrome not in text


@pytest.mark.parametrize("charset,codec,header", [
    ("shift_jis", "cp932", "text/html"),
    ("euc-jp", "euc_jp", "text/html"),
    ("shift_jis", "cp932", "text/html; charset=Shift_JIS"),
    ("euc-jp", "euc_jp", "text/html; charset=EUC-JP"),
])
def test_shift_jis_and_euc_jp_pages_decode(world: WorldServer, charset: str, codec: str, header: str):
    page = cabinet_office_page(charset)
    if "charset=" in header:
        page = page.replace(f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">', "")
    world.routes["/minister/kaiken.html"] = Route(page.encode(codec), content_type=header)
    snap = snapshot(Fetcher(), world.url("/minister/kaiken.html"))
    assert snap.outcome == "text", snap.error
    assert "知的財産戦略を担当する大臣として、生成AIと著作権の関係について一言申し上げます。" in snap.text
    assert CAO_SECOND in snap.text
    for chrome in ("内閣府の概要", "プロフィール", "ページの先頭へ", "法人番号", "03-5253-2111"):
        assert chrome not in snap.text


@pytest.mark.parametrize("before,after", [
    (agency_press_page(), agency_press_page(chrome=Chrome(
        updated="2025年10月9日", views=1_048_576, menu=("政策", "新着情報", "組織"), ranking=("台風への備え",),
        banner="システムメンテナンスのお知らせ"))),
    (newsroom_page(), newsroom_page(views="18.2K views", updated="October 10, 2025")),
    (cabinet_office_page("shift_jis"), cabinet_office_page("shift_jis", updated="令和7年10月14日")),
])
def test_chrome_only_changes_are_not_edits(before: str, after: str):
    assert comparison_text(main_text(before)) == comparison_text(main_text(after))


def test_a_changed_sentence_is_an_edit():
    edited = MINISTER_PARAGRAPHS[:2] + ("事業者に対しては、対応を検討するよう口頭で伝えました。",)
    assert comparison_text(main_text(agency_press_page())) != \
        comparison_text(main_text(agency_press_page(paragraphs=edited)))
    one_word = (newsroom_page().replace("respond quickly", "respond"))
    assert comparison_text(main_text(newsroom_page())) != comparison_text(main_text(one_word))


@pytest.mark.parametrize("url,final,generic", [
    ("https://www.digital.go.jp/speech/minister-251007-01", "https://www.digital.go.jp/", True),
    ("https://www.digital.go.jp/speech/minister-251007-01", "https://www.digital.go.jp/index.html", True),
    ("https://www.digital.go.jp/speech/minister-251007-01", "https://www.digital.go.jp/speech/", True),
    ("https://www.digital.go.jp/en/speech/x", "https://www.digital.go.jp/en/", True),
    ("https://www.cao.go.jp/minister/kaiken/20251010kaiken.html", "https://www.cao.go.jp/minister/", True),
    ("http://www.digital.go.jp/speech/minister-251007-01", "https://www.digital.go.jp/speech/minister-251007-01",
     False),
    ("https://example.org/news/2025/10/a", "https://example.org/news/2025/10/a/", False),
    ("https://example.org/news/1234", "https://example.org/news/2025/10/sora-statement", False),
])
def test_generic_redirects(url: str, final: str, generic: bool):
    assert is_generic_redirect(url, final) is generic


def test_outcomes_over_http(world: WorldServer):
    fetcher = Fetcher()
    world.routes["/s/1"] = Route(agency_press_page().encode(), content_type=HTML)
    first = snapshot(fetcher, world.url("/s/1"))
    assert first.outcome == "text" and first.status == 200 and len(first.sha256) == 64
    again = snapshot(fetcher, world.url("/s/1"), etag=first.etag)
    assert again.outcome == "unchanged" and world.not_modified["/s/1"] == 1
    world.routes["/s/2"] = Route(b"", behaviour="redirect", redirect_to="/")
    world.routes["/"] = Route(home_page().encode(), content_type=HTML)
    assert snapshot(fetcher, world.url("/s/2")).outcome == "moved"
    world.routes["/s/3"] = Route(b"Gone", status=410, content_type="text/plain")
    assert snapshot(fetcher, world.url("/s/3")).outcome == "gone"
    assert snapshot(fetcher, world.url("/s/404")).outcome == "gone"
    world.routes["/s/5"] = Route(b"oops", status=503, content_type="text/plain")
    assert snapshot(fetcher, world.url("/s/5")).outcome == "failed"
    world.routes["/s/6"] = Route(b"%PDF-1.7", content_type="application/pdf")
    assert snapshot(fetcher, world.url("/s/6")).outcome == "failed"
    assert all("Stakewatch/" in agent for agent in world.user_agents)


def test_huge_and_hostile_pages_are_bounded(world: WorldServer):
    fetcher = Fetcher(FetchConfig(max_body=2 * MIB, deadline=5))
    world.routes["/big"] = Route(behaviour="big-undeclared", size=50 * MIB, content_type=HTML)
    world.routes["/bomb"] = Route(behaviour="gzip-bomb", size=64 * MIB, content_type=HTML)
    started = time.monotonic()
    assert snapshot(fetcher, world.url("/big")).error.startswith("response larger than")  # type: ignore[union-attr]
    assert "decompression" in (snapshot(fetcher, world.url("/bomb")).error or "")
    nested = "<html><body>" + "<div>" * 200_000 + "深い入れ子の本文です。" + "</div>" * 200_000 + "</body></html>"
    wide = "<html><body><main>" + "<p>段落</p>" * 150_000 + "</main></body></html>"
    scripts = "<html><body><script>" + "x" * 4_000_000 + "</script><p>短い本文。</p></body></html>"
    for page in (nested, wide, scripts, "", "\x00\x01<<<>>>", "<p>" * 5000):
        assert isinstance(main_text(page), str)
    assert len(main_text(wide)) <= 200_000
    assert time.monotonic() - started < 60


def test_growing_intervals_until_the_watch_ends():
    first = datetime(2025, 10, 7, tzinfo=UTC)
    until = first + timedelta(days=14)
    gaps = []
    moment = first
    while (upcoming := next_check(first, moment, until)) is not None:
        gaps.append(upcoming - moment)
        moment = upcoming
    assert gaps[0] == timedelta(minutes=30)
    assert gaps[:-1] == sorted(gaps[:-1]) and timedelta(days=1) < max(gaps) <= timedelta(days=2)
    assert 10 < len(gaps) < 60 and moment == until


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2025, 10, 7, 1, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


def _setup(store: Store, world: WorldServer, full_text: bool = False) -> None:
    store.apply_config(
        [Watchlist("Japan AI & IP", (Entity("Masaaki Taira", "official", ("平デジタル大臣", "Taira")),))],
        [Source("Agency", "feed", world.url("/agency.rss"), official_for=("Masaaki Taira",)),
         Source("Wire", "feed", world.url("/wire.rss"), options={"full_text": True} if full_text else {})])
    world.routes["/agency.rss"] = Route(rss([{"title": "平デジタル大臣記者会見", "link": world.url("/speech/1"),
                                              "guid": "s1"}]))
    world.routes["/wire.rss"] = Route(rss([]))
    world.routes["/speech/1"] = Route(agency_press_page().encode(), content_type=HTML)


def test_watch_in_cycles_schedule_conditional_get_and_redirect_home(store: Store, world: WorldServer):
    _setup(store, world)
    clock = Clock()
    poller = Poller(store, PollConfig(), clock=clock)
    report = poller.run_cycle()
    [alert_id] = report.new_alerts
    assert report.pages.archived == [alert_id]
    assert poller.run_cycle().pages.checked == 0  # not due yet
    clock.now += timedelta(hours=1)
    report = poller.run_cycle()
    assert report.pages.checked == 1 and report.pages.unchanged == 1 and not report.pages.changes
    world.routes["/speech/1"] = Route(b"", behaviour="redirect", redirect_to="/")
    world.routes["/"] = Route(home_page().encode(), content_type=HTML)
    clock.now += timedelta(hours=2)
    report = poller.run_cycle()
    assert [(c.alert_id, c.change) for c in report.pages.changes] == [(alert_id, "removed")]
    [alert] = store.alerts()
    assert alert.page is not None and alert.page["status"] == "removed"
    assert MINISTER_PARAGRAPHS[0] in store_pages.versions(store, alert_id)[-1].text
    [note] = dispatch.page_changes(store, report.pages.changes, clock.now)
    assert note.title == "Statement removed: Masaaki Taira" and note.kind == "page" and note.urgency == "low"
    clock.now += timedelta(days=1)
    assert poller.run_cycle(force=True).pages.checked == 0  # removed pages are no longer watched
    clock.now += timedelta(days=30)
    assert store.prune_items(clock.now) >= 1
    assert len(store_pages.versions(store, alert_id)) == 1  # item retention never prunes snapshots


def test_full_text_is_bounded_per_source_and_cycle(store: Store, world: WorldServer):
    _setup(store, world, full_text=True)
    items = [{"title": f"Headline {n}", "link": world.url(f"/a/{n}"), "guid": f"a{n}"} for n in range(15)]
    world.routes["/wire.rss"] = Route(rss(items))
    for n in range(15):
        world.routes[f"/a/{n}"] = Route(newsroom_page().encode(), content_type=HTML)
    config = PollConfig(pages=PageConfig(full_text_per_source=4))
    report = Poller(store, config).run_cycle()
    assert sum(world.hits[f"/a/{n}"] for n in range(15)) == 4
    assert report.pages.full_text == 4
    assert len([a for a in store.alerts() if a.kind == "coverage"]) == 4


def test_coverage_archived_by_setting_and_warc_export(store: Store, world: WorldServer, data_dir: Path):
    from warcio.archiveiterator import ArchiveIterator

    _setup(store, world, full_text=True)
    world.routes["/wire.rss"] = Route(rss([{"title": "Japan asks AI app maker", "link": world.url("/a/1")}]))
    world.routes["/a/1"] = Route(newsroom_page().encode(), content_type=HTML)
    settings.put(store, "pages.archive_coverage", "on")
    settings.put(store, "pages.warc", "on")
    report = Poller(store, settings.poll_config(store)).run_cycle()
    assert len(report.pages.archived) == 2
    assert world.hits["/a/1"] == 1  # the page fetched for full text is the one archived
    kinds = {a.kind: a.page for a in store.alerts()}
    assert kinds["coverage"] is not None and kinds["statement"] is not None
    [warc] = list((data_dir / "warc").glob("*.warc.gz"))
    with warc.open("rb") as stream:
        records = [(r.rec_headers.get_header("WARC-Target-URI"), r.content_stream().read())
                   for r in ArchiveIterator(stream) if r.rec_type == "response"]
    assert {uri for uri, _ in records} == {world.url("/a/1"), world.url("/speech/1")}
    assert agency_press_page().encode() in [body for _, body in records]


def test_bad_setting_is_refused(store: Store):
    with pytest.raises(Exception, match="on or off"):
        settings.put(store, "pages.warc", "maybe")
    assert settings.get(store, "pages.warc") is False


def _alert(alert_id: int, entity: str = "Masaaki Taira", watchlist: str = "Japan AI & IP") -> Alert:
    moment = datetime(2025, 10, 7, 1, 0, tzinfo=UTC)
    return Alert(id=alert_id, entity=entity, watchlist=watchlist, kind="statement",
                 title="平デジタル大臣記者会見<b>(令和7年10月7日)</b>", url="https://www.digital.go.jp/speech/1",
                 source="Agency", sources=("Agency",), published=moment, found=moment, matched=("平デジタル大臣",),
                 snippet="", story=alert_id)


def test_page_notifications_are_quiet_and_follow_mutes_pauses_and_digests():
    now = datetime(2025, 10, 8, tzinfo=UTC)
    config, state = PolicyConfig(), PolicyState()
    edited, removed = page_notifications([(_alert(1), "edited"), (_alert(2), "removed")], set(), state, config, now)
    assert edited.title == "Statement edited: Masaaki Taira" and edited.urgency == "low"
    assert edited.url == "https://www.digital.go.jp/speech/1" and edited.body.startswith("平デジタル大臣記者会見<b>")
    assert removed.title == "Statement removed: Masaaki Taira" and removed.url is None and removed.opens_inbox
    assert page_notifications([(_alert(1), "edited")], {("Japan AI & IP", "*")}, state, config, now) == []
    paused = PolicyState(paused_until=now + timedelta(hours=1))
    assert page_notifications([(_alert(1), "edited")], set(), paused, config, now) == []
    [digest] = page_notifications([(_alert(n), "edited") for n in range(1, 4)] + [(_alert(4), "removed")],
                                  set(), state, config, now)
    assert digest.title.startswith("4 statement pages changed") and digest.opens_inbox
    with use_language("ja"):
        assert str(PAGE_EDITED(entity="平将明")) == "発言ページが更新されました:平将明"


def test_full_text_flag_is_read_from_the_source_or_its_options_and_validated():
    from stakewatch.core.exchange.transfer import Refused, parse_source
    from stakewatch.core.pages.cycle import wants_full_text

    assert wants_full_text(parse_source({"name": "A", "url": "https://example.org/f", "full_text": True}, "s"))
    assert wants_full_text(parse_source({"name": "B", "url": "https://example.org/f",
                                         "options": {"full_text": True}}, "s"))
    assert not wants_full_text(parse_source({"name": "C", "url": "https://example.org/f"}, "s"))
    with pytest.raises(Refused, match="full_text"):
        parse_source({"name": "D", "url": "https://example.org/f", "full_text": "yes"}, "s")


def test_archiving_is_bounded_per_cycle_and_catches_up(store: Store, world: WorldServer):
    _setup(store, world)
    world.routes["/agency.rss"] = Route(rss([{"title": f"平デジタル大臣記者会見 {n}", "link": world.url(f"/speech/{n}"),
                                              "guid": f"s{n}"} for n in range(7)]))
    for n in range(7):
        world.routes[f"/speech/{n}"] = Route(agency_press_page(title=f"会見 {n}").encode(), content_type=HTML)
    poller = Poller(store, PollConfig(pages=PageConfig(archive_per_cycle=3)))
    assert len(poller.run_cycle().pages.archived) == 3
    assert len(poller.run_cycle().pages.archived) == 3
    assert len(poller.run_cycle().pages.archived) == 1
    assert all(alert.page is not None for alert in store.alerts())


def test_diff_marks_words_in_colour_and_in_plain_text():
    old = "Title\nThe minister asked the company to respond quickly.\nSecond paragraph stays."
    new = "Title\nThe minister asked the company to respond.\nSecond paragraph stays.\nA new closing line."
    plain = render_diff(old, new).splitlines()
    assert "- The minister asked the company to respond quickly." in plain
    assert "+ The minister asked the company to respond." in plain
    assert "~ The minister asked the company to respond[- quickly-]." in plain
    assert "+ A new closing line." in plain and "  Title" in plain
    coloured = render_diff(old, new, color=True)
    assert "\x1b[31;9m quickly\x1b[0m" in coloured and "\x1b[32m+ A new closing line.\x1b[0m" not in coloured
    assert "A new closing line." in coloured and "~ " not in coloured


def test_a_page_not_published_yet_is_archived_when_it_appears(store: Store, world: WorldServer):
    _setup(store, world)
    world.routes["/speech/1"] = Route(b"Not Found", status=404, content_type="text/plain")
    clock = Clock()
    poller = Poller(store, PollConfig(), clock=clock)
    [alert_id] = poller.run_cycle().new_alerts
    assert store.alerts()[0].page is None
    world.routes["/speech/1"] = Route(agency_press_page().encode(), content_type=HTML)
    clock.now += timedelta(hours=1)
    report = poller.run_cycle()
    assert not report.pages.changes
    page = store.alerts()[0].page
    assert page is not None and page["status"] == "archived"
    assert MINISTER_PARAGRAPHS[0] in store_pages.versions(store, alert_id)[0].text


def test_two_statements_on_one_page_share_one_fetch(store: Store, world: WorldServer):
    store.apply_config(
        [Watchlist("W", (Entity("Masaaki Taira", "official", ("平デジタル大臣",)),
                         Entity("Minoru Kiuchi", "official", ("城内大臣",))))],
        [Source("Cabinet", "feed", world.url("/c.rss"), official_for=("Masaaki Taira", "Minoru Kiuchi"))])
    world.routes["/c.rss"] = Route(rss([{"title": "平デジタル大臣と城内大臣の共同会見", "link": world.url("/joint")}]))
    world.routes["/joint"] = Route(agency_press_page().encode(), content_type=HTML)
    report = Poller(store).run_cycle()
    assert len(report.new_alerts) == 2 and sorted(report.pages.archived) == sorted(report.new_alerts)
    assert world.hits["/joint"] == 1


def test_a_page_bug_never_ends_the_cycle(store: Store, world: WorldServer, monkeypatch: pytest.MonkeyPatch):
    import stakewatch.core.pages.cycle as page_cycle

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("extractor bug")

    _setup(store, world)
    monkeypatch.setattr(page_cycle, "snapshot", broken)
    report = Poller(store).run_cycle()
    assert len(report.new_alerts) == 1 and not report.pages.archived
    assert store_pages.watch(store, report.new_alerts[0]).status == "pending"  # type: ignore[union-attr]


def test_an_article_container_named_like_chrome_is_kept():
    page = ("<html><body><div class='navigation'><a href='/'>Home</a> <a href='/about'>About</a></div>"
            "<h1>Statement on AI and copyright</h1><div class='entry-content has-ads'>"
            "<p>The minister said the ministry will study the matter carefully and report back soon.</p>"
            "<p>She added that rights holders would be heard before any decision.</p></div>"
            "<div class='widget'>Archives: October 2025</div>"
            "<div class='copyright'>(c) 2025 Example</div></body></html>")
    text = main_text(page)
    assert "study the matter carefully" in text and "rights holders would be heard" in text
    assert "Archives" not in text and "About" not in text and "(c) 2025" not in text
