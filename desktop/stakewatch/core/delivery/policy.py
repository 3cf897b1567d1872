"""Which new alerts become notifications, and when.

Pure: `decide` takes the cycle's new alerts, what was notified before, the
persisted PolicyState, the configuration and the time, and returns the
notifications to show now and the next state. Any thread; never raises on any
alert text.

Rules, in order: muted entities and watchlists and a new source's backlog
(items already a day old when first seen) only fill the inbox; a story is
never notified twice; the alerts of one story make one notification naming
every entity in it; while paused or in quiet hours everything is queued, except
priority entities during quiet hours, and the queue comes out as one digest
when the quiet ends; past the rate limit (6 in 10 minutes) alerts wait in the
same queue; statements and priority entities come first; three or
more notifications at once (or more than the rate limit allows) become one
digest that opens the inbox.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, time, timedelta, tzinfo
from typing import Any

from ..i18n import translate
from ..model import Alert, SourceHealth
from ..model.values import Notification as Notification
from ..platform.links import safe_link as safe_link
from ..states import AlertKind, HealthStatus
from ..text import plain
from .offline import offline_notice

STATEMENT_BY = translate("Notification", "Statement by {entities}")
STATEMENT_ALSO = translate("Notification", "Statement by {entities} (also {others})")
COVERAGE_OF = translate("Notification", "Coverage: {entities}")
PRIORITY = translate("Notification", "Priority \u00b7 {head}")
LIST_SEPARATOR = translate("Notification", ", ")
DIGEST_TITLE = translate("Notification", "{n} new: {summary}")
DIGEST_COUNT = translate("Notification", "{entity} ({n})")
DIGEST_MORE = translate("Notification", "+{n} more")
DIGEST_BODY = translate("Notification", "{statements} {statements:?statement|statements}, {coverage} coverage")
WHILE_QUIET = translate("Notification", "while quiet")
SOURCE_FAILING = translate("Notification", "Source failing: {source}")
SOURCES_FAILING = translate("Notification", "{n} sources failing")
OFFLINE_TITLE = translate("Notification", "This computer seems to be offline")
SOURCES_BACK = translate("Notification", "{n:?Source|Sources} back: {sources}")
ANSWERING_AGAIN = translate("Notification", "Answering normally again.")
TITLE_LIMIT = 120
BODY_LIMIT = 300
BAD_STATUSES = frozenset({HealthStatus.FAILING, HealthStatus.BACKING_OFF})


@dataclass(frozen=True)
class PolicyConfig:
    digest_threshold: int = 3
    quiet_start: time | None = None
    quiet_end: time | None = None
    backlog_age: timedelta = timedelta(days=1)
    rate_limit: int = 6
    rate_window: timedelta = timedelta(minutes=10)
    timezone: tzinfo | None = None


@dataclass(frozen=True)
class PolicyState:
    queued: tuple[int, ...] = ()
    recent: tuple[datetime, ...] = ()
    paused_until: datetime | None = None

    def to_json(self) -> dict[str, Any]:
        return {"queued": list(self.queued), "recent": [t.isoformat() for t in self.recent],
                "paused_until": self.paused_until.isoformat() if self.paused_until else None}

    @classmethod
    def from_json(cls, data: Any) -> PolicyState:
        if not isinstance(data, dict):
            return cls()
        try:
            paused = data.get("paused_until")
            return cls(queued=tuple(int(i) for i in data.get("queued", [])),
                       recent=tuple(datetime.fromisoformat(t) for t in data.get("recent", [])),
                       paused_until=datetime.fromisoformat(paused) if paused else None)
        except (TypeError, ValueError):
            return cls()


@dataclass
class Decision:
    notifications: list[Notification] = field(default_factory=list)
    state: PolicyState = field(default_factory=PolicyState)
    delivered: list[int] = field(default_factory=list)
    silent: list[int] = field(default_factory=list)


def clean(text: str, limit: int) -> str:
    """Feed text made fit for a notification: one plain line, control characters gone, capped."""
    return plain(text.replace("\n", " "), limit)


def in_quiet_hours(now: datetime, config: PolicyConfig) -> bool:
    if config.quiet_start is None or config.quiet_end is None or config.quiet_start == config.quiet_end:
        return False
    local = now.astimezone(config.timezone).time() if config.timezone else now.astimezone().time()
    start, end = config.quiet_start, config.quiet_end
    return start <= local < end if start < end else local >= start or local < end


def _is_backlog(alert: Alert, config: PolicyConfig) -> bool:
    return alert.found - alert.published > config.backlog_age


def _rank(group: Sequence[Alert]) -> tuple[int, int, float]:
    return (0 if any(a.priority for a in group) else 1,
            0 if any(a.kind == AlertKind.STATEMENT for a in group) else 1,
            -max(a.published for a in group).timestamp())


def story_notification(group: Sequence[Alert]) -> Notification:
    """One notification for the alerts of one story, naming every entity in it in the reader's language."""
    lead = min(group, key=lambda a: (a.kind != AlertKind.STATEMENT, not a.priority))
    entities = list(dict.fromkeys(a.entity_label for a in sorted(group, key=lambda a: a.kind != AlertKind.STATEMENT)))
    statement = [a.entity_label for a in group if a.kind == AlertKind.STATEMENT]
    priority = any(a.priority for a in group)
    if statement:
        others = [e for e in entities if e not in statement]
        names = LIST_SEPARATOR.render().join(dict.fromkeys(statement))
        head = (STATEMENT_ALSO(entities=names, others=LIST_SEPARATOR.render().join(others)) if others
                else STATEMENT_BY(entities=names)).render()
    else:
        head = COVERAGE_OF(entities=LIST_SEPARATOR.render().join(entities)).render()
    if priority:
        head = PRIORITY(head=head).render()
    sources = list(dict.fromkeys(s for a in group for s in a.sources)) or [lead.source]
    body = clean(lead.title, BODY_LIMIT - 60) + "\n" + clean(" \u00b7 ".join(sources[:3]), 60)
    return Notification(title=clean(head, TITLE_LIMIT), body=body, url=safe_link(lead.url),
                        alert_ids=tuple(a.id for a in group),
                        urgency="critical" if priority else "normal")


