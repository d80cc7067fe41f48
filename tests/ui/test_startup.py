"""Start-up smoke tests: the real entry point in a subprocess (a second QApplication aborts).

CUSTODY_AUTOQUIT_MS closes the first window (the sign-in dialog, the first-run wizard, or a
message box) shortly after it is shown, so each run ends by itself.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from ui_support import OFFSCREEN_NOISE_TEXT, make_ctx

from custody import __version__
from custody.app import database_url, display_url, parse_args, show_main_window
from custody.context import AppContext
from custody.errors import NotInitialised
from custody.services import lab
from custody.services.lab import LabView
from custody.settings import Settings

NOISE = (OFFSCREEN_NOISE_TEXT,)  # known, harmless output of the offscreen platform


def run_app(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    temp = tmp_path / "tmp"
    runtime = tmp_path / "runtime"
    temp.mkdir(exist_ok=True)
    runtime.mkdir(mode=0o700, exist_ok=True)
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "CUSTODY_AUTOQUIT_MS": "200",
        "TMPDIR": str(temp),  # the demo database goes here, and must be gone at exit
        "XDG_RUNTIME_DIR": str(runtime),
        "XDG_DATA_HOME": str(tmp_path / "data"),  # never touch the real default database
        "XDG_CONFIG_HOME": str(tmp_path / "config"),  # ...nor the real workstation settings
        "LANG": "C.UTF-8",
    }
    env.pop("CUSTODY_DB", None)
    env.pop("CUSTODY_LABEL_KEY", None)
    return subprocess.run(
        [sys.executable, "-m", "custody", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def problems(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.strip() and line.strip() not in NOISE]


def test_demo_starts_shows_sign_in_and_cleans_up(tmp_path: Path) -> None:
    result = run_app(tmp_path, "--demo")
    assert result.returncode == 0, result.stderr
    assert problems(result.stderr) == []
    assert list((tmp_path / "tmp").iterdir()) == []  # the throwaway database is deleted


def assert_not_set_up(db: Path) -> None:
    ctx = make_ctx(f"sqlite+pysqlite:///{db}")
    try:
        with pytest.raises(NotInitialised):
            ctx.query(lab.lab)
    finally:
        ctx.close()


def test_an_empty_database_opens_the_first_run_wizard(tmp_path: Path) -> None:
    empty = tmp_path / "empty.sqlite"
    empty.touch()
    result = run_app(tmp_path, "--db", str(empty))
    # The wizard (not the "not set up" message, exit 2) came up and was cancelled: exit 0,
    # and nothing was set up, no key was made, no setting was written.
    assert result.returncode == 0, result.stderr
    assert problems(result.stderr) == []
    assert_not_set_up(empty)
    assert not (tmp_path / "empty.label-key").exists()
    assert not (tmp_path / "config").exists()


def test_the_default_database_is_created_and_the_wizard_offered(tmp_path: Path) -> None:
    result = run_app(tmp_path)
    assert result.returncode == 0, result.stderr
    assert problems(result.stderr) == []
    assert_not_set_up(tmp_path / "data" / "Custody" / "custody.sqlite")


def test_a_missing_database_file_is_refused(tmp_path: Path) -> None:
    result = run_app(tmp_path, "--db", str(tmp_path / "typo.sqlite"))
    assert result.returncode == 2, result.stderr
    assert problems(result.stderr) == []
    assert not (tmp_path / "typo.sqlite").exists()  # no stray empty database created


def test_version(tmp_path: Path) -> None:
    result = run_app(tmp_path, "--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"custody {__version__}"


def test_arguments(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert parse_args(["--demo"]).demo
    with pytest.raises(SystemExit):
        parse_args(["--demo", "--db", "x.sqlite"])
    db = tmp_path / "lab.sqlite"
    db.touch()
    assert database_url(str(db)) == f"sqlite+pysqlite:///{db.resolve()}"
    assert database_url("postgresql+psycopg://u@h/c") == "postgresql+psycopg://u@h/c"
    monkeypatch.setenv("CUSTODY_DB", str(db))
    assert database_url(None) == f"sqlite+pysqlite:///{db.resolve()}"


def test_messages_never_show_a_database_password() -> None:
    url = "postgresql+psycopg://custody:s3cret@db.lab:5432/custody"
    assert display_url(url) == "postgresql+psycopg://custody:***@db.lab:5432/custody"
    assert display_url("sqlite+pysqlite:////var/lib/custody.sqlite") == "/var/lib/custody.sqlite"


def test_the_main_window_locks_after_the_configured_idle_time(
    qtbot, qapp, signed_in: AppContext, lab_view: LabView
) -> None:
    now = [100.0]
    window, idle = show_main_window(
        qapp, signed_in, lab_view, Settings(idle_lock_minutes=7), clock=lambda: now[0]
    )
    qtbot.addWidget(window)
    try:
        assert window.isVisible()
        now[0] += 6 * 60 + 59
        idle.check()
        assert not idle.is_locked
        now[0] += 1
        with qtbot.waitSignal(idle.locked, timeout=3000):  # the timer runs
            pass
        assert idle.covers()
    finally:
        idle.uninstall()
        if idle.dialog is not None:
            idle.dialog.hide()
