"""run_task: work on a worker thread, progress and outcome on the GUI thread, Cancel, errors."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from functools import partial
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QThread, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget

from custody.context import AppContext
from custody.errors import StorageError
from custody.services import lookup
from custody.ui.excepthook import ExceptHook
from custody.ui.tasks import Progress, Task, TaskCancelled, run_task

WAIT_MS = 10_000


class Outcome:
    """What reached the callbacks, and on which thread."""

    def __init__(self) -> None:
        self.done: list[Any] = []
        self.errors: list[BaseException] = []
        self.cancelled = 0
        self.threads: set[QThread] = set()

    def on_done(self, value: Any) -> None:
        self.threads.add(QThread.currentThread())
        self.done.append(value)

    def on_error(self, error: BaseException) -> None:
        self.threads.add(QThread.currentThread())
        self.errors.append(error)

    def on_cancelled(self) -> None:
        self.threads.add(QThread.currentThread())
        self.cancelled += 1


@pytest.fixture
def window(qtbot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


@pytest.fixture
def outcome() -> Outcome:
    return Outcome()


def start(window: QWidget, outcome: Outcome, fn, **options: Any) -> Task:
    return run_task(
        window,
        "Test task",
        fn,
        outcome.on_done,
        outcome.on_error,
        on_cancelled=outcome.on_cancelled,
        **options,
    )


def gui_thread() -> QThread:
    return QApplication.instance().thread()


def test_progress_and_result_arrive_on_the_gui_thread(qtbot, window, outcome) -> None:
    worker_threads: list[QThread] = []
    release = threading.Event()
    seen: list[tuple[int, int]] = []

    def work(progress: Progress) -> str:
        worker_threads.append(QThread.currentThread())
        progress(0, 3)
        assert release.wait(5)
        progress(3, 3)  # the last step always reaches the GUI
        return "all three"

    task = start(window, outcome, work, show_after_ms=0)
    task.progressed.connect(lambda done, total: seen.append((done, total)))
    qtbot.waitUntil(lambda: task.dialog_shown and seen == [(0, 3)], timeout=WAIT_MS)
    assert task.dialog.isVisible() and task.dialog.isModal()
    assert task.dialog.bar.maximum() == 3 and task.dialog.bar.value() == 0
    with qtbot.waitSignal(task.finished, timeout=WAIT_MS):
        release.set()
    assert seen == [(0, 3), (3, 3)]
    assert outcome.done == ["all three"] and not outcome.errors and outcome.cancelled == 0
    assert outcome.threads == {gui_thread()}
    assert worker_threads and worker_threads[0] != gui_thread()


def test_an_unknown_total_shows_a_busy_bar_and_the_task_can_say_what_it_does(
    qtbot, window, outcome
) -> None:
    release = threading.Event()

    def work(progress: Progress) -> int:
        progress.say("Reading the journal…")
        progress(10, 0)
        assert release.wait(5)
        return 10

    task = start(window, outcome, work, show_after_ms=0)
    qtbot.waitUntil(lambda: task.dialog.labelText() == "Reading the journal…", timeout=WAIT_MS)
    assert (task.dialog.bar.minimum(), task.dialog.bar.maximum()) == (0, 0)  # busy
    with qtbot.waitSignal(task.finished, timeout=WAIT_MS):
        release.set()
    assert outcome.done == [10]


def test_quick_work_finishes_without_a_dialog(qtbot, window, outcome) -> None:
    task = start(window, outcome, lambda progress: 42)
    with qtbot.waitSignal(task.finished, timeout=WAIT_MS):
        pass
    assert outcome.done == [42]
    assert not task.dialog_shown


def test_cancel_stops_the_work_with_no_result(qtbot, window, outcome) -> None:
    steps: list[int] = []
    stopped_by: list[BaseException] = []

    def work(progress: Progress) -> str:
        try:
            for step in range(1_000_000):
                steps.append(step)
                progress(step, 0)
                threading.Event().wait(0.002)
        except TaskCancelled as cancelled:
            stopped_by.append(cancelled)
            raise
        return "never"

    task = start(window, outcome, work, show_after_ms=0)
    qtbot.waitUntil(lambda: task.dialog_shown and len(steps) > 5, timeout=WAIT_MS)
    (cancel,) = task.dialog.findChildren(QPushButton)
    with qtbot.waitSignal(task.finished, timeout=WAIT_MS):
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
        assert task.cancelled
    assert len(stopped_by) == 1 and len(steps) < 1_000_000
    assert outcome.done == [] and outcome.errors == [] and outcome.cancelled == 1
    assert not task.running


def test_escape_cancels_too(qtbot, window, outcome) -> None:
    def work(progress: Progress) -> None:
        while True:
            progress(0, 0)
            threading.Event().wait(0.002)

    task = start(window, outcome, work, show_after_ms=0)
    qtbot.waitUntil(lambda: task.dialog_shown, timeout=WAIT_MS)
    with qtbot.waitSignal(task.finished, timeout=WAIT_MS):
        task.dialog.reject()  # what Escape does
    assert outcome.cancelled == 1 and outcome.done == []


def test_a_task_that_cannot_be_cancelled_has_no_cancel_button(qtbot, window, outcome) -> None:
    release = threading.Event()

    def work(progress: Progress) -> str:
        assert release.wait(5)
        progress(1, 1)
        return "finished"

    task = start(window, outcome, work, show_after_ms=0, cancellable=False)
    qtbot.waitUntil(lambda: task.dialog_shown, timeout=WAIT_MS)
    assert task.dialog.findChildren(QPushButton) == []
    task.dialog.reject()  # Escape does nothing
    assert not task.cancelled and task.dialog.isVisible()
    with qtbot.waitSignal(task.finished, timeout=WAIT_MS):
        release.set()
    assert outcome.done == ["finished"]


def test_a_known_error_reaches_on_error_on_the_gui_thread(qtbot, window, outcome) -> None:
    def work(progress: Progress) -> None:
        raise StorageError("The database is busy (another workstation is writing).")

    task = start(window, outcome, work)
    with qtbot.waitSignal(task.finished, timeout=WAIT_MS):
        pass
    assert [str(e) for e in outcome.errors] == [
        "The database is busy (another workstation is writing)."
    ]
    assert outcome.done == [] and outcome.threads == {gui_thread()}


def test_a_known_error_without_on_error_is_shown_in_a_message_box(qtbot, window) -> None:
    def work(progress: Progress) -> None:
        raise StorageError("The disk is full: nothing was saved.")

    task = run_task(window, "Export", work, lambda _: None)
    with qtbot.waitSignal(task.finished, timeout=WAIT_MS):
        pass
    box = window.findChild(QMessageBox, "task_error")
    assert box is not None and box.isVisible()
    assert box.text() == "The disk is full: nothing was saved."
    assert box.windowTitle() == "Export"
    box.close()


@pytest.fixture
def hook(qtbot) -> Iterator[ExceptHook]:
    hook = ExceptHook()
    hook.install()
    yield hook
    hook.uninstall()
    if hook.dialog is not None:
        hook.dialog.close()
        hook.dialog.deleteLater()


def test_a_bug_goes_to_the_crash_dialog(qtbot, window, outcome, hook, capsys) -> None:
    def work(progress: Progress) -> None:
        raise ZeroDivisionError("boom in a task")

    task = start(window, outcome, work)
    with qtbot.waitSignal(hook.crashed, timeout=WAIT_MS):
        pass
    qtbot.waitUntil(lambda: not task.running)
    assert hook.dialog is not None and hook.dialog.isVisible()
    details = hook.dialog.details()
    assert "ZeroDivisionError: boom in a task" in details
    assert "in work" in details  # the worker's traceback is kept
    assert outcome.errors == [] and outcome.done == []
    assert "boom in a task" in capsys.readouterr().err


def test_the_gui_stays_responsive_while_a_task_runs(qtbot, window, outcome) -> None:
    """The task waits until the GUI thread's timer has fired 20 times: a frozen GUI fails it."""
    release = threading.Event()
    ticks: list[int] = []
    timer = QTimer()
    timer.setInterval(5)

    def tick() -> None:
        ticks.append(1)
        if len(ticks) >= 20:
            release.set()

    timer.timeout.connect(tick)

    def work(progress: Progress) -> bool:
        return release.wait(5)

    timer.start()
    task = start(window, outcome, work, show_after_ms=0)
    with qtbot.waitSignal(task.finished, timeout=WAIT_MS):
        pass
    timer.stop()
    assert outcome.done == [True]
    assert len(ticks) >= 20


