"""Test support for printing through a real CUPS (``scripts/cups-test-printer start OUTDIR``).

The queues come from ``CUSTODY_TEST_CUPS_QUEUE`` / ``CUSTODY_TEST_CUPS_OUT`` (cups-pdf and the
directory it writes to) and ``CUSTODY_TEST_CUPS_RAW_QUEUE`` / ``CUSTODY_TEST_CUPS_RAW_PORT`` (a raw
queue to a loopback port where a test listens). Without them a test skips, or fails under
``CUSTODY_REQUIRE_SERVICES=1`` (:func:`lab_support.skip_or_fail`).
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
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

from custody.domain import labelcode
from custody.domain.label_layout import LabelContent
from custody.domain.labelcode import Code, LabelKind
from lab_support import skip_or_fail

QUEUE_ENV = "CUSTODY_TEST_CUPS_QUEUE"
OUT_ENV = "CUSTODY_TEST_CUPS_OUT"
RAW_QUEUE_ENV = "CUSTODY_TEST_CUPS_RAW_QUEUE"
RAW_PORT_ENV = "CUSTODY_TEST_CUPS_RAW_PORT"
WAIT_S = 60.0


# --- what to print -------------------------------------------------------------------------


def sample_label(
    number: int,
    serial: int,
    key: bytes,
    *,
    description: str = "Bolsa de plástico con polvo blanco",
    hazard: bool = True,
) -> tuple[tuple[LabelContent, str], Code]:
    """The label of sample MX-AICM-2026-``number`` (its content and signed QR payload), and the
    code its QR must read back as."""
    code = Code(LabelKind.SAMPLE, f"MXAICM2026{number:06d}", serial)
    content = LabelContent(
        id_text=f"MX-AICM-2026-{number:06d}",
        case_exhibit=f"FED/CDMX/AICM/0004417/2026 · Ex. {serial}",
        date="2026-09-01",
        initials="JRM",
        description=description,
        weight="12.3456 g",
        seal="A-0004417",
        hazard=hazard,
        reprint=0,
    )
    return (content, labelcode.encode(code, key)), code


# --- the queues -----------------------------------------------------------------------------


def env(name: str) -> str:
    value = os.environ.get(name, "")
    if not value:
        skip_or_fail(f"{name} is not set (scripts/cups-test-printer start DIR)")
    return value


def tool(name: str) -> str:
    """The path of a poppler-utils command (pdfinfo, pdftoppm)."""
    path = shutil.which(name)
    if path is None:
        skip_or_fail(f"{name} (poppler-utils) is not installed")
        raise AssertionError("unreachable")
    return path


def cups_queue(env_name: str) -> str:
    """The queue named by ``env_name``, as CUPS's lpstat shows it."""
    queue = env(env_name)
    lpstat = shutil.which("lpstat")
    if lpstat is None:
        skip_or_fail("CUPS's lpstat is not installed (apt-get install cups)")
        raise AssertionError("unreachable")
    shown = subprocess.run(
        [lpstat, f"-p{queue}"], capture_output=True, text=True, timeout=30, check=False
    )
    if shown.returncode != 0:
        skip_or_fail(f"CUPS queue {queue!r} is not there: {shown.stderr.strip()}")
    return queue


def raw_queue() -> tuple[str, int]:
    """The raw queue and the loopback port it delivers to."""
    queue = cups_queue(RAW_QUEUE_ENV)
    return queue, int(env(RAW_PORT_ENV))


def _pdf_out() -> Path:
    out = Path(env(OUT_ENV))
    if not out.is_dir():
        skip_or_fail(f"{OUT_ENV}={out} is not a directory")
    for name in ("pdfinfo", "pdftoppm"):
        tool(name)
    return out


def pdf_queue() -> tuple[str, Path]:
    """The cups-pdf queue and its output directory (poppler-utils reads what it writes)."""
    return cups_queue(QUEUE_ENV), _pdf_out()


def qt_pdf_queue() -> tuple[str, Path]:
    """As :func:`pdf_queue`, for printing through Qt: the queue must be one Qt sees."""
    from PySide6.QtPrintSupport import QPrinterInfo  # only the UI tests print through Qt

    queue, out = env(QUEUE_ENV), _pdf_out()
    names = QPrinterInfo.availablePrinterNames()
    if queue not in names:
        skip_or_fail(f"CUPS queue {queue!r} is not available to Qt (it sees {names})")
    return queue, out


