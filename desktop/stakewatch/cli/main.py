"""The command-line door onto the core.

`stakewatch` alone starts the tray app on the user's watchlists (the built-in
default one on first run); subcommands import, export, poll, list alerts and
sources. Bad input: one line on stderr, exit 1, nothing stored.
"""

from __future__ import annotations

import argparse
import io
import itertools
import json
import os
import re
import signal
import sys
import threading
import unicodedata
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, TextIO

from .. import __version__
from ..core import settings
from ..core.delivery.offline import offline_notice
from ..core.delivery.policy import Notification
from ..core.exchange.transfer import parse_config
from ..core.i18n import render, translate
from ..core.model import Alert, SourceHealth, UserError
from ..core.platform import paths
from ..core.platform.demo import (
    DEMO_BASE,
    REOPEN_WINDOW,
    RESET_DEMO,
    DemoLock,
    DemoServer,
    claim_demo_dir,
    demo_config,
    reset_demo_dir,
)
from ..core.platform.links import open_link
from ..core.platform.logs import diagnostics, setup_logging
from ..core.platform.secrets import redact
from ..core.service import Service, cycle_summary, first_run
from ..core.service.poller import CycleReport
from ..core.states import health_label, kind_label
from ..core.store.annotations import clean_tags
from ..core.store.attachment import SERVER_VARIABLE
from ..core.store.database import Store, open_store
from ..core.store.errors import DatabaseFailure, storage_error
from ..core.text import plain
from ..core.when import date_time
from ..notify import Notifier, choose_notifier
from ..platform_check import PROBE_VARIABLE
from . import wording
from .commands import help_text as _h
from .commands import register_all

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2
TABLE_AT_ONCE = 5_000
ALERTS_TITLE = translate("Cli", "Alerts")
SKIPPED_OUTLINES = translate("Cli", "Skipped {n} {n:?outline|outlines} that cannot be a feed source:")
NEVER = translate("Cli", "never")
BEFORE_YEAR_ONE = translate("Cli", "'{value}' reaches back before the year 1: give a shorter period or a date")
NOT_A_PERIOD = translate("Cli", "'{value}' is not a period like 7d, 12h, 30m, 2w or a date like 2025-10-01")
NOT_A_COUNT = translate("Cli", "'{value}' is not a whole number (1 or more)")
NO_ALERTS = translate("Cli", "No alerts.")
NO_SOURCES_YET = translate("Cli", "No sources.")
ALERT_HEADERS = (translate("Cli", "Alert"), translate("Cli", "Published"), translate("Cli", "Kind"),
                 translate("Cli", "Entity"), translate("Cli", "Title"), translate("Cli", "Source"),
                 translate("Cli", "Link"))
SOURCE_HEADERS = (translate("Cli", "Source"), translate("Cli", "Status"), translate("Cli", "Last success"),
                  translate("Cli", "Failures"), translate("Cli", "Last error"))
FAILING_LINE = translate("Cli", "failing: {source}: {error}")
SKIPPED_LINE = translate("Cli", "skipped: {source}: {reason}")
SETTINGS_TITLE = translate("Cli", "Settings")
BRIEFING_TITLE = translate("Cli", "Briefing")
CREDENTIALS_TITLE = translate("Cli", "Credentials")
UNKNOWN_SETTING = translate("Cli", "unknown setting '{key}'")
NONE = translate("Cli", "none")
SWITCH_ON = translate("Cli", "on")
SWITCH_OFF = translate("Cli", "off")
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
WATCHING_SILENT = translate("Cli", "Watching {sources} {sources:?source|sources}; no desktop notifications here "
                                   "(no notification service answers); Ctrl+C stops.")
NONE_SHOWN = translate("Cli", "No desktop notifications here (no notification service answers).")
EXPORT_TITLE = translate("Export", "Alert export")
NEEDS_OUTPUT = translate("Export", "say where to write the file with -o FILE.csv or -o FILE.xlsx")
JSON_OR_FILE = translate("Export", "--json prints the alerts; -o writes a spreadsheet: choose one")
EXPORTED = translate("Export", "Wrote {n} {n:?alert|alerts} to {path}.")
RECORD = translate("Cli", "{kind} (record)")
PAGES_LINE = translate("Cli", "Statement pages: {archived} archived, {edited} edited, {removed} removed "
                              "({checked} re-checked).")
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
        try:
            return now - timedelta(**{_UNITS[match.group(2).lower()]: int(match.group(1))})
        except (OverflowError, ValueError) as exc:
            raise argparse.ArgumentTypeError(BEFORE_YEAR_ONE(value=plain(value, 40)).render()) from exc
    try:
        moment = datetime.fromisoformat(value.strip())
        return moment.replace(tzinfo=moment.tzinfo or UTC).astimezone(UTC)
    except (OverflowError, ValueError) as exc:
        raise argparse.ArgumentTypeError(NOT_A_PERIOD(value=plain(value, 40)).render()) from exc


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


