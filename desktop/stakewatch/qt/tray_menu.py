"""The tray's context menu: the latest alerts by story, then the commands. GUI thread."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import timedelta

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from ..core import Snapshot
from ..core.model import Alert
from ..core.states import AlertKind
from .labels import KIND_MARKERS

LABEL_LIMIT = 80


@dataclass(frozen=True)
class MenuHandlers:
    open_window: Callable[[int], None]
    export_briefing: Callable[[], None]
    import_watchlists: Callable[[], None]
    export_watchlists: Callable[[], None]
    refresh: Callable[[], None]
    pause: Callable[[timedelta | None, bool], None]
    settings: Callable[[], None]
    diagnostics: Callable[[], None]
    about: Callable[[], None]
    quit: Callable[[], None]
    open_original: Callable[[str], None]
    reset_demo: Callable[[], None] | None = None


class TrayMenu(QObject):
    """Fills `menu` from a Snapshot; rebuilt after each poll and each pause."""

    def __init__(self, handlers: MenuHandlers) -> None:
        super().__init__()
        self.menu = QMenu()
        self.handlers = handlers

    def build(self, snapshot: Snapshot, paused: bool, states: Sequence[str] = ()) -> None:
        """The menu for `snapshot`; `states` (a pause, quiet hours) head it as plain lines."""
        menu, on = self.menu, self.handlers
        menu.clear()
        for text in states:
            if text:
                line = menu.addAction(text)
                line.setEnabled(False)
        header = menu.addAction(self.tr("Latest alerts"))
        header.setEnabled(False)
        if not snapshot.latest:
            empty = menu.addAction(self.tr("No alerts yet"))
            empty.setEnabled(False)
        stories: dict[int, list[Alert]] = {}
        for alert in snapshot.latest:
            stories.setdefault(alert.story, []).append(alert)
        for group in stories.values():
            menu.addAction(self._alert_action(group))
        menu.addSeparator()
        menu.addAction(self.tr("Open inbox"), lambda: on.open_window(0))
        health = self.tr("Source health")
        if snapshot.failing:
            health = self.tr("Source health (%n failing)", "", len(snapshot.failing))
        menu.addAction(health, lambda: on.open_window(1))
        menu.addAction(self.tr("Export briefing\u2026"), on.export_briefing)
        menu.addAction(self.tr("Import watchlists\u2026"), on.import_watchlists)
        menu.addAction(self.tr("Export watchlists\u2026"), on.export_watchlists)
        menu.addAction(self.tr("Edit watchlists\u2026"), lambda: on.open_window(2))
        menu.addAction(self.tr("Refresh now"), on.refresh)
        pause = menu.addMenu(self.tr("Pause alerts") if not paused else self.tr("Alerts paused"))
        pause.addAction(self.tr("For 1 hour"), lambda: on.pause(timedelta(hours=1), False))
        pause.addAction(self.tr("Until tomorrow"), lambda: on.pause(None, True))
        resume = pause.addAction(self.tr("Resume"), lambda: on.pause(timedelta(0), False))
        resume.setEnabled(paused)
        menu.addSeparator()
        menu.addAction(self.tr("Settings\u2026"), on.settings)
        menu.addAction(self.tr("Copy diagnostics"), on.diagnostics)
        menu.addAction(self.tr("About Stakewatch"), on.about)
        if on.reset_demo is not None:
            menu.addAction(self.tr("Reset demo\u2026"), on.reset_demo)
        menu.addAction(self.tr("Quit Stakewatch"), on.quit)

    def _alert_action(self, group: list[Alert]) -> QAction:
        """One menu entry per story: its entities, its title; statements marked."""
        lead = min(group, key=lambda a: a.kind != AlertKind.STATEMENT)
        entities = self.tr(", ").join(dict.fromkeys(a.entity_label for a in group))  # Japanese: 、
        label = f"{KIND_MARKERS.get(lead.kind, '')}{entities}: {lead.title}"
        if len(label) > LABEL_LIMIT:
            label = label[:LABEL_LIMIT - 1] + "\u2026"
        action = QAction(label.replace("&", "&&"), self.menu)
        action.setToolTip(lead.url)
        action.setData(lead.url)
        action.triggered.connect(lambda _=False, url=lead.url: self.handlers.open_original(url))
        return action
