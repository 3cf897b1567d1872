"""A briefing onto a full disk fails loudly and keeps the previous PDF; long briefings lose nothing."""

from __future__ import annotations

import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from feedworld import WorldServer

pytest.importorskip("PySide6")

from test_briefing import cli, stocked, text_of  # noqa: E402, F401


def _small_files(limit: int):  # type: ignore[no-untyped-def]
    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


def test_a_full_disk_fails_loudly_and_keeps_the_previous_pdf(stocked: Path, tmp_path: Path):  # noqa: F811
    pdf = tmp_path / "week.pdf"
    assert cli(stocked, "briefing", "--since", "7d", "-o", str(pdf)).returncode == 0
    good = pdf.read_bytes()
    with sqlite3.connect(stocked / "stakewatch.db") as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.rmtree(stocked / "logs")
    limit = 40_000  # room for SQLite's shared-memory file, not for the PDF
    assert len(good) > 2 * limit
    result = subprocess.run([sys.executable, "-m", "stakewatch", "--data-dir", str(stocked), "briefing",
                             "--since", "7d", "-o", str(pdf)], capture_output=True, text=True, timeout=120,
                            preexec_fn=_small_files(limit))
    assert result.returncode == 1, result.stdout
    assert "cannot write" in result.stderr and "Traceback" not in result.stderr
    assert pdf.read_bytes() == good
    assert not (tmp_path / "week.pdf.partial").exists()


def test_a_briefing_laid_out_in_many_parts_keeps_every_entry(stocked: Path, tmp_path: Path,  # noqa: F811
                                                            world: WorldServer):
    script = (
        "import sys\n"
        "from datetime import UTC, datetime, timedelta\n"
        "from pathlib import Path\n"
        "from stakewatch.core.exchange.briefing import build_briefing\n"
        "from stakewatch.core.store.database import open_store\n"
        "from stakewatch.pdf import briefing as briefing_pdf\n"
        "briefing_pdf.ensure_gui_application()\n"
        "with open_store(Path(sys.argv[1])) as store:\n"
        "    end = datetime.now(UTC)\n"
        "    briefing = build_briefing(store, end - timedelta(days=7), end)\n"
        "print(briefing.total, briefing_pdf.write_briefing(briefing, Path(sys.argv[2])))\n"
    )
    pdf = tmp_path / "parts.pdf"
    done = subprocess.run([sys.executable, "-c", script, str(stocked), str(pdf)], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    total = int(done.stdout.split()[0])
    assert total > 20
    flat = " ".join(text_of(pdf).split())
    for n in range(1, 40):
        assert f"OpenAI story {n} about Sora 2" in flat
    assert "(continued)" in flat
