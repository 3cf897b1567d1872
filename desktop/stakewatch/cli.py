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
import sqlite3
import sys
import threading
import unicodedata
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TextIO

from . import __version__
from .commands import register_all
from .core import dispatch, paths, settings
from .core.backfill import backfill, changed_entities
from .core.demo import DemoServer, demo_config, prepare_demo_dir
from .core.i18n import translate
from .core.links import open_link
from .core.logs import diagnostics, setup_logging
from .core.model import Alert, SourceHealth, UserError
from .core.policy import Notification
from .core.poller import CycleReport, Poller
from .core.secrets import redact
from .core.storage_errors import storage_error
from .core.store import Store, open_store
from .core.text import plain
from .core.transfer import export_file, import_file, parse_config, read_config_file
from .notify import Notifier, choose_notifier

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2
EXPORT_TITLE = translate("Export", "Export")
NEEDS_OUTPUT = translate("Export", "say where to write the file with -o FILE.csv or -o FILE.xlsx")
EXPORTED = translate("Export", "Wrote {n} {n:?alert|alerts} to {path}.")
_DURATION = re.compile(r"^\s*(\d+)\s*([mhdw])\s*$", re.IGNORECASE)
_UNITS = {"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}


def parse_since(value: str, now: datetime | None = None) -> datetime:
    """'7d', '12h', '30m', '2w' or an ISO date/time, as an aware UTC datetime."""
    now = now or datetime.now(UTC)
    match = _DURATION.match(value)
    if match:
        try:
            return now - timedelta(**{_UNITS[match.group(2).lower()]: int(match.group(1))})
        except (OverflowError, ValueError) as exc:
            raise argparse.ArgumentTypeError(
                f"{plain(value, 40)!r} reaches back before the year 1: give a shorter period "
                "or a date") from exc
    try:
        moment = datetime.fromisoformat(value.strip())
        return moment.replace(tzinfo=moment.tzinfo or UTC).astimezone(UTC)
    except (OverflowError, ValueError) as exc:
        raise argparse.ArgumentTypeError(
            f"{plain(value, 40)!r} is not a period like 7d, 12h, 30m, 2w or a date like "
            "2025-10-01") from exc


def _char_width(char: str) -> int:
    return 2 if char >= "\u1100" and unicodedata.east_asian_width(char) in "WF" else 1


def _width(text: str) -> int:
    return len(text) if text.isascii() else sum(_char_width(c) for c in text)


def cell(text: str) -> str:
    """A table cell: one line, no terminal control or bidi character."""
    return plain(text)


def safe_cell(text: str) -> str:
    """A cell of Stakewatch's own text (errors, reasons): also without secrets or userinfo."""
    return plain(redact(text))


def _fit(text: str, width: int) -> str:
    """`text` (already a cell) padded or cut with an ellipsis to `width` terminal columns;
    reads no further into `text` than the width needs."""
    if text.isascii() and len(text) <= width:
        return text + " " * (width - len(text))
    out: list[str] = []
    used = 0
    for char in text:
        step = _char_width(char)
        if used + step > width:
            break
        out.append(char)
        used += step
    else:
        return text + " " * (width - used)
    while out and used > width - 1:
        used -= _char_width(out.pop())
    return "".join(out) + "\u2026" + " " * (width - used - 1)


def table(rows: Sequence[Sequence[str]], headers: Sequence[str], flexible: int) -> str:
    """A plain-text table fitted to the terminal; column `flexible` absorbs the rest."""
    total = shutil.get_terminal_size((120, 24)).columns
    rows = [[cell(c) for c in r] for r in rows]
    widths = [max([_width(h)] + [_width(r[i]) for r in rows]) for i, h in enumerate(headers)]
    fixed = sum(w for i, w in enumerate(widths) if i != flexible) + 2 * (len(widths) - 1)
    widths[flexible] = max(20, min(widths[flexible], total - fixed))
    lines = ["  ".join(_fit(h, w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    lines += ["  ".join(_fit(c, w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    return "\n".join(lines)


def local_time(moment: datetime | None) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M") if moment else "never"


ALERT_HEADERS = ("Published", "Kind", "Entity", "Title", "Source", "Link")
STREAM_WIDTHS = (16, 9, 24, 0, 20)


def _alert_row(alert: Alert) -> tuple[str, ...]:
    return (local_time(alert.published), alert.kind + (" (record)" if alert.record else ""), alert.entity, alert.title,
            alert.source + (f" +{len(alert.sources) - 1}" if len(alert.sources) > 1 else ""),
            alert.url)


def format_alerts(alerts: Sequence[Alert]) -> str:
    if not alerts:
        return "No alerts."
    return table([_alert_row(a) for a in alerts], ALERT_HEADERS, flexible=3)


def stream_alerts(alerts: Iterable[Alert], out: TextIO) -> int:
    """Alerts as table lines written as they come (fixed column widths); the count."""
    total = shutil.get_terminal_size((120, 24)).columns
    widths = list(STREAM_WIDTHS)
    widths[3] = max(20, total - sum(widths) - 2 * len(widths) - 30)
    count = 0
    for alert in alerts:
        if count == 0:
            out.write("  ".join(_fit(h, w) for h, w in zip(ALERT_HEADERS, widths, strict=False))
                      + "  " + ALERT_HEADERS[-1] + "\n")
        row = [cell(c) for c in _alert_row(alert)]
        out.write("  ".join(_fit(c, w) for c, w in zip(row, widths, strict=False))
                  + "  " + row[-1] + "\n")
        count += 1
    if count == 0:
        out.write("No alerts.\n")
    return count


def format_sources(health: Sequence[SourceHealth]) -> str:
    if not health:
        return "No sources."
    rows = [(h.name, h.status, local_time(h.last_success), str(h.consecutive_failures),
             safe_cell(h.last_error or h.note or "")) for h in health]
    return table(rows, ("Source", "Status", "Last success", "Failures", "Last error"), flexible=4)


def format_report(report: CycleReport, store: Store) -> str:
    lines = [report.summary().capitalize() + "."]
    for outcome in report.failures:
        lines.append(f"  failing: {cell(outcome.source)}: {safe_cell(outcome.error or '')}")
    for name, reason in report.skipped:
        if reason != "not due yet":
            lines.append(f"  skipped: {cell(name)}: {safe_cell(reason)}")
    pages = report.pages
    if pages.archived or pages.changes:
        edited = sum(1 for c in pages.changes if c.change == "edited")
        lines.append(f"Statement pages: {len(pages.archived)} archived, {edited} edited, "
                     f"{len(pages.changes) - edited} removed ({pages.checked} re-checked).")
    if report.new_alerts:
        lines.append(format_alerts(store.alerts(ids=report.new_alerts)))
    return "\n".join(lines)


def seed_default(store: Store) -> bool:
    """Load the built-in default watchlist into an empty store; True if it did."""
    if not store.is_empty():
        return False
    config = read_config_file(paths.resource("default-watchlist.json"))
    store.apply_config(config.watchlists, config.sources)
    return True


def cmd_import(store: Store, args: argparse.Namespace) -> int:
    before = store.watchlists()
    config = import_file(store, Path(args.file))
    entities = sum(len(w.entities) for w in config.watchlists)
    print(f"Imported {len(config.watchlists)} watchlist(s), {entities} entities and "
          f"{len(config.sources)} source(s) from {args.file}.")
    changed = changed_entities(before, store.watchlists())
    if changed and store.count("items"):
        print(f"{backfill(store, changed).message()}.")
    return EXIT_OK


def cmd_export(store: Store, args: argparse.Namespace) -> int:
    export_file(store, Path(args.file))
    print(f"Exported to {args.file}.")
    return EXIT_OK


def _click(notification: Notification) -> None:
    if notification.url:
        open_link(notification.url)


def notify_cycle(store: Store, report: CycleReport, before: dict[str, str], notifier: Notifier) -> int:
    """Show what the policy says for a finished cycle; the number shown."""
    now = datetime.now(UTC)
    shown = dispatch.notifications_for(store, report.new_alerts, now, show=notifier.show)
    notices = dispatch.health_changes(store, before, now) + dispatch.page_changes(store, report.pages.changes, now)
    return len(shown) + sum(1 for note in notices if notifier.show(note))


def cmd_poll(store: Store, args: argparse.Namespace) -> int:
    if not store.sources(enabled_only=True):
        print("No enabled sources: import a watchlist first (stakewatch import FILE).")
        return EXIT_OK
    before = dispatch.health_snapshot(store, datetime.now(UTC))
    report = Poller(store, settings.poll_config(store)).run_cycle(force=args.force)
    print(format_report(report, store))
    if args.notify:
        notifier = choose_notifier(_click, headless=True)
        try:
            shown = notify_cycle(store, report, before, notifier)
        finally:
            notifier.close()
        print(f"Notifications shown: {shown} (through {notifier.name}).")
        from .commands.channels import DELIVERED, deliver_now

        delivery = deliver_now(store)
        if delivery.sent or delivery.failed:
            print(DELIVERED(sent=delivery.sent, failed=delivery.failed))
    return EXIT_OK


def cmd_alerts(store: Store, args: argparse.Namespace) -> int:
    """Alerts newest first, written as SQLite yields them (any number, little memory), or exported."""
    if args.format or args.output:
        from .core.exports import export_alerts

        if not args.output:
            raise UserError(EXPORT_TITLE, NEEDS_OUTPUT)
        output = Path(args.output)
        rows = export_alerts(store.iter_alerts(since=args.since, watchlist=args.watchlist, limit=args.limit,
                                               tags=args.tag or (), flagged_only=args.flagged), output, args.format)
        print(EXPORTED(n=rows, path=str(output)))
        return EXIT_OK
    alerts = store.iter_alerts(since=args.since, watchlist=args.watchlist, limit=args.limit,
                               tags=args.tag or (), flagged_only=args.flagged)
    if args.json:
        sys.stdout.write("[")
        for index, alert in enumerate(alerts):
            text = json.dumps(alert.to_json(), ensure_ascii=False, indent=2)
            sys.stdout.write(("," if index else "") + "\n  " + text.replace("\n", "\n  "))
        print("\n]")
    else:
        stream_alerts(alerts, sys.stdout)
    return EXIT_OK


def _positive(value: str) -> int:
    try:
        number = int(value) if len(value) < 20 else -1
    except ValueError:
        number = -1
    if number < 1:
        raise argparse.ArgumentTypeError(f"{plain(value, 40)!r} is not a whole number of alerts (1 or more)")
    return number


def cmd_sources(store: Store, args: argparse.Namespace) -> int:
    health = store.health()
    if args.json:
        print(redact(json.dumps([h.to_json() for h in health], ensure_ascii=False, indent=2)))
    else:
        print(format_sources(health))
    return EXIT_OK


def cmd_watch(store: Store, args: argparse.Namespace) -> int:
    """Poll on each source's schedule until interrupted, printing and notifying new alerts."""
    if seed_default(store):
        print("Loaded the default watchlist (Japan AI & IP).")
    stop = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stop.set())
    poller = Poller(store, settings.poll_config(store))
    notifier = choose_notifier(_click, headless=True)
    print(f"Watching {len(store.sources(enabled_only=True))} sources; notifications through "
          f"{notifier.name}; Ctrl+C stops.", flush=True)
    from .commands.channels import pdf_renderer
    from .core.outbox import Courier

    courier = Courier(store.path, pdf_renderer()).start()
    try:
        while not stop.is_set():
            before = dispatch.health_snapshot(store, datetime.now(UTC))
            report = poller.run_cycle(honour_schedule=True, cancel=stop)
            if report.outcomes:
                print(f"[{local_time(report.started)}] {format_report(report, store)}", flush=True)
                notify_cycle(store, report, before, notifier)
                courier.wake()
            upcoming = poller.next_due()
            pause = 60.0 if upcoming is None else (upcoming - datetime.now(UTC)).total_seconds()
            stop.wait(min(max(pause, 1.0), 60.0))
    finally:
        courier.stop()
        notifier.close()
    return EXIT_OK


def cmd_settings(store: Store, args: argparse.Namespace) -> int:
    if args.key is None:
        for key, setting in settings.SETTINGS.items():
            print(f"{key:24} {settings.get(store, key)!s:10} {setting.description}")
        return EXIT_OK
    if args.value is None:
        if args.key not in settings.SETTINGS:
            raise UserError("Settings", f"unknown setting {args.key!r}")
        print(settings.get(store, args.key))
        return EXIT_OK
    print(f"{args.key} = {settings.put(store, args.key, args.value)}")
    return EXIT_OK


def cmd_briefing(store: Store, args: argparse.Namespace) -> int:
    from .core.briefing import build_briefing

    names = [w.name for w in store.watchlists()]
    if args.watchlist is not None and args.watchlist not in names:
        raise UserError("Briefing", f"no watchlist named {args.watchlist!r} (there are: {', '.join(names) or 'none'})")
    end = datetime.now(UTC)
    briefing = build_briefing(store, args.since, end, watchlists=[args.watchlist] if args.watchlist else None,
                              statements_only=args.statements_only, tags=args.tag or ())
    output = Path(args.output)
    if output.suffix.lower() != ".pdf":
        raise UserError("Briefing", f"{output} should end in .pdf")
    try:
        from .qt.briefing_pdf import ensure_gui_application, write_briefing
    except ImportError as exc:
        raise UserError("Briefing", f"PDF output needs Qt (PySide6): {exc}") from exc
    ensure_gui_application()
    pages = write_briefing(briefing, output, args.page)
    print(f"Wrote {output}: {pages} pages, {briefing.total} alerts.")
    return EXIT_OK


def cmd_credential(store: Store, args: argparse.Namespace) -> int:
    """Store (from standard input, never the command line) or delete a source's secret."""
    from .core import secrets

    if args.delete:
        secrets.delete_secret(args.name)
        print(f"Deleted the credential {args.name!r} from the keyring.")
        return EXIT_OK
    if sys.stdin.isatty():
        import getpass

        secret = getpass.getpass(f"Secret for {args.name}: ")
    else:
        secret = sys.stdin.readline().rstrip("\r\n")
    if not secret:
        raise UserError("Credentials", "no secret given on standard input")
    secrets.store_secret(args.name, secret)
    print(f"Stored the credential {args.name!r} in the keyring.")
    return EXIT_OK


def cmd_diagnostics(store: Store, args: argparse.Namespace) -> int:
    print(diagnostics(store.path.parent, store))
    return EXIT_OK


def diagnostics_without_store(root: Path, problem: str) -> int:
    """`diagnostics` when the database cannot be opened: everything else, and why not."""
    setup_logging(root)
    print(diagnostics(root, None, problem=problem))
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="stakewatch",
        description="Follow officials, companies and AI products; alerts link to the original.")
    parser.add_argument("--version", action="version", version=f"stakewatch {__version__}")
    parser.add_argument("--demo", action="store_true",
                        help="run on bundled demo feeds served from this computer (own data dir)")
    parser.add_argument("--data-dir", metavar="DIR",
                        help=f"where to keep data (default: ${paths.ENV_HOME} or the user data dir)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    sub = commands.add_parser("import", help="add watchlists and sources from JSON or OPML")
    sub.add_argument("file")
    sub.set_defaults(run=cmd_import)

    sub = commands.add_parser("export", help="write watchlists and sources as JSON (or .opml)")
    sub.add_argument("file")
    sub.set_defaults(run=cmd_export)

    sub = commands.add_parser("poll", help="fetch every enabled source once")
    sub.add_argument("--once", action="store_true", required=True,
                     help="one cycle, then exit (the only mode)")
    sub.add_argument("--force", action="store_true",
                     help="also fetch sources that asked to wait or are backing off")
    sub.add_argument("--notify", action="store_true",
                     help="show desktop notifications for what this cycle found")
    sub.set_defaults(run=cmd_poll)

    sub = commands.add_parser("alerts", help="list stored alerts, newest first")
    sub.add_argument("--since", type=parse_since, metavar="PERIOD",
                     help="only alerts published or found since: 7d, 12h, 30m, 2w or a date")
    sub.add_argument("--watchlist", metavar="NAME")
    sub.add_argument("--limit", type=_positive, metavar="N", help="only the N newest")
    sub.add_argument("--tag", action="append", metavar="TAG", help="only alerts with this tag (repeatable)")
    sub.add_argument("--flagged", action="store_true", help="only alerts flagged for the briefing")
    sub.add_argument("--json", action="store_true")
    sub.add_argument("--format", choices=("csv", "xlsx"), help="write a spreadsheet to -o FILE")
    sub.add_argument("-o", "--output", metavar="FILE", help="the file to write (its suffix picks the format)")
    sub.set_defaults(run=cmd_alerts)

    sub = commands.add_parser("sources", help="show every source's health")
    sub.add_argument("--json", action="store_true")
    sub.set_defaults(run=cmd_sources)

    sub = commands.add_parser("briefing", help="write a briefing PDF of a period")
    sub.add_argument("--since", type=parse_since, metavar="PERIOD", required=True,
                     help="the period: 7d, 24h, 2w or a date")
    sub.add_argument("-o", "--output", required=True, metavar="FILE.pdf")
    sub.add_argument("--watchlist", metavar="NAME")
    sub.add_argument("--statements-only", action="store_true")
    sub.add_argument("--tag", action="append", metavar="TAG", help="only alerts with this tag (repeatable)")
    sub.add_argument("--page", choices=("A4", "Letter"), default="A4")
    sub.set_defaults(run=cmd_briefing)

    sub = commands.add_parser("credential", help="keep a source's key or password in the keyring (read from stdin)")
    sub.add_argument("name")
    sub.add_argument("--delete", action="store_true")
    sub.set_defaults(run=cmd_credential)

    sub = commands.add_parser("diagnostics", help="versions, settings and recent errors for a bug report")
    sub.set_defaults(run=cmd_diagnostics)

    sub = commands.add_parser("settings", help="show or change a setting (limits, proxy)")
    sub.add_argument("key", nargs="?")
    sub.add_argument("value", nargs="?")
    sub.set_defaults(run=cmd_settings)

    sub = commands.add_parser("watch", help="poll on schedule without a GUI, printing alerts")
    sub.set_defaults(run=cmd_watch)
    register_all(commands)
    return parser


def run_gui(root: Path, args: argparse.Namespace, demo: bool) -> int:
    """The tray app; without Qt, or on Linux without a display, the headless watcher."""
    import os

    reason = None
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
                                                 or os.environ.get("QT_QPA_PLATFORM")):
        reason = "no display (DISPLAY and WAYLAND_DISPLAY are unset)"
    else:
        try:
            from .qt.app import run_app
        except ImportError as exc:
            reason = f"Qt is not available ({exc})"
    if reason is not None:
        print(f"stakewatch: {reason}; watching without a tray (stakewatch watch).", file=sys.stderr)
        with open_store(root) as store:
            return cmd_watch(store, args)
    return run_app(root, demo=demo)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    run = getattr(args, "run", None)
    demo: DemoServer | None = None
    root: Path | None = None
    try:
        root = paths.data_dir(args.data_dir)
        if args.demo:
            demo = DemoServer().start()
            root = prepare_demo_dir(root)
        try:
            opened = open_store(root)
        except UserError as exc:
            if run is cmd_diagnostics:
                return diagnostics_without_store(root, exc.message)
            raise
        with opened as store:
            setup_logging(root, store)
            if demo is not None:
                config = parse_config(demo_config(demo.base))
                store.apply_config(config.watchlists, config.sources)
            if run is not None:
                return int(run(store, args))
            if demo is None and seed_default(store):
                print("Loaded the default watchlist (Japan AI & IP).")
        return run_gui(root, args, demo is not None)
    except UserError as exc:
        print(f"stakewatch: {safe_cell(exc.title.lower())}: {safe_cell(exc.message)}", file=sys.stderr)
        return EXIT_ERROR
    except sqlite3.Error as exc:
        error = storage_error(exc, paths.database_path(root) if root else "the database")
        print(f"stakewatch: {error.title.lower()}: {error.message}", file=sys.stderr)
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
