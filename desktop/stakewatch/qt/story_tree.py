"""Stories first: a tree of stories (entity chips, sources, read state) that expand to their alerts.

GUI thread only. Reads go through the window's own Store connection, a page of
stories at a time (service.inbox.story_page). Feed text is set as plain text
only; chips are painted, never markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

from ..core import InboxQuery, Service, StoryRow, date_time
from ..core.model import Alert
from .workers import serving

PAGE = 200
AnyIndex = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()
PUBLISHED, ENTITIES, TITLE, SOURCES = range(4)
CHIPS_ROLE = Qt.ItemDataRole.UserRole + 1
ALERT_IDS_ROLE = Qt.ItemDataRole.UserRole + 2
STATEMENT_COLOUR = QColor("#1f5fbf")
COVERAGE_COLOUR = QColor("#6b7280")


@dataclass
class _Node:
    story: StoryRow
    alerts: list[Alert] | None = None


def _when(row: StoryRow | Alert) -> str:
    return date_time(row.published.astimezone())


class StoryModel(QAbstractItemModel):
    """Stories matching an InboxQuery, a page at a time; each story's alerts load when it is expanded.

    Internal ids: 0 for a story row, story index + 1 for the alert rows under that story.
    """

    def __init__(self, service: Service | Any) -> None:
        super().__init__()
        self.service = service = serving(service)
        self.query = InboxQuery()
        self.nodes: list[_Node] = []
        self.total = 0

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Published"), self.tr("Entities"), self.tr("Title"), self.tr("Sources"))

    def set_query(self, query: InboxQuery) -> None:
        self.beginResetModel()
        self.query = query
        self.total, rows = self.service.inbox.story_page(query, 0, PAGE)
        self.nodes = [_Node(r) for r in rows]
        self.endResetModel()

    def reload(self) -> None:
        self.set_query(self.query)

    # structure ------------------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: AnyIndex = ROOT) -> QModelIndex:
        if not parent.isValid():
            return self.createIndex(row, column, 0) if 0 <= row < len(self.nodes) else QModelIndex()
        if parent.internalId() != 0:
            return QModelIndex()
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: AnyIndex = ROOT) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(int(index.internalId()) - 1, 0, 0)

    def _alerts(self, node: _Node) -> list[Alert]:
        if node.alerts is None:
            node.alerts = sorted(self.service.inbox.alerts(ids=list(node.story.alerts)),
                                 key=lambda a: (a.kind != "statement", a.entity))
        return node.alerts

    def story_alerts(self, row: int) -> list[Alert]:
        """The alerts of the story in `row` (read once, when first asked)."""
        return self._alerts(self.nodes[row])

    def rowCount(self, parent: AnyIndex = ROOT) -> int:  # noqa: N802
        if not parent.isValid():
            return len(self.nodes)
        if parent.internalId() != 0 or parent.column() != 0:
            return 0
        return len(self._alerts(self.nodes[parent.row()]))

    def hasChildren(self, parent: AnyIndex = ROOT) -> bool:  # noqa: N802
        if not parent.isValid():
            return bool(self.nodes)
        return parent.internalId() == 0 and bool(self.nodes[parent.row()].story.alerts)

    def columnCount(self, parent: AnyIndex = ROOT) -> int:  # noqa: N802
        return 4

    def canFetchMore(self, parent: AnyIndex = ROOT) -> bool:  # noqa: N802
        return not parent.isValid() and len(self.nodes) < self.total

    def fetchMore(self, parent: AnyIndex = ROOT) -> None:  # noqa: N802
        if parent.isValid():
            return
        _total, more = self.service.inbox.story_page(self.query, len(self.nodes), PAGE)
        if not more:
            self.total = len(self.nodes)
            return
        self.beginInsertRows(QModelIndex(), len(self.nodes), len(self.nodes) + len(more) - 1)
        self.nodes.extend(_Node(r) for r in more)
        self.endInsertRows()

    # content --------------------------------------------------------------------------------------

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def story_at(self, index: AnyIndex) -> StoryRow | None:
        if not index.isValid():
            return None
        row = index.row() if index.internalId() == 0 else int(index.internalId()) - 1
        return self.nodes[row].story if 0 <= row < len(self.nodes) else None

    def alert_at(self, index: AnyIndex) -> Alert | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        alerts = self._alerts(self.nodes[int(index.internalId()) - 1])
        return alerts[index.row()] if 0 <= index.row() < len(alerts) else None

    def alert_ids(self, index: AnyIndex) -> list[int]:
        """The alerts a row stands for: every alert of a story, or the one alert."""
        alert = self.alert_at(index)
        if alert is not None:
            return [alert.id]
        story = self.story_at(index)
        return list(story.alerts) if story else []

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = index.column()
        alert = self.alert_at(index)
        if alert is not None:
            return self._alert_data(alert, column, role)
        story = self.story_at(index)
        if story is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if column == PUBLISHED:
                return _when(story)
            if column == ENTITIES:
                return ", ".join(story.label(name) for name in story.entities)
            if column == TITLE:
                return ("\u2691 " if story.flagged else "") + story.title
            return story.sources[0] + (f" +{len(story.sources) - 1}" if len(story.sources) > 1 else "") \
                if story.sources else ""
        if role == CHIPS_ROLE and column == ENTITIES:
            return [(story.label(name), story.kinds.get(name) == "statement") for name in story.entities]
        if role == Qt.ItemDataRole.FontRole and not story.read:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == SOURCES:
                return "\n".join(story.sources)
            if column == TITLE:
                return "\n".join([story.url, *story.notes])
            if column == ENTITIES:
                return "\n".join(f"{story.label(name)}: {self._kind(story.kinds.get(name, ''))}"
                                 for name in story.entities)
        if role == ALERT_IDS_ROLE:
            return list(story.alerts)
        return None

    def _kind(self, kind: str) -> str:
        return self.tr("statement") if kind == "statement" else self.tr("coverage")

    def _alert_data(self, alert: Alert, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == PUBLISHED:
                return self._kind(alert.kind)
            if column == ENTITIES:
                return alert.entity_label
            if column == TITLE:
                marks = ("\u2691 " if alert.flagged else "") + "".join(f"#{t} " for t in alert.tags)
                return marks + (alert.note or alert.title)
            return ", ".join(alert.sources)
        if role == CHIPS_ROLE and column == ENTITIES:
            return [(alert.entity_label, alert.kind == "statement")]
        if role == Qt.ItemDataRole.FontRole and not alert.read:
            font = QFont()
            font.setBold(True)
            return font
        if role == ALERT_IDS_ROLE:
            return [alert.id]
        return None


class ChipsDelegate(QStyledItemDelegate):
    """Entities as rounded chips: filled for an entity's own statement, outlined for coverage."""

    PAD = 6
    GAP = 4

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        chips = index.data(CHIPS_ROLE)
        if not chips:
            super().paint(painter, option, index)
            return
        widget = option.widget  # type: ignore[attr-defined]
        style = widget.style() if widget else None
        if style is not None:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, widget)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont(option.font)  # type: ignore[attr-defined]
        font.setPointSizeF(max(font.pointSizeF() * 0.9, 7.0))
        painter.setFont(font)
        metrics = QFontMetrics(font)
        rect = option.rect  # type: ignore[attr-defined]
        x = float(rect.left() + 2)
        height = float(metrics.height() + 2)
        top = rect.top() + (rect.height() - height) / 2
        selected = bool(option.state & QStyle.StateFlag.State_Selected)  # type: ignore[attr-defined]
        for name, statement in chips:
            width = float(metrics.horizontalAdvance(name) + 2 * self.PAD)
            if x + width > rect.right() - 2:
                painter.setPen(option.palette.color(QPalette.ColorRole.Text))  # type: ignore[attr-defined]
                painter.drawText(QRectF(x, top, rect.right() - x, height), Qt.AlignmentFlag.AlignVCenter, "\u2026")
                break
            chip = QRectF(x, top, width, height)
            colour = STATEMENT_COLOUR if statement else COVERAGE_COLOUR
            if statement:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(colour)
                painter.drawRoundedRect(chip, height / 2, height / 2)
                painter.setPen(QColor("white"))
            else:
                if selected:  # on the selection colour, an outline reads best in the selection's own text colour
                    colour = option.palette.color(QPalette.ColorRole.HighlightedText)  # type: ignore[attr-defined]
                painter.setPen(QPen(colour, 1.0))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(chip.adjusted(0.5, 0.5, -0.5, -0.5), height / 2, height / 2)
                painter.setPen(colour)
            painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, name)
            x += width + self.GAP
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:  # noqa: N802
        hint = super().sizeHint(option, index)
        return QSize(hint.width(), max(hint.height(), QFontMetrics(option.font).height() + 8))  # type: ignore[attr-defined]


