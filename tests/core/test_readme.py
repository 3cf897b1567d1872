"""The README's examples are code: its watchlist JSON imports with the real importer, and its settings
list is the one the registry makes (scripts/readme_settings.py regenerates it)."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

from conftest import run_cli
from stakewatch.core.store.database import open_store

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
JSON_BLOCK = re.compile(r"^```json\n(.*?)^```", re.MULTILINE | re.DOTALL)


def _script():
    spec = importlib.util.spec_from_file_location("readme_settings", ROOT / "scripts" / "readme_settings.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_watchlist_json_example_in_the_readme_imports(tmp_path: Path):
    blocks = JSON_BLOCK.findall(README.read_text(encoding="utf-8"))
    assert blocks, "the README shows no watchlist JSON"
    for number, text in enumerate(blocks):
        document = json.loads(text)
        path = tmp_path / f"example{number}.json"
        path.write_text(text, encoding="utf-8")
        data = tmp_path / f"data{number}"
        result = run_cli(data, "import", str(path))
        assert result.code == 0, (number, result.err)
        with open_store(data) as store:
            stored = {e.name for w in store.watchlists() for e in w.entities}
            sources = {s.name for s in store.sources()}
        assert stored == {e["name"] for w in document["watchlists"] for e in w["entities"]}
        assert sources == {s["name"] for s in document.get("sources", [])}


def test_the_readme_settings_list_is_the_registrys():
    script = _script()
    assert script.current(README.read_text(encoding="utf-8")) == script.block(), \
        "README.md's settings list is stale: run python scripts/readme_settings.py"


def test_a_stale_settings_list_is_caught():
    script = _script()
    text = README.read_text(encoding="utf-8")
    stale = text.replace("| `poll.total` | `16` |", "| `poll.total` | `8` |")
    assert stale != text and script.current(stale) != script.block()
    assert script.current(script.refreshed(stale)) == script.block()


def test_a_missing_corpus_is_named_relative_to_the_repository(monkeypatch, tmp_path: Path):
    import conftest

    assert conftest.corpus_missing() is None  # here it is present
    monkeypatch.setattr(conftest, "CORPUS", conftest.PROJECT.parent / "nowhere" / "shared" / "corpus" / "feedparser")
    reason = conftest.corpus_missing()
    assert reason is not None and "../nowhere/shared/corpus/feedparser" in reason
    assert str(conftest.PROJECT) not in reason
