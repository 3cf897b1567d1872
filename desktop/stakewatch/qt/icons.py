"""The tray icon for each state, drawn from the bundled SVG. GUI thread only."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPainterPath, QPixmap
from PySide6.QtSvg import QSvgRenderer

from ..core.paths import resource
from ..core.states import TrayState

SIZES = (16, 22, 24, 32, 48, 64)
STATES = tuple(TrayState)


def _base(size: int, dim: bool) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if dim:
        painter.setOpacity(0.45)
    QSvgRenderer(str(resource("icons", "stakewatch.svg"))).render(painter, QRectF(0, 0, size, size))
    painter.end()
    return pixmap


def _badge(painter: QPainter, size: int, colour: str, text: str = "") -> None:
    diameter = size * (0.62 if text else 0.42)
    rect = QRectF(size - diameter, 0, diameter, diameter)
    painter.setPen(QColor("white"))
    painter.setBrush(QColor(colour))
    painter.drawEllipse(rect)
    if text:
        font = QFont()
        font.setBold(True)
        font.setPixelSize(max(6, int(diameter * (0.62 if len(text) < 2 else 0.5))))
        painter.setFont(font)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)


def state_pixmap(state: str, count: int = 0, size: int = 64) -> QPixmap:
    """The icon for `state`; `count` shows as a badge when there are new alerts."""
    pixmap = _base(size, dim=state == TrayState.PAUSED)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if state == TrayState.ALERTS and count:
        _badge(painter, size, "#d62828", str(count) if count < 100 else "99+")
    elif state == TrayState.FAILING:
        path = QPainterPath()
        s = size * 0.45
        path.moveTo(size - s / 2, size - s)
        path.lineTo(size, size)
        path.lineTo(size - s, size)
        path.closeSubpath()
        painter.setPen(QColor("white"))
        painter.setBrush(QColor("#f77f00"))
        painter.drawPath(path)
    elif state == "polling":
        _badge(painter, size, "#3a86ff")
    elif state == "paused":
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#495057"))
        bar = size * 0.12
        painter.drawRect(QRectF(size * 0.62, size * 0.6, bar, size * 0.36))
        painter.drawRect(QRectF(size * 0.82, size * 0.6, bar, size * 0.36))
    painter.end()
    return pixmap


def state_icon(state: str, count: int = 0) -> QIcon:
    icon = QIcon()
    for size in SIZES:
        icon.addPixmap(state_pixmap(state, count, size))
    return icon


def app_icon() -> QIcon:
    return QIcon(str(resource("icons", "stakewatch.svg")))
