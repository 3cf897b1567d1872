"""Drawing a Briefing into a PDF with QPdfWriter: cover, summary and chart, then the entries.

Any thread that may use QPainter on a QPdfWriter (a QGuiApplication must
exist). Feed text only ever enters the document escaped; only http(s) links
become link annotations. Raises UserError when the file cannot be written.
"""

from __future__ import annotations

import html
import itertools
import os
import re
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QPointF, QRectF, QSizeF, Qt
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

from ..core import BRIEFING_LIST as LIST
from ..core import (
    Briefing,
    Entry,
    TopStory,
    date_time,
    long_date,
    month_day,
    os_reason,
    plain,
    redact,
    resource,
    short_date,
)
from ..core.i18n import Message, render, translate
from ..core.model import UserError
from .flow import Block, Typesetter, draw_piece, paginate, slices

DPI = 96
HEADER = 34.0
FOOTER = 30.0
CHART_HEIGHT = 330.0
BRIEFING = translate("Briefing", "Briefing")
STATEMENTS = translate("Briefing", "Statements ({n})")
COVERAGE = translate("Briefing", "Coverage ({n} {n:?story|stories})")
NOTHING = translate("Briefing", "Nothing was found in this period.")
ENTITY = translate("Briefing", "Entity")
WATCHLIST = translate("Briefing", "Watchlist")
STATEMENTS_COLUMN = translate("Briefing", "Statements")
COVERAGE_COLUMN = translate("Briefing", "Coverage")
SOURCES_COLUMN = translate("Briefing", "Sources")
SOURCES_FAILING = translate("Briefing", "Sources failing")
ALL_ANSWERED = translate("Briefing", "All sources answered normally.")
SUMMARY = translate("Briefing", "Summary")
IN_PERIOD = translate("Briefing", "{n} {n:?alert|alerts} in the period.")
PAGE = translate("Briefing", "Page {number} of {total}")
GENERATED = translate("Briefing", "Generated {when} ({zone})")
WATCHLISTS = translate("Briefing", "Watchlists: {names}")
NONE = translate("Briefing", "none")
TOTALS = translate("Briefing", "{n} {n:?alert|alerts}: {statements} {statements:?statement|statements}, "
                               "{coverage} coverage")
FAILING_AT_END = translate("Briefing", "{n} {n:?source|sources} failing at the end of the period")
NO_ALERTS = translate("Briefing", "No alerts in this period")
CANNOT_WRITE = translate("Briefing", "cannot write {file}")
CANNOT_WRITE_BECAUSE = translate("Briefing", "cannot write {file}: {error}")
CONTINUED = translate("Briefing", "{heading} (continued)")
FLAGGED = translate("Briefing", "Flagged ({n})")
NOTE_LABEL = translate("Briefing", "Note")
TAGS_LABEL = translate("Briefing", "Tags")
NOT_LAID_OUT = translate("Briefing", "only {done} of {total} alerts could be laid out; nothing was written")
NOT_DRAWN = translate("Briefing", "{done} of {total} pages were drawn; nothing was written")
KEPT_PREVIOUS = translate("Briefing", "cannot write {file}: {problem}; the previous file was kept")


def _h(message: Message) -> str:
    return html.escape(message.render())


PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf",
           "#7f7f7f", "#bcbd22")
_FAMILIES: list[str] = []

RECORD = translate("Briefing", "Diet record (history, not news)")


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
    """An entry's time, sources, linked title, highlighted snippet and page mark (its quote comes apart)."""
    title = html.escape(entry.title)
    if entry.url:
        title = f'<a href="{html.escape(entry.url, quote=True)}">{title}</a>'
    sources = html.escape(LIST.render().join(entry.sources))
    when = date_time(entry.time)
    if entry.record:
        when += " \u00b7 " + html.escape(str(RECORD))
    snippet = highlight(entry.snippet, entry.matched)
    if snippet.strip():
        snippet = f'<p style="margin-top:0; margin-left:12px; color:#333">{snippet}</p>'
    return (f'<p style="margin-top:0; margin-bottom:0"><span style="color:#555">{when} \u00b7 '
            f"{sources}</span><br/>{title}</p>{snippet}{page_mark_html(entry)}")


def page_mark_html(entry: Entry) -> str:
    """An edited or removed statement marked."""
    note = {"edited": QCoreApplication.translate("Briefing", "Edited at the source after it was archived"),
            "removed": QCoreApplication.translate("Briefing", "Removed from the source; archived text below")
            }.get(entry.page or "")
    return f'<p style="margin-top:0; margin-left:12px; color:#b3261e"><b>{html.escape(note)}</b></p>' if note else ""


