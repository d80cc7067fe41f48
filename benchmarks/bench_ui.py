"""Desktop app benchmark: cold start vs a bare PySide6 window, the samples table and the
dashboard at 1,000,000 samples. Prints figures next to raw baselines measured in the same run.

    python benchmarks/bench_ui.py --db /tmp/ui1m.sqlite --keep      # generate 1M samples (~2 min)
    python benchmarks/bench_ui.py --db /tmp/ui1m.sqlite --reuse     # measure again (~1 min)

Cold start: N runs (median) each of a fresh `ui_probe.py bare` (QApplication + QMainWindow,
shown, first paint) and `ui_probe.py app` (the real start on a demo database: the database is
opened and its schema checked, the sign-in dialog is painted, a robot types the supervisor's
credentials at once, the main window with every tab is built and its samples table painted with
rows), interleaved, offscreen and under an Xvfb this script starts on a free display. Times run
from the parent's `perf_counter()` before `Popen` to the line the child writes after the paint.

Scale: the `bench_scale` generator (`--lean`) makes the database; `ui_probe.py table` opens the
real SamplesView on it (real AppContext) and times open, Ctrl+End, Ctrl+Home, a scroll-bar drag
and every filter the view offers, each until the right rows are painted; its peak RSS (VmHWM) is
the process's. Every SELECT the view sent is replayed through raw sqlite3 (the baseline) with
its EXPLAIN QUERY PLAN. `ui_probe.py dashboard` does the same for the dashboard. See
benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo

from bench_ui_children import (
    HERE,
    child_env,
    cold_start,
    import_costs,
    json_child,
    make_demo,
    xvfb,
)
from bench_ui_report import (
    full_scan,
    render_cold,
    render_dashboard,
    render_imports,
    render_plans,
    render_table,
    render_window,
    scan_note,
)

OUT_DIR = HERE / "out"


# --------------------------------------------------------------------------- scale


def prepare(db: Path) -> dict[str, Any]:
    """Bring the database to the current schema (the app would do it on open; not timed in
    the table run). The migration's safety backup of this scratch database is removed."""
    from argon2 import PasswordHasher
    from argon2.profiles import CHEAPEST

    from custody.context import AppContext

    t0 = time.perf_counter()
    ctx = AppContext(f"sqlite+pysqlite:///{db}", hasher=PasswordHasher.from_parameters(CHEAPEST))
    backup = ctx.backup_taken
    ctx.close()
    if backup is not None:
        Path(backup).unlink(missing_ok=True)
    return {"migrated": backup is not None, "s": time.perf_counter() - t0}


