"""The last scans at the station, newest first, each with its outcome (mark and colour)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
)

from custody.ui.widgets.scan_card import Verdict

__all__ = ["VERDICT_ROLE", "ScanHistory"]

VERDICT_ROLE = Qt.ItemDataRole.UserRole
_MARKS = {Verdict.ACCEPTED: "✔", Verdict.WARNING: "⚠", Verdict.REFUSED: "✖", Verdict.IDLE: "·"}
_INK = {
    Verdict.ACCEPTED: "#1e6b34",
    Verdict.WARNING: "#8a5100",
    Verdict.REFUSED: "#b00020",
    Verdict.IDLE: "#424242",
}


class ScanHistory(QListWidget):
    def __init__(self, size: int = 50, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("scan_history")
        self.limit = size
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the scan field keeps the focus
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setWordWrap(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
        self.setAlternatingRowColors(True)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.setFont(font)

    def add(self, verdict: Verdict, headline: str, message: str, when: datetime) -> None:
        """Record one scan on top; the oldest falls off past `limit`."""
        text = f"{when:%H:%M:%S}  {_MARKS[verdict]}  {headline} — {message}"
        item = QListWidgetItem(text)
        item.setData(VERDICT_ROLE, verdict.value)
        item.setForeground(QBrush(QColor(_INK[verdict])))
        item.setToolTip(message)
        self.insertItem(0, item)
        while self.count() > self.limit:
            self.takeItem(self.count() - 1)

    def verdicts(self) -> list[Verdict]:
        """The outcomes shown, newest first."""
        return [Verdict(self.item(row).data(VERDICT_ROLE)) for row in range(self.count())]
