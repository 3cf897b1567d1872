"""The command-line door onto the core.

`stakewatch` alone starts the tray app on the user's watchlists (the built-in
default one on first run); subcommands import, export, poll, list alerts and
sources. Bad input: one line on stderr, exit 1, nothing stored.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import signal
import sys
import threading
import unicodedata
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

from . import __version__
from .commands import register_all
from .core import dispatch, first_run, paths, settings
from .core.demo import DemoLock, DemoServer, claim_demo_dir, demo_config
from .core.i18n import translate
from .core.links import open_link
from .core.logs import diagnostics, setup_logging
from .core.model import Alert, SourceHealth, UserError
from .core.policy import Notification
from .core.poller import CycleReport, Poller
from .core.store import Store, open_store
from .core.transfer import export_file, import_file, parse_config
from .notify import Notifier, choose_notifier
from .platform_check import PROBE_VARIABLE

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2
_DURATION = re.compile(r"^\s*(\d+)\s*([mhdw])\s*$", re.IGNORECASE)
_UNITS = {"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}
FALLBACK = translate("Startup", "falling back to the terminal watcher (stakewatch watch): it polls, "
                                "prints and notifies new alerts; Ctrl+C stops it.")
NO_WATCHLIST = translate("Commands", "no watchlist named {name!r} (there are: {names})")
NO_FOLDER = translate("Commands", "the folder {folder} does not exist; create it or choose another")
DEMO_SHARED = translate("Startup", "the demo is running in another Stakewatch; this command uses its data.")


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
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 0 if unicodedata.combining(c) else 1
               for c in text)


def _fit(text: str, width: int, pad: bool = True, squeeze: bool = True) -> str:
    """`text` on one line in `width` columns: its beginning kept, an ellipsis where it was cut.

    `squeeze` folds runs of white space (feed text); a finished table line keeps its padding.
    """
    if squeeze:
        text = " ".join(text.split())
    if _width(text) > width:
        out = ""
        for char in text:
            if _width(out + char) > width - 1:
                break
            out += char
        text = out + "\u2026" if width > 0 else ""
    return text + " " * (width - _width(text)) if pad else text


def terminal_width() -> int | None:
    """The width to fit: COLUMNS, else the terminal's; None (no limit) when writing to a pipe or file."""
    columns = os.environ.get("COLUMNS", "").strip()
    if columns.isdigit() and int(columns) > 0:
        return max(20, int(columns))
    try:
        return max(20, os.get_terminal_size(sys.stdout.fileno()).columns)
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        return None


def _fit_line(text: str, total: int | None) -> str:
    return text if total is None else _fit(text, total, pad=False, squeeze=False)


def table(rows: Sequence[Sequence[str]], headers: Sequence[str], flexible: int,
          shrink: Sequence[tuple[int, int]] = (), below: Sequence[int] = (), minimum: int = 20,
          total: int | None = None) -> str:
    """A plain-text table that fits the terminal: no line is wider than it.

    Columns in `shrink` give up width first, in order, down to their minimum
    (`flexible` among them where it should give way before others). If that
    is still too wide, the columns in `below` move to an indented line under
    each row; then column `flexible` (whose beginning is always kept) gives
    way down to `minimum`, and as a last resort the other columns are cut too.
    Written to a pipe or a file (no terminal, no COLUMNS), nothing is cut.
    """
    total = total or terminal_width()
    columns = list(range(len(headers)))
    widths = [max([_width(h)] + [_width(r[i]) for r in rows]) for i, h in enumerate(headers)]
    if total is None:
        return "\n".join("  ".join(_fit(c, w) for c, w in zip(r, widths, strict=True)).rstrip()
                         for r in [headers, *rows])

    natural = list(widths)

    def used(cols: list[int]) -> int:
        return sum(widths[i] for i in cols) + 2 * (len(cols) - 1)

    def shrink_to_fit(cols: list[int], last: bool) -> None:
        widths[:] = natural
        for column, least in shrink:
            excess = used(cols) - total
            if column == flexible and last:
                least = minimum
            if excess > 0 and column in cols:
                widths[column] = max(min(least, natural[column]), widths[column] - excess)
        if last:
            excess = used(cols) - total
            widths[flexible] = max(min(minimum, widths[flexible]), widths[flexible] - max(0, excess))

    shrink_to_fit(columns, last=not below)
    if used(columns) > total and below:
        columns = [i for i in columns if i not in below]
        shrink_to_fit(columns, last=True)
    while used(columns) > total:
        widest = max((i for i in columns if i != flexible), key=lambda i: widths[i])
        if widths[widest] <= 4:
            break
        widths[widest] -= 1

    width = total

    def line(cells: Sequence[str]) -> str:
        return _fit("  ".join(_fit(cells[i], widths[i]) for i in columns).rstrip(), width, pad=False, squeeze=False)

    lines = [line(headers)]
    for row in rows:
        lines.append(line(row))
        if below and below[0] not in columns:
            cells = "  ".join(" ".join(row[i].split()) for i in below)
            lines.append(_fit("    " + cells, width, pad=False, squeeze=False))
    return "\n".join(lines)


