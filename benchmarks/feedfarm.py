"""Serves N feeds on each of H loopback addresses (127.0.0.2 ...), every answer delayed.

Run by the benchmarks as a child process: prints one JSON line with the feed
URLs when ready, then serves until its standard input closes; each line read
from standard input is answered with one JSON line of request and 304 counts.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from feedworld import Route, WorldServer, rss  # noqa: E402

TOPICS = ["Digital minister Masaaki Taira on AI rules", "OpenAI opens a Tokyo office",
          "Weather: clear skies in Kanto", "Sora 2 downloads pass a milestone",
          "Budget talks continue in the Diet", "Minister Kiuchi on IP strategy",
          "Markets rise on tech earnings", "New rail line opens", "Festival season begins",
          "Copyright council meets on generative video"]


def farm_arguments() -> argparse.ArgumentParser:
    """The farm's shape, shared with the benchmark that starts it."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--hosts", type=int, default=30)
    parser.add_argument("--feeds", type=int, default=10)
    parser.add_argument("--delay", type=float, default=0.2)
    return parser


def main() -> None:
    args = farm_arguments().parse_args()
    servers = []
    urls = []
    for h in range(args.hosts):
        server = WorldServer(f"127.0.0.{h + 2}")
        for f in range(args.feeds):
            items = [{"title": f"{TOPICS[(f + i) % len(TOPICS)]} ({h}-{f}-{i})",
                      "link": f"{server.base}/h{h}/f{f}/item{i}",
                      "guid": f"{server.base}/h{h}/f{f}/item{i}",
                      "description": "A short summary of the story for the benchmark."}
                     for i in range(10)]
            server.routes[f"/feed{f}.xml"] = Route(rss(items), delay=args.delay)
            urls.append(server.url(f"/feed{f}.xml"))
        servers.append(server.start())
    print(json.dumps({"urls": urls, "hosts": [s.base for s in servers]}), flush=True)
    for _line in sys.stdin:
        totals = {"hits": sum(sum(s.hits.values()) for s in servers),
                  "not_modified": sum(sum(s.not_modified.values()) for s in servers)}
        print(json.dumps(totals), flush=True)
    for server in servers:
        server.stop()


if __name__ == "__main__":
    main()
