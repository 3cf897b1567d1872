"""Reading dates as listing pages write them, Japanese era dates included.

Pure functions, any thread; `parse_date` returns None rather than raising.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, datetime, timedelta, timezone

ERAS = {"令和": 2018, "平成": 1988, "昭和": 1925, "R": 2018, "H": 1988, "S": 1925}
JST = timezone(timedelta(hours=9))
_ERA = re.compile(r"(令和|平成|昭和)\s*(元|\d{1,2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_ERA_SHORT = re.compile(r"\b([RHS])\s*(\d{1,2})[./](\d{1,2})[./](\d{1,2})\b")
_YMD_KANJI = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_YMD = re.compile(r"\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2}))?")
_MONTHS = {m: n for n, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
                                        "dec"), 1)}
_DMY_EN = re.compile(r"\b(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?,?\s+(\d{4})\b")
_MDY_EN = re.compile(r"\b([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})\b")


def _make(year: int, month: int, day: int, hour: int = 12, minute: int = 0,
          zone: timezone = JST) -> datetime | None:
    """A date without a time is taken as noon, so it shows as the same day almost everywhere."""
    try:
        return datetime(year, month, day, hour, minute, tzinfo=zone).astimezone(UTC)
    except (ValueError, OverflowError):
        return None


def parse_date(text: str, japanese: bool = True) -> datetime | None:
    """The first date in `text` as UTC; dates without a zone are read as Japan time when `japanese`."""
    normal = unicodedata.normalize("NFKC", text)
    zone = JST if japanese else UTC
    match = _ERA.search(normal)
    if match:
        era, year, month, day = match.groups()
        return _make(ERAS[era] + (1 if year == "元" else int(year)), int(month), int(day), zone=zone)
    match = _YMD_KANJI.search(normal)
    if match:
        year, month, day = (int(g) for g in match.groups())
        return _make(year, month, day, zone=zone)
    match = _YMD.search(normal)
    if match:
        year, month, day, hour, minute = match.groups()
        if hour is None:
            return _make(int(year), int(month), int(day), zone=zone)
        return _make(int(year), int(month), int(day), int(hour), int(minute), zone=zone)
    match = _ERA_SHORT.search(normal)
    if match:
        era, year, month, day = match.groups()
        return _make(ERAS[era] + int(year), int(month), int(day), zone=zone)
    for pattern, order in ((_DMY_EN, "dmy"), (_MDY_EN, "mdy")):
        match = pattern.search(normal)
        if match:
            first, second, year = match.groups()
            day, month_name = (first, second) if order == "dmy" else (second, first)
            month = _MONTHS.get(month_name[:3].lower())
            if month:
                return _make(int(year), month, int(day), zone=zone)
    return None