def _local(moment: datetime | None) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M") if moment else "never"


def format_alerts(alerts: Sequence[Alert]) -> str:
    if not alerts:
        return "No alerts."
    rows = [(_local(a.published), a.kind, a.entity, a.title,
             a.source + (f" +{len(a.sources) - 1}" if len(a.sources) > 1 else ""), a.url)
            for a in alerts]
    return table(rows, ("Published", "Kind", "Entity", "Title", "Source", "Link"), flexible=3,
                 shrink=((5, 24), (4, 14), (3, 50), (2, 12)), below=(4, 5), minimum=24)


def format_sources(health: Sequence[SourceHealth]) -> str:
    if not health:
        return "No sources."
    rows = [(h.name, h.status, _local(h.last_success), str(h.consecutive_failures),
             h.last_error or "") for h in health]
    return table(rows, ("Source", "Status", "Last success", "Failures", "Last error"), flexible=4,
                 shrink=((0, 16),), minimum=16)


def format_report(report: CycleReport, store: Store) -> str:
    lines = [report.summary().capitalize() + "."]
    for outcome in report.failures:
        lines.append(_fit_line(f"  failing: {outcome.source}: {outcome.error}", terminal_width()))
    for name, reason in report.skipped:
        if reason != "not due yet":
            lines.append(_fit_line(f"  skipped: {name}: {reason}", terminal_width()))
    if report.new_alerts:
        lines.append(format_alerts(store.alerts(ids=report.new_alerts)))
    return "\n".join(lines)


def seed_default(store: Store) -> bool:
    """On a fresh data folder, take the app's default first-run choice (the example watchlist).

    True if it did, and says so on stdout.
    """
    config = first_run.default_choice(store)
    if config is None:
        return False
    print(first_run.LOADED_EXAMPLE(name=first_run.EXAMPLE_NAME, sources=len(config.sources)))
    return True


def cmd_import(store: Store, args: argparse.Namespace) -> int:
    config = import_file(store, Path(args.file))
    entities = sum(len(w.entities) for w in config.watchlists)
    print(f"Imported {len(config.watchlists)} watchlist(s), {entities} entities and "
          f"{len(config.sources)} source(s) from {args.file}.")
    if config.skipped:
        print(f"Skipped {len(config.skipped)} outline(s) that cannot be a feed source:")
        for line in config.skipped:
            print(f"  {line}")
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
    notes = dispatch.notifications_for(store, report.new_alerts, now)
    notes += dispatch.health_changes(store, before, now)
    return sum(1 for note in notes if notifier.show(note))


def cmd_poll(store: Store, args: argparse.Namespace) -> int:
    seed_default(store)
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
    return EXIT_OK


def check_watchlist(store: Store, name: str | None, title: str) -> None:
    """Refuse a watchlist name that does not exist, listing the names that do (UserError)."""
    names = [w.name for w in store.watchlists()]
    if name is not None and name not in names:
        raise UserError(title, NO_WATCHLIST(name=name, names=", ".join(names) or "none"))


