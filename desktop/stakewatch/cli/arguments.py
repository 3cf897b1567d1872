"""Argument types and help text of the commands, in the user's language."""

from __future__ import annotations

import argparse
import re
from datetime import UTC, datetime, timedelta
from typing import Any

from ..core import plain
from ..core.i18n import Message, translate

BEFORE_YEAR_ONE = translate("Cli", "'{value}' reaches back before the year 1: give a shorter period or a date")
NOT_A_PERIOD = translate("Cli", "'{value}' is not a period like 7d, 12h, 30m, 2w or a date like 2025-10-01")
NOT_A_COUNT = translate("Cli", "'{value}' is not a whole number (1 or more)")
_DURATION = re.compile(r"^\s*(\d+)\s*([mhdw])\s*$", re.IGNORECASE)
_UNITS = {"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}


def help_text(message: Message, **args: Any) -> str:
    """Help text in the user's language, with argparse's % signs escaped."""
    return message(**args).render().replace("%", "%%")


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


def positive(value: str) -> int:
    try:
        number = int(value) if len(value) < 20 else -1
    except ValueError:
        number = -1
    if number < 1:
        raise argparse.ArgumentTypeError(NOT_A_COUNT(value=plain(value, 40)).render())
    return number