def test_a_deleted_parent_stops_the_work_and_gets_no_callback(qtbot, outcome) -> None:
    parent = QWidget()
    parent.show()
    started = threading.Event()

    def work(progress: Progress) -> str:
        started.set()
        while True:
            progress(0, 0)
            threading.Event().wait(0.002)

    task = start(parent, outcome, work, show_after_ms=0)
    assert started.wait(5)
    with qtbot.waitSignal(task.finished, timeout=WAIT_MS):
        parent.deleteLater()
    assert task.cancelled
    assert outcome.done == [] and outcome.errors == [] and outcome.cancelled == 0


def test_a_task_reads_the_database_in_its_own_transaction(
    qtbot, window, outcome, signed_in: AppContext
) -> None:
    """The worker queries through ctx.query while the GUI thread queries too (SQLite file)."""
    release = threading.Event()
    actor = signed_in.actor

    def work(progress: Progress) -> int:
        first = signed_in.query(lookup.count_samples, actor=actor)
        assert release.wait(5)
        return first + signed_in.query(lookup.count_samples, actor=actor)

    task = start(window, outcome, work)
    page = signed_in.query(partial(lookup.sample_page, limit=3))  # meanwhile, on the GUI thread
    with qtbot.waitSignal(task.finished, timeout=WAIT_MS):
        release.set()
    assert [row.code for row in page] == [f"MX-AICM-2026-{n:06d}" for n in (1, 2, 3)]
    assert outcome.done == [22] and outcome.errors == []


