"""Tables that fit the terminal, and the alert and source tables every command prints.

No line is wider than the terminal; cells are plain text (no terminal control or bidi character);
Stakewatch's own text (errors, reasons) is also cut free of secrets. Any thread.
"""

from __future__ import annotations

import io
import os
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import TextIO

from ..core import CycleReport, Service, cycle_summary, date_time, plain, redact
from ..core.i18n import render, translate
from ..core.model import Alert, SourceHealth
from ..core.states import health_label, kind_label
from . import wording

NEVER = translate("Cli", "never")
NO_ALERTS = translate("Cli", "No alerts.")
NO_SOURCES_YET = translate("Cli", "No sources.")
ALERT_HEADERS = (translate("Cli", "Alert"), translate("Cli", "Published"), translate("Cli", "Kind"),
                 translate("Cli", "Entity"), translate("Cli", "Title"), translate("Cli", "Source"),
                 translate("Cli", "Link"))
SOURCE_HEADERS = (translate("Cli", "Source"), translate("Cli", "Status"), translate("Cli", "Last success"),
                  translate("Cli", "Failures"), translate("Cli", "Last error"))
RECORD = translate("Cli", "{kind} (record)")
FAILING_LINE = translate("Cli", "failing: {source}: {error}")
SKIPPED_LINE = translate("Cli", "skipped: {source}: {reason}")
PAGES_LINE = translate("Cli", "Statement pages: {archived} archived, {edited} edited, {removed} removed "
                              "({checked} re-checked).")


def _char_width(char: str) -> int:
    return 2 if char >= "\u1100" and unicodedata.east_asian_width(char) in "WF" else 1


def _width(text: str) -> int:
    return len(text) if text.isascii() else sum(_char_width(c) for c in text)


def cell(text: str) -> str:
    """A table cell: one line, no terminal control or bidi character."""
    return plain(text)


def safe_cell(text: str) -> str:
    """A cell of Stakewatch's own text (errors, reasons): also without secrets or userinfo."""
    return plain(redact(text))


def _fit(text: str, width: int, pad: bool = True, squeeze: bool = True) -> str:
    """`text` on one line in `width` columns: its beginning kept, an ellipsis where it was cut; reads no
    further into `text` than the width needs. `squeeze` folds runs of white space (feed text); a finished
    table line keeps its padding."""
    if squeeze:
        text = " ".join(text.split())
    if text.isascii() and len(text) <= width:
        return text + " " * (width - len(text)) if pad else text
    out: list[str] = []
    used = 0
    for char in text:
        step = _char_width(char)
        if used + step > width:
            break
        out.append(char)
        used += step
    else:
        return text + " " * (width - used) if pad else text
    while out and used > width - 1:
        used -= _char_width(out.pop())
    cut = "".join(out) + "\u2026" if width > 0 else ""
    return cut + " " * max(0, width - used - 1) if pad else cut


def terminal_width() -> int | None:
    """The width to fit: COLUMNS, else the terminal's; None (no limit) when writing to a pipe or file."""
    columns = os.environ.get("COLUMNS", "").strip()
    if columns.isdigit() and int(columns) > 0:
        return max(20, int(columns))
    try:
        return max(20, os.get_terminal_size(sys.stdout.fileno()).columns)
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        return None


def fit_line(text: str, total: int | None) -> str:
    return text if total is None else _fit(text, total, pad=False, squeeze=False)


def table(rows: Sequence[Sequence[str]], headers: Sequence[str], flexible: int,
          shrink: Sequence[tuple[int, int]] = (), below: Sequence[int] = (), minimum: int = 20,
          total: int | None = None) -> str:
    """A plain-text table that fits the terminal: no line is wider than it.

    Columns in `shrink` give up width first, in order, down to their minimum
    (`flexible` among them where it should give way before others). If that
    is still too wide, the columns in `below` move to an indented line under
    each row; then column `flexible` (whose beginning is always kept) gives
    way down to `minimum`, and as a last resort the other columns are cut too.
    Written to a pipe or a file (no terminal, no COLUMNS), nothing is cut.
    """
    total = total or terminal_width()
    rows = [[cell(c) for c in r] for r in rows]
    columns = list(range(len(headers)))
    widths = [max([_width(h)] + [_width(r[i]) for r in rows]) for i, h in enumerate(headers)]
    if total is None:
        return "\n".join("  ".join(_fit(c, w) for c, w in zip(r, widths, strict=True)).rstrip()
                         for r in [headers, *rows])

    natural = list(widths)

    def used(cols: list[int]) -> int:
        return sum(widths[i] for i in cols) + 2 * (len(cols) - 1)

    def shrink_to_fit(cols: list[int], last: bool) -> None:
        widths[:] = natural
        for column, least in shrink:
            excess = used(cols) - total
            if column == flexible and last:
                least = minimum
            if excess > 0 and column in cols:
                widths[column] = max(min(least, natural[column]), widths[column] - excess)
        if last:
            excess = used(cols) - total
            widths[flexible] = max(min(minimum, widths[flexible]), widths[flexible] - max(0, excess))

    shrink_to_fit(columns, last=not below)
    if used(columns) > total and below:
        columns = [i for i in columns if i not in below]
        shrink_to_fit(columns, last=True)
    while used(columns) > total:
        widest = max((i for i in columns if i != flexible), key=lambda i: widths[i])
        if widths[widest] <= 4:
            break
        widths[widest] -= 1

    width = total

    def line(cells: Sequence[str]) -> str:
        return _fit("  ".join(_fit(cells[i], widths[i]) for i in columns).rstrip(), width, pad=False, squeeze=False)

    lines = [line(headers)]
    for row in rows:
        lines.append(line(row))
        if below and below[0] not in columns:
            cells = "  ".join(" ".join(row[i].split()) for i in below)
            lines.append(_fit("    " + cells, width, pad=False, squeeze=False))
    return "\n".join(lines)


