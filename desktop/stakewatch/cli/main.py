"""The command-line door onto the core.

`stakewatch` alone starts the tray app on the user's watchlists (the built-in
default one on first run, through the `gui` the launcher hands in); subcommands
import, export, poll, list alerts and sources. Bad input: one line on stderr,
exit 1, nothing stored. Every command is `run(service, args)` (cli/commands/).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from .. import __version__, pdf
from ..core import (
    ENV_HOME,
    REOPEN_WINDOW,
    RESET_DEMO,
    SERVER_VARIABLE,
    DatabaseFailure,
    DemoLock,
    DemoServer,
    Service,
    claim_demo_dir,
    data_dir,
    database_path,
    reset_demo_dir,
    storage_error,
)
from ..core.i18n import translate
from ..core.model import UserError
from ..platform_check import PROBE_VARIABLE
from . import wording
from .arguments import help_text as _h
from .arguments import parse_since as parse_since
from .commands import register_all
from .commands.poll import cmd_watch
from .commands.poll import seed_default as seed_default
from .tables import format_alerts as format_alerts
from .tables import safe_cell, terminal_width
from .tables import table as table

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2
FALLBACK = translate("Startup", "falling back to the terminal watcher (stakewatch watch): it polls, "
                                "prints and notifies new alerts; Ctrl+C stops it.")
DEMO_SHARED = translate("Startup", "the demo is running in another Stakewatch; this command uses its data.")
ABOUT = translate("CliHelp", "Follow officials, companies and AI products; alerts link to the original.")
DEMO_HELP = translate("CliHelp", "run on bundled demo feeds served from this computer (own data dir)")
DATA_DIR_HELP = translate("CliHelp", "where to keep data (default: ${variable} or the user data dir)")
SERVER_HELP = translate("CliHelp", "work on a team database (a PostgreSQL URI, postgresql://user@host/db) "
                        "as its user; STAKEWATCH_SERVER does the same")


class Parser(argparse.ArgumentParser):
    """argparse in the user's language (see wording.py); its sub-commands' parsers are Parsers too."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", wording.WideHelpFormatter)
        super().__init__(*args, **kwargs)


def build_parser() -> argparse.ArgumentParser:
    wording.install()
    parser = Parser(
        prog="stakewatch",
        description=_h(ABOUT))
    parser.add_argument("--version", action="version", version=f"stakewatch {__version__}",
                        help=_h(wording.VERSION_HELP))
    parser.add_argument("--demo", action="store_true",
                        help=_h(DEMO_HELP))
    parser.add_argument("--data-dir", metavar="DIR",
                        help=_h(DATA_DIR_HELP, variable=ENV_HOME))
    parser.add_argument("--server", metavar="URL", help=_h(SERVER_HELP))
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    register_all(commands)
    return parser


GuiStarter = Callable[[Path, bool, bool], int]


def error_lines(title: str, message: str) -> str:
    """A refusal for standard error: its first line after the title, each further problem on a line
    of its own (indented), every line cleaned of control characters and secrets."""
    first, *rest = [line for line in message.splitlines() if line.strip()] or [""]
    lines = [f"stakewatch: {safe_cell(title.lower())}: {safe_cell(first)}"]
    lines += ["  " + safe_cell(line) for line in rest]
    return "\n".join(lines)


def restart_demo() -> None:
    """Start the demo app again in place of this process (after "Reset demo")."""
    command = [sys.executable, *(sys.argv[1:] if getattr(sys, "frozen", False) else sys.orig_argv[1:])]
    os.environ[REOPEN_WINDOW] = "1"  # the user was in the window when they reset: it comes back
    sys.stdout.flush()
    sys.stderr.flush()
    os.execv(sys.executable, command)


