"""Dates and times as the user's language writes them, and relative times ("5 minutes ago").

English: 10 October 2025, 2025-10-10 14:03. Japanese: 2025年10月10日, 2025年10月10日 14:03.
Any thread; the language is i18n's current one unless given.
"""

from __future__ import annotations

from datetime import date, datetime

from .i18n import Message, language, translate

LONG_DATE = translate("When", "{day} {month} {year}")
MONTHS = (translate("When", "January"), translate("When", "February"), translate("When", "March"),
          translate("When", "April"), translate("When", "May"), translate("When", "June"),
          translate("When", "July"), translate("When", "August"), translate("When", "September"),
          translate("When", "October"), translate("When", "November"), translate("When", "December"))
JUST_NOW = translate("When", "just now")
MINUTES_AGO = translate("When", "{n} {n:?minute|minutes} ago")
HOURS_AGO = translate("When", "{n} {n:?hour|hours} ago")
DAYS_AGO = translate("When", "{n} {n:?day|days} ago")
IN_MINUTES = translate("When", "in {n} {n:?minute|minutes}")
IN_HOURS = translate("When", "in {n} {n:?hour|hours}")
IN_DAYS = translate("When", "in {n} {n:?day|days}")


def long_date(day: date, lang: str | None = None) -> str:
    """'10 October 2025'; in Japanese '2025年10月10日'."""
    if (lang or language()) == "ja":
        return f"{day.year}年{day.month}月{day.day}日"
    return LONG_DATE(day=day.day, month=MONTHS[day.month - 1], year=day.year).render(lang)


def short_date(day: date, lang: str | None = None) -> str:
    """'2025-10-10'; in Japanese '2025年10月10日'."""
    return long_date(day, lang) if (lang or language()) == "ja" else f"{day:%Y-%m-%d}"


def date_time(moment: datetime, lang: str | None = None) -> str:
    """'2025-10-10 14:03'; in Japanese '2025年10月10日 14:03'."""
    return f"{short_date(moment, lang)} {moment:%H:%M}"


def month_day(day: date, lang: str | None = None) -> str:
    """A chart's day label: '10-10'; in Japanese '10/10'."""
    return f"{day.month}/{day.day}" if (lang or language()) == "ja" else f"{day:%m-%d}"


def relative(moment: datetime, now: datetime) -> Message:
    """'just now', '5 minutes ago', 'in 2 hours' (whole units, rounded down)."""
    seconds = (moment - now).total_seconds()
    ahead, span = seconds > 0, abs(seconds)
    if span < 60:
        return JUST_NOW
    units = ((86_400, DAYS_AGO, IN_DAYS), (3_600, HOURS_AGO, IN_HOURS), (60, MINUTES_AGO, IN_MINUTES))
    for size, past, future in units:
        if span >= size:
            return (future if ahead else past)(n=int(span // size))
    return JUST_NOW