def expectations(db: Path) -> dict[str, Any]:
    """What each step of the table run must show: first/last sample ID and count per filter."""
    conn = sqlite3.connect(db)
    try:
        prefix, year = conn.execute(
            "SELECT site_prefix, year FROM lab_settings JOIN id_counters "
            "ON id_counters.prefix = lab_settings.site_prefix ORDER BY year DESC"
        ).fetchone()
        total = conn.execute("SELECT COUNT(*) FROM samples").fetchone()[0]
        middle = conn.execute(
            "SELECT code FROM samples ORDER BY id LIMIT 1 OFFSET ?", (total // 2,)
        ).fetchone()[0]
        case_number, port = conn.execute(
            "SELECT case_number, port FROM cases JOIN seizures ON seizures.case_id = cases.id "
            "ORDER BY cases.id DESC"
        ).fetchone()
        location = conn.execute(
            "SELECT code FROM locations WHERE parent_id IS NULL ORDER BY code"
        ).fetchone()
        zone = ZoneInfo(conn.execute("SELECT timezone FROM lab_settings").fetchone()[0])
        stamp = conn.execute(
            "SELECT created_at FROM samples ORDER BY id LIMIT 1 OFFSET ?", (total // 2,)
        ).fetchone()[0]
        day = datetime.fromisoformat(stamp.replace("Z", "+00:00")).astimezone(zone).date()
        month = day.replace(day=1)
        next_month = (month + timedelta(days=32)).replace(day=1)
        f = Filter
        filters = {
            "all": f(),
            "id_exact": f(prefix=middle),
            "id_prefix": f(prefix=f"{prefix}-{year}-5"),
            "id_none": f(prefix=f"{prefix}-{year + 1}-"),
            "stored": f("stored"),
            "registered": f("registered"),
            "destroyed": f("destroyed"),
            "registered_prefix": f("registered", f"{prefix}-{year}-5"),
            "case": f(case=case_number),
            "case_prefix": f(case="/".join(case_number.split("/")[:2]) + "/"),
            "case_none": f(case="NO-SUCH-CASE/"),
            "port": f(port=port),
            "location": f(location=location[0] if location else "NO-SUCH-PLACE"),
            "day": f(since=day.isoformat(), until=day.isoformat()),
            "month": f(since=month.isoformat(), until=(next_month - timedelta(days=1)).isoformat()),
            "from_day": f(since=day.isoformat()),
            "stored_port": f("stored", port=port),
            "registered_case_day": f("registered", case=case_number, since=day.isoformat(),
                                     until=day.isoformat()),
            "prefix_port": f(prefix=f"{prefix}-{year}-5", port=port),
        }  # fmt: skip
        found: dict[str, Any] = {}
        for key, want in filters.items():
            sql, params = _where(want, zone)
            first = conn.execute(f"SELECT code {sql} ORDER BY code LIMIT 1", params).fetchone()
            last = conn.execute(f"SELECT code {sql} ORDER BY code DESC LIMIT 1", params).fetchone()
            rows = conn.execute(f"SELECT COUNT(*) {sql}", params).fetchone()[0]
            found[key] = {
                **want._asdict(),
                "first": first[0] if first else None,
                "last": last[0] if last else None,
                "rows": rows,
            }
        return found
    finally:
        conn.close()


class Filter(NamedTuple):
    """One table step's filter, as typed into the bar (dates: the lab's days, ISO)."""

    status: str | None = None
    prefix: str = ""
    case: str = ""
    port: str | None = None
    location: str = ""
    since: str = ""
    until: str = ""


def _where(want: Filter, zone: ZoneInfo) -> tuple[str, list[Any]]:
    """The raw SQL (FROM … WHERE …) of a filter: the parent's own oracle, not the app's."""
    top = "\U0010ffff"
    where, params = ["1"], []
    if want.status:
        where.append("status = ?")
        params.append(want.status)
    if want.prefix:
        where.append("code >= ? AND code < ?")
        params += [want.prefix.upper(), want.prefix.upper() + top]
    if want.case:
        where.append(
            "exhibit_id IN (SELECT exhibits.id FROM exhibits JOIN cases ON cases.id = "
            "exhibits.case_id WHERE case_number >= ? AND case_number < ?)"
        )
        params += [want.case.upper(), want.case.upper() + top]
    if want.port:
        where.append(
            "exhibit_id IN (SELECT exhibits.id FROM exhibits JOIN seizures ON seizures.id = "
            "exhibits.seizure_id WHERE port = ?)"
        )
        params.append(want.port)
    if want.location:
        where.append(
            "location_id IN (WITH RECURSIVE tree(id) AS (SELECT id FROM locations WHERE code = ?"
            " UNION ALL SELECT locations.id FROM locations JOIN tree ON parent_id = tree.id)"
            " SELECT id FROM tree)"
        )
        params.append(want.location.upper())
    for text, op, days in ((want.since, ">=", 0), (want.until, "<", 1)):
        if text:
            local = datetime.combine(date.fromisoformat(text) + timedelta(days=days), clock_time(0))
            moment = local.replace(tzinfo=zone).astimezone(UTC)
            where.append(f"created_at {op} ?")
            params.append(moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ"))
    return f"FROM samples WHERE {' AND '.join(where)}", params


def median_steps(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """Several table runs as one: per step the median time (every run's kept as `all_ms`),
    the highest peak RSS, the first run's statements."""
    first = runs[0]
    for index, step in enumerate(first["steps"]):
        times = [run["steps"][index]["ms"] for run in runs]
        counts = [run["steps"][index]["count_ms"] for run in runs]
        step["all_ms"], step["ms"] = times, statistics.median(times)
        step["count_ms"] = statistics.median(counts)
        step["done"] = all(run["steps"][index]["done"] for run in runs)
    first["runs"] = len(runs)
    first["peak_rss_kib"] = max(run["peak_rss_kib"] for run in runs)
    return first


def with_raw(db: Path, result: dict[str, Any]) -> dict[str, Any]:
    """Each captured SELECT once (per step) with its plan and raw time; per step the raw time
    of the statements it ran on the GUI thread (the baseline)."""
    sys.path.insert(0, str(HERE))
    from ui_probe import raw_figures

    unique: dict[tuple[str, str, str], dict[str, Any]] = {}
    for item in result.pop("statements"):
        key = (item["step"], item["sql"], json.dumps(item["params"]))
        if key in unique:
            unique[key]["times"] += 1
        else:
            unique[key] = {**item, "times": 1}
    statements = list(unique.values())
    raw_figures(str(db), statements)
    for item in statements:
        item["full_scan"] = [p for p in item["plan"] if full_scan(p)]
        item["scan_note"] = scan_note(item["sql"]).strip(" <-") if item["full_scan"] else ""
    result["statements"] = statements
    for step in result.get("steps", []):
        mine = [s for s in statements if s["step"] == step["step"] and s["gui"]]
        step["raw_ms"] = sum(s["raw_ms"] * s["times"] for s in mine)
        step["queries_gui"] = sum(s["times"] for s in mine)
        step["queries_worker"] = sum(
            s["times"] for s in statements if s["step"] == step["step"] and not s["gui"]
        )
    return result


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--samples", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, help="database file to create (must not exist)")
    parser.add_argument("--keep", action="store_true", help="keep the database file")
    parser.add_argument("--reuse", action="store_true", help="measure an existing --db")
    parser.add_argument("--runs", type=int, default=5, help="cold starts per side (median)")
    parser.add_argument("--table-runs", type=int, default=3, help="table runs (median)")
    parser.add_argument("--no-xvfb", action="store_true", help="cold start offscreen only")
    parser.add_argument("--skip-cold", action="store_true")
    parser.add_argument("--skip-imports", action="store_true", help="no import cost stages")
    parser.add_argument("--skip-scale", action="store_true")
    parser.add_argument("--json", type=Path, default=OUT_DIR / "ui.json")
    args = parser.parse_args(argv)
    if args.reuse and args.db is None:
        parser.error("--reuse needs --db")
    sys.path.insert(0, str(HERE))
    scratch = Path(tempfile.mkdtemp(prefix="custody-bench-ui-"))
    db_path = args.db.resolve() if args.db else scratch / "scale.sqlite"
    if args.reuse:
        if not db_path.exists():
            parser.error(f"--reuse: {db_path} does not exist")
        args.keep = True
    elif db_path.exists():
        parser.error(f"{db_path} exists already; give a new path (or --reuse it)")
    results: dict[str, Any] = {
        "args": {k: str(v) for k, v in vars(args).items()},
        "python": sys.version.split()[0],
        "sqlite": sqlite3.sqlite_version,
        "started": datetime.now(UTC).isoformat(timespec="seconds"),
        "commit": _git("rev-parse", "--short", "HEAD"),
        "src_changed": bool(_git("status", "--porcelain", "--", "src")),
        "loadavg_start": os.getloadavg(),
    }
    out: list[str] = []
    try:
        if not args.skip_cold:
            demo_db, user, password = make_demo(scratch)
            print(f"cold start: {args.runs} runs per side, offscreen ...", flush=True)
            env = child_env(scratch, "offscreen")
            results["cold_offscreen"] = cold_start(args.runs, demo_db, user, password, env)
            out.append(render_cold("offscreen", results["cold_offscreen"]))
            if not args.skip_imports:
                print("import costs ...", flush=True)
                results["imports"] = import_costs(args.runs, env)
                out.append(render_imports(results["imports"], args.runs))
            if not args.no_xvfb:
                with xvfb() as display:
                    if display is None:
                        out.append("(no Xvfb: the xcb cold start was not measured)")
                    else:
                        print(f"cold start under Xvfb {display} ...", flush=True)
                        env = child_env(scratch, "xcb", display)
                        results["cold_xvfb"] = cold_start(args.runs, demo_db, user, password, env)
                        results["cold_xvfb"]["display"] = display
                        out.append(render_cold(f"Xvfb {display}", results["cold_xvfb"]))
        if not args.skip_scale:
            if not args.reuse:
                from bench_scale import generate

                print(f"generating {args.samples:,} samples in {db_path} ...", flush=True)
                gen = generate(db_path, args.samples, args.samples + 1_000, lean=True)
                results["generate"] = {"samples": gen.samples, "s": gen.total_s}
            results["prepare"] = prepare(db_path)
            expect = expectations(db_path)
            results["expect"] = expect
            expect_path = scratch / "expect.json"
            expect_path.write_text(json.dumps(expect))
            env = child_env(scratch, "offscreen")
            print(f"samples table on {expect['all']['rows']:,} samples ...", flush=True)
            runs = [
                json_child(["table", str(db_path), str(expect_path)], env)
                for _ in range(args.table_runs)
            ]
            results["table"] = with_raw(db_path, median_steps(runs))
            print("dashboard ...", flush=True)
            results["dashboard"] = with_raw(db_path, json_child(["dashboard", str(db_path)], env))
            print("main window ...", flush=True)
            results["window"] = with_raw(db_path, json_child(["window", str(db_path)], env))
            out.append(render_table(results["table"]))
            out.append(render_window(results["window"]))
            out.append(render_dashboard(results["dashboard"]))
            for name in ("table", "window", "dashboard"):
                plans = render_plans(results[name]["statements"])
                out.append(f"query plans ({name}):\n{plans}")
        results["finished"] = datetime.now(UTC).isoformat(timespec="seconds")
        results["loadavg_end"] = os.getloadavg()
        changed = " + uncommitted src/ changes" if results["src_changed"] else ""
        print(f"\ncode: {results['commit']}{changed}; load {results['loadavg_end'][0]:.2f}\n")
        print("\n\n".join(out))
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2, default=str) + "\n")
        print(f"\nfigures written to {args.json}")
    finally:
        if not args.keep:
            for suffix in ("", "-wal", "-shm"):
                Path(str(db_path) + suffix).unlink(missing_ok=True)
        else:
            print(f"database kept: {db_path}")
        shutil.rmtree(scratch, ignore_errors=True)
    return 0


def _git(*args: str) -> str:
    try:
        done = subprocess.run(["git", *args], cwd=HERE, capture_output=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return ""
    return done.stdout.decode().strip()


if __name__ == "__main__":
    raise SystemExit(main())
