"""A box that records a keyboard-wedge scan key by key, exactly as the keyboard layout typed it.

Each key press contributes its ``QKeyEvent.text()`` (so CapsLock's lower case and an AZERTY
layout's ``&é"'`` arrive unchanged; modifier keys add nothing). Enter/Return ends the scan; when
no Enter comes, the scan ends :data:`IDLE_MS` after the last key and is reported as such. A Tab
typed during a scan is recorded (a scanner's Tab suffix) instead of moving the focus. Enter with
nothing before it reports an empty scan, unless it follows a scan at once (a CR LF suffix).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QElapsedTimer, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout

from custody.domain.scanner_check import MAX_RECEIVED_LENGTH, escape

__all__ = ["IDLE_MS", "ScanCapture"]

IDLE_MS = 300  # a scanner types a whole code in far less; after this no Enter is coming
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_SHOWN = 60  # characters of the scan shown while it arrives


class ScanCapture(QFrame):
    scan_started = Signal()
    scan_finished = Signal(str, bool)  # the text typed, whether Enter ended it

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("scan_capture")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumHeight(64)
        self._text: list[str] = []
        self._scanning = False
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(IDLE_MS)
        self._idle.timeout.connect(self._on_idle_timeout)
        self._since_last = QElapsedTimer()  # since the last scan ended
        self.caption = QLabel()
        self.caption.setObjectName("capture_caption")
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption.setTextFormat(Qt.TextFormat.PlainText)
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.caption)
        self._show_state()

    @property
    def received(self) -> str:
        return "".join(self._text)

    def reset(self) -> None:
        """Forget the scan in progress; wait for the next one."""
        self._idle.stop()
        self._text.clear()
        self._scanning = False
        self._show_state()

    # --- Qt overrides ---------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Escape and not self._scanning:
            event.ignore()  # the dialog closes
            return
        event.accept()
        text = event.text()
        if key in _ENTER_KEYS or text in ("\r", "\n"):
            if (
                self._scanning
                or not self._since_last.isValid()
                or self._since_last.hasExpired(IDLE_MS)
            ):
                self._finish(ended_with_enter=True)
            return  # else the second half of a CR LF suffix: the scan has been reported
        if not text:  # Shift, CapsLock, a dead key waiting for its letter
            return
        if not self._scanning:
            self._scanning = True
            self._text.clear()
            self.scan_started.emit()
        if len(self._text) <= MAX_RECEIVED_LENGTH:
            self._text.append(text)
        self._idle.start()
        self._show_state()

    def focusNextPrevChild(self, next: bool) -> bool:
        if self._scanning:
            return False  # Tab is part of the scan: keyPressEvent records it
        return super().focusNextPrevChild(next)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self._show_state()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self._show_state()

    # --- internals ------------------------------------------------------------------------

    def _finish(self, *, ended_with_enter: bool) -> None:
        self._idle.stop()
        self._since_last.start()
        received = self.received
        self._scanning = False
        self._show_state()
        self.scan_finished.emit(received, ended_with_enter)

    def _on_idle_timeout(self) -> None:
        if self._scanning:
            self._finish(ended_with_enter=False)

    def _show_state(self) -> None:
        if self._scanning:
            text = self.tr("Receiving: {scan}").format(scan=escape(self.received, _SHOWN))
        elif self.hasFocus():
            text = self.tr("Ready: scan the test label now.")
        else:
            text = self.tr("Click here, then scan the test label.")
        self.caption.setText(text)
        border = "#1a73e8" if self.hasFocus() else "#9e9e9e"
        self.setStyleSheet(f"#scan_capture {{ border: 2px dashed {border}; }}")
