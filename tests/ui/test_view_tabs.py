"""ViewTabs: at 200 % scaling on a 1920×1080 screen (960×540 logical pixels) the main window
still fits; views that need more room scroll inside their tab instead of being cut off."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from custody.context import AppContext
from custody.services.lab import LabView
from custody.ui.main_window import MainWindow
from custody.ui.widgets.view_tabs import ViewTabs

LOGICAL_1080P_AT_200 = QSize(960, 540)


def _big_view(name: str) -> QWidget:
    view = QWidget()
    view.setObjectName(name)
    layout = QVBoxLayout(view)
    label = QLabel("x")
    label.setMinimumSize(900, 700)
    layout.addWidget(label)
    return view


def test_the_tab_api_speaks_of_views_and_a_big_view_scrolls(qtbot) -> None:
    tabs = ViewTabs()
    qtbot.addWidget(tabs)
    first, second = _big_view("first"), _big_view("second")
    assert tabs.addTab(first, "First") == 0
    assert tabs.addTab(second, "Second") == 1
    assert tabs.widget(1) is second and tabs.indexOf(second) == 1
    assert isinstance(second.parentWidget().parentWidget(), QScrollArea)  # viewport → area
    tabs.setCurrentWidget(second)
    assert tabs.currentIndex() == 1 and tabs.currentWidget() is second
    tabs.resize(500, 400)
    tabs.show()
    qtbot.waitExposed(tabs)
    area = second.parentWidget().parentWidget()
    assert isinstance(area, QScrollArea)
    assert area.verticalScrollBar().maximum() > 0 and area.horizontalScrollBar().maximum() > 0
    assert tabs.indexOf(QWidget()) == -1


def test_the_main_window_fits_960_by_540_logical_pixels(
    qtbot, signed_in: AppContext, lab_view: LabView
) -> None:
    window = MainWindow(signed_in, lab_view)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    needed = window.minimumSizeHint()
    assert needed.width() <= LOGICAL_1080P_AT_200.width(), needed
    assert needed.height() <= LOGICAL_1080P_AT_200.height(), needed
    window.resize(LOGICAL_1080P_AT_200)
    for index in range(window.tabs.count()):  # every view is there, whole, behind a scroll bar
        view = window.tabs.widget(index)
        window.tabs.setCurrentIndex(index)
        assert window.tabs.currentWidget() is view
        assert view.isVisible()
        assert view.width() >= view.minimumSizeHint().width()
