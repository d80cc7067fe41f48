"""Label PDFs printed through QPrinter to a real CUPS queue (cups-pdf) come out at true scale.

Needs ``scripts/cups-test-printer start OUTDIR`` (``.ci/run`` does it) and
``CUSTODY_TEST_CUPS_QUEUE`` / ``CUSTODY_TEST_CUPS_OUT``; skipped locally without them, a failure
under ``CUSTODY_REQUIRE_SERVICES=1``. The PDF that cups-pdf writes is what a printer would have
received: its page size must be the label's, and every QR on it must read back and verify.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
import uuid
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from PySide6.QtPrintSupport import QPrinterInfo

from custody.domain import labelcode
from custody.domain.label_layout import LabelContent
from custody.domain.label_templates import TEMPLATES
from custody.domain.labelcode import Code, LabelKind
from custody.render.label_pdf import render_labels
from custody.ui.printing import print_pdf_pages
from lab_support import skip_or_fail

QUEUE_ENV = "CUSTODY_TEST_CUPS_QUEUE"
OUT_ENV = "CUSTODY_TEST_CUPS_OUT"
KEY = bytes(range(32))
WAIT_S = 60.0


def _cups() -> tuple[str, Path]:
    queue = os.environ.get(QUEUE_ENV, "")
    out = os.environ.get(OUT_ENV, "")
    if not queue or not out:
        skip_or_fail(f"{QUEUE_ENV} / {OUT_ENV} are not set (scripts/cups-test-printer start DIR)")
    if not Path(out).is_dir():
        skip_or_fail(f"{OUT_ENV}={out} is not a directory")
    names = QPrinterInfo.availablePrinterNames()
    if queue not in names:
        skip_or_fail(f"CUPS queue {queue!r} is not available to Qt (it sees {names})")
    return queue, Path(out)


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        skip_or_fail(f"{name} (poppler-utils) is not installed")
        raise AssertionError("unreachable")
    return path


def _labels(count: int) -> tuple[list[tuple[LabelContent, str]], set[Code]]:
    labels: list[tuple[LabelContent, str]] = []
    codes: set[Code] = set()
    for i in range(count):
        n = 500 + i
        code = Code(LabelKind.SAMPLE, f"MXAICM2026{n:06d}", 1 + i)
        content = LabelContent(
            id_text=f"MX-AICM-2026-{n:06d}",
            case_exhibit=f"FED/CDMX/AICM/0004417/2026 · Ex. {i + 1}",
            date="2026-09-01",
            initials="JRM",
            description="Bolsa de plástico con polvo blanco",
            weight="12.3456 g",
            seal="A-0004417",
            hazard=i % 2 == 0,
            reprint=0,
        )
        labels.append((content, labelcode.encode(code, KEY)))
        codes.add(code)
    return labels, codes


def _wait_for_output(out: Path, stem: str) -> Path:
    """cups-pdf names its file after the job title (our PDF's stem); wait until it is whole."""
    deadline = time.monotonic() + WAIT_S
    last_size = -1
    while time.monotonic() < deadline:
        found = sorted(out.glob(f"{stem}*.pdf"))
        if found:
            size = found[0].stat().st_size
            if size > 0 and size == last_size:
                return found[0]
            last_size = size
        time.sleep(0.25)
    listing = sorted(p.name for p in out.iterdir())
    pytest.fail(f"no cups-pdf output for {stem} in {out} after {WAIT_S:.0f} s: {listing}")


def _page_size(pdf: Path) -> tuple[float, float]:
    info = subprocess.run(
        [_tool("pdfinfo"), str(pdf)], check=True, capture_output=True, text=True, timeout=30
    ).stdout
    match = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", info, re.MULTILINE)
    assert match, info
    return float(match.group(1)), float(match.group(2))


def _decode(pdf: Path, dpi: int) -> list[Code]:
    prefix = pdf.parent / f"{pdf.stem}-{dpi}"
    subprocess.run(
        [_tool("pdftoppm"), "-r", str(dpi), "-gray", "-png", str(pdf), str(prefix)],
        check=True,
        timeout=60,
    )
    found: list[Code] = []
    for png in sorted(pdf.parent.glob(f"{prefix.name}-*.png")):
        with Image.open(png) as img:
            for result in zxingcpp.read_barcodes(img):
                parsed = labelcode.parse(result.text, KEY)
                assert isinstance(parsed, Code), (png.name, result.text, parsed)
                found.append(parsed)
    return found


@pytest.mark.parametrize(
    ("template", "count", "dpi"),
    [("letter-30up", 30, 300), ("thermal-2x1-203", 1, 203)],
)
def test_printed_through_cups_at_true_scale(
    qapp: object, tmp_path: Path, template: str, count: int, dpi: int
) -> None:
    queue, out = _cups()
    t = TEMPLATES[template]
    labels, codes = _labels(count)
    stem = f"custody-test-{template}-{uuid.uuid4().hex[:8]}"
    rendered = render_labels(labels, template, out=tmp_path / f"{stem}.pdf")

    pages = print_pdf_pages(rendered.path, queue, (t.page_width, t.page_height))
    assert pages == rendered.pages == 1

    printed = _wait_for_output(out, stem)
    try:
        width, height = _page_size(printed)
        assert (round(width), round(height)) == (round(t.page_width), round(t.page_height))
        copy = tmp_path / "printed.pdf"
        shutil.copyfile(printed, copy)
    finally:
        printed.unlink(missing_ok=True)
    found = _decode(copy, dpi)
    assert len(found) == count
    assert set(found) == codes


def test_unknown_printer_is_refused_with_the_list(qapp: object, tmp_path: Path) -> None:
    queue, _ = _cups()
    pdf = render_labels(_labels(1)[0], "thermal-2x1-203", out=tmp_path / "one.pdf").path
    with pytest.raises(ValueError, match=rf"no printer called 'NO-SUCH-PRINTER'.*{queue}"):
        print_pdf_pages(pdf, "NO-SUCH-PRINTER", (144.0, 72.0))


def test_pdf_of_another_size_is_refused(qapp: object, tmp_path: Path) -> None:
    queue, _ = _cups()
    pdf = render_labels(_labels(1)[0], "thermal-2x1-203", out=tmp_path / "one.pdf").path
    with pytest.raises(ValueError, match="not the label page"):
        print_pdf_pages(pdf, queue, (612.0, 792.0))
