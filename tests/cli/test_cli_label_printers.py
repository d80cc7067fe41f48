"""`custody-cli labels ... --printer NAME`: through a real CUPS, journaled first, exact output.

ZPL through the raw queue must arrive byte for byte as the same command writes it with --out;
a PDF through cups-pdf must come out on the template's page (a 2"x1" label is not put on Letter)
with every QR where the --out PDF has it, and every QR must verify as the sample printed. A
missing printer is found before anything is journaled.

Needs ``scripts/cups-test-printer start OUTDIR`` and its variables (see tests/render/test_cups.py);
skipped without them, a failure under ``CUSTODY_REQUIRE_SERVICES=1``.
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
from cli_support import Cli, Result, journal_kinds
from cli_support import demo_run_fixture as demo_run_fixture  # pytest fixture
from PIL import Image

from custody import keyfile
from custody.cli.common import UsageError
from custody.cli.label_output import Destination, printer_destination
from custody.domain.label_templates import TEMPLATES
from custody.domain.labelcode import Code, LabelKind, parse
from lab_support import skip_or_fail

WAIT_S = 60.0
TECHNICIAN = "technician"
Found = list[tuple[Code, tuple[float, float]]]


def _env(name: str) -> str:
    value = os.environ.get(name, "")
    if not value:
        skip_or_fail(f"{name} is not set (scripts/cups-test-printer start DIR)")
    return value


def _queue(env: str) -> str:
    queue = _env(env)
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


def _cancel_all(queue: str) -> None:
    subprocess.run(["cancel", "-a", queue], capture_output=True, timeout=30, check=False)


def _copy(template: Path, home: Path) -> Cli:
    home.mkdir()
    db = home / "demo.sqlite"
    shutil.copy(template, db)
    key = home / "demo.label-key"
    shutil.copy(template.with_name(f"{template.stem}.label-key"), key)
    key.chmod(0o600)
    return Cli(db, home)


@pytest.fixture(name="twins")
def twins_fixture(demo_run: tuple[Path, Result], tmp_path: Path) -> tuple[Cli, Cli]:
    """Two identical demo copies with their label key: one prints, one writes --out. The same
    command gives the same serials, so the same labels."""
    template, _ = demo_run
    return _copy(template, tmp_path / "printed"), _copy(template, tmp_path / "filed")


def _sample_ids(cli: Cli) -> list[str]:
    listed = cli("sample", "list", user=TECHNICIAN)
    assert listed.code == 0, listed
    ids = re.findall(r"^(MX-AICM-\d{4}-\d{6})\s", listed.out, re.MULTILINE)
    assert len(ids) == 11, listed  # the demo's ten samples and one sub-sample
    return ids


def _labels(cli: Cli, ids: list[str], template: str, fmt: str, *where: str) -> Result:
    return cli(
        "labels", "samples", *ids, "--template", template, "--format", fmt, *where,
        user=TECHNICIAN,
    )  # fmt: skip


def _job(result: Result, queue: str) -> str:
    found = re.search(rf"; CUPS job ({re.escape(queue)}-\d+)$", result.out, re.MULTILINE)
    assert found, result
    return found.group(1)


# --- ZPL through the CUPS raw queue --------------------------------------------------------


@pytest.fixture(name="raw_queue")
def raw_queue_fixture() -> Iterator[tuple[str, int]]:
    queue = _queue("CUSTODY_TEST_CUPS_RAW_QUEUE")
    port = int(_env("CUSTODY_TEST_CUPS_RAW_PORT"))
    _cancel_all(queue)
    yield queue, port
    _cancel_all(queue)


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


def test_zpl_through_the_cups_raw_queue_arrives_byte_for_byte(
    twins: tuple[Cli, Cli], raw_queue: tuple[str, int]
) -> None:
    printed, filed = twins
    queue, port = raw_queue
    ids = _sample_ids(printed)[:2]
    listener = Listener(port)
    try:
        sent = _labels(printed, ids, "thermal-2x1-203", "zpl", "--printer", queue)
        assert sent.code == 0, sent
        assert f"Sent 2 label(s) to printer {queue} (template thermal-2x1-203, " in sent.out
        _job(sent, queue)
        received = listener.wait()
    finally:
        listener.close()
    zpl = filed.home / "labels.zpl"
    written = _labels(filed, ids, "thermal-2x1-203", "zpl", "--out", str(zpl))
    assert written.code == 0, written
    assert received == zpl.read_bytes()
    assert received.count(b"^XA") == 2
    for sample_id in ids:
        assert sample_id.encode() in received
    assert journal_kinds(printed.db).count("label.print") == 2
    assert journal_kinds(filed.db).count("label.print") == 2


# --- PDF through the CUPS cups-pdf queue ---------------------------------------------------


def _pdf_queue() -> tuple[str, Path]:
    queue = _queue("CUSTODY_TEST_CUPS_QUEUE")
    out = Path(_env("CUSTODY_TEST_CUPS_OUT"))
    if not out.is_dir():
        skip_or_fail(f"CUSTODY_TEST_CUPS_OUT={out} is not a directory")
    for tool in ("pdfinfo", "pdftoppm"):
        if shutil.which(tool) is None:
            skip_or_fail(f"{tool} (poppler-utils) is not installed")
    return queue, out


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


def _page_sizes(pdf: Path) -> list[tuple[int, int]]:
    info = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "9999", str(pdf)],
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    ).stdout
    found = re.findall(r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", info, re.MULTILINE)
    return [(round(float(w)), round(float(h))) for w, h in found]


def _decode(pdf: Path, dpi: int, key: bytes) -> Found:
    """Every QR on every page, in page order, with its centre in pixels at ``dpi``."""
    prefix = pdf.with_suffix("")
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-gray", "-png", str(pdf), str(prefix)],
        check=True,
        timeout=120,
    )
    found: Found = []
    for png in sorted(pdf.parent.glob(f"{prefix.name}-*.png")):
        with Image.open(png) as img:
            for result in zxingcpp.read_barcodes(img):
                parsed = parse(result.text, key)
                assert isinstance(parsed, Code), (png.name, result.text, parsed)
                corners = result.position
                points = (
                    corners.top_left,
                    corners.top_right,
                    corners.bottom_right,
                    corners.bottom_left,
                )
                x = sum(point.x for point in points) / 4
                y = sum(point.y for point in points) / 4
                found.append((parsed, (x, y)))
    return found


@pytest.mark.parametrize(
    ("template", "count", "start_at", "dpi"),
    [("letter-30up", 11, 20, 300), ("thermal-2x1-203", 2, 1, 203)],
)
def test_pdf_through_cups_prints_at_true_scale_on_the_template_page(
    twins: tuple[Cli, Cli], template: str, count: int, start_at: int, dpi: int
) -> None:
    queue, out = _pdf_queue()
    printed, filed = twins
    ids = _sample_ids(printed)[:count]
    where = ("--start-at", str(start_at))
    sent = _labels(printed, ids, template, "pdf", "--printer", queue, *where)
    assert sent.code == 0, sent
    assert f"Sent {count} label(s) to printer {queue} (template {template}, " in sent.out
    cups_pdf = _wait_for_job_output(out, _job(sent, queue))
    copy = printed.home / "printed.pdf"
    shutil.copyfile(cups_pdf, copy)
    cups_pdf.unlink()

    reference = filed.home / "reference.pdf"
    written = _labels(filed, ids, template, "pdf", "--out", str(reference), *where)
    assert written.code == 0, written

    t = TEMPLATES[template]
    pages = 1 if t.per_page > 1 else count
    page = (round(t.page_width), round(t.page_height))
    assert _page_sizes(copy) == [page] * pages  # the 2"x1" label is not put on Letter
    key = keyfile.load(printed.db.with_name("demo.label-key"))
    found = _decode(copy, dpi, key)
    expected = [
        (LabelKind.SAMPLE, sample_id.replace("-", ""), serial)
        for serial, sample_id in enumerate(ids, start=1)
    ]
    assert sorted((c.kind, c.body, c.serial) for c, _ in found) == sorted(expected)
    # True scale: every QR is where the PDF written with --out has it (within 2 px).
    where_expected = {code: centre for code, centre in _decode(reference, dpi, key)}
    assert set(where_expected) == {code for code, _ in found}
    for code, (x, y) in found:
        ex, ey = where_expected[code]
        assert abs(x - ex) <= 2 and abs(y - ey) <= 2, (code, (x, y), (ex, ey))
    assert journal_kinds(printed.db).count("label.print") == count


# --- refused before anything is journaled ---------------------------------------------------


def test_an_unknown_printer_is_refused_before_anything_is_journaled(
    twins: tuple[Cli, Cli],
) -> None:
    known = _queue("CUSTODY_TEST_CUPS_QUEUE")
    cli, _ = twins
    before = journal_kinds(cli.db)
    missing = f"NO_SUCH_PRINTER_{uuid.uuid4().hex[:6]}"
    for fmt in ("pdf", "zpl"):
        result = _labels(cli, ["MX-AICM-2026-000001"], "thermal-2x1-203", fmt, "--printer", missing)
        assert result.code == 2, result
        assert f"There is no printer called {missing!r} on this computer. Printers: " in result.err
        assert known in result.err
        assert "HOST:9100" in result.err  # how to name a network label printer instead
        assert "journaled" not in result.err
    assert journal_kinds(cli.db) == before


@pytest.mark.parametrize("printer", ["127.0.0.1", "10.0.0.7:9100", "tcp://zebra1", "[fe80::1]"])
def test_a_pdf_to_a_network_address_is_refused(twins: tuple[Cli, Cli], printer: str) -> None:
    cli, _ = twins
    before = journal_kinds(cli.db)
    result = _labels(cli, ["MX-AICM-2026-000001"], "thermal-2x1-203", "pdf", "--printer", printer)
    assert result.code == 2, result
    assert "A PDF cannot go to a network address" in result.err
    assert "--format zpl" in result.err
    assert journal_kinds(cli.db) == before


def test_zpl_for_a_sheet_is_refused_before_the_printer_is_asked(twins: tuple[Cli, Cli]) -> None:
    cli, _ = twins
    before = journal_kinds(cli.db)
    result = _labels(cli, ["MX-AICM-2026-000001"], "letter-30up", "zpl", "--printer", "LABELS")
    assert result.code == 2, result
    assert "ZPL is for label printers; use PDF for sheets" in result.err
    assert journal_kinds(cli.db) == before


# --- the --printer rule ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("CUSTODY_RAW", Destination(queue="CUSTODY_RAW")),
        (" Zebra_ZD421 ", Destination(queue="Zebra_ZD421")),
        ("zebra1.lab.local", Destination(queue="zebra1.lab.local")),
        ("10.0.0.7", Destination(host="10.0.0.7", port=9100)),
        ("10.0.0.7:6101", Destination(host="10.0.0.7", port=6101)),
        ("zebra1:9100", Destination(host="zebra1", port=9100)),
        ("tcp://zebra1", Destination(host="zebra1", port=9100)),
        ("TCP://zebra1:6101", Destination(host="zebra1", port=6101)),
        ("tcp://[fe80::1]:9101", Destination(host="fe80::1", port=9101)),
        ("[fe80::1]", Destination(host="fe80::1", port=9100)),
        ("fe80::1", Destination(host="fe80::1", port=9100)),
    ],
)
def test_printer_names_and_addresses(raw: str, expected: Destination) -> None:
    assert printer_destination(raw) == expected


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("", "needs a printer name or a network address"),
        ("tcp://", "needs a printer name or address"),
        ("zebra1:", "the port is missing"),
        ("zebra1:99999", "the port must be a number"),
        ("two words", "is not a printer name"),
        ("a/b", "is not a printer name"),
        ("x" * 128, "is not a printer name"),
    ],
)
def test_bad_printer_names_and_addresses(raw: str, message: str) -> None:
    with pytest.raises(UsageError, match=message):
        printer_destination(raw)


def test_the_destinations_read_as_a_clerk_expects() -> None:
    assert str(Destination(queue="LABELS")) == "printer LABELS"
    assert str(Destination(host="fe80::1", port=9101)) == "the label printer at [fe80::1]:9101"
    assert str(Destination(path=Path("/tmp/x.pdf"))) == "/tmp/x.pdf"
