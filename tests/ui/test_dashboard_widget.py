"""The dashboard shows the demo database's figures and paints them without errors."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QLocale, Qt
from pytestqt.qtbot import QtBot
from ui_support import SUPERVISOR, make_ctx

from custody.context import AppContext
from custody.services.dashboard import ClockWarning, Dashboard
from custody.ui.widgets.dashboard import DashboardWidget, month_label


def shown(qtbot: QtBot, ctx: AppContext) -> DashboardWidget:
    """The dashboard shown, once its figures (read off the GUI thread) are on screen."""
    widget = DashboardWidget(ctx)
    qtbot.addWidget(widget)
    widget.resize(1000, 600)
    assert widget.data is None and not widget.loading  # nothing is read before it is shown
    with qtbot.waitSignal(widget.loaded, timeout=10_000):
        widget.show()
    assert not widget.loading and widget.refresh_button.isEnabled()
    return widget


def test_dashboard_shows_the_demo_counts_and_paints(qtbot: QtBot, signed_in: AppContext) -> None:
    widget = shown(qtbot, signed_in)

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
    assert widget.data.clock_warnings == [] and widget.clock_box.isHidden()
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
    assert month_label("2026-11") == f"{november}\n26"


def test_refresh_rereads_the_figures(qtbot: QtBot, signed_in: AppContext) -> None:
    widget = shown(qtbot, signed_in)
    widget.by_status.set_bars([])
    with qtbot.waitSignal(widget.loaded, timeout=10_000):
        qtbot.mouseClick(widget.refresh_button, Qt.MouseButton.LeftButton)
        assert widget.loading and not widget.refresh_button.isEnabled()
        assert widget.message_label.text() == "Loading the figures…"
    assert sum(n for _, n in widget.by_status.bars()) == 11
    assert widget.message_label.text() == ""


def test_a_database_error_is_shown_in_the_dashboard(
    qtbot: QtBot, tmp_path: Path, demo_url: str
) -> None:
    """The figures cannot be read (the file is gone): a message in the widget, no crash."""
    copy = tmp_path / "demo.sqlite"
    shutil.copy(demo_url.split(":///", 1)[1], copy)
    ctx = make_ctx(f"sqlite+pysqlite:///{copy}")
    try:
        ctx.sign_in(SUPERVISOR.username, SUPERVISOR.password)
        ctx.engine.dispose()
        copy.write_bytes(b"this is not a database" * 100)
        widget = DashboardWidget(ctx)
        qtbot.addWidget(widget)
        with qtbot.waitSignal(widget.load_failed, timeout=10_000) as failed:
            widget.show()
        assert "not a Custody database" in failed.args[0]
        assert widget.message_label.text() == failed.args[0]
        assert widget.refresh_button.isEnabled() and widget.data is None
    finally:
        ctx.close()


def test_a_clock_that_went_back_is_shown_to_the_supervisor(
    qtbot: QtBot, signed_in: AppContext
) -> None:
    widget = DashboardWidget(signed_in)
    qtbot.addWidget(widget)
    warning = ClockWarning(42, "2026-09-01T14:00:00.000000Z", "WS-07", 90_061, "WS-02")
    widget.show_figures(Dashboard([], [], [], [], clock_warnings=[warning]))
    widget.show()
    assert widget.clock_box.isVisible() and widget.clock_list.count() == 1
    assert (
        widget.clock_list.item(0).text() == "Entry 42 on WS-07: 1 d 1 h behind the entry before it"
    )
    widget.show_figures(Dashboard([], [], [], []))
    assert widget.clock_box.isHidden()
