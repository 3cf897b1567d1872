"""Drawing a Briefing into a PDF with QPdfWriter: cover, summary and chart, then the entries.

Any thread that may use QPainter on a QPdfWriter (a QGuiApplication must
exist). Feed text only ever enters the document escaped; only http(s) links
become link annotations. Raises UserError when the file cannot be written.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextDocument,
)

from ..core.briefing import Briefing, Entry, TopStory
from ..core.i18n import translate
from ..core.model import UserError
from ..core.paths import resource

DPI = 96
HEADER = 34.0
FOOTER = 30.0
PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf",
           "#7f7f7f", "#bcbd22")
_FAMILIES: list[str] = []


def font_families() -> list[str]:
    """The families text is set in: the bundled Japanese font always among them, as fallback."""
    if not _FAMILIES:
        loaded = QFontDatabase.addApplicationFont(str(resource("fonts", "VL-Gothic-Regular.ttf")))
        bundled = QFontDatabase.applicationFontFamilies(loaded) if loaded >= 0 else []
        system = [f for f in ("DejaVu Sans", "Liberation Sans", "Arial", "Helvetica")
                  if f in QFontDatabase.families()]
        _FAMILIES.extend(system[:1] + list(bundled))
    return list(_FAMILIES)


def body_font(points: float = 9.5, bold: bool = False) -> QFont:
    font = QFont()
    font.setFamilies(font_families())
    font.setPointSizeF(points)
    font.setBold(bold)
    # no shaping means no ligatures, which would turn "file" into "ﬁle" for anyone
    # copying text out of the PDF (Latin and Japanese need no shaping)
    font.setStyleStrategy(QFont.StyleStrategy.PreferNoShaping)
    return font


def highlight(snippet: str, words: Sequence[str]) -> str:
    """The snippet as escaped HTML with the matched words in bold."""
    terms = sorted({w for w in words if w.strip()}, key=len, reverse=True)
    if not terms:
        return html.escape(snippet)
    pattern = re.compile("|".join(re.escape(t) for t in terms), re.IGNORECASE)
    out: list[str] = []
    last = 0
    for match in pattern.finditer(snippet):
        out.append(html.escape(snippet[last:match.start()]))
        out.append(f"<b>{html.escape(match.group())}</b>")
        last = match.end()
    out.append(html.escape(snippet[last:]))
    return "".join(out)


def _entry_html(entry: Entry) -> str:
    title = html.escape(entry.title)
    if entry.url:
        title = f'<a href="{html.escape(entry.url, quote=True)}">{title}</a>'
    sources = html.escape(", ".join(entry.sources))
    when = entry.time.strftime("%Y-%m-%d %H:%M")
    snippet = highlight(entry.snippet, entry.matched)
    return (f'<p style="margin-top:6px; margin-bottom:2px"><span style="color:#555">{when} \u00b7 '
            f"{sources}</span><br/>{title}</p>"
            f'<p style="margin-top:0; margin-left:12px; color:#333">{snippet}</p>')


def body_html(briefing: Briefing) -> str:
    parts: list[str] = []
    for watchlist in briefing.sections:
        parts.append(f"<h1>{html.escape(watchlist.name)}</h1>")
        for entity in watchlist.entities:
            if not entity.statements and not entity.coverage:
                continue
            parts.append(f"<h2>{html.escape(entity.name)}</h2>")
            if entity.statements:
                parts.append(f"<h3>Statements ({len(entity.statements)})</h3>")
                parts += [_entry_html(e) for e in entity.statements]
            if entity.coverage:
                count = len(entity.coverage)
                parts.append(f"<h3>Coverage ({count} {'story' if count == 1 else 'stories'})</h3>")
                parts += [_entry_html(e) for e in entity.coverage]
    if briefing.empty:
        parts.append("<p>Nothing was found in this period.</p>")
    return "".join(parts)


def summary_html(briefing: Briefing) -> str:
    rows = "".join(
        f"<tr><td>{html.escape(r.entity)}</td><td>{html.escape(r.watchlist)}</td>"
        f'<td align="right">{r.statements}</td><td align="right">{r.coverage}</td>'
        f'<td align="right">{r.sources}</td></tr>' for r in briefing.summary)
    table = ('<table width="100%" cellspacing="0" cellpadding="4" border="1" style="border-color:#bbb">'
             '<tr style="background:#e8eef6"><th align="left">Entity</th><th align="left">Watchlist</th>'
             '<th align="right">Statements</th><th align="right">Coverage</th><th align="right">Sources</th></tr>'
             f"{rows}</table>")
    failing = "".join(f"<li><b>{html.escape(name)}</b>: {html.escape(reason)}</li>"
                      for name, reason in briefing.failing)
    health = f"<h3>Sources failing</h3><ul>{failing}</ul>" if failing else \
        "<p>All sources answered normally.</p>"
    return f"<h1>Summary</h1><p>{briefing.total} alerts in the period.</p>{table}{health}"


def _document(markup: str, width: float, height: float) -> QTextDocument:
    document = QTextDocument()
    document.setDefaultFont(body_font())
    document.setDefaultStyleSheet("h1 { font-size: 17pt; color: #1f3a5f; } h2 { font-size: 13pt; } "
                                  "h3 { font-size: 10.5pt; color: #444; } a { color: #0b57d0; }")
    document.setHtml(markup)
    document.setTextWidth(width)
    document.setPageSize(QSizeF(width, height))
    return document


class _Pages:
    """Page furniture (running header, page numbers) around a content rectangle."""

    def __init__(self, writer: QPdfWriter, painter: QPainter, briefing: Briefing, total: int) -> None:
        self.writer, self.painter, self.briefing, self.total = writer, painter, briefing, total
        full = writer.pageLayout().paintRectPixels(DPI)
        self.width = float(full.width())
        self.height = float(full.height())
        self.content = QRectF(0, HEADER, self.width, self.height - HEADER - FOOTER)
        self.number = 1

    def new_page(self) -> None:
        self.writer.newPage()
        self.number += 1

    def furniture(self, header: bool = True) -> None:
        p = self.painter
        p.save()
        p.setFont(body_font(8))
        p.setPen(QColor("#666"))
        if header:
            period = f"{self.briefing.start:%Y-%m-%d} \u2013 {self.briefing.end:%Y-%m-%d}"
            p.drawText(QRectF(0, 0, self.width, HEADER - 10), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
                       f"{self.briefing.title} \u00b7 {period}")
            p.drawLine(QPointF(0, HEADER - 6), QPointF(self.width, HEADER - 6))
        p.drawText(QRectF(0, self.height - FOOTER + 8, self.width, FOOTER - 8),
                   Qt.AlignmentFlag.AlignCenter, f"Page {self.number} of {self.total}")
        p.restore()

    def draw_document_page(self, document: QTextDocument, index: int, top: float = 0.0) -> None:
        page_height = document.pageSize().height()
        self.painter.save()
        self.painter.translate(0, self.content.top() + top - index * page_height)
        document.drawContents(self.painter, QRectF(0, index * page_height, self.width, page_height))
        self.painter.restore()


CHART_TITLE = translate("BriefingPdf", "Alerts per day, one panel per entity (same scale, highest day: {peak})")
NO_ALERTS = translate("BriefingPdf", "No alerts in this period")
TOP_STORIES = translate("BriefingPdf", "Top stories of the period")
WATCHLISTS = translate("BriefingPdf", "Watchlists: {names}")
ALERTS = translate("BriefingPdf", "alerts")
CARRIED = translate("BriefingPdf", "carried by {n} {n:?source|sources}")
COVERAGE = translate("BriefingPdf", "coverage")
ACTIVE = translate("BriefingPdf", "entities in the news")
GENERATED = translate("BriefingPdf", "generated {when}")
FAILING = translate("BriefingPdf", "sources failing")
STATEMENT = translate("BriefingPdf", "statement")
STATEMENTS = translate("BriefingPdf", "statements")
STORIES = translate("BriefingPdf", "stories")
NOTHING = translate("BriefingPdf", "Nothing was found in this period.")


def _headline_numbers(briefing: Briefing) -> list[tuple[str, str]]:
    statements = sum(r.statements for r in briefing.summary)
    coverage = sum(r.coverage for r in briefing.summary)
    active = sum(1 for r in briefing.summary if r.statements + r.coverage)
    return [(str(briefing.total), str(ALERTS)), (str(statements), str(STATEMENTS)),
            (str(coverage), str(COVERAGE)), (str(briefing.stories), str(STORIES)),
            (f"{active}/{len(briefing.summary)}", str(ACTIVE)),
            (str(len(briefing.failing)), str(FAILING))]


def _cover(pages: _Pages, briefing: Briefing) -> None:
    """The period at a glance: headline numbers in tiles, then the most carried stories."""
    p = pages.painter
    p.save()
    p.fillRect(QRectF(0, 0, pages.width, 132), QColor("#1f3a5f"))
    p.setPen(QColor("white"))
    p.setFont(body_font(24, bold=True))
    p.drawText(QRectF(28, 22, pages.width - 56, 50), Qt.AlignmentFlag.AlignLeft, briefing.title)
    p.setFont(body_font(12))
    p.drawText(QRectF(28, 74, pages.width - 56, 24), Qt.AlignmentFlag.AlignLeft,
               f"{briefing.start:%Y-%m-%d} \u2013 {briefing.end:%Y-%m-%d}")
    p.setFont(body_font(9))
    p.drawText(QRectF(28, 100, pages.width - 56, 20), Qt.AlignmentFlag.AlignLeft,
               str(WATCHLISTS(names=", ".join(briefing.watchlists) or "\u2014")) + " \u00b7 "
               + str(GENERATED(when=f"{briefing.generated:%Y-%m-%d %H:%M} ({briefing.timezone})")))
    numbers = _headline_numbers(briefing)
    columns, gap, top = 3, 12.0, 156.0
    tile_w = (pages.width - (columns - 1) * gap) / columns
    tile_h = 64.0
    for index, (value, label) in enumerate(numbers):
        x = (index % columns) * (tile_w + gap)
        y = top + (index // columns) * (tile_h + gap)
        warn = label == str(FAILING) and value != "0"
        p.fillRect(QRectF(x, y, tile_w, tile_h), QColor("#fff4e6" if warn else "#eef3f9"))
        p.setPen(QColor("#c2410c" if warn else "#1f3a5f"))
        p.setFont(body_font(20, bold=True))
        p.drawText(QRectF(x + 12, y + 6, tile_w - 24, 32), Qt.AlignmentFlag.AlignLeft, value)
        p.setPen(QColor("#333"))
        p.setFont(body_font(9))
        p.drawText(QRectF(x + 12, y + 40, tile_w - 24, 18), Qt.AlignmentFlag.AlignLeft, label)
    y = top + 2 * (tile_h + gap) + 14
    p.setPen(QColor("#1f3a5f"))
    p.setFont(body_font(13, bold=True))
    p.drawText(QRectF(0, y, pages.width, 22), Qt.AlignmentFlag.AlignLeft, str(TOP_STORIES))
    p.restore()
    markup = "".join(_top_html(story) for story in briefing.top) or \
        f"<p>{html.escape(str(NOTHING))}</p>"
    document = _document(markup, pages.width, pages.height - y - 30 - FOOTER)
    p.save()
    p.translate(0, y + 28)
    document.drawContents(p, QRectF(0, 0, pages.width, pages.height - y - 30 - FOOTER))
    p.restore()
    pages.furniture(header=False)


def _top_html(story: TopStory) -> str:
    title = html.escape(story.title)
    if story.url:
        title = f'<a href="{html.escape(story.url, quote=True)}">{title}</a>'
    kind = str(STATEMENT) if story.statement else str(COVERAGE)
    carried = str(CARRIED(n=story.sources))
    meta = html.escape(f"{story.time:%Y-%m-%d %H:%M} \u00b7 {', '.join(story.entities)} \u00b7 {kind} \u00b7 {carried}")
    return (f'<p style="margin-top:4px; margin-bottom:8px"><b>{title}</b><br/>'
            f'<span style="color:#555">{meta}</span></p>')


PANEL_HEIGHT = 84.0
PANEL_COLUMNS = 3


def chart_height(briefing: Briefing) -> float:
    rows = max(1, -(-len(briefing.series) // PANEL_COLUMNS))
    return 30.0 + rows * (PANEL_HEIGHT + 10.0)


def chart_panels(briefing: Briefing, area: QRectF) -> list[tuple[str, QRectF]]:
    """One small panel per entity, in reading order: nothing is drawn over anything else."""
    gap = 10.0
    width = (area.width() - (PANEL_COLUMNS - 1) * gap) / PANEL_COLUMNS
    return [(entity, QRectF(area.left() + (n % PANEL_COLUMNS) * (width + gap),
                            area.top() + 26 + (n // PANEL_COLUMNS) * (PANEL_HEIGHT + gap), width, PANEL_HEIGHT))
            for n, entity in enumerate(briefing.series)]


def draw_chart(painter: QPainter, area: QRectF, briefing: Briefing) -> None:
    """Alerts per day as small multiples: one panel of bars per entity, all on the same scale."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setFont(body_font(9, bold=True))
    painter.setPen(QColor("#222"))
    peak = max([max(v) for v in briefing.series.values()] + [1])
    painter.drawText(QRectF(area.left(), area.top(), area.width(), 20), Qt.AlignmentFlag.AlignLeft,
                     str(CHART_TITLE(peak=peak)))
    days = briefing.days
    for number, (entity, panel) in enumerate(chart_panels(briefing, area)):
        values = briefing.series[entity]
        colour = QColor(PALETTE[number % len(PALETTE)])
        painter.setPen(QColor("#222"))
        painter.setFont(body_font(8, bold=True))
        painter.drawText(QRectF(panel.left(), panel.top(), panel.width() - 30, 14),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, entity)
        painter.setFont(body_font(7))
        painter.setPen(QColor("#555"))
        painter.drawText(QRectF(panel.right() - 30, panel.top(), 30, 14), Qt.AlignmentFlag.AlignRight,
                         str(sum(values)))
        plot = QRectF(panel.left(), panel.top() + 16, panel.width(), panel.height() - 30)
        painter.fillRect(plot, QColor("#f6f8fb"))
        slot = plot.width() / max(len(days), 1)
        bar = max(slot * 0.7, 0.8)
        for index, value in enumerate(values):
            if value:
                height = plot.height() * value / peak
                painter.fillRect(QRectF(plot.left() + index * slot + (slot - bar) / 2, plot.bottom() - height,
                                        bar, height), colour)
        painter.setPen(QPen(QColor("#999"), 0.6))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        if days:
            painter.setPen(QColor("#666"))
            painter.drawText(QRectF(plot.left(), plot.bottom() + 1, plot.width() / 2, 12),
                             Qt.AlignmentFlag.AlignLeft, days[0].strftime("%m-%d"))
            painter.drawText(QRectF(plot.center().x(), plot.bottom() + 1, plot.width() / 2, 12),
                             Qt.AlignmentFlag.AlignRight, days[-1].strftime("%m-%d"))
    if not briefing.series:
        painter.drawText(QRectF(area.left(), area.top() + 26, area.width(), 40), Qt.AlignmentFlag.AlignCenter,
                         str(NO_ALERTS))
    painter.restore()


