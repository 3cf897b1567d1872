"""`stakewatch server init|add-user|run`: a team's database on PostgreSQL and its poller; and what a
desk attached to one does instead of polling (`watch` prints what the server stores).

`server init URL [--from DATA_DIR]` makes (or upgrades) the schema, the roles stakewatch_reader and
stakewatch_editor and their rights, and copies a desk in; `--server URL server add-user NAME --role
reader|editor` adds a login (password on standard input); `server run URL [--once]` polls as the
desk does, one process per team at a time (an advisory lock; the others wait and take over).
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from pathlib import Path
from typing import Any

from ...core.i18n import Message, render, translate
from ...core.model import Alert
from ...core.platform import paths
from ...core.service import team_server
from ...core.store.database import Store
from . import help_text

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
    where, version, copied = team_server.init_team(paths.data_dir(root), args.url,
                                                   Path(args.source) if args.source else None)
    if copied is not None:
        print(COPIED(folder=str(paths.data_dir(Path(args.source))), watchlists=copied.get("watchlists", 0),
                     sources=copied.get("sources", 0), alerts=copied.get("alerts", 0)))
    print(INITIALISED(url=where, version=version))
    return 0


def cmd_add_user(store: Store, args: argparse.Namespace) -> int:
    if sys.stdin.isatty():
        import getpass

        password = getpass.getpass(str(PASSWORD_PROMPT(name=args.name)))
    else:
        password = sys.stdin.readline().rstrip("\r\n")
    team_server.add_user(store, args.name, args.role, password)
    print(USER_ADDED(name=args.name, role=args.role))
    return 0


def _stop_on_signals() -> threading.Event:
    stop = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stop.set())
    return stop


def _say(message: Message | str) -> None:
    print(render(message) if isinstance(message, Message) else message, flush=True)


def cmd_run(root: Path, args: argparse.Namespace) -> int:
    """The team's poller: wait for the lock, then poll on schedule while it is held."""
    from ..main import format_report, local_time
    from .channels import pdf_renderer

    def reported(result: Any, store: Store) -> None:
        print(f"[{local_time(result.report.started)}] {format_report(result.report, store)}", flush=True)

    team_server.run_poller(paths.data_dir(root), args.url, _stop_on_signals(), _say, reported, once=args.once,
                           public_url=args.public_url, listen=args.listen, render_pdf=pdf_renderer())
    return 0


def refuse_polling(store: Store) -> int:
    team_server.refuse_polling(store)
    return 1


def watch_team(store: Store, args: argparse.Namespace) -> int:
    """A desk on a team database: print (and notify) each alert its server stores, once, as it is stored."""
    from ...notify import choose_notifier
    from ..main import _click

    notifier = choose_notifier(_click, headless=True)

    def found(alerts: list[Alert]) -> None:
        for alert in alerts:
            print(alert_line(alert), flush=True)
        for note in team_server.desk_notifications(store, alerts):
            try:
                notifier.show(note)
            except Exception:  # noqa: BLE001 - a notifier that fails never stops the watch
                return

    try:
        team_server.watch(store, _stop_on_signals(), _say, found)
    finally:
        notifier.close()
    return 0


def alert_line(alert: Alert) -> str:
    """One alert on one line, whole (a watcher's log is read later, and by programs)."""
    from ...core.states import kind_label
    from ..main import cell, local_time

    return "  ".join(cell(part) for part in (
        local_time(alert.published), f"#{alert.id}", render(kind_label(alert.kind)), alert.entity_label,
        alert.title, alert.url))
