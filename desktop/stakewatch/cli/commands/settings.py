"""`stakewatch settings [KEY [VALUE]]`: every setting, one setting, or a new value for it."""

from __future__ import annotations

import argparse

from ...core import SETTINGS, Service
from ...core.i18n import render, translate
from ...core.model import UserError
from .. import wording
from ..arguments import help_text

SETTINGS_TITLE = translate("Cli", "Settings")
UNKNOWN_SETTING = translate("Cli", "unknown setting '{key}'")
SWITCH_ON = translate("Cli", "on")
SWITCH_OFF = translate("Cli", "off")


def setting_value(value: object) -> str:
    """A setting's value as `settings` prints it: switches as on/off in the user's language."""
    if isinstance(value, bool):
        return str(SWITCH_ON if value else SWITCH_OFF)
    return str(SWITCH_OFF) if value == "" else str(value)


def cmd_settings(service: Service, args: argparse.Namespace) -> int:
    if args.key is None:
        rows = [(key, setting_value(service.settings.get(key)), render(setting.description))
                for key, setting in SETTINGS.items()]
        widths = (max(wording.width(r[0]) for r in rows), max(wording.width(r[1]) for r in rows))
        print("\n".join(wording.fit_rows(rows, widths, wording.terminal_columns())))
        return 0
    if args.value is None:
        if args.key not in SETTINGS:
            raise UserError(SETTINGS_TITLE, UNKNOWN_SETTING(key=args.key))
        print(setting_value(service.settings.get(args.key)))
        return 0
    print(f"{args.key} = {setting_value(service.settings.put(args.key, args.value))}")
    return 0


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    sub = commands.add_parser("settings", help=help_text(translate(
        "CliHelp", "show or change a setting (limits, proxy)")))
    sub.add_argument("key", nargs="?")
    sub.add_argument("value", nargs="?")
    sub.set_defaults(run=cmd_settings)
