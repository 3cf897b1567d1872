"""Exporting 100,000 alerts: XLSX (target < 15 s for the whole command) and CSV, each against a peer.

    python benchmarks/bench_exports.py [--alerts 100000] [--runs 3]

The peers are the libraries' own floors, measured in the same run on the same rows: a bare
`csv.writer` loop, and a bare XlsxWriter loop writing the same cells. They say how fast this
machine is; the rest says what the export adds to them.
"""

from __future__ import annotations

import argparse
import csv
import gc
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import xlsxwriter  # type: ignore[import-untyped]

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_inbox import stock  # noqa: E402
from results import write_section  # noqa: E402

from stakewatch.core.exchange.exports import excel_serials, export_alerts  # noqa: E402
from stakewatch.core.model import ExportRow  # noqa: E402
from stakewatch.core.store.database import Store, open_store  # noqa: E402


def annotate(store: Store) -> None:
    """Every alert names the words it matched; some carry tags, a note or a flag, as in daily use."""
    with store.transaction() as conn:
        conn.execute("UPDATE alerts SET matched = (SELECT json_array(e.name) FROM entities e WHERE e.id = entity_id)")
        conn.execute("UPDATE alerts SET note = 'Check with the ministry before the briefing' WHERE id % 200 = 0")
        conn.execute("UPDATE alerts SET flagged = 1 WHERE id % 150 = 0")
        conn.execute("INSERT INTO alert_tags(alert_id, tag) SELECT id, 'sora' FROM alerts WHERE id % 100 = 0")


def bare_csv(rows: list[ExportRow], path: Path) -> None:
    with open(path, "w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        for r in rows:
            writer.writerow([r.published, r.kind, r.entity, r.watchlist, r.title, r.url, r.sources, r.matched])


def bare_xlsx(rows: list[ExportRow], path: Path) -> None:
    """The same cells as the export, through XlsxWriter's plainest calls, and nothing else."""
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet()
    stamp = book.add_format({"num_format": "yyyy-mm-dd hh:mm"})
    for n, r in enumerate(rows, start=1):
        utc, local = excel_serials(r.published)
        sheet.write_number(n, 0, utc, stamp)
        sheet.write_number(n, 1, local, stamp)
        for column, text in enumerate((r.kind, r.entity, r.watchlist, r.title), start=2):
            sheet.write_string(n, column, text)
        if n <= 65_530:
            sheet.write_url(n, 6, r.url, string=r.url)
        else:
            sheet.write_string(n, 6, r.url)
        sheet.write_string(n, 7, r.sources)
        sheet.write_string(n, 8, r.matched)
        sheet.write_number(n, 9, r.id)
    book.close()


def timed(job: object, *args: object) -> float:
    gc.collect()
    started = time.perf_counter()
    job(*args)  # type: ignore[operator]
    return time.perf_counter() - started


def command(root: Path, output: Path) -> float:
    """The user's command in a fresh process: start-up, reading and writing."""
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "stakewatch", "--data-dir", str(root), "alerts", "--since", "36500d",
                    "--format", "xlsx", "-o", str(output)], check=True, stdout=subprocess.DEVNULL,
                   env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--alerts", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="stakewatch-exports-"))
    with open_store(root) as store:
        stock(store, args.alerts)
        annotate(store)
    with open_store(root) as store:
        gc.collect()
        started = time.perf_counter()
        rows = list(store.iter_export_rows())
        read_s = time.perf_counter() - started
    cells = sum(2 + 4 + 1 + 1 + 1 + bool(r.tags) + bool(r.note) + r.flagged + 1 for r in rows)

    bare_csv_s = min(timed(bare_csv, rows, root / "bare.csv") for _ in range(args.runs))
    csv_s = min(timed(export_alerts, rows, root / "alerts.csv") for _ in range(args.runs))
    bare_xlsx_s: list[float] = []
    xlsx_s: list[float] = []
    command_s: list[float] = []
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    for _ in range(args.runs):
        bare_xlsx_s.append(timed(bare_xlsx, rows, root / "bare.xlsx"))
        xlsx_s.append(timed(export_alerts, rows, root / "alerts.xlsx"))
        command_s.append(command(root, root / "command.xlsx"))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 - before

    def spread(samples: list[float]) -> str:
        return f"{statistics.median(samples):.1f} s ({min(samples):.1f}–{max(samples):.1f})"

    size = (root / "command.xlsx").stat().st_size / 1e6
    body = f"""
{len(rows):,} alerts, each with its matched words; 1 % tagged, 0.5 % with a note, 0.7 % flagged.
{cells:,} XLSX cells. Times are the median of {args.runs} runs (with the range), or the best for CSV; the
XLSX runs take turns (peer, export, command), so that each meets the machine at the same speed.

| measure | time |
|---|---|
| read the alerts from the store (the export's own query) | {read_s:.2f} s |
| peer: bare `csv.writer`, 8 columns | {bare_csv_s:.2f} s |
| `alerts --format csv` (13 columns, BOM, formula-safe cells) | **{csv_s:.2f} s** |
| peer: bare XlsxWriter loop, the same cells | {spread(bare_xlsx_s)} |
| `alerts --format xlsx` (typed dates, links, frozen header, filter) | **{spread(xlsx_s)}**; \
{statistics.median(xlsx_s) / statistics.median(bare_xlsx_s):.2f}x the peer; peak memory grew by {peak:.0f} MB |
| the whole command `stakewatch alerts --since 36500d --format xlsx -o FILE` in a fresh process \
(target < 15 s) | **{spread(command_s)}**, \
{statistics.median(command_s) / statistics.median(bare_xlsx_s):.2f}x the peer; {size:.0f} MB file |

The export reads only the columns it writes (no revision count or page join, no Alert objects; SQLite
joins the sources, matched words and tags), reads them all before building the sheet (interleaving the
read with the cells was 1.5-2.5 s slower in fresh processes), and pauses the cyclic garbage collector
while XlsxWriter holds a million cells. XlsxWriter's own time is the floor: its streaming mode was
slower here, and the machine's speed drifts by a quarter between runs, which is why the peer runs in
turn with the export. Empty cells are not written. Excel keeps at most 65,530 links per sheet, so
rows past that carry the link as text.
"""
    write_section("Exports", "python benchmarks/bench_exports.py", body)
    print(body)


if __name__ == "__main__":
    main()
