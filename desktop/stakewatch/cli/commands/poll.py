"""`stakewatch poll --once` (one cycle) and `stakewatch watch` (cycles on schedule, no GUI)."""

from __future__ import annotations

import argparse
import signal
import threading
from typing import Any

from ... import pdf
from ...core import Notification, Service, open_link
from ...core.i18n import Message, render, translate
from ...core.model import Alert
from ...core.states import kind_label
from ...notify import Notifier, choose_notifier
from ..arguments import help_text
from ..tables import cell, local_time
from ..tables import format_report as format_report

NO_SOURCES = translate("Cli", "No enabled sources: import a watchlist first (stakewatch import FILE).")
SHOWN = translate("Cli", "Notifications shown: {shown} (through {backend}).")
WATCHING = translate("Cli", "Watching {sources} {sources:?source|sources}; notifications through {backend}; "
                            "Ctrl+C stops.")
WATCHING_SILENT = translate("Cli", "Watching {sources} {sources:?source|sources}; no desktop notifications here "
                                   "(no notification service answers); Ctrl+C stops.")
NONE_SHOWN = translate("Cli", "No desktop notifications here (no notification service answers).")
DELIVERED = translate("Channels", "Channel messages sent: {sent}, failed: {failed}.")


def seed_default(service: Service | Any) -> bool:
    """On a fresh data folder, take the app's default first-run choice (the example watchlist).

    True if it did, and says so on stdout. (A Store, as the former API took, is wrapped in a Service.)
    """
    from ...core import EXAMPLE_NAME, LOADED_EXAMPLE

    service = service if isinstance(service, Service) else Service(service)
    config = None if service.shared else service.first_run.default_choice()
    if config is None:
        return False
    print(LOADED_EXAMPLE(name=EXAMPLE_NAME, sources=len(config.sources)))
    return True


def click(notification: Notification) -> None:
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


def cmd_poll(service: Service, args: argparse.Namespace) -> int:
    if service.shared:
        service.team.refuse_polling()
    seed_default(service)
    if not service.sources.has_enabled():
        print(NO_SOURCES())
        return 0
    notifier = choose_notifier(click, headless=True) if args.notify else None
    counter = _Counter(notifier) if notifier is not None else None
    service.show = counter
    try:
        result = service.poll(force=args.force, notify=args.notify, send_now=args.notify)
    finally:
        if notifier is not None:
            notifier.close()
    print(format_report(result.report, service))
    if counter is not None and notifier is not None:
        print(NONE_SHOWN() if notifier.name == "none" else SHOWN(shown=counter.shown, backend=notifier.name))
        delivery = result.delivery
        if delivery is not None and (delivery.sent or delivery.failed):
            print(DELIVERED(sent=delivery.sent, failed=delivery.failed))
    return 0


def cmd_watch(service: Service, args: argparse.Namespace) -> int:
    """Poll on each source's schedule until interrupted, printing and notifying new alerts (attached to a
    team database: print and notify what its server stores, polling nothing here)."""
    if service.shared:
        return watch_team(service, args)
    seed_default(service)
    stop = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stop.set())
    notifier = choose_notifier(click, headless=True)
    watching = WATCHING_SILENT if notifier.name == "none" else WATCHING
    print(watching(sources=service.sources.enabled_count(), backend=notifier.name), flush=True)
    if service.writer is not None and not pdf.available():  # drawing needs its QGuiApplication made here
        service.writer = None
    courier = service.start_courier()
    service.show = notifier.show
    try:
        while not stop.is_set():
            result = service.poll(honour_schedule=True, cancel=stop)
            if result.report.outcomes:
                print(f"[{local_time(result.report.started)}] {format_report(result.report, service)}", flush=True)
            stop.wait(min(max(service.next_wait(result.next_due).total_seconds(), 1.0), 60.0))
    finally:
        courier.stop()
        notifier.close()
    return 0


def stop_on_signals() -> threading.Event:
    stop = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stop.set())
    return stop


def say(message: Message | str) -> None:
    print(render(message) if isinstance(message, Message) else message, flush=True)


def watch_team(service: Service, args: argparse.Namespace) -> int:
    """A desk on a team database: print (and notify) each alert its server stores, once, as it is stored."""
    notifier = choose_notifier(click, headless=True)

    def found(alerts: list[Alert]) -> None:
        for alert in alerts:
            print(alert_line(alert), flush=True)
        for note in service.team.desk_notifications(alerts):
            try:
                notifier.show(note)
            except Exception:  # noqa: BLE001 - a notifier that fails never stops the watch
                return

    try:
        service.team.watch(stop_on_signals(), say, found)
    finally:
        notifier.close()
    return 0


def alert_line(alert: Alert) -> str:
    """One alert on one line, whole (a watcher's log is read later, and by programs)."""
    return "  ".join(cell(part) for part in (
        local_time(alert.published), f"#{alert.id}", render(kind_label(alert.kind)), alert.entity_label,
        alert.title, alert.url))


def register_poll(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    sub = commands.add_parser("poll", help=help_text(translate("CliHelp", "fetch every enabled source once")))
    sub.add_argument("--once", action="store_true", required=True, help=help_text(translate(
        "CliHelp", "one cycle, then exit (the only mode)")))
    sub.add_argument("--force", action="store_true", help=help_text(translate(
        "CliHelp", "also fetch sources that asked to wait or are backing off")))
    sub.add_argument("--notify", action="store_true", help=help_text(translate(
        "CliHelp", "show desktop notifications for what this cycle found")))
    sub.set_defaults(run=cmd_poll)


def register_watch(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    sub = commands.add_parser("watch", help=help_text(translate(
        "CliHelp", "poll on schedule without a GUI, printing alerts")))
    sub.set_defaults(run=cmd_watch)
