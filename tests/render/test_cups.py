"""custody.render.cups against a real CUPS: raw ZPL arrives byte for byte, a PDF prints at true
scale on the label's page, and a missing, paused or rejecting printer is told to the clerk.

Needs ``scripts/cups-test-printer start OUTDIR`` (``.ci/run`` does it) and the variables
``CUSTODY_TEST_CUPS_QUEUE`` / ``CUSTODY_TEST_CUPS_OUT`` (cups-pdf) and
``CUSTODY_TEST_CUPS_RAW_QUEUE`` / ``CUSTODY_TEST_CUPS_RAW_PORT`` (a raw queue to a loopback port
where the test listens); skipped without them, a failure under ``CUSTODY_REQUIRE_SERVICES=1``.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import socket
import subprocess
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from reportlab.pdfgen import canvas

from custody.domain import labelcode
from custody.domain.label_layout import LabelContent
from custody.domain.labelcode import Code, LabelKind
from custody.render import cups
from custody.render.label_pdf import render_labels
from custody.render.label_zpl import render_zpl
from lab_support import skip_or_fail

KEY = bytes(range(32))
WAIT_S = 60.0


def _env(name: str) -> str:
    value = os.environ.get(name, "")
    if not value:
        skip_or_fail(f"{name} is not set (scripts/cups-test-printer start DIR)")
    return value


def _queue_ready(queue: str) -> None:
    lpstat = shutil.which("lpstat")
    if lpstat is None:
        skip_or_fail("CUPS's lpstat is not installed (apt-get install cups)")
        raise AssertionError("unreachable")
    shown = subprocess.run(
        [lpstat, f"-p{queue}"], capture_output=True, text=True, timeout=30, check=False
    )
    if shown.returncode != 0:
        skip_or_fail(f"CUPS queue {queue!r} is not there: {shown.stderr.strip()}")


def _raw_queue() -> tuple[str, int]:
    queue = _env("CUSTODY_TEST_CUPS_RAW_QUEUE")
    port = int(_env("CUSTODY_TEST_CUPS_RAW_PORT"))
    _queue_ready(queue)
    return queue, port


def _pdf_queue() -> tuple[str, Path]:
    queue = _env("CUSTODY_TEST_CUPS_QUEUE")
    out = Path(_env("CUSTODY_TEST_CUPS_OUT"))
    if not out.is_dir():
        skip_or_fail(f"CUSTODY_TEST_CUPS_OUT={out} is not a directory")
    _queue_ready(queue)
    return queue, out


def _labels(count: int) -> tuple[list[tuple[LabelContent, str]], list[Code]]:
    labels: list[tuple[LabelContent, str]] = []
    codes: list[Code] = []
    for i in range(count):
        code = Code(LabelKind.SAMPLE, f"MXAICM2026{700 + i:06d}", 40 + i)
        content = LabelContent(
            id_text=f"MX-AICM-2026-{700 + i:06d}",
            case_exhibit=f"FED/CDMX/AICM/0004417/2026 · Ex. {i + 1}",
            date="2026-09-01",
            initials="JRS",
            description="Polvo blanco ^FD~ con caracteres de control ZPL",
            weight="9.0000 g",
            seal="A-0004417",
            hazard=True,
            reprint=0,
        )
        labels.append((content, labelcode.encode(code, KEY)))
        codes.append(code)
    return labels, codes


class Listener:
    """What the raw queue's socket backend delivers on one connection to 127.0.0.1:port."""

    def __init__(self, port: int) -> None:
        try:
            self.server = socket.create_server(("127.0.0.1", port))
        except OSError as error:
            pytest.fail(f"cannot listen on 127.0.0.1:{port} for the raw queue: {error}")
        self.server.settimeout(WAIT_S)
        self.received = b""
        self.error: OSError | None = None
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        try:
            conn, _ = self.server.accept()
            with conn:
                conn.settimeout(WAIT_S)
                chunks: list[bytes] = []
                while chunk := conn.recv(65536):
                    chunks.append(chunk)
            self.received = b"".join(chunks)
        except OSError as error:
            self.error = error

    def wait(self) -> bytes:
        self.thread.join(timeout=WAIT_S + 5)
        assert not self.thread.is_alive(), "the raw queue never delivered the job"
        assert self.error is None, self.error
        return self.received

    def close(self) -> None:
        """Stop listening now (shutdown wakes a blocked accept; close alone would not)."""
        with contextlib.suppress(OSError):
            self.server.shutdown(socket.SHUT_RDWR)
        self.server.close()
        self.thread.join(timeout=5)


