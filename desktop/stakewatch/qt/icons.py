"""The tray icon for each state, drawn from the bundled SVG. GUI thread only."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPainterPath, QPixmap
from PySide6.QtSvg import QSvgRenderer

from ..core import resource
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


def _failing(painter: QPainter, size: int) -> None:
    path = QPainterPath()
    s = size * 0.45
    path.moveTo(size - s / 2, size - s)
    path.lineTo(size, size)
    path.lineTo(size - s, size)
    path.closeSubpath()
    painter.setPen(QColor("white"))
    painter.setBrush(QColor("#f77f00"))
    painter.drawPath(path)


def _paused(painter: QPainter, size: int) -> None:
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#495057"))
    bar = size * 0.12
    painter.drawRect(QRectF(size * 0.04, size * 0.6, bar, size * 0.36))
    painter.drawRect(QRectF(size * 0.24, size * 0.6, bar, size * 0.36))


def _quiet(painter: QPainter, size: int) -> None:
    """A crescent moon, bottom left: quiet hours hold notifications."""
    moon = QPainterPath()
    moon.addEllipse(QRectF(0, size * 0.56, size * 0.42, size * 0.42))
    bite = QPainterPath()
    bite.addEllipse(QRectF(size * 0.14, size * 0.5, size * 0.38, size * 0.38))
    painter.setPen(QColor("white"))
    painter.setBrush(QColor("#5f3dc4"))
    painter.drawPath(moon.subtracted(bite))


def tray_pixmap(unread: int = 0, failing: bool = False, polling: bool = False, paused: bool = False,
                quiet: bool = False, size: int = 64) -> QPixmap:
    """Every state at once: unread count (red badge, top right), failing sources (orange corner),
    a poll running (blue dot, top left), paused (dimmed, bars) or quiet hours (moon), bottom left."""
    pixmap = _base(size, dim=paused)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if unread:
        _badge(painter, size, "#d62828", str(unread) if unread < 100 else "99+")
    if failing:
        _failing(painter, size)
    if polling:
        diameter = size * 0.36
        painter.setPen(QColor("white"))
        painter.setBrush(QColor("#3a86ff"))
        painter.drawEllipse(QRectF(0, 0, diameter, diameter))
    if paused:
        _paused(painter, size)
    elif quiet:
        _quiet(painter, size)
    painter.end()
    return pixmap


def state_pixmap(state: str, count: int = 0, size: int = 64) -> QPixmap:
    """The icon for one named state; `count` shows as the unread badge in the "alerts" state."""
    return tray_pixmap(unread=count if state == "alerts" else 0, failing=state == "failing",
                       polling=state == "polling", paused=state == "paused", size=size)


def state_icon(state: str, count: int = 0) -> QIcon:
    icon = QIcon()
    for size in SIZES:
        icon.addPixmap(state_pixmap(state, count, size))
    return icon


def tray_icon(unread: int = 0, failing: bool = False, polling: bool = False, paused: bool = False,
              quiet: bool = False) -> QIcon:
    icon = QIcon()
    for size in SIZES:
        icon.addPixmap(tray_pixmap(unread, failing, polling, paused, quiet, size))
    return icon


def app_icon() -> QIcon:
    return QIcon(str(resource("icons", "stakewatch.svg")))
