"""SamplesView's filter bar driven like a clerk would: case, location, dates, port (with status
and ID prefix); the rows shown are the ones the lookup service gives for that filter, and a
filter that cannot apply says why next to the fields, without a crash or a dialog."""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import partial
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from custody.context import AppContext
from custody.domain.enums import SampleStatus
from custody.services import lookup
from custody.services.lab import LabView
from custody.services.lookup import SampleFilter
from custody.ui.models.sample_table import SampleTableModel
from custody.ui.views.samples import SamplesView


def open_view(qtbot: QtBot, ctx: AppContext, lab: LabView, **kwargs: int) -> SamplesView:
    view = SamplesView(ctx, lab, **kwargs)
    qtbot.addWidget(view)
    view.resize(1280, 400)
    view.show()
    qtbot.waitExposed(view)
    return view


def shown(view: SamplesView) -> list[str]:
    model = view.model
    return [str(model.index(row, SampleTableModel.CODE).data()) for row in range(model.rowCount())]


def service(ctx: AppContext, where: SampleFilter) -> list[str]:
    return [row.code for row in ctx.query(partial(lookup.sample_page, where=where, limit=5000))]


def type_in(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)  # applies at once


def test_each_filter_shows_the_samples_the_service_gives(
    qtbot: QtBot, signed_in: AppContext, lab_view: LabView
) -> None:
    view = open_view(qtbot, signed_in, lab_view)
    bar = view.filters
    all_codes = shown(view)
    assert len(all_codes) == 11

    type_in(qtbot, bar.case_edit, "fed/cdmx/aicm/0004417")
    want = service(signed_in, SampleFilter(case="FED/CDMX/AICM/0004417"))
    assert shown(view) == want and 0 < len(want) < 11
    assert view.count_text == f"Matching: {len(want)} samples"
    type_in(qtbot, bar.case_edit, "")

    bar.port_combo.setCurrentIndex(bar.port_combo.findData("MZO"))  # applies at once
    want = service(signed_in, SampleFilter(port="MZO"))
    assert shown(view) == want and 0 < len(want) < 11
    bar.port_combo.setCurrentIndex(0)

    type_in(qtbot, bar.location_edit, "vault-a-s1")  # the shelf and its boxes
    want = service(signed_in, SampleFilter(location="VAULT-A-S1"))
    on_shelf = [view.model.row_at(r).location for r in range(view.model.rowCount())]
    assert shown(view) == want and 0 < len(want) < 11
    assert set(on_shelf) <= {"VAULT-A-S1-B01", "VAULT-A-S1-B02"} and len(set(on_shelf)) == 2

    # Combined with status: stored on that shelf, seized at the airport.
    view.status_combo.setCurrentIndex(view.status_combo.findData(SampleStatus.STORED.value))
    bar.port_combo.setCurrentIndex(bar.port_combo.findData("AICM"))
    where = SampleFilter(status=SampleStatus.STORED, location="VAULT-A-S1", port="AICM")
    assert shown(view) == service(signed_in, where) and shown(view)
    type_in(qtbot, bar.location_edit, "")
    bar.port_combo.setCurrentIndex(0)
    view.status_combo.setCurrentIndex(0)
    assert shown(view) == all_codes


def test_dates_are_the_lab_s_days(qtbot: QtBot, signed_in: AppContext, lab_view: LabView) -> None:
    view = open_view(qtbot, signed_in, lab_view)
    bar = view.filters
    registered = {view.model.row_at(r).created_at for r in range(view.model.rowCount())}
    days = sorted({moment.astimezone(ZoneInfo(lab_view.timezone)).date() for moment in registered})
    first, last = days[0], days[-1]
    type_in(qtbot, bar.from_edit, first.isoformat())
    type_in(qtbot, bar.to_edit, last.isoformat())
    assert len(shown(view)) == 11
    type_in(qtbot, bar.from_edit, (last + timedelta(days=1)).isoformat())
    assert bar.error_label.isVisible()  # from after to
    assert "is after the 'up to' date" in bar.error_label.text()
    assert shown(view) == []
    type_in(qtbot, bar.to_edit, "")
    assert not bar.error_label.isVisible() and shown(view) == []
    assert view.count_text == "Matching: 0 samples"
    type_in(qtbot, bar.from_edit, "")
    type_in(qtbot, bar.to_edit, (first - timedelta(days=1)).isoformat())
    assert shown(view) == []
    type_in(qtbot, bar.to_edit, "")
    assert len(shown(view)) == 11 and datetime.now().year >= 2026


def test_bad_filters_say_why_next_to_the_fields(
    qtbot: QtBot, signed_in: AppContext, lab_view: LabView
) -> None:
    view = open_view(qtbot, signed_in, lab_view)
    bar = view.filters
    type_in(qtbot, bar.from_edit, "31/13/2026")
    assert bar.error_label.isVisible()
    assert "'31/13/2026' is not a date" in bar.error_label.text()
    assert "YYYY-MM-DD" in bar.error_label.text()
    assert shown(view) == []  # nothing shown that was not asked for
    assert bar.from_edit.text() == "31/13/2026"  # what was typed stays, to be corrected
    type_in(qtbot, bar.from_edit, "")
    assert not bar.error_label.isVisible() and len(shown(view)) == 11

    type_in(qtbot, bar.location_edit, "VAULT-Z")
    assert (
        bar.error_label.isVisible() and "There is no location 'VAULT-Z'" in bar.error_label.text()
    )
    assert shown(view) == [] and bar.location_edit.text() == "VAULT-Z"
    type_in(qtbot, bar.location_edit, "VAULT-A")
    assert not bar.error_label.isVisible()
    in_vault = service(signed_in, SampleFilter(location="VAULT-A"))
    assert shown(view) == in_vault and len(in_vault) == 10  # the sub-sample is held by a person


def test_a_long_filtered_list_is_counted_then_shown_whole(
    qtbot: QtBot, signed_in: AppContext, lab_view: LabView
) -> None:
    """Window mode (exact count off the GUI thread) with a case filter and with a port one."""
    view = open_view(qtbot, signed_in, lab_view, page_size=2, window_min_rows=3)
    qtbot.waitUntil(lambda: not view.counting, timeout=10_000)
    for edit_case, port in (("FED/CDMX/", None), ("", "AICM")):
        view.filters.case_edit.setText(edit_case)
        view.filters.port_combo.setCurrentIndex(view.filters.port_combo.findData(port))
        view.apply_filter()
        want = service(signed_in, SampleFilter(case=edit_case or None, port=port))
        assert len(want) > 3 and view.counting
        assert view.count_text == "Matching: more than 3 samples (counting…)"
        with qtbot.waitSignal(view.counted, timeout=10_000) as done:
            pass
        assert done.args == [len(want)] and view.model.windowed
        assert view.count_text == f"Matching: {len(want)} samples"
        view.table.setFocus()
        qtbot.keyClick(view.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        assert view.model.index(len(want) - 1, 0).data() == want[-1]
        assert shown(view) == want  # every page, loaded by keyset or skip, keeps the filter