def _line_blocks(lines: Sequence[str], group: int, style: str, label: str = "") -> list[Block]:
    """Lines of text (a quote, a note) one block each, so that a long one can go on over a page."""
    blocks = []
    for number, line in enumerate(lines):
        lead = label if number == 0 else ""
        blocks.append(Block(f'<p style="margin:0; {style}">{lead}{html.escape(line) or "&nbsp;"}</p>',
                            group=group, before=0, after=0))
    return blocks


def entry_blocks(entry: Entry, group: int, lead: str = "", entries: int = 0, continued: str = "") -> list[Block]:
    """An entry, then the archived text's lines: one group, on one page where it fits on one."""
    blocks = [Block(lead + _entry_html(entry), group=group, entries=entries, continued=continued)]
    if entry.quote:
        archived = QCoreApplication.translate("Briefing", "Archived text:")
        label = f"<i>{html.escape(archived)}</i><br/>"
        blocks += _line_blocks(entry.quote.split("\n"), group, "margin-left:24px; color:#444", label)
    return blocks


HEADING_SPACE = {1: (18.0, 8.0), 2: (14.0, 6.0), 3: (10.0, 4.0)}
TABLE_ROWS = 25
"""Rows of the summary table (and items of the failing list) in one block: a block fits on a page."""


def _heading(level: int, text: str) -> Block:
    before, after = HEADING_SPACE[level]
    return Block(f"<h{level}>{html.escape(text)}</h{level}>", keep_with_next=True, before=before, after=after)


def body_blocks(briefing: Briefing) -> list[Block]:
    """The entries of every watchlist and entity under headings that stay with them."""
    blocks: list[Block] = []
    groups = itertools.count(1)
    for watchlist in briefing.sections:
        blocks.append(_heading(1, watchlist.name))
        for entity in watchlist.entities:
            if not entity.statements and not entity.coverage:
                continue
            blocks.append(_heading(2, entity.name))
            for kind, entries in (("statements", entity.statements), ("coverage", entity.coverage)):
                if not entries:
                    continue
                heading = (STATEMENTS if kind == "statements" else COVERAGE)(n=len(entries)).render()
                blocks.append(_heading(3, heading))
                carried = f"<h3>{html.escape(CONTINUED(heading=f'{entity.name} · {heading}').render())}</h3>"
                for entry in entries:
                    blocks += entry_blocks(entry, next(groups), entries=1, continued=carried)
    if blocks:
        blocks[0] = replace(blocks[0], new_page=True)
    return blocks


def body_html(briefing: Briefing) -> str:
    if briefing.empty:
        return f"<p>{html.escape(NOTHING.render())}</p>"
    return "".join(block.markup for block in body_blocks(briefing))


def flagged_blocks(briefing: Briefing) -> list[Block]:
    """The alerts flagged for the briefing, with their notes and tags, before everything else."""
    if not briefing.flagged:
        return []
    blocks = [Block(f"<h1>{_h(FLAGGED(n=len(briefing.flagged)))}</h1>", keep_with_next=True, before=0, after=8)]
    for group, entry in enumerate(briefing.flagged, start=1):
        kind = STATEMENT if entry.kind == "statement" else COVER_COVERAGE
        lead = (f'<p style="margin-top:0; margin-bottom:0"><b>{html.escape(entry.entity)}</b>'
                f' <span style="color:#555">\u00b7 {_h(kind)}</span></p>')
        members = entry_blocks(entry, -group, lead)
        members[0] = replace(members[0], before=8)
        if entry.note:
            members += _line_blocks(entry.note.splitlines(), -group, "margin-left:12px; background:#fff6d6",
                                    f"<b>{_h(NOTE_LABEL)}:</b> ")
        if entry.tags:
            members.append(Block(f'<p style="margin-top:0; margin-left:12px; color:#555">{_h(TAGS_LABEL)}: '
                                 f"{html.escape(LIST.render().join(entry.tags))}</p>", group=-group, before=0))
        blocks += members
    return blocks


def flagged_html(briefing: Briefing) -> str:
    return "".join(block.markup for block in flagged_blocks(briefing))


