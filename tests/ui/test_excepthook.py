"""Bugs reach a crash dialog on the GUI thread, from the GUI thread or any other thread."""

from __future__ import annotations

import sys
import threading

import pytest
from PySide6.QtWidgets import QApplication

from custody.ui.excepthook import ExceptHook


@pytest.fixture
def hook(qtbot):
    hook = ExceptHook()
    hook.install()
    yield hook
    hook.uninstall()
    if hook.dialog is not None:
        hook.dialog.close()
        hook.dialog.deleteLater()


def test_an_uncaught_error_opens_the_crash_dialog(qtbot, hook: ExceptHook, capsys) -> None:
    try:
        raise ValueError("boom in a slot")
    except ValueError:
        with qtbot.waitSignal(hook.crashed):
            sys.excepthook(*sys.exc_info())
    assert hook.dialog is not None and hook.dialog.isVisible()
    assert "ValueError: boom in a slot" in hook.dialog.details()
    assert "ValueError: boom in a slot" in capsys.readouterr().err  # kept in the log too


def test_an_error_in_a_worker_thread_is_shown_on_the_gui_thread(qtbot, hook: ExceptHook) -> None:
    def work() -> None:
        raise RuntimeError("boom in a worker")

    with qtbot.waitSignal(hook.crashed, timeout=5000):
        thread = threading.Thread(target=work)
        thread.start()
        thread.join()
    qtbot.waitUntil(lambda: hook.dialog is not None and hook.dialog.isVisible())
    assert hook.dialog is not None
    assert hook.dialog.thread() == QApplication.instance().thread()
    assert "RuntimeError: boom in a worker" in hook.dialog.details()


def test_uninstall_restores_the_previous_hooks() -> None:
    before = (sys.excepthook, threading.excepthook)
    hook = ExceptHook()
    hook.install()
    assert sys.excepthook == hook.handle
    hook.uninstall()
    assert (sys.excepthook, threading.excepthook) == before