def _fit(text: str, width: int, pad: bool = True, squeeze: bool = True) -> str:
    """`text` on one line in `width` columns: its beginning kept, an ellipsis where it was cut; reads no
    further into `text` than the width needs. `squeeze` folds runs of white space (feed text); a finished
    table line keeps its padding."""
    if squeeze:
        text = " ".join(text.split())
    if text.isascii() and len(text) <= width:
        return text + " " * (width - len(text)) if pad else text
    out: list[str] = []
    used = 0
    for char in text:
        step = _char_width(char)
        if used + step > width:
            break
        out.append(char)
        used += step
    else:
        return text + " " * (width - used) if pad else text
    while out and used > width - 1:
        used -= _char_width(out.pop())
    cut = "".join(out) + "\u2026" if width > 0 else ""
    return cut + " " * max(0, width - used - 1) if pad else cut


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
    rows = [[cell(c) for c in r] for r in rows]
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


def local_time(moment: datetime | None) -> str:
    """A moment in local time as the windows write it (2025-10-10 14:03; 2025年10月10日 14:03)."""
    return date_time(moment.astimezone()) if moment else str(NEVER)


STREAM_WIDTHS = (6, 16, 9, 24, 0, 20)
TITLE_COLUMN = 4


def _alert_row(alert: Alert) -> tuple[str, ...]:
    kind = render(kind_label(alert.kind))
    marks = ("\u2691 " if alert.flagged else "") + ("\u270e " if alert.note else "")
    more = f" +{len(alert.sources) - 1}" if len(alert.sources) > 1 else ""
    return (str(alert.id), local_time(alert.published), str(RECORD(kind=kind)) if alert.record else kind,
            alert.entity_label, marks + alert.title, alert.source + more, alert.url)


def format_alerts(alerts: Sequence[Alert]) -> str:
    if not alerts:
        return str(NO_ALERTS)
    return table([_alert_row(a) for a in alerts], [str(h) for h in ALERT_HEADERS], flexible=TITLE_COLUMN,
                 shrink=((6, 24), (5, 14), (4, 50), (3, 12)), below=(5, 6), minimum=24)


def stream_alerts(alerts: Iterable[Alert], out: TextIO) -> int:
    """Alerts as table lines written as they come (fixed column widths, every line cut to the
    terminal, the title's beginning kept); the count. For lists too long to lay out at once."""
    limit = terminal_width()
    widths = list(STREAM_WIDTHS)
    widths[1] = max(widths[1], wording.width(local_time(datetime(2026, 12, 31, 23, 59, tzinfo=UTC))))
    widths[TITLE_COLUMN] = max(20, (limit or 120) - sum(widths) - 2 * len(widths) - 30)
    count = 0
    for alert in alerts:
        if count == 0:
            headers = [str(h) for h in ALERT_HEADERS]
            line = "  ".join(_fit(h, w) for h, w in zip(headers, widths, strict=False)) + "  " + headers[-1]
            out.write(_fit_line(line, limit) + "\n")
        row = [cell(c) for c in _alert_row(alert)]
        line = "  ".join(_fit(c, w) for c, w in zip(row, widths, strict=False)) + "  " + row[-1]
        out.write(_fit_line(line, limit) + "\n")
        count += 1
    if count == 0:
        out.write(f"{NO_ALERTS}\n")
    return count


def format_sources(health: Sequence[SourceHealth]) -> str:
    if not health:
        return str(NO_SOURCES_YET)
    rows = [(h.name, render(health_label(h.status)), local_time(h.last_success), str(h.consecutive_failures),
             safe_cell(h.error or render(h.note))) for h in health]
    return table(rows, [str(h) for h in SOURCE_HEADERS], flexible=4, shrink=((0, 16),), minimum=16)