def summary_blocks(briefing: Briefing) -> list[Block]:
    """The summary: its heading and count, the table of entities (a long one in parts, each with its
    header row), the sources failing."""
    header = (f'<tr style="background:#e8eef6"><th align="left">{_h(ENTITY)}</th>'
              f'<th align="left">{_h(WATCHLIST)}</th><th align="right">{_h(STATEMENTS_COLUMN)}</th>'
              f'<th align="right">{_h(COVERAGE_COLUMN)}</th><th align="right">{_h(SOURCES_COLUMN)}</th></tr>')
    rows = [f"<tr><td>{html.escape(r.entity)}</td><td>{html.escape(r.watchlist)}</td>"
            f'<td align="right">{r.statements}</td><td align="right">{r.coverage}</td>'
            f'<td align="right">{r.sources}</td></tr>' for r in briefing.summary]
    blocks = [Block(f"<h1>{_h(SUMMARY)}</h1><p>{_h(IN_PERIOD(n=briefing.total))}</p>", keep_with_next=True,
                    before=18, after=8)]
    for start in range(0, max(len(rows), 1), TABLE_ROWS):
        blocks.append(Block('<table width="100%" cellspacing="0" cellpadding="4" border="1" '
                            f'style="border-color:#bbb">{header}{"".join(rows[start:start + TABLE_ROWS])}</table>',
                            before=0 if start else 6))
    failing = [f"<li><b>{html.escape(plain(name))}</b>: {html.escape(plain(redact(reason)))}</li>"
               for name, reason in briefing.failing]
    if not failing:
        return [*blocks, Block(f"<p>{_h(ALL_ANSWERED)}</p>", before=12)]
    blocks.append(Block(f"<h3>{_h(SOURCES_FAILING)}</h3>", keep_with_next=True, before=12, after=4))
    blocks += [Block(f"<ul>{''.join(failing[start:start + TABLE_ROWS])}</ul>", before=0)
               for start in range(0, len(failing), TABLE_ROWS)]
    return blocks


def summary_html(briefing: Briefing) -> str:
    return "".join(block.markup for block in summary_blocks(briefing))


STYLE = ("h1 { font-size: 17pt; color: #1f3a5f; } h2 { font-size: 13pt; } "
         "h3 { font-size: 10.5pt; color: #444; } a { color: #0b57d0; }")


def _document(markup: str, width: float, height: float) -> QTextDocument:
    document = QTextDocument()
    document.setDefaultFont(body_font())
    document.setDefaultStyleSheet(STYLE)
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
            period = f"{short_date(self.briefing.start)} \u2013 {short_date(self.briefing.end)}"
            p.drawText(QRectF(0, 0, self.width, HEADER - 10), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
                       f"{self.briefing.title} \u00b7 {period}")
            p.drawLine(QPointF(0, HEADER - 6), QPointF(self.width, HEADER - 6))
        p.drawText(QRectF(0, self.height - FOOTER + 8, self.width, FOOTER - 8),
                   Qt.AlignmentFlag.AlignCenter, PAGE(number=self.number, total=self.total).render())
        p.restore()


CHART_TITLE = translate("Briefing", "Alerts per day, one panel per entity (same scale, highest day: {peak})")
TOP_STORIES = translate("Briefing", "Top stories of the period")
COVER_ALERTS = translate("Briefing", "alerts")
CARRIED = translate("Briefing", "carried by {n} {n:?source|sources}")
COVER_COVERAGE = translate("Briefing", "coverage")
ACTIVE = translate("Briefing", "entities in the news")
FAILING = translate("Briefing", "sources failing")
STATEMENT = translate("Briefing", "statement")
COVER_STATEMENTS = translate("Briefing", "statements")
STORIES = translate("Briefing", "stories")


def _headline_numbers(briefing: Briefing) -> list[tuple[str, str]]:
    statements = sum(r.statements for r in briefing.summary)
    coverage = sum(r.coverage for r in briefing.summary)
    active = sum(1 for r in briefing.summary if r.statements + r.coverage)
    return [(str(briefing.total), str(COVER_ALERTS)), (str(statements), str(COVER_STATEMENTS)),
            (str(coverage), str(COVER_COVERAGE)), (str(briefing.stories), str(STORIES)),
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
               f"{long_date(briefing.start)} \u2013 {long_date(briefing.end)}")
    p.setFont(body_font(9))
    p.drawText(QRectF(28, 100, pages.width - 56, 20), Qt.AlignmentFlag.AlignLeft,
               str(WATCHLISTS(names=LIST.render().join(briefing.watchlists) or "\u2014")) + " \u00b7 "
               + str(GENERATED(when=date_time(briefing.generated), zone=briefing.timezone)))
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
    kind = str(STATEMENT) if story.statement else str(COVER_COVERAGE)
    carried = str(CARRIED(n=story.sources))
    names = LIST.render().join(story.entities)
    meta = html.escape(f"{date_time(story.time)} \u00b7 {names} \u00b7 {kind} \u00b7 {carried}")
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
                             Qt.AlignmentFlag.AlignLeft, month_day(days[0]))
            painter.drawText(QRectF(plot.center().x(), plot.bottom() + 1, plot.width() / 2, 12),
                             Qt.AlignmentFlag.AlignRight, month_day(days[-1]))
    if not briefing.series:
        painter.drawText(QRectF(area.left(), area.top() + 26, area.width(), 40), Qt.AlignmentFlag.AlignCenter,
                         str(NO_ALERTS))
    painter.restore()


