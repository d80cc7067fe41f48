"""custody.render.cups against a real CUPS: raw ZPL arrives byte for byte, a PDF prints at true
scale on the label's page, and a missing, paused or rejecting printer is told to the clerk.

Needs ``scripts/cups-test-printer start OUTDIR`` (``.ci/run`` does it) and the variables
``CUSTODY_TEST_CUPS_QUEUE`` / ``CUSTODY_TEST_CUPS_OUT`` (cups-pdf) and
``CUSTODY_TEST_CUPS_RAW_QUEUE`` / ``CUSTODY_TEST_CUPS_RAW_PORT`` (a raw queue to a loopback port
where the test listens); skipped without them, a failure under ``CUSTODY_REQUIRE_SERVICES=1``.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from reportlab.pdfgen import canvas

from cups_support import (
    Listener,
    job_output,
    label_code,
    page_sizes,
    pdf_queue,
    raw_queue,
    read_qr,
    sample_label,
    take_output,
)
from cups_support import raw_listener_fixture as raw_listener_fixture  # pytest fixture
from custody.domain.label_layout import LabelContent
from custody.domain.labelcode import Code
from custody.render import cups
from custody.render.label_pdf import render_labels
from custody.render.label_zpl import render_zpl
from lab_support import skip_or_fail

KEY = bytes(range(32))
ZPL_CONTROL = "Polvo blanco ^FD~ con caracteres de control ZPL"  # must arrive escaped, intact


def _labels(count: int) -> tuple[list[tuple[LabelContent, str]], list[Code]]:
    made = [sample_label(700 + i, 40 + i, KEY, description=ZPL_CONTROL) for i in range(count)]
    return [label for label, _ in made], [code for _, code in made]


def test_raw_zpl_arrives_byte_for_byte(raw_listener: tuple[str, Listener]) -> None:
    queue, listener = raw_listener
    labels, _ = _labels(2)
    data = render_zpl(labels, "thermal-2x1-203")
    job = cups.submit_raw(data, queue, "custody test raw")
    assert re.fullmatch(rf"{re.escape(queue)}-\d+", job), job
    assert listener.wait() == data


def test_pdf_bytes_print_at_true_scale_on_a_label_page(tmp_path: Path) -> None:
    queue, out = pdf_queue()
    labels, codes = _labels(2)
    rendered = render_labels(labels, "thermal-2x1-203", out=tmp_path / "labels.pdf")
    title = f"custody-test-{uuid.uuid4().hex[:8]}"
    job = cups.submit_pdf(rendered.path.read_bytes(), queue, (144.0, 72.0), title)
    copy = take_output(out, job_output(job), tmp_path / "printed.pdf")
    assert page_sizes(copy) == [(144, 72), (144, 72)]  # not the queue's Letter
    assert [label_code(read.text, KEY) for read in read_qr(copy, 203)] == codes


def test_a_page_larger_than_the_media_is_cropped_never_scaled(tmp_path: Path) -> None:
    """print-scaling=none: a 1/2" square in the middle of a 4"x4" page printed on 2"x1" media is
    still 1/2" (36 px at 72 dpi) and centred. CUPS's default would fill (18 px) and ``fit``
    would shrink it (9 px)."""
    queue, out = pdf_queue()
    square = tmp_path / "square.pdf"
    c = canvas.Canvas(str(square), pagesize=(288, 288), invariant=1)
    c.setFillGray(0)
    c.rect(126, 126, 36, 36, stroke=0, fill=1)
    c.showPage()
    c.save()
    job = cups.submit_pdf(square, queue, (144.0, 72.0), f"custody-test-{uuid.uuid4().hex[:8]}")
    copy = take_output(out, job_output(job), tmp_path / "printed.pdf")
    assert page_sizes(copy) == [(144, 72)]
    subprocess.run(
        ["pdftoppm", "-r", "72", "-gray", "-png", "-singlefile", str(copy), str(tmp_path / "p")],
        check=True,
        timeout=60,
    )
    with Image.open(tmp_path / "p.png") as img:
        black = img.convert("L").point(lambda value: 255 if value < 128 else 0)
        box = black.getbbox()
    assert box is not None, "nothing printed"
    left, top, right, bottom = box
    assert (right - left, bottom - top) == (36, 36), f"the square was scaled: {box}"
    assert (left, top) == (54, 18), f"the square moved: {box}"


def test_an_unknown_printer_is_named_with_the_ones_there_are() -> None:
    queue, _ = raw_queue()
    missing = f"CUSTODY_NO_SUCH_{uuid.uuid4().hex[:6]}"
    with pytest.raises(cups.UnknownQueue) as caught:
        cups.check_queue(missing)
    assert f"There is no printer called {missing!r} on this computer" in str(caught.value)
    assert queue in caught.value.available
    assert queue in str(caught.value)
    with pytest.raises(cups.UnknownQueue):
        cups.submit_raw(b"^XA^XZ", missing, "never sent")


def _admin(*argv: str) -> None:
    subprocess.run(list(argv), check=True, capture_output=True, timeout=30)


@pytest.fixture(name="spare_queue")
def spare_queue_fixture() -> Iterator[str]:
    """A queue of this test's own (to pause and reject without disturbing the others)."""
    raw_queue()
    if os.geteuid() != 0 or shutil.which("lpadmin") is None:
        skip_or_fail("adding a CUPS queue needs root (lpadmin)")
    queue = f"CUSTODY_SPARE_{uuid.uuid4().hex[:6]}"
    _admin("lpadmin", "-p", queue, "-E", "-v", "socket://127.0.0.1:9/?contimeout=1")
    try:
        yield queue
    finally:
        subprocess.run(["lpadmin", "-x", queue], capture_output=True, timeout=30, check=False)