def format_report(report: CycleReport, store: Store) -> str:
    lines = wording.wrap(str(cycle_summary(report)), terminal_width() or 10**6)
    offline = offline_notice(store.health()) if len(report.failures) > 1 else None
    if offline is not None:
        lines += ["  " + line for line in wording.wrap(safe_cell(render(offline)), (terminal_width() or 10**6) - 2)]
    for outcome in report.failures if offline is None else ():
        error = safe_cell(render(outcome.error))
        lines.append(_fit_line("  " + str(FAILING_LINE(source=cell(outcome.source), error=error)),
                               terminal_width()))
    for name, reason in report.skipped:
        if reason != "not due yet":
            lines.append(_fit_line("  " + str(SKIPPED_LINE(source=cell(name), reason=safe_cell(render(reason)))),
                                   terminal_width()))
    pages = report.pages
    if pages.archived or pages.changes:
        edited = sum(1 for c in pages.changes if c.change == "edited")
        lines.append(str(PAGES_LINE(archived=len(pages.archived), edited=edited,
                                    removed=len(pages.changes) - edited, checked=pages.checked)))
    if report.new_alerts:
        lines.append(format_alerts(store.alerts(ids=report.new_alerts)))
    return "\n".join(lines)


def seed_default(store: Store) -> bool:
    """On a fresh data folder, take the app's default first-run choice (the example watchlist).

    True if it did, and says so on stdout.
    """
    config = None if store.shared else first_run.default_choice(store)
    if config is None:
        return False
    print(first_run.LOADED_EXAMPLE(name=first_run.EXAMPLE_NAME, sources=len(config.sources)))
    return True


def cmd_import(store: Store, args: argparse.Namespace) -> int:
    config, summary = Service(store).import_file(Path(args.file))
    print(summary)
    if config.skipped:
        print(SKIPPED_OUTLINES(n=len(config.skipped)))
        for line in config.skipped:
            print(f"  {cell(line)}")
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
    if store.shared:
        from .commands.server import refuse_polling

        return refuse_polling(store)
    seed_default(store)
    service = Service(store)
    if not service.has_enabled_sources():
        print(NO_SOURCES())
        return EXIT_OK
    notifier = choose_notifier(_click, headless=True) if args.notify else None
    counter = _Counter(notifier) if notifier is not None else None
    service.show = counter
    try:
        result = service.poll(force=args.force, notify=args.notify)
    finally:
        if notifier is not None:
            notifier.close()
    print(format_report(result.report, store))
    if counter is not None and notifier is not None:
        print(NONE_SHOWN() if notifier.name == "none" else SHOWN(shown=counter.shown, backend=notifier.name))
        from .commands.channels import DELIVERED, deliver_now

        delivery = deliver_now(store)
        if delivery.sent or delivery.failed:
            print(DELIVERED(sent=delivery.sent, failed=delivery.failed))
    return EXIT_OK


def check_watchlist(store: Store, name: str | None, title: str) -> None:
    """Refuse a watchlist name that does not exist, listing the names that do (UserError)."""
    names = [w.name for w in store.watchlists()]
    if name is not None and name not in names:
        raise UserError(title, NO_WATCHLIST(name=name, names=", ".join(names) or "none"))


def cmd_alerts(store: Store, args: argparse.Namespace) -> int:
    """Alerts newest first, written as SQLite yields them (any number, little memory), or exported."""
    check_watchlist(store, args.watchlist, str(ALERTS_TITLE))
    if args.json and (args.format or args.output):
        raise UserError(EXPORT_TITLE, JSON_OR_FILE)
    if args.format or args.output:
        if not args.output:
            raise UserError(EXPORT_TITLE, NEEDS_OUTPUT)
        output = Path(args.output)
        rows = Service(store).export_alerts(output, args.format, since=args.since, watchlist=args.watchlist,
                                            limit=args.limit, tags=clean_tags(args.tag or ()),
                                            flagged_only=args.flagged)
        print(EXPORTED(n=rows, path=str(output)))
        return EXIT_OK
    alerts = store.iter_alerts(since=args.since, watchlist=args.watchlist, limit=args.limit,
                               tags=clean_tags(args.tag or ()), flagged_only=args.flagged)
    if not args.json:
        head = list(itertools.islice(alerts, TABLE_AT_ONCE))
        if len(head) < TABLE_AT_ONCE:
            print(format_alerts(head))
            return EXIT_OK
        alerts = itertools.chain(head, alerts)
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
        raise argparse.ArgumentTypeError(NOT_A_COUNT(value=plain(value, 40)).render())
    return number


