"""Entities as the store keeps them: aliases, their spans of days and offices read back from
(already validated) JSON. Pure functions, any thread."""

from __future__ import annotations

from datetime import date
from typing import Any

from ..model import Office


def aliases_from_json(values: list[Any]) -> tuple[tuple[str, ...], tuple[tuple[str, bool], ...],
                                                  tuple[tuple[str, date | None, date | None], ...]]:
    """Alias texts, the user's needs-context choices and the aliases' spans of days from stored
    (already validated) JSON."""
    texts: list[str] = []
    chosen: list[tuple[str, bool]] = []
    dated: list[tuple[str, date | None, date | None]] = []
    for value in values:
        if isinstance(value, dict):
            text = str(value.get("text", ""))
            if text not in texts:
                texts.append(text)
            if "needs_context" in value:
                chosen.append((text, bool(value["needs_context"])))
            if value.get("from") or value.get("until"):
                dated.append((text, day_or_none(value.get("from")), day_or_none(value.get("until"))))
        elif str(value) not in texts:
            texts.append(str(value))
    return tuple(t for t in texts if t), tuple(chosen), tuple(dated)


def day_or_none(value: Any) -> date | None:
    """An ISO date (YYYY-MM-DD) as stored, or None."""
    try:
        return date.fromisoformat(value) if isinstance(value, str) and value else None
    except ValueError:
        return None


def offices_from_json(values: Any) -> tuple[Office, ...]:
    """Offices from stored (already validated) JSON."""
    offices: list[Office] = []
    for value in values if isinstance(values, list) else []:
        if not isinstance(value, dict) or not isinstance(value.get("titles"), dict):
            continue
        titles = tuple((str(lang), (texts,) if isinstance(texts, str) else tuple(str(t) for t in texts))
                       for lang, texts in value["titles"].items())
        offices.append(Office(titles, day_or_none(value.get("from")), day_or_none(value.get("until"))))
    return tuple(offices)
