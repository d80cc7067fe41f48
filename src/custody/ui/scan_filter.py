"""Scan anywhere: recognise a barcode scanner's burst of keystrokes wherever the focus is.

A USB wedge scanner is a keyboard that types a whole code in a few milliseconds, then Enter.
:class:`ScannerBurstFilter`, installed on the QApplication, *holds back* printable key presses
while they could still be the start of such a burst, and then decides:

- Enter comes after at least ``min_length`` characters, each at most ``max_gap_ms`` after the
  one before (Enter itself within ``enter_gap_ms``; modifier keys such as the Shift a scanner
  presses before a capital letter do not count): a scan.
  :attr:`~ScannerBurstFilter.burst_scanned` is emitted with the text; the held keys and that
  Enter never reach the focused widget, so whatever was being edited keeps its text and no
  default button or ``returnPressed`` fires.
- anything else (a pause longer than ``max_gap_ms``, a key that types nothing such as an arrow
  or Backspace, an Enter after a short run, focus moving elsewhere): the held keys are
  replayed, in order, to the widget they were typed into, then the key that ended the run goes
  on as usual. Manual typing reaches the field unchanged, each key at most ``flush_ms`` later
  than typed (a fast run of two or more keys without Enter, at most ``enter_gap_ms``).

Why hold back rather than let the keys through and take them out afterwards: the focused widget
can be anything — a line edit, a table's keyboard search, a combo box, a button that Space
clicks, a field whose Enter starts a search — and only the widget itself could undo what a key
did. A held-back key has done nothing yet.

Times come from the key events' own timestamps where the platform sets them (so keys that were
typed slowly but delivered together by a busy GUI thread still count as typing), else from a
monotonic clock; tests pass ``clock``. The flush timer is real time: a GUI thread blocked for
longer than ``flush_ms`` in the middle of a burst may deliver its first part to the field.

Left alone: key events while a modal dialog or a popup is open (sign-in, hand-over and the
scanner self-test read their keys themselves), password fields, and any widget whose dynamic
property ``scanRawKeys`` is true.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

__all__ = ["RAW_KEYS_PROPERTY", "Clock", "ScannerBurstFilter"]

RAW_KEYS_PROPERTY = "scanRawKeys"
Clock = Callable[[QKeyEvent], float]  # milliseconds, any origin, never decreasing
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
# Keys that type nothing by themselves: a scanner presses Shift before every capital letter.
_MODIFIER_KEYS = frozenset(
    {
        Qt.Key.Key_Shift,
        Qt.Key.Key_Control,
        Qt.Key.Key_Alt,
        Qt.Key.Key_AltGr,
        Qt.Key.Key_Meta,
        Qt.Key.Key_CapsLock,
        Qt.Key.Key_NumLock,
        Qt.Key.Key_Super_L,
        Qt.Key.Key_Super_R,
    }
)


def _event_time(event: QKeyEvent) -> float:
    """The platform's time of the key press (ms); a monotonic clock when it has none."""
    stamp = event.timestamp()
    return float(stamp) if stamp else time.monotonic() * 1000.0


@dataclass(frozen=True)
class _Key:
    key: int
    modifiers: Qt.KeyboardModifier
    text: str


class ScannerBurstFilter(QObject):
    """Application-wide event filter that turns scanner bursts into :attr:`burst_scanned`."""

    burst_scanned = Signal(str)

    def __init__(
        self,
        parent: Any = None,
        *,
        max_gap_ms: float = 30,
        enter_gap_ms: float = 150,
        min_length: int = 6,
        flush_ms: int = 50,
        clock: Clock = _event_time,
    ) -> None:
        super().__init__(parent)
        self.max_gap_ms = max_gap_ms
        self.enter_gap_ms = enter_gap_ms
        self.min_length = min_length
        self.flush_ms = flush_ms
        self.enabled = True
        self._clock = clock
        self._held: list[_Key] = []
        self._target: QWidget | None = None
        self._last = 0.0
        self._releases: Counter[int] = Counter()  # held keys whose release must not pass
        self._replaying = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.flush)

    @property
    def holding(self) -> str:
        """The characters held back right now (for tests and diagnostics)."""
        return "".join(k.text for k in self._held)

    # --- the filter -----------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease) or self._replaying:
            return False
        if not isinstance(watched, QWidget) or not _first_receiver(watched):
            return False  # the window before the widget, or a parent the key propagated to
        assert isinstance(event, QKeyEvent)
        if kind == QEvent.Type.KeyRelease:
            return self._on_release(event)
        return self._on_press(watched, event)

    def _on_release(self, event: QKeyEvent) -> bool:
        if self._releases[event.key()] <= 0:
            return False
        self._releases[event.key()] -= 1
        event.accept()
        return True

    def _on_press(self, widget: QWidget, event: QKeyEvent) -> bool:
        if not self.enabled or _left_alone(widget):
            self.flush()
            return False
        key, text = event.key(), event.text()
        if key in _MODIFIER_KEYS:
            return False  # neither typing nor the end of a run
        now = self._clock(event)
        limit = self.enter_gap_ms if key in _ENTER_KEYS else self.max_gap_ms
        if self._held and (now - self._last > limit or widget is not self._target):
            self.flush()
        if key in _ENTER_KEYS:
            if len(self._held) < self.min_length:
                self.flush()
                return False
            scan = self.holding
            self._drop()
            self._releases[key] += 1
            event.accept()
            self.burst_scanned.emit(scan)
            return True
        if event.isAutoRepeat() or len(text) != 1 or not text.isprintable():
            self.flush()
            return False
        self._held.append(_Key(key, event.modifiers(), text))
        self._target, self._last = widget, now
        self._releases[key] += 1
        # a lone key is typing unless another follows at once; a fast run waits for its Enter
        self._timer.start(self.flush_ms if len(self._held) == 1 else int(self.enter_gap_ms))
        event.accept()
        return True

    # --- replaying ------------------------------------------------------------------------

    def flush(self) -> None:
        """Replay the held keys to the widget they were typed into (it was typing after all)."""
        held, target = self._held, self._target
        self._drop()
        if not held:
            return
        if target is None or not shiboken6.isValid(target):
            target = QApplication.focusWidget()
            if target is None:
                return
        self._replaying = True
        try:
            for k in held:
                for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                    QApplication.sendEvent(target, QKeyEvent(kind, k.key, k.modifiers, k.text))
        finally:
            self._replaying = False

    def _drop(self) -> None:
        self._timer.stop()
        self._held = []
        self._target = None


def _first_receiver(widget: QWidget) -> bool:
    """Whether `widget` is the first widget a key event reaches (not a parent it propagated to)."""
    focus = QApplication.focusWidget()
    return widget is focus or (focus is None and widget.isWindow())


def _left_alone(widget: QWidget) -> bool:
    if QApplication.activeModalWidget() is not None or QApplication.activePopupWidget():
        return True
    if isinstance(widget, QLineEdit) and widget.echoMode() != QLineEdit.EchoMode.Normal:
        return True
    return bool(widget.property(RAW_KEYS_PROPERTY))
