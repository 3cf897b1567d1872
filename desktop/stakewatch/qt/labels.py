"""The one table of how domain states look on screen: translated label and colour. GUI thread."""

from __future__ import annotations

from ..core.i18n import render
from ..core.states import AlertKind, HealthStatus, TrayState, entity_kind_label, health_label, kind_label

STATUS_COLOURS: dict[str, str] = {
    HealthStatus.OK: "#2b8a3e", HealthStatus.FAILING: "#c92a2a", HealthStatus.BACKING_OFF: "#e8590c",
    HealthStatus.STALE: "#e67700", HealthStatus.NEW: "#495057", HealthStatus.DISABLED: "#868e96",
}
KIND_MARKERS: dict[str, str] = {AlertKind.STATEMENT: "\u25cf ", AlertKind.COVERAGE: ""}


def status_label(status: str) -> str:
    return render(health_label(status))


def status_colour(status: str) -> str:
    return STATUS_COLOURS.get(status, "#000")


def alert_kind_label(kind: str) -> str:
    return render(kind_label(kind))


def entity_kind_text(kind: str) -> str:
    return render(entity_kind_label(kind))


def tray_state_label(state: TrayState) -> str:
    return render(state.label())
