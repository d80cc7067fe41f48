"""Scan anywhere on a real X display (Xvfb): xdotool types like a USB wedge scanner into a real
window, with the X server's own key timestamps, and the burst filter tells scan from typing.

Needs Xvfb and xdotool; `.ci/run` starts Xvfb and sets CUSTODY_TEST_DISPLAY.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time

import pytest

from lab_support import skip_or_fail

PAYLOAD = "1S0GMXAICM2026000123000005LKEEA3QM20F3WK433"

# A window with a notes field that has the focus, the filter installed on the application;
# prints each burst, and the field's text when Ctrl+Q ends it.
PROBE = """
import sys
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QLineEdit
from custody.ui.scan_filter import ScannerBurstFilter

app = QApplication(sys.argv)
edit = QLineEdit("notes ")
edit.setWindowTitle("Burst probe")
edit.resize(600, 80)
burst = ScannerBurstFilter()
app.installEventFilter(burst)
burst.burst_scanned.connect(lambda text: print("BURST:" + text, flush=True))
edit.returnPressed.connect(lambda: print("ENTER", flush=True))
QShortcut(QKeySequence("Ctrl+Q"), edit).activated.connect(app.quit)
edit.show()
edit.activateWindow()
edit.setFocus()
print("READY", flush=True)
app.exec()
print("TEXT:" + edit.text(), flush=True)
"""


def _xdotool(display: str, *args: str) -> str:
    done = subprocess.run(
        ["xdotool", *args],
        env={**os.environ, "DISPLAY": display},
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    return done.stdout.strip()


@pytest.fixture
def display() -> str:
    value = os.environ.get("CUSTODY_TEST_DISPLAY", "")
    if not value or shutil.which("xdotool") is None:
        skip_or_fail("no X display: set CUSTODY_TEST_DISPLAY (Xvfb) and install xdotool")
    return value


def test_a_real_scanner_burst_is_routed_and_typing_reaches_the_field(display: str) -> None:
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
    probe = subprocess.Popen(
        [sys.executable, "-c", PROBE],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert probe.stdout is not None
        assert probe.stdout.readline().strip() == "READY"
        deadline = time.monotonic() + 30
        window = ""
        while not window and time.monotonic() < deadline:
            window = _xdotool(display, "search", "--onlyvisible", "--name", "Burst probe")
            time.sleep(0.1)
        assert window, "the probe window did not appear"
        _xdotool(display, "windowfocus", "--sync", window.splitlines()[0])
        time.sleep(0.3)
        _xdotool(display, "type", "--delay", "4", PAYLOAD)  # what a wedge scanner does
        _xdotool(display, "key", "Return")
        time.sleep(0.3)
        _xdotool(display, "type", "--delay", "120", "ok 7")  # a person typing
        time.sleep(0.3)
        _xdotool(display, "key", "Return")
        time.sleep(0.3)
        _xdotool(display, "key", "ctrl+q")
        out, err = probe.communicate(timeout=30)
    finally:
        if probe.poll() is None:
            probe.kill()
            probe.communicate()
    assert probe.returncode == 0, err
    lines = out.splitlines()
    assert lines == [f"BURST:{PAYLOAD}", "ENTER", "TEXT:notes ok 7"], (lines, err)