def local_time(moment: datetime | None) -> str:
    """A moment in local time as the windows write it (2025-10-10 14:03; 2025年10月10日 14:03)."""
    return date_time(moment.astimezone()) if moment else str(NEVER)


STREAM_WIDTHS = (6, 16, 9, 24, 0, 20)
TITLE_COLUMN = 4


def _alert_row(alert: Alert) -> tuple[str, ...]:
    kind = render(kind_label(alert.kind))
    marks = ("\u2691 " if alert.flagged else "") + ("\u270e " if alert.note else "")
    more = f" +{len(alert.sources) - 1}" if len(alert.sources) > 1 else ""
    return (str(alert.id), local_time(alert.published), str(RECORD(kind=kind)) if alert.record else kind,
            alert.entity_label, marks + alert.title, alert.source + more, alert.url)


def format_alerts(alerts: Sequence[Alert]) -> str:
    if not alerts:
        return str(NO_ALERTS)
    return table([_alert_row(a) for a in alerts], [str(h) for h in ALERT_HEADERS], flexible=TITLE_COLUMN,
                 shrink=((6, 24), (5, 14), (4, 50), (3, 12)), below=(5, 6), minimum=24)


def stream_alerts(alerts: Iterable[Alert], out: TextIO) -> int:
    """Alerts as table lines written as they come (fixed column widths, every line cut to the
    terminal, the title's beginning kept); the count. For lists too long to lay out at once."""
    limit = terminal_width()
    widths = list(STREAM_WIDTHS)
    widths[1] = max(widths[1], wording.width(local_time(datetime(2026, 12, 31, 23, 59, tzinfo=UTC))))
    widths[TITLE_COLUMN] = max(20, (limit or 120) - sum(widths) - 2 * len(widths) - 30)
    count = 0
    for alert in alerts:
        if count == 0:
            headers = [str(h) for h in ALERT_HEADERS]
            line = "  ".join(_fit(h, w) for h, w in zip(headers, widths, strict=False)) + "  " + headers[-1]
            out.write(fit_line(line, limit) + "\n")
        row = [cell(c) for c in _alert_row(alert)]
        line = "  ".join(_fit(c, w) for c, w in zip(row, widths, strict=False)) + "  " + row[-1]
        out.write(fit_line(line, limit) + "\n")
        count += 1
    if count == 0:
        out.write(f"{NO_ALERTS}\n")
    return count


def format_sources(health: Sequence[SourceHealth]) -> str:
    if not health:
        return str(NO_SOURCES_YET)
    rows = [(h.name, render(health_label(h.status)), local_time(h.last_success), str(h.consecutive_failures),
             safe_cell(h.error or render(h.note))) for h in health]
    return table(rows, [str(h) for h in SOURCE_HEADERS], flexible=4, shrink=((0, 16),), minimum=16)


def format_report(report: CycleReport, service: Service) -> str:
    lines = wording.wrap(str(cycle_summary(report)), terminal_width() or 10**6)
    offline = service.sources.offline_notice(service.sources.health()) if len(report.failures) > 1 else None
    if offline is not None:
        lines += ["  " + line for line in wording.wrap(safe_cell(render(offline)), (terminal_width() or 10**6) - 2)]
    for outcome in report.failures if offline is None else ():
        error = safe_cell(render(outcome.error))
        lines.append(fit_line("  " + str(FAILING_LINE(source=cell(outcome.source), error=error)), terminal_width()))
    for name, reason in report.skipped:
        if reason != "not due yet":
            lines.append(fit_line("  " + str(SKIPPED_LINE(source=cell(name), reason=safe_cell(render(reason)))),
                                  terminal_width()))
    pages = report.pages
    if pages.archived or pages.changes:
        edited = sum(1 for c in pages.changes if c.change == "edited")
        lines.append(str(PAGES_LINE(archived=len(pages.archived), edited=edited,
                                    removed=len(pages.changes) - edited, checked=pages.checked)))
    if report.new_alerts:
        lines.append(format_alerts(service.inbox.alerts(ids=report.new_alerts)))
    return "\n".join(lines)
