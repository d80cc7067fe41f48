"""The GUI entry point: `custody [--db URL_OR_PATH] [--demo] [--version]`, `python -m custody`.

On an empty database the first-run wizard sets the lab up and signs its supervisor in; otherwise
the sign-in dialog comes first. The main window locks after the idle time in this workstation's
settings (`custody.settings`, 1–30 min, default 15).

Exit status: 0 normal end (or sign-in or first-run set-up cancelled), 2 the database cannot be
used.

Environment:
  CUSTODY_DB           default database when `--db` is not given (see `custody.paths`).
  CUSTODY_AUTOQUIT_MS  for start-up smoke tests: N ms after the first window is up (the sign-in
                       dialog, the first-run wizard, or the main window), close it and exit 0.
"""

from __future__ import annotations

import argparse
import logging
import os
import shlex
import tempfile
from collections.abc import Callable, Sequence
from contextlib import ExitStack
from functools import partial
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from custody import __version__, demo, paths, settings
from custody.context import AppContext
from custody.domain.messages import t
from custody.errors import NotInitialised, Refusal, StorageError
from custody.services import lab
from custody.services.lab import LabView
from custody.ui.dialogs.first_run import FirstRunWizard
from custody.ui.dialogs.sign_in import SignInDialog
from custody.ui.error_text import error_text
from custody.ui.excepthook import ExceptHook
from custody.ui.i18n import install_translators, translate
from custody.ui.icon import app_icon
from custody.ui.labels import role_label
from custody.ui.main_window import MainWindow
from custody.ui.scan_filter import ScannerBurstFilter
from custody.ui.session import Clock, IdleLock, monotonic_seconds
from custody.ui.splash import busy_splash

AUTOQUIT_ENV = "CUSTODY_AUTOQUIT_MS"
EXIT_STORAGE = 2
log = logging.getLogger(__name__)


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="custody", description="Chain of custody for seized drug samples (desktop app)."
    )
    parser.add_argument(
        "--db",
        metavar="URL_OR_PATH",
        help="database: a SQLite file or a SQLAlchemy URL (default: $CUSTODY_DB, else the "
        "file in the user data directory)",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="try Custody on a throwaway demo database (deleted on exit)",
    )
    parser.add_argument("--version", action="version", version=f"custody {__version__}")
    args = parser.parse_args(argv)
    if args.demo and args.db:
        parser.error("--demo and --db exclude each other")
    return args


def database_url(value: str | None) -> str:
    """The URL for `--db`: a URL as given, a path to an existing SQLite file, or the default."""
    if not value:
        url = paths.default_db_url()
        paths.ensure_parent(url)
        return url
    if "://" in value:
        return value
    path = Path(value).expanduser().resolve()
    if not path.is_file():
        raise StorageError(
            t(
                "There is no database file at {path}.\n\nCheck the path, or set a new lab up "
                "with:\n    custody-cli --db {quoted} init --help",
                path=path,
                quoted=shlex.quote(str(path)),
            )
        )
    return f"sqlite+pysqlite:///{path}"


def display_url(url: str) -> str:
    """The URL without a password, or the file path for SQLite (for messages)."""
    if url.startswith("sqlite") and ":///" in url:
        return url.split(":///", 1)[1]
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    netloc = f"{parts.username}:***@{host}" + (f":{parts.port}" if parts.port else "")
    return urlunsplit(parts._replace(netloc=netloc))


def demo_hint(accounts: Sequence[demo.DemoUser]) -> str:
    lines = [
        translate("app", "This is a throwaway demo database: it is deleted when Custody closes."),
        translate("app", "Demo accounts (user name / password):"),
    ]
    lines += [f"  {u.username} / {u.password}   ({role_label(u.role)})" for u in accounts]
    return "\n".join(lines)


def attempt_sign_in(ctx: AppContext, dialog: SignInDialog, username: str, password: str) -> None:
    """Check the credentials from the dialog; accept it, or show the refusal and stay open."""
    dialog.set_busy(True)
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        ctx.sign_in(username, password)
    except Refusal as refusal:
        dialog.show_refusal(error_text(refusal))
    except StorageError as error:
        dialog.show_refusal(error_text(error))
    else:
        dialog.accept()
    finally:
        QApplication.restoreOverrideCursor()


def _autoquit_ms() -> int | None:
    raw = os.environ.get(AUTOQUIT_ENV, "").strip()
    return int(raw) if raw.isdigit() else None


