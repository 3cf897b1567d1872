"""`stakewatch stories`: one row per story, naming every entity in it."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from ...core import Service, StoryRow
from ...core.i18n import translate
from ..arguments import help_text, parse_since, positive
from ..tables import local_time, table

NO_STORIES = translate("Stories", "No stories.")
HEADERS = (translate("Stories", "Published"), translate("Stories", "Story"), translate("Stories", "Alerts"),
           translate("Stories", "Entities"),
           translate("Stories", "Title"), translate("Stories", "Sources"))


def _entities(row: StoryRow) -> str:
    return ", ".join(row.label(name) + ("*" if row.kinds.get(name) == "statement" else "") for name in row.entities)


def format_stories(rows: Sequence[StoryRow]) -> str:
    """A table fitted to the terminal, with the numbers of each story's alerts (what note, tag and flag
    take); '*' marks an entity's own statement."""
    if not rows:
        return str(NO_STORIES)
    lines = [(local_time(r.published), str(r.story), ",".join(str(a) for a in sorted(r.alerts)), _entities(r), r.title,
              r.sources[0] + (f" +{len(r.sources) - 1}" if len(r.sources) > 1 else "") if r.sources else "")
             for r in rows]
    return table(lines, [str(h) for h in HEADERS], flexible=4, shrink=((5, 14), (3, 16), (2, 8), (4, 40)),
                 below=(3, 5),
                 minimum=24)


def cmd_stories(service: Service, args: argparse.Namespace) -> int:
    rows = service.inbox.stories(since=args.since, watchlist=args.watchlist,
                                 tags=service.notes.clean_tags(args.tag or ()))
    if args.limit:
        rows = rows[: args.limit]
    if args.json:
        json.dump([r.to_json() for r in rows], sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        print(format_stories(rows))
    return 0


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    sub = commands.add_parser("stories", help=help_text(translate(
        "CliHelp", "list stories, newest first, with every entity they name")))
    sub.add_argument("--since", type=parse_since, metavar="PERIOD", help=help_text(translate(
        "CliHelp", "only stories published or found since: 7d, 12h, 30m, 2w or a date")))
    sub.add_argument("--watchlist", metavar="NAME")
    sub.add_argument("--tag", action="append", metavar="TAG", help=help_text(translate(
        "CliHelp", "only stories with this tag (repeatable)")))
    sub.add_argument("--limit", type=positive, metavar="N", help=help_text(translate("CliHelp", "at most N stories")))
    sub.add_argument("--json", action="store_true")
    sub.set_defaults(run=cmd_stories)
