"""`custody-cli labels`: every print journaled first, then one PDF whose QR codes verify."""

from __future__ import annotations

import shutil
import socket
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from cli_support import Cli, Result, journal_kinds
from cli_support import demo_fixture as demo_fixture  # pytest fixtures
from cli_support import demo_run_fixture as demo_run_fixture

from custody import keyfile
from custody.cli.common import UsageError
from custody.cli.label_output import parse_printer
from custody.domain.labelcode import Code, LabelKind, parse
from lab_support import skip_or_fail

FIRST = "MX-AICM-2026-000001"
CHILD = "MX-AICM-2026-000011"  # the demo sub-sample
TEMPLATE = "thermal-2x1-203"  # one label a page, 203 dpi
AUDITOR = ("audrey", "grey falcon counts the ledgers")


@pytest.fixture(name="labs")
def labs_fixture(demo: Cli, demo_run: tuple[Path, Result]) -> Cli:
    """The demo copy with the demo's label key beside it (0600, as `demo` made it)."""
    template, _ = demo_run
    key = template.with_name(f"{template.stem}.label-key")
    copy = demo.db.with_name(f"{demo.db.stem}.label-key")
    shutil.copy(key, copy)
    copy.chmod(0o600)
    return demo


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        skip_or_fail(f"{name} (poppler-utils) is not installed")
    assert path is not None
    return path


def _text(pdf: Path) -> str:
    return subprocess.run(
        [_tool("pdftotext"), str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


def _codes(pdf: Path, key: bytes) -> list[Code]:
    zxingcpp = pytest.importorskip("zxingcpp")
    image = pytest.importorskip("PIL.Image")
    prefix = pdf.with_suffix("")
    subprocess.run(
        [_tool("pdftoppm"), "-r", "203", "-png", str(pdf), str(prefix)],
        check=True,
        capture_output=True,
    )
    codes: list[Code] = []
    for page in sorted(pdf.parent.glob(f"{prefix.name}-*.png")):
        for found in zxingcpp.read_barcodes(image.open(page)):
            parsed = parse(found.text, key)
            assert isinstance(parsed, Code), parsed
            codes.append(parsed)
    return codes


def _print(cli: Cli, out: Path, *extra: str, user: str = "technician") -> Result:
    return cli(
        "labels", "samples", FIRST, CHILD, "--template", TEMPLATE, "--out", str(out), *extra,
        user=user,
    )  # fmt: skip


def test_labels_are_journaled_printed_and_their_codes_verify(labs: Cli) -> None:
    before = journal_kinds(labs.db)
    pdf = labs.home / "labels.pdf"
    result = _print(labs, pdf)
    assert result.code == 0, result
    assert f"Printed 2 label(s) to {pdf} (template {TEMPLATE}, serials 1–2)" in result.out
    assert pdf.is_file()
    text = _text(pdf)
    assert FIRST in text
    assert CHILD in text
    assert "JRS" in text  # Q.F.B. Jorge Ramírez Soto
    added = journal_kinds(labs.db)[len(before) :]
    assert added.count("label.print") == 2
    key = keyfile.load(labs.db.with_name(f"{labs.db.stem}.label-key"))
    codes = _codes(pdf, key)
    assert [(c.kind, c.body, c.serial) for c in codes] == [
        (LabelKind.SAMPLE, FIRST.replace("-", ""), 1),
        (LabelKind.SAMPLE, CHILD.replace("-", ""), 2),
    ]


def test_a_second_print_needs_a_reprint_with_a_reason(labs: Cli) -> None:
    assert _print(labs, labs.home / "first.pdf").code == 0
    again = labs.home / "again.pdf"
    refused = _print(labs, again)
    assert refused.code == 1, refused
    assert "refused:" in refused.err
    assert "a reprint needs a reason" in refused.err
    assert not again.exists()
    assert journal_kinds(labs.db)[-1] == "denied"

    reprint = _print(labs, again, "--reprint", "--reason", "smudged")
    assert reprint.code == 0, reprint
    assert "serials 3–4" in reprint.out
    assert "voids serial 1" in reprint.out
    assert "voids serial 2" in reprint.out
    assert journal_kinds(labs.db).count("label.reprint") == 2
    assert "REPRINT" in _text(again)
    key = keyfile.load(labs.db.with_name(f"{labs.db.stem}.label-key"))
    assert [c.serial for c in _codes(again, key)] == [3, 4]


def test_a_location_label(labs: Cli) -> None:
    pdf = labs.home / "place.pdf"
    result = labs(
        "labels", "locations", "vault-a-s1-b01", "--template", "letter-30up", "--out", str(pdf),
        user="clerk",
    )  # fmt: skip
    assert result.code == 0, result
    assert "Printed 1 label(s)" in result.out
    assert "VAULT-A-S1-B01" in _text(pdf)
    assert journal_kinds(labs.db)[-1] == "label.print"


def test_calibration_page(labs: Cli) -> None:
    pdf = labs.home / "calibration.pdf"
    result = labs("labels", "calibration", "--template", "a4-21up", "--out", str(pdf))
    assert result.code == 0, result
    assert pdf.is_file()
    assert "a4-21up" in _text(pdf)


def _zpl_to(cli: Cli, *where: str) -> Result:
    return cli(
        "labels", "samples", FIRST, "--template", TEMPLATE, "--format", "zpl", *where,
        user="technician",
    )  # fmt: skip


def test_zpl_to_a_file(labs: Cli) -> None:
    before = journal_kinds(labs.db)
    zpl = labs.home / "labels.zpl"
    result = _zpl_to(labs, "--out", str(zpl))
    assert result.code == 0, result
    assert f"Printed 1 label(s) to {zpl} (template {TEMPLATE}, serial 1)" in result.out
    data = zpl.read_bytes()
    assert data.startswith(b"^XA")
    assert b"^GFA" in data
    assert FIRST.encode() in data
    assert data.rstrip().endswith(b"^XZ")
    assert [p.name for p in labs.home.glob(".labels.zpl.*")] == []  # no temp file left
    assert journal_kinds(labs.db)[len(before) :].count("label.print") == 1


class _Listener:
    """A one-connection TCP listener on an ephemeral loopback port, recording what arrives."""

    def __init__(self) -> None:
        self.server = socket.create_server(("127.0.0.1", 0))
        self.server.settimeout(30)
        self.port: int = self.server.getsockname()[1]
        self.received = b""
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        conn, _ = self.server.accept()
        with conn:
            conn.settimeout(30)
            chunks: list[bytes] = []
            while chunk := conn.recv(65536):
                chunks.append(chunk)
        self.received = b"".join(chunks)


@pytest.fixture(name="listener")
def listener_fixture() -> Iterator[_Listener]:
    listener = _Listener()
    yield listener
    listener.server.close()


def test_zpl_to_a_network_printer(labs: Cli, listener: _Listener) -> None:
    before = journal_kinds(labs.db)
    result = _zpl_to(labs, "--printer", f"127.0.0.1:{listener.port}")
    assert result.code == 0, result
    assert f"Sent 1 label(s) to the label printer at 127.0.0.1:{listener.port}" in result.out
    listener.thread.join(timeout=30)
    assert not listener.thread.is_alive()
    assert listener.received.startswith(b"^XA")
    assert FIRST.encode() in listener.received
    assert listener.received.rstrip().endswith(b"^XZ")
    assert journal_kinds(labs.db)[len(before) :].count("label.print") == 1


def _closed_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port  # nothing listens there now


def test_an_unreachable_printer_could_not_run_but_the_print_is_journaled(labs: Cli) -> None:
    before = journal_kinds(labs.db)
    result = _zpl_to(labs, "--printer", f"127.0.0.1:{_closed_port()}")
    assert result.code == 2, result
    assert "could not reach the label printer" in result.err.lower()
    assert "serial(s) 1 were journaled" in result.err
    assert "--reprint --reason" in result.err
    assert journal_kinds(labs.db)[len(before) :].count("label.print") == 1  # journal first


def test_zpl_on_a_sheet_template_could_not_run(labs: Cli) -> None:
    zpl = labs.home / "labels.zpl"
    result = labs(
        "labels", "samples", FIRST, "--template", "letter-30up", "--format", "zpl",
        "--out", str(zpl), user="technician",
    )  # fmt: skip
    assert result.code == 2, result
    assert "ZPL is for label printers; use PDF for sheets" in result.err
    assert not zpl.exists()
    assert "label.print" not in journal_kinds(labs.db)


def test_pdf_to_a_network_address_could_not_run(labs: Cli) -> None:
    refused = labs(
        "labels", "samples", FIRST, "--template", TEMPLATE, "--printer", "127.0.0.1",
        user="technician",
    )  # fmt: skip
    assert refused.code == 2, refused
    assert "A PDF cannot go to a network address" in refused.err
    assert "--printer LABELS" in refused.err
    assert "label.print" not in journal_kinds(labs.db)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("zebra1", ("zebra1", 9100)),
        ("10.0.0.7:6101", ("10.0.0.7", 6101)),
        ("[fe80::1]:9101", ("fe80::1", 9101)),
        ("[fe80::1]", ("fe80::1", 9100)),
        ("fe80::1", ("fe80::1", 9100)),
    ],
)
def test_printer_addresses(raw: str, expected: tuple[str, int]) -> None:
    assert parse_printer(raw) == expected


