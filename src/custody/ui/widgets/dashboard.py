"""The supervisor dashboard: bar charts (samples by month, by port of seizure, by status) drawn
with QPainter, and the list of shipments not yet reconciled.

The figures are aggregates over every sample (~150 ms at 1,000,000 samples, linear in them), so
they are read off the GUI thread (`custody.ui.tasks`), the first time the dashboard is shown
and on Refresh; the charts keep the previous figures until the new ones arrive.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QLocale, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from custody.context import AppContext
from custody.domain.enums import SampleStatus, ShipmentStatus
from custody.errors import CustodyError
from custody.services import dashboard
from custody.services.dashboard import Dashboard
from custody.ui.error_text import error_text
from custody.ui.labels import status_label
from custody.ui.models.shipment_table import shipment_status_label
from custody.ui.tasks import Progress, Task, run_task

_NO_DIALOG_MS = 2**31 - 1  # the "Loading…" line says it; no progress dialog


def month_label(month: str) -> str:
    """A month ("2026-11") as a short two-line axis label in the user's language ("Nov\n26"):
    narrow enough for twelve bars side by side."""
    name = QLocale().monthName(int(month[5:7]), QLocale.FormatType.ShortFormat)
    return f"{name}\n{month[2:4]}"


def _status_text(status: str) -> str:
    """A sample status as shown (its stored value if this version does not know it)."""
    try:
        return status_label(SampleStatus(status))
    except ValueError:
        return status


def _shipment_status_text(status: str) -> str:
    try:
        return shipment_status_label(ShipmentStatus(status))
    except ValueError:
        return status


def _duration(seconds: int) -> str:
    """A clock's jump, roughly: "3 h 5 min", "2 d 4 h"."""
    days, rest = divmod(seconds, 86_400)
    hours, rest = divmod(rest, 3_600)
    minutes = rest // 60
    parts = [(days, "d"), (hours, "h"), (minutes, "min")]
    shown = [f"{n} {unit}" for n, unit in parts if n][:2]
    return " ".join(shown) or f"{seconds} s"


class BarChart(QWidget):
    """Vertical bars with their count above and their label below; `label` turns a bar's key
    (what `bars()` returns) into the text shown."""

    def __init__(
        self, parent: QWidget | None = None, *, label: Callable[[str], str] | None = None
    ) -> None:
        super().__init__(parent)
        self._bars: list[tuple[str, int]] = []
        self._label = label
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
            labels = [self._label(key) if self._label is not None else key for key, _ in self._bars]
            rows = max((label.count("\n") + 1 for label in labels), default=1)
            area = QRectF(self.rect()).adjusted(4, line + 4, -4, -(line * rows + 6))
            if not self._bars or area.width() <= 0 or area.height() <= 0:
                return
            top = max(n for _, n in self._bars) or 1
            slot = area.width() / len(self._bars)
            for i, ((_key, count), label) in enumerate(zip(self._bars, labels, strict=True)):
                height = area.height() * count / top
                x = area.left() + i * slot
                bar = QRectF(x + slot * 0.15, area.bottom() - height, slot * 0.7, height)
                painter.fillRect(bar, palette.color(QPalette.ColorRole.Highlight))
                painter.setPen(palette.color(QPalette.ColorRole.WindowText))
                above = QRectF(x, bar.top() - line - 2, slot, line)
                painter.drawText(above, Qt.AlignmentFlag.AlignCenter, str(count))
                for row, part in enumerate(label.split("\n")):
                    below = QRectF(x, area.bottom() + 4 + row * line, slot, line)
                    text = metrics.elidedText(part, Qt.TextElideMode.ElideRight, int(slot))
                    painter.drawText(below, Qt.AlignmentFlag.AlignCenter, text)
        finally:
            painter.end()