def _close_later(close: Callable[[], object]) -> None:
    """With CUSTODY_AUTOQUIT_MS set, close the window N ms after the event loop shows it."""
    delay = _autoquit_ms()
    if delay is not None:
        QTimer.singleShot(0, lambda: QTimer.singleShot(delay, close))


def _refuse(title: str, text: str, icon: QMessageBox.Icon = QMessageBox.Icon.Critical) -> int:
    box = QMessageBox(icon, title, text)
    _close_later(box.reject)
    box.exec()
    return EXIT_STORAGE


def _open(args: argparse.Namespace, stack: ExitStack) -> tuple[AppContext, str]:
    """The context on the chosen database (a fresh demo with --demo) and the sign-in hint."""
    if not args.demo:
        ctx = AppContext(database_url(args.db))
        stack.callback(ctx.close)
        return ctx, ""
    folder = stack.enter_context(tempfile.TemporaryDirectory(prefix="custody-demo-"))
    ctx = AppContext(f"sqlite+pysqlite:///{Path(folder) / 'demo.sqlite'}")
    stack.callback(ctx.close)  # runs before the folder is deleted
    splash = busy_splash(translate("app", "Preparing a demo database with four seizures…"))
    try:
        accounts = demo.populate(ctx)
    finally:
        splash.close()
    ctx.sign_out()  # populate signs its demo users in; the person at the screen signs in now
    return ctx, demo_hint(accounts)


def _first_run(ctx: AppContext) -> LabView | None:
    """The first-run wizard on an empty database; the lab once it is set up (None: cancelled)."""
    wizard = FirstRunWizard(ctx, database=display_url(ctx.url))
    _close_later(wizard.reject)
    wizard.exec()
    return wizard.lab_view


def _sign_in(ctx: AppContext, lab_view: LabView, hint: str) -> bool:
    dialog = SignInDialog(lab_view.lab_name, hint)
    dialog.submitted.connect(partial(attempt_sign_in, ctx, dialog))
    _close_later(dialog.reject)
    return dialog.exec() == QDialog.DialogCode.Accepted


def _workstation_settings() -> settings.Settings:
    problems: list[str] = []
    loaded = settings.load(problems=problems)
    for problem in problems:
        log.warning("%s", problem)
    return loaded


def show_main_window(
    app: QApplication,
    ctx: AppContext,
    lab_view: LabView,
    chosen: settings.Settings,
    clock: Clock = monotonic_seconds,
) -> tuple[MainWindow, IdleLock]:
    """The main window, locked after `chosen.idle_lock_minutes` without input; "Sign out" on
    the lock quits the app."""
    window = MainWindow(ctx, lab_view)
    # Scanner bursts anywhere go to the scan station; installed before the idle lock so that a
    # scan it swallows still counts as activity.
    scans = ScannerBurstFilter(window)
    scans.burst_scanned.connect(window.handle_scan)
    app.installEventFilter(scans)
    idle = IdleLock(ctx, window, minutes=chosen.idle_lock_minutes, clock=clock)
    idle.signed_out.connect(app.quit)
    idle.install()
    window.show()
    return window, idle


def run(app: QApplication, args: argparse.Namespace) -> int:
    with ExitStack() as stack:
        trouble = translate("app", "Custody — Database problem")
        try:
            ctx, hint = _open(args, stack)
        except StorageError as error:
            return _refuse(trouble, error_text(error))
        try:
            lab_view: LabView | None = ctx.query(lab.lab)
        except NotInitialised:
            lab_view = None
        except StorageError as error:
            return _refuse(trouble, error_text(error))
        if lab_view is None:
            lab_view = _first_run(ctx)
            if lab_view is None:
                return 0
        if ctx.actor is None and not _sign_in(ctx, lab_view, hint):
            return 0
        window, _idle = show_main_window(app, ctx, lab_view, _workstation_settings())
        _close_later(window.close)
        status = app.exec()
        _end_session(ctx)
        return status


def _end_session(ctx: AppContext) -> None:
    """Journal the sign-out of whoever is still signed in when the app closes."""
    try:
        ctx.end_session("quit")
    except StorageError as error:
        log.warning("the sign-out could not be journaled: %s", error)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    app = QApplication(["custody"])  # argv[0] names the X11 window class
    app.setApplicationName("Custody")
    app.setOrganizationName("Custody")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(app_icon())
    install_translators(app, settings.load().language)  # before any window is built
    hook = ExceptHook(app)
    hook.install()
    try:
        return run(app, args)
    finally:
        hook.uninstall()
