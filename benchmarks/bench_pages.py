"""Statement pages: main-text extraction per page, and re-checking 1,000 watched pages on loopback.

Measures, in one run:
- extraction time per page for Japanese and English layouts (Stakewatch's main_text: chrome pruned, then
  trafilatura) against trafilatura.extract on the raw page as the peer;
- archiving 1,000 statement pages in one cycle (10 loopback hosts x 100 pages);
- a forced re-check of all 1,000 where 95 % answer 304, 4 % changed only their chrome and 1 % were edited,
  against the same re-check with conditional GET switched off on the servers (every page sent and read again).
Writes the figures to benchmarks/RESULTS.md.

    python benchmarks/bench_pages.py [--pages 1000] [--hosts 10]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests"))

from pageworld import MINISTER_PARAGRAPHS, Chrome, agency_press_page, cabinet_office_page, newsroom_page  # noqa: E402
from results import write_section  # noqa: E402

import feedworld  # noqa: E402
from feedworld import Route, WorldServer, rss  # noqa: E402
from stakewatch.core.model import Entity, Source, Watchlist  # noqa: E402
from stakewatch.core.pages.cycle import PageConfig  # noqa: E402
from stakewatch.core.pages.statement import main_text  # noqa: E402
from stakewatch.core.service.poller import PollConfig, Poller  # noqa: E402
from stakewatch.core.store.database import open_store  # noqa: E402

HTML = "text/html; charset=utf-8"
# The loopback servers answer in two writes (headers, body): without TCP_NODELAY, Nagle's algorithm and delayed
# ACKs add 40 ms to every full answer, which real web servers do not.
feedworld._Handler.disable_nagle_algorithm = True


def _per_page(function: object, pages: list[str], rounds: int) -> float:
    timings = []
    for _ in range(rounds):
        for page in pages:
            started = time.perf_counter()
            function(page)  # type: ignore[operator]
            timings.append(time.perf_counter() - started)
    return statistics.median(timings) * 1000


def extraction(rounds: int) -> list[tuple[str, float, float, int]]:
    import trafilatura

    long_article = agency_press_page(paragraphs=MINISTER_PARAGRAPHS * 60)
    layouts = {
        "Japanese press conference (ministry)": agency_press_page(),
        "Japanese minister page (table layout)": cabinet_office_page("utf-8"),
        "English newsroom article": newsroom_page(),
        "Japanese, 180 paragraphs": long_article,
    }
    rows = []
    for name, page in layouts.items():
        ours = _per_page(main_text, [page], rounds)
        peer = _per_page(lambda text: trafilatura.extract(text, include_comments=False), [page], rounds)
        rows.append((name, ours, peer, len(page.encode())))
    return rows


def _speech_304(servers: list[WorldServer]) -> int:
    return sum(count for s in servers for path, count in s.not_modified.items() if path.startswith("/speech/"))


def watch(pages: int, hosts: int) -> dict[str, float]:
    servers = [WorldServer(f"127.0.0.{n + 1}").start() for n in range(hosts)]
    per_host = pages // hosts
    try:
        for n, server in enumerate(servers):
            items = [{"title": f"平デジタル大臣記者会見 {n}-{k}", "link": server.url(f"/speech/{k}"),
                      "guid": f"s{n}-{k}"} for k in range(per_host)]
            server.routes["/news.rss"] = Route(rss(items))
            for k in range(per_host):
                server.routes[f"/speech/{k}"] = Route(agency_press_page(title=f"平大臣記者会見 {n}-{k}").encode(),
                                                      content_type=HTML)
        with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp)) as store:
            store.apply_config([Watchlist("W", (Entity("Masaaki Taira", "official", ("平デジタル大臣",)),))],
                               [Source(f"Agency {n}", "feed", s.url("/news.rss"), official_for=("Masaaki Taira",))
                                for n, s in enumerate(servers)])
            moment = [datetime.now(UTC)]
            poller = Poller(store, PollConfig(pages=PageConfig(archive_per_cycle=pages)), clock=lambda: moment[0])
            started = time.perf_counter()
            report = poller.run_cycle()
            archive = time.perf_counter() - started
            assert len(report.pages.archived) == pages, len(report.pages.archived)
            changed = 0
            for n, server in enumerate(servers):
                for k in range(per_host):
                    index = n * per_host + k
                    title = f"平大臣記者会見 {n}-{k}"
                    if index % 100 == 0:
                        body = agency_press_page(title=title, paragraphs=MINISTER_PARAGRAPHS[:2])
                        changed += 1
                    elif index % 25 == 0:
                        body = agency_press_page(title=title, chrome=Chrome(updated="2025年10月9日", views=99))
                    else:
                        continue
                    server.routes[f"/speech/{k}"] = Route(body.encode(), content_type=HTML)
            moment[0] += timedelta(hours=1)
            before = _speech_304(servers)
            started = time.perf_counter()
            report = poller.run_cycle(force=True)
            recheck = time.perf_counter() - started
            not_modified = _speech_304(servers) - before
            edited = len(report.pages.changes)
            assert report.pages.checked == pages and edited == changed, (report.pages.checked, edited)
            for server in servers:
                for route in server.routes.values():
                    route.conditional = False
            moment[0] += timedelta(hours=1)
            started = time.perf_counter()
            report = poller.run_cycle(force=True)
            unconditional = time.perf_counter() - started
            assert report.pages.checked == pages and not report.pages.changes
            size = store.path.stat().st_size
    finally:
        for server in servers:
            server.stop()
    return {"archive": archive, "recheck": recheck, "not_modified": not_modified, "edited": edited,
            "unconditional": unconditional, "db_mb": size / 1e6}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--hosts", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    rows = extraction(args.rounds)
    figures = watch(args.pages, args.hosts)
    pages = args.pages
    lines = ["| page | size | Stakewatch main_text (chrome pruned, then trafilatura) "
             "| peer: trafilatura.extract(raw page) |", "|---|---|---|---|"]
    lines += [f"| {name} | {size / 1024:.0f} KiB | **{ours:.1f} ms** | {peer:.1f} ms |"
              for name, ours, peer, size in rows]
    lines += ["", f"Watching {pages:,} statement pages on {args.hosts} loopback hosts (servers in the same "
              "process; per-host cap 2, 8 page workers, default limits):", "",
              "| measure | value |", "|---|---|",
              f"| archive {pages:,} new statement pages in one cycle (fetch + extract + store) | "
              f"{figures['archive']:.2f} s ({figures['archive'] / pages * 1000:.1f} ms a page) |",
              f"| forced re-check of all {pages:,}: {int(figures['not_modified'])} answered 304, "
              f"{int(figures['edited'])} edited found | **{figures['recheck']:.2f} s** "
              f"({figures['recheck'] / pages * 1000:.2f} ms a page) |",
              f"| peer: the same re-check with conditional GET off (every page sent, read and compared) | "
              f"{figures['unconditional']:.2f} s ({figures['unconditional'] / pages * 1000:.2f} ms a page) |",
              f"| database after three cycles (raw HTML compressed) | {figures['db_mb']:.1f} MB |",
              "", "Chrome-only changes (a new date stamp and view count on 4 % of the pages) were not counted "
              "as edits."]
    write_section("Statement pages", f"python benchmarks/bench_pages.py --pages {pages} --hosts {args.hosts}",
                  "\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
