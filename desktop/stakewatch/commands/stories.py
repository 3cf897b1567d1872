"""`stakewatch stories [--since 7d] [--watchlist NAME] [--json]`: one line per story, not per alert."""

from __future__ import annotations

import argparse
import json
import sys

from ..core.store import Store
from ..core.story_list import summarise


def cmd_stories(store: Store, args: argparse.Namespace) -> int:
    from ..cli import EXIT_OK, _local, table

    stories = summarise(store.alerts(since=args.since, watchlist=args.watchlist))
    if args.json:
        json.dump([s.to_json() for s in stories], sys.stdout, ensure_ascii=False, indent=2)
        print()
    elif not stories:
        print("No stories.")
    else:
        rows = [(_local(s.published), ", ".join(s.entities), s.title,
                 s.sources[0] + (f" +{len(s.sources) - 1}" if len(s.sources) > 1 else "") if s.sources else "",
                 s.url) for s in stories]
        print(table(rows, ("Published", "Entities", "Title", "Sources", "Link"), flexible=2))
    return EXIT_OK


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    from ..cli import parse_since

    sub = commands.add_parser("stories", help="list stories (one per story, every entity and source in it)")
    sub.add_argument("--since", type=parse_since, metavar="PERIOD",
                     help="only stories with alerts published or found since: 7d, 12h, 30m, 2w or a date")
    sub.add_argument("--watchlist", metavar="NAME")
    sub.add_argument("--json", action="store_true")
    sub.set_defaults(run=cmd_stories)