DIGEST_TITLES = 3


def digest_notification(alerts: Sequence[Alert], reason: str = "") -> Notification:
    """'5 new: Minoru Kiuchi (2), Sora 2 (3)' naming the first titles, opening the inbox.

    Counts are in brackets so that a name ending in a number ("Sora 2") never
    reads as part of the count.
    """
    counts = Counter(a.entity_label for a in alerts)
    order = list(dict.fromkeys(a.entity_label for a in alerts))
    summary = LIST_SEPARATOR.render().join(DIGEST_COUNT(entity=entity, n=counts[entity]).render() for entity in order)
    statements = sum(1 for a in alerts if a.kind == AlertKind.STATEMENT)
    titles = list(dict.fromkeys(plain(a.title) for a in sorted(alerts, key=lambda a: a.kind != AlertKind.STATEMENT)))
    lines = [f"\u2022 {clean(title, 90)}" for title in titles[:DIGEST_TITLES]]
    if len(titles) > DIGEST_TITLES:
        lines.append(DIGEST_MORE(n=len(titles) - DIGEST_TITLES).render())
    body = DIGEST_BODY(statements=statements, coverage=len(alerts) - statements).render()
    if reason:
        body += " \u00b7 " + reason
    lines.append(body)
    body = "\n".join(lines)
    title = DIGEST_TITLE(n=len(alerts), summary=summary).render()
    return Notification(title=clean(title, TITLE_LIMIT), body=body,
                        url=None, alert_ids=tuple(a.id for a in alerts), opens_inbox=True,
                        urgency="critical" if any(a.priority for a in alerts) else "normal",
                        kind="digest")


def _groups(alerts: Iterable[Alert]) -> list[list[Alert]]:
    by_story: dict[int, list[Alert]] = {}
    for alert in alerts:
        by_story.setdefault(alert.story, []).append(alert)
    return sorted(by_story.values(), key=_rank)


def decide(new: Sequence[Alert], queued: Sequence[Alert], notified_stories: set[int],
           muted: set[tuple[str, str]], state: PolicyState, config: PolicyConfig,
           now: datetime) -> Decision:
    """Notifications for this moment.

    `new`: alerts created since the last decision; `queued`: the alerts of
    `state.queued`; `notified_stories`: stories already notified; `muted`:
    (watchlist, entity) pairs, with entity "*" for a whole watchlist.
    """
    decision = Decision()
    paused = state.paused_until is not None and now < state.paused_until
    quiet = in_quiet_hours(now, config)
    hold = paused or quiet
    candidates: list[Alert] = []
    queued_ids = {alert.id for alert in queued}
    for alert in list(queued) + [a for a in new if a.id not in queued_ids]:
        if (alert.watchlist, alert.entity) in muted or (alert.watchlist, "*") in muted \
                or alert.story in notified_stories:
            decision.silent.append(alert.id)
        elif alert.id in queued_ids or not _is_backlog(alert, config):
            candidates.append(alert)
        else:
            decision.silent.append(alert.id)
    recent = tuple(t for t in state.recent if now - t < config.rate_window)
    room = max(0, config.rate_limit - len(recent))
    show: list[list[Alert]] = []
    keep: list[int] = []
    for group in _groups(candidates):
        urgent = any(a.priority for a in group)
        if paused or (not urgent and (quiet or room == 0)):
            keep += [a.id for a in group]
        else:
            show.append(group)
    released = bool(queued) and not hold
    if len(show) >= config.digest_threshold or (room and len(show) > room) or \
            (released and len(show) > 1):
        flat = [a for group in show for a in group]
        reason = WHILE_QUIET.render() if released else ""
        decision.notifications.append(digest_notification(flat, reason))
    else:
        decision.notifications += [story_notification(group) for group in show]
    decision.delivered = [a.id for group in show for a in group]
    decision.state = replace(state, queued=tuple(keep),
                             recent=recent + (now,) * len(decision.notifications),
                             paused_until=state.paused_until if paused else None)
    return decision


