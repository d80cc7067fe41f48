"""The scanner self-test dialog: key-by-key capture, the verdict and its fixes, the test label,
and Tools → Scanner self-test… in the main window."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import zxingcpp
from PIL import Image
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from custody.context import AppContext
from custody.domain.scanner_check import TEST_PAYLOAD
from custody.services.lab import LabView
from custody.ui.dialogs.scanner_test import ScannerTestDialog
from custody.ui.main_window import MainWindow
from custody.ui.widgets.scan_capture import IDLE_MS
from lab_support import skip_or_fail

QUEUE_ENV = "CUSTODY_TEST_CUPS_QUEUE"
OUT_ENV = "CUSTODY_TEST_CUPS_OUT"
AZERTY_DIGITS = "&é\"'(-è_çà"  # 1234567890 typed on a French AZERTY computer


def open_dialog(qtbot) -> ScannerTestDialog:
    dialog = ScannerTestDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(dialog.capture.hasFocus)  # ready for a scan at once, no click needed
    return dialog


def scan(qtbot, dialog: ScannerTestDialog, text: str, *, enter: bool = True) -> None:
    """Type ``text`` key by key into the capture box, as a wedge scanner does; wait for the
    verdict (after Enter at once, else after the idle pause)."""
    with qtbot.waitSignal(dialog.diagnosed, timeout=IDLE_MS * 10):
        if text.isascii():
            qtbot.keyClicks(dialog.capture, text)
        else:
            type_latin1(dialog.capture, text)
        if enter:
            qtbot.keyClick(dialog.capture, Qt.Key.Key_Return)


def type_latin1(widget: QWidget, text: str) -> None:
    """Key events for characters QTest.keyClicks cannot type (it aborts on non-ASCII): the key
    code a Latin-1 keyboard reports (é -> Key_Eacute) and the character as the event's text."""
    for ch in text:
        key = ord(ch.upper()) if len(ch.upper()) == 1 else Qt.Key.Key_unknown
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, ch)
            QApplication.sendEvent(widget, event)


def result_text(dialog: ScannerTestDialog) -> str:
    assert dialog.result_label.isVisible()
    return dialog.result_label.text()


def test_an_intact_scan_shows_the_green_verdict(qtbot) -> None:
    dialog = open_dialog(qtbot)
    assert "Ready: scan the test label now." in dialog.capture.caption.text()
    assert not dialog.result_label.isVisible()
    scan(qtbot, dialog, TEST_PAYLOAD)
    assert dialog.diagnosis is not None and dialog.diagnosis.ok
    assert dialog.received == TEST_PAYLOAD
    text = result_text(dialog)
    assert "The scanner works with this computer." in text
    assert "ended with Enter" in text
    assert "#1e6b34" in dialog.result_label.styleSheet()  # green
    assert dialog.scan_again_button.isVisible()


def test_lower_case_letters_say_turn_capslock_off(qtbot) -> None:
    dialog = open_dialog(qtbot)
    scan(qtbot, dialog, TEST_PAYLOAD.lower())
    assert dialog.diagnosis is not None
    assert dialog.diagnosis.codes == ("caps_lock",)
    text = result_text(dialog)
    assert "Letters arrived in lower case" in text
    assert "<b>Fix:</b> Turn CapsLock off" in text
    assert "#b00020" in dialog.result_label.styleSheet()  # red


def test_azerty_symbols_are_captured_as_typed(qtbot) -> None:
    dialog = open_dialog(qtbot)
    scan(qtbot, dialog, TEST_PAYLOAD[:-10] + AZERTY_DIGITS)
    assert dialog.received.endswith(AZERTY_DIGITS)  # the key events' text, not a cleaned-up line
    assert dialog.diagnosis is not None
    assert "azerty_digits" in dialog.diagnosis.codes
    assert "keyboard language to match the computer" in result_text(dialog)


def test_no_enter_is_reported_after_a_pause(qtbot) -> None:
    dialog = open_dialog(qtbot)
    scan(qtbot, dialog, TEST_PAYLOAD, enter=False)
    assert dialog.diagnosis is not None
    assert dialog.diagnosis.codes == ("missing_enter",)
    text = result_text(dialog)
    assert "did not end with Enter" in text
    assert "Configure the scanner to send Enter" in text
    assert "no Enter after it" in text


def test_a_tab_suffix_is_part_of_the_scan(qtbot) -> None:
    dialog = open_dialog(qtbot)
    with qtbot.waitSignal(dialog.diagnosed, timeout=IDLE_MS * 10):
        qtbot.keyClicks(dialog.capture, TEST_PAYLOAD)
        qtbot.keyClick(dialog.capture, Qt.Key.Key_Tab)
    assert dialog.received == TEST_PAYLOAD + "\t"
    assert dialog.capture.hasFocus()  # the Tab did not move the focus away
    assert dialog.diagnosis is not None
    assert set(dialog.diagnosis.codes) == {"missing_enter", "extra_characters"}


