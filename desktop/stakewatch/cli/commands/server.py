"""`stakewatch server init|add-user|run`: a team's database on PostgreSQL and its poller; and what a
desk attached to one does instead of polling (`watch` prints what the server stores).

`server init URL [--from DATA_DIR]` makes (or upgrades) the schema, the roles stakewatch_reader and
stakewatch_editor and their rights, and copies a desk in; `--server URL server add-user NAME --role
reader|editor` adds a login (password on standard input); `server run URL [--once]` polls as the
desk does, one process per team at a time (an advisory lock; the others wait and take over).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ... import pdf
from ...core import CycleResult, Service, data_dir, init_team, run_team_poller
from ...core.i18n import translate
from ..tables import format_report, local_time
from . import help_text
from .poll import say, stop_on_signals

INITIALISED = translate("Server", "Team database ready at {url} (schema {version}); roles stakewatch_reader and "
                        "stakewatch_editor.")
COPIED = translate("Server", "Copied from {folder}: {watchlists} {watchlists:?watchlist|watchlists}, "
                   "{sources} {sources:?source|sources}, {alerts} {alerts:?alert|alerts}.")
PASSWORD_PROMPT = translate("Server", "Password for {name}: ")
USER_ADDED = translate("Server", "{name} may now sign in as {role}.")


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    server = commands.add_parser("server", help=help_text(translate(
        "CliHelp", "a team database on PostgreSQL: make it, add users, run its poller")))
    actions = server.add_subparsers(dest="server_command", metavar="ACTION", required=True)
    sub = actions.add_parser("init", help=help_text(translate(
        "CliHelp", "make or upgrade the team database at URL (its owner; may create roles)")))
    sub.add_argument("url", metavar="URL")
    sub.add_argument("--from", dest="source", metavar="DATA_DIR", help=help_text(translate(
        "CliHelp", "copy this desk's data folder into the new team database")))
    sub.set_defaults(standalone=cmd_init)
    sub = actions.add_parser("add-user", help=help_text(translate(
        "CliHelp", "add a login to the team database of --server (password on standard input)")))
    sub.add_argument("name", metavar="NAME")
    sub.add_argument("--role", choices=("reader", "editor"), required=True)
    sub.set_defaults(run=cmd_add_user)
    sub = actions.add_parser("run", help=help_text(translate(
        "CliHelp", "poll for the team; another running poller is a spare that takes over")))
    sub.add_argument("url", metavar="URL")
    sub.add_argument("--once", action="store_true", help=help_text(translate(
        "CliHelp", "one cycle (when this process may poll), then exit")))
    sub.add_argument("--public-url", metavar="URL", help=help_text(translate(
        "CliHelp", "this poller's public address: feeds that announce a WebSub hub are subscribed and fetched "
        "the moment the hub says they changed (polling stays the fallback)")))
    sub.add_argument("--listen", metavar="HOST:PORT", help=help_text(translate(
        "CliHelp", "where the WebSub callback server listens (default: every interface, the public port)")))
    sub.set_defaults(standalone=cmd_run)


def cmd_init(root: Path, args: argparse.Namespace) -> int:
    where, version, copied = init_team(data_dir(root), args.url, Path(args.source) if args.source else None)
    if copied is not None:
        print(COPIED(folder=str(data_dir(Path(args.source))), watchlists=copied.get("watchlists", 0),
                     sources=copied.get("sources", 0), alerts=copied.get("alerts", 0)))
    print(INITIALISED(url=where, version=version))
    return 0


def cmd_add_user(service: Service, args: argparse.Namespace) -> int:
    if sys.stdin.isatty():
        import getpass

        password = getpass.getpass(str(PASSWORD_PROMPT(name=args.name)))
    else:
        password = sys.stdin.readline().rstrip("\r\n")
    service.team.add_user(args.name, args.role, password)
    print(USER_ADDED(name=args.name, role=args.role))
    return 0


def cmd_run(root: Path, args: argparse.Namespace) -> int:
    """The team's poller: wait for the lock, then poll on schedule while it is held."""
    def reported(result: CycleResult, service: Service) -> None:
        print(f"[{local_time(result.report.started)}] {format_report(result.report, service)}", flush=True)

    writer = pdf.write if pdf.importable() and pdf.available() else None
    run_team_poller(data_dir(root), args.url, stop_on_signals(), say, reported, once=args.once,
                    public_url=args.public_url, listen=args.listen, writer=writer)
    return 0