def cmd_alerts(store: Store, args: argparse.Namespace) -> int:
    check_watchlist(store, args.watchlist, "Alerts")
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
    seed_default(store)
    stop = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stop.set())
    poller = Poller(store, settings.poll_config(store))
    notifier = choose_notifier(_click, headless=True)
    print(f"Watching {len(store.sources(enabled_only=True))} sources; notifications through "
          f"{notifier.name}; Ctrl+C stops.", flush=True)
    try:
        while not stop.is_set():
            before = dispatch.health_snapshot(store, datetime.now(UTC))
            report = poller.run_cycle(honour_schedule=True, cancel=stop)
            if report.outcomes:
                print(f"[{_local(report.started)}] {format_report(report, store)}", flush=True)
                notify_cycle(store, report, before, notifier)
            upcoming = poller.next_due()
            pause = 60.0 if upcoming is None else (upcoming - datetime.now(UTC)).total_seconds()
            stop.wait(min(max(pause, 1.0), 60.0))
    finally:
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

    check_watchlist(store, args.watchlist, "Briefing")
    end = datetime.now(UTC)
    briefing = build_briefing(store, args.since, end, watchlists=[args.watchlist] if args.watchlist else None,
                              statements_only=args.statements_only)
    output = Path(args.output)
    if output.suffix.lower() != ".pdf":
        raise UserError("Briefing", f"{output} should end in .pdf")
    if not output.absolute().parent.is_dir():
        raise UserError("Briefing", NO_FOLDER(folder=output.absolute().parent))
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
    print(secrets.WAITING, file=sys.stderr, flush=True)
    secrets.store_secret(args.name, secret)
    print(f"Stored the credential {args.name!r} in the keyring.")
    return EXIT_OK


def cmd_diagnostics(store: Store, args: argparse.Namespace) -> int:
    print(diagnostics(store.path.parent, store))
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
    sub.add_argument("--json", action="store_true")
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


def run_gui(root: Path, args: argparse.Namespace, demo: bool, borrowed: bool = False) -> int:
    """The tray app; where Qt cannot open windows here, the terminal watcher, saying why.

    `borrowed`: the demo folder is in use by another Stakewatch, which is asked
    to come forward instead.
    """
    from . import platform_check

    verdict = platform_check.check()
    if not verdict.ok:
        print(f"stakewatch: {verdict.reason}", file=sys.stderr)
        if verdict.advice:
            print(verdict.advice, file=sys.stderr)
        print(f"stakewatch: {FALLBACK()}", file=sys.stderr, flush=True)
        with open_store(root) as store:
            return cmd_watch(store, args)
    from .qt.app import run_app

    return run_app(root, demo=demo, borrowed=borrowed)


def main(argv: Sequence[str] | None = None) -> int:
    if os.environ.get(PROBE_VARIABLE) == "1":
        from .platform_check import run_probe

        return run_probe()
    parser = build_parser()
    args = parser.parse_args(argv)
    run = getattr(args, "run", None)
    demo: DemoServer | None = None
    lock: DemoLock | None = None
    borrowed = False
    try:
        root = paths.data_dir(args.data_dir)
        if args.demo:
            root, lock = claim_demo_dir(root, fresh=run is None)
            borrowed = lock is None
            if borrowed and run is not None:
                print(f"stakewatch: {DEMO_SHARED()}", file=sys.stderr)
            if not borrowed:
                demo = DemoServer().start()
        with open_store(root) as store:
            setup_logging(root, store)
            if demo is not None:
                config = parse_config(demo_config(demo.base))
                store.apply_config(config.watchlists, config.sources)
                store.set_setting(first_run.FIRST_RUN_DONE, True)
            if run is not None:
                return int(run(store, args))
        return run_gui(root, args, args.demo, borrowed)
    except UserError as exc:
        print(f"stakewatch: {str(exc.title).lower()}: {exc.message}", file=sys.stderr)
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
