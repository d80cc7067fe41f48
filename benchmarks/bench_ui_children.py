"""Child processes of `bench_ui.py`: their environment, timing them from before `Popen`, an
Xvfb of our own, and the cold-start measurement (bare window, stack floor, the real app)."""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
PROBE = HERE / "ui_probe.py"
NOISE = ("This plugin does not support propagateSizeHints()",)


# --------------------------------------------------------------------------- children


def child_env(scratch: Path, platform: str, display: str | None = None) -> dict[str, str]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": platform,
        "XDG_CONFIG_HOME": str(scratch / "config"),  # never the real workstation settings
        "XDG_DATA_HOME": str(scratch / "data"),
        "XDG_RUNTIME_DIR": str(scratch / "runtime"),
        "LANG": "C.UTF-8",
        "PYTHONPATH": os.pathsep.join(filter(None, [str(HERE), os.environ.get("PYTHONPATH")])),
    }
    (scratch / "runtime").mkdir(mode=0o700, exist_ok=True)
    for name in ("CUSTODY_DB", "CUSTODY_LABEL_KEY", "CUSTODY_AUTOQUIT_MS", "DISPLAY"):
        env.pop(name, None)
    if display:
        env["DISPLAY"] = display
    return env


def timed_child(args: list[str], env: dict[str, str], timeout: float = 120) -> dict[str, Any]:
    """Start `ui_probe.py ARGS`; every event line it writes, as seconds since before Popen
    (`read`: when this process read the line; `child`: the child's own clock)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, str(PROBE), *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
    )
    events: dict[str, Any] = {}
    assert proc.stdout is not None
    while True:
        line = proc.stdout.readline()
        read = time.perf_counter() - t0
        if not line:
            break
        try:
            item = json.loads(line)
        except json.JSONDecodeError:
            continue
        events[item.pop("event")] = {"read": read, "child": item.pop("t") - t0, **item}
    _, err = proc.communicate(timeout=timeout)
    problems = [
        x for x in err.decode(errors="replace").splitlines() if x.strip() and x.strip() not in NOISE
    ]
    return {"events": events, "status": proc.returncode, "stderr": problems}


def json_child(args: list[str], env: dict[str, str], timeout: float = 900) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, str(PROBE), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"{args[0]} child failed ({done.returncode}):\n{done.stderr[-4000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    result["stderr"] = [x for x in done.stderr.splitlines() if x.strip() and x.strip() not in NOISE]
    return result


@contextmanager
def xvfb() -> Iterator[str | None]:
    """An Xvfb of our own on a free display (None when Xvfb is not installed)."""
    if shutil.which("Xvfb") is None:
        yield None
        return
    number = next(
        n
        for n in range(140, 400)
        if not Path(f"/tmp/.X11-unix/X{n}").exists() and not Path(f"/tmp/.X{n}-lock").exists()
    )
    server = subprocess.Popen(
        ["Xvfb", f":{number}", "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 10
        while not Path(f"/tmp/.X11-unix/X{number}").exists():
            if server.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"Xvfb :{number} did not start")
            time.sleep(0.05)
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


# --------------------------------------------------------------------------- cold start


def make_demo(folder: Path) -> tuple[Path, str, str]:
    """A demo database as `custody --demo` makes it (real argon2 parameters)."""
    from custody import demo
    from custody.context import AppContext

    db = folder / "demo.sqlite"
    ctx = AppContext(f"sqlite+pysqlite:///{db}", workstation="bench-ui")
    try:
        demo.populate(ctx)
    finally:
        ctx.close()
    boss = demo.DEMO_USERS[0]
    return db, boss.username, boss.password


def cold_start(
    runs: int, db: Path, user: str, password: str, env: dict[str, str]
) -> dict[str, Any]:
    """`runs` interleaved pairs (bare, app) after one unmeasured pair (bytecode, page cache)."""
    samples: dict[str, list[dict[str, Any]]] = {"bare": [], "floor": [], "app": []}
    problems: list[str] = []
    login = [str(db), user, password]
    for index in range(runs + 1):
        modes = (("bare", ["bare"]), ("floor", ["floor", *login]), ("app", ["app", *login]))
        for mode, args in modes:
            run = timed_child(args, env)
            if run["status"] != 0 or "main" not in run["events"]:
                raise SystemExit(f"{mode} start failed: {run}")
            problems += run["stderr"]
            if index > 0:
                samples[mode].append(run["events"])
    bare = [e["main"]["read"] for e in samples["bare"]]
    app = samples["app"]

    def span(e: dict[str, Any], start: str, end: str) -> float:
        return float(e[end]["child"] - e[start]["child"])

    floor = samples["floor"]
    figures = {
        "runs": runs,
        "floor_imported_s": _median(e["imported"]["child"] for e in floor),
        "floor_queried_s": _median(e["queried"]["child"] for e in floor),
        "floor_password_s": _median(span(e, "queried", "password_checked") for e in floor),
        "floor_main_s": _median(e["main"]["read"] for e in floor),
        "bare_imported_s": _median(e["imported"]["child"] for e in samples["bare"]),
        "bare_main_s": statistics.median(bare),
        "bare_all_s": bare,
        "app_imported_s": _median(e["imported"]["child"] for e in app),
        "app_open_s": _median(span(e, "open_start", "open_end") for e in app),
        "app_signin_s": _median(e["signin"]["child"] for e in app),
        "app_password_s": _median(span(e, "password_start", "password_end") for e in app),
        "app_window_build_s": _median(span(e, "window_start", "window_built") for e in app),
        "app_window_paint_s": _median(span(e, "window_built", "main") for e in app),
        "app_main_s": _median(e["main"]["read"] for e in app),
        "app_main_all_s": [e["main"]["read"] for e in app],
        "app_main_rows": app[0]["main"].get("rows"),
        "problems": sorted(set(problems)),
    }
    # Without the argon2 check and the robot's typing (signin -> password_start): what the
    # app itself makes a person wait for, besides the deliberate cost of the password hash.
    excl = [
        e["main"]["read"]
        - span(e, "password_start", "password_end")
        - span(e, "signin", "password_start")
        for e in app
    ]
    figures["app_main_excl_password_s"] = statistics.median(excl)
    base = figures["bare_main_s"]
    figures["ratio_signin"] = figures["app_signin_s"] / base
    figures["ratio_main"] = figures["app_main_s"] / base
    figures["ratio_main_excl_password"] = figures["app_main_excl_password_s"] / base
    figures["ratio_floor"] = figures["floor_main_s"] / base
    figures["ratio_main_vs_floor"] = figures["app_main_s"] / figures["floor_main_s"]
    return figures


IMPORT_STAGES = (  # cumulative: each stage imports the previous ones' modules too
    ("SQLAlchemy Core + ORM", "sqlalchemy.orm"),
    ("custody.db (models, queries, engine)", "custody.db.engine,custody.db.queries"),
    (
        "Alembic (the schema check at every start)",
        "alembic.command,alembic.script,alembic.runtime.migration,custody.db.migrate",
    ),
    ("custody.context + services", "custody.context,custody.services.lookup,custody.demo"),
    (
        "PDF and QR rendering (reportlab, qrcode, PIL, pypdfium2)",
        "custody.render.manifest_pdf,custody.render.label_pdf,custody.render.report_pdf,"
        "custody.render.qr,pypdfium2,PIL.Image",
    ),
    ("the UI: custody.app (main window, every view and dialog)", "custody.app"),
)


def import_costs(runs: int, env: dict[str, str]) -> list[dict[str, Any]]:
    """What each group of imports adds to a start (median of `runs` fresh interpreters each)."""
    stages, modules, previous = [], "", 0.0
    for name, more in IMPORT_STAGES:
        modules = f"{modules},{more}" if modules else more
        spans = []
        for index in range(runs + 1):
            run = timed_child(["imports", modules], env)
            if run["status"] != 0:
                raise SystemExit(f"imports {modules} failed: {run}")
            if index:
                events = run["events"]
                spans.append(events["imported"]["child"] - events["base"]["child"])
        total = statistics.median(spans)
        stages.append({"stage": name, "total_s": total, "adds_s": total - previous})
        previous = total
    return stages


def _median(values: Any) -> float:
    return float(statistics.median(list(values)))
