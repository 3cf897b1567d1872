from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import run_cli
from stakewatch.core.exchange.transfer import Refused, parse_config, read_config_file
from stakewatch.core.store.database import Store, open_store

GOOD = {
    "version": 1,
    "watchlists": [{"name": "Japan AI & IP", "colour": "red", "entities": [
        {"name": "Masaaki Taira", "kind": "official", "aliases": ["平将明", "Taira"],
         "context": ["minister", "digital", "大臣"], "exclude": ["Taira clan"],
         "priority": True, "muted": False, "note": "digital minister"},
        {"name": "Sora 2", "kind": "product", "aliases": ["Sora2"], "muted": True}]}],
    "sources": [{"name": "Digital Agency", "kind": "feed", "url": "https://example.org/news.rss",
                 "interval_minutes": 15, "official_for": ["Masaaki Taira"], "enabled": False,
                 "tags": ["gov"]}],
}


def write(tmp_path: Path, document: object, name: str = "w.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def snapshot(data_dir: Path) -> str:
    with open_store(data_dir) as store:
        rows = []
        for table in ("watchlists", "entities", "sources", "settings"):
            rows += [tuple(r) for r in store.conn.execute(f"SELECT * FROM {table} ORDER BY 1")]
    return hashlib.sha256(repr(rows).encode()).hexdigest()


def test_round_trip_keeps_everything_the_user_set(tmp_path: Path, data_dir: Path):
    assert run_cli(data_dir, "import", str(write(tmp_path, GOOD))).code == 0
    out = tmp_path / "out.json"
    assert run_cli(data_dir, "export", str(out)).code == 0
    exported = json.loads(out.read_text(encoding="utf-8"))
    assert exported["watchlists"][0]["colour"] == "red"
    taira = exported["watchlists"][0]["entities"][0]
    assert taira == {"name": "Masaaki Taira", "kind": "official", "aliases": ["平将明", "Taira"],
                     "context": ["minister", "digital", "大臣"], "exclude": ["Taira clan"],
                     "priority": True, "muted": False, "note": "digital minister"}
    assert exported["watchlists"][0]["entities"][1]["muted"] is True
    source = exported["sources"][0]
    assert source["enabled"] is False and source["tags"] == ["gov"]
    assert source["official_for"] == ["Masaaki Taira"] and source["interval_minutes"] == 15
    other = tmp_path / "other"
    other.mkdir()
    assert run_cli(other, "import", str(out)).code == 0
    again = tmp_path / "again.json"
    run_cli(other, "export", str(again))
    assert json.loads(again.read_text(encoding="utf-8")) == exported


@pytest.mark.parametrize("mutate, place", [
    (lambda d: d["sources"][0].update(url="ftp://example.org/x"), "sources[0].url"),
    (lambda d: d["sources"][0].update(url="javascript:alert(1)"), "sources[0].url"),
    (lambda d: d["sources"][0].update(kind="carrier-pigeon"), "sources[0].kind"),
    (lambda d: d["watchlists"][0]["entities"][0]["aliases"].append(""), "watchlists[0].entities[0].aliases[2]"),
    (lambda d: d["watchlists"][0]["entities"][0]["aliases"].append(" - "), "watchlists[0].entities[0].aliases[2]"),
    (lambda d: d["watchlists"][0]["entities"][1].update(name="masaaki taira"), "watchlists[0].entities[1].name"),
    (lambda d: d["watchlists"][0]["entities"][1].update(kind="celebrity"), "watchlists[0].entities[1].kind"),
    (lambda d: d["sources"].append(dict(d["sources"][0])), "sources[1].name"),
    (lambda d: d["watchlists"].append({"name": "JAPAN AI & IP"}), "watchlists[1].name"),
    (lambda d: d["sources"][0].update(interval_minutes=0), "sources[0].interval_minutes"),
    (lambda d: d["sources"][0].update(interval_minutes="15"), "sources[0].interval_minutes"),
    (lambda d: d["sources"][0].update(official_for=["Nobody"]), "sources[0].official_for[0]"),
    (lambda d: d["watchlists"][0].update(entities={}), "watchlists[0].entities"),
    (lambda d: d.update(version=2), "version"),
])
def test_bad_files_are_refused_by_place_and_change_nothing(tmp_path, data_dir, mutate, place):
    assert run_cli(data_dir, "import", str(write(tmp_path, GOOD, "good.json"))).code == 0
    before = snapshot(data_dir)
    document = json.loads(json.dumps(GOOD))
    document["sources"][0]["name"] = "Other name"
    mutate(document)
    result = run_cli(data_dir, "import", str(write(tmp_path, document)))
    assert result.code != 0 and result.out == ""
    assert result.err.count("\n") == 1 and f"{place}:" in result.err, result.err
    assert snapshot(data_dir) == before


def test_invalid_json_names_line_and_column(tmp_path: Path, data_dir: Path):
    path = tmp_path / "broken.json"
    path.write_text('{"version": 1,\n "watchlists": [}', encoding="utf-8")
    result = run_cli(data_dir, "import", str(path))
    assert result.code == 1 and "line 2 column" in result.err


def test_missing_file_is_a_clear_error(tmp_path: Path, data_dir: Path):
    result = run_cli(data_dir, "import", str(tmp_path / "nope.json"))
    assert result.code == 1 and "cannot read" in result.err


def test_opml_import_and_export(tmp_path: Path, data_dir: Path):
    opml = tmp_path / "feeds.opml"
    opml.write_text("""<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body>
<outline text="Gov"><outline text="Kantei" type="rss" xmlUrl="https://www.kantei.go.jp/index-jnews.rdf"/>
<outline title="NHK &amp; co" type="rss" xmlUrl="https://www3.nhk.or.jp/rss/news/cat0.xml"/></outline>
<outline text="Kantei" type="rss" xmlUrl="https://example.org/second.xml"/>
</body></opml>""", encoding="utf-8")
    assert run_cli(data_dir, "import", str(opml)).code == 0
    with open_store(data_dir) as store:
        assert [(s.name, s.url) for s in store.sources()] == [
            ("Kantei", "https://www.kantei.go.jp/index-jnews.rdf"),
            ("NHK & co", "https://www3.nhk.or.jp/rss/news/cat0.xml"),
            ("Kantei (2)", "https://example.org/second.xml")]
    out = tmp_path / "out.opml"
    assert run_cli(data_dir, "export", str(out)).code == 0
    again = {s.name: s for s in read_config_file(out).sources}
    assert again["NHK & co"].url == "https://www3.nhk.or.jp/rss/news/cat0.xml"
    assert again["NHK & co"].extra["folder"] == "Gov" and "folder" not in again["Kantei (2)"].extra


def test_opml_with_entities_or_bad_urls_is_refused(tmp_path: Path, data_dir: Path):
    bad = tmp_path / "bad.opml"
    bad.write_text('<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                   '<opml><body><outline text="&x;" xmlUrl="file:///etc/passwd"/></body></opml>')
    result = run_cli(data_dir, "import", str(bad))
    assert result.code == 1 and "external entity" in result.err and "root:" not in result.err
    bad.write_text('<opml><body><outline text="x" xmlUrl="file:///etc/passwd"/></body></opml>')
    result = run_cli(data_dir, "import", str(bad))
    assert result.code == 1 and "outline[0].url" in result.err
    with open_store(data_dir) as store:
        assert store.sources() == []


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=20)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(document=st.fixed_dictionaries({"watchlists": json_values, "sources": json_values}) | json_values)
def test_any_json_is_either_imported_cleanly_or_refused(document, tmp_path: Path):
    try:
        config = parse_config(document)
    except Refused as exc:
        assert exc.message
        return
    with Store(tmp_path / f"h{abs(hash(json.dumps(document, sort_keys=True)))}.db") as store:
        store.apply_config(config.watchlists, config.sources)
        assert len(store.watchlists()) == len(config.watchlists)


def test_a_person_is_a_kind_of_its_own_in_and_out_and_in_words(tmp_path: Path, data_dir: Path):
    from stakewatch.core.i18n import use_language
    from stakewatch.core.matching.matcher import Matcher
    from stakewatch.core.model import Item
    from stakewatch.core.states import entity_kind_label

    person = {"name": "Sam Altman", "kind": "person", "aliases": ["サム・アルトマン"]}
    config = parse_config({"version": 1, "watchlists": [{"name": "W", "entities": [person]}]})
    assert config.watchlists[0].entities[0].kind == "person"
    found = Matcher(config.watchlists).match_item(Item("1", "", "サム・アルトマン氏が来日", ""))
    assert [m.entity for m in found] == ["Sam Altman"]  # matched like any other kind
    source = tmp_path / "in.json"
    source.write_text(json.dumps({"version": 1, "watchlists": [{"name": "W", "entities": [person]}]}))
    assert run_cli(data_dir, "import", str(source)).code == 0
    out = tmp_path / "out.json"
    assert run_cli(data_dir, "export", str(out)).code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["watchlists"][0]["entities"][0]["kind"] == "person"
    with use_language("ja"):
        assert str(entity_kind_label("person")) == "人物" and str(entity_kind_label("official")) == "公職者"
    with pytest.raises(Refused, match="official, person, company, product, topic"):
        parse_config({"version": 1, "watchlists": [{"name": "W", "entities": [{"name": "X", "kind": "ceo"}]}]})
