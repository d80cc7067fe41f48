"""Idle session lock (CJIS: lock after at most 30 minutes without input).

`IdleLock` is an application-wide event filter: every key, mouse, wheel, touch or tablet event
notes the time on a monotonic clock (never the wall clock, which a user can change). A timer
compares the idle time with the limit; past it, every open window of the app is covered by an
opaque `_Cover` (its widgets stay exactly as they were: typed text, selections, open dialogs),
popups and tooltips are closed, and an application-modal `UnlockDialog` asks for the signed-in
user's password, checked by the sign-in service (`users.authenticate`, purpose "unlock"): a
wrong one is journaled as `auth.failed` and counts towards the account lockout. While locked,
input meant for any other window is dropped, so a scanner or a keyboard cannot type into the
covered forms. "Sign out" signs the context out and emits `signed_out` (the app quits).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from functools import partial

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QWindow
from PySide6.QtWidgets import QApplication, QLabel, QToolTip, QVBoxLayout, QWidget

from custody.context import AppContext
from custody.errors import CustodyError, Refusal, StorageError
from custody.services import users
from custody.settings import IDLE_LOCK_DEFAULT, Settings
from custody.ui.dialogs.unlock import UnlockDialog
from custody.ui.error_text import error_text

Clock = Callable[[], float]

INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TouchEnd,
        QEvent.Type.TabletPress,
        QEvent.Type.TabletMove,
        QEvent.Type.TabletRelease,
        QEvent.Type.ContextMenu,
        QEvent.Type.Shortcut,
        QEvent.Type.ShortcutOverride,
    }
)
_NOT_COVERED = (Qt.WindowType.Popup, Qt.WindowType.ToolTip)

log = logging.getLogger(__name__)

_BOOTTIME: int | None = getattr(time, "CLOCK_BOOTTIME", None)


def monotonic_seconds() -> float:
    """A clock that never goes back and ignores wall-clock changes. On Linux it also counts the
    time a laptop spent suspended (CLOCK_BOOTTIME), so a session idle across a suspend locks on
    waking; elsewhere `time.monotonic` (which counts sleep on Windows)."""
    if _BOOTTIME is not None:
        return time.clock_gettime(_BOOTTIME)
    return time.monotonic()


class _Cover(QWidget):
    """An opaque sheet over a whole window (menus and status bar included), following its size."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self.setObjectName("lock_cover")
        self.setAutoFillBackground(True)
        self.setAttribute(Qt.WidgetAttribute.WA_NoMousePropagation)
        label = QLabel(self.tr("Custody is locked: enter your password to continue."))
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        self.setGeometry(window.rect())
        window.installEventFilter(self)
        self.show()
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Resize:
            self.setGeometry(self._window.rect())
            self.raise_()
        return False


