"""A 1,000-alert, 30-day briefing: seconds and pages, against building the same text alone.

    python benchmarks/bench_briefing.py [--alerts 1000] [--days 30]
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

from results import write_section  # noqa: E402

from stakewatch.core.exchange.briefing import build_briefing  # noqa: E402
from stakewatch.core.matching.ingest import Validators, ingest  # noqa: E402
from stakewatch.core.matching.matcher import Matcher  # noqa: E402
from stakewatch.core.model import Entity, Item, Source, Watchlist  # noqa: E402
from stakewatch.core.store.database import open_store  # noqa: E402
from stakewatch.pdf.briefing import body_html, ensure_gui_application, render_pdf, summary_html  # noqa: E402

ENTITIES = (Entity("Minoru Kiuchi", "official", aliases=("城内実",)), Entity("Masaaki Taira", "official",
            aliases=("平将明",)), Entity("Akihisa Shiozaki", "official"), Entity("OpenAI", "company"),
            Entity("Sam Altman", "official"), Entity("Sora 2", "product"))
PHRASES = ("says talks with AI firms continue", "に関する記者会見", "calls for rules on generative video",
           "asks for respect of copyrights", "の発言について", "answers questions in the Diet")


def stock(root: Path, alerts: int, days: int) -> None:
    rng = random.Random(3)
    now = datetime.now(UTC)
    with open_store(root) as store:
        sources = [Source(f"Source {n}", "feed", f"https://example.org/{n}.xml",
                          official_for=(ENTITIES[n % len(ENTITIES)].name,) if n < 3 else ()) for n in range(8)]
        store.apply_config([Watchlist("Japan AI & IP", ENTITIES)], sources)
        matcher = Matcher(store.watchlists())
        stored = {s.name: s for s in store.sources()}
        made = 0
        while made < alerts:
            source = stored[f"Source {rng.randrange(8)}"]
            batch = []
            for _ in range(20):
                entity = rng.choice(ENTITIES)
                name = rng.choice(entity.all_aliases)
                when = now - timedelta(minutes=rng.randrange(days * 24 * 60))
                batch.append(Item(guid=f"g{made}-{len(batch)}", url=f"https://example.org/story/{made}/{len(batch)}",
                                  title=f"{name} {rng.choice(PHRASES)} ({made}-{len(batch)})",
                                  summary=f"A longer summary in which {name} appears, with more words to wrap.",
                                  published=when))
            result = ingest(store, source, batch, matcher, store.entity_ids(), now,
                            Validators(source.url, None, None), now)
            made += len(result.new_alerts)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--alerts", type=int, default=1000)
    parser.add_argument("--days", type=int, default=30)
    args = parser.parse_args()
    ensure_gui_application()
    root = Path(tempfile.mkdtemp(prefix="stakewatch-briefing-"))
    stock(root, args.alerts, args.days)
    since = datetime.now(UTC) - timedelta(days=args.days)
    with open_store(root) as store:
        started = time.perf_counter()
        briefing = build_briefing(store, since, datetime.now(UTC))
        text = summary_html(briefing) + body_html(briefing)
        text_s = time.perf_counter() - started
        started = time.perf_counter()
        briefing = build_briefing(store, since, datetime.now(UTC))
        pages = render_pdf(briefing, root / "briefing.pdf")
        pdf_s = time.perf_counter() - started
    size = (root / "briefing.pdf").stat().st_size / 1024 / 1024
    body = f"""
| measure | value | target |
|---|---|---|
| alerts in the briefing / days | {briefing.total:,} / {args.days} | 1,000 / 30 |
| whole PDF (data, layout, drawing, file) | **{pdf_s:.2f} s**, **{pages} pages**, {size:.1f} MB | < 5 s |
| the same document's text alone (data + HTML, {len(text) / 1024:.0f} KiB) | {text_s:.2f} s | baseline |
| drawing and writing on top of the text | {pdf_s - text_s:.2f} s ({pdf_s / max(text_s, 1e-9):.1f}x the text alone) | |
"""
    write_section("Briefing PDF", "python benchmarks/bench_briefing.py", body)
    print(body)


if __name__ == "__main__":
    main()
