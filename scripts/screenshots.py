"""Screenshots of the main screens for the README, taken offscreen on a fresh demo database.

Usage: .venv/bin/python scripts/screenshots.py [--out docs/screenshots] [--only samples,audit]

Builds a demo database in a temporary folder (custody.demo.populate) with a fixed clock and
workstation name, signs in as the demo supervisor, puts each view in a representative state and
saves `window.grab()` as PNG: the main window at 1280x800, the dialogs at their own size. The Qt
style (Fusion) and font (DejaVu Sans 10 pt) are fixed so that the images change only when the
screens do.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before Qt is imported

from argon2 import PasswordHasher
from argon2.profiles import CHEAPEST
from PySide6.QtCore import (
    QEventLoop,
    QLocale,
    QMessageLogContext,
    QModelIndex,
    QTimer,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QWidget

from custody import demo, keyfile
from custody.app import demo_hint
from custody.context import AppContext
from custody.domain.labelcode import LabelKind
from custody.services import consignees, custody, lab, labels, lookup, shipments
from custody.services.lab import LabView
from custody.ui.dialogs.first_run import FirstRunWizard
from custody.ui.dialogs.sign_in import SignInDialog
from custody.ui.i18n import install_translators
from custody.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parent.parent
SIZE = (1280, 800)
SUPERVISOR, TECHNICIAN, CLERK = demo.DEMO_USERS
WORKSTATION = "LAB-WS-01"
START = datetime(2026, 10, 6, 15, 0, tzinfo=UTC)  # after the demo seizures (Aug-Sep 2026)
YEAR = START.year
SCAN_CODE = f"{demo.SITE_PREFIX}-{YEAR}-000004"  # the sample whose printed label is scanned
DETAIL_CODE = f"{demo.SITE_PREFIX}-{YEAR}-000001"
SHIPPED = (f"{demo.SITE_PREFIX}-{YEAR}-000002", f"{demo.SITE_PREFIX}-{YEAR}-000003")
FIRST_RUN_DATABASE = "~/.local/share/Custody/custody.sqlite"  # shown, not used: no temp path
SCREENS: tuple[str, ...] = ("sign_in", "first_run", "samples", "scan_station", "sample_detail")
SCREENS += ("intake", "shipments", "audit", "dashboard", "reports", "sample_detail_es")


class SteppingClock:
    """A clock that starts at a fixed instant and moves 23 s on at every reading."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=23)
        return self.now


def _context(path: Path, clock: SteppingClock) -> AppContext:
    # A throwaway database: the cheapest password hashing keeps the run short.
    hasher = PasswordHasher.from_parameters(CHEAPEST)
    return AppContext(
        f"sqlite+pysqlite:///{path}", workstation=WORKSTATION, clock=clock, hasher=hasher
    )


def prepare(ctx: AppContext) -> str:
    """Demo data plus a shipment created, packed and approved; the QR payload of a label just
    printed for SCAN_CODE. Leaves the supervisor signed in."""
    demo.populate(ctx)
    boss = ctx.sign_in(SUPERVISOR.username, SUPERVISOR.password)
    ctx.perform("consignees", consignees.add_defaults)
    key_path = ctx.label_key_path()
    if key_path is None:
        raise SystemExit("the demo database has no label key")
    key = keyfile.load(key_path)
    clerk = ctx.sign_in(CLERK.username, CLERK.password)
    shipment = ctx.perform(
        "create",
        lambda w: shipments.create(
            w,
            consignees.DEA_LABS[0][0],
            carrier="DHL Express",
            waybill="AWB 172-55310842",
            transport_mode="air",
        ),
    )
    ctx.perform("package", lambda w: shipments.add_package(w, shipment.id, ["OUT-0001"]))
    for code in SHIPPED:
        sample = ctx.query(partial(lookup.find_sample, raw=code))
        ctx.perform("retrieve", partial(custody.retrieve, sample_id=sample.id, purpose="to ship"))
        ctx.perform(
            "pack",
            partial(shipments.pack, shipment_id=shipment.id, package_number=1, sample_id=sample.id),
        )
    ctx.perform(
        "approve",
        lambda w: shipments.approve(w, shipment.id, SUPERVISOR.password, key, ctx.signer()),
        actor=boss,
    )
    scanned = ctx.query(partial(lookup.find_sample, raw=SCAN_CODE))
    label = ctx.perform(
        "print label",
        lambda w: labels.issue(
            w, LabelKind.SAMPLE, scanned.compact[:-1], key, template="thermal-2x1-203"
        ),
        actor=clerk,
    )
    ctx.actor = boss
    return label.payload