def render_pdf(briefing: Briefing, path: Path, page: str = "A4") -> int:
    """Write the briefing to `path`; the number of pages."""
    writer = QPdfWriter(str(path))
    writer.setTitle(f"{briefing.title} {briefing.start:%Y-%m-%d} \u2013 {briefing.end:%Y-%m-%d}")
    writer.setCreator("Stakewatch")
    writer.setResolution(DPI)
    size = QPageSize(QPageSize.PageSizeId.Letter if page.lower() == "letter" else QPageSize.PageSizeId.A4)
    writer.setPageLayout(QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF(16, 14, 16, 14),
                                     QPageLayout.Unit.Millimeter))
    painter = QPainter()
    if not painter.begin(writer):
        raise UserError("Briefing", f"cannot write {path}")
    try:
        layout = writer.pageLayout().paintRectPixels(DPI)
        width, height = float(layout.width()), float(layout.height()) - HEADER - FOOTER
        summary = _document(summary_html(briefing), width, height)
        body = _document(body_html(briefing), width, height)
        summary_pages = summary.pageCount()
        used = summary.size().height() - (summary_pages - 1) * height
        chart = chart_height(briefing)
        chart_own_page = used + chart > height
        total = 1 + summary_pages + int(chart_own_page) + (body.pageCount() if not briefing.empty else 0)
        pages = _Pages(writer, painter, briefing, total)
        _cover(pages, briefing)
        for index in range(summary_pages):
            pages.new_page()
            pages.draw_document_page(summary, index)
            pages.furniture()
        if chart_own_page:
            pages.new_page()
            pages.furniture()
            used = 0.0
        draw_chart(painter, QRectF(0, pages.content.top() + used + 8, width, chart - 16), briefing)
        if not briefing.empty:
            for index in range(body.pageCount()):
                pages.new_page()
                pages.draw_document_page(body, index)
                pages.furniture()
        return pages.number
    finally:
        painter.end()


def ensure_gui_application() -> None:
    """QPdfWriter needs a QGuiApplication; make an offscreen one where none exists. Main thread."""
    import os
    import sys

    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a PDF needs no display, and a broken one must not abort
        _APP.append(QGuiApplication(sys.argv[:1]))


_APP: list[object] = []


def write_briefing(briefing: Briefing, path: Path, page: str = "A4") -> int:
    """Render to a temporary file beside `path`, then move it into place. Raises UserError."""
    temporary = path.with_name(path.name + ".partial")
    try:
        pages = render_pdf(briefing, temporary, page)
        temporary.replace(path)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise UserError("Briefing", f"cannot write {path}: {exc.strerror or exc}") from exc
    return pages