def cancel_all(queue: str) -> None:
    """No job left over from another test may reach the next listener."""
    cancel = shutil.which("cancel")
    if cancel is not None:
        subprocess.run([cancel, "-a", queue], capture_output=True, timeout=30, check=False)


# --- what the raw queue delivers ------------------------------------------------------------


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


@pytest.fixture(name="raw_listener")
def raw_listener_fixture() -> Iterator[tuple[str, Listener]]:
    """The raw queue, emptied, and a listener on its port (import it as it is named here)."""
    queue, port = raw_queue()
    cancel_all(queue)
    listener = Listener(port)
    yield queue, listener
    listener.close()
    cancel_all(queue)


# --- what cups-pdf writes -------------------------------------------------------------------


def job_output(job: str) -> str:
    """cups-pdf's PPD ends every output file's name with the job number (QUEUE-N)."""
    return f"*-job_{job.rsplit('-', 1)[-1]}.pdf"


def titled_output(stem: str) -> str:
    """cups-pdf names its file after the job title: the stem of the PDF that Qt printed."""
    return f"{stem}*.pdf"


def take_output(out: Path, pattern: str, to: Path) -> Path:
    """Wait until cups-pdf has written the file ``pattern`` matches in ``out`` — complete (it
    ends with the PDF trailer %%EOF) and no longer growing — then move it to ``to`` so that no
    later test finds it. (Ghostscript pauses between pages: a steady size alone is not enough.)"""
    deadline = time.monotonic() + WAIT_S
    last = -1
    while time.monotonic() < deadline:
        found = sorted(out.glob(pattern))
        if found:
            size = found[0].stat().st_size
            if size > 0 and size == last and _complete_pdf(found[0]):
                shutil.copyfile(found[0], to)
                found[0].unlink()
                return to
            last = size
        time.sleep(0.25)
    listing = sorted(p.name for p in out.iterdir())
    pytest.fail(f"no cups-pdf output {pattern} in {out} after {WAIT_S:.0f} s: {listing}")


def _complete_pdf(path: Path) -> bool:
    with path.open("rb") as handle:
        handle.seek(max(0, path.stat().st_size - 1024))
        return b"%%EOF" in handle.read()


def page_sizes(pdf: Path) -> list[tuple[int, int]]:
    """Every page's size in whole points, as pdfinfo reads it."""
    info = subprocess.run(
        [tool("pdfinfo"), "-f", "1", "-l", "9999", str(pdf)],
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    ).stdout
    found = re.findall(r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", info, re.MULTILINE)
    return [(round(float(w)), round(float(h))) for w, h in found]


@dataclass(frozen=True)
class QrRead:
    """One QR code read off a page, positions in pixels at the dpi it was rasterised at."""

    text: str
    top_left: tuple[int, int]
    centre: tuple[float, float]


def read_qr(pdf: Path, dpi: int) -> list[QrRead]:
    """Every QR on every page of ``pdf`` (pdftoppm, then zxing-cpp), in page order."""
    prefix = pdf.parent / f"{pdf.stem}-{dpi}"
    subprocess.run(
        [tool("pdftoppm"), "-r", str(dpi), "-gray", "-png", str(pdf), str(prefix)],
        check=True,
        timeout=120,
    )
    found: list[QrRead] = []
    for png in sorted(pdf.parent.glob(f"{prefix.name}-*.png")):
        with Image.open(png) as img:
            for result in zxingcpp.read_barcodes(img):
                at = result.position
                corners = (at.top_left, at.top_right, at.bottom_right, at.bottom_left)
                centre = (sum(p.x for p in corners) / 4, sum(p.y for p in corners) / 4)
                found.append(QrRead(result.text, (at.top_left.x, at.top_left.y), centre))
    return found


def label_code(text: str, key: bytes) -> Code:
    """The label code a QR carries; a payload that does not verify under ``key`` fails."""
    parsed = labelcode.parse(text, key)
    assert isinstance(parsed, Code), (text, parsed)
    return parsed
