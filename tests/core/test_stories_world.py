"""Stories on real-world shapes, end to end through a poll cycle against loopback feed hosts:
two officials in look-alike headlines, news-search copies, link spellings, edited items, a feed
that reuses one GUID, listing-page dates and encodings, and entities added after the items."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

from conftest import run_cli
from feedworld import Route, WorldServer, rss
from stakewatch.core.delivery import dispatch
from stakewatch.core.model import Entity, Source, Watchlist
from stakewatch.core.service.poller import PollConfig, Poller
from stakewatch.core.store.database import Store

NOW = datetime.now(UTC)
RFC = format_datetime(NOW - timedelta(hours=2), usegmt=True)

WATCHLIST = Watchlist("Japan AI & IP", (
    Entity("Minoru Kiuchi", "official", aliases=("城内実", "Kiuchi"), context=("minister", "大臣")),
    Entity("Masaaki Taira", "official", aliases=("平将明", "Taira"), context=("minister", "大臣")),
    Entity("OpenAI", "company"),
    Entity("Sora 2", "product", aliases=("Sora2",)),
))


def setup(store: Store, sources: list[Source]) -> Poller:
    store.apply_config([WATCHLIST], sources)
    return Poller(store, PollConfig())


def cycle(poller: Poller) -> list[int]:
    return poller.run_cycle(force=True).new_alerts


def item(title: str, link: str, summary: str = "", guid: str = "", extra: str = "") -> dict[str, str]:
    fields = {"title": title, "link": link.replace("&", "&amp;"), "description": summary, "pubDate": RFC}
    if guid:
        fields["guid"] = guid
    if extra:
        fields["source"] = extra
    return fields


def rss_with_sources(items: list[dict[str, str]]) -> bytes:
    """RSS where a `source` value is written as `url|name` and becomes `<source url=...>name</source>`."""
    body = rss([{k: v for k, v in i.items() if k != "source"} for i in items]).decode()
    for one in items:
        if "source" in one:
            url, name = one["source"].split("|")
            body = body.replace(f"<title>{one['title']}</title>",
                                f"<title>{one['title']}</title><source url=\"{url}\">{name}</source>", 1)
    return body.encode()


def test_two_ministers_in_look_alike_headlines_are_two_stories_and_both_notified(world: WorldServer,
                                                                                 store: Store):
    base = world.base
    world.routes["/cao.rss"] = Route(rss([item(
        "城内実大臣、動画生成AI「Sora 2」巡りOpenAIに著作権侵害防止を要請", f"{base}/cao/kaiken-1007",
        "知的財産戦略担当の城内実大臣は記者会見で要請したと述べた。")]))
    world.routes["/digital.rss"] = Route(rss([item(
        "平将明大臣、動画生成AI「Sora 2」巡りOpenAIに著作権侵害防止を要請", f"{base}/digital/kaiken-1007",
        "平将明デジタル大臣は記者会見で要請したと述べた。")]))
    world.routes["/en-kiuchi.rss"] = Route(rss([item(
        "Minister Kiuchi asks OpenAI to stop Sora 2 infringing anime copyrights", f"{base}/en/kiuchi",
        "IP strategy minister Minoru Kiuchi spoke on Friday.")]))
    world.routes["/en-taira.rss"] = Route(rss([item(
        "Minister Taira asks OpenAI to stop Sora 2 infringing anime copyrights", f"{base}/en/taira",
        "Digital minister Masaaki Taira spoke on Friday.")]))
    poller = setup(store, [
        Source("Cabinet Office", "feed", world.url("/cao.rss"), official_for=("Minoru Kiuchi",)),
        Source("English wire", "feed", world.url("/en-kiuchi.rss")),
    ])
    first = cycle(poller)
    assert dispatch.notifications_for(store, first, datetime.now(UTC))
    store.apply_config([], [
        Source("Digital Agency", "feed", world.url("/digital.rss"), official_for=("Masaaki Taira",)),
        Source("Other wire", "feed", world.url("/en-taira.rss")),
    ])
    second = cycle(poller)
    alerts = {(a.entity, a.url): a for a in store.alerts()}
    taira = alerts[("Masaaki Taira", f"{base}/digital/kaiken-1007")]
    kiuchi = alerts[("Minoru Kiuchi", f"{base}/cao/kaiken-1007")]
    assert taira.story != kiuchi.story and taira.kind == kiuchi.kind == "statement"
    assert alerts[("Masaaki Taira", f"{base}/en/taira")].story != alerts[("Minoru Kiuchi", f"{base}/en/kiuchi")].story
    assert taira.id in second
    shown = dispatch.notifications_for(store, second, datetime.now(UTC))
    assert shown and any("Taira" in n.title or "Taira" in n.body for n in shown)


def test_an_entity_new_to_a_notified_story_is_notified(world: WorldServer, store: Store):
    base = world.base
    link = f"{base}/wire/openai-sora-2-rightsholders"
    world.routes["/a.rss"] = Route(rss([item("OpenAI to give rightsholders more control over Sora 2", link,
                                             "The company announced changes.")]))
    world.routes["/b.rss"] = Route(rss([item("OpenAI to give rightsholders more control over Sora 2", link,
                                             "Minister Minoru Kiuchi welcomed the change.")]))
    poller = setup(store, [Source("A", "feed", world.url("/a.rss"))])
    first = cycle(poller)
    assert dispatch.notifications_for(store, first, datetime.now(UTC))
    store.apply_config([], [Source("B", "feed", world.url("/b.rss"))])
    second = cycle(poller)
    [kiuchi] = [a for a in store.alerts(ids=second)]
    assert kiuchi.entity == "Minoru Kiuchi" and kiuchi.story == store.alerts(ids=first)[0].story
    shown = dispatch.notifications_for(store, second, datetime.now(UTC))
    assert len(shown) == 1 and "Minoru Kiuchi" in shown[0].title + shown[0].body
    # and nothing twice: the same items again notify nothing
    assert cycle(poller) == []


NIKKEI_TITLE = "城内実大臣、OpenAIに著作権侵害防止を要請 動画生成AI「Sora 2」巡り"


def google_item(title: str, publisher: str, site: str, with_source: bool = True, n: int = 0) -> dict[str, str]:
    token = f"CBMiVkFVX3lxTE5fa2VpbXY0c2lSMmJzN0xQWWRtVnZ3S3J6Y2Y0ZHJXdDZmQk1tQ2lMNnVJWGp3{n}"
    link = f"https://news.google.com/rss/articles/{token}?oc=5"
    summary = (f"&lt;a href=\"{link}\" target=\"_blank\"&gt;{title}&lt;/a&gt;&amp;nbsp;&amp;nbsp;"
               f"&lt;font color=\"#6f6f6f\"&gt;{publisher}&lt;/font&gt;")
    return item(f"{title} - {publisher}", link, summary, guid=token,
                extra=f"{site}|{publisher}" if with_source else "")


def test_news_search_copy_joins_the_publishers_copy_and_links_there(world: WorldServer, store: Store):
    base = world.base
    own = f"{base}/nikkei/article/DGXZQOUA07CPK0X01C25A0000000/"
    world.routes["/google.rss"] = Route(rss_with_sources([
        google_item(NIKKEI_TITLE, "日本経済新聞", "https://www.nikkei.com"),
        google_item("OpenAI asks for patience as Japan weighs Sora 2 rules", "Reuters",
                    "https://www.reuters.com", with_source=False, n=1)]))
    world.routes["/nikkei.rss"] = Route(rss([item(NIKKEI_TITLE, own, "城内実大臣は7日の記者会見で要請した。")]))
    poller = setup(store, [Source("News search", "feed", world.url("/google.rss"))])
    cycle(poller)
    titles = {a.title for a in store.alerts()}
    assert NIKKEI_TITLE in titles and "OpenAI asks for patience as Japan weighs Sora 2 rules" in titles
    store.apply_config([], [Source("Nikkei", "feed", world.url("/nikkei.rss"))])
    assert cycle(poller) == []
    kiuchi = [a for a in store.alerts() if a.entity == "Minoru Kiuchi"]
    assert len(kiuchi) == 1 and kiuchi[0].url == own and set(kiuchi[0].sources) == {"News search", "Nikkei"}
    assert all(a.url == own for a in store.alerts() if a.story == kiuchi[0].story)


def test_publisher_first_then_news_search_copy_keeps_the_publishers_link(world: WorldServer, store: Store):
    base = world.base
    own = f"{base}/nikkei/article/DGXZQOUA07CPK0X01C25A0000000/"
    world.routes["/nikkei.rss"] = Route(rss([item(NIKKEI_TITLE, own, "城内実大臣は7日の記者会見で要請した。")]))
    world.routes["/google.rss"] = Route(rss_with_sources([
        google_item(NIKKEI_TITLE, "日本経済新聞", "https://www.nikkei.com")]))
    poller = setup(store, [Source("Nikkei", "feed", world.url("/nikkei.rss"))])
    cycle(poller)
    store.apply_config([], [Source("News search", "feed", world.url("/google.rss"))])
    assert cycle(poller) == []
    assert {a.url for a in store.alerts()} == {own}


def test_two_spellings_of_one_link_are_one_story(world: WorldServer, store: Store):
    base = world.base
    title_a = "OpenAI responds to Japan on Sora 2"
    world.routes["/a.rss"] = Route(rss([item(title_a, f"{base}/news/2025/./10/../10/sora-2?id=7&amp;utm_source=rss",
                                             "statement")]))
    world.routes["/b.rss"] = Route(rss([item("Japan: OpenAI answers over its video app",
                                             f"{base}/news/2025/10/sora-2?mtm_campaign=feed&id=7&yclid=YJAD.1"
                                             "&_hsenc=p2ANqtz&mc_cid=1&s_kwcid=AL!1&ldtag_cl=x", "coverage")]))
    poller = setup(store, [Source("A", "feed", world.url("/a.rss")), Source("B", "feed", world.url("/b.rss"))])
    cycle(poller)
    alerts = [a for a in store.alerts() if a.entity == "OpenAI"]
    assert len(alerts) == 1 and set(alerts[0].sources) == {"A", "B"}
    assert "&amp;" not in alerts[0].url and "utm_source" not in alerts[0].url


def test_an_edited_item_is_a_revision_with_the_latest_title_and_new_names_alert(world: WorldServer, store: Store,
                                                                              data_dir: Path):
    base = world.base
    link = f"{base}/cao/press/20251007.html"
    world.routes["/cao.rss"] = Route(rss([item("【速報】OpenAIがSora 2の運用方針を発表", link,
                                               "OpenAIは方針を発表した。", guid="cao-20251007-1")]))
    poller = setup(store, [Source("Cabinet Office", "feed", world.url("/cao.rss"), official_for=("Minoru Kiuchi",))])
    cycle(poller)
    assert {a.entity for a in store.alerts()} == {"OpenAI", "Sora 2"}
    world.routes["/cao.rss"] = Route(rss([item("OpenAIがSora 2の運用方針を発表 城内実大臣が評価", link,
                                               "城内実大臣はOpenAIの方針を評価した。", guid="cao-20251007-1")]))
    new = cycle(poller)
    [kiuchi] = store.alerts(ids=new)
    assert kiuchi.entity == "Minoru Kiuchi" and kiuchi.kind == "statement"
    assert dispatch.notifications_for(store, new, datetime.now(UTC))
    result = run_cli(data_dir, "alerts", "--json")
    assert result.code == 0
    alerts = json.loads(result.out)
    assert len(alerts) == 3
    assert {a["title"] for a in alerts} == {"OpenAIがSora 2の運用方針を発表 城内実大臣が評価"}
    assert all(a["revisions"] == 1 for a in alerts)
    assert len({a["story"] for a in alerts}) == 1
    assert store.count("items") == 1
    # the same version again is no revision
    assert cycle(poller) == [] and store.alerts()[0].revisions == 1


def test_a_feed_reusing_one_guid_keeps_every_item_and_says_so(world: WorldServer, store: Store, data_dir: Path):
    base = world.base
    world.routes["/reuse.rss"] = Route(rss([
        item("OpenAI announces Sora 2 opt-in for rightsholders", f"{base}/p/1", "a", guid="latest"),
        item("OpenAI publishes Sora 2 system card", f"{base}/p/2", "b", guid="latest"),
        item("OpenAI opens Sora 2 in Japan", f"{base}/p/3", "c", guid="latest"),
    ]))
    world.routes["/good.rss"] = Route(rss([item("OpenAI hires in Tokyo", f"{base}/g/1", "d")]))
    poller = setup(store, [Source("Reuser", "feed", world.url("/reuse.rss")),
                           Source("Good", "feed", world.url("/good.rss"))])
    cycle(poller)
    assert len({a.url for a in store.alerts()}) == 4
    assert store.count("items") == 4
    assert cycle(poller) == [] and store.count("items") == 4
    health = {h["name"]: h for h in json.loads(run_cli(data_dir, "sources", "--json").out)}
    assert health["Reuser"]["status"] == "ok" and health["Reuser"]["last_error"] is None
    assert "GUID" in health["Reuser"]["note"]
    assert health["Good"]["note"] is None


def test_listing_page_dates_keep_their_time(world: WorldServer, store: Store):
    rows = [("2025年10月10日 14時30分", "a", datetime(2025, 10, 10, 5, 30, tzinfo=UTC)),
            ("令和7年10月7日（火）10:15", "b", datetime(2025, 10, 7, 1, 15, tzinfo=UTC)),
            ("2025年10月6日（月） 午後3時", "c", datetime(2025, 10, 6, 6, 0, tzinfo=UTC))]
    lis = "".join(f'<li><span class="date">{d}</span><a href="/cao/{slug}.html">OpenAI Sora 2 会見 {slug}</a></li>'
                  for d, slug, _ in rows)
    relative = '<li><span class="date">3時間前</span><a href="/cao/r.html">OpenAI Sora 2 会見 r</a></li>'
    page = f'<html><head><meta charset="utf-8"></head><body><ul class="press">{lis}{relative}</ul></body></html>'
    world.routes["/press.html"] = Route(page.encode(), content_type="text/html")
    poller = setup(store, [Source("Press", "page", world.url("/press.html"),
                                  options={"item": "ul.press li", "date": ".date"})])
    cycle(poller)
    published = {row[0].rsplit("/", 1)[1]: datetime.fromtimestamp(row[1], UTC)
                 for row in store.conn.execute("SELECT url, published FROM items")}
    for _, slug, expected in rows:
        assert published[f"{slug}.html"] == expected
    assert abs(published["r.html"] - (datetime.now(UTC) - timedelta(hours=3))) < timedelta(minutes=5)


def test_undeclared_page_encodings(world: WorldServer, store: Store):
    french = ('<html><body><ul class="n"><li><a href="/fr/1">Communiqué : OpenAI et la société française de '
              'droits d’auteur, déjà saisie à propos de Sora 2 — « réponse »</a></li></ul></body></html>')
    japanese = ('<html><body><ul class="n"><li><a href="/ja/1">城内実大臣、OpenAIに「Sora 2」の著作権対応を要請'
                '</a></li></ul></body></html>')
    world.routes["/fr.html"] = Route(french.encode("cp1252"), content_type="text/html")
    world.routes["/ja.html"] = Route(japanese.encode("cp932"), content_type="text/html")
    poller = setup(store, [Source("FR", "page", world.url("/fr.html"), options={"item": "ul.n li"}),
                           Source("JA", "page", world.url("/ja.html"), options={"item": "ul.n li"})])
    cycle(poller)
    titles = {row[0] for row in store.conn.execute("SELECT title FROM items")}
    assert "Communiqué : OpenAI et la société française de droits d’auteur, déjà saisie à propos de Sora 2 — " \
           "« réponse »" in titles
    assert "城内実大臣、OpenAIに「Sora 2」の著作権対応を要請" in titles


def test_an_imported_entity_is_matched_against_stored_items_silently(world: WorldServer, data_dir: Path,
                                                                     tmp_path: Path):
    base = world.base
    world.routes["/cao.rss"] = Route(rss([
        item("城内実大臣記者会見 OpenAIへの要請について", f"{base}/cao/1", "知的財産戦略担当大臣の会見。"),
        item("月例経済報告", f"{base}/cao/2", "景気は緩やかに回復している。"),
        item("Minister Kiuchi on Sora 2", f"{base}/cao/3", "The minister spoke.")]))
    first = {"version": 1, "watchlists": [{"name": "AI", "entities": [{"name": "OpenAI", "kind": "company"}]}],
             "sources": [{"name": "Cabinet Office", "kind": "feed", "url": world.url("/cao.rss")}]}
    (tmp_path / "first.json").write_text(json.dumps(first), encoding="utf-8")
    assert run_cli(data_dir, "import", str(tmp_path / "first.json")).code == 0
    assert run_cli(data_dir, "poll", "--once").code == 0
    second = {"version": 1, "watchlists": [{"name": "AI", "entities": [
        {"name": "Minoru Kiuchi", "kind": "official", "aliases": ["城内実", "Kiuchi"],
         "context": ["minister", "大臣"]}]}],
              "sources": [{"name": "Cabinet Office", "kind": "feed", "url": world.url("/cao.rss"),
                           "official_for": ["Minoru Kiuchi"]}]}
    (tmp_path / "second.json").write_text(json.dumps(second), encoding="utf-8")
    result = run_cli(data_dir, "import", str(tmp_path / "second.json"))
    assert result.code == 0 and "2 stored items matched" in result.out
    alerts = [a for a in json.loads(run_cli(data_dir, "alerts", "--json").out) if a["entity"] == "Minoru Kiuchi"]
    assert len(alerts) == 2 and all(a["backfilled"] and a["kind"] == "statement" for a in alerts)
    again = run_cli(data_dir, "import", str(tmp_path / "second.json"))
    assert "stored items matched" not in again.out
    with Store(data_dir / "stakewatch.db") as store:
        assert store.conn.execute("SELECT COUNT(*) FROM alerts WHERE notified IS NOT NULL").fetchone()[0] == 0


def test_two_spellings_of_a_watched_name_are_still_one_story(world: WorldServer, store: Store):
    base = world.base
    watchlist = Watchlist("Japan AI & IP", (
        Entity("Minoru Kiuchi", "official", aliases=("Kiuchi", "Jouchi"), context=("minister",)),
        Entity("OpenAI", "company")))
    world.routes["/a.rss"] = Route(rss([item("Minister Kiuchi asks OpenAI to stop Sora 2 infringing anime copyrights",
                                             f"{base}/a/1", "The minister spoke.")]))
    world.routes["/b.rss"] = Route(rss([item("Minister Jouchi asks OpenAI to stop Sora 2 infringing anime copyrights",
                                             f"{base}/b/1", "The minister spoke.")]))
    store.apply_config([watchlist], [Source("A", "feed", world.url("/a.rss")),
                                     Source("B", "feed", world.url("/b.rss"))])
    Poller(store, PollConfig()).run_cycle(force=True)
    kiuchi = [a for a in store.alerts() if a.entity == "Minoru Kiuchi"]
    assert len(kiuchi) == 1 and set(kiuchi[0].sources) == {"A", "B"}


def test_listing_page_dates_without_a_date_selector(world: WorldServer, store: Store):
    page = ('<html><head><meta charset="utf-8"></head><body><ul class="news">'
            '<li>2025年10月10日 14時30分 <a href="/n/1">OpenAI、Sora 2の方針</a></li>'
            '<li><a href="/n/2">10月9日の会見 OpenAI</a> <time datetime="2025-10-08T09:00:00+09:00">10月8日</time></li>'
            '<li><a href="/n/3">10月7日の会見 OpenAI</a></li>'
            '</ul></body></html>')
    world.routes["/news.html"] = Route(page.encode(), content_type="text/html")
    poller = setup(store, [Source("News", "page", world.url("/news.html"), options={"item": "ul.news li"})])
    cycle(poller)
    rows = {row[0].rsplit("/", 1)[1]: (datetime.fromtimestamp(row[1], UTC), row[2])
            for row in store.conn.execute("SELECT url, published, dated FROM items")}
    assert rows["1"] == (datetime(2025, 10, 10, 5, 30, tzinfo=UTC), 1)
    assert rows["2"] == (datetime(2025, 10, 8, 0, 0, tzinfo=UTC), 1)
    assert rows["3"][1] == 0


def test_two_ministries_same_press_conference_title_are_two_stories(world: WorldServer, store: Store):
    base = world.base
    title = "大臣記者会見（令和7年10月7日）"
    world.routes["/cao.rss"] = Route(rss([item(title, f"{base}/cao/kaiken",
                                               "城内実大臣がOpenAIへの要請について述べた。")]))
    world.routes["/digital.rss"] = Route(rss([item(title, f"{base}/digital/kaiken",
                                                   "平将明大臣がOpenAIへの要請について述べた。")]))
    world.routes["/wire.rss"] = Route(rss([item(title, f"{base}/wire/kaiken", "城内実大臣の会見を伝える。")]))
    poller = setup(store, [
        Source("Cabinet Office", "feed", world.url("/cao.rss"), official_for=("Minoru Kiuchi",)),
        Source("Digital Agency", "feed", world.url("/digital.rss"), official_for=("Masaaki Taira",)),
        Source("Wire", "feed", world.url("/wire.rss")),
    ])
    # the ministry whose minister the wire does not name answers first, the wire before the other
    for name in ("Digital Agency", "Wire", "Cabinet Office"):
        poller.run_cycle(force=True, sources=[s for s in store.sources() if s.name == name])
    stories = {a.entity: a.story for a in store.alerts() if a.kind == "statement"}
    assert stories["Minoru Kiuchi"] != stories["Masaaki Taira"]
    [kiuchi] = [a for a in store.alerts() if a.entity == "Minoru Kiuchi"]
    assert set(kiuchi.sources) == {"Cabinet Office", "Wire"}


def test_backfill_joins_a_copy_to_the_story_it_already_has(world: WorldServer, store: Store):
    base = world.base
    title = "城内実大臣、生成AIの著作権侵害防止を米企業に要請"
    world.routes["/a.rss"] = Route(rss([item(title, f"{base}/a/1",
                                             "動画生成AI「Sora 2」を巡り城内実大臣が会見した。")]))
    world.routes["/b.rss"] = Route(rss([item(title + "（共同）", f"{base}/b/1", "城内実大臣が会見した。")]))
    only_sora = Watchlist("Japan AI & IP", (Entity("Sora 2", "product", aliases=("Sora2",)),))
    store.apply_config([only_sora], [Source("A", "feed", world.url("/a.rss")),
                                     Source("B", "feed", world.url("/b.rss"))])
    Poller(store, PollConfig()).run_cycle(force=True)
    assert store.conn.execute("SELECT COUNT(*) FROM items WHERE story_id IS NULL").fetchone()[0] == 1
    from stakewatch.core.matching.backfill import backfill, changed_entities

    before = store.watchlists()
    store.apply_config([WATCHLIST], [])
    result = backfill(store, changed_entities(before, store.watchlists()))
    kiuchi = [a for a in store.alerts() if a.entity == "Minoru Kiuchi"]
    assert result.matched_items == 2 and len(kiuchi) == 1 and set(kiuchi[0].sources) == {"A", "B"}


def test_stories_command_lists_one_line_per_story(world: WorldServer, store: Store, data_dir: Path):
    base = world.base
    own = f"{base}/nikkei/article/DGXZQOUA07CPK0X01C25A0000000/"
    world.routes["/google.rss"] = Route(rss_with_sources([
        google_item(NIKKEI_TITLE, "日本経済新聞", "https://www.nikkei.com")]))
    world.routes["/nikkei.rss"] = Route(rss([item(NIKKEI_TITLE, own, "城内実大臣は7日の記者会見で要請した。")]))
    world.routes["/digital.rss"] = Route(rss([item(
        "平将明大臣、OpenAIに著作権侵害防止を要請 動画生成AI「Sora 2」巡り", f"{base}/digital/1",
        "平将明デジタル大臣は記者会見で述べた。")]))
    poller = setup(store, [Source("News search", "feed", world.url("/google.rss")),
                           Source("Nikkei", "feed", world.url("/nikkei.rss")),
                           Source("Digital Agency", "feed", world.url("/digital.rss"),
                                  official_for=("Masaaki Taira",))])
    cycle(poller)
    result = run_cli(data_dir, "stories", "--since", "7d", "--json")
    assert result.code == 0, result.err
    stories = {s["url"]: s for s in json.loads(result.out)}
    assert set(stories) == {own, f"{base}/digital/1"}
    kiuchi = stories[own]
    assert "Minoru Kiuchi" in kiuchi["entities"] and "Masaaki Taira" not in kiuchi["entities"]
    assert set(kiuchi["sources"]) == {"News search", "Nikkei"} and set(kiuchi["kinds"].values()) == {"coverage"}
    taira = stories[f"{base}/digital/1"]
    assert "Masaaki Taira" in taira["entities"] and taira["kinds"]["Masaaki Taira"] == "statement"
    assert {"story", "title", "url", "published", "entities", "kinds", "sources"} <= set(kiuchi)
    assert "Published" in run_cli(data_dir, "stories").out


def test_one_story_from_several_publishers_in_a_news_search_is_one_alert(world: WorldServer, store: Store):
    world.routes["/google.rss"] = Route(rss_with_sources([
        google_item(NIKKEI_TITLE, "日本経済新聞", "https://www.nikkei.com", n=1),
        google_item(NIKKEI_TITLE, "47NEWS", "https://www.47news.jp", n=2),
        google_item(NIKKEI_TITLE, "Yahoo!ニュース", "https://news.yahoo.co.jp", n=3)]))
    poller = setup(store, [Source("News search", "feed", world.url("/google.rss"))])
    cycle(poller)
    kiuchi = [a for a in store.alerts() if a.entity == "Minoru Kiuchi"]
    assert len(kiuchi) == 1 and kiuchi[0].title == NIKKEI_TITLE


def test_a_guid_reused_across_answers_is_a_new_item_but_an_edit_that_moves_the_page_is_not(
        world: WorldServer, store: Store):
    base = world.base
    world.routes["/latest.rss"] = Route(rss([item("OpenAI announces Sora 2 opt-in for rightsholders",
                                                  f"{base}/p/1", "a", guid="latest")]))
    poller = setup(store, [Source("Latest", "feed", world.url("/latest.rss"))])
    cycle(poller)
    world.routes["/latest.rss"] = Route(rss([item("Minister Minoru Kiuchi meets OpenAI executives",
                                                  f"{base}/p/2", "b", guid="latest")]))
    new = cycle(poller)
    assert {a.entity for a in store.alerts(ids=new)} == {"Minoru Kiuchi", "OpenAI"}
    assert store.count("items") == 2
    titles = {a.title for a in store.alerts()}
    assert "OpenAI announces Sora 2 opt-in for rightsholders" in titles
    world.routes["/blog.rss"] = Route(rss([item("Minister Minoru Kiuchi meets OpenAI executives",
                                                f"{base}/blog/draft-12", "c", guid="blog?p=12")]))
    store.apply_config([], [Source("Blog", "feed", world.url("/blog.rss"))])
    blog = [s for s in store.sources() if s.name == "Blog"]
    poller.run_cycle(force=True, sources=blog)
    world.routes["/blog.rss"] = Route(rss([item("Minister Minoru Kiuchi meets OpenAI executives in Tokyo",
                                                f"{base}/blog/kiuchi-meets-openai", "c", guid="blog?p=12")]))
    assert poller.run_cycle(force=True, sources=blog).new_alerts == []
    assert store.count("items") == 3
    assert store.conn.execute("SELECT COUNT(*) FROM item_revisions").fetchone()[0] == 1


def test_backfilled_alerts_never_pop_up_even_if_handed_to_the_policy(world: WorldServer, store: Store):
    base = world.base
    world.routes["/a.rss"] = Route(rss([item("城内実大臣が会見", f"{base}/a/1", "知財担当の城内実大臣。")]))
    only_openai = Watchlist("Japan AI & IP", (Entity("OpenAI", "company"),))
    store.apply_config([only_openai], [Source("A", "feed", world.url("/a.rss"))])
    Poller(store, PollConfig()).run_cycle(force=True)
    from stakewatch.core.matching.backfill import backfill, changed_entities

    before = store.watchlists()
    store.apply_config([WATCHLIST], [])
    assert backfill(store, changed_entities(before, store.watchlists())).new_alerts == 1
    ids = [a.id for a in store.alerts()]
    assert dispatch.notifications_for(store, ids, datetime.now(UTC)) == []
