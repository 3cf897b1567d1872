"""Backfill: 100,000 stored items matched against one entity added afterwards.

Fills a real database in a temporary directory with items of news-like text
(English and Japanese, about 1 in 100 naming the new entity, a few more naming
it without the context it needs), adds the entity the way import does, and
times `backfill`: read every item, match, store the alerts silently. The floor
it is compared with is reading the same items' text alone in the same run.

    python benchmarks/bench_backfill.py [--items 100000]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from results import write_section  # noqa: E402

from stakewatch.core.matching.backfill import backfill, changed_entities  # noqa: E402
from stakewatch.core.model import Entity, Source, Watchlist  # noqa: E402
from stakewatch.core.store.database import Store  # noqa: E402

WORDS = ("digital", "copyright", "government", "statement", "policy", "video", "market", "the",
         "said", "on", "report", "budget", "energy", "trade", "meeting", "press", "政府", "著作権", "動画", "生成",
         "発表", "会見", "方針", "企業", "経済")
MENTIONS = ("Minister Minoru Kiuchi said", "城内実大臣は会見で", "IP strategy minister Kiuchi",
            "城内知財担当相")
DECOYS = ("Kiuchi brewery", "economist Takahide Kiuchi")
OLD = Watchlist("Japan AI & IP", (Entity("OpenAI", "company"),))
NEW = Watchlist("Japan AI & IP", (Entity("OpenAI", "company"),
                                  Entity("Minoru Kiuchi", "official", aliases=("城内実", "Kiuchi", "城内"),
                                         context=("minister", "大臣", "担当相"), exclude=("brewery",))))


def stock(store: Store, items: int) -> int:
    rng = random.Random(3)
    store.apply_config([OLD], [Source(f"S{n}", "feed", f"https://example.org/{n}") for n in range(20)])
    source_ids = [s.id for s in store.sources()]
    now = time.time()
    planted = 0
    with store.transaction() as conn:
        for n in range(items):
            words = [rng.choice(WORDS) for _ in range(rng.randint(40, 70))]
            roll = rng.random()
            if roll < 0.01:
                words.insert(rng.randrange(len(words)), rng.choice(MENTIONS))
                planted += 1
            elif roll < 0.015:
                words.insert(rng.randrange(len(words)), rng.choice(DECOYS))
            text = " ".join(words)
            conn.execute(
                "INSERT INTO items(source_id, guid, url, canonical_url, title, summary, content, published, dated, "
                "fetched) VALUES (?, ?, ?, ?, ?, ?, '', ?, 1, ?)",
                (rng.choice(source_ids), f"g{n}", f"https://example.org/a/{n}", f"https://example.org/a/{n}",
                 text[:80], text, now - rng.randrange(60 * 86400), now))
    return planted


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.db") as store:
        planted = stock(store, args.items)
        started = time.perf_counter()
        chars = sum(len(r[0]) + len(r[1]) for r in store.conn.execute("SELECT title, summary FROM items"))
        floor = time.perf_counter() - started
        before = store.watchlists()
        store.apply_config([NEW], [])
        changed = changed_entities(before, store.watchlists())
        started, cpu = time.perf_counter(), time.process_time()
        result = backfill(store, changed)
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    body = (
        "| measure | value | target |\n|---|---|---|\n"
        f"| stored items / text | {args.items:,} / {chars / 1e6:.1f} M characters | 100,000 |\n"
        f"| entities backfilled | {len(changed)} ({', '.join(e for _, e in changed)}) | 1 |\n"
        f"| backfill (read, match, store alerts silently) | **{elapsed:.2f} s** "
        f"({args.items / elapsed:,.0f} items/s; {cpu:.2f} s of CPU) | < 10 s |\n"
        f"| reading the items' text alone (floor) | {floor:.2f} s | |\n"
        f"| items matched / planted mentions | {result.matched_items:,} / {planted:,} | equal |\n"
        f"| alerts stored | {result.new_alerts:,} | |\n\n"
        "Decoys (the Kiuchi brewery, the economist) are planted in another 0.5% of the items.")
    print(body)
    write_section("Backfill", f"python benchmarks/bench_backfill.py --items {args.items}", body)


if __name__ == "__main__":
    main()
