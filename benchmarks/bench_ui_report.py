"""The text report of `bench_ui.py`: tables of figures and the query plans."""

from __future__ import annotations

from typing import Any

TARGET_MS = 100.0  # each samples table step (issue 5)
TARGET_RSS_MIB = 400.0  # peak RSS of the process showing the samples view


def full_scan(plan_line: str) -> bool:
    """A plan line that walks samples (a SCAN, not an index SEARCH): see `scan_note`."""
    return plan_line.startswith("SCAN samples")


def scan_note(sql: str) -> str:
    """A SCAN in a statement with LIMIT walks the index in order and stops after LIMIT (+
    OFFSET) entries: bounded. Without LIMIT it reads every sample (a count or an aggregate)."""
    if " LIMIT " in sql.upper():
        return "   <-- SCAN, bounded by LIMIT/OFFSET"
    return "   <-- FULL SCAN"


def table(rows: list[tuple[str, ...]], head: tuple[str, ...]) -> str:
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
    lines = ["  ".join(h.ljust(w) for h, w in zip(head, widths, strict=True))]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    return "\n".join(lines)


def render_cold(name: str, f: dict[str, Any]) -> str:
    def s(x: float) -> str:
        return f"{x * 1000:,.0f} ms"

    rows = [
        ("bare: imports done", s(f["bare_imported_s"]), "", ""),
        ("bare: main window painted", s(f["bare_main_s"]), "(baseline)", "1.00x"),
        ("floor: + SQLAlchemy imported", s(f["floor_imported_s"]), "", ""),
        ("floor: + database opened, one row read", s(f["floor_queried_s"]), "", ""),
        ("floor: + one argon2id check", s(f["floor_password_s"]), "span", ""),
        ("floor: window painted", s(f["floor_main_s"]), s(f["bare_main_s"]),
         f"{f['ratio_floor']:.2f}x"),
        ("app: imports done", s(f["app_imported_s"]), "", ""),
        ("app: database opened (schema check)", s(f["app_open_s"]), "span", ""),
        ("app: sign-in dialog painted", s(f["app_signin_s"]), s(f["bare_main_s"]),
         f"{f['ratio_signin']:.2f}x"),
        ("app: password check (argon2)", s(f["app_password_s"]), "span", ""),
        ("app: main window built", s(f["app_window_build_s"]), "span", ""),
        ("app: built -> table painted", s(f["app_window_paint_s"]), "span", ""),
        ("app: main window painted", s(f["app_main_s"]), s(f["bare_main_s"]),
         f"{f['ratio_main']:.2f}x"),
        ("app: same, without the password check", s(f["app_main_excl_password_s"]),
         s(f["bare_main_s"]), f"{f['ratio_main_excl_password']:.2f}x"),
        ("app: main window painted vs floor", s(f["app_main_s"]), s(f["floor_main_s"]),
         f"{f['ratio_main_vs_floor']:.2f}x"),
    ]  # fmt: skip
    head = (f"cold start, {name}, median of {f['runs']}", "time", "bare", "ratio")
    return table(rows, head)


def render_imports(stages: list[dict[str, Any]], runs: int) -> str:
    rows = [
        (st["stage"], f"+{st['adds_s'] * 1000:,.0f} ms", f"{st['total_s'] * 1000:,.0f} ms")
        for st in stages
    ]
    head = (f"imports after PySide6 (median of {runs})", "adds", "cumulative")
    return table(rows, head)


def render_table(t: dict[str, Any]) -> str:
    rows = []
    for step in t["steps"]:
        flag = "" if step["done"] else " (NOT REACHED)"
        rows.append(
            (
                step["step"] + flag,
                f"{step['ms']:,.1f} ms",
                f"{step['raw_ms']:,.2f} ms ({step['queries_gui']} q)",
                f"{step['ms'] / step['raw_ms']:,.0f}x" if step["raw_ms"] else "-",
                "ok" if step["done"] and step["ms"] <= TARGET_MS else "MISSED",
                f"{step['count_ms']:,.0f} ms: {step['count_text']}",
            )
        )
    peak = t["peak_rss_kib"] / 1024
    rows.append(
        (
            "peak RSS (VmHWM)",
            f"{peak:,.0f} MiB",
            f"{t['rss_start_kib'] / 1024:,.0f} MiB before the view",
            "",
            "ok" if peak <= TARGET_RSS_MIB else "MISSED",
            "",
        )
    )
    head = (
        f"samples table (median of {t['runs']})",
        "until painted",
        "raw sqlite3",
        "ratio",
        "target",
        "exact count shown",
    )
    return table(rows, head)


def render_window(w: dict[str, Any]) -> str:
    rows = [
        ("MainWindow built (every tab)", f"{w['built_ms']:,.1f} ms", ", ".join(w["tabs"])),
        ("until the samples table is painted", f"{w['painted_ms']:,.1f} ms", w["count_text"]),
        ("SELECTs while opening", str(sum(s["times"] for s in w["statements"])),
         f"raw {sum(s['raw_ms'] * s['times'] for s in w['statements']):,.1f} ms"),
        ("peak RSS (VmHWM)", f"{w['peak_rss_kib'] / 1024:,.0f} MiB",
         f"{w['rss_start_kib'] / 1024:,.0f} MiB before the window"),
    ]  # fmt: skip
    return table(rows, ("main window at scale (supervisor)", "time", ""))


def render_plans(statements: list[dict[str, Any]]) -> str:
    lines, seen = [], set()
    for s in statements:
        key = (s["sql"], tuple(s["plan"]))
        if key in seen:
            continue
        seen.add(key)
        where = "GUI" if s["gui"] else "worker"
        sql = " ".join(s["sql"].split())
        lines.append(f"[{s['step']}] ({where}, raw {s['raw_ms']:.2f} ms, {s['raw_rows']} rows)")
        lines.append(f"    {sql[:400]}")
        note = scan_note(s["sql"])
        lines += [f"    plan: {p}" + (note if full_scan(p) else "") for p in s["plan"]]
    return "\n".join(lines)


def render_dashboard(d: dict[str, Any]) -> str:
    rows = [(name, f"{q['ms']:,.1f} ms", q["value"][:70]) for name, q in d["queries"].items()]
    blocked, painted = d["widget_blocked_ms"], d["widget_painted_ms"]
    rows.append(("DashboardWidget: constructor (GUI thread)", f"{blocked:,.1f} ms", ""))
    rows.append(("DashboardWidget: until charts painted", f"{painted:,.1f} ms", ""))
    return table(rows, ("dashboard", "best of 3", "value"))
