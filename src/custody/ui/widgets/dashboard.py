"""The supervisor dashboard: bar charts (samples by month, by port of seizure, by status) drawn
with QPainter, and the list of shipments not yet reconciled."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from custody.context import AppContext
from custody.services import dashboard
from custody.services.dashboard import Dashboard


def month_label(month: str) -> str:
    """A month ("2026-11") as a short axis label in the user's language ("Nov 26")."""
    name = QLocale().monthName(int(month[5:7]), QLocale.FormatType.ShortFormat)
    return f"{name} {month[2:4]}"


class BarChart(QWidget):
    """Vertical bars with their count above and their label below."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bars: list[tuple[str, int]] = []
        self.setMinimumSize(QSize(260, 160))

    def bars(self) -> list[tuple[str, int]]:
        return list(self._bars)

    def set_bars(self, bars: list[tuple[str, int]]) -> None:
        self._bars = list(bars)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            palette = self.palette()
            metrics = painter.fontMetrics()
            line = metrics.height()
            area = QRectF(self.rect()).adjusted(4, line + 4, -4, -(line + 6))
            if not self._bars or area.width() <= 0 or area.height() <= 0:
                return
            top = max(n for _, n in self._bars) or 1
            slot = area.width() / len(self._bars)
            for i, (label, count) in enumerate(self._bars):
                height = area.height() * count / top
                x = area.left() + i * slot
                bar = QRectF(x + slot * 0.15, area.bottom() - height, slot * 0.7, height)
                painter.fillRect(bar, palette.color(QPalette.ColorRole.Highlight))
                painter.setPen(palette.color(QPalette.ColorRole.WindowText))
                above = QRectF(x, bar.top() - line - 2, slot, line)
                painter.drawText(above, Qt.AlignmentFlag.AlignCenter, str(count))
                below = QRectF(x, area.bottom() + 4, slot, line)
                text = metrics.elidedText(label, Qt.TextElideMode.ElideRight, int(slot))
                painter.drawText(below, Qt.AlignmentFlag.AlignCenter, text)
        finally:
            painter.end()


class DashboardWidget(QWidget):
    """Read-only figures for supervisors and auditors; Refresh re-reads them."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.data: Dashboard | None = None
        self.by_month = BarChart()
        self.by_month.setObjectName("dashboardByMonth")
        self.by_port = BarChart()
        self.by_port.setObjectName("dashboardByPort")
        self.by_status = BarChart()
        self.by_status.setObjectName("dashboardByStatus")
        self.pending = QListWidget()
        self.pending.setObjectName("dashboardPending")
        self.refresh_button = QPushButton(self.tr("&Refresh"))
        self.refresh_button.setObjectName("dashboardRefresh")
        self.refresh_button.clicked.connect(self._on_refresh_button_clicked)

        grid = QGridLayout()
        grid.addWidget(self._box(self.tr("Samples registered by month"), self.by_month), 0, 0, 1, 2)
        grid.addWidget(self._box(self.tr("Samples by port of seizure"), self.by_port), 1, 0)
        grid.addWidget(self._box(self.tr("Samples by status"), self.by_status), 1, 1)
        grid.addWidget(self._box(self.tr("Pending shipments"), self.pending), 0, 2, 2, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.refresh_button, 0, Qt.AlignmentFlag.AlignRight)
        self.refresh()

    def _box(self, title: str, content: QWidget) -> QGroupBox:
        box = QGroupBox(title)
        QVBoxLayout(box).addWidget(content)
        return box

    def refresh(self) -> None:
        """Re-read the figures from the database."""
        data = self._ctx.query(dashboard.dashboard)
        self.data = data
        self.by_month.set_bars([(month_label(m), n) for m, n in data.by_month])
        self.by_port.set_bars(data.by_port)
        self.by_status.set_bars(data.by_status)
        self.pending.clear()
        for shipment in data.pending:
            self.pending.addItem(f"{shipment.manifest_number} — {shipment.status}")
        if not data.pending:
            self.pending.addItem(self.tr("No shipment is waiting to be reconciled."))

    def _on_refresh_button_clicked(self) -> None:
        self.refresh()
