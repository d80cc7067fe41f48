"""`custody-cli labels ... --printer NAME`: through a real CUPS, journaled first, exact output.

ZPL through the raw queue must arrive byte for byte as the same command writes it with --out;
a PDF through cups-pdf must come out on the template's page (a 2"x1" label is not put on Letter)
with every QR where the --out PDF has it, and every QR must verify as the sample printed. A
missing printer is found before anything is journaled.

Needs ``scripts/cups-test-printer start OUTDIR`` and its variables (see tests/render/test_cups.py);
skipped without them, a failure under ``CUSTODY_REQUIRE_SERVICES=1``.
"""

from __future__ import annotations

import re
import shutil
import uuid
from pathlib import Path

import pytest
from cli_support import Cli, Result, journal_kinds
from cli_support import demo_run_fixture as demo_run_fixture  # pytest fixture

from cups_support import (
    QUEUE_ENV,
    Listener,
    cups_queue,
    job_output,
    label_code,
    page_sizes,
    pdf_queue,
    read_qr,
    take_output,
)
from cups_support import raw_listener_fixture as raw_listener_fixture  # pytest fixture
from custody import keyfile
from custody.cli.common import UsageError
from custody.cli.label_output import Destination, printer_destination
from custody.domain.label_templates import TEMPLATES
from custody.domain.labelcode import Code, LabelKind

TECHNICIAN = "technician"
Found = list[tuple[Code, tuple[float, float]]]


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


def test_zpl_through_the_cups_raw_queue_arrives_byte_for_byte(
    twins: tuple[Cli, Cli], raw_listener: tuple[str, Listener]
) -> None:
    printed, filed = twins
    queue, listener = raw_listener
    ids = _sample_ids(printed)[:2]
    sent = _labels(printed, ids, "thermal-2x1-203", "zpl", "--printer", queue)
    assert sent.code == 0, sent
    assert f"Sent 2 label(s) to printer {queue} (template thermal-2x1-203, " in sent.out
    _job(sent, queue)
    received = listener.wait()
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


def _decode(pdf: Path, dpi: int, key: bytes) -> Found:
    """Every QR on every page, in page order, with its centre in pixels at ``dpi``."""
    return [(label_code(read.text, key), read.centre) for read in read_qr(pdf, dpi)]


@pytest.mark.parametrize(
    ("template", "count", "start_at", "dpi"),
    [("letter-30up", 11, 20, 300), ("thermal-2x1-203", 2, 1, 203)],
)
def test_pdf_through_cups_prints_at_true_scale_on_the_template_page(
    twins: tuple[Cli, Cli], template: str, count: int, start_at: int, dpi: int
) -> None:
    queue, out = pdf_queue()
    printed, filed = twins
    ids = _sample_ids(printed)[:count]
    where = ("--start-at", str(start_at))
    sent = _labels(printed, ids, template, "pdf", "--printer", queue, *where)
    assert sent.code == 0, sent
    assert f"Sent {count} label(s) to printer {queue} (template {template}, " in sent.out
    copy = take_output(out, job_output(_job(sent, queue)), printed.home / "printed.pdf")

    reference = filed.home / "reference.pdf"
    written = _labels(filed, ids, template, "pdf", "--out", str(reference), *where)
    assert written.code == 0, written

    t = TEMPLATES[template]
    pages = 1 if t.per_page > 1 else count
    page = (round(t.page_width), round(t.page_height))
    assert page_sizes(copy) == [page] * pages  # the 2"x1" label is not put on Letter
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
    known = cups_queue(QUEUE_ENV)
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