def cmd_sources(store: Store, args: argparse.Namespace) -> int:
    if args.json:
        health = Service(store).source_health()
        print(redact(json.dumps([h.to_json() for h in health], ensure_ascii=False, indent=2)))
    else:
        print(format_sources(store.health()))
    return EXIT_OK


def cmd_watch(store: Store, args: argparse.Namespace) -> int:
    """Poll on each source's schedule until interrupted, printing and notifying new alerts (attached to a
    team database: print and notify what its server stores, polling nothing here)."""
    if store.shared:
        from .commands.server import watch_team

        return watch_team(store, args)
    service = Service(store)
    seed_default(store)
    stop = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stop.set())
    notifier = choose_notifier(_click, headless=True)
    watching = WATCHING_SILENT if notifier.name == "none" else WATCHING
    print(watching(sources=len(store.sources(enabled_only=True)), backend=notifier.name), flush=True)
    from ..core.delivery.outbox import Courier
    from .commands.channels import pdf_renderer

    courier = Courier(store.path, pdf_renderer()).start()
    service.show = notifier.show
    service.reactions.append(lambda _service, _result: courier.wake())
    try:
        while not stop.is_set():
            result = service.poll(honour_schedule=True, cancel=stop)
            if result.report.outcomes:
                print(f"[{local_time(result.report.started)}] {format_report(result.report, store)}", flush=True)
            stop.wait(min(max(service.next_wait(result.next_due).total_seconds(), 1.0), 60.0))
    finally:
        courier.stop()
        notifier.close()
    return EXIT_OK


def setting_value(value: object) -> str:
    """A setting's value as `settings` prints it: switches as on/off in the user's language."""
    if isinstance(value, bool):
        return str(SWITCH_ON if value else SWITCH_OFF)
    return str(SWITCH_OFF) if value == "" else str(value)


def cmd_settings(store: Store, args: argparse.Namespace) -> int:
    if args.key is None:
        rows = [(key, setting_value(settings.get(store, key)), render(setting.description))
                for key, setting in settings.SETTINGS.items()]
        widths = (max(wording.width(r[0]) for r in rows), max(wording.width(r[1]) for r in rows))
        print("\n".join(wording.fit_rows(rows, widths, wording.terminal_columns())))
        return EXIT_OK
    if args.value is None:
        if args.key not in settings.SETTINGS:
            raise UserError(SETTINGS_TITLE, UNKNOWN_SETTING(key=args.key))
        print(setting_value(settings.get(store, args.key)))
        return EXIT_OK
    print(f"{args.key} = {setting_value(settings.put(store, args.key, args.value))}")
    return EXIT_OK


def cmd_briefing(store: Store, args: argparse.Namespace) -> int:
    from ..core.exchange.briefing import build_briefing

    check_watchlist(store, args.watchlist, str(BRIEFING_TITLE))
    end = datetime.now(UTC)
    briefing = build_briefing(store, args.since, end, watchlists=[args.watchlist] if args.watchlist else None,
                              statements_only=args.statements_only, tags=clean_tags(args.tag or ()))
    output = Path(args.output)
    if output.suffix.lower() != ".pdf":
        raise UserError(BRIEFING_TITLE, NOT_PDF(file=str(output)))
    if not output.absolute().parent.is_dir():
        raise UserError(BRIEFING_TITLE, NO_FOLDER(folder=output.absolute().parent))
    try:
        from ..qt.briefing_pdf import ensure_gui_application, write_briefing
    except ImportError as exc:
        raise UserError(BRIEFING_TITLE, NEEDS_QT(error=str(exc))) from exc
    ensure_gui_application()
    pages = write_briefing(briefing, output, args.page)
    print(WROTE(file=str(output), pages=pages, alerts=briefing.total))
    return EXIT_OK


def cmd_credential(store: Store, args: argparse.Namespace) -> int:
    """Store (from standard input, never the command line) or delete a source's secret."""
    from ..core.platform import credentials, secrets

    if args.delete:
        credentials.delete(store, secrets.SOURCE, args.name)
        print(DELETED_SECRET(name=args.name))
        return EXIT_OK
    if sys.stdin.isatty():
        import getpass

        secret = getpass.getpass(str(SECRET_PROMPT(name=args.name)))
    else:
        secret = sys.stdin.readline().rstrip("\r\n")
    if not secret:
        raise UserError(CREDENTIALS_TITLE, NO_SECRET)
    print(secrets.WAITING, file=sys.stderr, flush=True)
    credentials.save(store, secrets.SOURCE, args.name, secret)
    print(STORED_SECRET(name=args.name))
    return EXIT_OK


