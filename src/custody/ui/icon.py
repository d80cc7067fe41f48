"""The window icon, drawn in code: a sealed evidence bag with a chain link."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

_NAVY = QColor("#1f3a5f")
_SEAL = QColor("#c0392b")


def _draw(size: int) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(size / 64, size / 64)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(_NAVY)
    painter.drawRoundedRect(QRectF(4, 4, 56, 56), 10, 10)
    painter.setBrush(QColor("white"))
    bag = QPainterPath()
    bag.addRoundedRect(QRectF(16, 14, 32, 38), 3, 3)
    painter.drawPath(bag)
    painter.setBrush(_SEAL)
    painter.drawRect(QRectF(16, 20, 32, 6))  # the seal strip
    pen = QPen(_NAVY, 3.2)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawEllipse(QPointF(28, 39), 6, 4.5)  # two chain links
    painter.drawEllipse(QPointF(36, 39), 6, 4.5)
    painter.end()
    return pixmap


def app_icon() -> QIcon:
    """Needs a QGuiApplication."""
    icon = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256):
        icon.addPixmap(_draw(size))
    return icon