def test_scan_again_clears_the_verdict_and_a_new_scan_replaces_it(qtbot) -> None:
    dialog = open_dialog(qtbot)
    scan(qtbot, dialog, TEST_PAYLOAD.lower())
    qtbot.mouseClick(dialog.scan_again_button, Qt.MouseButton.LeftButton)
    assert dialog.diagnosis is None
    assert not dialog.result_label.isVisible()
    qtbot.waitUntil(dialog.capture.hasFocus)  # back in the capture box, not on the button
    scan(qtbot, dialog, TEST_PAYLOAD)
    assert dialog.diagnosis is not None and dialog.diagnosis.ok
    scan(qtbot, dialog, TEST_PAYLOAD[:30])  # scanning again right away also works
    assert dialog.diagnosis.codes == ("dropped_characters",)


def test_save_writes_a_test_label_that_reads_back(qtbot, tmp_path: Path, monkeypatch) -> None:
    tool = shutil.which("pdftoppm")
    if tool is None:
        skip_or_fail("pdftoppm (poppler-utils) is not installed")
    dialog = open_dialog(qtbot)
    dialog.template_combo.setCurrentIndex(dialog.template_combo.findData("thermal-2x1-203"))
    chosen = tmp_path / "test-label"  # the clerk typed no extension
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(chosen), "PDF files (*.pdf)")
    )
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    pdf = tmp_path / "test-label.pdf"
    assert pdf.is_file()
    assert "Test label saved to" in dialog.label_note.text()
    assert "QR code only" in dialog.label_note.text()  # no Code 128 on a 2"×1" label
    qtbot.waitUntil(dialog.capture.hasFocus)  # back in the capture box, ready for the scan
    subprocess.run([str(tool), "-r", "203", "-png", str(pdf), str(tmp_path / "p")], check=True)
    with Image.open(tmp_path / "p-1.png") as image:
        assert [r.text for r in zxingcpp.read_barcodes(image)] == [TEST_PAYLOAD]


def test_saving_into_a_missing_folder_warns_and_writes_nothing(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    dialog = open_dialog(qtbot)
    warnings: list[str] = []
    monkeypatch.setattr(
        "custody.ui.dialogs.scanner_test.QMessageBox.warning",
        lambda parent, title, text: warnings.append(text),
    )
    assert dialog.save_label(tmp_path / "missing" / "label.pdf") is None
    assert len(warnings) == 1
    assert warnings[0].startswith("The test label could not be saved: ")
    assert not (tmp_path / "missing").exists()


def test_print_sends_the_test_label_to_a_real_queue(qtbot, tmp_path: Path) -> None:
    """Through CUPS (cups-pdf: what the printer would get); see tests/ui/test_printing.py."""
    queue, out = os.environ.get(QUEUE_ENV, ""), os.environ.get(OUT_ENV, "")
    if not queue or not Path(out).is_dir():
        skip_or_fail(f"{QUEUE_ENV} / {OUT_ENV} are not set (scripts/cups-test-printer start DIR)")
    dialog = open_dialog(qtbot)
    if dialog.printer_combo.findText(queue) < 0:
        skip_or_fail(f"CUPS queue {queue!r} is not available to Qt")
    dialog.printer_combo.setCurrentIndex(dialog.printer_combo.findText(queue))
    dialog.template_combo.setCurrentIndex(dialog.template_combo.findData("thermal-2x1-203"))
    pattern = "scanner-self-test-thermal-2x1-203*.pdf"
    before = set(Path(out).glob(pattern))
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    assert f"Test label sent to {queue}." in dialog.label_note.text()
    sizes: list[int] = []

    def printed() -> bool:  # cups-pdf has written the file, and it stopped growing
        new = sorted(set(Path(out).glob(pattern)) - before)
        sizes.append(new[0].stat().st_size if new else 0)
        return len(sizes) > 1 and sizes[-1] > 0 and sizes[-1] == sizes[-2]

    qtbot.waitUntil(printed, timeout=60_000)
    (result,) = sorted(set(Path(out).glob(pattern)) - before)
    copy = tmp_path / "printed.pdf"
    shutil.copyfile(result, copy)
    result.unlink()
    tool = shutil.which("pdftoppm")
    if tool is None:
        skip_or_fail("pdftoppm (poppler-utils) is not installed")
    subprocess.run([str(tool), "-r", "203", "-png", str(copy), str(tmp_path / "p")], check=True)
    with Image.open(tmp_path / "p-1.png") as image:
        assert [r.text for r in zxingcpp.read_barcodes(image)] == [TEST_PAYLOAD]


def test_the_tools_menu_opens_the_dialog(qtbot, signed_in: AppContext, lab_view: LabView) -> None:
    window = MainWindow(signed_in, lab_view)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    (tools,) = [a.menu() for a in window.menuBar().actions() if a.text() == "&Tools"]
    assert window.scanner_test_action in tools.actions()
    assert window.scanner_test_action.text() == "&Scanner self-test…"
    window.scanner_test_action.trigger()
    dialog = window.findChild(ScannerTestDialog)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert dialog.isVisible()
    scan(qtbot, dialog, TEST_PAYLOAD)
    assert dialog.diagnosis is not None and dialog.diagnosis.ok
    dialog.reject()
