"""IdleLock over the real main window: covered after the limit, unlocked by the password only,
wrong passwords journaled and counted towards the lockout, unsaved input kept, input resets it."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QLineEdit, QVBoxLayout
from ui_support import SUPERVISOR, make_ctx

from custody.context import AppContext
from custody.services import lab
from custody.settings import SettingsError
from custody.ui.main_window import MainWindow
from custody.ui.session import IdleLock, monotonic_seconds

CHECK_MS = 10
QUIET_MS = 150  # long enough for many timer checks


@dataclass
class FakeMonotonic:
    now: float = 5000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, *, minutes: float = 0, seconds: float = 0) -> None:
        self.now += minutes * 60 + seconds


@dataclass
class Locked:
    ctx: AppContext
    path: Path
    window: MainWindow
    idle: IdleLock
    clock: FakeMonotonic

    def journal(self, kind: str) -> list[tuple[str | None, dict[str, Any]]]:
        with closing(sqlite3.connect(self.path)) as db:
            rows = db.execute(
                "SELECT subject, payload FROM journal WHERE kind = ? ORDER BY seq", (kind,)
            ).fetchall()
        return [(subject, json.loads(payload)["data"]) for subject, payload in rows]

    def failed_logins(self) -> int:
        with closing(sqlite3.connect(self.path)) as db:
            row = db.execute(
                "SELECT failed_logins FROM people WHERE username = ?", (SUPERVISOR.username,)
            ).fetchone()
        return int(row[0])


def copy_of(demo_url: str, target: Path) -> None:
    """A consistent copy of the session's demo database (these tests write to it)."""
    source_path = demo_url.split(":///", 1)[1]
    with closing(sqlite3.connect(source_path)) as source, closing(sqlite3.connect(target)) as dest:
        source.backup(dest)


@pytest.fixture
def locked(qtbot, tmp_path: Path, demo_url: str) -> Iterator[Locked]:
    path = tmp_path / "lab.sqlite"
    copy_of(demo_url, path)
    ctx = make_ctx(f"sqlite+pysqlite:///{path}")
    ctx.sign_in(SUPERVISOR.username, SUPERVISOR.password)
    window = MainWindow(ctx, ctx.query(lab.lab))
    qtbot.addWidget(window)
    clock = FakeMonotonic()
    idle = IdleLock(ctx, window, minutes=15, clock=clock, check_interval_ms=CHECK_MS)
    idle.install()
    window.show()
    qtbot.waitExposed(window)
    yield Locked(ctx, path, window, idle, clock)
    idle.uninstall()
    if idle.dialog is not None:
        idle.dialog.hide()  # an application-modal dialog would block the next test's windows
    ctx.close()


def lock_by_idling(qtbot, t: Locked) -> None:
    t.clock.advance(minutes=15)
    with qtbot.waitSignal(t.idle.locked, timeout=2000):
        pass
    assert t.idle.dialog is not None
    qtbot.waitExposed(t.idle.dialog)


def unlock_with(qtbot, t: Locked, password: str) -> None:
    dialog = t.idle.dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.password_edit, password)
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)


def test_after_the_limit_the_window_is_covered_and_input_is_kept(qtbot, locked: Locked) -> None:
    t = locked
    qtbot.keyClicks(t.window.prefix_edit, "MX-AICM-2026")
    t.clock.advance(minutes=14, seconds=59)
    with qtbot.assertNotEmitted(t.idle.locked, wait=QUIET_MS):
        pass
    assert not t.idle.is_locked

    lock_by_idling(qtbot, t)
    (cover,) = t.idle.covers()
    assert cover.parent() is t.window
    assert cover.isVisible() and cover.geometry() == t.window.rect()
    # Nothing of the window shows: not the tabs, not the menus, not the status bar.
    for part in (t.window.centralWidget(), t.window.menuBar(), t.window.statusBar()):
        assert part.visibleRegion().isEmpty(), part
    dialog = t.idle.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowModality() == Qt.WindowModality.ApplicationModal
    assert SUPERVISOR.username in dialog.findChild(type(dialog.message_label), "who").text()

    t.window.resize(900, 500)  # the cover follows the window
    qtbot.waitUntil(lambda: cover.geometry() == t.window.rect())

    qtbot.keyClicks(t.window.prefix_edit, "9999")  # a scanner firing at the covered form
    assert t.window.prefix_edit.text() == "MX-AICM-2026"

    unlock_with(qtbot, t, SUPERVISOR.password)
    assert not t.idle.is_locked
    assert t.idle.covers() == []
    assert not t.window.centralWidget().visibleRegion().isEmpty()
    assert t.window.prefix_edit.text() == "MX-AICM-2026"  # the unsaved input is still there
    qtbot.waitUntil(lambda: t.window.focusWidget() is t.window.prefix_edit)
    ok = t.journal("auth.ok")
    assert ok[-1] == (f"user:{SUPERVISOR.username}", {"purpose": "unlock"})
    assert t.journal("session.locked") == [(f"user:{SUPERVISOR.username}", {"reason": "idle"})]
    assert t.ctx.actor is not None and t.ctx.actor.username == SUPERVISOR.username


