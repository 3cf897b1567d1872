"""The command-line door onto the core.

`stakewatch` alone starts the tray app on the user's watchlists (the built-in
default one on first run); subcommands import, export, poll, list alerts and
sources. Bad input: one line on stderr, exit 1, nothing stored.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import signal
import sys
import threading
import unicodedata
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from . import __version__
from .commands import register_all
from .core import paths, settings
from .core.demo import DemoServer, demo_config, prepare_demo_dir
from .core.i18n import Message, loads, render, translate
from .core.links import open_link
from .core.logs import diagnostics, setup_logging
from .core.model import Alert, SourceHealth, UserError
from .core.policy import Notification
from .core.poller import CycleReport
from .core.service import SEEDED, Service, cycle_summary, import_summary, show_notifications
from .core.states import health_label, kind_label
from .core.store import Store, open_store
from .core.transfer import parse_config
from .notify import Notifier, choose_notifier

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2
NEVER = translate("Cli", "never")
NO_ALERTS = translate("Cli", "No alerts.")
NO_SOURCES_YET = translate("Cli", "No sources.")
ALERT_HEADERS = (translate("Cli", "Published"), translate("Cli", "Kind"), translate("Cli", "Entity"),
                 translate("Cli", "Title"), translate("Cli", "Source"), translate("Cli", "Link"))
SOURCE_HEADERS = (translate("Cli", "Source"), translate("Cli", "Status"), translate("Cli", "Last success"),
                  translate("Cli", "Failures"), translate("Cli", "Last error"))
FAILING_LINE = translate("Cli", "failing: {source}: {error}")
SKIPPED_LINE = translate("Cli", "skipped: {source}: {reason}")
SETTINGS_TITLE = translate("Cli", "Settings")
BRIEFING_TITLE = translate("Cli", "Briefing")
CREDENTIALS_TITLE = translate("Cli", "Credentials")
UNKNOWN_SETTING = translate("Cli", "unknown setting '{key}'")
NONE = translate("Cli", "none")
NO_WATCHLIST = translate("Cli", "no watchlist named '{name}' (there are: {names})")
NOT_PDF = translate("Cli", "{file} should end in .pdf")
NEEDS_QT = translate("Cli", "PDF output needs Qt (PySide6): {error}")
WROTE = translate("Cli", "Wrote {file}: {pages} {pages:?page|pages}, {alerts} {alerts:?alert|alerts}.")
DELETED_SECRET = translate("Cli", "Deleted the credential '{name}' from the keyring.")
STORED_SECRET = translate("Cli", "Stored the credential '{name}' in the keyring.")
NO_SECRET = translate("Cli", "no secret given on standard input")
SECRET_PROMPT = translate("Cli", "Secret for {name}: ")
NO_DISPLAY = translate("Cli", "no display (DISPLAY and WAYLAND_DISPLAY are unset)")
NO_QT = translate("Cli", "Qt is not available ({error})")
HEADLESS = translate("Cli", "{reason}; watching without a tray (stakewatch watch).")
NO_SOURCES = translate("Cli", "No enabled sources: import a watchlist first (stakewatch import FILE).")
SHOWN = translate("Cli", "Notifications shown: {shown} (through {backend}).")
WATCHING = translate("Cli", "Watching {sources} {sources:?source|sources}; notifications through {backend}; "
                            "Ctrl+C stops.")
_DURATION = re.compile(r"^\s*(\d+)\s*([mhdw])\s*$", re.IGNORECASE)
_UNITS = {"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}


def parse_since(value: str, now: datetime | None = None) -> datetime:
    """'7d', '12h', '30m', '2w' or an ISO date/time, as an aware UTC datetime."""
    now = now or datetime.now(UTC)
    match = _DURATION.match(value)
    if match:
        return now - timedelta(**{_UNITS[match.group(2).lower()]: int(match.group(1))})
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError as exc:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a period like 7d, 12h, 30m, 2w or a date like 2025-10-01") from exc
    return moment.replace(tzinfo=moment.tzinfo or UTC).astimezone(UTC)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _fit(text: str, width: int) -> str:
    text = " ".join(text.split())
    if _width(text) <= width:
        return text + " " * (width - _width(text))
    out = ""
    for char in text:
        if _width(out + char) > width - 1:
            break
        out += char
    out += "\u2026"
    return out + " " * (width - _width(out))


def table(rows: Sequence[Sequence[str]], headers: Sequence[str], flexible: int) -> str:
    """A plain-text table fitted to the terminal; column `flexible` absorbs the rest."""
    total = shutil.get_terminal_size((120, 24)).columns
    widths = [max([_width(h)] + [_width(r[i]) for r in rows]) for i, h in enumerate(headers)]
    fixed = sum(w for i, w in enumerate(widths) if i != flexible) + 2 * (len(widths) - 1)
    widths[flexible] = max(20, min(widths[flexible], total - fixed))
    lines = ["  ".join(_fit(h, w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    lines += ["  ".join(_fit(c, w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    return "\n".join(lines)


def _local(moment: datetime | None) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M") if moment else str(NEVER)


def format_alerts(alerts: Sequence[Alert]) -> str:
    if not alerts:
        return str(NO_ALERTS)
    rows = [(_local(a.published), render(kind_label(a.kind)), a.entity, a.title,
             a.source + (f" +{len(a.sources) - 1}" if len(a.sources) > 1 else ""), a.url)
            for a in alerts]
    return table(rows, [str(h) for h in ALERT_HEADERS], flexible=3)


def format_sources(health: Sequence[SourceHealth]) -> str:
    if not health:
        return str(NO_SOURCES_YET)
    rows = [(h.name, render(health_label(h.status)), _local(h.last_success), str(h.consecutive_failures),
             h.error) for h in health]
    return table(rows, [str(h) for h in SOURCE_HEADERS], flexible=4)


def format_report(report: CycleReport, store: Store) -> str:
    lines = [str(cycle_summary(report))]
    for outcome in report.failures:
        lines.append("  " + str(FAILING_LINE(source=outcome.source, error=loads(outcome.error) or "")))
    for name, reason in report.skipped:
        if reason != "not due yet":
            lines.append("  " + str(SKIPPED_LINE(source=name, reason=reason)))
    if report.new_alerts:
        lines.append(format_alerts(store.alerts(ids=report.new_alerts)))
    return "\n".join(lines)


def seed_default(store: Store) -> bool:
    """Load the built-in default watchlist into an empty store; True if it did."""
    return Service(store).seed_default()


def cmd_import(store: Store, args: argparse.Namespace) -> int:
    config, _summary = Service(store).import_file(Path(args.file))
    print(import_summary(config, args.file))
    return EXIT_OK


def cmd_export(store: Store, args: argparse.Namespace) -> int:
    print(Service(store).export_file(Path(args.file)))
    return EXIT_OK


def _click(notification: Notification) -> None:
    if notification.url:
        open_link(notification.url)


class _Counter:
    def __init__(self, notifier: Notifier) -> None:
        self.notifier = notifier
        self.shown = 0

    def __call__(self, note: Notification) -> bool:
        shown = self.notifier.show(note)
        self.shown += int(bool(shown))
        return shown


def cmd_poll(store: Store, args: argparse.Namespace) -> int:
    service = Service(store)
    if not service.has_enabled_sources():
        print(NO_SOURCES())
        return EXIT_OK
    notifier = choose_notifier(_click, headless=True) if args.notify else None
    counter = _Counter(notifier) if notifier is not None else None
    if counter is not None:
        service.reactions.append(show_notifications(counter))
    try:
        result = service.poll(force=args.force)
    finally:
        if notifier is not None:
            notifier.close()
    print(format_report(result.report, store))
    if counter is not None and notifier is not None:
        print(SHOWN(shown=counter.shown, backend=notifier.name))
    return EXIT_OK


def cmd_alerts(store: Store, args: argparse.Namespace) -> int:
    alerts = store.alerts(since=args.since, watchlist=args.watchlist)
    if args.json:
        json.dump([a.to_json() for a in alerts], sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        print(format_alerts(alerts))
    return EXIT_OK


def cmd_sources(store: Store, args: argparse.Namespace) -> int:
    health = store.health()
    if args.json:
        json.dump([h.to_json() for h in health], sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        print(format_sources(health))
    return EXIT_OK


def cmd_watch(store: Store, args: argparse.Namespace) -> int:
    """Poll on each source's schedule until interrupted, printing and notifying new alerts."""
    service = Service(store)
    if service.seed_default():
        print(SEEDED())
    stop = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stop.set())
    notifier = choose_notifier(_click, headless=True)
    service.reactions.append(show_notifications(notifier.show))
    print(WATCHING(sources=len(store.sources(enabled_only=True)), backend=notifier.name), flush=True)
    try:
        while not stop.is_set():
            result = service.poll(honour_schedule=True, cancel=stop)
            if result.report.outcomes:
                print(f"[{_local(result.report.started)}] {format_report(result.report, store)}", flush=True)
            stop.wait(min(max(service.next_wait(result.next_due).total_seconds(), 1.0), 60.0))
    finally:
        notifier.close()
    return EXIT_OK


