"""A hostile world, end to end through the CLI: poisoned items, edge dates, escape sequences,
secrets in addresses, overflowing periods, an unwritable log, a damaged database."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from conftest import run_cli
from feedworld import Route, WorldServer, rss
from stakewatch.core.platform.paths import database_path

ESCAPES = ("\x1b", "\x9b", "\x07", "\u202e")
TITLE = "Minister Kiuchi on AI and copyright"


def write_config(tmp_path: Path, sources: list[dict[str, object]]) -> Path:
    config = tmp_path / "config.json"
    config.write_text(json.dumps({
        "version": 1,
        "watchlists": [{"name": "W", "entities": [{"name": "Minoru Kiuchi", "aliases": ["Kiuchi"]}]}],
        "sources": sources,
    }), encoding="utf-8")
    return config


def poisoned_json_feed(base: str) -> bytes:
    # a lone surrogate, as \\ud800 in JSON, and an item dated at the calendar's edge
    return (
        '{"version": "https://jsonfeed.org/version/1.1", "title": "Wire", "items": ['
        '{"id": "1", "url": "' + base + '/w1", "title": "Kiuchi \\ud800 remarks",'
        ' "date_published": "2025-10-13T01:00:00Z"},'
        '{"id": "2", "url": "' + base + '/w2", "title": "Kiuchi at the year edge",'
        ' "date_published": "9999-12-31T23:59:59-05:00"},'
        '{"id": "3", "url": "' + base + '/w3", "title": "Kiuchi in year one",'
        ' "date_published": "0001-01-01T00:00:00+09:00"},'
        '{"id": "4", "url": "' + base + '/w4", "title": "Kiuchi, plainly",'
        ' "date_published": "2025-10-13T02:00:00Z"}]}'
    ).encode()


def items_of(data_dir: Path) -> list[tuple[str, str, int]]:
    with sqlite3.connect(database_path(data_dir)) as conn:
        return conn.execute("SELECT s.name, i.title, i.dated FROM items i JOIN sources s "
                            "ON s.id = i.source_id ORDER BY i.id").fetchall()


def test_poisoned_item_and_edge_dates_cost_no_other_item(tmp_path: Path, data_dir: Path,
                                                         world: WorldServer):
    world.routes["/wire.json"] = Route(poisoned_json_feed(world.base), content_type="application/feed+json")
    world.routes["/good.rss"] = Route(rss([{"title": TITLE, "link": world.url("/g1")}]))
    config = write_config(tmp_path, [
        {"name": "Wire", "url": world.url("/wire.json")},
        {"name": "Good", "url": world.url("/good.rss")},
    ])
    assert run_cli(data_dir, "import", str(config)).code == 0
    polled = run_cli(data_dir, "poll", "--once")
    assert polled.code == 0, polled.err
    assert "2 ok" in polled.out and "0 failing" in polled.out
    stored = items_of(data_dir)
    assert len(stored) == 5
    assert ("Wire", "Kiuchi remarks", 1) in stored
    assert ("Wire", "Kiuchi at the year edge", 0) in stored
    assert ("Wire", "Kiuchi in year one", 0) in stored
    assert ("Good", TITLE, 0) in stored


def test_a_storage_failure_is_its_sources_failure(tmp_path: Path, data_dir: Path, world: WorldServer):
    world.routes["/bad.rss"] = Route(rss([{"title": "Kiuchi refuses", "link": world.url("/b1")}]))
    world.routes["/good.rss"] = Route(rss([{"title": TITLE, "link": world.url("/g1")}]))
    config = write_config(tmp_path, [
        {"name": "Bad", "url": world.url("/bad.rss")},
        {"name": "Good", "url": world.url("/good.rss")},
    ])
    assert run_cli(data_dir, "import", str(config)).code == 0
    with sqlite3.connect(database_path(data_dir)) as conn:
        conn.execute("CREATE TRIGGER refuse BEFORE INSERT ON items WHEN NEW.title LIKE '%refuses%' "
                     "BEGIN SELECT RAISE(ABORT, 'refused by a trigger'); END")
    polled = run_cli(data_dir, "poll", "--once")
    assert polled.code == 0, polled.err
    assert "failing: Bad:" in polled.out
    assert [name for name, _title, _dated in items_of(data_dir)] == ["Good"]
    health = {h["name"]: h for h in json.loads(run_cli(data_dir, "sources", "--json").out)}
    assert health["Bad"]["status"] == "failing" and health["Bad"]["last_error"]
    assert health["Good"]["status"] == "ok"


def test_no_escape_byte_or_secret_from_a_server_reaches_any_output(tmp_path: Path, data_dir: Path,
                                                                   world: WorldServer):
    world.routes["/evil.rss"] = Route(rss([{"title": TITLE, "link": world.url("/e1")}]), headers={
        "Content-Encoding": "\x1b]0;owned\x07\x1b[31m\x1b]8;;http://evil.invalid/\x1b\\br"})
    world.routes["/locked.rss"] = Route(b"", status=500)
    host_port = world.base.removeprefix("http://")
    config = write_config(tmp_path, [
        {"name": "Evil", "url": world.url("/evil.rss")},
        {"name": "Locked", "url": f"http://alice:pw-zz9-secret@{host_port}/locked.rss"},
    ])
    assert run_cli(data_dir, "import", str(config)).code == 0
    outputs = [run_cli(data_dir, "poll", "--once"), run_cli(data_dir, "sources"),
               run_cli(data_dir, "sources", "--json"), run_cli(data_dir, "diagnostics")]
    log = (data_dir / "logs" / "stakewatch.log").read_text(encoding="utf-8")
    for result in outputs:
        assert result.code == 0, result.err
    texts = [r.out + r.err for r in outputs] + [log]
    for text in texts:
        assert not any(escape in text for escape in ESCAPES), text
        assert "pw-zz9-secret" not in text and "alice" not in text
    assert "compression Stakewatch does not read" in outputs[0].out
    with sqlite3.connect(database_path(data_dir)) as conn:
        stored = " ".join(str(row[0]) for row in conn.execute("SELECT last_error FROM sources"))
    assert "\x1b" not in stored and "\x07" not in stored


@pytest.mark.parametrize("period", ["999999999d", "99999999999999w", "9" * 5000 + "d",
                                    "99999999999999999999h", "0001-01-01T00:00:00+05:00"])
def test_overflowing_since_is_a_usage_error(data_dir: Path, period: str):
    result = run_cli(data_dir, "alerts", "--since", period)
    assert result.code == 2 and "Traceback" not in result.err
    assert len(result.err.strip().splitlines()[-1]) < 300


def test_alerts_limit_and_streamed_json(tmp_path: Path, data_dir: Path, world: WorldServer):
    world.routes["/many.rss"] = Route(rss([{"title": f"Kiuchi statement number {n} on topic {n * 7}",
                                           "link": world.url(f"/m{n}")} for n in range(12)]))
    config = write_config(tmp_path, [{"name": "Many", "url": world.url("/many.rss")}])
    assert run_cli(data_dir, "import", str(config)).code == 0
    assert run_cli(data_dir, "poll", "--once").code == 0
    everything = json.loads(run_cli(data_dir, "alerts", "--json").out)
    assert len(everything) == 12
    some = json.loads(run_cli(data_dir, "alerts", "--json", "--limit", "5").out)
    assert [a["id"] for a in some] == [a["id"] for a in everything[:5]]
    table = run_cli(data_dir, "alerts", "--limit", "3").out.splitlines()
    assert len(table) == 4 and table[0].split()[:2] == ["Alert", "Published"]
    assert [line.split()[0] for line in table[1:]] == [str(a["id"]) for a in everything[:3]]
    assert run_cli(data_dir, "alerts", "--limit", "0").code == 2
    assert json.loads(run_cli(tmp_path / "empty", "alerts", "--json").out) == []


def test_an_unwritable_log_file_degrades_to_no_log(tmp_path: Path, data_dir: Path):
    (data_dir / "logs" / "stakewatch.log").mkdir(parents=True)
    result = run_cli(data_dir, "sources")
    assert result.code == 0 and "No sources." in result.out, result.err
    assert run_cli(data_dir, "diagnostics").code == 0


def test_a_damaged_database_is_one_line_and_diagnostics_still_work(tmp_path: Path, data_dir: Path,
                                                                     world: WorldServer):
    world.routes["/good.rss"] = Route(rss([{"title": TITLE, "link": world.url("/g1")}]))
    config = write_config(tmp_path, [{"name": "Good", "url": world.url("/good.rss")}])
    assert run_cli(data_dir, "import", str(config)).code == 0
    assert run_cli(data_dir, "poll", "--once").code == 0
    path = database_path(data_dir)
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size = path.stat().st_size
    with path.open("r+b") as handle:
        handle.seek(4096)
        handle.write(b"\xa5" * (size - 4096))
    result = run_cli(data_dir, "alerts")
    assert result.code == 1 and "Traceback" not in result.err
    assert len(result.err.strip().splitlines()) == 1 and "damaged" in result.err
    report = run_cli(data_dir, "diagnostics")
    assert report.code == 0 and "Stakewatch" in report.out and "Data folder" in report.out
    header = path.read_bytes()[:100]
    path.write_bytes(b"this is not a database at all" + bytes(4096))
    assert run_cli(data_dir, "diagnostics").code == 0
    failed = run_cli(data_dir, "sources")
    assert failed.code == 1 and "damaged" in failed.err, failed.err
    assert header.startswith(b"SQLite format 3")