class StoryView(QTreeView):
    """The story tree: Enter opens, the arrow keys expand and collapse, Tab leaves the view."""

    def __init__(self, model: StoryModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setItemDelegateForColumn(ENTITIES, ChipsDelegate(self))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setUniformRowHeights(True)
        self.setAllColumnsShowFocus(True)
        self.setTabKeyNavigation(False)
        self.setExpandsOnDoubleClick(False)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        bold = QFont(self.font())
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        longest = date_time(datetime(2026, 12, 31, 23, 59))
        header.resizeSection(PUBLISHED, metrics.horizontalAdvance(longest) + self.indentation() + 16)
        header.resizeSection(ENTITIES, metrics.horizontalAdvance("Minoru Kiuchi  OpenAI  Sora 2") + 48)
        header.resizeSection(SOURCES, metrics.horizontalAdvance("Digital Agency (demo)") + 16)

    def reload(self) -> None:
        """Re-read the stories, keeping the selected, current and expanded ones, alert rows inside an
        expanded story included (a note or a poll must not lose the user's place)."""
        model = self.model()
        assert isinstance(model, StoryModel)
        chosen: set[tuple[int, int | None]] = set()
        for index in self.selectionModel().selectedRows():
            story, alert = model.story_at(index), model.alert_at(index)
            if story is not None:
                chosen.add((story.story, alert.id if alert is not None else None))
        story, alert = model.story_at(self.currentIndex()), model.alert_at(self.currentIndex())
        current = (story.story, alert.id if alert is not None else None) if story is not None else None
        expanded = {node.story.story for row, node in enumerate(model.nodes) if self.isExpanded(model.index(row, 0))}
        model.reload()
        selection = self.selectionModel()
        flags = selection.SelectionFlag.Select | selection.SelectionFlag.Rows
        for row, node in enumerate(model.nodes):
            parent = model.index(row, 0)
            if node.story.story in expanded:
                self.expand(parent)
            places: list[tuple[tuple[int, int | None], QModelIndex]] = [((node.story.story, None), parent)]
            if node.story.story in expanded:
                places += [((node.story.story, child.id), model.index(n, 0, parent))
                           for n, child in enumerate(model.story_alerts(row))]
            for place, index in places:
                if place in chosen:
                    selection.select(index, flags)
                if place == current:
                    selection.setCurrentIndex(index, selection.SelectionFlag.NoUpdate)

    def selected_alert_ids(self) -> list[int]:
        model = self.model()
        assert isinstance(model, StoryModel)
        ids: list[int] = []
        for index in self.selectionModel().selectedRows():
            ids += [i for i in model.alert_ids(index) if i not in ids]
        return ids
