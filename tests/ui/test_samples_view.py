"""SamplesView on long lists: the exact count off the GUI thread, then the whole list in the
table (window mode). The demo's 11 samples stand in for 1,000,000 with `window_min_rows=5`
(benchmarks/bench_ui.py drives the same view at 1,000,000)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from custody.context import AppContext
from custody.domain.enums import SampleStatus
from custody.errors import StorageError
from custody.services import lookup
from custody.services.lab import LabView
from custody.ui.views.samples import SamplesView

LAST = "MX-AICM-2026-000011"


def open_view(qtbot: QtBot, ctx: AppContext, lab: LabView) -> SamplesView:
    view = SamplesView(ctx, lab, page_size=3, window_min_rows=5)
    qtbot.addWidget(view)
    view.resize(900, 160)  # a few lines: the end is out of sight
    view.show()
    qtbot.waitExposed(view)
    return view


def counted(qtbot: QtBot, view: SamplesView) -> None:
    qtbot.waitUntil(lambda: not view.counting, timeout=10_000)


def test_a_long_list_is_counted_off_the_gui_thread_then_shown_whole(
    qtbot: QtBot, signed_in: AppContext, lab_view: LabView
) -> None:
    view = SamplesView(signed_in, lab_view, page_size=3, window_min_rows=5)
    qtbot.addWidget(view)
    view.resize(900, 160)  # the table fetches pages until its lines are filled: two pages
    # The first page is there at once; the count is still running.
    assert view.counting and view.model.rowCount() == 3 and not view.model.windowed
    assert view.count_text == "More than 5 samples (counting…)"
    with qtbot.waitSignal(view.counted, timeout=10_000) as done:
        view.show()
    assert done.args == [11] and not view.counting
    assert view.count_text == "11 samples"
    assert view.model.windowed and view.model.rowCount() == 11


def test_ctrl_end_shows_the_last_sample_at_once(
    qtbot: QtBot, signed_in: AppContext, lab_view: LabView
) -> None:
    view = open_view(qtbot, signed_in, lab_view)
    counted(qtbot, view)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert view.table.currentIndex().row() == 10  # one keystroke, not one per page
    assert view.model.index(10, 0).data() == LAST
    port = view.table.viewport()
    assert view.table.rowAt(port.height() - 1) == 10  # the last line is on screen
    view.table.selectRow(10)
    assert view.selected_codes() == [LAST]
    with qtbot.waitSignal(view.sample_activated) as activated:
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert activated.args == [LAST]


def test_filters_count_again_and_a_short_list_pages(
    qtbot: QtBot, signed_in: AppContext, lab_view: LabView
) -> None:
    view = open_view(qtbot, signed_in, lab_view)
    counted(qtbot, view)
    view.status_combo.setCurrentIndex(view.status_combo.findData(SampleStatus.STORED.value))
    assert view.count_text == "More than 5 samples (counting…)"
    counted(qtbot, view)
    assert view.count_text == "10 samples" and view.model.rowCount() == 10
    view.status_combo.setCurrentIndex(view.status_combo.findData(SampleStatus.SEALED.value))
    assert not view.counting and view.count_text == "1 sample"  # one page: exact at once
    view.status_combo.setCurrentIndex(0)
    view.prefix_edit.setText("MX-AICM-2026-00000")
    qtbot.keyClick(view.prefix_edit, Qt.Key.Key_Return)
    assert view.count_text == "Matching: more than 5 samples (counting…)"
    counted(qtbot, view)
    assert view.count_text == "Matching: 9 samples" and view.model.rowCount() == 9


def test_a_count_for_an_old_filter_is_dropped(
    qtbot: QtBot, signed_in: AppContext, lab_view: LabView
) -> None:
    view = open_view(qtbot, signed_in, lab_view)
    view.apply_filter()  # the first count is cancelled while it runs
    view.status_combo.setCurrentIndex(view.status_combo.findData(SampleStatus.STORED.value))
    seen: list[int] = []
    view.counted.connect(seen.append)
    counted(qtbot, view)
    qtbot.wait(50)  # the cancelled counts have come back by now, and were dropped
    assert seen == [10] and view.count_text == "10 samples" and view.model.rowCount() == 10


def test_a_failed_count_keeps_the_list_paging(
    qtbot: QtBot, signed_in: AppContext, lab_view: LabView, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = lookup.count_samples

    def busy_when_exact(work, status=None, code_prefix=None, *, limit=None, where=None):  # type: ignore[no-untyped-def]
        if limit is None:
            raise StorageError("The database is busy (another workstation is writing).")
        return real(work, status, code_prefix, limit=limit, where=where)

    monkeypatch.setattr(lookup, "count_samples", busy_when_exact)
    view = open_view(qtbot, signed_in, lab_view)
    counted(qtbot, view)
    assert view.count_text == "More than 5 samples"  # no total, no crash, no dialog
    assert not view.model.windowed and view.model.canFetchMore(view.table.rootIndex())