def cancel_all(queue: str) -> None:
    """No job left over from another test may reach the next listener."""
    cancel = shutil.which("cancel")
    if cancel is not None:
        subprocess.run([cancel, "-a", queue], capture_output=True, timeout=30, check=False)


@pytest.fixture(name="raw")
def raw_fixture() -> Iterator[tuple[str, Listener]]:
    queue, port = _raw_queue()
    cancel_all(queue)
    listener = Listener(port)
    yield queue, listener
    listener.close()
    cancel_all(queue)


def test_raw_zpl_arrives_byte_for_byte(raw: tuple[str, Listener]) -> None:
    queue, listener = raw
    labels, _ = _labels(2)
    data = render_zpl(labels, "thermal-2x1-203")
    job = cups.submit_raw(data, queue, "custody test raw")
    assert re.fullmatch(rf"{re.escape(queue)}-\d+", job), job
    assert listener.wait() == data


def _wait_for_job_output(out: Path, job: str) -> Path:
    """cups-pdf's PPD labels every output file with the job number at the end."""
    number = job.rsplit("-", 1)[-1]
    deadline = time.monotonic() + WAIT_S
    last = -1
    while time.monotonic() < deadline:
        found = sorted(out.glob(f"*-job_{number}.pdf"))
        if found:
            size = found[0].stat().st_size
            if size > 0 and size == last:
                return found[0]
            last = size
        time.sleep(0.25)
    listing = sorted(p.name for p in out.iterdir())
    pytest.fail(f"no cups-pdf output for job {job} in {out} after {WAIT_S:.0f} s: {listing}")


def page_sizes(pdf: Path) -> list[tuple[int, int]]:
    info = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "9999", str(pdf)],
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    ).stdout
    found = re.findall(r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", info, re.MULTILINE)
    return [(round(float(w)), round(float(h))) for w, h in found]


def test_pdf_bytes_print_at_true_scale_on_a_label_page(tmp_path: Path) -> None:
    queue, out = _pdf_queue()
    if shutil.which("pdfinfo") is None or shutil.which("pdftoppm") is None:
        skip_or_fail("poppler-utils (pdfinfo, pdftoppm) is not installed")
    labels, codes = _labels(2)
    rendered = render_labels(labels, "thermal-2x1-203", out=tmp_path / "labels.pdf")
    title = f"custody-test-{uuid.uuid4().hex[:8]}"
    job = cups.submit_pdf(rendered.path.read_bytes(), queue, (144.0, 72.0), title)
    printed = _wait_for_job_output(out, job)
    copy = tmp_path / "printed.pdf"
    shutil.copyfile(printed, copy)
    printed.unlink()
    assert page_sizes(copy) == [(144, 72), (144, 72)]  # not the queue's Letter
    subprocess.run(
        ["pdftoppm", "-r", "203", "-gray", "-png", str(copy), str(tmp_path / "page")],
        check=True,
        timeout=60,
    )
    found: list[Code] = []
    for png in sorted(tmp_path.glob("page-*.png")):
        with Image.open(png) as img:
            for result in zxingcpp.read_barcodes(img):
                parsed = labelcode.parse(result.text, KEY)
                assert isinstance(parsed, Code), parsed
                found.append(parsed)
    assert found == codes


def test_a_page_larger_than_the_media_is_cropped_never_scaled(tmp_path: Path) -> None:
    """print-scaling=none: a 1/2" square in the middle of a 4"x4" page printed on 2"x1" media is
    still 1/2" (36 px at 72 dpi) and centred. CUPS's default would fill (18 px) and ``fit``
    would shrink it (9 px)."""
    queue, out = _pdf_queue()
    if shutil.which("pdftoppm") is None:
        skip_or_fail("poppler-utils (pdftoppm) is not installed")
    square = tmp_path / "square.pdf"
    c = canvas.Canvas(str(square), pagesize=(288, 288), invariant=1)
    c.setFillGray(0)
    c.rect(126, 126, 36, 36, stroke=0, fill=1)
    c.showPage()
    c.save()
    job = cups.submit_pdf(square, queue, (144.0, 72.0), f"custody-test-{uuid.uuid4().hex[:8]}")
    printed = _wait_for_job_output(out, job)
    copy = tmp_path / "printed.pdf"
    shutil.copyfile(printed, copy)
    printed.unlink()
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
    queue, _ = _raw_queue()
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
    _raw_queue()
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
