"""Keyboard first: every key sequence in the main window means one thing where it can fire.
Window-wide actions (Ctrl+1…8, Ctrl+P, Ctrl+L…) must not be taken again by a view, and a view's
own shortcuts (F2–F6 at the scan station, F5 refresh, Ctrl+N…) must be unique within it."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QLabel,
    QTabBar,
    QTabWidget,
    QWidget,
)

from custody.context import AppContext
from custody.services.lab import LabView
from custody.ui.i18n import install_translators
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


def _mnemonic(text: str) -> str | None:
    """The Alt+letter a text claims with '&' ('&&' is a literal ampersand)."""
    match = re.search(r"&([^&\s])", text.replace("&&", ""))
    return match.group(1).lower() if match else None


def _claims(window: MainWindow) -> dict[str, list[str]]:
    """Alt+letters claimed by what is on screen now: menu titles, visible tab bars, buttons,
    labels with a buddy and checkable group boxes."""
    claims: dict[str, list[str]] = defaultdict(list)
    texts = [action.text() for action in window.menuBar().actions()]
    for bar in window.findChildren(QTabBar):
        if bar.isVisible():
            texts += [bar.tabText(i) for i in range(bar.count())]
    texts += [b.text() for b in window.findChildren(QAbstractButton) if b.isVisible()]
    texts += [
        label.text()
        for label in window.findChildren(QLabel)
        if label.isVisible() and label.buddy() is not None
    ]
    texts += [box.title() for box in window.findChildren(QGroupBox) if box.isVisible()]
    for text in texts:
        if (letter := _mnemonic(text)) is not None:
            claims[letter].append(text)
    return claims


def _pages(window: MainWindow, qapp) -> Iterator[str]:
    """Show every view, and every page of the tab widgets inside it, in turn."""
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        qapp.processEvents()
        yield window.tabs.tabText(index)
        view = window.tabs.widget(index)
        for inner in view.findChildren(QTabWidget) if view is not None else []:
            if not inner.isVisible():
                continue
            for page in range(inner.count()):
                if inner.isTabEnabled(page):
                    inner.setCurrentIndex(page)
                    qapp.processEvents()
                    yield f"{window.tabs.tabText(index)} › {inner.tabText(page)}"


@pytest.mark.parametrize("language", ["en", "es"])
def test_no_alt_letter_is_claimed_twice_on_any_screen(
    qtbot, qapp, signed_in: AppContext, lab_view: LabView, language: str
) -> None:
    """Alt+letter must do one thing on each screen: go to a menu, a view, a tab or a field."""
    translators = install_translators(qapp, language)
    try:
        window = MainWindow(signed_in, lab_view)
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        qtbot.waitExposed(window)
        clashes = {}
        for screen in _pages(window, qapp):
            found = {k: v for k, v in _claims(window).items() if len(v) > 1}
            if found:
                clashes[screen] = found
        assert clashes == {}
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
