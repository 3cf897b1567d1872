"""An import names every problem of a file at once and stores nothing; OPML keeps folders and web pages."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import run_cli
from stakewatch.core.exchange.transfer import read_config_file
from stakewatch.core.store.database import open_store


def test_four_problems_are_named_at_once_and_nothing_is_stored(tmp_path: Path, data_dir: Path):
    path = tmp_path / "four.json"
    path.write_text(json.dumps({"version": 1, "watchlists": [{"name": "W", "entities": [
        {"name": "Minoru Kiuchi", "kind": "minister"},
        {"name": "Sora 2", "aliases": ["Sora2", "  -  "]}]}],
        "sources": [{"name": "Cabinet Office", "url": "ftp://example.org/feed.rdf"},
                    {"name": "Wire", "url": "https://example.org/wire.rss", "interval_minutes": 0},
                    {"name": "Good", "url": "https://example.org/good.rss"}]}), encoding="utf-8")
    result = run_cli(data_dir, "import", str(path))
    assert result.code == 1
    for place in ("watchlists[0].entities[0].kind", "watchlists[0].entities[1].aliases[1]",
                  "sources[0].url", "sources[1].interval_minutes"):
        assert place in result.err, result.err
    assert "4 problems" in result.err
    with open_store(data_dir) as store:
        assert store.is_empty()


def test_opml_skips_bad_outlines_lists_them_and_keeps_folders_and_web_pages(tmp_path: Path, data_dir: Path):
    opml = tmp_path / "feeds.opml"
    opml.write_text("""<?xml version="1.0"?><opml version="2.0"><head><title>Reader export</title></head><body>
<outline text="Government" title="Government">
  <outline text="Japan" title="Japan">
    <outline type="rss" text="Prime Minister's Office" xmlUrl="https://www.kantei.go.jp/index-jnews.rdf"
             htmlUrl="https://www.kantei.go.jp/"/>
  </outline>
  <outline type="rss" text="Old gopher" xmlUrl="gopher://example.org/feed"/>
</outline>
<outline type="rss" text="NHK" xmlUrl="https://www3.nhk.or.jp/rss/news/cat0.xml" htmlUrl="javascript:alert(1)"/>
</body></opml>""", encoding="utf-8")
    result = run_cli(data_dir, "import", str(opml))
    assert result.code == 0 and "Skipped 1 outline" in result.out and "Old gopher" in result.out
    out = tmp_path / "out.opml"
    assert run_cli(data_dir, "export", str(out)).code == 0
    text = out.read_text(encoding="utf-8")
    assert 'htmlUrl="https://www.kantei.go.jp/"' in text and "javascript" not in text
    again = {s.name: s for s in read_config_file(out).sources}
    assert again["Prime Minister's Office"].extra == {"folder": "Government/Japan",
                                                       "html_url": "https://www.kantei.go.jp/"}
    assert "folder" not in again["NHK"].extra