def test_a_wrong_password_is_refused_journaled_and_counted(qtbot, locked: Locked) -> None:
    t = locked
    lock_by_idling(qtbot, t)
    dialog = t.idle.dialog
    assert dialog is not None
    with qtbot.assertNotEmitted(t.idle.unlocked):
        unlock_with(qtbot, t, "not my password at all")
    assert t.idle.is_locked and dialog.isVisible()
    assert dialog.message_label.text() == "Wrong user name or password."
    assert dialog.password_edit.text() == ""
    (failed,) = t.journal("auth.failed")
    assert failed[0] == f"user:{SUPERVISOR.username}"
    assert failed[1]["action"] == "unlock"
    assert t.failed_logins() == 1

    with qtbot.waitSignal(t.idle.unlocked):
        unlock_with(qtbot, t, SUPERVISOR.password)  # Return works again after a refusal
    assert t.failed_logins() == 0  # a good password resets the count


def test_five_wrong_passwords_lock_the_account_and_say_so(qtbot, locked: Locked) -> None:
    t = locked
    lock_by_idling(qtbot, t)
    dialog = t.idle.dialog
    assert dialog is not None
    for _ in range(4):
        unlock_with(qtbot, t, "still not the password")
        assert "now locked" not in dialog.message_label.text()
    unlock_with(qtbot, t, "still not the password")
    assert "now locked for 10 min" in dialog.message_label.text()
    assert len(t.journal("auth.locked")) == 1

    unlock_with(qtbot, t, SUPERVISOR.password)  # locked out: even the right one is refused
    assert t.idle.is_locked
    assert "is locked after 5 failed sign-ins" in dialog.message_label.text()

    with qtbot.waitSignal(t.idle.signed_out):
        qtbot.mouseClick(dialog.sign_out_button, Qt.MouseButton.LeftButton)
    assert t.ctx.actor is None
    assert t.idle.covers() != []  # the screen stays covered until the app has quit
    signed_out = t.journal("session.signed_out")
    assert signed_out == [(f"user:{SUPERVISOR.username}", {"reason": "manual"})]


def test_input_resets_the_idle_time(qtbot, locked: Locked) -> None:
    t = locked
    t.clock.advance(minutes=14)
    qtbot.keyClick(t.window.table, Qt.Key.Key_Down)
    assert t.idle.idle_seconds() == 0
    t.clock.advance(minutes=14)
    qtbot.mouseClick(t.window.table.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert t.idle.idle_seconds() == 0
    t.clock.advance(minutes=14)
    # A move through the window system (QTest moves a widget's cursor without an event).
    qtbot.mouseMove(t.window.windowHandle(), QPoint(300, 300))
    assert t.idle.idle_seconds() == 0
    t.clock.advance(minutes=14)
    with qtbot.assertNotEmitted(t.idle.locked, wait=QUIET_MS):
        pass  # 56 minutes since the start, never 15 without input
    lock_by_idling(qtbot, t)


def test_an_open_dialog_is_covered_and_keeps_its_text(qtbot, locked: Locked) -> None:
    t = locked
    form = QDialog(t.window)
    edit = QLineEdit(form)
    QVBoxLayout(form).addWidget(edit)
    form.open()
    qtbot.waitExposed(form)
    qtbot.keyClicks(edit, "Balanza 3, 12.5 g")
    lock_by_idling(qtbot, t)
    covered = {cover.parent() for cover in t.idle.covers()}
    assert covered == {t.window, form}
    assert edit.visibleRegion().isEmpty()
    qtbot.keyClicks(edit, "!!")
    late = QDialog(t.window)  # a window that opens while locked is covered too
    late.show()
    qtbot.waitUntil(lambda: any(c.parent() is late for c in t.idle.covers()))

    unlock_with(qtbot, t, SUPERVISOR.password)
    assert form.isVisible() and edit.text() == "Balanza 3, 12.5 g"
    assert not edit.visibleRegion().isEmpty()
    late.close()


def test_ctrl_l_locks_at_once(qtbot, locked: Locked) -> None:
    t = locked
    t.window.activateWindow()
    qtbot.waitActive(t.window)
    with qtbot.waitSignal(t.idle.locked):
        qtbot.keyClick(t.window.table, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert t.idle.is_locked
    assert t.journal("session.locked") == [(f"user:{SUPERVISOR.username}", {"reason": "manual"})]
    unlock_with(qtbot, t, SUPERVISOR.password)
    assert not t.idle.is_locked


def test_no_shortcut_fires_while_locked(qtbot, locked: Locked) -> None:
    t = locked
    fired: list[bool] = []
    action = QAction("Anywhere", t.window)
    action.setShortcut(QKeySequence("Ctrl+K"))
    action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
    action.triggered.connect(lambda: fired.append(True))
    t.window.addAction(action)
    qtbot.keyClick(t.window.table, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert fired == [True]
    lock_by_idling(qtbot, t)
    assert t.idle.dialog is not None
    qtbot.keyClick(t.idle.dialog.password_edit, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert fired == [True]  # not again


def test_escape_does_not_unlock(qtbot, locked: Locked) -> None:
    t = locked
    lock_by_idling(qtbot, t)
    dialog = t.idle.dialog
    assert dialog is not None
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Escape)
    dialog.close()
    assert t.idle.is_locked and dialog.isVisible()
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)  # nothing typed: asked for it
    assert dialog.message_label.text() == "Enter your password."
    assert t.journal("auth.failed") == []


@pytest.mark.parametrize("minutes", [0, 31])
def test_the_limit_must_be_1_to_30_minutes(qtbot, locked: Locked, minutes: int) -> None:
    with pytest.raises(SettingsError, match="between 1 and 30 minutes"):
        IdleLock(locked.ctx, locked.window, minutes=minutes)


def test_the_default_clock_is_monotonic() -> None:
    readings = [monotonic_seconds() for _ in range(1000)]
    assert readings == sorted(readings)
