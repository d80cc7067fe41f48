"""`custody-cli labels`: every print journaled first, then one PDF whose QR codes verify."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from cli_support import Cli, Result, journal_kinds
from cli_support import demo_fixture as demo_fixture  # pytest fixtures
from cli_support import demo_run_fixture as demo_run_fixture

from custody import keyfile
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


def test_zpl_is_not_yet_supported(labs: Cli) -> None:
    pdf = labs.home / "labels.pdf"
    result = _print(labs, pdf, "--format", "zpl")
    assert result.code == 2, result
    assert "ZPL output comes in a later version" in result.err
    assert not pdf.exists()


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
