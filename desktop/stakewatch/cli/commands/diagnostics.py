"""`stakewatch diagnostics`: versions, settings and recent errors for a bug report."""

from __future__ import annotations

import argparse
from pathlib import Path

from ...core import Service, diagnostics, setup_logging
from ...core.i18n import translate
from ..arguments import help_text


def cmd_diagnostics(service: Service, args: argparse.Namespace) -> int:
    print(service.diagnostics())
    return 0


def without_store(root: Path, problem: str) -> int:
    """`diagnostics` when the database cannot be opened: everything else, and why not."""
    setup_logging(root)
    print(diagnostics(root, None, problem=problem))
    return 0


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    sub = commands.add_parser("diagnostics", help=help_text(translate(
        "CliHelp", "versions, settings and recent errors for a bug report")))
    sub.set_defaults(run=cmd_diagnostics, without_store=without_store)
