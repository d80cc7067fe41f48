"""The preview of a supervisor report: what it is, its pages as they will print (navigation and
zoom), and Print / Save as PDF of exactly those bytes, which were journaled when the report was
made (`ui.report_jobs`). A custody report whose journal did not verify says so in red."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QVBoxLayout, QWidget

from custody.ui import printing
from custody.ui.i18n import translate
from custody.ui.report_jobs import ReportPdf
from custody.ui.widgets.pdf_output_bar import ChooseFile, PdfOutputBar, PrintPdf
from custody.ui.widgets.pdf_pages import FIT_WIDTH, PdfPagesWidget

__all__ = ["ReportPreview"]


def ask_report_file(parent: QWidget, suggested: str) -> Path | None:
    """The system's Save dialog for a report PDF."""
    name, _ = QFileDialog.getSaveFileName(
        parent,
        translate("ReportPreview", "Save the report as PDF"),
        suggested,
        translate("ReportPreview", "PDF files (*.pdf)"),
    )
    return Path(name) if name else None


class ReportPreview(QWidget):
    """Empty until `show_report`; ``shortcut_scope`` gets PgUp/PgDn and Ctrl+± for the pages."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        shortcut_scope: QWidget | None = None,
        printer_names: Sequence[str] | None = None,
        choose_file: ChooseFile = ask_report_file,
        print_pdf: PrintPdf = printing.print_pdf_pages,
    ) -> None:
        super().__init__(parent)
        self.report: ReportPdf | None = None
        self.title_label = QLabel()
        self.title_label.setObjectName("report_title")
        font = self.title_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.title_label.setFont(font)
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        self.info_label = self._text_label("report_info")
        self.warning_label = self._text_label("report_warning")
        self.warning_label.setStyleSheet(
            "color: #b71c1c; background: #fde0e0; border: 1px solid #b71c1c; padding: 6px;"
        )
        self.placeholder = QLabel(
            self.tr(
                "Choose a report on the left and build it: its pages appear here, ready to "
                "print or to save as PDF."
            )
        )
        self.placeholder.setObjectName("report_placeholder")
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setStyleSheet("color: palette(mid); padding: 24px;")
        self.pages = PdfPagesWidget(zoom=FIT_WIDTH, shortcut_scope=shortcut_scope)
        self.output = PdfOutputBar(
            choose_file,
            self.tr("The report could not be saved: {error}"),
            printer_names=printer_names,
            print_pdf=print_pdf,
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.title_label, self.info_label, self.warning_label):
            layout.addWidget(widget)
        layout.addWidget(self.placeholder, 1)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.output)
        self.clear()

    def _text_label(self, name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    @property
    def page_count(self) -> int:
        return self.pages.page_count

    def title_of(self, report: ReportPdf) -> str:
        if report.kind == "custody":
            return self.tr("Chain-of-custody report: {sample}").format(sample=report.scope)
        if report.kind == "inventory":
            if report.scope == "all":
                return self.tr("Inventory of every location")
            return self.tr("Inventory of {location} and everything in it").format(
                location=report.scope
            )
        return self.tr("Shipment summary")

    def _counted(self, report: ReportPdf) -> str:
        if report.kind == "custody":
            return self.tr("%n journal entries about the sample", "", report.count)
        if report.kind == "inventory":
            return self.tr("%n sample(s)", "", report.count)
        return self.tr("%n shipment(s)", "", report.count)

    def show_report(self, report: ReportPdf) -> None:
        """Show ``report``'s pages and make Print and Save output its bytes."""
        self.pages.set_pdf(report.data)
        self.report = report
        self.title_label.setText(self.title_of(report))
        pages = self.tr("%n page(s)", "", self.pages.page_count)
        self.info_label.setText(
            self.tr(
                "{counted} · {pages}\nContent fingerprint (journaled): {fingerprint}\n"
                "SHA-256 of the PDF: {sha}"
            ).format(
                counted=self._counted(report),
                pages=pages,
                fingerprint=report.fingerprint,
                sha=report.sha256,
            )
        )
        self.warning_label.setText(
            ""
            if report.intact
            else self.tr(
                "The journal did NOT verify ({problem}). The report says so on its first "
                "page. Tell your supervisor or IT before relying on these records."
            ).format(problem=report.problem)
        )
        self.warning_label.setVisible(not report.intact)
        for widget in (self.title_label, self.info_label, self.pages):
            widget.show()
        self.placeholder.hide()
        self.output.set_pdf(report.data, report.file_name, self.pages.page_size)

    def clear(self) -> None:
        """No report shown: the placeholder, and nothing to print or save."""
        self.report = None
        self.pages.clear()
        self.output.clear()
        for widget in (self.title_label, self.info_label, self.warning_label, self.pages):
            widget.hide()
        self.placeholder.show()
