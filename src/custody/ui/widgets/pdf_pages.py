"""The pages of a PDF as they will print, with page navigation and zoom (the manifest preview
and the report preview).

Pages are rasterised with pypdfium2 (PySide6-Essentials has no QtPdf) through
`ui.printing.page_image`, one page at a time at the zoom asked for. The widget keeps the PDF's
bytes, not an open document: each render opens and closes its own, and the image it shows owns
its pixels, so nothing native outlives a render.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QPalette, QPixmap, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from custody.ui import printing

__all__ = ["FIT_WIDTH", "SCREEN_DPI", "ZOOMS", "PdfPagesWidget", "open_pdf"]

ZOOMS = (50, 75, 100, 125, 150, 200)
FIT_WIDTH = 0  # the zoom combo's "Fit width" entry
SCREEN_DPI = 96.0  # 100 % shows the page at its real size on a typical screen


def open_pdf(data: bytes) -> Any:
    """A pypdfium2 document over ``data``; the caller closes it."""
    import pypdfium2  # a dependency; imported here like ui.printing does

    return pypdfium2.PdfDocument(data)


class PdfPagesWidget(QWidget):
    """One page at a time, ◀ Previous / page / Next ▶ and zoom; PgUp/PgDn and Ctrl+± work in
    ``shortcut_scope`` (default: this widget) with ``shortcut_context`` (default: when the focus
    is inside it; a dialog passes itself and WindowShortcut)."""

    page_shown = Signal(int)  # the 1-based page now on screen

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        zoom: int = 100,
        shortcut_scope: QWidget | None = None,
        shortcut_context: Qt.ShortcutContext = Qt.ShortcutContext.WidgetWithChildrenShortcut,
    ) -> None:
        super().__init__(parent)
        self._data = b""
        self.page_count = 0
        self.page_size = (0.0, 0.0)  # points, of the first page

        self.page_label = QLabel()
        self.page_label.setObjectName("page")
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pages_area = QScrollArea()
        self.pages_area.setObjectName("pages")
        self.pages_area.setWidget(self.page_label)
        self.pages_area.setWidgetResizable(False)
        self.pages_area.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.pages_area.setBackgroundRole(QPalette.ColorRole.Dark)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._navigation(zoom))
        for key, slot in (
            (QKeySequence.StandardKey.MoveToPreviousPage, lambda: self.show_page(self.page - 1)),
            (QKeySequence.StandardKey.MoveToNextPage, lambda: self.show_page(self.page + 1)),
            (QKeySequence.StandardKey.ZoomIn, lambda: self._zoom_by(1)),
            (QKeySequence.StandardKey.ZoomOut, lambda: self._zoom_by(-1)),
        ):
            shortcut = QShortcut(key, shortcut_scope or self)
            shortcut.setContext(shortcut_context)
            shortcut.activated.connect(slot)
        layout.addWidget(self.pages_area, 1)
        self._update_buttons()

    def _navigation(self, zoom: int) -> QHBoxLayout:
        self.previous_button = QPushButton(self.tr("◀ Previo&us"))
        self.previous_button.setObjectName("previous")
        self.next_button = QPushButton(self.tr("&Next ▶"))
        self.next_button.setObjectName("next")
        self.page_spin = QSpinBox()
        self.page_spin.setObjectName("page_number")
        self.page_spin.setRange(1, 1)
        self.zoom_combo = QComboBox()
        self.zoom_combo.setObjectName("zoom")
        self.zoom_combo.addItem(self.tr("Fit width"), FIT_WIDTH)
        for percent in ZOOMS:
            self.zoom_combo.addItem(f"{percent} %", percent)
        self.zoom_combo.setCurrentIndex(max(0, self.zoom_combo.findData(zoom)))
        self.previous_button.clicked.connect(lambda: self.show_page(self.page - 1))
        self.next_button.clicked.connect(lambda: self.show_page(self.page + 1))
        self.page_spin.valueChanged.connect(self.show_page)
        self.zoom_combo.currentIndexChanged.connect(lambda _: self.show_page(self.page))
        self.of_label = QLabel()
        caption = QLabel(self.tr("P&age:"))
        caption.setBuddy(self.page_spin)
        zoom_caption = QLabel(self.tr("&Zoom:"))
        zoom_caption.setBuddy(self.zoom_combo)
        row = QHBoxLayout()
        for widget in (self.previous_button, caption, self.page_spin, self.of_label):
            row.addWidget(widget)
        row.addWidget(self.next_button)
        row.addStretch(1)
        row.addWidget(zoom_caption)
        row.addWidget(self.zoom_combo)
        return row

    # --- the document -----------------------------------------------------------------------

    def set_pdf(self, data: bytes) -> None:
        """Show ``data`` (a PDF) from its first page. Raises ValueError for a PDF without pages
        (pypdfium2's PdfiumError, a ValueError too, for bytes that are no PDF)."""
        document = open_pdf(data)
        try:
            count = len(document)
            if count == 0:
                raise ValueError(self.tr("The PDF has no pages."))
            width, height = document[0].get_size()
        finally:
            document.close()
        self._data, self.page_count = data, count
        self.page_size = (float(width), float(height))
        self.of_label.setText(self.tr("of {n}").format(n=count))
        self.page_spin.blockSignals(True)
        self.page_spin.setRange(1, count)
        self.page_spin.setValue(1)
        self.page_spin.blockSignals(False)
        self.show_page(1)

    def clear(self) -> None:
        """Show nothing (no PDF)."""
        self._data, self.page_count, self.page_size = b"", 0, (0.0, 0.0)
        self.page_label.clear()
        self.page_label.resize(0, 0)
        self.of_label.clear()
        self._update_buttons()

    # --- pages ------------------------------------------------------------------------------

    @property
    def page(self) -> int:
        return self.page_spin.value()

    def zoom_percent(self) -> float:
        zoom = int(self.zoom_combo.currentData())
        if zoom != FIT_WIDTH:
            return float(zoom)
        available = self.pages_area.viewport().width() - 8
        return max(10.0, 100.0 * available / (self.page_size[0] / 72.0 * SCREEN_DPI))

    def show_page(self, number: int) -> None:
        """Render page ``number`` (1-based, clamped) at the current zoom."""
        if not self.page_count:
            return
        number = max(1, min(number, self.page_count))
        if self.page_spin.value() != number:
            self.page_spin.setValue(number)  # comes back here through valueChanged
            return
        ratio = self.devicePixelRatioF()
        dpi = SCREEN_DPI * self.zoom_percent() / 100.0 * ratio
        document = open_pdf(self._data)
        try:
            image = printing.page_image(document[number - 1], dpi, grayscale=False)
        finally:
            document.close()
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(ratio)
        self.page_label.setPixmap(pixmap)
        self.page_label.resize(pixmap.deviceIndependentSize().toSize())
        self._update_buttons()
        self.page_shown.emit(number)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.page_count and self.zoom_combo.currentData() == FIT_WIDTH:
            self.show_page(self.page)

    def _zoom_by(self, step: int) -> None:
        index = self.zoom_combo.currentIndex() + step
        if 1 <= index < self.zoom_combo.count():  # 0 is "Fit width"
            self.zoom_combo.setCurrentIndex(index)

    def _update_buttons(self) -> None:
        self.previous_button.setEnabled(self.page_count > 0 and self.page > 1)
        self.next_button.setEnabled(self.page < self.page_count)
        for widget in (self.page_spin, self.zoom_combo):
            widget.setEnabled(self.page_count > 0)