@pytest.mark.parametrize("raw", ["", ":9100", "zebra1:", "zebra1:0", "zebra1:70000", "[::1"])
def test_bad_printer_addresses(raw: str) -> None:
    with pytest.raises(UsageError):
        parse_printer(raw)


def test_out_and_printer_go_alone(labs: Cli) -> None:
    both = _zpl_to(labs, "--out", str(labs.home / "x.zpl"), "--printer", "127.0.0.1")
    assert both.code == 2, both
    assert "not allowed with argument" in both.err
    neither = _zpl_to(labs)
    assert neither.code == 2, neither
    assert "one of the arguments --out --printer is required" in neither.err


def test_an_auditor_is_refused(labs: Cli) -> None:
    added = labs(
        "user", "add", AUDITOR[0], "--name", "Audrey Auditora", "--role", "auditor",
        user="supervisor", CUSTODY_NEW_PASSWORD=AUDITOR[1],
    )  # fmt: skip
    assert added.code == 0, added
    pdf = labs.home / "labels.pdf"
    result = labs(
        "labels", "samples", FIRST, "--template", TEMPLATE, "--out", str(pdf),
        user=AUDITOR[0], password=AUDITOR[1],
    )  # fmt: skip
    assert result.code == 1, result
    assert result.err.startswith("refused:")
    assert not pdf.exists()
    assert "label.print" not in journal_kinds(labs.db)


def test_a_missing_label_key_could_not_run(labs: Cli) -> None:
    labs.db.with_name(f"{labs.db.stem}.label-key").unlink()
    pdf = labs.home / "labels.pdf"
    result = _print(labs, pdf)
    assert result.code == 2, result
    assert "The label key is missing" in result.err
    assert not pdf.exists()
    assert "label.print" not in journal_kinds(labs.db)
