"""Diet records: speeches from the speech search API as statements and coverage (loopback API)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from dietapi import DietServer, speech

from conftest import run_cli
from stakewatch.core.model import Entity, Source, Watchlist
from stakewatch.core.service.poller import Poller
from stakewatch.core.sources import SOURCE_KINDS
from stakewatch.core.sources.diet import followed, window_start
from stakewatch.core.store.database import Store

NOW = datetime(2025, 11, 20, 3, tzinfo=UTC)
SHIOZAKI = Entity("Akihisa Shiozaki", "official", aliases=("塩崎彰久", "塩崎 彰久", "Shiozaki", "塩崎"),
                  context=("議員", "委員", "lawmaker"))
TAIRA = Entity("Masaaki Taira", "official", aliases=("平将明", "平大臣", "平デジタル相"), context=("大臣", "デジタル"))
KIUCHI = Entity("Minoru Kiuchi", "official", aliases=("城内実", "城内大臣"), context=("大臣",))
OPENAI = Entity("OpenAI", "company", aliases=("オープンAI",))
WATCHLIST = Watchlist("Japan AI & IP", (SHIOZAKI, TAIRA, KIUCHI, OPENAI))
FOLLOWED = ["Akihisa Shiozaki", "Masaaki Taira", "Minoru Kiuchi"]

SPEECHES = [
    speech(1, "塩崎彰久", "○塩崎委員　自由民主党の塩崎彰久です。生成ＡＩと著作権について平大臣にお伺いします。",
           group="自由民主党・無所属の会", yomi="しおざきあきひさ"),
    speech(2, "平将明", "○平国務大臣　お答えいたします。デジタル庁としては生成ＡＩの利活用を進めてまいります。",
           position="国務大臣（デジタル大臣）", yomi="たいらまさあき"),
    speech(3, "塩崎恭久", "○塩崎委員　塩崎でございます。社会保障について伺います。", date="2025-10-01",
           group="自由民主党", yomi="しおざきやすひさ"),
    speech(4, "城内実", "○城内国務大臣　知的財産戦略担当として、関係事業者に適切な対応を求めてまいります。",
           position="国務大臣（内閣府特命担当大臣（知的財産戦略））", date="2025-10-16", meeting="内閣委員会"),
    speech(5, "山田太郎", "○山田（太）委員　OpenAIの動画生成アプリについて政府の見解を伺います。",
           group="立憲民主党・無所属", date="2025-10-16"),
]


@pytest.fixture
def diet() -> Iterator[DietServer]:
    server = DietServer().start()
    server.state.speeches = list(SPEECHES)
    yield server
    server.stop()


def diet_source(url: str, **options: object) -> Source:
    return Source("Diet records", "diet", url, interval_minutes=360,
                  options={"entities": FOLLOWED, "pause_seconds": 0, **options})


def poll(store: Store, source: Source, clock: datetime = NOW) -> Poller:
    store.apply_config([WATCHLIST], [source])
    poller = Poller(store, clock=lambda: clock)
    return poller


def test_speakers_are_statements_mentions_are_coverage_and_namesakes_are_not_alerted(diet: DietServer,
                                                                                     store: Store):
    diet.state.filter_speakers = False  # every speech comes back, the father's too
    source = diet_source(diet.url, keywords=["OpenAI"])
    report = poll(store, source).run_cycle()
    assert report.outcomes[0].ok, report.outcomes[0].error
    assert report.outcomes[0].new_items == 5
    alerts = {(a.entity, a.url): a for a in store.alerts()}
    speech_url = {s["speaker"]: diet.local(s["speechURL"]) for s in SPEECHES}
    shiozaki = alerts[("Akihisa Shiozaki", speech_url["塩崎彰久"])]
    taira = alerts[("Masaaki Taira", speech_url["平将明"])]
    kiuchi = alerts[("Minoru Kiuchi", speech_url["城内実"])]
    assert shiozaki.kind == taira.kind == kiuchi.kind == "statement"
    assert shiozaki.record and taira.record and kiuchi.record
    assert "衆議院" in taira.title and "内閣委員会" in taira.title and "第3号" in taira.title
    # the lawmaker names the minister in his question: coverage of the minister
    assert alerts[("Masaaki Taira", speech_url["塩崎彰久"])].kind == "coverage"
    # another member's question naming OpenAI
    assert alerts[("OpenAI", speech_url["山田太郎"])].kind == "coverage"
    # the father, 塩崎恭久, is not the followed lawmaker, though he says 塩崎 in a 委員 speech
    assert not [a for a in store.alerts() if a.url == speech_url["塩崎恭久"]]
    # every page of each speaker's search was read, one request at a time
    starts = [(q["speaker"], q["startRecord"]) for q in diet.state.queries if "speaker" in q]
    assert starts == [(name, start) for name in ("塩崎彰久", "平将明", "城内実") for start in ("1", "3", "5")]
    assert all(q["recordPacking"] == "json" and q["maximumRecords"] == "100" for q in diet.state.queries)
    assert [q["any"] for q in diet.state.queries if "any" in q] == ["OpenAI"]


def test_later_page_is_read(diet: DietServer, store: Store):
    diet.state.page_size = 1
    later = speech(9, "平将明", "○平国務大臣　生成ＡＩの制度について、引き続き検討してまいります。", date="2025-10-20",
                   position="国務大臣（デジタル大臣）")
    diet.state.speeches.append(later)
    report = poll(store, diet_source(diet.url)).run_cycle()
    assert report.outcomes[0].ok
    assert report.outcomes[0].new_items == 4
    assert [q["startRecord"] for q in diet.state.queries if q["speaker"] == "平将明"] == ["1", "2"]
    taira = {a.url for a in store.alerts() if a.entity == "Masaaki Taira" and a.kind == "statement"}
    assert taira == {diet.local(SPEECHES[1]["speechURL"]), diet.local(later["speechURL"])}


def test_query_window_starts_60_days_back_then_from_last_success_with_margin(diet: DietServer, store: Store):
    source = diet_source(diet.url, margin_days=10)
    poller = poll(store, source)
    poller.run_cycle()
    assert diet.state.queries[0]["from"] == (NOW - timedelta(days=60)).strftime("%Y-%m-%d")
    later = NOW + timedelta(days=3)
    diet.state.queries.clear()
    Poller(store, clock=lambda: later).run_cycle(force=True)
    assert diet.state.queries[0]["from"] == (NOW - timedelta(days=10)).strftime("%Y-%m-%d")
    assert window_start(source, None, NOW) == NOW - timedelta(days=60)
    # a second cycle stores nothing twice
    assert len(store.alerts()) == len({(a.entity, a.url) for a in store.alerts()})


def test_empty_answer_is_a_success_without_items(diet: DietServer, store: Store):
    diet.state.speeches = []
    report = poll(store, diet_source(diet.url)).run_cycle()
    assert report.outcomes[0].ok and report.outcomes[0].new_items == 0
    assert [q["startRecord"] for q in diet.state.queries] == ["1", "1", "1"]  # one page for each speaker


@pytest.mark.parametrize("status", [200, 500])
def test_api_errors_become_health_in_words(diet: DietServer, store: Store, status: int):
    diet.state.fail_status = status
    report = poll(store, diet_source(diet.url)).run_cycle()
    outcome = report.outcomes[0]
    assert not outcome.ok and outcome.error
    # a 200 answer carrying the API's message shows that message; a server error its status
    assert ("検索処理でエラーが発生しました" if status == 200 else "500") in outcome.error
    assert store.alerts() == []
    assert {h.name: h for h in store.health(NOW)}["Diet records"].consecutive_failures == 1


def test_refused_query_message_is_shown(diet: DietServer, store: Store):
    from stakewatch.core.sources.base import ParseError
    from stakewatch.core.sources.diet import read_page

    body = json.dumps({"message": "検索条件の指定に誤りがあります。",
                       "details": ["最大取得件数は1～100の範囲で指定してください。"]}, ensure_ascii=False).encode()
    with pytest.raises(ParseError) as refused:
        read_page(body)
    assert "最大取得件数" in refused.value.message
    with pytest.raises(ParseError):
        read_page(b"<html>maintenance</html>")
    assert read_page(json.dumps({"numberOfRecords": 0, "numberOfReturn": 0, "startRecord": 1}).encode()) == ([], None)


def test_followed_speakers_are_japanese_full_names_only():
    source = Source("Diet", "diet", "https://kokkai.ndl.go.jp/api/speech", options={"entities": FOLLOWED})
    speakers = followed(source, [WATCHLIST])
    assert speakers == {"塩崎彰久": "Akihisa Shiozaki", "平将明": "Masaaki Taira",
                        "城内実": "Minoru Kiuchi"}
    by_alias = Source("Diet", "diet", "https://kokkai.ndl.go.jp/api/speech", options={"entities": ["平 将明"]})
    assert followed(by_alias, [WATCHLIST]) == {"平将明": "Masaaki Taira"}
    assert SOURCE_KINDS["diet"].check_options({"entities": "x"})
    assert SOURCE_KINDS["diet"].check_options({"pause_seconds": 500})
    assert SOURCE_KINDS["diet"].check_options({"entities": ["Masaaki Taira"], "keywords": ["生成AI"]}) is None


def test_cli_lists_diet_records(diet: DietServer, data_dir: Path, tmp_path: Path):
    recent = (datetime.now(UTC) - timedelta(days=5)).strftime("%Y-%m-%d")
    answer = speech(2, "平将明", "○平国務大臣　お答えいたします。", date=recent, position="国務大臣（デジタル大臣）")
    diet.state.speeches = [answer, speech(7, "平将明", "○平国務大臣　古い答弁です。", date="2020-01-01")]
    watchlist = {"version": 1, "watchlists": [{"name": "Japan AI & IP", "entities": [
        {"name": "Masaaki Taira", "kind": "official", "aliases": ["平将明"]}]}],
        "sources": [{"name": "Diet records", "kind": "diet", "url": diet.url,
                     "options": {"entities": ["Masaaki Taira"], "pause_seconds": 0}}]}
    path = tmp_path / "w.json"
    path.write_text(json.dumps(watchlist, ensure_ascii=False), encoding="utf-8")
    assert run_cli(data_dir, "import", str(path)).code == 0
    assert run_cli(data_dir, "poll", "--once").code == 0
    assert "statement (record)" in run_cli(data_dir, "alerts", "--since", "3650d").out
    alerts = json.loads(run_cli(data_dir, "alerts", "--since", "3650d", "--json").out)
    assert [(a["entity"], a["kind"], a["record"], a["url"]) for a in alerts] == [
        ("Masaaki Taira", "statement", True, diet.local(answer["speechURL"]))]


def test_briefing_marks_diet_records(diet: DietServer, store: Store):
    from stakewatch.core.exchange.briefing import build_briefing

    poll(store, diet_source(diet.url)).run_cycle()
    briefing = build_briefing(store, NOW - timedelta(days=400), NOW + timedelta(days=1), now=NOW)
    entries = [e for w in briefing.sections for s in w.entities for e in s.statements]
    assert entries and all(e.record for e in entries)


def test_speakers_are_searched_by_their_japanese_names_only():
    from stakewatch.core.model import Entity
    from stakewatch.core.sources.diet import speaker_names

    kiuchi = Entity("Minoru Kiuchi", "official", aliases=("城内実", "城内大臣"),
                    names=(("ja", "城内実"), ("zh", "城内实"), ("zh-Hant", "城內實"), ("ko", "기우치 미노루")))
    assert speaker_names(kiuchi) == ["城内実"]


def _many(count: int) -> list[dict[str, object]]:
    """Speeches whose pages are on loopback (a closed port): archiving them reaches nothing outside."""
    return [{**speech(n, "平将明", f"○平国務大臣　第{n}の答弁です。", position="国務大臣（デジタル大臣）",
                      date=f"2025-10-{1 + n % 28:02d}"), "speechURL": f"http://127.0.0.1:9/txt/{n}"}
            for n in range(1, count + 1)]


def test_a_huge_answer_is_capped_per_cycle_like_a_feed(diet: DietServer, store: Store):
    diet.state.speeches = _many(5_000)
    diet.state.page_size = 100
    report = poll(store, diet_source(diet.url)).run_cycle()
    (outcome,) = report.outcomes
    assert outcome.ok, outcome.error
    assert outcome.new_items == 500
    assert len(diet.state.queries) <= 40
    note = {h.name: h for h in store.health(NOW)}["Diet records"].note
    assert note is not None and "read 500 new records this time" in note, note


def test_what_was_read_before_a_failure_is_kept(diet: DietServer, store: Store):
    diet.state.page_size = 2
    diet.state.speeches = _many(10)
    diet.state.fail_status, diet.state.fail_after = 500, 3  # one search finds nothing, the next fails on page 3
    report = poll(store, diet_source(diet.url)).run_cycle()
    (outcome,) = report.outcomes
    assert outcome.ok and outcome.new_items == 4, outcome
    note = {h.name: h for h in store.health(NOW)}["Diet records"].note
    assert note is not None and "stopped after 4 records" in note and "500" in note, note