def run_gui(root: Path, args: argparse.Namespace, gui: GuiStarter | None, demo: bool,
            borrowed: bool = False) -> int:
    """The tray app (`gui`, handed in by the launcher); where Qt cannot open windows here, the terminal
    watcher, saying why.

    `borrowed`: the demo folder is in use by another Stakewatch, which is asked
    to come forward instead.
    """
    from .. import platform_check

    verdict = platform_check.check() if gui is not None else None
    if verdict is None or not verdict.ok:
        if verdict is not None:
            print(f"stakewatch: {verdict.reason}", file=sys.stderr)
            if verdict.advice:
                print(verdict.advice, file=sys.stderr)
        print(f"stakewatch: {FALLBACK()}", file=sys.stderr, flush=True)
        with Service.open(root, writer=_writer()) as service:
            return cmd_watch(service, args)
    assert gui is not None
    return gui(root, demo, borrowed)


def _writer() -> pdf.BriefingWriter | None:
    return pdf.write if pdf.importable() else None


def hoist_server(argv: list[str]) -> list[str]:
    """`--server URL` is global: accepted after the command too (`alerts --json --server URL`)."""
    for index, word in enumerate(argv):
        if word == "--":
            break
        if word.startswith("--server="):
            return [word, *argv[:index], *argv[index + 1:]]
        if word == "--server" and index + 1 < len(argv):
            return [word, argv[index + 1], *argv[:index], *argv[index + 2:]]
    return argv


def main(argv: Sequence[str] | None = None, gui: GuiStarter | None = None) -> int:
    if os.environ.get("STAKEWATCH_WORKER"):  # the bundle started as a worker child (core/platform/worker.py)
        from ..core import worker_main

        return int(worker_main())
    if os.environ.get(PROBE_VARIABLE) == "1":
        from ..platform_check import run_probe

        return run_probe()
    parser = build_parser()
    args = parser.parse_args(hoist_server(list(sys.argv[1:] if argv is None else argv)))
    run = getattr(args, "run", None)
    demo: DemoServer | None = None
    lock: DemoLock | None = None
    borrowed = False
    root: Path | None = None
    try:
        root = data_dir(args.data_dir)
        if args.demo:
            root, lock = claim_demo_dir(root)
            borrowed = lock is None
            if borrowed and run is not None:
                for line in wording.wrap(f"stakewatch: {DEMO_SHARED()}", terminal_width() or 10**6):
                    print(line, file=sys.stderr)
            if not borrowed:
                demo = DemoServer().start()
        if args.server:
            os.environ[SERVER_VARIABLE] = args.server
        standalone = getattr(args, "standalone", None)
        if standalone is not None:  # commands that open a team database themselves (`server init`, `server run`)
            return int(standalone(root, args))
        try:
            # the tray (no command): with its team server away it starts on what the desk kept, and says so
            opened = Service.open_or_kept(root)[0] if run is None else Service.open(root, writer=_writer())
        except UserError as exc:
            without_store = getattr(args, "without_store", None)
            if without_store is not None:
                return int(without_store(root, exc.message))
            raise
        with opened as service:
            service.setup_logging()
            if demo is not None:
                service.load_demo(demo.base)
            if run is not None:
                return int(run(service, args))
        code = run_gui(root, args, gui, args.demo, borrowed)
        if code == RESET_DEMO and lock is not None:
            reset_demo_dir(root, lock)
            if demo is not None:
                demo.stop()
                demo = None
            lock.release()
            lock = None
            restart_demo()
        return code
    except UserError as exc:
        print(error_lines(exc.title, exc.message), file=sys.stderr)
        return EXIT_ERROR
    except DatabaseFailure as exc:
        error = storage_error(exc, database_path(root) if root else "the database")
        print(f"stakewatch: {error.title.lower()}: {error.message}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return EXIT_ERROR
    except BrokenPipeError:
        return EXIT_OK
    finally:
        if demo is not None:
            demo.stop()
        if lock is not None:
            lock.release()


if __name__ == "__main__":
    sys.exit(main())
