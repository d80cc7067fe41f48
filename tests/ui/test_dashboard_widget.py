"""The dashboard shows the demo database's figures and paints them without errors."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QLocale, Qt
from pytestqt.qtbot import QtBot

from custody.context import AppContext
from custody.ui.widgets.dashboard import DashboardWidget, month_label


def test_dashboard_shows_the_demo_counts_and_paints(qtbot: QtBot, signed_in: AppContext) -> None:
    widget = DashboardWidget(signed_in)
    qtbot.addWidget(widget)
    widget.resize(1000, 600)

    # The demo: AICM 3 + 3 samples and one sub-sample, MZO 2, LZC 2; all registered just now.
    assert widget.by_port.bars() == [("AICM", 7), ("LZC", 2), ("MZO", 2)]
    assert widget.data is not None
    assert widget.data.by_month[-1][0] == datetime.now(UTC).strftime("%Y-%m")
    months = widget.by_month.bars()
    assert len(months) == 12 and months[-1][0] == month_label(widget.data.by_month[-1][0])
    assert sum(n for _, n in months) == 11
    # The sub-sample is sealed in the technician's hands; everything else is back on the shelf.
    assert widget.by_status.bars() == [("stored", 10), ("sealed", 1)]
    assert widget.data.pending == []
    assert widget.pending.count() == 1
    assert "No shipment" in widget.pending.item(0).text()

    image = widget.grab().toImage()
    assert not image.isNull() and image.width() == 1000
    highlight = widget.palette().color(widget.palette().ColorRole.Highlight).rgb()
    chart = widget.by_port.grab().toImage()
    painted = {
        chart.pixel(x, y) for x in range(0, chart.width(), 3) for y in range(0, chart.height(), 3)
    }
    assert highlight in painted  # the bars were drawn


def test_month_labels_are_short() -> None:
    november = QLocale().monthName(11, QLocale.FormatType.ShortFormat)
    assert month_label("2026-11") == f"{november} 26"


def test_refresh_rereads_the_figures(qtbot: QtBot, signed_in: AppContext) -> None:
    widget = DashboardWidget(signed_in)
    qtbot.addWidget(widget)
    widget.by_status.set_bars([])
    qtbot.mouseClick(widget.refresh_button, Qt.MouseButton.LeftButton)
    assert sum(n for _, n in widget.by_status.bars()) == 11
