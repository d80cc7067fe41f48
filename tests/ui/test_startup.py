"""Start-up smoke tests: the real entry point in a subprocess (a second QApplication aborts).

CUSTODY_AUTOQUIT_MS closes the first window (the sign-in dialog, or a message box) shortly after
it is shown, so each run ends by itself.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from ui_support import OFFSCREEN_NOISE_TEXT

from custody import __version__
from custody.app import database_url, display_url, parse_args

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
        "LANG": "C.UTF-8",
    }
    env.pop("CUSTODY_DB", None)
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


def test_an_empty_database_is_explained_not_a_crash(tmp_path: Path) -> None:
    empty = tmp_path / "empty.sqlite"
    empty.touch()
    result = run_app(tmp_path, "--db", str(empty))
    assert result.returncode == 2, result.stderr
    assert problems(result.stderr) == []


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
