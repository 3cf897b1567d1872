"""`stakewatch briefing --since PERIOD -o FILE.pdf`: the briefing of a period as a PDF."""

from __future__ import annotations

import argparse
from pathlib import Path

from ... import pdf
from ...core import Service
from ...core.i18n import translate
from ...core.model import UserError
from ..arguments import help_text, parse_since

BRIEFING_TITLE = translate("Cli", "Briefing")
NOT_PDF = translate("Cli", "{file} should end in .pdf")
NEEDS_QT = translate("Cli", "PDF output needs Qt (PySide6): {error}")
WROTE = translate("Cli", "Wrote {file}: {pages} {pages:?page|pages}, {alerts} {alerts:?alert|alerts}.")
NO_FOLDER = translate("Commands", "the folder {folder} does not exist; create it or choose another")


def cmd_briefing(service: Service, args: argparse.Namespace) -> int:
    service.watchlists.require(args.watchlist, str(BRIEFING_TITLE))
    briefing = service.briefing.build(args.since, watchlists=[args.watchlist] if args.watchlist else None,
                                      statements_only=args.statements_only,
                                      tags=service.notes.clean_tags(args.tag or ()))
    output = Path(args.output)
    if output.suffix.lower() != ".pdf":
        raise UserError(BRIEFING_TITLE, NOT_PDF(file=str(output)))
    if not output.absolute().parent.is_dir():
        raise UserError(BRIEFING_TITLE, NO_FOLDER(folder=output.absolute().parent))
    try:
        pdf.prepare()
    except ImportError as exc:
        raise UserError(BRIEFING_TITLE, NEEDS_QT(error=str(exc))) from exc
    pages = service.briefing.write(briefing, output, args.page)
    print(WROTE(file=str(output), pages=pages, alerts=briefing.total))
    return 0


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    sub = commands.add_parser("briefing", help=help_text(translate("CliHelp", "write a briefing PDF of a period")))
    sub.add_argument("--since", type=parse_since, metavar="PERIOD", required=True, help=help_text(translate(
        "CliHelp", "the period: 7d, 24h, 2w or a date")))
    sub.add_argument("-o", "--output", required=True, metavar="FILE.pdf")
    sub.add_argument("--watchlist", metavar="NAME")
    sub.add_argument("--statements-only", action="store_true")
    sub.add_argument("--tag", action="append", metavar="TAG", help=help_text(translate(
        "CliHelp", "only alerts with this tag (repeatable)")))
    sub.add_argument("--page", choices=("A4", "Letter"), default="A4")
    sub.set_defaults(run=cmd_briefing)
