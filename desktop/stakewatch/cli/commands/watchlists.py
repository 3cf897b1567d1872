"""`stakewatch import FILE` and `stakewatch export FILE`: watchlists and sources in and out."""

from __future__ import annotations

import argparse
from pathlib import Path

from ...core import Service
from ...core.i18n import translate
from ..arguments import help_text
from ..tables import cell

SKIPPED_OUTLINES = translate("Cli", "Skipped {n} {n:?outline|outlines} that cannot be a feed source:")


def cmd_import(service: Service, args: argparse.Namespace) -> int:
    config, summary = service.import_file(Path(args.file))
    print(summary)
    if config.skipped:
        print(SKIPPED_OUTLINES(n=len(config.skipped)))
        for line in config.skipped:
            print(f"  {cell(line)}")
    return 0


def cmd_export(service: Service, args: argparse.Namespace) -> int:
    print(service.export_file(Path(args.file)))
    return 0


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    sub = commands.add_parser("import", help=help_text(translate(
        "CliHelp", "add watchlists and sources from JSON or OPML")))
    sub.add_argument("file")
    sub.set_defaults(run=cmd_import)

    sub = commands.add_parser("export", help=help_text(translate(
        "CliHelp", "write watchlists and sources as JSON (or .opml)")))
    sub.add_argument("file")
    sub.set_defaults(run=cmd_export)
