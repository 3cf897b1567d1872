"""The subcommands, one module per room; each has `register(commands)` (or several `register_*`).

`commands` is the argparse sub-parser collection of `stakewatch`; a module adds its parsers and sets
`run=function(service, args) -> exit code` on each. The functions get a `Service` (the core's one
front door) and print; none opens a database or reaches below the core's public API.
"""

from __future__ import annotations

import argparse
from importlib import import_module

from ..arguments import help_text as help_text

REGISTRARS: tuple[str, ...] = (
    "watchlists:register",
    "poll:register_poll",
    "alerts:register",
    "sources:register_sources",
    "briefing:register",
    "sources:register_credential",
    "diagnostics:register",
    "settings:register",
    "poll:register_watch",
    "snapshot:register",
    "aliases:register",
    "channels:register",
    "annotations:register",
    "stories:register",
    "server:register",
)


def register_all(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    for entry in REGISTRARS:
        module, function = entry.split(":")
        getattr(import_module(f"{__name__}.{module}"), function)(commands)
