"""What a cycle did: each source's outcome, what was skipped, the statement pages' report; what the
service decided about it (CycleResult) and what the tray shows (Snapshot)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from ..delivery.outbox import DeliveryReport
from ..model import Alert, SourceHealth
from ..model.values import Notification
from ..pages.cycle import PageCycle, PageReport


@dataclass(frozen=True)
class Outcome:
    """What happened to one source in a cycle."""

    source: str
    ok: bool
    error: str | None = None
    not_modified: bool = False
    new_items: int = 0
    new_alerts: tuple[int, ...] = ()
    elapsed: float = 0.0


@dataclass
class CycleReport:
    started: datetime
    finished: datetime | None = None
    outcomes: list[Outcome] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    pages: PageReport = field(default_factory=PageReport)
    cancelled: bool = False
    page_work: PageCycle | None = field(default=None, repr=False, compare=False)
    """The cycle's statement-page work (full texts fetched with the items), finished by the pipeline."""

    @property
    def new_alerts(self) -> list[int]:
        return [alert for outcome in self.outcomes for alert in outcome.new_alerts]

    @property
    def failures(self) -> list[Outcome]:
        return [outcome for outcome in self.outcomes if not outcome.ok]

    def summary(self) -> str:
        ok = [o for o in self.outcomes if o.ok]
        unchanged = sum(1 for o in ok if o.not_modified)
        parts = [f"polled {len(self.outcomes)} source{'s' * (len(self.outcomes) != 1)}: "
                 f"{len(ok)} ok ({unchanged} unchanged), {len(self.failures)} failing",
                 f"{sum(o.new_items for o in self.outcomes)} new items",
                 f"{len(self.new_alerts)} new alerts"]
        if self.skipped:
            parts.append(f"{len(self.skipped)} skipped")
        return "; ".join(parts)


@dataclass(frozen=True)
class Snapshot:
    """What the tray shows: the latest alerts and how the sources are doing."""

    latest: list[Alert] = field(default_factory=list)
    failing: list[str] = field(default_factory=list)
    sources: int = 0
    paused_until: datetime | None = None


@dataclass(frozen=True)
class CycleResult:
    """A finished cycle and what the service decided about it."""

    report: CycleReport
    notifications: list[Notification]
    health: list[SourceHealth]
    next_due: datetime | None
    snapshot: Snapshot
    shown: int = 0
    delivery: DeliveryReport | None = None
    """What the channels were sent on the cycle's own thread (`poll --once --notify`), if anything."""

    @property
    def new_alerts(self) -> list[int]:
        return self.report.new_alerts
