"""Long work off the GUI thread, with a progress dialog and Cancel (Anki's `CollectionOp`).

    task = run_task(parent, title, fn, on_done, on_error=None, cancellable=True)

`fn(progress)` runs on a worker thread. It reports with `progress(done, total)` (total 0: no
known end) and may say what it is doing with `progress.say(text)`. Once the person pressed
Cancel (or the window went away), the next `progress(...)` or `progress.check()` raises
`TaskCancelled`: the work stops at a point of its own choosing and its transaction rolls back.
Work that finished before it looked again is reported as done: it happened.

Results come back on the GUI thread: `on_done(result)`; a `CustodyError` (a refusal, a busy
database…) to `on_error`, or to a message box by default; a cancelled task to `on_cancelled`
(if given, nothing else); anything else is a bug and goes to `sys.excepthook`, which the app
routes to the crash dialog (`custody.ui.excepthook`). The dialog is modal to the parent's
window, shows only after `show_after_ms` so quick work does not flash, and is determinate once
the task reports a total.

Databases: a task opens its own transactions with `ctx.query` / `ctx.perform` (a session per
call, its connection from the engine's pool: SQLite files use a QueuePool with
check_same_thread=False, PostgreSQL psycopg connections; one session never leaves the thread
that opened it). Never hand a `Work`, a session or an ORM object across threads. Capture the
signed-in actor on the GUI thread and pass it to `ctx.query(fn, actor=...)`, so a sign-out while
the task runs does not change who it runs as. (An in-memory SQLite database exists once per
thread, so a worker would see an empty one; Custody never opens one.)

Lifetime: the task is owned by the application object, not by `parent`. If `parent` is deleted
while the work runs, the work is told to stop and no callback runs (a bug is still reported);
when the application quits, it waits for the worker to stop, so no thread outlives Qt.

Once the outcome is delivered (or the application quits) the task lets go of the caller: it
disconnects from `parent.destroyed` and drops its references to `parent`, the callbacks and
`fn`, while it is still whole, and only then schedules its own deletion. Those references may be
the last ones to a widget nobody else keeps (a view a test let go of, a closed window); released
during the task's deletion instead, they deleted that widget from inside the task's teardown and
its `destroyed` signal reached the half-deleted task: a segmentation fault.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QMetaObject,
    QObject,
    Qt,
    QThread,
    QTimer,
    Signal,
)
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QMessageBox,
    QProgressBar,
    QProgressDialog,
    QPushButton,
    QWidget,
)

from custody.errors import CustodyError
from custody.ui.error_text import error_text

__all__ = ["SHOW_AFTER_MS", "Progress", "Task", "TaskCancelled", "run_task"]

T = TypeVar("T")

SHOW_AFTER_MS = 400  # quicker work finishes without a dialog flashing up
REPORT_EVERY_S = 0.05  # progress reaches the GUI at most 20 times a second
_INT_MAX = 2**31 - 1


class TaskCancelled(Exception):
    """Raised inside a task by its progress callback once Cancel was pressed."""


class Progress:
    """What a task calls to report progress; it raises TaskCancelled after a Cancel."""

    def __init__(self, worker: _Worker) -> None:
        self._worker = worker
        self._last = 0.0
        self._total: int | None = None

    @property
    def cancelled(self) -> bool:
        return self._worker.stop.is_set()

    def check(self) -> None:
        """Raise TaskCancelled if the task was cancelled."""
        if self._worker.stop.is_set():
            raise TaskCancelled

    def __call__(self, done: int, total: int) -> None:
        """`done` of `total` steps (total <= 0: how far is unknown). Raises TaskCancelled."""
        self.check()
        now = time.monotonic()
        final = total > 0 and done >= total
        if now - self._last >= REPORT_EVERY_S or final or total != self._total:
            self._last, self._total = now, total
            if total > _INT_MAX:
                done, total = done * 1000 // total, 1000
            self._worker.progressed.emit(max(0, min(done, _INT_MAX)), max(0, total))

    def say(self, text: str) -> None:
        """Show `text` in the dialog (what the task is doing now)."""
        self._worker.said.emit(text)


class _Worker(QThread):
    """Runs the task; keeps its outcome for the GUI thread to read after `finished`."""

    progressed = Signal(int, int)
    said = Signal(str)

    def __init__(self, fn: Callable[[Progress], Any], parent: QObject) -> None:
        super().__init__(parent)
        self._fn: Callable[[Progress], Any] | None = fn
        self.stop = threading.Event()
        self.result: Any = None
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            assert self._fn is not None, "a task's work runs once"
            self.result = self._fn(Progress(self))
        except BaseException as error:  # every outcome goes back to the GUI thread
            self.error = error

    def take_outcome(self) -> tuple[Any, BaseException | None]:
        """The result and error, once the thread has ended; forgets them and `fn`."""
        outcome = self.result, self.error
        self.result = self.error = self._fn = None
        return outcome


@dataclass
class _Caller:
    """What the task holds of whoever started it, dropped together once it is done."""

    parent: QWidget
    on_done: Callable[[Any], None]
    on_error: Callable[[CustodyError], None] | None
    on_cancelled: Callable[[], None] | None


class _Dialog(QProgressDialog):
    """Escape or the close box mean Cancel (or nothing, when the task cannot be cancelled)."""

    def __init__(self, title: str, label: str, cancellable: bool, parent: QWidget) -> None:
        super().__init__(parent)
        self.cancellable = cancellable
        self.setObjectName("task_progress")
        self.setWindowTitle(title)
        self.setLabelText(label)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setMinimumDuration(_INT_MAX)  # we decide when it shows
        # Values go to our own bar: QProgressDialog.setValue runs a nested event loop when modal.
        self.bar = QProgressBar(self)
        self.bar.setObjectName("task_bar")
        self.bar.setRange(0, 0)
        self.setBar(self.bar)
        if not cancellable:
            self.setCancelButton(None)
        # Cancel keeps the dialog up ("Cancelling…") until the work has stopped.
        self.canceled.disconnect(self.cancel)
        self.setMinimumWidth(420)

    def reject(self) -> None:
        if self.cancellable:
            self.canceled.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        event.ignore()
        self.reject()


class Task(QObject):
    """A running task (returned by `run_task`): cancel it, or wait for `finished`."""

    progressed = Signal(int, int)  # (done, total) on the GUI thread
    finished = Signal()  # after the outcome was delivered (done, error or cancelled)

    def __init__(
        self,
        parent: QWidget,
        title: str,
        fn: Callable[[Progress], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[CustodyError], None] | None,
        on_cancelled: Callable[[], None] | None,
        *,
        cancellable: bool,
        label: str,
        show_after_ms: int,
    ) -> None:
        app = QCoreApplication.instance()
        super().__init__(app)  # outlives `parent`; deleted once the outcome is delivered
        self._caller: _Caller | None = _Caller(parent, on_done, on_error, on_cancelled)
        self._title = title
        self.running = True
        self.dialog_shown = False
        self.dialog = _Dialog(title, label or title, cancellable, parent.window())
        self.dialog.canceled.connect(self.cancel)
        self._worker = _Worker(fn, self)
        queued = Qt.ConnectionType.QueuedConnection
        self._worker.progressed.connect(self._on_worker_progressed, queued)
        self._worker.said.connect(self._on_worker_said, queued)
        self._worker.finished.connect(self._on_worker_finished, queued)
        self._connections: list[QMetaObject.Connection] = [
            parent.destroyed.connect(self._on_parent_destroyed)
        ]
        if app is not None:
            self._connections.append(app.aboutToQuit.connect(self._on_app_about_to_quit))
        self._show_timer = QTimer(self)
        self._show_timer.setSingleShot(True)
        self._show_timer.timeout.connect(self._on_show_timer_timeout)
        self._show_timer.start(max(0, show_after_ms))
        self._worker.start()

    @property
    def cancelled(self) -> bool:
        """True once Cancel was asked for (the work may still be finishing)."""
        return self._worker.stop.is_set()

    def cancel(self) -> None:
        """Ask the work to stop at its next progress report."""
        if not self.running:
            return
        self._worker.stop.set()
        if _alive(self.dialog):
            self.dialog.setLabelText(self.tr("Cancelling…"))
            self.dialog.bar.setRange(0, 0)
            for button in self.dialog.findChildren(QPushButton):
                button.setEnabled(False)

    def wait(self) -> None:
        """Block until the worker thread has ended (the outcome is delivered later)."""
        self._worker.wait()

    # --- slots (GUI thread) -----------------------------------------------------------------

    def _on_show_timer_timeout(self) -> None:
        if self.running and _alive(self.dialog):
            self.dialog.show()
            self.dialog_shown = True

    def _on_worker_progressed(self, done: int, total: int) -> None:
        if not self.running:
            return
        if _alive(self.dialog) and not self.cancelled:
            self.dialog.bar.setRange(0, total)
            if total > 0:
                self.dialog.bar.setValue(done)
        self.progressed.emit(done, total)

    def _on_worker_said(self, text: str) -> None:
        if self.running and _alive(self.dialog) and not self.cancelled:
            self.dialog.setLabelText(text)

    def _on_parent_destroyed(self) -> None:
        self._caller = None
        self._worker.stop.set()
        self._close_dialog()

    def _on_app_about_to_quit(self) -> None:
        self._worker.stop.set()
        self._worker.wait()
        self._let_go()  # the application deletes this task with itself, outcome undelivered

    def _on_worker_finished(self) -> None:
        self._worker.wait()
        self.running = False
        self._show_timer.stop()
        self._close_dialog()
        result, error = self._worker.take_outcome()
        try:
            self._deliver(result, error)
        finally:
            self.finished.emit()
            self._let_go()
            self.deleteLater()

    def _let_go(self) -> None:
        """Disconnect from the caller's objects and drop every reference to them, now, while
        this task is whole: they may hold the last reference to `parent`, whose deletion
        during this task's own deletion would signal a half-deleted object (see the module doc).
        """
        for connection in self._connections:
            QObject.disconnect(connection)
        self._connections.clear()
        self._caller = None
        self._worker.take_outcome()

    # --- delivering the outcome -------------------------------------------------------------

    def _deliver(self, result: Any, error: BaseException | None) -> None:
        caller = self._caller
        if caller is not None and not _alive(caller.parent):
            caller = None  # orphaned: nobody to tell
        if error is None:
            if caller is not None:
                caller.on_done(result)
        elif isinstance(error, TaskCancelled):
            if caller is not None and caller.on_cancelled is not None:
                caller.on_cancelled()
        elif isinstance(error, CustodyError):
            if caller is None:
                return
            if caller.on_error is not None:
                caller.on_error(error)
            else:
                self._show_error(caller.parent, error)
        else:
            sys.excepthook(type(error), error, error.__traceback__)  # the crash dialog

    def _show_error(self, parent: QWidget, error: CustodyError) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning, self._title, error_text(error), parent=parent.window()
        )
        box.setObjectName("task_error")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def _close_dialog(self) -> None:
        if _alive(self.dialog):
            self.dialog.hide()
            self.dialog.deleteLater()


def _alive(obj: QObject | None) -> bool:
    return obj is not None and shiboken6.isValid(obj)


def run_task(
    parent: QWidget,
    title: str,
    fn: Callable[[Progress], T],
    on_done: Callable[[T], None],
    on_error: Callable[[CustodyError], None] | None = None,
    *,
    cancellable: bool = True,
    on_cancelled: Callable[[], None] | None = None,
    label: str = "",
    show_after_ms: int = SHOW_AFTER_MS,
) -> Task:
    """Run `fn(progress)` on a worker thread behind a progress dialog; see the module doc."""
    return Task(
        parent,
        title,
        fn,
        on_done,
        on_error,
        on_cancelled,
        cancellable=cancellable,
        label=label,
        show_after_ms=show_after_ms,
    )
