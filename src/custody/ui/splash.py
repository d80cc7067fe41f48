"""A splash shown while something slow happens before the first window (building a demo)."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QSplashScreen

from custody.ui.icon import app_icon


def busy_splash(message: str) -> QSplashScreen:
    """Show `message` next to the app icon now (events are processed once to paint it)."""
    pixmap = QPixmap(460, 120)
    pixmap.fill(QColor("white"))
    painter = QPainter(pixmap)
    painter.drawPixmap(24, 28, app_icon().pixmap(64, 64))
    painter.setPen(QColor("#1f3a5f"))
    title = QFont(painter.font())
    title.setPointSizeF(title.pointSizeF() * 1.6)
    title.setBold(True)
    painter.setFont(title)
    painter.drawText(QRect(108, 22, 340, 36), Qt.AlignmentFlag.AlignVCenter, "Custody")
    painter.setFont(QApplication.font())
    painter.setPen(QColor("#333333"))
    flags = Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
    painter.drawText(QRect(108, 62, 340, 50), int(flags), message)
    painter.end()
    splash = QSplashScreen(pixmap)
    splash.show()
    QApplication.processEvents()
    return splash
