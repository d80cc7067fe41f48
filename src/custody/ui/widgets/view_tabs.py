"""The main window's tabs: each view sits in a frameless scroll area, so that at 125–200 %
display scaling on a small screen (200 % of 1920×1080 leaves 960×540 logical pixels) the window
still fits and a view that needs more room scrolls instead of being cut off or forcing the
window off the screen. The tab API speaks of the views, not of their scroll areas."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QScrollArea, QTabWidget, QWidget

__all__ = ["ViewTabs"]


class ViewTabs(QTabWidget):
    def addTab(self, view: QWidget, title: str) -> int:  # type: ignore[override]
        area = QScrollArea()
        area.setObjectName(f"{view.objectName() or 'view'}_scroll")
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setWidgetResizable(True)  # the view fills the tab; scrolls below its minimum size
        area.setWidget(view)
        return super().addTab(area, title)

    def widget(self, index: int) -> QWidget | None:
        page = super().widget(index)
        if isinstance(page, QScrollArea) and page.widget() is not None:
            return page.widget()
        return page

    def currentWidget(self) -> QWidget:
        view = self.widget(self.currentIndex())
        return view if view is not None else super().currentWidget()

    def indexOf(self, view: QWidget) -> int:
        for index in range(self.count()):
            if self.widget(index) is view:
                return index
        return super().indexOf(view)

    def setCurrentWidget(self, view: QWidget) -> None:
        index = self.indexOf(view)
        if index >= 0:
            self.setCurrentIndex(index)
