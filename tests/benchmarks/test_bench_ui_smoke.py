"""The desktop app benchmark runs end to end at a small scale and every step reaches the rows it
must paint (no timing assertions: benchmarks/bench_ui.py prints the figures)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "bench_ui.py"


def test_ui_benchmark_reaches_every_step(tmp_path: Path) -> None:
    out = tmp_path / "ui.json"
    env = {k: v for k, v in os.environ.items() if not k.startswith("CUSTODY_")}
    done = subprocess.run(
        [
            sys.executable,
            str(BENCH),
            *("--samples", "1500"),  # more than the view's 1,000: its window mode is measured
            *("--runs", "1", "--table-runs", "1", "--no-xvfb", "--skip-imports"),
            *("--json", str(out)),
        ],
        env={**env, "TMPDIR": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    figures = json.loads(out.read_text())

    cold = figures["cold_offscreen"]
    assert cold["problems"] == []
    assert cold["app_main_rows"] > 0  # the app's samples table was painted with rows
    assert 0 < cold["bare_main_s"] < cold["floor_main_s"] < cold["app_main_s"]
    assert 0 < cold["app_signin_s"] < cold["app_main_s"]

    table, expect = figures["table"], figures["expect"]
    assert expect["all"]["rows"] == 1511
    assert table["stderr"] == []
    steps = {step["step"]: step for step in table["steps"]}
    assert all(step["done"] for step in steps.values()), [s for s in steps.values()]
    assert steps["scroll to end (Ctrl+End)"]["actions"] == 1  # one keystroke to the end
    assert steps["scroll to end (Ctrl+End)"]["last_visible"] == expect["all"]["last"]
    assert steps["open"]["count_text"] == "1511 samples"
    assert steps["filter: status Destroyed"]["rows_in_model"] == 0
    for statement in table["statements"]:  # every page and count reads an index
        plan = statement["plan"]
        # A sort is allowed only behind a selective filter's own index (the filter-led plan
        # sorts just the matching rows); never behind a walk of all samples.
        if any("TEMP B-TREE" in line for line in plan):
            assert any("SEARCH" in line for line in plan), statement
        if statement["gui"]:
            assert statement["scan_note"] in ("", "SCAN, bounded by LIMIT/OFFSET"), statement
    assert table["peak_rss_kib"] > 0
    assert figures["window"]["done"] and figures["dashboard"]["widget_done"]
    assert "samples table" in done.stdout and "query plans (dashboard)" in done.stdout