def cmd_diagnostics(store: Store, args: argparse.Namespace) -> int:
    print(diagnostics(store.path.parent, store))
    return EXIT_OK


def diagnostics_without_store(root: Path, problem: str) -> int:
    """`diagnostics` when the database cannot be opened: everything else, and why not."""
    setup_logging(root)
    print(diagnostics(root, None, problem=problem))
    return EXIT_OK
ABOUT = translate("CliHelp", "Follow officials, companies and AI products; alerts link to the original.")
DEMO_HELP = translate("CliHelp", "run on bundled demo feeds served from this computer (own data dir)")
DATA_DIR_HELP = translate("CliHelp", "where to keep data (default: ${variable} or the user data dir)")
SERVER_HELP = translate("CliHelp", "work on a team database (a PostgreSQL URI, postgresql://user@host/db) "
                        "as its user; STAKEWATCH_SERVER does the same")
CREDENTIAL_HELP = translate("CliHelp", "keep a source's key or password in the keyring (read from stdin)")


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
                        help=_h(DATA_DIR_HELP, variable=paths.ENV_HOME))
    parser.add_argument("--server", metavar="URL", help=_h(SERVER_HELP))
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    sub = commands.add_parser("import", help=_h(translate("CliHelp", "add watchlists and sources from JSON or OPML")))
    sub.add_argument("file")
    sub.set_defaults(run=cmd_import)

    sub = commands.add_parser("export", help=_h(translate(
        "CliHelp", "write watchlists and sources as JSON (or .opml)")))
    sub.add_argument("file")
    sub.set_defaults(run=cmd_export)

    sub = commands.add_parser("poll", help=_h(translate("CliHelp", "fetch every enabled source once")))
    sub.add_argument("--once", action="store_true", required=True, help=_h(translate(
        "CliHelp", "one cycle, then exit (the only mode)")))
    sub.add_argument("--force", action="store_true", help=_h(translate(
        "CliHelp", "also fetch sources that asked to wait or are backing off")))
    sub.add_argument("--notify", action="store_true", help=_h(translate(
        "CliHelp", "show desktop notifications for what this cycle found")))
    sub.set_defaults(run=cmd_poll)

    sub = commands.add_parser("alerts", help=_h(translate("CliHelp", "list stored alerts, newest first")))
    sub.add_argument("--since", type=parse_since, metavar="PERIOD", help=_h(translate(
        "CliHelp", "only alerts published or found since: 7d, 12h, 30m, 2w or a date")))
    sub.add_argument("--watchlist", metavar="NAME")
    sub.add_argument("--limit", type=_positive, metavar="N", help=_h(translate("CliHelp", "only the N newest")))
    sub.add_argument("--tag", action="append", metavar="TAG", help=_h(translate(
        "CliHelp", "only alerts with this tag (repeatable)")))
    sub.add_argument("--flagged", action="store_true", help=_h(translate(
        "CliHelp", "only alerts flagged for the briefing")))
    sub.add_argument("--json", action="store_true")
    sub.add_argument("--format", choices=("csv", "xlsx"), help=_h(translate(
        "CliHelp", "write a spreadsheet to -o FILE")))
    sub.add_argument("-o", "--output", metavar="FILE", help=_h(translate(
        "CliHelp", "the file to write (its suffix picks the format)")))
    sub.set_defaults(run=cmd_alerts)

    sub = commands.add_parser("sources", help=_h(translate("CliHelp", "show every source's health")))
    sub.add_argument("--json", action="store_true")
    sub.set_defaults(run=cmd_sources)

    sub = commands.add_parser("briefing", help=_h(translate("CliHelp", "write a briefing PDF of a period")))
    sub.add_argument("--since", type=parse_since, metavar="PERIOD", required=True, help=_h(translate(
        "CliHelp", "the period: 7d, 24h, 2w or a date")))
    sub.add_argument("-o", "--output", required=True, metavar="FILE.pdf")
    sub.add_argument("--watchlist", metavar="NAME")
    sub.add_argument("--statements-only", action="store_true")
    sub.add_argument("--tag", action="append", metavar="TAG", help=_h(translate(
        "CliHelp", "only alerts with this tag (repeatable)")))
    sub.add_argument("--page", choices=("A4", "Letter"), default="A4")
    sub.set_defaults(run=cmd_briefing)

    sub = commands.add_parser("credential",
                              help=_h(CREDENTIAL_HELP))
    sub.add_argument("name")
    sub.add_argument("--delete", action="store_true")
    sub.set_defaults(run=cmd_credential)

    sub = commands.add_parser("diagnostics", help=_h(translate(
        "CliHelp", "versions, settings and recent errors for a bug report")))
    sub.set_defaults(run=cmd_diagnostics)

    sub = commands.add_parser("settings", help=_h(translate("CliHelp", "show or change a setting (limits, proxy)")))
    sub.add_argument("key", nargs="?")
    sub.add_argument("value", nargs="?")
    sub.set_defaults(run=cmd_settings)

    sub = commands.add_parser("watch", help=_h(translate("CliHelp", "poll on schedule without a GUI, printing alerts")))
    sub.set_defaults(run=cmd_watch)
    register_all(commands)
    return parser