def cmd_settings(store: Store, args: argparse.Namespace) -> int:
    if args.key is None:
        for key, setting in settings.SETTINGS.items():
            print(f"{key:24} {settings.get(store, key)!s:10} {render(setting.description)}")
        return EXIT_OK
    if args.value is None:
        if args.key not in settings.SETTINGS:
            raise UserError(SETTINGS_TITLE, UNKNOWN_SETTING(key=args.key))
        print(settings.get(store, args.key))
        return EXIT_OK
    print(f"{args.key} = {settings.put(store, args.key, args.value)}")
    return EXIT_OK


def cmd_briefing(store: Store, args: argparse.Namespace) -> int:
    from .core.briefing import build_briefing

    names = [w.name for w in store.watchlists()]
    if args.watchlist is not None and args.watchlist not in names:
        raise UserError(BRIEFING_TITLE, NO_WATCHLIST(name=args.watchlist, names=", ".join(names) or NONE))
    end = datetime.now(UTC)
    briefing = build_briefing(store, args.since, end, watchlists=[args.watchlist] if args.watchlist else None,
                              statements_only=args.statements_only)
    output = Path(args.output)
    if output.suffix.lower() != ".pdf":
        raise UserError(BRIEFING_TITLE, NOT_PDF(file=str(output)))
    try:
        from .qt.briefing_pdf import ensure_gui_application, write_briefing
    except ImportError as exc:
        raise UserError(BRIEFING_TITLE, NEEDS_QT(error=str(exc))) from exc
    ensure_gui_application()
    pages = write_briefing(briefing, output, args.page)
    print(WROTE(file=str(output), pages=pages, alerts=briefing.total))
    return EXIT_OK


