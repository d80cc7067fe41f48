"""Label PDF benchmark: `render_labels` vs a raw qrcode + reportlab baseline in the same run.

    python benchmarks/bench_labels.py                         # 1,000 labels, letter-30up + thermal
    python benchmarks/bench_labels.py --count 1000 --template letter-30up --repeat 3

For each template it generates N realistic sample labels (IDs MX-AICM-2026-000001…, payloads
from `labelcode.encode` with a fixed key, long descriptions, hazard line) and times, best of
--repeat, (a) the real `render_labels` to a temporary PDF and (b) a raw baseline: the same
payloads through `qr_matrix`, one reportlab canvas of the same page size, at the same label
positions one filled rect per merged run (`matrix_runs`) plus the ID string, no layout or
fitting. Prints a table and a cProfile of the real run; writes benchmarks/out/labels.json.
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
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from reportlab.pdfgen import canvas as rl_canvas

from custody.domain import labelcode
from custody.domain.label_layout import LabelContent
from custody.domain.label_templates import TEMPLATES, positions
from custody.domain.labelcode import Code, LabelKind
from custody.render.label_pdf import FONT_BOLD, render_labels
from custody.render.qr import matrix_runs, qr_matrix

OUT_DIR = Path(__file__).resolve().parent / "out"
KEY = bytes(range(32))  # fixed label key: payloads are reproducible
DEFAULT_TEMPLATES = ("letter-30up", "thermal-2x1-203")
TARGET = 1.3
DESCRIPTIONS = (
    "Bolsa de plástico transparente con polvo blanco granulado, aproximadamente 12 g, "
    "cerrada con cinta adhesiva café y etiquetada por el ministerio público",
    "Envoltorio de papel aluminio con sustancia vegetal verde seca",
    "Frasco de vidrio ámbar con líquido incoloro, tapa rosca negra, sin etiqueta, sellado "
    "con cinta de evidencia roja; olor penetrante — manipular con guantes de nitrilo",
    "Tres comprimidos azules con logotipo «M 30» en blíster sin marca",
)
# Phases reported from the profile of the real run: (label, function name, file suffix).
PHASES = (
    ("qr_matrix", "qr_matrix", "render/qr.py"),
    ("plan (layout/fitting)", "plan", "domain/label_layout.py"),
    ("draw (_draw_plan)", "_draw_plan", "render/label_pdf.py"),
    ("  of which _draw_qr", "_draw_qr", "render/label_pdf.py"),
    ("canvas.save", "save", "reportlab/pdfgen/canvas.py"),
    ("write (fsync+rename)", "_write_atomically", "render/label_pdf.py"),
)


def sample_labels(count: int) -> list[tuple[LabelContent, str]]:
    """N realistic sample labels with their signed QR payloads."""
    labels: list[tuple[LabelContent, str]] = []
    for i in range(count):
        n = i + 1
        human = f"MX-AICM-2026-{n:06d}"
        code = Code(LabelKind.SAMPLE, human.replace("-", ""), n % 7)
        content = LabelContent(
            id_text=human,
            case_exhibit=f"FED/CDMX/AICM/{4417 + i // 25:07d}/2026 · Ex. {i % 25 + 1}",
            date=f"2026-{9 + i % 3:02d}-{1 + i % 28:02d}",
            initials=("JRM", "ALG", "MPV")[i % 3],
            description=DESCRIPTIONS[i % len(DESCRIPTIONS)],
            weight=f"{(i * 37 % 100000) / 1000 + 0.1234:.4f} g",
            seal=f"A-{4417 + i:07d}",
            hazard=i % 4 != 3,
            reprint=1 if i % 50 == 49 else 0,
        )
        labels.append((content, labelcode.encode(code, KEY)))
    return labels


def run_real(labels: Sequence[tuple[LabelContent, str]], template: str, out: Path) -> int:
    return render_labels(labels, template, out=out).pages


def run_raw(labels: Sequence[tuple[LabelContent, str]], template: str, out: Path) -> int:
    """Same payloads, page size and label positions: runs as rects plus the ID, nothing else."""
    t = TEMPLATES[template]
    spots = positions(t, len(labels))
    buf = io.BytesIO()
    c = rl_canvas.Canvas(buf, pagesize=(t.page_width, t.page_height), invariant=1)
    page = 1
    for (number, ox, oy), (content, payload) in zip(spots, labels, strict=True):
        while page < number:
            c.showPage()
            page += 1
        matrix = qr_matrix(payload)
        m = t.qr.side / (len(matrix) + 8)  # quiet zone inside the box, no dot-grid snapping
        left = ox + t.qr.x + 4 * m
        top = oy + t.label_height - t.qr.y - 4 * m
        path = c.beginPath()
        for row, col, length in matrix_runs(matrix):
            path.rect(left + col * m, top - (row + 1) * m, length * m, m)
        c.setFillGray(0)
        c.drawPath(path, stroke=0, fill=1)
        c.setFont(FONT_BOLD, 7)
        c.drawString(ox + t.qr.x + t.qr.side + 2, oy + t.label_height - 10, content.id_text)
    c.showPage()
    c.save()
    out.write_bytes(buf.getvalue())
    return page


def best_of(fn: Callable[[], int], repeat: int) -> tuple[float, list[float], int]:
    times: list[float] = []
    pages = 0
    for _ in range(repeat):
        start = time.perf_counter()
        pages = fn()
        times.append(time.perf_counter() - start)
    return min(times), times, pages


def profile_real(
    labels: Sequence[tuple[LabelContent, str]], template: str, out: Path, top: int
) -> tuple[str, dict[str, float], float]:
    prof = cProfile.Profile()
    prof.enable()
    run_real(labels, template, out)
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


def bench_template(
    labels: Sequence[tuple[LabelContent, str]], template: str, repeat: int, folder: Path
) -> dict[str, Any]:
    real_out = folder / f"{template}-real.pdf"
    raw_out = folder / f"{template}-raw.pdf"
    run_real(labels[:1], template, real_out)  # warm-up: imports, font metrics
    run_raw(labels[:1], template, raw_out)
    real_best, real_all, pages = best_of(lambda: run_real(labels, template, real_out), repeat)
    raw_best, raw_all, raw_pages = best_of(lambda: run_raw(labels, template, raw_out), repeat)
    prof_text, phases, prof_total = profile_real(labels, template, real_out, 10)
    return {
        "template": template,
        "labels": len(labels),
        "pages": pages,
        "raw_pages": raw_pages,
        "real_s": real_best,
        "raw_s": raw_best,
        "real_all_s": real_all,
        "raw_all_s": raw_all,
        "real_labels_per_s": len(labels) / real_best,
        "raw_labels_per_s": len(labels) / raw_best,
        "ratio": real_best / raw_best,
        "target": TARGET,
        "real_bytes": real_out.stat().st_size,
        "raw_bytes": raw_out.stat().st_size,
        "profile_total_s": prof_total,
        "profile_phases_s": phases,
        "profile_top10": prof_text,
    }


def print_results(results: list[dict[str, Any]]) -> None:
    head = f"{'template':<18}{'run':<6}{'labels':>7}{'pages':>7}{'seconds':>9}{'labels/s':>10}"
    print(head + f"{'ratio':>8}{'KiB':>8}")
    for r in results:
        for run, secs, rate, size in (
            ("real", r["real_s"], r["real_labels_per_s"], r["real_bytes"]),
            ("raw", r["raw_s"], r["raw_labels_per_s"], r["raw_bytes"]),
        ):
            ratio = f"{r['ratio']:.2f}x" if run == "real" else ""
            print(
                f"{r['template']:<18}{run:<6}{r['labels']:>7}{r['pages']:>7}{secs:>9.3f}"
                f"{rate:>10.0f}{ratio:>8}{size / 1024:>8.0f}"
            )
    for r in results:
        verdict = "OK" if r["ratio"] <= TARGET else "OVER TARGET"
        print(f"\n== {r['template']}: real/raw {r['ratio']:.2f}x (target ≤ {TARGET}x) {verdict}")
        print(f"Phases of the profiled real run (cumulative, total {r['profile_total_s']:.3f} s):")
        for label, secs in r["profile_phases_s"].items():
            share = secs / r["profile_total_s"] if r["profile_total_s"] else 0.0
            print(f"  {label:<24}{secs:>8.3f} s {share:>6.1%}")
        print(r["profile_top10"].rstrip())


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=1000, help="labels per run (default 1000)")
    ap.add_argument(
        "--template",
        action="append",
        help="template name, repeatable (default: letter-30up and thermal-2x1-203)",
    )
    ap.add_argument("--repeat", type=int, default=3, help="runs per figure, best kept")
    ap.add_argument("--json", type=Path, default=OUT_DIR / "labels.json")
    args = ap.parse_args(argv)
    if args.count < 1 or args.repeat < 1:
        ap.error("--count and --repeat must be positive")
    templates = args.template or list(DEFAULT_TEMPLATES)
    for name in templates:
        if name not in TEMPLATES:
            ap.error(f"unknown template {name!r}; known: {', '.join(TEMPLATES)}")
    labels = sample_labels(args.count)
    with tempfile.TemporaryDirectory(prefix="bench-labels-") as tmp:
        results = [bench_template(labels, name, args.repeat, Path(tmp)) for name in templates]
    print_results(results)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    report = {
        "commit": git_commit(),
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "loadavg": os.getloadavg(),
        "count": args.count,
        "repeat": args.repeat,
        "results": results,
    }
    args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", "utf-8")
    print(f"\nJSON: {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
