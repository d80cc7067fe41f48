"""End to end on a real X display (Xvfb): sign in with the keyboard, scan a label anywhere.

Needs Xvfb and xdotool; `.ci/run` starts Xvfb and sets CUSTODY_TEST_DISPLAY. The scan is what
a USB wedge scanner does: fast keystrokes ending in Return into the focused field.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PIL import Image

from custody import demo, keyfile
from custody.context import AppContext
from custody.demo import DEMO_USERS
from custody.domain.ids import format_sample_id
from custody.domain.labelcode import LabelKind
from custody.services import labels
from lab_support import skip_or_fail


def _xdotool(display: str, *args: str, timeout: float = 20) -> str:
    done = subprocess.run(
        ["xdotool", *args],
        env={**os.environ, "DISPLAY": display},
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    return done.stdout.strip()


def _wait_window(display: str, name: str, seconds: float = 30) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = _xdotool(display, "search", "--onlyvisible", "--name", name)
        if found:
            return found.splitlines()[0]
        time.sleep(0.2)
    raise AssertionError(f"no window named {name!r} appeared on {display}")


def _screenshot(env: dict[str, str], path: Path) -> Image.Image:
    subprocess.run(["import", "-window", "root", str(path)], env=env, check=True, timeout=30)
    return Image.open(path).convert("L")


@pytest.fixture
def display() -> str:
    value = os.environ.get("CUSTODY_TEST_DISPLAY", "")
    if not value or shutil.which("xdotool") is None or shutil.which("import") is None:
        skip_or_fail(
            "no X display for end-to-end tests: set CUSTODY_TEST_DISPLAY (Xvfb) and "
            "install xdotool and imagemagick"
        )
    return value


def _labelled_demo(folder: Path) -> tuple[Path, str]:
    """A demo database file with its label key, and the QR payload of a label just printed
    for sample 4 (through the services, as `labels samples` does)."""
    db = folder / "demo.sqlite"
    ctx = AppContext(f"sqlite+pysqlite:///{db}")
    try:
        demo.populate(ctx)
        ctx.sign_in(DEMO_USERS[0].username, DEMO_USERS[0].password)
        path = ctx.label_key_path()
        assert path is not None
        code = format_sample_id("MX-AICM", time.gmtime().tm_year, 4)
        label = ctx.perform(
            "print label",
            lambda w: labels.issue(
                w, LabelKind.SAMPLE, code.key, keyfile.load(path), template="thermal-2x1-203"
            ),
        )
    finally:
        ctx.close()
    return db, label.payload


def _last_entry(db: Path) -> tuple[str, dict[str, object]]:
    with sqlite3.connect(db) as conn:
        kind, payload = conn.execute(
            "SELECT kind, payload FROM journal ORDER BY seq DESC LIMIT 1"
        ).fetchone()
    return kind, json.loads(payload)["data"]


def test_a_scanner_burst_reaches_the_scan_station_on_a_real_display(
    display: str, tmp_path: Path
) -> None:
    """Sign in with the keyboard; with the focus in the samples filter, a scanner types a label
    payload plus Return (xdotool, 3 ms a key): the scan station shows the sample. A forged
    label typed the same way is refused, and the refusal is journaled with the raw scan."""
    db, payload = _labelled_demo(tmp_path)
    boss = DEMO_USERS[0]
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
    app = subprocess.Popen(
        [sys.executable, "-m", "custody", "--db", str(db)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        dialog = _wait_window(display, "Custody — Sign in")
        _xdotool(display, "windowfocus", "--sync", dialog)
        _xdotool(display, "type", "--delay", "5", boss.username)
        _xdotool(display, "key", "Tab")
        _xdotool(display, "type", "--delay", "5", boss.password)
        _xdotool(display, "key", "Return")
        main = _wait_window(display, "Custody — Laboratorio")
        _xdotool(display, "windowfocus", "--sync", main)
        time.sleep(0.5)
        before = _screenshot(env, tmp_path / "signed_in.png")
        entries = _journal_size(db)
        _xdotool(display, "type", "--delay", "3", payload)
        _xdotool(display, "key", "Return")
        time.sleep(1.5)
        after = _screenshot(env, tmp_path / "scanned.png")
        assert before.size == after.size == (1280, 800)
        assert len(before.getcolors(1 << 16) or []) > 16  # a drawn window, not an empty screen
        changed = sum(a != b for a, b in zip(before.tobytes(), after.tobytes(), strict=True))
        assert changed > 2000  # the scan station with the sample's card replaced the table
        assert _journal_size(db) == entries  # finding a sample writes nothing
        forged = payload[:-1] + ("A" if payload[-1] != "A" else "B")
        _xdotool(display, "type", "--delay", "3", forged)
        _xdotool(display, "key", "Return")
        deadline = time.monotonic() + 10
        while _journal_size(db) == entries and time.monotonic() < deadline:
            time.sleep(0.2)
        kind, data = _last_entry(db)
        assert kind == "denied", (kind, data)
        assert data["scan"] == ascii(forged) and data["context"] == "find", data
        _xdotool(display, "key", "ctrl+q")
        _out, err = app.communicate(timeout=30)
    finally:
        if app.poll() is None:
            app.kill()
            app.communicate()
    assert app.returncode == 0, err
    assert "Traceback" not in err


def _journal_size(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute("SELECT COUNT(*) FROM journal").fetchone()[0])
