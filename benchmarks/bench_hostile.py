"""Bounds that a hostile world tests: a feed listing 100,000 items, and `alerts` over many alerts.

    python benchmarks/bench_hostile.py [--items 100000] [--peer-items 20000] [--alerts 100000]

The feed is parsed as the poller does (cut after the items kept) and, as the
peer, whole by feedparser. `alerts` runs as a process writing to /dev/null,
streamed (today's command) and, as the peer, building the whole table first
(the former way); its time and peak memory are compared.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import feedparser  # noqa: E402
from bench_inbox import stock  # noqa: E402
from results import write_section  # noqa: E402

from stakewatch.core.sources.feed import parse_xml_feed  # noqa: E402
from stakewatch.core.store.database import open_store  # noqa: E402

WHOLE_TABLE = (
    "import resource, sys\n"
    "from pathlib import Path\n"
    "from stakewatch.cli.main import format_alerts\n"
    "from stakewatch.core.store.database import open_store\n"
    "with open_store(Path(sys.argv[1])) as store:\n"
    "    print(format_alerts(store.alerts()))\n"
    "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n"
)
STREAMED = (
    "import resource, sys\n"
    "from stakewatch.cli.main import main\n"
    "main(['--data-dir', sys.argv[1], 'alerts'])\n"
    "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n"
)


def feed(count: int) -> bytes:
    items = "".join(f"<item><title>Minister statement number {n} on copyright</title>"
                    f"<link>https://news.example.org/{n}</link><guid>g{n}</guid>"
                    f"<pubDate>Mon, 13 Oct 2025 01:00:00 GMT</pubDate></item>" for n in range(count))
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>'
            f"{items}</channel></rss>").encode()


def child(script: str, data: Path) -> tuple[float, float]:
    """Seconds and peak MiB (its own ru_maxrss) of a process whose output goes to /dev/null."""
    started = time.perf_counter()
    with open(os.devnull, "w") as sink:
        done = subprocess.run([sys.executable, "-c", script, str(data)], stdout=sink, stderr=subprocess.PIPE,
                              text=True, check=True)
    elapsed = time.perf_counter() - started
    return elapsed, int(done.stderr.split()[-1]) / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--peer-items", type=int, default=20_000)
    parser.add_argument("--alerts", type=int, default=100_000)
    args = parser.parse_args()

    big = feed(args.items)
    started = time.perf_counter()
    kept = parse_xml_feed(big, "application/rss+xml", "https://news.example.org/feed", 500)
    capped = time.perf_counter() - started
    peer_body = feed(args.peer_items)
    started = time.perf_counter()
    parse_xml_feed(peer_body, "application/rss+xml", "https://news.example.org/feed", 500)
    capped_peer = time.perf_counter() - started
    started = time.perf_counter()
    whole = feedparser.parse(peer_body, sanitize_html=True, resolve_relative_uris=True)
    uncapped_peer = time.perf_counter() - started

    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder)
        with open_store(data) as store:
            stock(store, args.alerts)
        table_time, table_peak = child(WHOLE_TABLE, data)
        stream_time, stream_peak = child(STREAMED, data)
    rows = [
        f"| feed of {args.items:,} items ({len(big) / 1024 / 1024:.1f} MiB), as the poller parses it "
        f"| **{capped:.2f} s** ({len(kept)} items kept) | |",
        f"| feed of {args.peer_items:,} items | {capped_peer:.2f} s cut after 500 items "
        f"| {uncapped_peer:.2f} s whole through feedparser ({len(whole.entries):,} entries) |",
        f"| `alerts` over {args.alerts:,} alerts, streamed | **{stream_time:.1f} s, peak {stream_peak:.0f} MiB** "
        f"| {table_time:.1f} s, peak {table_peak:.0f} MiB building the whole table first |",
    ]
    body = ("| measure | value | peer |\n|---|---|---|\n" + "\n".join(rows) + "\n\n"
            "Peak memory is each process's own maximum resident size (ru_maxrss).\n")
    print(body)
    write_section("Hostile world bounds", "python benchmarks/bench_hostile.py", body)


if __name__ == "__main__":
    main()
