"""Subcommands beyond the core set, one module per room; each has `register(commands)`.

`commands` is the argparse sub-parser collection of `stakewatch`; a module adds its
parsers and sets `run=function(store, args) -> exit code` on each, like cli.py does.
"""

from __future__ import annotations

import argparse
from importlib import import_module
from typing import Any

from ...core.i18n import Message

MODULES: tuple[str, ...] = (
    "snapshot",
    "aliases",
    "channels",
    "annotations",
    "stories",
    "server",
)


def help_text(message: Message, **args: Any) -> str:
    """Help text in the user's language, with argparse's % signs escaped."""
    return message(**args).render().replace("%", "%%")


def register_all(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    for name in MODULES:
        import_module(f"{__name__}.{name}").register(commands)
