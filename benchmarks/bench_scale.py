"""A store with 1,000,000 items and 100,000 alerts: inbox first page, search, a 30-day briefing, size.

    python benchmarks/bench_scale.py [--items 1000000] [--alerts 100000]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench_inbox import WORDS, stock, timed  # noqa: E402
from results import write_section  # noqa: E402

from stakewatch import pdf  # noqa: E402
from stakewatch.core import InboxQuery, Service  # noqa: E402
from stakewatch.core.store.database import Store, open_store  # noqa: E402
from stakewatch.pdf.briefing import ensure_gui_application  # noqa: E402


def more_items(store: Store, count: int) -> None:
    """Items that matched nothing: most of what a year of polling stores."""
    rng = random.Random(9)
    now = time.time()
    sources = [s.id for s in store.sources()]
    with store.transaction() as conn:
        conn.executemany(
            "INSERT INTO items(source_id, guid, url, canonical_url, title, summary, content, published, dated, "
            "fetched) VALUES (?, ?, ?, ?, ?, ?, '', ?, 1, ?)",
            ((rng.choice(sources), f"x{n}", f"https://example.org/x/{n}", f"https://example.org/x/{n}",
              " ".join(rng.choice(WORDS) for _ in range(8)) + f" {n}",
              " ".join(rng.choice(WORDS) for _ in range(14)), now - rng.randrange(365 * 86400), now)
             for n in range(count)))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=1_000_000)
    parser.add_argument("--alerts", type=int, default=100_000)
    args = parser.parse_args()
    ensure_gui_application()
    root = Path(tempfile.mkdtemp(prefix="stakewatch-scale-"))
    started = time.perf_counter()
    with open_store(root) as store:
        stock(store, args.alerts)
        more_items(store, args.items - args.alerts)
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    build_s = time.perf_counter() - started
    size = (root / "stakewatch.db").stat().st_size / 1024 / 1024
    with Service.open(root, writer=pdf.write) as service:  # the inbox and the briefing as the doors ask
        view = service.inbox
        items = service.counts()["items"]
        first_ms, _ = timed(lambda: (view.count(InboxQuery()), view.page(InboxQuery(), 0, 500)))
        query = InboxQuery(text="kabuki")
        rare_ms, rare = timed(lambda: (view.count(query), view.page(query, 0, 500)))
        common = InboxQuery(text="copyright budget")
        common_ms, hits = timed(lambda: (view.count(common), view.page(common, 0, 500)), runs=3)
        now = datetime.now(UTC)
        started = time.perf_counter()
        briefing = service.briefing.build(now - timedelta(days=30), now)
        pages = service.briefing.write(briefing, root / "month.pdf")
        briefing_s = time.perf_counter() - started
    body = f"""
| measure | value | target |
|---|---|---|
| items / alerts stored | {items:,} / {args.alerts:,} (built in {build_s:.0f} s) | 1,000,000 / 100,000 |
| database size | {size:,.0f} MB, **{size / items * 100_000:.0f} MB per 100,000 items** (text + trigram index) | |
| inbox first page (count + 500 rows) | **{first_ms:.1f} ms** | < 50 ms |
| search a rare word | **{rare_ms:.1f} ms** ({rare[0]:,} hits) | < 200 ms |
| search two common words (one alert in five) | **{common_ms:.1f} ms** ({hits[0]:,} hits) | < 200 ms |
| 30-day briefing, whole PDF | **{briefing_s:.2f} s**, {pages} pages, {briefing.total:,} alerts | |

Old items are pruned after `items.retention_days` (180 by default); alerts keep their own title, link and
snippet, so the inbox and briefings are unchanged by pruning.
"""
    write_section("Scale", "python benchmarks/bench_scale.py", body)
    print(body)


if __name__ == "__main__":
    main()