def error_lines(title: str, message: str) -> str:
    """A refusal for standard error: its first line after the title, each further problem on a line
    of its own (indented), every line cleaned of control characters and secrets."""
    first, *rest = [line for line in message.splitlines() if line.strip()] or [""]
    lines = [f"stakewatch: {safe_cell(title.lower())}: {safe_cell(first)}"]
    lines += ["  " + safe_cell(line) for line in rest]
    return "\n".join(lines)


def set_up_demo(store: Store, base: str) -> None:
    """A demo folder's first start gets the example watchlist with the demo feeds; later starts keep
    what the user did there and only re-point the demo sources when the server's address moved."""
    config = parse_config(demo_config(base))
    if not store.setting(first_run.FIRST_RUN_DONE, False):
        store.apply_config(config.watchlists, config.sources)
        store.set_setting(first_run.FIRST_RUN_DONE, True)
        settings.put(store, "poll.host_spacing", "0")  # its feeds are served by this process
    elif store.setting(DEMO_BASE) not in (None, base):
        store.apply_config([], config.sources)
    store.set_setting(DEMO_BASE, base)


def restart_demo() -> None:
    """Start the demo app again in place of this process (after "Reset demo")."""
    command = [sys.executable, *(sys.argv[1:] if getattr(sys, "frozen", False) else sys.orig_argv[1:])]
    os.environ[REOPEN_WINDOW] = "1"  # the user was in the window when they reset: it comes back
    sys.stdout.flush()
    sys.stderr.flush()
    os.execv(sys.executable, command)


def run_gui(root: Path, args: argparse.Namespace, demo: bool, borrowed: bool = False) -> int:
    """The tray app; where Qt cannot open windows here, the terminal watcher, saying why.

    `borrowed`: the demo folder is in use by another Stakewatch, which is asked
    to come forward instead.
    """
    from .. import platform_check

    verdict = platform_check.check()
    if not verdict.ok:
        print(f"stakewatch: {verdict.reason}", file=sys.stderr)
        if verdict.advice:
            print(verdict.advice, file=sys.stderr)
        print(f"stakewatch: {FALLBACK()}", file=sys.stderr, flush=True)
        with open_store(root) as store:
            return cmd_watch(store, args)
    from ..qt.app import run_app

    return run_app(root, demo=demo, borrowed=borrowed)


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


def main(argv: Sequence[str] | None = None) -> int:
    if os.environ.get("STAKEWATCH_WORKER"):  # the bundle started as a worker child (core/platform/worker.py)
        from ..core.platform.worker import child_main

        return child_main()
    if os.environ.get(PROBE_VARIABLE) == "1":
        from ..platform_check import run_probe

        return run_probe()
    parser = build_parser()
    args = parser.parse_args(hoist_server(list(sys.argv[1:] if argv is None else argv)))
    run = getattr(args, "run", None)
    demo: DemoServer | None = None
    lock: DemoLock | None = None
    borrowed = False
    try:
        root = paths.data_dir(args.data_dir)
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
            opened = open_store(root)
        except UserError as exc:
            if run is cmd_diagnostics:
                return diagnostics_without_store(root, exc.message)
            raise
        with opened as store:
            setup_logging(root, store)
            if demo is not None:
                set_up_demo(store, demo.base)
            if run is not None:
                return int(run(store, args))
        code = run_gui(root, args, args.demo, borrowed)
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
        if lock is not None:
            lock.release()


if __name__ == "__main__":
    sys.exit(main())