def test_a_paused_or_rejecting_printer_is_refused_with_its_reason(spare_queue: str) -> None:
    cups.check_queue(spare_queue)  # enabled and accepting: no complaint

    _admin("cupsreject", "-r", "out of labels", spare_queue)
    with pytest.raises(cups.CupsError) as rejecting:
        cups.submit_raw(b"^XA^XZ", spare_queue, "never sent")
    assert str(rejecting.value) == (
        f"The printer {spare_queue} is not accepting jobs (out of labels). "
        f"Let it accept them again (cupsaccept {spare_queue}), then print again."
    )

    _admin("cupsaccept", spare_queue)
    _admin("cupsdisable", "-r", "ribbon jammed", spare_queue)
    with pytest.raises(cups.CupsError) as paused:
        cups.check_queue(spare_queue)
    assert str(paused.value) == (
        f"The printer {spare_queue} is paused in the print service (ribbon jammed). "
        f"Resume it (cupsenable {spare_queue}), then print again."
    )


@pytest.mark.parametrize(
    "name", ["", "two words", "a/b", "a#b", "quote'd", "tab\there", "x" * 128, "é" * 64]
)
def test_a_name_cups_would_refuse_is_refused_before_cups_is_asked(
    name: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no lp, no lpstat: nothing may run
    assert not cups.valid_queue_name(name)
    with pytest.raises(cups.CupsError, match="is not a printer name"):
        cups.check_queue(name)


@pytest.mark.parametrize(
    "name", ["LABELS", "Zebra_ZD421-2", "x" * 127, "impresora.recepción", "é" * 63]
)
def test_names_cups_accepts(name: str) -> None:
    assert cups.valid_queue_name(name)


def test_without_the_cups_commands_the_clerk_is_told(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(cups.CupsError) as caught:
        cups.submit_pdf(b"%PDF-1.4", "LABELS", (144.0, 72.0), "labels")
    assert str(caught.value) == (
        "Printing to LABELS needs the print service's 'lpstat' command, which is not installed "
        "on this computer (Debian: apt-get install cups-client). Ask IT."
    )


@pytest.mark.parametrize(
    ("size", "media"),
    [
        ((144.0, 72.0), "Custom.144x72"),
        ((288.0, 432.0), "Custom.288x432"),
        ((612.0, 792.0), "Custom.612x792"),
        ((595.2755905511812, 841.8897637795276), "Custom.595.28x841.89"),
        ((75.5, 36.25), "Custom.75.5x36.25"),
    ],
)
def test_media_sizes_are_points(size: tuple[float, float], media: str) -> None:
    assert cups.media_option(*size) == media


@pytest.mark.parametrize("size", [(0.0, 72.0), (144.0, -1.0), (float("nan"), 72.0)])
def test_no_page_no_media(size: tuple[float, float]) -> None:
    with pytest.raises(ValueError, match="is not a page"):
        cups.media_option(*size)
