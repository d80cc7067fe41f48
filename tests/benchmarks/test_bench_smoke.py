"""The scale benchmark's generator writes a VALID journal (no timing assertions here)."""

from __future__ import annotations

import importlib.util
import json
import sqlite3
import sys
from pathlib import Path
from types import ModuleType

import pytest

from custody.db.engine import READ_ONLY, make_engine, sqlite_url
from custody.db.verify import VerifyReport, verify

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "bench_scale.py"
DEMO_SAMPLES = 11  # custody.demo.populate: 10 samples and 1 sub-sample


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_scale", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_scale"] = module  # dataclasses resolve annotations through it
    spec.loader.exec_module(module)
    return module


def run_verify(path: Path) -> VerifyReport:
    engine = make_engine(sqlite_url(path))
    try:
        with engine.execution_options(**{READ_ONLY: True}).connect() as conn:
            total = conn.exec_driver_sql("SELECT COUNT(*) FROM journal").scalar_one()
            return verify(conn, total)
    finally:
        engine.dispose()


def count(path: Path, sql: str) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute(sql).fetchone()[0])
    finally:
        conn.close()


@pytest.mark.parametrize("lean", [False, True], ids=["real-shape", "lean"])
def test_generated_journal_verifies(bench: ModuleType, tmp_path: Path, lean: bool) -> None:
    path = tmp_path / "bench.sqlite"
    gen = bench.generate(path, 300, 2_000, batch=500, lean=lean, log=lambda _m: None)

    report = run_verify(path)
    assert report.intact, report
    assert report.entries == gen.entries == 2_000
    assert count(path, "SELECT COUNT(*) FROM samples") == gen.samples == 300 + DEMO_SAMPLES
    assert count(path, "SELECT COUNT(*) FROM journal WHERE kind = 'sample.register'") == 310
    assert count(path, "SELECT last_number FROM id_counters") == gen.last_number == 311
    conn = sqlite3.connect(path)
    try:
        last = conn.execute("SELECT hash FROM journal ORDER BY seq DESC LIMIT 1").fetchone()[0]
    finally:
        conn.close()
    assert report.head_hash == last
    assert bench.existing(path).last_number == gen.last_number


def test_generated_rows_are_explained_by_the_journal(bench: ModuleType, tmp_path: Path) -> None:
    """An edit of a generated sample is caught: the generated entries really explain rows."""
    path = tmp_path / "bench.sqlite"
    bench.generate(path, 50, 400, batch=100, log=lambda _m: None)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE samples SET net_weight = net_weight + 1 WHERE id = 40")
    conn.commit()
    conn.close()

    report = run_verify(path)
    assert report.chain_break is None
    assert report.divergence is not None
    assert (report.divergence.table, report.divergence.key) == ("samples", 40)
    assert report.divergence.field == "net_weight"


def test_verify_measurement_times_the_real_phases(bench: ModuleType, tmp_path: Path) -> None:
    """The timing shims reach verify's phases (json.loads, Replay.apply, Replay.compare)."""
    path = tmp_path / "bench.sqlite"
    bench.generate(path, 100, 800, batch=200, log=lambda _m: None)
    report = run_verify(path)
    found = bench.measure_verify(path)
    assert found["intact"] and report.intact
    assert (found["entries"], found["head_hash"]) == (report.entries, report.head_hash)
    assert found["records_compared"] == report.records_compared
    assert found["parsed_entries"] >= 100  # every sample.register entry carries changes
    assert min(found["parse_s"], found["apply_s"], found["compare_s"]) > 0
    assert found["raw_read_hash_s"] > 0 and found["raw_hash_s"] > 0


# --- bench_manifest.py ---------------------------------------------------------------------------

MANIFEST_BENCH = BENCH.with_name("bench_manifest.py")


@pytest.fixture(scope="module")
def manifest_bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_manifest", MANIFEST_BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_manifest"] = module
    spec.loader.exec_module(module)
    return module


def test_manifest_benchmark_runs_and_compares_the_same_rows(
    manifest_bench: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Tiny sizes: both sides draw the benchmark's rows, the child process reports memory."""
    content = manifest_bench.sample_manifest(30)
    assert [row.line for row in content.rows] == list(range(1, 31))
    raw = manifest_bench.raw_rows(content)
    assert [r[2] for r in raw] == [row.sample_id for row in content.rows]
    wrapped, widths = manifest_bench.drawn_cells(content)
    assert [r[2] for r in wrapped] == [row.sample_id for row in content.rows]
    assert len(widths) == len(raw[0])

    out = tmp_path / "manifest.json"
    args = ["--count", "30", "--big", "40", "--repeat", "1", "--json", str(out)]
    assert manifest_bench.main(args) == 0
    assert "real / raw (default font)" in capsys.readouterr().out
    report = json.loads(out.read_text("utf-8"))
    result = report["result"]
    assert result["samples"] == 30 and result["real"]["pages"] >= 2
    for key in ("raw_default_font", "raw_same_font", "raw_same_text"):
        assert result[key]["pages"] >= 1 and result[key]["bytes"] > 0
    assert result["profile_phases_s"]["sample list: widths + wrap"] > 0
    big = report["big"]
    assert big["samples"] == 40 and big["pages"] >= 2
    assert big["peak_rss_kib"] >= big["rss_before_kib"] > 0
