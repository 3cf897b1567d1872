"""Import refuses what cannot be stored or matched, naming the place; our own big exports come back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import run_cli
from stakewatch.core.exchange import transfer
from stakewatch.core.model import Entity, Watchlist
from stakewatch.core.store.database import Store


def document(entity: str = "Minoru Kiuchi", alias: str = "Kiuchi", watchlist: str = "W") -> str:
    return ('{"version": 1, "watchlists": [{"name": "' + watchlist + '", "entities": [{"name": "'
            + entity + '", "aliases": ["' + alias + '"]}]}]}')


@pytest.mark.parametrize("text, place, words", [
    (document(entity="Kiuchi \\ud800"), "watchlists[0].entities[0].name", "lone surrogate"),
    (document(alias="\\udfff"), "watchlists[0].entities[0].aliases[0]", "lone surrogate"),
    ('{"version": 1, "note": "\\ud83d", ' + document()[14:], "note", "lone surrogate"),
    (document(watchlist="W \\u001b]0;x\\u0007"), "watchlists[0].name", "control"),
    (document(entity="Kiuchi \\u009b31m"), "watchlists[0].entities[0].name", "control"),
    (document(entity="Kiuchi \\u202egnp.exe"), "watchlists[0].entities[0].name", "bidirectional"),
    (document(alias="\\u200b\\u200b"), "watchlists[0].entities[0].aliases[0]", ""),
    (document(alias="Sora\\u200b2"), "watchlists[0].entities[0].aliases[0]", ""),
    ('{"version": 1, "count": ' + "7" * 5000 + ', "watchlists": []}', "line 1 column 25", "digits"),
])
def test_import_refuses_with_the_place(tmp_path: Path, data_dir: Path, text: str, place: str, words: str):
    path = tmp_path / "in.json"
    path.write_text(text, encoding="utf-8")
    result = run_cli(data_dir, "import", str(path))
    assert result.code == 1 and "Traceback" not in result.err, result.err
    assert place in result.err and words in result.err
    assert len(result.err.strip().splitlines()) == 1
    assert "\x1b" not in result.err and "\u202e" not in result.err


def test_our_own_large_export_comes_back(tmp_path: Path, store: Store, data_dir: Path,
                                         monkeypatch: pytest.MonkeyPatch):
    entities = tuple(Entity(f"Entity {n}", aliases=tuple(f"alias {n}-{k}" for k in range(20)))
                     for n in range(300))
    store.apply_config([Watchlist("Big", entities)], [])
    out = tmp_path / "backup.json"
    transfer.export_file(store, out)
    text = out.read_text(encoding="utf-8")
    assert "\n" not in text.rstrip("\n")  # compact
    monkeypatch.setattr(transfer, "MAX_FILE", len(text) // 2)
    with pytest.raises(transfer.Refused):
        foreign = tmp_path / "foreign.json"
        other = json.loads(text)
        del other["generator"]
        foreign.write_text(json.dumps(other), encoding="utf-8")
        transfer.read_config_file(foreign)
    config = transfer.read_config_file(out)
    assert len(config.watchlists[0].entities) == 300


@pytest.mark.sqlite_only
def test_an_export_onto_a_full_disk_keeps_the_previous_file(tmp_path: Path, store: Store):
    import resource
    import signal
    import subprocess
    import sys

    store.apply_config([Watchlist("Big", tuple(Entity(f"Entity {n} " + "x" * 150) for n in range(400)))], [])
    out = tmp_path / "backup.json"
    out.write_text('{"version": 1, "watchlists": [{"name": "Old"}]}', encoding="utf-8")
    previous = out.read_bytes()

    def small_files() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (40_000, 40_000))

    script = ("import sys\nfrom pathlib import Path\nfrom stakewatch.core.store.database import Store\n"
              "from stakewatch.core.exchange.transfer import export_file\n"
              "from stakewatch.core.model import UserError\n"
              "try:\n    export_file(Store(Path(sys.argv[1])), Path(sys.argv[2]))\n"
              "except UserError as exc:\n    print(exc.message)\n    sys.exit(1)\n")
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    done = subprocess.run([sys.executable, "-c", script, str(store.path), str(out)], capture_output=True,
                          text=True, timeout=60, preexec_fn=small_files)
    assert done.returncode == 1 and "cannot write" in done.stdout, done.stdout + done.stderr
    assert out.read_bytes() == previous
    assert not (tmp_path / "backup.json.partial").exists()
