"""Helpers for the UI tests (a uniquely named module: `conftest` is not importable by name)."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.profiles import CHEAPEST
from PySide6.QtCore import Qt

from custody import demo
from custody.context import AppContext

CHEAP = PasswordHasher.from_parameters(CHEAPEST)
SUPERVISOR = demo.DEMO_USERS[0]

# The offscreen platform says this whenever a top-level window gets a size constraint (every
# dialog with a layout); real platforms (xcb, windows, cocoa) support it. Any other warning fails.
OFFSCREEN_NOISE = r"This plugin does not support propagateSizeHints\(\)"
OFFSCREEN_NOISE_TEXT = "This plugin does not support propagateSizeHints()"


def make_ctx(url: str) -> AppContext:
    return AppContext(url, workstation="ui-test", hasher=CHEAP)


def click_print_and_wait(qtbot, dialog) -> None:  # type: ignore[no-untyped-def]
    """Click a PrintLabelsDialog's Print and wait until its job (on a worker thread) has ended."""
    with qtbot.waitSignal(dialog.labels_finished, timeout=60_000):
        qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
