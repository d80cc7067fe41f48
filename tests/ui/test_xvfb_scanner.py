"""End to end on a real X display (Xvfb): sign in with the keyboard, see the samples, scan.

Needs Xvfb and xdotool; `.ci/run` starts Xvfb and sets CUSTODY_TEST_DISPLAY. The scan is what
a USB wedge scanner does: fast keystrokes ending in Return into the focused field.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PIL import Image

from custody.demo import DEMO_USERS
from custody.domain.ids import format_sample_id
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


def test_sign_in_and_scan_an_id_on_a_real_display(display: str, tmp_path: Path) -> None:
    boss = DEMO_USERS[0]
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
    app = subprocess.Popen(
        [sys.executable, "-m", "custody", "--demo"],
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
        # the ID filter has the focus: a scanner burst of one ID narrows the table to it
        code = format_sample_id("MX-AICM", time.gmtime().tm_year, 4).human
        _xdotool(display, "type", "--delay", "3", code)
        _xdotool(display, "key", "Return")
        time.sleep(1.0)
        after = _screenshot(env, tmp_path / "scanned.png")
        assert before.size == after.size == (1280, 800)
        assert len(before.getcolors(1 << 16) or []) > 16  # a drawn window, not an empty screen
        changed = sum(a != b for a, b in zip(before.tobytes(), after.tobytes(), strict=True))
        assert changed > 2000  # ten of the eleven rows left the table
        _xdotool(display, "key", "ctrl+q")
        _out, err = app.communicate(timeout=30)
    finally:
        if app.poll() is None:
            app.kill()
            app.communicate()
    assert app.returncode == 0, err
    assert "Traceback" not in err
