"""Names in every script, aliases that know when they apply, offices, related entities and names per
language: matched, validated on import, stored, exported back unchanged."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest

from stakewatch.core.exchange.transfer import Refused, config_to_json, export_file, import_file, parse_config
from stakewatch.core.i18n import use_language
from stakewatch.core.matching.backfill import backfill
from stakewatch.core.matching.matcher import Matcher
from stakewatch.core.matching.variants import simplified, spellings, traditional
from stakewatch.core.model import Item, Source
from stakewatch.core.store.database import Store

DOCUMENT = {
    "version": 1,
    "watchlists": [{"name": "W", "entities": [
        {"name": "Masaaki Taira", "kind": "official",
         "names": {"ja": "平将明", "en": "Masaaki Taira", "ko": "다이라 마사아키"},
         "aliases": ["平将明", {"text": "Taira", "needs_context": True}],
         "context": ["minister", "大臣"],
         "offices": [{"titles": {"ja": ["デジタル大臣", "デジタル相"], "en": "digital minister"},
                      "from": "2024-10-01", "until": "2025-10-21"}]},
        {"name": "Sora 2", "kind": "product",
         "aliases": ["Sora2", {"text": "Sora", "needs_context": True, "from": "2025-09-30"}],
         "context": ["video generation"], "related": ["OpenAI", "Sam Altman"]},
        {"name": "OpenAI", "kind": "company", "aliases": ["오픈AI"]},
        {"name": "Sam Altman", "kind": "official", "aliases": [{"text": "奥特曼", "needs_context": True}],
         "context": ["OpenAI"], "related": ["OpenAI"]},
        {"name": "Minoru Kiuchi", "kind": "official", "aliases": ["城内実"]}]}],
}


def matcher() -> Matcher:
    return Matcher(parse_config(DOCUMENT).watchlists)


def found(text: str, day: str, authors: tuple[str, ...] = ()) -> set[str]:
    moment = datetime.fromisoformat(day).replace(tzinfo=UTC)
    item = Item("g", "", text, authors=authors, published=moment)
    return {m.entity for m in matcher().match_item(item)}


def test_a_name_is_found_in_shinjitai_simplified_and_traditional_characters_and_the_text_is_kept():
    for text in ("城内実大臣が会見", "经济财政担当相城内实表示", "內閣府特命擔當大臣城內實在記者會上"):
        matches = matcher().match(text)
        assert [m.entity for m in matches] == ["Minoru Kiuchi"]
        assert matches[0].matched[0] in text  # shown as written, never folded
    assert matcher().match("城内に入る") == []


def test_variant_spellings_fold_one_to_one_and_expand_the_ambiguous():
    assert simplified("城内実") == "城内实" and traditional("城内実") == "城內實"
    assert simplified("塩崎彰久") == "盐崎彰久" and traditional("塩崎彰久") == "鹽崎彰久"
    assert "后藤" in set(spellings("後藤"))  # 后 is a character of its own: expanded, not folded
    assert "後藤" in set(spellings("后藤"))
    assert set(spellings("埼玉")) == {"埼玉"}  # 埼 never joins 崎
    assert len(list(spellings("内閣府特命担当大臣経済財政政策知的財産戦略"))) <= 128


def test_an_office_names_its_holder_only_during_the_tenure():
    assert found("Japan's digital minister urges OpenAI to act, the minister said", "2025-10-07") == \
        {"Masaaki Taira", "OpenAI"}
    assert found("デジタル相が就任会見、大臣として抱負", "2025-10-22") == set()  # the successor
    assert found("デジタル相が会見、大臣として", "2023-09-13") == set()  # a predecessor
    assert found("デジタル相が会見", "2025-10-07") == set()  # a title alone needs context
    assert found("Germany's digital minister opens a data centre", "2025-05-01") == set()  # not its own context
    assert found("デジタル大臣が会見", "2025-10-07") == set() and \
        found("デジタル大臣が会見、閣議後に大臣として", "2025-10-07") == {"Masaaki Taira"}


def test_a_product_generation_counts_from_its_launch():
    assert found("OpenAI unveils Sora video generation model", "2024-02-15") == {"OpenAI"}
    assert found("OpenAI brings Sora to Android", "2025-11-04") == {"OpenAI", "Sora 2"}


def test_a_related_entity_counts_as_context_in_the_text_and_as_the_author():
    assert found("Sora update #1", "2025-10-03", authors=("Sam Altman",)) == {"Sora 2", "Sam Altman"}
    assert found("오픈AI 영상 앱 Sora", "2025-11-05") == {"OpenAI", "Sora 2"}
    assert found("世界上真的有奥特曼吗？", "2023-05-08") == set()  # Ultraman
    assert found("OpenAI执行长奥特曼表示", "2025-10-05") == {"OpenAI", "Sam Altman"}


def test_an_undated_item_is_judged_by_the_day_it_was_found():
    item = Item("g", "", "OpenAI brings Sora to Android")
    assert {m.entity for m in matcher().match_item(item, found_at=datetime(2024, 3, 1, tzinfo=UTC))} == {"OpenAI"}
    assert {m.entity for m in matcher().match_item(item, found_at=datetime(2025, 11, 1, tzinfo=UTC))} == \
        {"OpenAI", "Sora 2"}


def test_names_are_shown_in_the_reader_language_and_fall_back_to_the_name():
    entity = parse_config(DOCUMENT).watchlists[0].entities[0]
    with use_language("ja"):
        assert entity.label() == "平将明"
    with use_language("en"):
        assert entity.label() == "Masaaki Taira"
    assert entity.label("ko") == "다이라 마사아키" and entity.label("de") == "Masaaki Taira"


def test_offices_names_dates_and_related_entities_export_back_unchanged(tmp_path):
    path = tmp_path / "in.json"
    path.write_text(json.dumps(DOCUMENT, ensure_ascii=False), encoding="utf-8")
    with Store(tmp_path / "stakewatch.db") as store:
        import_file(store, path)
        export_file(store, tmp_path / "out.json")
        exported = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
        again = parse_config(exported)
        assert config_to_json(again.watchlists, again.sources) == exported
    taira, sora = exported["watchlists"][0]["entities"][:2]
    assert taira["names"] == DOCUMENT["watchlists"][0]["entities"][0]["names"]
    assert taira["offices"] == DOCUMENT["watchlists"][0]["entities"][0]["offices"]
    assert {"text": "Sora", "needs_context": True, "from": "2025-09-30"} in sora["aliases"]
    assert sora["related"] == ["OpenAI", "Sam Altman"]


@pytest.mark.parametrize(("change", "place", "words"), [
    (lambda e: e["aliases"].append({"text": "Sora", "from": "30/09/2025"}), "aliases[2].from",
     "date written YYYY-MM-DD"),
    (lambda e: e["aliases"].append({"text": "Sora", "from": "2025-10-01", "until": "2025-09-01"}),
     "aliases[2].until", "before it starts"),
    (lambda e: e["aliases"].append({"text": "Sora", "when": "now"}), "aliases[2].when", "not a field of an alias"),
    (lambda e: e.update(names={"Japanese": "ソラ"}), "names.Japanese", "not a language code"),
    (lambda e: e.update(offices=[{"titles": {}}]), "offices[0].titles", "at least one title"),
    (lambda e: e.update(offices=[{"titles": {"ja": "相"}, "since": "2024"}]), "offices[0].since",
     "not a field of an office"),
    (lambda e: e.update(related=["Nobody"]), "related[0]", "no entity named 'Nobody'"),
    (lambda e: e.update(related=["Sora 2"]), "related[0]", "the entity itself"),
])
def test_bad_dates_names_offices_and_related_entities_are_refused_naming_the_place(tmp_path, change, place, words):
    document = json.loads(json.dumps(DOCUMENT))
    change(document["watchlists"][0]["entities"][1])
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    with Store(tmp_path / "stakewatch.db") as store:
        with pytest.raises(Refused) as refused:
            import_file(store, path)
        assert store.watchlists() == []
    assert f"watchlists[0].entities[1].{place}" in refused.value.message and words in refused.value.message
    with use_language("ja"):
        assert words not in refused.value.message


def test_backfill_judges_dated_aliases_by_each_stored_item_day(tmp_path):
    from stakewatch.core.matching.ingest import ingest
    from stakewatch.core.store.database import open_store

    store = open_store(tmp_path)
    config = parse_config({**DOCUMENT, "watchlists": [{"name": "W", "entities": [
        {"name": "OpenAI", "kind": "company"}]}], "sources": [{"name": "S", "url": "http://127.0.0.1/s"}]})
    store.apply_config(config.watchlists, config.sources)
    items = [Item("a", "http://127.0.0.1/a", "OpenAI unveils Sora", published=datetime(2024, 2, 15, tzinfo=UTC)),
             Item("b", "http://127.0.0.1/b", "OpenAI brings Sora to Android",
                  published=datetime(2025, 11, 4, tzinfo=UTC))]
    source = store.sources()[0]
    now = datetime(2025, 11, 5, tzinfo=UTC)
    ingest(store, source, items, Matcher(store.watchlists()), store.entity_ids(), now, None, now)
    full = parse_config(DOCUMENT)
    store.apply_config(full.watchlists, ())
    backfill(store, [("W", "Sora 2")], now)
    sora = [a for a in store.alerts() if a.entity == "Sora 2"]
    assert [a.title for a in sora] == ["OpenAI brings Sora to Android"]
    assert date(2025, 11, 4) == sora[0].published.date()
    store.close()


def test_alerts_carry_the_entity_label_in_the_reader_language(tmp_path):
    from stakewatch.core.matching.ingest import ingest
    from stakewatch.core.store.database import open_store

    store = open_store(tmp_path)
    config = parse_config({**DOCUMENT, "sources": [{"name": "S", "url": "http://127.0.0.1/s"}]})
    store.apply_config(config.watchlists, config.sources)
    now = datetime(2025, 10, 8, tzinfo=UTC)
    ingest(store, store.sources()[0], [Item("a", "http://127.0.0.1/a", "平将明大臣が会見", published=now)],
           Matcher(store.watchlists()), store.entity_ids(), now, None, now)
    (alert,) = store.alerts()
    with use_language("ja"):
        assert (alert.entity, alert.entity_label, alert.to_json()["entity_label"]) == \
            ("Masaaki Taira", "平将明", "平将明")
    with use_language("en"):
        assert alert.to_json()["entity_label"] == "Masaaki Taira"
    store.close()


def test_an_owned_source_makes_its_owner_context_for_related_entities():
    config = parse_config(DOCUMENT)
    blog = Source("Sam's blog", "feed", "http://127.0.0.1/b", extra={"entity": "Sam Altman"})
    item = Item("g", "", "Sora update #1", published=datetime(2025, 10, 3, tzinfo=UTC))
    assert {m.entity for m in Matcher(config.watchlists).match_item(item, blog)} == {"Sam Altman", "Sora 2"}


def labelled_alert(entity: str, names: tuple[tuple[str, str], ...], story: int = 1, kind: str = "coverage"):
    from stakewatch.core.model import Alert

    now = datetime(2025, 10, 7, 3, tzinfo=UTC)
    return Alert(id=story * 10 + len(entity), entity=entity, watchlist="W", kind=kind, title="Sora 2 に関する会見",
                 url="https://example.org/a", source="S", sources=("S",), published=now, found=now,
                 matched=(), snippet="", story=story, entity_names=names)


TAIRA = (("ja", "平将明"), ("en", "Masaaki Taira"))


def test_a_notification_and_a_digest_name_the_minister_in_the_reader_language():
    from stakewatch.core.delivery.policy import digest_notification, story_notification

    group = [labelled_alert("Sora 2", ()), labelled_alert("Masaaki Taira", TAIRA)]
    with use_language("ja"):
        assert story_notification(group).title == "Sora 2、平将明 に関する報道"
        assert "平将明（1 件）" in digest_notification(group).title
    with use_language("en"):
        assert story_notification(group).title == "Coverage: Sora 2, Masaaki Taira"


def test_a_channel_message_names_entities_in_the_language_it_is_rendered_in():
    from stakewatch.core.delivery.channels import render, scheduled_payload, story_payload

    group = [labelled_alert("Masaaki Taira", TAIRA, kind="statement")]
    payload = json.loads(json.dumps(story_payload(group)))  # as the outbox stores it
    with use_language("ja"):
        assert "平将明" in render(payload, markdown=False)[1]
    with use_language("en"):
        assert "Masaaki Taira" in render(payload, markdown=False)[1]
        body = render(scheduled_payload(group, group[0].published, group[0].published), markdown=True)[1]
    with use_language("ja"):
        assert "## 平将明" in render(scheduled_payload(group, group[0].published, group[0].published),
                                     markdown=True)[1]
    assert "## Masaaki Taira" in body


def test_the_briefing_names_entities_in_the_reader_language(tmp_path):
    from stakewatch.core.exchange.briefing import build_briefing
    from stakewatch.core.matching.ingest import ingest
    from stakewatch.core.store.database import open_store

    store = open_store(tmp_path)
    config = parse_config({**DOCUMENT, "sources": [{"name": "S", "url": "http://127.0.0.1/s"}]})
    store.apply_config(config.watchlists, config.sources)
    now = datetime(2025, 10, 8, tzinfo=UTC)
    ingest(store, store.sources()[0], [Item("a", "http://127.0.0.1/a", "平将明大臣が会見", published=now)],
           Matcher(store.watchlists()), store.entity_ids(), now, None, now)
    with use_language("ja"):
        briefing = build_briefing(store, now.replace(day=1), now, now=now)
    taira = briefing.sections[0].entities[0]
    assert (taira.name, taira.statements[0].entity if taira.statements else taira.coverage[0].entity) == \
        ("平将明", "平将明")
    assert "平将明" in briefing.series and any(row.entity == "平将明" for row in briefing.summary)
    with use_language("ja"):
        assert build_briefing(store, now.replace(day=1), now, entities=["Masaaki Taira"], now=now).total == 1
    store.close()
