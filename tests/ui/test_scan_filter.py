"""ScannerBurstFilter on the real QApplication: a scanner's burst is routed to the handler and
leaves the focused widget untouched; typing by hand reaches the widget unchanged."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QListWidget, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from custody.ui.scan_filter import RAW_KEYS_PROPERTY, ScannerBurstFilter

PAYLOAD = "1S0GMXAICM2026000123000005LKEEA3QM20F3WK433"
Install = Callable[[ScannerBurstFilter], ScannerBurstFilter]


@pytest.fixture
def install(qapp: QApplication) -> Iterator[Install]:
    """Install filters on the application; remove them afterwards (other tests type too)."""
    installed: list[ScannerBurstFilter] = []

    def add(burst: ScannerBurstFilter) -> ScannerBurstFilter:
        qapp.installEventFilter(burst)
        installed.append(burst)
        return burst

    yield add
    for burst in installed:
        qapp.removeEventFilter(burst)


def every(ms: int) -> Callable[[QKeyEvent], float]:
    """A clock that advances `ms` per key press."""
    ticks = itertools.count(0, ms)
    return lambda _event: float(next(ticks))


def focused(qtbot: QtBot, widget: QWidget, focus: QWidget | None = None) -> None:
    qtbot.addWidget(widget)
    widget.show()
    widget.activateWindow()
    (focus or widget).setFocus()
    qtbot.waitUntil((focus or widget).hasFocus)


def test_a_burst_is_routed_and_the_focused_field_keeps_its_text(
    qtbot: QtBot, install: Install
) -> None:
    edit = QLineEdit("seal looks fine")
    focused(qtbot, edit)
    burst = install(ScannerBurstFilter(clock=every(5)))
    entered: list[bool] = []
    edit.returnPressed.connect(lambda: entered.append(True))
    with qtbot.waitSignal(burst.burst_scanned) as caught:
        qtbot.keyClicks(edit, PAYLOAD)
        qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert caught.args == [PAYLOAD]
    assert edit.text() == "seal looks fine" and edit.cursorPosition() == len("seal looks fine")
    assert entered == [] and burst.holding == ""


def test_slow_typing_reaches_the_field_unchanged(qtbot: QtBot, install: Install) -> None:
    edit = QLineEdit()
    focused(qtbot, edit)
    burst = install(ScannerBurstFilter(clock=every(180)))
    scanned: list[str] = []
    burst.burst_scanned.connect(scanned.append)
    qtbot.keyClicks(edit, "Bolsa 3, sello OK")
    qtbot.waitUntil(lambda: edit.text() == "Bolsa 3, sello OK")
    with qtbot.waitSignal(edit.returnPressed):
        qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    assert edit.text() == "Bolsa 3, sello O" and scanned == []


def test_a_fast_short_word_and_a_fast_run_without_enter_are_typing(
    qtbot: QtBot, install: Install
) -> None:
    edit = QLineEdit()
    focused(qtbot, edit)
    burst = install(ScannerBurstFilter(clock=every(5)))
    scanned: list[str] = []
    burst.burst_scanned.connect(scanned.append)
    with qtbot.waitSignal(edit.returnPressed):  # fewer than 6 characters, then Enter
        qtbot.keyClicks(edit, "ok")
        qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert edit.text() == "ok"
    qtbot.keyClicks(edit, " ABCDEFGH")  # fast, but no Enter: flushed after a short wait
    qtbot.waitUntil(lambda: edit.text() == "ok ABCDEFGH")
    assert scanned == []


def test_a_pause_before_enter_makes_it_typing(qtbot: QtBot, install: Install) -> None:
    edit = QLineEdit()
    focused(qtbot, edit)
    times = iter([*range(0, 40, 5), 1000])  # 8 fast keys, then Enter a second later
    burst = install(ScannerBurstFilter(clock=lambda _e: float(next(times))))
    scanned: list[str] = []
    burst.burst_scanned.connect(scanned.append)
    with qtbot.waitSignal(edit.returnPressed):
        qtbot.keyClicks(edit, "ABCDEFGH")
        qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert edit.text() == "ABCDEFGH" and scanned == []


def test_a_burst_does_not_drive_a_list_keyboard_search(qtbot: QtBot, install: Install) -> None:
    listing = QListWidget()
    listing.addItems(["apple", "banana", "cherry"])
    listing.setCurrentRow(0)
    focused(qtbot, listing)
    burst = install(ScannerBurstFilter(clock=every(3)))
    with qtbot.waitSignal(burst.burst_scanned) as caught:
        qtbot.keyClicks(listing, "BANANA12")
        qtbot.keyClick(listing, Qt.Key.Key_Enter)
    assert caught.args == ["BANANA12"] and listing.currentRow() == 0


def test_timestamps_of_the_events_decide_by_default(qtbot: QtBot, install: Install) -> None:
    """Keys typed slowly but delivered together (a busy GUI thread) are still typing."""
    edit = QLineEdit()
    focused(qtbot, edit)
    burst = install(ScannerBurstFilter())
    scanned: list[str] = []
    burst.burst_scanned.connect(scanned.append)

    def send(key: Qt.Key, text: str, modifiers: Qt.KeyboardModifier, at: int) -> None:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, key, modifiers, text)
            event.setTimestamp(at)
            QApplication.sendEvent(edit, event)

    def deliver(text: str, start: int, step: int) -> None:
        """Like X: a Shift press before each capital letter, then the letter with Shift."""
        for i, ch in enumerate([*text, "\r"]):
            at = start + i * step
            if ch == "\r":
                send(Qt.Key.Key_Return, ch, Qt.KeyboardModifier.NoModifier, at)
            elif ch.isupper():
                send(Qt.Key.Key_Shift, "", Qt.KeyboardModifier.ShiftModifier, at)
                send(Qt.Key(ord(ch)), ch, Qt.KeyboardModifier.ShiftModifier, at + 1)
            else:
                send(Qt.Key(ord(ch.upper())), ch, Qt.KeyboardModifier.NoModifier, at)

    deliver("Typed1", 10_000, 150)
    assert edit.text() == "Typed1" and scanned == []
    deliver("SCANNED2", 20_000, 4)
    assert edit.text() == "Typed1" and scanned == ["SCANNED2"]


def test_password_fields_raw_key_widgets_and_modal_dialogs_are_left_alone(
    qtbot: QtBot, install: Install
) -> None:
    password = QLineEdit()
    password.setEchoMode(QLineEdit.EchoMode.Password)
    focused(qtbot, password)
    burst = install(ScannerBurstFilter(clock=every(2)))
    scanned: list[str] = []
    burst.burst_scanned.connect(scanned.append)
    qtbot.keyClicks(password, "QUICKPASS")
    qtbot.keyClick(password, Qt.Key.Key_Return)
    assert password.text() == "QUICKPASS"

    raw = QLineEdit()
    raw.setProperty(RAW_KEYS_PROPERTY, True)
    focused(qtbot, raw)
    qtbot.keyClicks(raw, PAYLOAD)
    qtbot.keyClick(raw, Qt.Key.Key_Return)
    assert raw.text() == PAYLOAD

    owner = QWidget()
    qtbot.addWidget(owner)
    owner.show()
    dialog = QDialog(owner)  # opened like the hand-over dialog: window-modal
    field = QLineEdit()
    QVBoxLayout(dialog).addWidget(field)
    dialog.open()
    dialog.activateWindow()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    assert QApplication.activeModalWidget() is dialog
    qtbot.keyClicks(field, PAYLOAD)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert field.text() == PAYLOAD and scanned == []


def test_a_disabled_filter_passes_everything(qtbot: QtBot, install: Install) -> None:
    edit = QLineEdit()
    focused(qtbot, edit)
    burst = install(ScannerBurstFilter(clock=every(2)))
    burst.enabled = False
    with qtbot.waitSignal(edit.returnPressed):
        qtbot.keyClicks(edit, PAYLOAD)
        qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert edit.text() == PAYLOAD
