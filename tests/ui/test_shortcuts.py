"""Keyboard first: every key sequence in the main window means one thing where it can fire.
Window-wide actions (Ctrl+1…8, Ctrl+P, Ctrl+L…) must not be taken again by a view, and a view's
own shortcuts (F2–F6 at the scan station, F5 refresh, Ctrl+N…) must be unique within it."""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QShortcut
from PySide6.QtWidgets import QWidget

from custody.context import AppContext
from custody.services.lab import LabView
from custody.ui.main_window import MainWindow
from custody.ui.session import IdleLock

WINDOW_WIDE = (Qt.ShortcutContext.WindowShortcut, Qt.ShortcutContext.ApplicationShortcut)


def _owner(obj: QAction | QShortcut, window: MainWindow) -> QWidget:
    """The view a view-level shortcut belongs to (the window for window-wide ones)."""
    parent = obj.parent()
    while isinstance(parent, QWidget) and parent is not window:
        if any(parent is window.tabs.widget(i) for i in range(window.tabs.count())):
            return parent
        parent = parent.parentWidget()
    return window


def test_no_key_sequence_is_ambiguous(qtbot, signed_in: AppContext, lab_view: LabView) -> None:
    window = MainWindow(signed_in, lab_view)
    qtbot.addWidget(window)
    idle = IdleLock(signed_in, window)  # adds Ctrl+L to the window
    window.show()
    qtbot.waitExposed(window)
    window_keys: dict[str, list[str]] = defaultdict(list)
    view_keys: dict[tuple[str, str], list[str]] = defaultdict(list)
    entries: list[tuple[str, Qt.ShortcutContext, QWidget, str]] = []
    for action in window.findChildren(QAction):
        for key in action.shortcuts():
            owner = _owner(action, window)
            entries.append((key.toString(), action.shortcutContext(), owner, action.text()))
    for shortcut in window.findChildren(QShortcut):
        owner = _owner(shortcut, window)
        entries.append((shortcut.key().toString(), shortcut.context(), owner, owner.objectName()))
    for key, context, owner, what in entries:
        if context in WINDOW_WIDE or owner is window:
            window_keys[key].append(what)
        else:
            view_keys[(type(owner).__name__, key)].append(what)
    assert {"Ctrl+1", "Ctrl+2", "Ctrl+P", "Ctrl+L"} <= set(window_keys)
    assert {("ScanStationView", f"F{n}") for n in range(2, 7)} <= set(view_keys)
    clashes = {key: whats for key, whats in window_keys.items() if len(whats) > 1}
    clashes |= {f"{v}: {k}": whats for (v, k), whats in view_keys.items() if len(whats) > 1}
    taken_again = {f"{v}: {k}" for (v, k) in view_keys if k in window_keys}
    assert clashes == {} and taken_again == set(), (clashes, taken_again)
    idle.uninstall()