class IdleLock(QObject):
    locked = Signal()
    unlocked = Signal()
    signed_out = Signal()

    def __init__(
        self,
        ctx: AppContext,
        window: QWidget,
        *,
        minutes: int = IDLE_LOCK_DEFAULT,
        clock: Clock = monotonic_seconds,
        check_interval_ms: int = 1000,
    ) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.window = window
        self.minutes = Settings(idle_lock_minutes=minutes).idle_lock_minutes  # 1–30 or refused
        self._clock = clock
        self._last_input = clock()
        self._covers: list[_Cover] = []
        self._focus: QWidget | None = None
        self._active: QWidget | None = None
        self.dialog: UnlockDialog | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(check_interval_ms)
        self._timer.timeout.connect(self._on_timer_timeout)
        self.lock_action = QAction(self.tr("&Lock now"), window)
        self.lock_action.setObjectName("lock_now")
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(self._on_lock_action_triggered)
        window.addAction(self.lock_action)

    # --- watching -------------------------------------------------------------------------

    def install(self) -> None:
        """Start watching the whole application's input."""
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)
        self._last_input = self._clock()
        self._timer.start()

    def uninstall(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self._timer.stop()

    @property
    def is_locked(self) -> bool:
        return self.dialog is not None

    def idle_seconds(self) -> float:
        return self._clock() - self._last_input

    def covers(self) -> list[QWidget]:
        """The sheets over the app's windows while locked (empty when unlocked)."""
        return [cover for cover in self._covers if shiboken6.isValid(cover)]

    def check(self) -> None:
        """Lock if the idle time has reached the limit (the timer calls this every second)."""
        if not self.is_locked and self.idle_seconds() >= self.minutes * 60:
            self.lock(reason="idle")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if self.dialog is None:
            if kind in INPUT_EVENTS:
                self._last_input = self._clock()
            return False
        if kind == QEvent.Type.Show and isinstance(watched, QWidget) and watched.isWindow():
            if self._coverable(watched):  # a window that opened while locked
                self._cover(watched)
                self.dialog.activateWindow()
            return False
        return kind in INPUT_EVENTS and not self._in_dialog(watched)

    def _in_dialog(self, watched: QObject) -> bool:
        """Whether input for `watched` belongs to the unlock dialog (a shortcut's action or
        QShortcut counts as the widget it is on)."""
        dialog = self.dialog
        if dialog is None:
            return True
        if isinstance(watched, QWindow):
            return watched is dialog.windowHandle()
        widget = watched if isinstance(watched, QWidget) else watched.parent()
        if not isinstance(widget, QWidget):
            return True
        return widget is dialog or dialog.isAncestorOf(widget)

    # --- locking --------------------------------------------------------------------------

    def lock(self, reason: str = "manual") -> None:
        """Cover every window and ask for the password (also the Ctrl+L action). The lock is
        journaled (`session.locked`, idle or manual) once the windows are covered; a database
        that cannot take the entry does not keep the screen open."""
        if self.is_locked:
            return
        self._focus = QApplication.focusWidget()
        self._active = QApplication.activeWindow()
        self._close_popups()
        QToolTip.hideText()
        actor = self.ctx.actor
        dialog = UnlockDialog(
            actor.full_name if actor else "", actor.username if actor else "", self.window
        )
        dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        dialog.submitted.connect(self._on_dialog_submitted)
        dialog.sign_out_requested.connect(self._on_dialog_sign_out_requested)
        for widget in QApplication.topLevelWidgets():
            if widget.isVisible() and self._coverable(widget, dialog):
                self._cover(widget)
        self.dialog = dialog
        dialog.show()
        dialog.activateWindow()
        try:
            self.ctx.record_lock(reason)
        except CustodyError as error:
            log.warning("the screen lock could not be journaled: %s", error)
        self.locked.emit()

    def unlock(self) -> None:
        """Remove the covers and give the focus back to where it was."""
        dialog = self.dialog
        if dialog is None:
            return
        self.dialog = None
        dialog.accept()
        dialog.deleteLater()
        for cover in self.covers():
            cover.hide()
            cover.deleteLater()
        self._covers.clear()
        if self._active is not None and shiboken6.isValid(self._active):
            self._active.activateWindow()
        if self._focus is not None and shiboken6.isValid(self._focus):
            self._focus.setFocus(Qt.FocusReason.OtherFocusReason)
        self._focus = self._active = None
        self._last_input = self._clock()
        self.unlocked.emit()

    def _coverable(self, widget: QWidget, dialog: QWidget | None = None) -> bool:
        dialog = dialog or self.dialog
        return (
            widget is not dialog
            and widget.windowType() not in _NOT_COVERED
            and not any(cover.parent() is widget for cover in self.covers())
        )

    def _cover(self, widget: QWidget) -> None:
        self._covers.append(_Cover(widget))

    @staticmethod
    def _close_popups() -> None:
        for _ in range(10):  # nested menus: one popup at a time
            popup = QApplication.activePopupWidget()
            if popup is None:
                return
            popup.close()

    # --- the dialog -----------------------------------------------------------------------

    def _on_timer_timeout(self) -> None:
        self.check()

    def _on_dialog_submitted(self, password: str) -> None:
        dialog = self.dialog
        actor = self.ctx.actor
        if dialog is None:
            return
        if actor is None:
            dialog.show_refusal(self.tr("No one is signed in here; sign out."))
            return
        dialog.set_busy(True)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.ctx.perform(
                "unlock",
                partial(
                    users.authenticate,
                    username=actor.username,
                    password=password,
                    purpose="unlock",
                ),
                actor=None,
            )
        except Refusal as refusal:
            dialog.show_refusal(self._refusal_text(refusal, actor.username))
        except StorageError as error:
            dialog.show_refusal(error_text(error))
        else:
            self.unlock()
        finally:
            QApplication.restoreOverrideCursor()

    def _refusal_text(self, refusal: Refusal, username: str) -> str:
        """The service's message; plus, when this failure locked the account, that it did."""
        try:
            account = self.ctx.query(lambda w: users.find_user(w, username))
        except (Refusal, StorageError):
            return error_text(refusal)
        if not account.locked or "locked" in refusal.message:  # the English message
            return error_text(refusal)
        minutes = int(users.LOCKOUT.total_seconds() // 60)
        return "\n".join(
            (
                error_text(refusal),
                self.tr(
                    "That was the {count}th wrong password: the account '{user}' is now locked "
                    "for {minutes} min. Wait, ask a supervisor, or sign out."
                ).format(count=users.MAX_FAILURES, user=username, minutes=minutes),
            )
        )

    def _on_lock_action_triggered(self) -> None:
        self.lock(reason="manual")

    def _on_dialog_sign_out_requested(self) -> None:
        try:  # the covers stay until the app has quit
            self.ctx.end_session("manual")
        except CustodyError as error:
            log.warning("the sign-out could not be journaled: %s", error)
        self.signed_out.emit()
