"""Scanner self-test: print the test label, scan it, and learn what (if anything) to change.

The scan is captured key by key (:class:`~custody.ui.widgets.scan_capture.ScanCapture`), so what
the computer's keyboard layout and CapsLock made of the scanner's key presses is kept as typed,
with whether an Enter ended it; :func:`custody.domain.scanner_check.diagnose` says what is wrong
and what to change. Touches no record: no database, no sign-in.
"""

from __future__ import annotations

import tempfile
from html import escape as html_escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)

from custody.domain.label_templates import TEMPLATES
from custody.domain.scanner_check import Diagnosis, diagnose, escape
from custody.ui.error_text import error_text, message_text
from custody.ui.labels import stock_title
from custody.ui.printing import PrintError, available_printers, print_pdf_pages
from custody.ui.widgets.scan_capture import ScanCapture

if TYPE_CHECKING:
    from custody.render.selftest_pdf import SelftestResult

__all__ = ["ScannerTestDialog"]

DEFAULT_TEMPLATE = "letter-30up"
_OK_STYLE = "background: #e6f4ea; color: #1e6b34; border: 1px solid #1e6b34; padding: 8px;"
_BAD_STYLE = "background: #fdecea; color: #8c1d18; border: 1px solid #b00020; padding: 8px;"