def settle(app: QApplication, ms: int = 150) -> None:
    """Let queued events, lazy loads and layouts run."""
    deadline = time.monotonic() + ms / 1000
    while time.monotonic() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        time.sleep(0.01)


def save(app: QApplication, widget: QWidget, out: Path, name: str) -> Path:
    settle(app)
    path = out / f"{name}.png"
    if not widget.grab().save(str(path)):
        raise SystemExit(f"could not write {path}")
    print(path)
    return path


def shoot_dialogs(app: QApplication, folder: Path, out: Path, wanted: set[str]) -> None:
    if "sign_in" in wanted:
        dialog = SignInDialog(demo.LAB_NAME, demo_hint(demo.DEMO_USERS))
        dialog.show()
        save(app, dialog, out, "sign_in")
        dialog.close()
    if "first_run" in wanted:
        empty = _context(folder / "empty.sqlite", SteppingClock(START))
        try:
            wizard = FirstRunWizard(empty, database=FIRST_RUN_DATABASE)
            wizard.show()
            save(app, wizard, out, "first_run")
            wizard.close()
        finally:
            empty.close()


def wait_verified(window: MainWindow, seconds: float = 60) -> None:
    """Run "Verify now" and wait for its verdict; stop if there is none, or it is not intact."""
    assert window.audit is not None
    outcome: list[bool] = []
    loop = QEventLoop()

    def on_verified(intact: bool) -> None:
        outcome.append(intact)
        loop.quit()

    window.audit.verified.connect(on_verified)
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    window.audit.verify()
    loop.exec()
    if outcome != [True]:
        raise SystemExit(f"Verify now on the demo database gave {outcome or 'no verdict'}")


def shoot_window(
    app: QApplication, ctx: AppContext, lab_view: LabView, payload: str, out: Path, wanted: set[str]
) -> None:
    window = MainWindow(ctx, lab_view)
    window.resize(*SIZE)
    window.show()
    settle(app, 300)
    steps: dict[str, Callable[[], object]] = {
        "samples": lambda: window.tabs.setCurrentWidget(window.samples),
        "scan_station": lambda: _show_scans(window, payload),
        "sample_detail": lambda: window._on_sample_activated(DETAIL_CODE),
        "intake": lambda: _show_intake(window),
        "shipments": lambda: _show_shipments(window),
        "audit": lambda: _show_audit(window),
        "dashboard": lambda: _show_dashboard(window),
        "reports": lambda: _show_reports(window),
    }
    for name, step in steps.items():
        if name in wanted:
            step()
            save(app, window, out, name)
    window.close()
    if "sample_detail_es" in wanted:
        _shoot_in_spanish(app, ctx, lab_view, out)


def _shoot_in_spanish(app: QApplication, ctx: AppContext, lab_view: LabView, out: Path) -> None:
    """The sample detail as a workstation set to Spanish shows it (translations and locale)."""
    before = QLocale()
    translators = install_translators(app, "es")
    try:
        window = MainWindow(ctx, lab_view)
        window.resize(*SIZE)
        window.show()
        settle(app, 300)
        window._on_sample_activated(DETAIL_CODE)
        save(app, window, out, "sample_detail_es")
        window.close()
    finally:
        for translator in translators:
            app.removeTranslator(translator)
        QLocale.setDefault(before)