def cmd_credential(store: Store, args: argparse.Namespace) -> int:
    """Store (from standard input, never the command line) or delete a source's secret."""
    from .core import secrets

    if args.delete:
        secrets.delete_secret(args.name)
        print(DELETED_SECRET(name=args.name))
        return EXIT_OK
    if sys.stdin.isatty():
        import getpass

        secret = getpass.getpass(str(SECRET_PROMPT(name=args.name)))
    else:
        secret = sys.stdin.readline().rstrip("\r\n")
    if not secret:
        raise UserError(CREDENTIALS_TITLE, NO_SECRET)
    secrets.store_secret(args.name, secret)
    print(STORED_SECRET(name=args.name))
    return EXIT_OK


def cmd_diagnostics(store: Store, args: argparse.Namespace) -> int:
    print(diagnostics(store.path.parent, store))
    return EXIT_OK


ABOUT = translate("CliHelp", "Follow officials, companies and AI products; alerts link to the original.")
DEMO_HELP = translate("CliHelp", "run on bundled demo feeds served from this computer (own data dir)")
DATA_DIR_HELP = translate("CliHelp", "where to keep data (default: ${variable} or the user data dir)")
CREDENTIAL_HELP = translate("CliHelp", "keep a source's key or password in the keyring (read from stdin)")