class ScannerTestDialog(QDialog):
    diagnosed = Signal(object)  # the Diagnosis of the scan just finished

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Scanner self-test"))
        self.diagnosis: Diagnosis | None = None
        self.received = ""

        intro = QLabel(
            self.tr(
                "Checks that the barcode scanner and this computer's keyboard layout deliver a "
                "label's code intact.\n"
                "1. Print the test label (or save it as a PDF and print it).\n"
                "2. Scan it into the box below.\n"
                "Custody then says what, if anything, to change in the scanner or the computer."
            )
        )
        intro.setWordWrap(True)

        self.capture = ScanCapture()
        self.capture.scan_started.connect(self._on_capture_scan_started)
        self.capture.scan_finished.connect(self._on_capture_scan_finished)

        self.result_label = QLabel()
        self.result_label.setObjectName("result")
        self.result_label.setTextFormat(Qt.TextFormat.RichText)
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_label.hide()
        self.scan_again_button = QPushButton(self.tr("Scan &again"))
        self.scan_again_button.clicked.connect(self._on_scan_again_clicked)
        self.scan_again_button.hide()

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self._build_label_box())
        layout.addWidget(self.capture)
        layout.addWidget(self.result_label)
        layout.addWidget(self.scan_again_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        layout.addWidget(buttons)
        for button in self.findChildren(QPushButton):  # Enter from a scanner clicks nothing
            button.setAutoDefault(False)
            button.setDefault(False)
        self.setMinimumWidth(560)
        self.capture.setFocus()

    def _build_label_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Test label"))
        self.template_combo = QComboBox()
        for name, template in TEMPLATES.items():
            self.template_combo.addItem(stock_title(template), name)
        self.template_combo.setCurrentIndex(max(0, self.template_combo.findData(DEFAULT_TEMPLATE)))
        self.save_button = QPushButton(self.tr("&Save as PDF…"))
        self.save_button.clicked.connect(self._on_save_clicked)
        self.printer_combo = QComboBox()
        self.printer_combo.addItems(available_printers())
        self.print_button = QPushButton(self.tr("&Print"))
        self.print_button.clicked.connect(self._on_print_clicked)
        if self.printer_combo.count() == 0:
            self.printer_combo.addItem(self.tr("(no printer installed)"))
            for widget in (self.printer_combo, self.print_button):
                widget.setEnabled(False)
        self.label_note = QLabel()
        self.label_note.setObjectName("label_note")
        self.label_note.setWordWrap(True)
        self.label_note.setTextFormat(Qt.TextFormat.PlainText)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Label stock:")))
        row.addWidget(self.template_combo, 1)
        row.addWidget(self.save_button)
        printing = QHBoxLayout()
        printing.addWidget(QLabel(self.tr("Printer:")))
        printing.addWidget(self.printer_combo, 1)
        printing.addWidget(self.print_button)
        column = QVBoxLayout(box)
        column.addLayout(row)
        column.addLayout(printing)
        column.addWidget(self.label_note)
        return box

    def template_name(self) -> str:
        return str(self.template_combo.currentData())

    # --- the test label ---------------------------------------------------------------------

    def save_label(self, path: Path) -> SelftestResult | None:
        """Write the test label for the chosen stock to ``path``; a clerk message on failure."""
        from custody.render.selftest_pdf import selftest_page  # reportlab: only when drawn

        try:
            result = selftest_page(self.template_name(), path)
        except (ValueError, OSError) as error:
            QMessageBox.warning(
                self,
                self.tr("Scanner self-test"),
                self.tr("The test label could not be saved: {error}").format(
                    error=error_text(error)
                ),
            )
            return None
        self._show_label_note(self.tr("Test label saved to {path}.").format(path=path), result)
        return result

    def _show_label_note(self, done: str, result: SelftestResult) -> None:
        if not result.has_code128:
            from custody.render.selftest_pdf import code128_templates

            titles = ", ".join(stock_title(TEMPLATES[name]) for name in code128_templates())
            done += " " + self.tr(
                "It carries the QR code only: the Code 128 barcode for 1D scanners needs a "
                "wider label ({stocks})."
            ).format(stocks=titles)
        self.label_note.setText(done)
        self.capture.setFocus()

    def _on_save_clicked(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the test label"),
            str(Path.home() / "scanner-self-test.pdf"),
            self.tr("PDF files (*.pdf)"),
        )
        if not chosen:
            self.capture.setFocus()
            return
        path = Path(chosen)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(f"{path.name}.pdf")
        self.save_label(path)

    def _on_print_clicked(self) -> None:
        from custody.render.selftest_pdf import selftest_page

        printer = self.printer_combo.currentText()
        t = TEMPLATES[self.template_name()]
        try:
            with tempfile.TemporaryDirectory(prefix="custody-selftest-") as folder:
                result = selftest_page(t.name, Path(folder) / f"scanner-self-test-{t.name}.pdf")
                print_pdf_pages(result.path, printer, (t.page_width, t.page_height))
        except (ValueError, OSError, PrintError) as error:
            QMessageBox.warning(
                self,
                self.tr("Scanner self-test"),
                self.tr("The test label could not be printed: {error}").format(
                    error=error_text(error)
                ),
            )
            self.capture.setFocus()
            return
        self._show_label_note(
            self.tr("Test label sent to {printer}.").format(printer=printer), result
        )

    # --- the scan -----------------------------------------------------------------------------

    def _on_capture_scan_started(self) -> None:
        self.result_label.hide()
        self.scan_again_button.hide()

    def _on_capture_scan_finished(self, received: str, ended_with_enter: bool) -> None:
        self.received = received
        self.diagnosis = diagnose(received, ended_with_enter=ended_with_enter)
        self._show_result(received, ended_with_enter, self.diagnosis)
        self.diagnosed.emit(self.diagnosis)

    def _show_result(self, received: str, ended_with_enter: bool, diagnosis: Diagnosis) -> None:
        enter = self.tr("ended with Enter") if ended_with_enter else self.tr("no Enter after it")
        got = self.tr("Received: {scan} ({count} characters, {enter})").format(
            scan=escape(received, 100), count=len(received), enter=enter
        )
        if diagnosis.ok:
            parts = [
                "<b>" + html_escape(self.tr("The scanner works with this computer.")) + "</b>",
                html_escape(self.tr("The scan arrived intact. Nothing to change.")),
            ]
            self.result_label.setStyleSheet(_OK_STYLE)
        else:
            parts = ["<b>" + html_escape(self.tr("The scan did not arrive intact.")) + "</b>"]
            fix = html_escape(self.tr("Fix:"))
            for problem in diagnosis.problems:
                parts.append(
                    f"{html_escape(message_text(problem.message))}<br><b>{fix}</b> "
                    f"{html_escape(message_text(problem.fix))}"
                )
            self.result_label.setStyleSheet(_BAD_STYLE)
        parts.append(f"<small>{html_escape(got)}</small>")
        self.result_label.setText("<p>" + "</p><p>".join(parts) + "</p>")
        self.result_label.show()
        self.scan_again_button.show()

    def _on_scan_again_clicked(self) -> None:
        self.diagnosis = None
        self.received = ""
        self.result_label.hide()
        self.scan_again_button.hide()
        self.capture.reset()
        self.capture.setFocus()
