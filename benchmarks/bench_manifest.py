"""Manifest PDF benchmark: `render_manifest` vs a raw reportlab platypus Table in the same run.

    python benchmarks/bench_manifest.py                      # 1,000 samples vs raw, then 10,000
    python benchmarks/bench_manifest.py --count 1000 --big 10000 --repeat 3

It builds a realistic manifest of N samples (IDs MX-AICM-2026-000001…, case numbers, long
Spanish descriptions, presumptive substances, one to three seals, 3 in 4 hazardous, 250 samples
a package) and times, in --repeat interleaved rounds (best CPU time of this process kept, and
the best wall-clock), (a) the real `render_manifest` (to bytes) and (b) raw baselines from the
same rows: one platypus `Table` of the same twelve strings per sample (seals joined), equal
fixed column widths (reportlab measures nothing), no style, header, footer or wrapping, in a
`SimpleDocTemplate` on Letter — in reportlab's default font (Helvetica 10 pt), in the
manifest's embedded DejaVu Sans 6.5 pt (the only style command), and as the lines the manifest
draws (its wrapped cells and column widths, prepared untimed: the same text without the
manifest's machinery). Then, in a child process, the real render of --big samples: time,
pages, size and peak memory (`ru_maxrss`, and its growth over the child's RSS before
rendering). Prints a table and a cProfile of the real run; writes benchmarks/out/manifest.json.
See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import platform
import pstats
import re
import resource
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import LETTER
from reportlab.platypus import SimpleDocTemplate, Table

from custody.domain import labelcode
from custody.domain.labelcode import Code, LabelKind
from custody.domain.manifest import (
    ManifestContent,
    ManifestPackage,
    ManifestRow,
    Party,
    SignatureBlock,
)
from custody.render.manifest_pdf import render_manifest
from custody.render.manifest_table import sample_list
from custody.render.pdf_common import FurnitureMetrics, fonts

OUT_DIR = Path(__file__).resolve().parent / "out"
KEY = bytes(range(32))
TARGET = 1.3
PER_PACKAGE = 250
DESCRIPTIONS = (
    "Bolsa de plástico transparente con polvo blanco granulado, aproximadamente 12 g, "
    "cerrada con cinta adhesiva café y etiquetada por el ministerio público",
    "Envoltorio de papel aluminio con sustancia vegetal verde seca",
    "Frasco de vidrio ámbar con líquido incoloro, tapa rosca negra, sin etiqueta, sellado "
    "con cinta de evidencia roja; olor penetrante — manipular con guantes de nitrilo",
    "Tres comprimidos azules con logotipo «M 30» en blíster sin marca",
)
FORMS = ("polvo", "vegetal", "líquido", "comprimidos")
# Phases reported from the profile of the real run: (label, function name, file suffix).
PHASES = (
    ("fingerprint (SHA-256)", "fingerprint", "domain/manifest.py"),
    ("sample list: widths + wrap", "sample_list", "render/manifest_table.py"),
    ("layout (doc.build)", "build", "reportlab/platypus/doctemplate.py"),
    ("  tables drawn (all)", "draw", "reportlab/platypus/tables.py"),
    ("  of which sample cells", "_drawCell", "render/manifest_table.py"),
    ("furniture (header, footer)", "_draw_furniture", "render/pdf_common.py"),
    ("PDF written (canvas.save)", "save", "reportlab/pdfgen/canvas.py"),
)


def sample_manifest(count: int) -> ManifestContent:
    """A realistic manifest of ``count`` samples (deterministic)."""
    packages = max(1, -(-count // PER_PACKAGE))
    rows = tuple(
        ManifestRow(
            line=i + 1,
            package=i // PER_PACKAGE + 1,
            sample_id=f"MX-AICM-2026-{i + 1:06d}",
            case_number=f"FED/CDMX/AICM/{4417 + i // 25:07d}/2026",
            exhibit=i % 25 + 1,
            description=DESCRIPTIONS[i % len(DESCRIPTIONS)],
            substance="Fentanilo (presunto)" if i % 4 != 1 else "Cannabis",
            form=FORMS[i % len(FORMS)],
            units="3" if i % 4 == 3 else "",
            net_weight=f"{(i * 37 % 100000) / 1000 + 0.1234:.4f}",
            seals=tuple(f"A-{4417 + i * 3 + k:07d}" for k in range(1 + i % 3)),
            hazard=i % 4 != 1,
        )
        for i in range(count)
    )
    return ManifestContent(
        manifest_number="MX-AICM-M-2026-0007",
        revision=1,
        qr_payload=labelcode.encode(Code(LabelKind.SHIPMENT, "MXAICMM20260007", 1), KEY),
        issued_at="2026-11-27 14:05 CST (America/Mexico_City)",
        shipper=Party("Laboratorio Central de la FGR", "Av. Insurgentes Sur 1000\nCDMX, México"),
        consignee=Party(
            "DEA Office of Forensic Sciences", "22624 Dulles Summit Court\nDulles, VA 20166"
        ),
        carrier="FedEx Custom Critical",
        waybill="AWB 139-12345675",
        transport_mode="Air / Aéreo",
        conditions="Ambient, sealed evidence bags / Temperatura ambiente",
        packages=tuple(
            ManifestPackage(
                p + 1,
                (f"OS-{p:05d}", f"OS-{p + 5000:05d}"),
                sum(1 for r in rows if r.package == p + 1),
                "0.0000",
            )
            for p in range(packages)
        ),
        rows=rows,
        total_net_weight="0.0000",
        signatures=(
            SignatureBlock(
                "relinquished",
                "Ana López Hernández",
                "FGR",
                "Perita química",
                "2026-11-27 14:05 CST (America/Mexico_City)",
                "Released for transport / Entrega para transporte",
                "password re-entered at WS-01 (21 CFR 11.200)",
            ),
        ),
        software="Custody benchmark",
    )


def raw_rows(content: ManifestContent) -> list[list[str]]:
    return [
        [
            str(r.line),
            str(r.package),
            r.sample_id,
            r.case_number,
            str(r.exhibit),
            r.description,
            r.substance,
            r.form,
            r.units,
            r.net_weight,
            ", ".join(r.seals),
            "OPIOID" if r.hazard else "",
        ]
        for r in content.rows
    ]


def drawn_cells(content: ManifestContent) -> tuple[list[list[str]], list[float]]:
    """The sample rows exactly as the manifest draws them (wrapped), and its column widths."""
    regular, bold = fonts()
    _, _, width, height = FurnitureMetrics().frame(LETTER)
    table = sample_list(content.rows, width, height, regular, bold)
    return table.cells[1:], list(table.data.widths)


def run_raw(
    data: list[list[str]], font: str | None, widths: list[float] | None = None
) -> tuple[int, int]:
    """``data`` as one bare platypus Table; (pages, bytes). ``font``: None = reportlab's
    default; ``widths``: None = equal columns."""
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=LETTER, invariant=1)
    table = Table(data, colWidths=widths or [doc.width / len(data[0])] * len(data[0]))
    if font is not None:
        table.setStyle([("FONT", (0, 0), (-1, -1), font, 6.5)])
    doc.build([table])
    return doc.page, len(buf.getvalue())


def run_real(content: ManifestContent) -> tuple[int, int]:
    pdf = render_manifest(content)
    return len(re.findall(rb"/Type /Page$", pdf, re.M)), len(pdf)


def interleaved(runs: dict[str, Callable[[], tuple[int, int]]], repeat: int) -> dict[str, Any]:
    """Each run once per round, in turn, ``repeat`` rounds (so all see the same machine load);
    per run the best wall-clock and the best CPU time of this process, pages and bytes."""
    out: dict[str, Any] = {
        name: {"wall_all_s": [], "cpu_all_s": [], "pages": 0, "bytes": 0} for name in runs
    }
    for _ in range(repeat):
        for name, fn in runs.items():
            wall, cpu = time.perf_counter(), time.process_time()
            pages, size = fn()
            out[name]["cpu_all_s"].append(time.process_time() - cpu)
            out[name]["wall_all_s"].append(time.perf_counter() - wall)
            out[name].update(pages=pages, bytes=size)
    for r in out.values():
        r["wall_s"], r["s"] = min(r["wall_all_s"]), min(r["cpu_all_s"])
    return out


def profile_real(content: ManifestContent, top: int) -> tuple[str, dict[str, float], float]:
    prof = cProfile.Profile()
    prof.enable()
    run_real(content)
    prof.disable()
    text = io.StringIO()
    stats = pstats.Stats(prof, stream=text)
    stats.sort_stats("cumulative").print_stats(top)
    raw: dict[Any, Any] = stats.stats  # type: ignore[attr-defined]
    total = max(ct for (_cc, _nc, _tt, ct, _callers) in raw.values())
    phases: dict[str, float] = {}
    for label, func, suffix in PHASES:
        phases[label] = sum(
            ct
            for (file, _line, name), (_cc, _nc, _tt, ct, _callers) in raw.items()
            if name == func and file.replace(os.sep, "/").endswith(suffix)
        )
    return text.getvalue(), phases, total


def _rss_kib() -> int:
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return 0
    for line in status.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def child(count: int) -> dict[str, Any]:
    """Runs in a fresh process: render ``count`` samples once, after a small warm-up."""
    content = sample_manifest(count)
    render_manifest(sample_manifest(3))
    before = _rss_kib()
    start, cpu = time.perf_counter(), time.process_time()
    pages, size = run_real(content)
    cpu = time.process_time() - cpu
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    return {
        "samples": count,
        "s": seconds,
        "cpu_s": cpu,
        "samples_per_s": count / seconds,
        "pages": pages,
        "bytes": size,
        "rss_before_kib": before,
        "peak_rss_kib": peak,
        "growth_kib": peak - before,
    }


def measure_big(count: int) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--child", str(count)],
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def git_commit() -> str:
    try:
        done = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
            cwd=Path(__file__).resolve().parent,
        )
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return done.stdout.strip()


def bench(count: int, repeat: int) -> dict[str, Any]:
    content = sample_manifest(count)
    regular, _ = fonts()
    small = sample_manifest(3)
    run_real(small)  # warm-up: imports, font registration and metrics
    run_raw(raw_rows(small), None)
    run_raw(raw_rows(small), regular)
    rows = raw_rows(content)
    wrapped, widths = drawn_cells(content)  # prepared outside the timing
    timed = interleaved(
        {
            "real": lambda: run_real(content),
            "raw_default_font": lambda: run_raw(rows, None),
            "raw_same_font": lambda: run_raw(rows, regular),
            "raw_same_text": lambda: run_raw(wrapped, regular, widths),
        },
        repeat,
    )
    real = timed["real"]
    prof_text, phases, prof_total = profile_real(content, 12)
    return {
        "samples": count,
        **timed,
        "ratio": real["s"] / timed["raw_default_font"]["s"],
        "ratio_same_font": real["s"] / timed["raw_same_font"]["s"],
        "ratio_same_text": real["s"] / timed["raw_same_text"]["s"],
        "ratio_wall": real["wall_s"] / timed["raw_default_font"]["wall_s"],
        "target": TARGET,
        "profile_total_s": prof_total,
        "profile_phases_s": phases,
        "profile_top": prof_text,
    }


def print_results(r: dict[str, Any], big: dict[str, Any] | None) -> None:
    head = f"{'run':<34}{'samples':>8}{'pages':>7}{'CPU s':>8}{'wall s':>8}"
    print(head + f"{'samples/s':>11}{'KiB':>8}")
    for label, key in (
        ("manifest (render_manifest)", "real"),
        ("raw Table, Helvetica 10 (default)", "raw_default_font"),
        ("raw Table, DejaVu Sans 6.5", "raw_same_font"),
        ("raw Table, the manifest's lines", "raw_same_text"),
    ):
        x = r[key]
        print(
            f"{label:<34}{r['samples']:>8}{x['pages']:>7}{x['s']:>8.3f}{x['wall_s']:>8.3f}"
            f"{r['samples'] / x['s']:>11.0f}{x['bytes'] / 1024:>8.0f}"
        )
    for name, key in (
        ("default font", "ratio"),
        ("same font", "ratio_same_font"),
        ("same wrapped lines", "ratio_same_text"),
    ):
        verdict = "OK" if r[key] <= TARGET else "OVER TARGET"
        print(f"real / raw ({name}): {r[key]:.2f}x CPU (target ≤ {TARGET}x) {verdict}")
    print(f"real / raw (default font), wall-clock: {r['ratio_wall']:.2f}x")
    total = r["profile_total_s"]
    print(f"\nPhases of the profiled real run (cumulative, total {total:.3f} s):")
    for label, secs in r["profile_phases_s"].items():
        share = secs / total if total else 0.0
        print(f"  {label:<30}{secs:>8.3f} s {share:>6.1%}")
    print(r["profile_top"].rstrip())
    if big is not None:
        print(
            f"\n== {big['samples']} samples (child process): {big['s']:.2f} s "
            f"({big['cpu_s']:.2f} s CPU), "
            f"{big['samples_per_s']:.0f} samples/s, {big['pages']} pages, "
            f"{big['bytes'] / 1048576:.1f} MiB; peak RSS {big['peak_rss_kib'] / 1024:.0f} MiB "
            f"(+{big['growth_kib'] / 1024:.0f} MiB over {big['rss_before_kib'] / 1024:.0f} MiB "
            "before rendering)"
        )


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--count", type=int, default=1000, help="samples for the ratio (1000)")
    ap.add_argument("--big", type=int, default=10000, help="samples for time/memory; 0: skip")
    ap.add_argument("--repeat", type=int, default=3, help="runs per figure, best kept")
    ap.add_argument("--json", type=Path, default=OUT_DIR / "manifest.json")
    ap.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child is not None:
        print(json.dumps(child(args.child)))
        return 0
    if args.count < 1 or args.repeat < 1 or args.big < 0:
        ap.error("--count and --repeat must be positive, --big at least 0")
    result = bench(args.count, args.repeat)
    big = measure_big(args.big) if args.big else None
    print_results(result, big)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    report = {
        "commit": git_commit(),
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "loadavg": os.getloadavg(),
        "repeat": args.repeat,
        "result": result,
        "big": big,
    }
    args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", "utf-8")
    print(f"\nJSON: {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
