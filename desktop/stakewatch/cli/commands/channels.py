"""`stakewatch channel add|list|test|remove`: where alerts go besides the desktop.

The Apprise URL is read from standard input (never the command line) and kept in
the keyring; no command prints it.
"""

from __future__ import annotations

import argparse
import json
import sys

from ...core import CHANNEL_EMPTY_URL, CHANNEL_ONLY, CHANNEL_TITLE, ChannelRow, Service, check_channel_name
from ...core.i18n import loads, render, translate
from ...core.model import UserError
from ...core.states import channel_status_label
from ..arguments import help_text
from ..tables import local_time, table

EXIT_OK, EXIT_ERROR = 0, 1
TITLE = CHANNEL_TITLE
ADDED = translate("Channels", "Added the channel {name!r}; its URL is in the keyring.")
REMOVED = translate("Channels", "Removed the channel {name!r} and its URL from the keyring.")
TESTED = translate("Channels", "Sent a test message to {name!r}.")
NONE = translate("Channels", "No channels. Add one: echo URL | stakewatch channel add NAME")
ALL = translate("Channels", "all")
PROMPT = translate("Channels", "Apprise URL for {name}: ")
HEADERS = (translate("Channels", "Channel"), translate("Channels", "Watchlists"), translate("Channels", "Only"),
           translate("Channels", "Status"), translate("Channels", "Last success"), translate("Channels", "Pending"),
           translate("Channels", "Last error"))


def _status(row: ChannelRow) -> str:
    if row.last_error:
        return "failing"
    return "ok" if row.last_success else "new"


def _json(row: ChannelRow) -> dict[str, object]:
    return {"name": row.channel.name, "watchlists": list(row.channel.watchlists), "only": row.channel.only,
            "health": row.channel.health, "digest": row.channel.digest, "digest_only": row.channel.digest_only,
            "quiet_hours": row.channel.quiet_hours, "status": _status(row),
            "last_success": row.last_success.isoformat() if row.last_success else None,
            "last_error": render(loads(row.last_error)) if row.last_error else None,
            "pending": row.pending, "abandoned": row.abandoned}


def read_url(name: str) -> str:
    if sys.stdin is None:
        raise UserError(TITLE, CHANNEL_EMPTY_URL)
    if sys.stdin.isatty():
        import getpass

        return getpass.getpass(str(PROMPT(name=name)))
    return sys.stdin.readline().strip()


def cmd_add(service: Service, args: argparse.Namespace) -> int:
    name = check_channel_name(args.name)
    service.channels.find_free(name)
    url = read_url(name)
    added = service.channels.add(name, url, watchlists=args.watchlist or (), only=args.only,
                                 health=args.health, digest=args.digest, digest_only=args.digest_only,
                                 quiet_hours=not args.ignore_quiet_hours)
    print(ADDED(name=added.name))
    return EXIT_OK


def cmd_list(service: Service, args: argparse.Namespace) -> int:
    rows = service.channels.rows()
    if args.json:
        json.dump([_json(r) for r in rows], sys.stdout, ensure_ascii=False, indent=2)
        print()
        return EXIT_OK
    if not rows:
        print(NONE)
        return EXIT_OK
    lines = [(r.channel.name, ", ".join(r.channel.watchlists) or str(ALL), r.channel.only or str(ALL),
              render(channel_status_label(_status(r))), local_time(r.last_success), str(r.pending),
              render(loads(r.last_error)) or "")
             for r in rows]
    print(table(lines, [str(h) for h in HEADERS], flexible=6))
    return EXIT_OK


def cmd_test(service: Service, args: argparse.Namespace) -> int:
    print(TESTED(name=service.channels.test(args.name)))
    return EXIT_OK


def cmd_remove(service: Service, args: argparse.Namespace) -> int:
    print(REMOVED(name=service.channels.remove(args.name)))
    return EXIT_OK


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    channel = commands.add_parser("channel", help=help_text(translate(
        "CliHelp", "send alerts to Slack, Teams, email, LINE, webhooks (Apprise)")))
    verbs = channel.add_subparsers(dest="verb", metavar="VERB", required=True)
    sub = verbs.add_parser("add", help=help_text(translate(
        "CliHelp", "add a channel; its Apprise URL is read from standard input")))
    sub.add_argument("name")
    sub.add_argument("--watchlist", action="append", metavar="W", help=help_text(translate(
        "CliHelp", "only this watchlist (repeatable)")))
    sub.add_argument("--only", choices=CHANNEL_ONLY)
    sub.add_argument("--health", action="store_true", help=help_text(translate(
        "CliHelp", "also send source-health notices")))
    sub.add_argument("--digest", metavar="WHEN", help=help_text(translate(
        "CliHelp", "a scheduled digest: 'daily 08:00' or 'weekly mon 08:00'")))
    sub.add_argument("--digest-only", action="store_true", help=help_text(translate(
        "CliHelp", "only the scheduled digest, no message per story")))
    sub.add_argument("--ignore-quiet-hours", action="store_true", help=help_text(translate(
        "CliHelp", "send during quiet hours too")))
    sub.set_defaults(run=cmd_add)
    sub = verbs.add_parser("list", help=help_text(translate("CliHelp", "channels and how their delivery goes")))
    sub.add_argument("--json", action="store_true")
    sub.set_defaults(run=cmd_list)
    sub = verbs.add_parser("test", help=help_text(translate("CliHelp", "send a test message now")))
    sub.add_argument("name")
    sub.set_defaults(run=cmd_test)
    sub = verbs.add_parser("remove", help=help_text(translate("CliHelp", "remove a channel and its URL")))
    sub.add_argument("name")
    sub.set_defaults(run=cmd_remove)