def render_pdf(briefing: Briefing, path: Path, page: str = "A4") -> int:
    """Write the briefing to `path`; the number of pages."""
    writer = QPdfWriter(str(path))
    writer.setTitle(f"{briefing.title} {short_date(briefing.start)} \u2013 {short_date(briefing.end)}")
    writer.setCreator("Stakewatch")
    writer.setResolution(DPI)
    size = QPageSize(QPageSize.PageSizeId.Letter if page.lower() == "letter" else QPageSize.PageSizeId.A4)
    writer.setPageLayout(QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF(16, 14, 16, 14),
                                     QPageLayout.Unit.Millimeter))
    painter = QPainter()
    if not painter.begin(writer):
        raise UserError(BRIEFING, CANNOT_WRITE(file=str(path)))
    try:
        layout = writer.pageLayout().paintRectPixels(DPI)
        width, height = float(layout.width()), float(layout.height()) - HEADER - FOOTER
        body = [] if briefing.empty else body_blocks(briefing)
        laid_out = sum(block.entries for block in body)
        if laid_out != briefing.total:
            raise UserError(BRIEFING, NOT_LAID_OUT(done=laid_out, total=briefing.total))
        chart = chart_height(briefing)
        blocks = [*flagged_blocks(briefing), *summary_blocks(briefing), Block("", drawn=chart), *body]
        typesetter = Typesetter(width, body_font(), STYLE)

        def size_of(index: int) -> float:
            return blocks[index].drawn or typesetter.height(blocks[index].markup)

        def cut(index: int, first: float) -> list[tuple[float, float]]:
            markup = blocks[index].markup
            return slices(typesetter.lines(markup), typesetter.height(markup), height, first)

        plan = paginate(blocks, size_of, height, cut, typesetter.height)
        total = 1 + len(plan)
        pages = _Pages(writer, painter, briefing, total)
        _cover(pages, briefing)
        for shown in plan:
            pages.new_page()
            for piece in shown:
                block = blocks[piece.block] if piece.block >= 0 else None
                top = pages.content.top() + piece.y
                if block is not None and block.drawn:
                    draw_chart(painter, QRectF(0, top + 8, width, chart - 16), briefing)
                else:
                    draw_piece(painter, typesetter.set(block.markup if block is not None else piece.markup),
                               piece, top)
            pages.furniture()
        if pages.number != total:
            raise UserError(BRIEFING, NOT_DRAWN(done=pages.number, total=total))
        drawn = pages.number
    finally:
        ended = painter.end()
    if not ended:
        raise UserError(BRIEFING, CANNOT_WRITE(file=str(path)))
    return drawn


def ensure_gui_application() -> None:
    """QPdfWriter needs a QGuiApplication; make an offscreen one where none exists. Main thread."""
    import os
    import sys

    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a PDF needs no display, and a broken one must not abort
        _APP.append(QGuiApplication(sys.argv[:1]))


_APP: list[object] = []


def check_pdf(path: Path) -> str | None:
    """None when `path` holds a whole PDF (header, end marker, fully on disk), else what is wrong."""
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
            handle.seek(0, 2)
            size = handle.tell()
            handle.seek(max(0, size - 1024))
            tail = handle.read()
            os.fsync(handle.fileno())
    except OSError as exc:
        return render(os_reason(exc))
    if size == 0:
        return "nothing was written (is the disk full?)"
    if not head.startswith(b"%PDF-") or b"%%EOF" not in tail:
        return "the file was cut short (is the disk full?)"
    return None


def write_briefing(briefing: Briefing, path: Path, page: str = "A4") -> int:
    """Render to a temporary file beside `path`, check it is a whole PDF, then move it into place;
    a failure leaves any previous file at `path` as it was. Raises UserError."""
    temporary = path.with_name(path.name + ".partial")
    try:
        pages = render_pdf(briefing, temporary, page)
        problem = check_pdf(temporary)
        if problem is not None:
            raise UserError(BRIEFING, KEPT_PREVIOUS(file=str(path), problem=problem))
        temporary.replace(path)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise UserError(BRIEFING, CANNOT_WRITE_BECAUSE(file=str(path), error=os_reason(exc))) from exc
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return pages
