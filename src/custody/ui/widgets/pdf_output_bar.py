"""Print and Save as PDF for a PDF already made (the manifest and report previews), and the line
saying how it went.

Print sends exactly those bytes to a system printer at true scale (`ui.printing.print_pdf_pages`:
every page drawn at 100 % on a page of the PDF's own size, margins zero). Save asks for the file
first, then writes the bytes atomically (`custody.atomic.write_atomically`: a temporary file,
fsync, rename), so a failed save never leaves half a PDF under the chosen name.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from custody.atomic import write_atomically
from custody.ui import printing
from custody.ui.error_text import error_text

__all__ = ["ChooseFile", "PdfOutputBar", "PrintPdf"]

ChooseFile = Callable[[QWidget, str], Path | None]  # (parent, suggested name) -> file or None
PrintPdf = Callable[[Path, str, tuple[float, float]], int]  # (pdf, printer, page size) -> pages


class PdfOutputBar(QWidget):
    """Printer ▾ [Print] … [Save as PDF…], and below them the message (object name "message",
    property "ok"). ``save_failed`` is the message for a failed save, with ``{error}``."""

    saved = Signal(str)  # the path written
    printed = Signal(str, int)  # printer, pages

    def __init__(
        self,
        choose_file: ChooseFile,
        save_failed: str,
        parent: QWidget | None = None,
        *,
        printer_names: Sequence[str] | None = None,
        print_pdf: PrintPdf = printing.print_pdf_pages,
    ) -> None:
        super().__init__(parent)
        self._choose_file = choose_file
        self._save_failed = save_failed
        self._print_pdf = print_pdf
        self._data = b""
        self._file_name = ""
        self._page_size = (0.0, 0.0)
        names = printing.available_printers() if printer_names is None else list(printer_names)
        self._has_printer = bool(names)

        self.printer_combo = QComboBox()
        self.printer_combo.setObjectName("printer")
        for name in names:
            self.printer_combo.addItem(name, name)
        if not names:
            self.printer_combo.addItem(self.tr("No printer installed"), "")
        self.print_button = QPushButton(self.tr("&Print"))
        self.print_button.setObjectName("print")
        self.save_button = QPushButton(self.tr("&Save as PDF…"))
        self.save_button.setObjectName("save")
        self.print_button.clicked.connect(self.print_pdf)
        self.save_button.clicked.connect(self.save_pdf)
        caption = QLabel(self.tr("P&rinter:"))
        caption.setBuddy(self.printer_combo)
        self.row = QHBoxLayout()
        self.row.addWidget(caption)
        self.row.addWidget(self.printer_combo, 1)
        self.row.addWidget(self.print_button)
        self.row.addStretch(1)
        self.row.addWidget(self.save_button)

        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.row)
        layout.addWidget(self.message)
        self._update()

    def set_pdf(self, data: bytes, file_name: str, page_size: tuple[float, float]) -> None:
        """What Print and Save output: ``data``, saved as ``file_name`` by default, printed on
        pages of ``page_size`` points (the PDF's own)."""
        self._data, self._file_name, self._page_size = data, file_name, page_size
        self.say("", ok=True)
        self._update()

    def clear(self) -> None:
        """Nothing to output: Print and Save are disabled."""
        self._data, self._file_name = b"", ""
        self.say("", ok=True)
        self._update()

    def say(self, text: str, *, ok: bool) -> None:
        self.message.setProperty("ok", ok)
        self.message.setStyleSheet("color: #1b5e20;" if ok else "color: #b71c1c;")
        self.message.setText(text)

    def _update(self) -> None:
        has_pdf = bool(self._data)
        self.save_button.setEnabled(has_pdf)
        self.print_button.setEnabled(has_pdf and self._has_printer)
        self.printer_combo.setEnabled(self._has_printer)

    # --- output -----------------------------------------------------------------------------

    def save_pdf(self) -> None:
        """Ask for the file, then write the PDF there atomically."""
        if not self._data:
            return
        target = self._choose_file(self.window(), self._file_name)
        if target is None:
            self.say(self.tr("No file chosen; nothing was saved."), ok=False)
            return
        try:
            write_atomically(target, self._data)
        except OSError as error:
            self.say(self._save_failed.format(error=error), ok=False)
            return
        self.say(self.tr("Saved to {path}.").format(path=target), ok=True)
        self.saved.emit(str(target))

    def print_pdf(self) -> None:
        """Print the PDF on the chosen printer at true scale."""
        if not self._data:
            return
        printer = str(self.printer_combo.currentData() or "")
        if not printer:
            self.say(self.tr("Choose a printer."), ok=False)
            return
        try:
            with tempfile.TemporaryDirectory(prefix="custody-") as tmp:
                path = Path(tmp) / self._file_name
                path.write_bytes(self._data)
                pages = self._print_pdf(path, printer, self._page_size)
        except (ValueError, OSError, printing.PrintError) as error:
            self.say(error_text(error), ok=False)
            return
        self.say(
            self.tr("%n page(s) sent to {printer}.", "", pages).format(printer=printer), ok=True
        )
        self.printed.emit(printer, pages)