class DashboardWidget(QWidget):
    """Read-only figures for supervisors and auditors; Refresh re-reads them."""

    loaded = Signal()  # new figures are on screen
    load_failed = Signal(str)  # why they could not be read (also shown in the widget)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.data: Dashboard | None = None
        self._task: Task | None = None
        self._stale = True  # read the figures when next shown
        self.by_month = BarChart()
        self.by_month.setObjectName("dashboardByMonth")
        self.by_port = BarChart()
        self.by_port.setObjectName("dashboardByPort")
        self.by_status = BarChart(label=_status_text)
        self.by_status.setObjectName("dashboardByStatus")
        self.pending = QListWidget()
        self.pending.setObjectName("dashboardPending")
        self.clock_box = QGroupBox(self.tr("The clock went back"))
        self.clock_box.setObjectName("dashboardClock")
        self.clock_box.setStyleSheet("QGroupBox#dashboardClock { color: #b00020; }")
        self.clock_list = QListWidget()
        self.clock_list.setObjectName("dashboardClockList")
        # a few lines are enough: the charts keep their room (the journal has them all)
        self.clock_list.setMaximumHeight(self.clock_list.fontMetrics().height() * 5 + 8)
        clock_layout = QVBoxLayout(self.clock_box)
        clock_note = QLabel(
            self.tr(
                "These journal entries carry an earlier time than the entry before them. The "
                "journal's order (its entry number) is still right; check the workstation's "
                "clock and time zone, and note it in the case file."
            )
        )
        clock_note.setWordWrap(True)
        clock_layout.addWidget(clock_note)
        clock_layout.addWidget(self.clock_list)
        self.clock_box.setVisible(False)
        self.message_label = QLabel()
        self.message_label.setObjectName("dashboardMessage")
        self.message_label.setWordWrap(True)
        self.refresh_button = QPushButton(self.tr("&Refresh"))
        self.refresh_button.setObjectName("dashboardRefresh")
        self.refresh_button.clicked.connect(self._on_refresh_button_clicked)

        grid = QGridLayout()
        grid.addWidget(self._box(self.tr("Samples registered by month"), self.by_month), 0, 0, 1, 2)
        grid.addWidget(self._box(self.tr("Samples by port of seizure"), self.by_port), 1, 0)
        grid.addWidget(self._box(self.tr("Samples by status"), self.by_status), 1, 1)
        grid.addWidget(self._box(self.tr("Pending shipments"), self.pending), 0, 2, 2, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message_label, 1)
        bottom.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.clock_box)
        layout.addLayout(grid)
        layout.addLayout(bottom)

    def _box(self, title: str, content: QWidget) -> QGroupBox:
        box = QGroupBox(title)
        QVBoxLayout(box).addWidget(content)
        return box

    @property
    def loading(self) -> bool:
        """True while the figures are being read."""
        return self._task is not None

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Re-read the figures from the database, off the GUI thread (`loaded` when shown)."""
        if self._task is not None:
            return
        self._stale = False
        ctx, actor = self._ctx, self._ctx.actor

        def read(_progress: Progress) -> Dashboard:
            return ctx.query(dashboard.dashboard, actor=actor)

        self.message_label.setText(self.tr("Loading the figures…"))
        self.refresh_button.setEnabled(False)
        self._task = run_task(
            self,
            self.tr("Dashboard"),
            read,
            self._on_task_done,
            self._on_task_failed,
            on_cancelled=self._on_task_cancelled,
            show_after_ms=_NO_DIALOG_MS,
        )

    def _on_task_done(self, data: Dashboard) -> None:
        self._task = None
        self.refresh_button.setEnabled(True)
        self.message_label.clear()
        self.show_figures(data)
        self.loaded.emit()

    def _on_task_failed(self, error: CustodyError) -> None:
        self._task = None
        self.refresh_button.setEnabled(True)
        message = error_text(error)
        self.message_label.setText(message)
        self.load_failed.emit(message)

    def _on_task_cancelled(self) -> None:
        self._task = None
        self.refresh_button.setEnabled(True)
        self.message_label.clear()

    def show_figures(self, data: Dashboard) -> None:
        self.data = data
        self.by_month.set_bars([(month_label(m), n) for m, n in data.by_month])
        self.by_port.set_bars(data.by_port)
        self.by_status.set_bars(data.by_status)
        self.pending.clear()
        for shipment in data.pending:
            status = _shipment_status_text(shipment.status)
            self.pending.addItem(f"{shipment.manifest_number} — {status}")
        if not data.pending:
            self.pending.addItem(self.tr("No shipment is waiting to be reconciled."))
        self.clock_list.clear()
        for warning in data.clock_warnings:
            self.clock_list.addItem(
                self.tr("Entry {seq} on {workstation}: {behind} behind the entry before it").format(
                    seq=warning.seq,
                    workstation=warning.workstation,
                    behind=_duration(warning.behind_seconds),
                )
            )
        self.clock_box.setVisible(bool(data.clock_warnings))

    def _on_refresh_button_clicked(self) -> None:
        self.refresh()
