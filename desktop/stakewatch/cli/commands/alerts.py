"""`stakewatch alerts`: stored alerts newest first, as a table, JSON, CSV or XLSX."""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from pathlib import Path

from ...core import Service
from ...core.i18n import translate
from ...core.model import UserError
from ..arguments import help_text, parse_since, positive
from ..tables import format_alerts, stream_alerts

TABLE_AT_ONCE = 5_000
ALERTS_TITLE = translate("Cli", "Alerts")
EXPORT_TITLE = translate("Export", "Alert export")
NEEDS_OUTPUT = translate("Export", "say where to write the file with -o FILE.csv or -o FILE.xlsx")
JSON_OR_FILE = translate("Export", "--json prints the alerts; -o writes a spreadsheet: choose one")
EXPORTED = translate("Export", "Wrote {n} {n:?alert|alerts} to {path}.")


def cmd_alerts(service: Service, args: argparse.Namespace) -> int:
    """Alerts newest first, written as SQLite yields them (any number, little memory), or exported."""
    service.watchlists.require(args.watchlist, str(ALERTS_TITLE))
    if args.json and (args.format or args.output):
        raise UserError(EXPORT_TITLE, JSON_OR_FILE)
    tags = service.notes.clean_tags(args.tag or ())
    if args.format or args.output:
        if not args.output:
            raise UserError(EXPORT_TITLE, NEEDS_OUTPUT)
        output = Path(args.output)
        rows = service.exports.alerts(output, args.format, since=args.since, watchlist=args.watchlist,
                                      limit=args.limit, tags=tags, flagged_only=args.flagged)
        print(EXPORTED(n=rows, path=str(output)))
        return 0
    alerts = service.inbox.iter_alerts(since=args.since, watchlist=args.watchlist, limit=args.limit, tags=tags,
                                       flagged_only=args.flagged)
    if not args.json:
        head = list(itertools.islice(alerts, TABLE_AT_ONCE))
        if len(head) < TABLE_AT_ONCE:
            print(format_alerts(head))
            return 0
        alerts = itertools.chain(head, alerts)
    if args.json:
        sys.stdout.write("[")
        for index, alert in enumerate(alerts):
            text = json.dumps(alert.to_json(), ensure_ascii=False, indent=2)
            sys.stdout.write(("," if index else "") + "\n  " + text.replace("\n", "\n  "))
        print("\n]")
    else:
        stream_alerts(alerts, sys.stdout)
    return 0


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    sub = commands.add_parser("alerts", help=help_text(translate("CliHelp", "list stored alerts, newest first")))
    sub.add_argument("--since", type=parse_since, metavar="PERIOD", help=help_text(translate(
        "CliHelp", "only alerts published or found since: 7d, 12h, 30m, 2w or a date")))
    sub.add_argument("--watchlist", metavar="NAME")
    sub.add_argument("--limit", type=positive, metavar="N", help=help_text(translate(
        "CliHelp", "only the N newest")))
    sub.add_argument("--tag", action="append", metavar="TAG", help=help_text(translate(
        "CliHelp", "only alerts with this tag (repeatable)")))
    sub.add_argument("--flagged", action="store_true", help=help_text(translate(
        "CliHelp", "only alerts flagged for the briefing")))
    sub.add_argument("--json", action="store_true")
    sub.add_argument("--format", choices=("csv", "xlsx"), help=help_text(translate(
        "CliHelp", "write a spreadsheet to -o FILE")))
    sub.add_argument("-o", "--output", metavar="FILE", help=help_text(translate(
        "CliHelp", "the file to write (its suffix picks the format)")))
    sub.set_defaults(run=cmd_alerts)
