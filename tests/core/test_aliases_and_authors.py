"""Alias objects and vetoes through import, export, the store, its migration and the editor;
authors read from feeds; a source that belongs to an entity, end to end against a loopback server."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest

from feedworld import Route, WorldServer, rss
from stakewatch.core.exchange import editing
from stakewatch.core.exchange.transfer import Refused, config_to_json, parse_config
from stakewatch.core.model import Entity
from stakewatch.core.service.poller import Poller
from stakewatch.core.sources.feed import parse_json_feed, parse_xml_feed
from stakewatch.core.store.database import Store, _statements
from stakewatch.core.store.schema import MIGRATIONS

TAIRA = {"name": "Masaaki Taira", "kind": "official",
         "aliases": ["平将明", {"text": "Taira", "needs_context": True}, {"text": "平氏", "needs_context": False}],
         "context": ["minister", "大臣"], "exclude": ["Taira clan"], "veto": ["Heike"]}


def document(*entities: dict[str, object], sources: list[dict[str, object]] | None = None) -> dict[str, object]:
    return {"version": 1, "watchlists": [{"name": "W", "entities": list(entities)}], "sources": sources or []}


def test_an_alias_may_be_text_or_an_object_and_export_writes_back_what_was_imported():
    config = parse_config(document(TAIRA))
    (entity,) = config.watchlists[0].entities
    assert entity.aliases == ("平将明", "Taira", "平氏")
    assert [(a.text, a.needs_context) for a in entity.terms] == [
        ("Masaaki Taira", False), ("平将明", False), ("Taira", True), ("平氏", False)]
    assert entity.veto == ("Heike",) and entity.exclude == ("Taira clan",)
    written = config_to_json(config.watchlists, ())["watchlists"][0]["entities"][0]
    assert written["aliases"] == TAIRA["aliases"] and written["veto"] == ["Heike"]
    assert parse_config(json.loads(json.dumps(config_to_json(config.watchlists, ())))) == config


def test_an_old_file_imports_unchanged_and_its_alias_free_excludes_still_rule_out_the_item():
    old = {"name": "Sora 2", "kind": "product", "aliases": ["Sora2", "Sora"], "context": ["OpenAI"],
           "exclude": ["Kingdom Hearts", "Sora Aoi"]}
    (entity,) = parse_config(document(old)).watchlists[0].entities
    assert entity.aliases == ("Sora2", "Sora") and entity.alias_context == ()
    assert entity.exclude == ("Sora Aoi",) and entity.veto == ("Kingdom Hearts",)
    written = config_to_json(parse_config(document(old)).watchlists, ())["watchlists"][0]["entities"][0]
    assert written["aliases"] == ["Sora2", "Sora"] and written["veto"] == ["Kingdom Hearts"]
    plain = {"name": "OpenAI", "kind": "company", "aliases": ["オープンAI"], "exclude": ["OpenAIRE"]}
    written = config_to_json(parse_config(document(plain)).watchlists, ())["watchlists"][0]["entities"][0]
    assert "veto" not in written and written["exclude"] == ["OpenAIRE"]


@pytest.mark.parametrize(("alias", "where"), [
    ({"text": "Taira", "needs_context": "yes"}, "aliases[0].needs_context"),
    ({"text": "", "needs_context": True}, "aliases[0].text"),
    ({"needs_context": True}, "aliases[0].text"),
    ({"text": "Taira", "context": True}, "aliases[0].context"),
    (42, "aliases[0]"),
])
def test_a_bad_alias_object_is_refused_naming_the_place(alias: object, where: str):
    with pytest.raises(Refused) as refused:
        parse_config(document({"name": "X", "aliases": [alias], "context": ["c"]}))
    assert refused.value.where == f"watchlists[0].entities[0].{where}"


def test_an_alias_that_needs_context_without_context_words_is_refused():
    with pytest.raises(Refused, match="needs context"):
        parse_config(document({"name": "X", "aliases": [{"text": "Taira", "needs_context": True}]}))


def test_a_source_may_belong_to_a_known_entity_and_its_items_are_statements():
    blog = {"name": "Blog", "kind": "feed", "url": "https://blog.example/posts.atom", "entity": "Masaaki Taira"}
    config = parse_config(document(TAIRA, sources=[blog]))
    (source,) = config.sources
    assert source.entity == "Masaaki Taira" and source.official_for == ("Masaaki Taira",)
    assert config_to_json((), config.sources)["sources"][0]["entity"] == "Masaaki Taira"
    with pytest.raises(Refused) as refused:
        parse_config(document(TAIRA, sources=[{**blog, "entity": "Nobody"}]))
    assert refused.value.where == "sources[0].entity"
    with pytest.raises(Refused):
        parse_config(document(TAIRA, sources=[{**blog, "kind": "search", "url": "https://s.example/?q={query}"}]))


def test_the_store_and_the_editor_keep_alias_choices_and_vetoes(store: Store):
    config = parse_config(document(TAIRA))
    store.apply_config(config.watchlists, ())
    assert store.watchlists() == list(config.watchlists)
    edited = editing.validate_entity({**TAIRA, "aliases": ["平将明", {"text": "Masaaki Taira", "needs_context": True},
                                                          {"text": "Taira", "needs_context": False}]}, [],
                                     "Masaaki Taira")
    editing.save_entity(store, "W", "Masaaki Taira", edited)
    (entity,) = store.watchlists()[0].entities
    assert entity.alias_context == (("Masaaki Taira", True), ("Taira", False))
    assert [(a.text, a.needs_context) for a in entity.terms] == [
        ("Masaaki Taira", True), ("平将明", False), ("Taira", False)]
    assert entity.veto == ("Heike",)


def test_the_migration_turns_excludes_that_name_no_alias_into_vetoes(tmp_path: Path):
    ours = next(i for i, script in enumerate(MIGRATIONS) if "ADD COLUMN veto" in script)
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    for script in MIGRATIONS[:ours]:
        for statement in _statements(script):
            conn.execute(statement)
    conn.execute(f"PRAGMA user_version = {ours}")
    conn.execute("INSERT INTO watchlists(id, name) VALUES (1, 'W')")
    conn.execute("INSERT INTO entities(watchlist_id, name, kind, aliases, context, exclude) VALUES "
                 "(1, 'Sora 2', 'product', '[\"Sora\"]', '[\"OpenAI\"]', '[\"Kingdom Hearts\", \"sora aoi\"]'), "
                 "(1, 'Kiuchi', 'official', '[]', '[]', '[\"Kiuchi Brewery\"]'), "
                 "(1, 'OpenAI', 'company', '[]', '[]', '[]')")
    conn.commit()
    conn.close()
    with Store(path) as store:
        entities = {e.name: e for e in store.watchlists()[0].entities}
    assert (entities["Sora 2"].exclude, entities["Sora 2"].veto) == (("sora aoi",), ("Kingdom Hearts",))
    assert (entities["Kiuchi"].exclude, entities["Kiuchi"].veto) == (("Kiuchi Brewery",), ())
    assert (entities["OpenAI"].exclude, entities["OpenAI"].veto) == ((), ())


def test_authors_are_read_from_rss_atom_rdf_and_json_feed():
    rss_body = rss([{"title": "A", "link": "https://e.example/a", "dc:creator": "Sam Altman"},
                    {"title": "B", "link": "https://e.example/b", "author": "sama@example.org (Sam Altman)"},
                    {"title": "C", "link": "https://e.example/c"}]).replace(
        b'<rss version="2.0">', b'<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">')
    assert [i.authors for i in parse_xml_feed(rss_body, "application/rss+xml", "https://e.example/", 10)] == [
        ("Sam Altman",), ("Sam Altman",), ()]
    atom = (b'<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><entry><title>x</title><id>urn:1</id>'
            b"<author><name>Sam Altman</name></author><author><name>&lt;b&gt;Greg&lt;/b&gt;</name></author>"
            b"</entry></feed>")
    assert parse_xml_feed(atom, "application/atom+xml", "https://e.example/", 10)[0].authors == (
        "Sam Altman", "Greg")
    rdf = ('<?xml version="1.0" encoding="UTF-8"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
           'xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
           '<channel rdf:about="https://e.example/"><title>t</title></channel>'
           '<item rdf:about="https://e.example/1"><title>会見</title><link>https://e.example/1</link>'
           "<dc:creator>塩崎彰久</dc:creator></item></rdf:RDF>").encode()
    assert parse_xml_feed(rdf, "application/rdf+xml", "https://e.example/", 10)[0].authors == ("塩崎彰久",)
    feed = {"version": "https://jsonfeed.org/version/1.1", "items": [
        {"id": "1", "title": "a", "authors": [{"name": "Sam Altman"}, {"url": "https://x.example"}]},
        {"id": "2", "title": "b", "author": {"name": "平将明"}}, {"id": "3", "title": "c", "authors": "bad"}]}
    assert [i.authors for i in parse_json_feed(json.dumps(feed).encode(), 10)] == [
        ("Sam Altman",), ("平将明",), ("bad",)]


def test_a_persons_own_blog_and_an_authored_post_alert_though_the_text_never_names_them(world: WorldServer,
                                                                                         store: Store):
    when = format_datetime(datetime.now(UTC) - timedelta(hours=1), usegmt=True)
    world.routes["/posts.rss"] = Route(rss([
        {"title": "Reflections", "link": f"{world.base}/reflections", "pubDate": when,
         "description": "The second birthday of the product was a month ago."}]))
    world.routes["/guest.rss"] = Route(rss([
        {"title": "Thoughts on AI rules", "link": f"{world.base}/guest", "pubDate": when,
         "author": "guest@example.org (Masaaki Taira)", "description": "A guest post."},
        {"title": "Other post", "link": f"{world.base}/other", "pubDate": when,
         "author": "someone@example.org (Someone Else)", "description": "Nothing to see."}]))
    altman = {"name": "Sam Altman", "kind": "official", "aliases": [{"text": "Altman", "needs_context": True}],
              "context": ["OpenAI"]}
    config = parse_config(document(altman, TAIRA, sources=[
        {"name": "Sam Altman's blog", "kind": "feed", "url": world.url("/posts.rss"), "entity": "Sam Altman"},
        {"name": "Guest posts", "kind": "feed", "url": world.url("/guest.rss")}]))
    store.apply_config(config.watchlists, config.sources)
    Poller(store).run_cycle()
    got = sorted((a.entity, a.kind, a.title) for a in store.alerts())
    assert got == [("Masaaki Taira", "coverage", "Thoughts on AI rules"),
                   ("Sam Altman", "statement", "Reflections")]


def test_matching_an_entity_keeps_the_plain_string_api():
    entity = Entity("OpenAI", "company", aliases=("オープンAI",))
    assert entity.all_aliases == ("OpenAI", "オープンAI") and entity.aliases_json() == ["オープンAI"]
