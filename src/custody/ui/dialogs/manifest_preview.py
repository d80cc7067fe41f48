"""Manifest preview: the pages of a manifest revision rendered as they will print, with page
navigation and zoom; Print (a system printer, true scale) and Save as PDF.

The PDF comes from ``manifests.print_copy``, which journals the copy (who, which revision, the
SHA-256 of the bytes) before this dialog shows it; Print and Save use exactly those bytes. The
pages are `widgets.pdf_pages.PdfPagesWidget` and the outputs `widgets.pdf_output_bar.PdfOutputBar`,
shared with the Reports view.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from custody.services.manifests import ManifestPdf
from custody.ui import printing
from custody.ui.i18n import translate
from custody.ui.widgets.pdf_output_bar import ChooseFile, PdfOutputBar, PrintPdf
from custody.ui.widgets.pdf_pages import PdfPagesWidget

__all__ = ["ManifestPreviewDialog"]


def _ask_file(parent: QWidget, suggested: str) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(
        parent,
        translate("ManifestPreviewDialog", "Save the manifest as PDF"),
        suggested,
        translate("ManifestPreviewDialog", "PDF files (*.pdf)"),
    )
    return Path(name) if name else None


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
        self.setWindowTitle(
            self.tr("Manifest {number}, revision {revision}").format(
                number=pdf.manifest_number, revision=pdf.revision
            )
        )
        # PgUp/PgDn and Ctrl+± anywhere in the dialog
        self.pages = PdfPagesWidget(
            shortcut_scope=self, shortcut_context=Qt.ShortcutContext.WindowShortcut
        )
        self.pages.set_pdf(pdf.data)
        self.output = PdfOutputBar(
            choose_file,
            self.tr("The manifest could not be saved: {error}"),
            printer_names=printer_names,
            print_pdf=print_pdf,
        )
        self.output.set_pdf(pdf.data, self._file_name(), self.pages.page_size)
        close_button = QPushButton(self.tr("Close"))
        close_button.setAutoDefault(False)
        close_button.clicked.connect(self.reject)
        self.output.row.addWidget(close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self._info())
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.output)
        self.resize(900, 900)

    def _info(self) -> QLabel:
        text = self.tr(
            "{number} · revision {revision} · %n page(s) · SHA-256 {sha}", "", self.page_count
        ).format(number=self.pdf.manifest_number, revision=self.pdf.revision, sha=self.pdf.sha256)
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

    def _file_name(self) -> str:
        return f"{self.pdf.manifest_number}-rev{self.pdf.revision}.pdf"

    # --- the shared widgets' parts, as the dialog's (callers and tests reach them here) -------

    @property
    def page_count(self) -> int:
        return self.pages.page_count

    @property
    def page_size(self) -> tuple[float, float]:
        return self.pages.page_size

    @property
    def page(self) -> int:
        return self.pages.page

    @property
    def page_label(self) -> QLabel:
        return self.pages.page_label

    @property
    def pages_area(self) -> QScrollArea:
        return self.pages.pages_area

    @property
    def page_spin(self) -> QSpinBox:
        return self.pages.page_spin

    @property
    def zoom_combo(self) -> QComboBox:
        return self.pages.zoom_combo

    @property
    def previous_button(self) -> QPushButton:
        return self.pages.previous_button

    @property
    def next_button(self) -> QPushButton:
        return self.pages.next_button

    @property
    def printer_combo(self) -> QComboBox:
        return self.output.printer_combo

    @property
    def print_button(self) -> QPushButton:
        return self.output.print_button

    @property
    def save_button(self) -> QPushButton:
        return self.output.save_button

    @property
    def message(self) -> QLabel:
        return self.output.message

    def show_page(self, number: int) -> None:
        """Render page ``number`` (1-based, clamped) at the current zoom."""
        self.pages.show_page(number)

    def zoom_percent(self) -> float:
        return self.pages.zoom_percent()

    def save_pdf(self) -> None:
        self.output.save_pdf()

    def print_manifest(self) -> None:
        self.output.print_pdf()
