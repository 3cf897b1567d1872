"""Reading dates as listing pages write them, Japanese era dates included.

A date may be followed by a time of day (14時30分, 14:30, 午後2時, 10:15 AM,
after a weekday such as （火）); without one it is taken as noon. A year-less
Japanese date (10月10日, or 10/10(金) as news portals write it) is the latest
such day not in the future; relative
dates (3時間前, 昨日, 2 hours ago, yesterday) count back from `now`.

Pure functions, any thread; `parse_date` returns None rather than raising.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, date, datetime, timedelta, timezone

ERAS = {"令和": 2018, "平成": 1988, "昭和": 1925, "R": 2018, "H": 1988, "S": 1925}
JST = timezone(timedelta(hours=9))
_ERA = re.compile(r"(令和|平成|昭和)\s*(元|\d{1,2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_ERA_SHORT = re.compile(r"\b([RHS])\s*(\d{1,2})[./](\d{1,2})[./](\d{1,2})\b")
_YMD_KANJI = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_YMD = re.compile(r"\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_ISO_ZONED = re.compile(r"\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})")
_MD_KANJI = re.compile(r"(?<!\d)(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_MD_SLASH = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})\s*\([月火水木金土日]\)")
_MONTHS = {m: n for n, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
                                        "dec"), 1)}
_DMY_EN = re.compile(r"\b(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?,?\s+(\d{4})\b")
_MDY_EN = re.compile(r"\b([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})\b")
_TIME = re.compile(
    r"\s*(?:\([^()]{1,6}\)\s*)?[,、]?\s*(?:(午前|午後|am|pm|a\.m\.|p\.m\.)\s*)?(\d{1,2})\s*"
    r"(?:時\s*(?:(\d{1,2})\s*分|半)?|:(\d{2})(?::\d{2})?)(?:\s*(am|pm|a\.m\.|p\.m\.)(?![a-z]))?",
    re.IGNORECASE)
_AGO_JA = re.compile(r"(\d+)\s*(秒|分|時間|日|週間|か月|ヶ月|カ月)\s*前")
_AGO_EN = re.compile(r"\b(\d+|an?|one)\s+(second|sec|minute|min|hour|hr|day|week)s?\s+ago\b", re.IGNORECASE)
_DAY_WORDS = (("一昨日", 2), ("おととい", 2), ("昨日", 1), ("きのう", 1), ("本日", 0), ("今日", 0),
              ("day before yesterday", 2), ("yesterday", 1), ("today", 0))
_UNITS = {"秒": 1, "分": 60, "時間": 3600, "日": 86_400, "週間": 604_800, "か月": 2_592_000, "ヶ月": 2_592_000,
          "カ月": 2_592_000, "second": 1, "sec": 1, "minute": 60, "min": 60, "hour": 3600, "hr": 3600,
          "day": 86_400, "week": 604_800}

def _make(year: int, month: int, day: int, hour: int = 12, minute: int = 0,
          zone: timezone = JST) -> datetime | None:
    """A date without a time is taken as noon, so it shows as the same day almost everywhere."""
    try:
        return datetime(year, month, day, hour, minute, tzinfo=zone).astimezone(UTC)
    except (ValueError, OverflowError):
        return None


def _time_after(text: str, position: int) -> tuple[int, int] | None:
    """The time of day written right after a date (a weekday in brackets may come between)."""
    match = _TIME.match(text, position)
    if match is None:
        return None
    before, hour_text, minute_kanji, minute_colon, after = match.groups()
    hour = int(hour_text)
    minute = int(minute_kanji or minute_colon or (30 if match.group(0).rstrip().endswith("半") else 0))
    marker = (before or after or "").lower().replace(".", "")
    if minute_colon is None and "時" not in match.group(0) and not marker:
        return None
    if marker in ("午後", "pm") and hour < 12:
        hour += 12
    elif marker in ("午前", "am") and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return None
    return hour, minute


def _dated(normal: str, year: int, month: int, day: int, end: int, zone: timezone) -> datetime | None:
    time = _time_after(normal, end)
    if time is None:
        return _make(year, month, day, zone=zone)
    return _make(year, month, day, time[0], time[1], zone=zone)


def _full_date(normal: str, zone: timezone) -> datetime | None:
    match = _ISO_ZONED.search(normal)
    if match:
        try:
            return datetime.fromisoformat(match.group(0).replace("Z", "+00:00")).astimezone(UTC)
        except ValueError:
            pass
    match = _ERA.search(normal)
    if match:
        era, year, month, day = match.groups()
        return _dated(normal, ERAS[era] + (1 if year == "元" else int(year)), int(month), int(day),
                      match.end(), zone)
    match = _YMD_KANJI.search(normal)
    if match:
        year, month, day = (int(g) for g in match.groups())
        return _dated(normal, year, month, day, match.end(), zone)
    match = _YMD.search(normal)
    if match:
        year, month, day = (int(g) for g in match.groups())
        end = match.end()
        if normal[end:end + 1] in ("T", "t"):
            return _dated(normal[:end] + " " + normal[end + 1:], year, month, day, end, zone)
        return _dated(normal, year, month, day, end, zone)
    match = _ERA_SHORT.search(normal)
    if match:
        era, year, month, day = match.groups()
        return _dated(normal, ERAS[era] + int(year), int(month), int(day), match.end(), zone)
    for pattern, order in ((_DMY_EN, "dmy"), (_MDY_EN, "mdy")):
        match = pattern.search(normal)
        if match:
            first, second, year = match.groups()
            day, month_name = (first, second) if order == "dmy" else (second, first)
            month = _MONTHS.get(month_name[:3].lower())
            if month:
                return _dated(normal, int(year), month, int(day), match.end(), zone)
    return None


def _year_less(normal: str, zone: timezone, now: datetime) -> datetime | None:
    match = _MD_KANJI.search(normal) or _MD_SLASH.search(normal)
    if match is None:
        return None
    month, day = int(match.group(1)), int(match.group(2))
    today = now.astimezone(zone).date()
    for year in (today.year, today.year - 1, today.year - 4):
        try:
            if date(year, month, day) <= today:
                return _dated(normal, year, month, day, match.end(), zone)
        except ValueError:
            continue
    return None


def _relative(normal: str, zone: timezone, now: datetime) -> datetime | None:
    for pattern in (_AGO_JA, _AGO_EN):
        match = pattern.search(normal)
        if match:
            amount, unit = match.groups()
            count = 1 if amount.lower() in ("a", "an", "one") else int(amount)
            try:
                return now - timedelta(seconds=count * _UNITS[unit.lower()])
            except OverflowError:
                return None
    lowered = normal.lower()
    for word, days_back in _DAY_WORDS:
        position = lowered.find(word)
        if position != -1:
            day = now.astimezone(zone).date() - timedelta(days=days_back)
            return _dated(normal, day.year, day.month, day.day, position + len(word), zone)
    return None


def parse_date(text: str, japanese: bool = True, now: datetime | None = None) -> datetime | None:
    """The first date in `text` as UTC; dates without a zone are read as Japan time when `japanese`.

    `now` (default: the current time) anchors year-less and relative dates, which are never later
    than it.
    """
    normal = unicodedata.normalize("NFKC", text)
    zone = JST if japanese else UTC
    full = _full_date(normal, zone)
    if full is not None:
        return full
    now = now or datetime.now(UTC)
    found = _year_less(normal, zone, now) or _relative(normal, zone, now)
    return min(found, now) if found is not None else None