def test_the_caller_need_not_keep_the_task(qtbot, window, outcome) -> None:
    """The application owns a running task: dropping every reference does not end it."""
    release = threading.Event()
    finished = threading.Event()

    def work(progress: Progress) -> str:
        assert release.wait(5)
        finished.set()
        return "kept alive"

    start(window, outcome, work)
    gc.collect()
    release.set()
    assert finished.wait(5)
    qtbot.waitUntil(lambda: outcome.done == ["kept alive"], timeout=WAIT_MS)


def _start_with_only_the_task_holding_its_parent(done: list[Any], destroyed: list[bool]) -> None:
    """A parent widget no one else keeps: only the task (and the callback it holds) refer to
    it, as when a test lets go of a view whose report has just been built."""
    parent = QWidget()
    parent.show()
    parent.destroyed.connect(lambda: destroyed.append(True))

    def on_done(value: Any) -> None:
        done.append((value, parent.isVisible()))

    run_task(parent, "Test task", lambda progress: "built", on_done)


def test_a_finished_task_lets_go_of_its_parent_before_it_is_deleted(qtbot) -> None:
    """Regression: the task's own references (its parent, the callback) were the last ones to
    the parent, so deleting the task (deleteLater) deleted the parent from inside the task's
    teardown, and the parent's `destroyed` signal reached the half-deleted task's slot: a
    segmentation fault (10 runs out of 10 before the fix)."""
    done: list[Any] = []
    destroyed: list[bool] = []
    _start_with_only_the_task_holding_its_parent(done, destroyed)
    qtbot.waitUntil(lambda: done == [("built", True)], timeout=WAIT_MS)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the task goes
    gc.collect()
    assert destroyed == [True]  # nothing keeps the parent once the outcome was delivered