def _h(message: Message, **args: Any) -> str:
    """Help text in the user's language, with argparse's % signs escaped."""
    return message(**args).render().replace("%", "%%")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="stakewatch",
        description=_h(ABOUT))
    parser.add_argument("--version", action="version", version=f"stakewatch {__version__}")
    parser.add_argument("--demo", action="store_true",
                        help=_h(DEMO_HELP))
    parser.add_argument("--data-dir", metavar="DIR",
                        help=_h(DATA_DIR_HELP, variable=paths.ENV_HOME))
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    sub = commands.add_parser("import", help=_h(translate("CliHelp", "add watchlists and sources from JSON or OPML")))
    sub.add_argument("file")
    sub.set_defaults(run=cmd_import)

    sub = commands.add_parser("export",
                              help=_h(translate("CliHelp", "write watchlists and sources as JSON (or .opml)")))
    sub.add_argument("file")
    sub.set_defaults(run=cmd_export)

    sub = commands.add_parser("poll", help=_h(translate("CliHelp", "fetch every enabled source once")))
    sub.add_argument("--once", action="store_true", required=True,
                     help=_h(translate("CliHelp", "one cycle, then exit (the only mode)")))
    sub.add_argument("--force", action="store_true",
                     help=_h(translate("CliHelp", "also fetch sources that asked to wait or are backing off")))
    sub.add_argument("--notify", action="store_true",
                     help=_h(translate("CliHelp", "show desktop notifications for what this cycle found")))
    sub.set_defaults(run=cmd_poll)

    sub = commands.add_parser("alerts", help=_h(translate("CliHelp", "list stored alerts, newest first")))
    sub.add_argument("--since", type=parse_since, metavar="PERIOD",
                     help=_h(translate("CliHelp", "only alerts published or found since: 7d, 12h, 30m, 2w or a date")))
    sub.add_argument("--watchlist", metavar="NAME")
    sub.add_argument("--json", action="store_true")
    sub.set_defaults(run=cmd_alerts)

    sub = commands.add_parser("sources", help=_h(translate("CliHelp", "show every source's health")))
    sub.add_argument("--json", action="store_true")
    sub.set_defaults(run=cmd_sources)

    sub = commands.add_parser("briefing", help=_h(translate("CliHelp", "write a briefing PDF of a period")))
    sub.add_argument("--since", type=parse_since, metavar="PERIOD", required=True,
                     help=_h(translate("CliHelp", "the period: 7d, 24h, 2w or a date")))
    sub.add_argument("-o", "--output", required=True, metavar="FILE.pdf")
    sub.add_argument("--watchlist", metavar="NAME")
    sub.add_argument("--statements-only", action="store_true")
    sub.add_argument("--page", choices=("A4", "Letter"), default="A4")
    sub.set_defaults(run=cmd_briefing)

    sub = commands.add_parser("credential",
                              help=_h(CREDENTIAL_HELP))
    sub.add_argument("name")
    sub.add_argument("--delete", action="store_true")
    sub.set_defaults(run=cmd_credential)

    sub = commands.add_parser("diagnostics",
                              help=_h(translate("CliHelp", "versions, settings and recent errors for a bug report")))
    sub.set_defaults(run=cmd_diagnostics)

    sub = commands.add_parser("settings", help=_h(translate("CliHelp", "show or change a setting (limits, proxy)")))
    sub.add_argument("key", nargs="?")
    sub.add_argument("value", nargs="?")
    sub.set_defaults(run=cmd_settings)

    sub = commands.add_parser("watch", help=_h(translate("CliHelp", "poll on schedule without a GUI, printing alerts")))
    sub.set_defaults(run=cmd_watch)
    register_all(commands)
    return parser


def run_gui(root: Path, args: argparse.Namespace, demo: bool) -> int:
    """The tray app; without Qt, or on Linux without a display, the headless watcher."""
    import os

    reason = None
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
                                                 or os.environ.get("QT_QPA_PLATFORM")):
        reason = str(NO_DISPLAY)
    else:
        try:
            from .qt.app import run_app
        except ImportError as exc:
            reason = str(NO_QT(error=str(exc)))
    if reason is not None:
        print(f"stakewatch: {HEADLESS(reason=reason)}", file=sys.stderr)
        with open_store(root) as store:
            return cmd_watch(store, args)
    return run_app(root, demo=demo)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    run = getattr(args, "run", None)
    demo: DemoServer | None = None
    try:
        root = paths.data_dir(args.data_dir)
        if args.demo:
            demo = DemoServer().start()
            root = prepare_demo_dir(root)
        with open_store(root) as store:
            setup_logging(root, store)
            if demo is not None:
                config = parse_config(demo_config(demo.base))
                store.apply_config(config.watchlists, config.sources)
            if run is not None:
                return int(run(store, args))
            if demo is None and seed_default(store):
                print(SEEDED())
        return run_gui(root, args, demo is not None)
    except UserError as exc:
        print(f"stakewatch: {exc.title.lower()}: {exc.message}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return EXIT_ERROR
    except BrokenPipeError:
        return EXIT_OK
    finally:
        if demo is not None:
            demo.stop()


if __name__ == "__main__":
    sys.exit(main())
