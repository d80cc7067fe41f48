"""MainWindow over the demo database: the samples, the filters, the status bar, the menus."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from custody import __version__
from custody.context import AppContext
from custody.domain.enums import SampleStatus
from custody.services.lab import LabView
from custody.ui.main_window import MainWindow


def open_window(qtbot, ctx: AppContext, lab: LabView, **kwargs) -> MainWindow:
    window = MainWindow(ctx, lab, **kwargs)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def select_status(window: MainWindow, status: SampleStatus | None) -> None:
    index = window.status_combo.findData(status.value if status else None)
    assert index >= 0
    window.status_combo.setCurrentIndex(index)


def test_lists_the_demo_samples(qtbot, signed_in: AppContext, lab_view: LabView) -> None:
    window = open_window(qtbot, signed_in, lab_view)
    assert window.windowTitle() == "Custody — Laboratorio Central de Química Forense (demo)"
    model = window.table.model()
    assert model.rowCount() == 11
    assert model.index(0, 0).data() == "MX-AICM-2026-000001"
    assert window.user_label.text() == "Signed in: Dra. Mariana López Ortega (Supervisor)"
    assert window.count_label.text() == "11 samples"
    assert window.table.editTriggers() == window.table.EditTrigger.NoEditTriggers
    assert not window.table.isSortingEnabled()
    assert window.count_label.isVisible()
    window.tabs.setCurrentWidget(window.scan_station)  # the count is the Samples tab's own
    assert not window.count_label.isVisible()
    window.tabs.setCurrentWidget(window.samples)
    assert window.count_label.isVisible()


def test_the_id_filter_has_the_focus_for_typing_or_scanning(
    qtbot, signed_in: AppContext, lab_view: LabView
) -> None:
    window = open_window(qtbot, signed_in, lab_view)
    qtbot.waitUntil(lambda: window.focusWidget() == window.prefix_edit)


def test_status_filter_reduces_rows(qtbot, signed_in: AppContext, lab_view: LabView) -> None:
    window = open_window(qtbot, signed_in, lab_view)
    select_status(window, SampleStatus.STORED)
    assert window.samples.current_status() is SampleStatus.STORED
    assert window.model.rowCount() == 10
    assert window.count_label.text() == "10 samples"
    select_status(window, SampleStatus.SEALED)
    assert window.count_label.text() == "1 sample"
    assert [window.model.row_at(r).code for r in range(window.model.rowCount())] == [
        "MX-AICM-2026-000011"
    ]
    select_status(window, SampleStatus.DESTROYED)
    assert window.model.rowCount() == 0
    assert window.count_label.text() == "0 samples"
    select_status(window, None)
    assert window.model.rowCount() == 11


def test_prefix_filter_reloads_after_typing(qtbot, signed_in: AppContext, lab_view) -> None:
    window = open_window(qtbot, signed_in, lab_view)
    qtbot.keyClicks(window.prefix_edit, "mx-aicm-2026-00001")
    qtbot.waitUntil(lambda: window.model.rowCount() == 2)
    assert window.model.row_at(0).code == "MX-AICM-2026-000010"
    assert window.count_label.text() == "Matching: 2 samples"
    select_status(window, SampleStatus.STORED)  # both filters apply
    assert window.model.rowCount() == 1
    window.prefix_edit.clear()
    qtbot.waitUntil(lambda: window.model.rowCount() == 10)


def test_pages_load_as_the_table_scrolls(qtbot, signed_in: AppContext, lab_view) -> None:
    window = open_window(qtbot, signed_in, lab_view, page_size=3)
    window.resize(900, 200)  # room for a few lines only
    assert window.model.rowCount() < 11
    assert window.count_label.text() == "11 samples"  # the total, not the loaded rows

    def scrolled_to_the_end() -> bool:
        window.table.scrollToBottom()  # the view fetches the next page at the bottom
        return window.model.rowCount() == 11

    qtbot.waitUntil(scrolled_to_the_end)
    assert window.model.row_at(10).code == "MX-AICM-2026-000011"


def test_prefix_count_is_honest_while_paging(qtbot, signed_in: AppContext, lab_view) -> None:
    window = open_window(qtbot, signed_in, lab_view, page_size=1)
    window.prefix_edit.setText("MX-AICM-2026-00001")
    window.apply_filter()
    assert window.model.rowCount() == 1  # page by page: the view asks for more as it lays out
    assert window.count_label.text() == "Matching: 1 sample so far (scroll for more)"
    qtbot.waitUntil(lambda: window.count_label.text() == "Matching: 2 samples")


def test_about_names_the_version(qtbot, signed_in: AppContext, lab_view: LabView) -> None:
    window = open_window(qtbot, signed_in, lab_view)
    seen: list[str] = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        box.accept()

    QTimer.singleShot(0, read_and_close)
    about = next(a for a in window.menuBar().actions() if a.text() == "&Help").menu().actions()[0]
    about.trigger()
    assert len(seen) == 1 and __version__ in seen[0] and "MX-AICM" in seen[0]


def test_quit_closes_the_window(qtbot, signed_in: AppContext, lab_view: LabView) -> None:
    window = open_window(qtbot, signed_in, lab_view)
    file_menu = next(a for a in window.menuBar().actions() if a.text() == "&File").menu()
    quit_action = next(a for a in file_menu.actions() if a.text() == "&Quit")
    quit_action.trigger()
    assert not window.isVisible()


def test_print_labels_follows_the_selection(qtbot, signed_in: AppContext, lab_view) -> None:
    from custody.ui.dialogs.print_labels import PrintLabelsDialog

    window = open_window(qtbot, signed_in, lab_view)
    assert not window.print_labels_action.isEnabled()
    window.table.selectRow(2)
    assert window.print_labels_action.isEnabled()
    assert window.selected_codes() == ["MX-AICM-2026-000003"]
    window.print_labels_action.trigger()
    dialog = window.findChild(PrintLabelsDialog)
    assert dialog is not None and dialog.codes == ["MX-AICM-2026-000003"]
    dialog.close()
    window.table.clearSelection()
    assert not window.print_labels_action.isEnabled()
