"""scripts/screenshots.py run for real (offscreen) on a reduced set of screens."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PIL import Image

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "screenshots.py"
WINDOW_SCREENS = ("samples", "scan_station", "audit", "reports", "sample_detail_es")
MIN_COLOURS = 50  # a blank or unpainted grab has a handful


def _colours(image: Image.Image) -> int:
    found = image.convert("RGB").getcolors(maxcolors=1 << 24)
    assert found is not None
    return len(found)


def test_the_script_saves_non_blank_screenshots_at_a_fixed_size(tmp_path: Path) -> None:
    out = tmp_path / "shots"
    done = subprocess.run(
        [
            sys.executable,
            str(SCRIPT),
            "--out",
            str(out),
            "--only",
            ",".join(("sign_in", *WINDOW_SCREENS)),
        ],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    for level in ("QtWarningMsg", "QtCriticalMsg"):  # none, besides the offscreen note
        assert level not in done.stderr, done.stderr
    names = {f"{name}.png" for name in ("sign_in", *WINDOW_SCREENS)}
    assert {path.name for path in out.iterdir()} == names
    for name in WINDOW_SCREENS:
        with Image.open(out / f"{name}.png") as image:
            assert image.size == (1280, 800), name
            assert _colours(image) > MIN_COLOURS, name
    with Image.open(out / "sign_in.png") as dialog:
        assert dialog.width >= 300 and dialog.height >= 150
        assert _colours(dialog) > MIN_COLOURS


def test_an_unknown_screen_is_refused_with_its_name(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--out", str(tmp_path), "--only", "samples,stock_room"],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert "unknown screen(s): stock_room" in done.stderr
    assert not list(tmp_path.glob("*.png"))
