"""`stakewatch snapshot ALERT_ID [--diff] [--html FILE] [--first]`: an alert's archived statement page.

The main text goes to standard output (so it can be piped or saved); where and
when it was fetched goes to standard error. Whatever the page held, nothing it
says reaches the terminal as a control: escape sequences, C1 controls and bidi
overrides are removed from the text, the diff and the address. `--html` writes
the page as evidence that is inert when opened (see core/evidence.py), whole or
not at all.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ...core import Service, os_reason, plain_line, plain_lines
from ...core.i18n import translate
from ...core.model import UserError
from ..arguments import help_text

TITLE = translate("Snapshot", "Snapshot")
NO_ALERT = translate("Snapshot", "there is no alert {id}")
NO_PAGE = translate("Snapshot", "alert {id} has no archived page yet")
NOT_WRITTEN = translate("Snapshot", "could not write {path}: {reason}")
STATUS = {
    "archived": translate("Snapshot", "archived"),
    "edited": translate("Snapshot", "edited"),
    "removed": translate("Snapshot", "removed"),
}
HEADER = translate("Snapshot", "{status} · fetched {fetched} · HTTP {http} · {url}\nsha256 {sha256} · "
                               "{n} {n:?version|versions} kept")
ONE_VERSION = translate("Snapshot", "No edits: one version archived.")
WROTE = translate("Snapshot", "Wrote {path} ({size} bytes): the page as fetched {fetched}, made inert "
                               "(no scripts, frames or remote loads).")
NOT_AN_ALERT = translate("Snapshot", "'{value}' is not an alert number (see alerts --json)")


def _color() -> bool:
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"


def cmd_snapshot(service: Service, args: argparse.Namespace) -> int:
    if not service.pages.has_alert(args.alert_id):
        raise UserError(TITLE(), NO_ALERT(id=args.alert_id))
    versions = service.pages.versions(args.alert_id)
    watch = service.pages.watch(args.alert_id)
    if not versions or watch is None:
        raise UserError(TITLE(), NO_PAGE(id=args.alert_id))
    chosen = versions[0] if args.first else versions[-1]
    status = STATUS[watch.status]() if watch.status in STATUS else watch.status
    print(HEADER(status=status, fetched=chosen.fetched.astimezone().strftime("%Y-%m-%d %H:%M"),
                 http=chosen.http_status or "-", url=plain_line(chosen.final_url), sha256=chosen.sha256,
                 n=len(versions)),
          file=sys.stderr)
    if args.html is not None:
        target = Path(args.html)
        evidence = service.pages.evidence(chosen)
        try:
            service.pages.write_evidence(target, evidence)
        except OSError as exc:
            raise UserError(TITLE(), NOT_WRITTEN(path=str(target), reason=os_reason(exc))) from exc
        print(WROTE(path=str(target), size=len(evidence), fetched=chosen.fetched.isoformat()))
        return 0
    if args.diff:
        if len(versions) < 2:
            print(ONE_VERSION())
            return 0
        print(f"--- {versions[0].fetched.astimezone():%Y-%m-%d %H:%M}  sha256 {versions[0].sha256[:16]}")
        print(f"+++ {versions[-1].fetched.astimezone():%Y-%m-%d %H:%M}  sha256 {versions[-1].sha256[:16]}")
        # the page's own text is made inert first: the only escape sequences printed are the diff's colours
        print(service.pages.diff_text(versions[0], versions[-1], color=_color()))
        return 0
    print(plain_lines(chosen.text))
    return 0


def _alert_id(text: str) -> int:
    try:
        value = int(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(NOT_AN_ALERT(value=text[:40]).render()) from exc
    if value <= 0:
        raise argparse.ArgumentTypeError(NOT_AN_ALERT(value=text[:40]).render())
    return value


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    sub = commands.add_parser("snapshot", help=help_text(translate(
        "CliHelp", "print an alert's archived statement page (main text)")))
    sub.add_argument("alert_id", type=_alert_id, metavar="ALERT_ID")
    sub.add_argument("--diff", action="store_true", help=help_text(translate(
        "CliHelp", "word-level changes from the first to the latest version")))
    sub.add_argument("--html", metavar="FILE", help=help_text(translate(
        "CliHelp", "write the page as fetched to FILE, made inert (no scripts, frames or remote loads)")))
    sub.add_argument("--first", action="store_true", help=help_text(translate(
        "CliHelp", "the first version instead of the latest")))
    sub.set_defaults(run=cmd_snapshot)
