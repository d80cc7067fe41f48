"""Child processes of `bench_ui.py` (one measurement each, in a fresh interpreter).

    python benchmarks/ui_probe.py bare                      # QApplication + QMainWindow, painted
    python benchmarks/ui_probe.py app DB USER PASSWORD      # the real app: sign in, main window
    python benchmarks/ui_probe.py table DB                  # SamplesView at scale (JSON)
    python benchmarks/ui_probe.py dashboard DB              # dashboard aggregates (JSON)
    python benchmarks/ui_probe.py window DB                 # the whole main window at scale
    python benchmarks/ui_probe.py floor DB USER PASSWORD    # bare + SQLAlchemy + argon2
    python benchmarks/ui_probe.py imports MOD,MOD...        # the cost of importing modules

Imports are deferred into each mode so that `bare` loads nothing but PySide6: the same script
runs both sides of the cold-start comparison. Events are written to stdout as JSON lines with
the child's `time.perf_counter()` (CLOCK_MONOTONIC on Linux, the same clock as the parent's);
the parent also notes when it reads each line.
"""

from __future__ import annotations

import json
import sys
import time
from typing import Any

perf = time.perf_counter


def emit(event: str, **data: Any) -> None:
    print(json.dumps({"event": event, "t": perf(), **data}), flush=True)


