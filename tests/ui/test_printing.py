"""Label PDFs printed through QPrinter to a real CUPS queue (cups-pdf) come out at true scale.

Needs ``scripts/cups-test-printer start OUTDIR`` (``.ci/run`` does it) and
``CUSTODY_TEST_CUPS_QUEUE`` / ``CUSTODY_TEST_CUPS_OUT``; skipped locally without them, a failure
under ``CUSTODY_REQUIRE_SERVICES=1``. The PDF that cups-pdf writes is what a printer would have
received: its page size must be the label's, and every QR on it must read back and verify.
"""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from cups_support import (
    label_code,
    page_sizes,
    qt_pdf_queue,
    read_qr,
    sample_label,
    take_output,
    titled_output,
)
from custody.domain.label_layout import LabelContent
from custody.domain.label_templates import TEMPLATES
from custody.domain.labelcode import Code
from custody.render.label_pdf import render_labels
from custody.ui.printing import print_pdf_pages

KEY = bytes(range(32))


def _labels(count: int) -> tuple[list[tuple[LabelContent, str]], set[Code]]:
    made = [sample_label(500 + i, 1 + i, KEY, hazard=i % 2 == 0) for i in range(count)]
    return [label for label, _ in made], {code for _, code in made}


@pytest.mark.parametrize(
    ("template", "count", "dpi"),
    [("letter-30up", 30, 300), ("thermal-2x1-203", 1, 203)],
)
def test_printed_through_cups_at_true_scale(
    qapp: object, tmp_path: Path, template: str, count: int, dpi: int
) -> None:
    queue, out = qt_pdf_queue()
    t = TEMPLATES[template]
    labels, codes = _labels(count)
    stem = f"custody-test-{template}-{uuid.uuid4().hex[:8]}"
    rendered = render_labels(labels, template, out=tmp_path / f"{stem}.pdf")

    pages = print_pdf_pages(rendered.path, queue, (t.page_width, t.page_height))
    assert pages == rendered.pages == 1

    printed = take_output(out, titled_output(stem), tmp_path / "printed.pdf")
    assert page_sizes(printed)[:1] == [(round(t.page_width), round(t.page_height))]
    found = [label_code(read.text, KEY) for read in read_qr(printed, dpi)]
    assert len(found) == count
    assert set(found) == codes


def test_unknown_printer_is_refused_with_the_list(qapp: object, tmp_path: Path) -> None:
    queue, _ = qt_pdf_queue()
    pdf = render_labels(_labels(1)[0], "thermal-2x1-203", out=tmp_path / "one.pdf").path
    with pytest.raises(ValueError, match=rf"no printer called 'NO-SUCH-PRINTER'.*{queue}"):
        print_pdf_pages(pdf, "NO-SUCH-PRINTER", (144.0, 72.0))


def test_pdf_of_another_size_is_refused(qapp: object, tmp_path: Path) -> None:
    queue, _ = qt_pdf_queue()
    pdf = render_labels(_labels(1)[0], "thermal-2x1-203", out=tmp_path / "one.pdf").path
    with pytest.raises(ValueError, match="not the label page"):
        print_pdf_pages(pdf, queue, (612.0, 792.0))
