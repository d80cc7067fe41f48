"""Child side of `bench_ui.py` at scale: the real SamplesView and DashboardWidget on a big
database, driven like a person would (keys, the filter fields), timed until painted.

Run through `ui_probe.py table DB EXPECT_JSON` / `ui_probe.py dashboard DB`; prints one JSON
document (the last line of stdout). `EXPECT_JSON` holds what each step must show (first and last
sample ID of each filter, computed by the parent with raw sqlite3), so that a step only counts as
done when the right rows are painted.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from ui_probe import Statements, _paint_probe, _wait, memory_kib, perf

STEP_TIMEOUT_S = 30.0
COUNT_TIMEOUT_S = 60.0


def _context(db: str) -> Any:
    from argon2 import PasswordHasher
    from argon2.profiles import CHEAPEST

    from custody import demo
    from custody.context import AppContext
    from custody.db.engine import sqlite_url

    cheap = PasswordHasher.from_parameters(CHEAPEST)  # the generator's demo users use it
    ctx = AppContext(sqlite_url(Path(db)), workstation="bench-ui", hasher=cheap)
    boss = demo.DEMO_USERS[0]
    ctx.sign_in(boss.username, boss.password)
    return ctx


class Driver:
    """Runs one step at a time on a SamplesView and times it until the right paint."""

    def __init__(self, app: Any, statements: Statements) -> None:
        self.app = app
        self.statements = statements
        self.view: Any = None
        self.steps: list[dict[str, Any]] = []

    def visible_codes(self) -> tuple[str | None, str | None]:
        """The sample IDs of the first and last row the viewport shows (None: no row)."""
        table, model = self.view.table, self.view.model
        if model.rowCount() == 0:
            return None, None
        port = table.viewport()
        top = table.rowAt(0)
        bottom = table.rowAt(port.height() - 1)
        if bottom < 0:
            bottom = model.rowCount() - 1
        first = model.index(max(0, top), 0).data()
        last = model.index(bottom, 0).data()
        return first, last

    def run(
        self,
        name: str,
        action: Any,
        ready: Any,
        *,
        again: Any = None,
        widget: Any = None,
    ) -> dict[str, Any]:
        """`action()`, then the event loop until a paint of the viewport shows `ready()`.
        `again()` repeats the action while paints show not ready (paging by keystrokes)."""
        self.statements.label = name
        marks: dict[str, float] = {}
        paints = [0]

        def painted() -> None:
            marks["done"] = perf()

        shown: list[Any] = []

        def counting_ready() -> bool:
            paints[0] += 1
            if len(shown) < 3:
                shown.append(self.visible_codes())
            if ready():
                marks["ready"] = perf()  # this paint shows it: done once it has finished
                return True
            return False

        t0 = perf()
        target = widget() if widget is not None else None
        probe = None
        if target is None:
            action()  # the view is created by the action (opening)
            target = self.view.table.viewport()
            probe = _paint_probe(target, painted, counting_ready)
        else:
            probe = _paint_probe(target, painted, counting_ready)
            action()
        presses = 1
        seen = [paints[0]]
        deadline = perf() + STEP_TIMEOUT_S
        while "done" not in marks and perf() < deadline:
            _wait(self.app, lambda: "done" in marks or paints[0] > seen[0], 1.0)
            if paints[0] > seen[0]:
                seen[0] = paints[0]
                if again is not None and "ready" not in marks:  # not there yet: press again
                    again()
                    presses += 1
        target.removeEventFilter(probe)
        probe.deleteLater()
        step: dict[str, Any] = {
            "step": name,
            "done": "done" in marks,
            "ms": ((marks.get("done") or perf()) - t0) * 1000,
            "actions": presses,
            "paints_seen": shown,
            "rows_in_model": self.view.model.rowCount(),
        }
        first, last = self.visible_codes()
        step["first_visible"], step["last_visible"] = first, last
        # The exact count may come later, off the GUI thread (`SamplesView.counting`).
        _wait(self.app, lambda: not getattr(self.view, "counting", False), COUNT_TIMEOUT_S)
        step["count_ms"] = (perf() - t0) * 1000
        step["count_text"] = self.view.count_text
        step["rss_kib"] = memory_kib().get("VmRSS", 0)
        self.steps.append(step)
        return step


def _warm_up(app: Any, lab_name: str) -> None:
    """Paint the real sign-in dialog once, as the app has before any view opens (fonts, style
    and the backing store are initialised by then; not a cost of the samples view)."""
    from custody.ui.dialogs.sign_in import SignInDialog

    dialog = SignInDialog(lab_name)
    marks: dict[str, float] = {}
    probe = _paint_probe(dialog, lambda: marks.setdefault("done", perf()))
    dialog.show()
    _wait(app, lambda: "done" in marks, STEP_TIMEOUT_S)
    dialog.removeEventFilter(probe)
    dialog.hide()
    dialog.deleteLater()


def table(db: str, expect_path: str) -> int:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from custody.services import lab
    from custody.ui.views.samples import SamplesView

    expect = json.loads(Path(expect_path).read_text())
    app = QApplication(["custody-bench"])
    ctx = _context(db)
    statements = Statements(ctx.engine)
    lab_view = ctx.query(lab.lab)
    _warm_up(app, lab_view.lab_name)
    start_mem = memory_kib()
    drive = Driver(app, statements)

    def create() -> None:
        drive.view = SamplesView(ctx, lab_view)
        drive.view.resize(1200, 700)
        drive.view.show()

    def shows(key: str) -> Any:
        want = expect[key]

        def ready() -> bool:
            first, _last = drive.visible_codes()
            return first == want["first"]

        return ready

    drive.run("open", create, shows("all"))

    def end_ready() -> bool:
        _first, last = drive.visible_codes()
        return last == expect["all"]["last"]

    def ctrl_end() -> None:
        QTest.keyClick(drive.view.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)

    def viewport() -> Any:
        return drive.view.table.viewport()

    drive.view.table.setFocus()  # the person clicks into the table first (not timed)
    _wait(app, lambda: False, 0.1)
    drive.run("scroll to end (Ctrl+End)", ctrl_end, end_ready, again=ctrl_end, widget=viewport)

    def ctrl_home() -> None:
        QTest.keyClick(drive.view.table, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)

    drive.run("back to top (Ctrl+Home)", ctrl_home, shows("all"), widget=viewport)

    def middle() -> None:
        bar = drive.view.table.verticalScrollBar()
        bar.setValue(bar.maximum() // 2)

    def middle_ready() -> bool:
        first, _last = drive.visible_codes()
        return first is not None and first != expect["all"]["first"]

    drive.run("drag the scroll bar to the middle", middle, middle_ready, widget=viewport)

    def set_filters(want: dict[str, Any]) -> Any:
        """Fill every field as a person would, then Enter (which applies at once)."""

        def act() -> None:
            bar = drive.view.filters
            fields = (
                (bar.prefix_edit, want["prefix"]),
                (bar.case_edit, want["case"]),
                (bar.location_edit, want["location"]),
                (bar.from_edit, want["since"]),
                (bar.to_edit, want["until"]),
            )
            for edit, text in fields:
                edit.blockSignals(True)  # no delayed apply per field: Enter applies them all
                edit.setText(text)
                edit.blockSignals(False)
            for combo, value in (
                (bar.status_combo, want["status"]),
                (bar.port_combo, want["port"]),
            ):
                combo.blockSignals(True)
                combo.setCurrentIndex(combo.findData(value))
                combo.blockSignals(False)
            QTest.keyClick(bar.prefix_edit, Qt.Key.Key_Return)

        return act

    for key, label in (
        ("id_exact", "filter: one sample ID (scanned)"),
        ("id_prefix", "filter: ID prefix"),
        ("id_none", "filter: ID prefix with no match"),
        ("stored", "filter: status Stored"),
        ("registered", "filter: status Registered"),
        ("destroyed", "filter: status Destroyed"),
        ("registered_prefix", "filter: status Registered + ID prefix"),
        ("case", "filter: one case"),
        ("case_prefix", "filter: case number prefix"),
        ("case_none", "filter: case with no match"),
        ("port", "filter: port of seizure"),
        ("location", "filter: location and what is inside"),
        ("day", "filter: registered on one day"),
        ("month", "filter: registered in one month"),
        ("from_day", "filter: registered from a day on"),
        ("stored_port", "filter: status Stored + port"),
        ("registered_case_day", "filter: Registered + case + one day"),
        ("prefix_port", "filter: ID prefix + port"),
        ("all", "filter: cleared (all samples)"),
    ):
        want = expect[key]
        drive.run(label, set_filters(want), shows(key), widget=viewport)
        drive.steps[-1]["filter"] = {k: want[k] for k in want if k not in ("first", "last")}
        drive.steps[-1]["expected_rows"] = want["rows"]

    peak = memory_kib()
    ctx.close()
    print(
        json.dumps(
            {
                "steps": drive.steps,
                "statements": statements.seen,
                "rss_start_kib": start_mem.get("VmRSS", 0),
                "rss_end_kib": peak.get("VmRSS", 0),
                "peak_rss_kib": peak.get("VmHWM", 0),
                "pid": os.getpid(),
            }
        )
    )
    return 0


def dashboard(db: str) -> int:
    from datetime import UTC, datetime

    from PySide6.QtWidgets import QApplication

    from custody.db import dashboard_queries as dq
    from custody.services import dashboard as service
    from custody.ui.widgets.dashboard import DashboardWidget

    app = QApplication(["custody-bench"])
    ctx = _context(db)
    statements = Statements(ctx.engine)
    since = datetime.strptime(service.last_months(datetime.now(UTC))[0], "%Y-%m").replace(
        tzinfo=UTC
    )
    parts = {
        "samples_by_month": lambda w: dq.samples_by_month(w.session, since),
        "samples_by_port": lambda w: dq.samples_by_port(w.session),
        "samples_by_status": lambda w: dq.samples_by_status(w.session),
        "pending_shipments": lambda w: dq.pending_shipments(w.session),
        "dashboard (service, all four)": service.dashboard,
    }
    timings: dict[str, Any] = {}
    for name, fn in parts.items():
        statements.label = name
        best = float("inf")
        for _ in range(3):
            t0 = perf()
            value = ctx.query(fn)
            best = min(best, perf() - t0)
        timings[name] = {"ms": best * 1000, "value": repr(value)[:300]}

    statements.label = "widget"
    t0 = perf()
    widget = DashboardWidget(ctx)
    built = perf()
    widget.resize(1200, 700)
    marks: dict[str, float] = {}
    probe = _paint_probe(
        widget.by_month, lambda: marks.setdefault("done", perf()), lambda: widget.data is not None
    )
    widget.show()
    _wait(app, lambda: "done" in marks, STEP_TIMEOUT_S)
    widget.by_month.removeEventFilter(probe)
    result = {
        "queries": timings,
        "widget_blocked_ms": (built - t0) * 1000,  # the constructor holds the GUI thread
        "widget_painted_ms": (marks.get("done", perf()) - t0) * 1000,
        "widget_done": "done" in marks,
        "statements": statements.seen,
    }
    ctx.close()
    print(json.dumps(result, default=str))
    return 0


def window(db: str) -> int:
    """The whole main window (every tab a supervisor has) on the big database: how long it is
    built and until its samples table is painted; the peak RSS of that process."""
    import cProfile
    import io
    import pstats

    from PySide6.QtWidgets import QApplication

    from custody.services import lab
    from custody.ui.main_window import MainWindow

    app = QApplication(["custody-bench"])
    ctx = _context(db)
    statements = Statements(ctx.engine)
    lab_view = ctx.query(lab.lab)
    _warm_up(app, lab_view.lab_name)
    start_mem = memory_kib()
    statements.label = "main window"
    profiler = cProfile.Profile()
    t0 = perf()
    profiler.enable()
    main = MainWindow(ctx, lab_view)
    built = perf()
    marks: dict[str, float] = {}
    table = main.samples.table
    probe = _paint_probe(
        table.viewport(), lambda: marks.setdefault("done", perf()), lambda: table.model().rowCount()
    )
    main.show()
    _wait(app, lambda: "done" in marks, STEP_TIMEOUT_S)
    profiler.disable()
    table.viewport().removeEventFilter(probe)
    _wait(app, lambda: not getattr(main.samples, "counting", False), COUNT_TIMEOUT_S)
    text = io.StringIO()
    pstats.Stats(profiler, stream=text).sort_stats("cumulative").print_stats(25)
    peak = memory_kib()
    result = {
        "built_ms": (built - t0) * 1000,
        "painted_ms": (marks.get("done", perf()) - t0) * 1000,
        "done": "done" in marks,
        "tabs": [main.tabs.tabText(i) for i in range(main.tabs.count())],
        "count_text": main.samples.count_text,
        "rss_start_kib": start_mem.get("VmRSS", 0),
        "peak_rss_kib": peak.get("VmHWM", 0),
        "profile": text.getvalue(),
        "statements": statements.seen,
    }
    main.close()
    ctx.close()
    print(json.dumps(result))
    return 0
