"""Manifest preview: the pages of a manifest revision rendered as they will print, with page
navigation and zoom; Print (a system printer, true scale) and Save as PDF.

The PDF comes from ``manifests.print_copy``, which journals the copy (who, which revision, the
SHA-256 of the bytes) before this dialog shows it; Print and Save use exactly those bytes.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QPalette, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from custody.atomic import write_atomically
from custody.services.manifests import ManifestPdf
from custody.ui import printing

__all__ = ["ManifestPreviewDialog"]

ChooseFile = Callable[[QWidget, str], Path | None]
PrintPdf = Callable[[Path, str, tuple[float, float]], int]

ZOOMS = (50, 75, 100, 125, 150, 200)
FIT_WIDTH = 0  # the zoom combo's "Fit width" entry
SCREEN_DPI = 96.0  # 100 % shows the page at its real size on a typical screen


def _ask_file(parent: QWidget, suggested: str) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(
        parent, parent.tr("Save the manifest as PDF"), suggested, parent.tr("PDF files (*.pdf)")
    )
    return Path(name) if name else None


def _open(data: bytes) -> Any:
    import pypdfium2  # a dependency; imported here like ui.printing does

    return pypdfium2.PdfDocument(data)


class ManifestPreviewDialog(QDialog):
    def __init__(
        self,
        pdf: ManifestPdf,
        parent: Any = None,
        *,
        printer_names: Sequence[str] | None = None,
        choose_file: ChooseFile = _ask_file,
        print_pdf: PrintPdf = printing.print_pdf_pages,
    ) -> None:
        super().__init__(parent)
        self.pdf = pdf
        self._choose_file = choose_file
        self._print_pdf = print_pdf
        self._printer_names = printer_names
        self.setWindowTitle(
            self.tr("Manifest {number}, revision {revision}").format(
                number=pdf.manifest_number, revision=pdf.revision
            )
        )
        document = _open(pdf.data)
        try:
            self.page_count = len(document)
            width, height = document[0].get_size()
            self.page_size = (float(width), float(height))
        finally:
            document.close()

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
        layout.addWidget(self._info())
        layout.addLayout(self._navigation())
        layout.addWidget(self.pages_area, 1)
        layout.addLayout(self._output())
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)
        self.resize(900, 900)
        self.show_page(1)

    # --- building ---------------------------------------------------------------------------

    def _info(self) -> QLabel:
        text = self.tr("{number} · revision {revision} · {pages} page(s) · SHA-256 {sha}").format(
            number=self.pdf.manifest_number,
            revision=self.pdf.revision,
            pages=self.page_count,
            sha=self.pdf.sha256,
        )
        if self.pdf.superseded_by is not None:
            text += "\n" + self.tr(
                "This revision is SUPERSEDED by revision {n}; the copy is marked so."
            ).format(n=self.pdf.superseded_by)
        info = QLabel(text)
        info.setObjectName("info")
        info.setWordWrap(True)
        info.setTextFormat(Qt.TextFormat.PlainText)
        info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return info

    def _navigation(self) -> QHBoxLayout:
        self.previous_button = QPushButton(self.tr("◀ &Previous"))
        self.previous_button.setObjectName("previous")
        self.next_button = QPushButton(self.tr("&Next ▶"))
        self.next_button.setObjectName("next")
        self.page_spin = QSpinBox()
        self.page_spin.setObjectName("page_number")
        self.page_spin.setRange(1, self.page_count)
        self.zoom_combo = QComboBox()
        self.zoom_combo.setObjectName("zoom")
        self.zoom_combo.addItem(self.tr("Fit width"), FIT_WIDTH)
        for zoom in ZOOMS:
            self.zoom_combo.addItem(f"{zoom} %", zoom)
        self.zoom_combo.setCurrentIndex(self.zoom_combo.findData(100))
        self.previous_button.clicked.connect(lambda: self.show_page(self.page - 1))
        self.next_button.clicked.connect(lambda: self.show_page(self.page + 1))
        self.page_spin.valueChanged.connect(self.show_page)
        self.zoom_combo.currentIndexChanged.connect(lambda _: self.show_page(self.page))
        for keys, step in ((QKeySequence.StandardKey.MoveToPreviousPage, -1),
                           (QKeySequence.StandardKey.MoveToNextPage, 1)):  # fmt: skip
            QShortcut(keys, self, lambda step=step: self.show_page(self.page + step))
        QShortcut(QKeySequence.StandardKey.ZoomIn, self, lambda: self._zoom_by(1))
        QShortcut(QKeySequence.StandardKey.ZoomOut, self, lambda: self._zoom_by(-1))
        of = QLabel(self.tr("of {n}").format(n=self.page_count))
        caption = QLabel(self.tr("P&age:"))
        caption.setBuddy(self.page_spin)
        zoom_caption = QLabel(self.tr("&Zoom:"))
        zoom_caption.setBuddy(self.zoom_combo)
        row = QHBoxLayout()
        for widget in (self.previous_button, caption, self.page_spin, of, self.next_button):
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(zoom_caption)
        row.addWidget(self.zoom_combo)
        return row

    def _output(self) -> QHBoxLayout:
        names = (
            printing.available_printers() if self._printer_names is None else self._printer_names
        )
        self.printer_combo = QComboBox()
        self.printer_combo.setObjectName("printer")
        for name in names:
            self.printer_combo.addItem(name, name)
        self.print_button = QPushButton(self.tr("&Print"))
        self.print_button.setObjectName("print")
        self.print_button.setEnabled(bool(names))
        if not names:
            self.printer_combo.addItem(self.tr("No printer installed"), "")
            self.printer_combo.setEnabled(False)
        self.save_button = QPushButton(self.tr("&Save as PDF…"))
        self.save_button.setObjectName("save")
        close_button = QPushButton(self.tr("Close"))
        close_button.setAutoDefault(False)
        self.print_button.clicked.connect(self.print_manifest)
        self.save_button.clicked.connect(self.save_pdf)
        close_button.clicked.connect(self.reject)
        caption = QLabel(self.tr("P&rinter:"))
        caption.setBuddy(self.printer_combo)
        row = QHBoxLayout()
        row.addWidget(caption)
        row.addWidget(self.printer_combo, 1)
        row.addWidget(self.print_button)
        row.addStretch(1)
        row.addWidget(self.save_button)
        row.addWidget(close_button)
        return row

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
        number = max(1, min(number, self.page_count))
        if self.page_spin.value() != number:
            self.page_spin.setValue(number)  # comes back here through valueChanged
            return
        ratio = self.devicePixelRatioF()
        dpi = SCREEN_DPI * self.zoom_percent() / 100.0 * ratio
        document = _open(self.pdf.data)
        try:
            image = printing.page_image(document[number - 1], dpi, grayscale=False)
        finally:
            document.close()
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(ratio)
        self.page_label.setPixmap(pixmap)
        self.page_label.resize(pixmap.deviceIndependentSize().toSize())
        self.previous_button.setEnabled(number > 1)
        self.next_button.setEnabled(number < self.page_count)

    def _zoom_by(self, step: int) -> None:
        index = self.zoom_combo.currentIndex() + step
        if 1 <= index < self.zoom_combo.count():  # 0 is "Fit width"
            self.zoom_combo.setCurrentIndex(index)

    # --- output -----------------------------------------------------------------------------

    def _file_name(self) -> str:
        return f"{self.pdf.manifest_number}-rev{self.pdf.revision}.pdf"

    def _show(self, text: str, *, ok: bool) -> None:
        self.message.setProperty("ok", ok)
        self.message.setStyleSheet("color: #1b5e20;" if ok else "color: #b71c1c;")
        self.message.setText(text)

    def save_pdf(self) -> None:
        target = self._choose_file(self, self._file_name())
        if target is None:
            self._show(self.tr("No file chosen; nothing was saved."), ok=False)
            return
        try:
            write_atomically(target, self.pdf.data)
        except OSError as error:
            self._show(
                self.tr("The manifest could not be saved: {error}").format(error=error), ok=False
            )
            return
        self._show(self.tr("Saved to {path}.").format(path=target), ok=True)

    def print_manifest(self) -> None:
        printer = str(self.printer_combo.currentData() or "")
        if not printer:
            self._show(self.tr("Choose a printer."), ok=False)
            return
        try:
            with tempfile.TemporaryDirectory(prefix="custody-") as tmp:
                path = Path(tmp) / self._file_name()
                path.write_bytes(self.pdf.data)
                pages = self._print_pdf(path, printer, self.page_size)
        except (ValueError, OSError, printing.PrintError) as error:
            self._show(str(error), ok=False)
            return
        self._show(
            self.tr("{pages} page(s) sent to {printer}.").format(pages=pages, printer=printer),
            ok=True,
        )