def health_notifications(previous: dict[str, str], current: Sequence[SourceHealth]) -> list[Notification]:
    """One quiet notice when sources turn bad (when every source fails the same way: that the
    computer seems offline, not a list of identical failures, and that only once), and one when they
    recover."""
    turned_bad = [h for h in current if h.status in BAD_STATUSES and previous.get(h.name) not in BAD_STATUSES
                  and h.name in previous]
    recovered = [h for h in current if h.status == HealthStatus.OK and previous.get(h.name) in BAD_STATUSES]
    notices: list[Notification] = []
    offline = offline_notice(current, lead=False) if turned_bad else None
    quiet = {HealthStatus.NEW, HealthStatus.DISABLED, *BAD_STATUSES}
    if offline is not None and any(status in BAD_STATUSES for status in previous.values()) and \
            all(status in quiet for status in previous.values()):
        offline, turned_bad = None, []  # said when the last working source failed; one more adds nothing
    if offline is not None:
        notices.append(Notification(title=clean(OFFLINE_TITLE.render(), TITLE_LIMIT),
                                    body=clean(offline.render(), BODY_LIMIT), url=None,
                                    opens_inbox=True, urgency="low", kind="health"))
    elif len(turned_bad) == 1:
        source = turned_bad[0]
        notices.append(Notification(title=clean(SOURCE_FAILING(source=source.name).render(), TITLE_LIMIT),
                                    body=clean(source.error, BODY_LIMIT), url=None,
                                    opens_inbox=True, urgency="low", kind="health", source=source.name))
    elif turned_bad:
        notices.append(Notification(
            title=clean(SOURCES_FAILING(n=len(turned_bad)).render(), TITLE_LIMIT),
            body=clean(LIST_SEPARATOR.render().join(h.name for h in turned_bad), BODY_LIMIT), url=None,
            opens_inbox=True, urgency="low", kind="health"))
    if recovered:
        notices.append(Notification(
            title=clean(SOURCES_BACK(n=len(recovered),
                                     sources=LIST_SEPARATOR.render().join(h.name for h in recovered)).render(),
                        TITLE_LIMIT),
            body=ANSWERING_AGAIN.render(), url=None, opens_inbox=True, urgency="low",
            kind="health"))
    return notices


PAGE_EDITED = translate("Pages", "Statement edited: {entity}")
PAGE_REMOVED = translate("Pages", "Statement removed: {entity}")
PAGES_CHANGED = translate("Pages", "{n} {n:?statement page|statement pages} changed ({edited} edited, "
                                   "{removed} removed)")
PAGE_EDITED_BODY = translate("Pages", "{title}\nThe page's text changed since it was archived.")
PAGE_REMOVED_BODY = translate("Pages", "{title}\nThe page is gone; the archived text is kept.")


def page_notification(alert: Alert, change: str) -> Notification:
    """One quiet notice for a statement page edited or removed; an edit opens the page."""
    title = clean(alert.title, BODY_LIMIT - 80)
    if change == "edited":
        return Notification(title=clean(str(PAGE_EDITED(entity=alert.entity_label)), TITLE_LIMIT),
                            body=str(PAGE_EDITED_BODY(title=title)), url=safe_link(alert.url),
                            alert_ids=(alert.id,), urgency="low", kind="page")
    return Notification(title=clean(str(PAGE_REMOVED(entity=alert.entity_label)), TITLE_LIMIT),
                        body=str(PAGE_REMOVED_BODY(title=title)), url=None, alert_ids=(alert.id,),
                        opens_inbox=True, urgency="low", kind="page")


def page_notifications(changes: Sequence[tuple[Alert, str]], muted: set[tuple[str, str]],
                       state: PolicyState, config: PolicyConfig, now: datetime) -> list[Notification]:
    """Notices for statement pages that changed: none while paused or for muted entities; past the
    digest threshold, one notice that opens the inbox."""
    if state.paused_until is not None and now < state.paused_until:
        return []
    shown = [(a, change) for a, change in changes
             if (a.watchlist, a.entity) not in muted and (a.watchlist, "*") not in muted]
    if len(shown) >= config.digest_threshold:
        edited = sum(1 for _, change in shown if change == "edited")
        return [Notification(
            title=clean(str(PAGES_CHANGED(n=len(shown), edited=edited, removed=len(shown) - edited)), TITLE_LIMIT),
            body=clean(", ".join(dict.fromkeys(a.entity_label for a, _ in shown)), BODY_LIMIT), url=None,
            alert_ids=tuple(a.id for a, _ in shown), opens_inbox=True, urgency="low", kind="page")]
    return [page_notification(alert, change) for alert, change in shown]
