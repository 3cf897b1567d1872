"""Domain states as `str` enums: their values are the stable keys JSON output and the store use.

`HealthStatus.FAILING == "failing"`, so comparisons with stored strings and
`json.dumps` keep working. Labels a user reads come from `label()`, translated.
"""

from __future__ import annotations

from enum import StrEnum

from .i18n import Message, translate


class HealthStatus(StrEnum):
    OK = "ok"
    FAILING = "failing"
    BACKING_OFF = "backing off"
    STALE = "stale"
    NEW = "new"
    DISABLED = "disabled"

    def label(self) -> Message:
        return _HEALTH_LABELS[self]

    @property
    def bad(self) -> bool:
        return self in (HealthStatus.FAILING, HealthStatus.BACKING_OFF)


class AlertKind(StrEnum):
    STATEMENT = "statement"
    COVERAGE = "coverage"

    def label(self) -> Message:
        return _KIND_LABELS[self]


class TrayState(StrEnum):
    IDLE = "idle"
    POLLING = "polling"
    PAUSED = "paused"
    ALERTS = "alerts"
    FAILING = "failing"

    def label(self) -> Message:
        return _TRAY_LABELS[self]


class MatcherRole(StrEnum):
    ALIAS = "alias"
    CONTEXT = "context"
    EXCLUDE = "exclude"
    VETO = "veto"


_HEALTH_LABELS = {
    HealthStatus.OK: translate("Health", "ok"),
    HealthStatus.FAILING: translate("Health", "failing"),
    HealthStatus.BACKING_OFF: translate("Health", "backing off"),
    HealthStatus.STALE: translate("Health", "stale"),
    HealthStatus.NEW: translate("Health", "new"),
    HealthStatus.DISABLED: translate("Health", "disabled"),
}
_KIND_LABELS = {
    AlertKind.STATEMENT: translate("AlertKind", "statement"),
    AlertKind.COVERAGE: translate("AlertKind", "coverage"),
}
_TRAY_LABELS = {
    TrayState.IDLE: translate("TrayState", "idle"),
    TrayState.POLLING: translate("TrayState", "checking sources"),
    TrayState.PAUSED: translate("TrayState", "paused"),
    TrayState.ALERTS: translate("TrayState", "new alerts"),
    TrayState.FAILING: translate("TrayState", "sources failing"),
}


def health_label(status: str) -> Message | str:
    """The translated label of a stored status string (unknown strings as they are)."""
    try:
        return HealthStatus(status).label()
    except ValueError:
        return status


CHANNEL_STATUSES: dict[str, Message] = {
    "new": translate("ChannelStatus", "new"),
    "ok": translate("ChannelStatus", "ok"),
    "failing": translate("ChannelStatus", "failing"),
}


SOURCE_KIND_LABELS: dict[str, Message] = {
    "feed": translate("SourceKind", "feed"),
    "page": translate("SourceKind", "web page"),
    "search": translate("SourceKind", "news search"),
    "diet": translate("SourceKind", "Diet record"),
}


def source_kind_label(kind: str) -> Message | str:
    """A source kind (feed, page, search, diet) as the reader's language names it; files keep the key."""
    return SOURCE_KIND_LABELS.get(kind, kind)


def channel_status_label(status: str) -> Message | str:
    """A channel's delivery status (new, ok, failing) in the reader's language; JSON keeps the key."""
    return CHANNEL_STATUSES.get(status, status)


def kind_label(kind: str) -> Message | str:
    try:
        return AlertKind(kind).label()
    except ValueError:
        return kind


def tray_state(polling: bool, paused: bool, unseen: int, failing: int) -> TrayState:
    """What the tray icon shows, in order of precedence."""
    if polling:
        return TrayState.POLLING
    if paused:
        return TrayState.PAUSED
    if unseen:
        return TrayState.ALERTS
    if failing:
        return TrayState.FAILING
    return TrayState.IDLE


ENTITY_KIND_LABELS: dict[str, Message] = {
    "official": translate("EntityKind", "official"),
    "person": translate("EntityKind", "person"),
    "company": translate("EntityKind", "company"),
    "product": translate("EntityKind", "product"),
    "topic": translate("EntityKind", "topic"),
}


def entity_kind_label(kind: str) -> Message | str:
    """The translated label of an entity's kind (official, person, company, product, topic)."""
    return ENTITY_KIND_LABELS.get(kind, kind)