def _wait_for(signal: object, start: Callable[[], object], seconds: float = 60) -> None:
    """Run `start` and wait until `signal` fires (or give up after `seconds`)."""
    loop = QEventLoop()
    signal.connect(loop.quit)  # type: ignore[attr-defined]
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    start()
    loop.exec()


def _show_dashboard(window: MainWindow) -> None:
    if window.dashboard is None:
        raise SystemExit("the signed-in demo user has no dashboard")
    dashboard = window.dashboard
    _wait_for(dashboard.loaded, lambda: window.tabs.setCurrentWidget(dashboard))


def _show_reports(window: MainWindow) -> None:
    """The chain-of-custody report of the sample shown in the detail, built and previewed."""
    if window.reports is None:
        raise SystemExit("the signed-in demo user has no reports")
    reports = window.reports
    window.tabs.setCurrentWidget(reports)
    reports.sample_edit.setText(DETAIL_CODE)
    reports.custody_radio.setChecked(True)
    _wait_for(reports.report_shown, reports.build)


def _mistyped(payload: str) -> str:
    """The payload with one character changed, as a misread or mistyped scan gives."""
    at = len(payload) // 2
    return payload[:at] + ("7" if payload[at] != "7" else "8") + payload[at + 1 :]


def _show_scans(window: MainWindow, payload: str) -> None:
    """A misread label (refused), then the same label read well (accepted)."""
    window.handle_scan(_mistyped(payload))
    window.handle_scan(payload)


def _show_intake(window: MainWindow) -> None:
    """A new case half typed in: the first intake step with its number and institution."""
    if window.intake is None:
        raise SystemExit("the signed-in demo user cannot register samples")
    window.tabs.setCurrentWidget(window.intake)
    window.intake.case.number.set_text("FED/BC/TIJ/0002231/2026")
    window.intake.case.institution.set_text("FGR / Guardia Nacional")


def _show_shipments(window: MainWindow) -> None:
    window.tabs.setCurrentWidget(window.shipments)
    if window.shipments.model.rowCount() > 0:
        window.shipments.table.selectRow(0)


def _show_audit(window: MainWindow) -> None:
    assert window.audit is not None
    window.tabs.setCurrentWidget(window.audit)
    wait_verified(window)
    model = window.audit.model
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    approvals = [
        model.row_at(row).seq
        for row in range(model.rowCount())
        if model.row_at(row).kind == "shipment.approve"
    ]
    if not approvals:
        return
    # The journal from a little before the manifest's approval, that entry read in full.
    window.audit.show_entry(max(1, approvals[-1] - 18))
    rows = [row for row in range(model.rowCount()) if model.row_at(row).seq == approvals[-1]]
    if rows:
        window.audit.table.selectRow(rows[0])


def _quiet_offscreen(kind: QtMsgType, _where: QMessageLogContext, message: str) -> None:
    """Print Qt's messages, except the offscreen platform's note on size hints."""
    if "propagateSizeHints" not in message:
        print(f"qt {kind.name}: {message}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument(
        "--only", default=",".join(SCREENS), help=f"comma-separated subset of {','.join(SCREENS)}"
    )
    args = parser.parse_args(argv)
    wanted = {name.strip() for name in args.only.split(",") if name.strip()}
    unknown = wanted - set(SCREENS)
    if unknown:
        parser.error(f"unknown screen(s): {', '.join(sorted(unknown))}")
    args.out.mkdir(parents=True, exist_ok=True)
    qInstallMessageHandler(_quiet_offscreen)
    app = QApplication(["custody"])
    app.setStyle("Fusion")
    app.setFont(QFont("DejaVu Sans", 10))
    with tempfile.TemporaryDirectory(prefix="custody-shots-") as name:
        folder = Path(name)
        shoot_dialogs(app, folder, args.out, wanted)
        if wanted - {"sign_in", "first_run"}:
            ctx = _context(folder / "demo.sqlite", SteppingClock(START))
            try:
                payload = prepare(ctx)
                shoot_window(app, ctx, ctx.query(lab.lab), payload, args.out, wanted)
            finally:
                ctx.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