def _paint_probe(widget: Any, on_painted: Any, ready: Any = None) -> Any:
    """An event filter on `widget`: after the first paint where `ready()` holds (checked when
    the paint event arrives, i.e. what that paint shows), call `on_painted()` once, from a
    zero timer, so the whole paint pass has finished."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class Probe(QObject):
        fired = False

        def eventFilter(self, watched: Any, event: Any) -> bool:  # noqa: N802 (Qt override)
            if not self.fired and event.type() == QEvent.Type.Paint and (ready is None or ready()):
                self.fired = True
                QTimer.singleShot(0, on_painted)
            return False

    probe = Probe(widget)
    widget.installEventFilter(probe)
    return probe


# --------------------------------------------------------------------------- cold start


def bare() -> int:
    """The raw baseline: a bare PySide6 main window, shown and painted once."""
    from PySide6.QtWidgets import QApplication, QMainWindow

    emit("imported")
    app = QApplication(["bare"])
    window = QMainWindow()
    window.setWindowTitle("bare")
    window.resize(1200, 700)

    def painted() -> None:
        emit("main")
        app.quit()

    _paint_probe(window, painted)
    window.show()
    emit("shown")
    return app.exec()


def floor(db: str, username: str, password: str) -> int:
    """The least a database desktop app on this stack does before its main window: the bare
    window, plus SQLAlchemy (Core and ORM) opening the SQLite file and reading one row, plus one
    argon2id password check with the stored parameters (the security floor)."""
    from PySide6.QtWidgets import QApplication, QMainWindow

    emit("imported_qt")
    import sqlalchemy.orm
    from argon2 import PasswordHasher

    emit("imported")
    engine = sqlalchemy.create_engine(f"sqlite+pysqlite:///{db}")
    with sqlalchemy.orm.Session(engine) as session:
        name = session.execute(sqlalchemy.text("SELECT lab_name FROM lab_settings")).scalar()
        stored = session.execute(
            sqlalchemy.text("SELECT password_hash FROM people WHERE username = :u"), {"u": username}
        ).scalar()
    emit("queried")
    PasswordHasher().verify(str(stored), password)
    emit("password_checked")
    qt_app = QApplication(["floor"])
    window = QMainWindow()
    window.setWindowTitle(str(name))
    window.resize(1200, 700)

    def painted() -> None:
        emit("main")
        qt_app.quit()

    _paint_probe(window, painted)
    window.show()
    return qt_app.exec()


def imports(modules: str) -> int:
    """Import PySide6's widgets, then `modules` (comma-separated): the cost of a group of
    imports in a fresh interpreter (`bench_ui.py` subtracts the stages)."""
    import importlib

    from PySide6 import QtWidgets  # noqa: F401 (the common base of every stage)

    emit("base")
    for name in filter(None, modules.split(",")):
        importlib.import_module(name)
    emit("imported")
    return 0


def app(db: str, username: str, password: str) -> int:
    """The real start (`custody.app.main`, step by step, with its own functions): open the
    database, the sign-in dialog; a robot types the credentials the moment the dialog is
    painted; then the main window, until its samples table has painted rows."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from custody import __version__
    from custody import app as entry
    from custody.ui.excepthook import ExceptHook
    from custody.ui.icon import app_icon

    emit("imported")
    real_open, real_attempt, real_show = entry._open, entry.attempt_sign_in, entry.show_main_window
    real_dialog = entry.SignInDialog

    def timed_open(*args: Any) -> Any:
        emit("open_start")
        try:
            return real_open(*args)
        finally:
            emit("open_end")

    def timed_attempt(*args: Any) -> None:
        emit("password_start")
        real_attempt(*args)
        emit("password_end")

    def timed_show(*args: Any, **kwargs: Any) -> Any:
        emit("window_start")
        window, idle = real_show(*args, **kwargs)
        emit("window_built")
        table = window.samples.table

        def painted() -> None:
            emit("main", rows=table.model().rowCount(), title=window.windowTitle())
            QTimer.singleShot(0, window.close)  # the app's own shutdown (journals sign-out)

        _paint_probe(table.viewport(), painted, lambda: table.model().rowCount() > 0)
        return window, idle

    class RobotSignIn(real_dialog):  # type: ignore[misc,valid-type]
        """The real dialog; the first paint reports, then the credentials are 'typed'."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            _paint_probe(self, self._signin_painted)

        def _signin_painted(self) -> None:
            emit("signin")
            self.username_edit.setText(username)
            self.password_edit.setText(password)
            self.ok_button.click()

    entry._open, entry.attempt_sign_in, entry.show_main_window = (
        timed_open,
        timed_attempt,
        timed_show,
    )
    entry.SignInDialog = RobotSignIn
    qt_app = QApplication(["custody"])
    qt_app.setApplicationName("Custody")
    qt_app.setOrganizationName("Custody")
    qt_app.setApplicationVersion(__version__)
    qt_app.setWindowIcon(app_icon())
    hook = ExceptHook(qt_app)
    hook.install()
    emit("qapp")
    try:
        status = entry.run(qt_app, entry.parse_args(["--db", db]))
    finally:
        hook.uninstall()
    emit("exit", status=status)
    return status


# --------------------------------------------------------------------------- helpers (scale)


def memory_kib() -> dict[str, int]:
    found: dict[str, int] = {}
    with open("/proc/self/status") as status:
        for line in status:
            name, _, value = line.partition(":")
            if name in ("VmRSS", "VmHWM"):
                found[name] = int(value.split()[0])
    return found


class Statements:
    """The SQL an engine sends, labelled with the step that sent it and the thread."""

    def __init__(self, engine: Any) -> None:
        import threading

        from sqlalchemy import event

        self.label = "setup"
        self.seen: list[dict[str, Any]] = []
        self._main = threading.main_thread()
        self._threading = threading
        event.listen(engine, "before_cursor_execute", self._hook)

    def _hook(self, _conn: Any, _cursor: Any, statement: str, params: Any, *_: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            gui = self._threading.current_thread() is self._main
            self.seen.append(
                {"step": self.label, "sql": statement, "params": list(params), "gui": gui}
            )


def raw_figures(db: str, statements: list[dict[str, Any]], repeat: int = 5) -> None:
    """Add the query plan and the best raw sqlite3 time of each captured statement."""
    import sqlite3

    conn = sqlite3.connect(db)
    try:
        for item in statements:
            sql, params = item["sql"], tuple(item["params"])
            item["plan"] = [r[3] for r in conn.execute("EXPLAIN QUERY PLAN " + sql, params)]
            best = float("inf")
            for _ in range(repeat):
                t0 = perf()
                rows = conn.execute(sql, params).fetchall()
                best = min(best, perf() - t0)
            item["raw_ms"] = best * 1000
            item["raw_rows"] = len(rows)
    finally:
        conn.close()


def _wait(app: Any, done: Any, timeout_s: float) -> bool:
    """Run the event loop until `done()` or the timeout; True when done."""
    from PySide6.QtCore import QEventLoop

    deadline = perf() + timeout_s
    while not done():
        if perf() > deadline:
            return False
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        if not done():
            time.sleep(0.0005)
    return True


if __name__ == "__main__":
    mode, *rest = sys.argv[1:]
    if mode == "bare":
        raise SystemExit(bare())
    if mode == "floor":
        raise SystemExit(floor(*rest))
    if mode == "imports":
        raise SystemExit(imports(*rest))
    if mode == "app":
        raise SystemExit(app(*rest))
    if mode in ("table", "dashboard", "window"):
        import ui_probe_scale  # the same folder: it is on sys.path as the script's directory

        raise SystemExit(getattr(ui_probe_scale, mode)(*rest))
    raise SystemExit(f"unknown mode {mode!r}")
