"""`custody-cli report custody|inventory|shipments`: real PDFs whose text says what the
database holds; a tampered database is reported as NOT verified (exit 1)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from cli_support import Cli, execute, journal_kinds
from cli_support import demo_fixture as demo_fixture  # pytest fixtures
from cli_support import demo_run_fixture as demo_run_fixture

from lab_support import skip_or_fail

FIRST = "MX-AICM-2026-000001"


def _text(pdf: Path) -> str:
    if shutil.which("pdftotext") is None:
        skip_or_fail("pdftotext (poppler-utils) is not installed")
    return subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_custody_report_of_a_demo_sample(demo: Cli, tmp_path: Path) -> None:
    out = tmp_path / "custody.pdf"
    result = demo("report", "custody", FIRST, "--out", str(out), user="supervisor")
    assert result.code == 0, result
    assert f"Chain-of-custody report for {FIRST}" in result.out
    assert journal_kinds(demo.db)[-1] == "report.custody"  # journaled before it was written
    text = _text(out)
    assert FIRST in text and "Registered / Registrada" in text and "Sealed / Sellado" in text
    fingerprint = result.out.split("content fingerprint:")[1].split()[0]
    assert fingerprint in text.replace("\n", " ") or fingerprint[:32] in text


def test_a_tampered_journal_is_printed_as_not_verified(demo: Cli, tmp_path: Path) -> None:
    execute(demo.db, f"UPDATE samples SET description = 'forged' WHERE code = '{FIRST}'")
    out = tmp_path / "custody.pdf"
    result = demo("report", "custody", FIRST, "--out", str(out), user="supervisor")
    assert result.code == 1, result
    assert "did NOT verify" in result.out
    assert "NOT VERIFIED" in _text(out).upper()


def test_inventory_and_shipment_summary(demo: Cli, tmp_path: Path) -> None:
    stock = tmp_path / "inventory.pdf"
    result = demo("report", "inventory", "--location", "VAULT-A", "--out", str(stock), user="clerk")
    assert result.code == 0, result
    assert "Inventory of VAULT-A:" in result.out
    text = _text(stock)
    assert "VAULT-A" in text and FIRST in text
    missing = demo(
        "report", "inventory", "--location", "NOWHERE", "--out", str(stock), user="clerk"
    )
    assert missing.code != 0 and "no location 'NOWHERE'" in missing.err
    summary = tmp_path / "shipments.pdf"
    result = demo("report", "shipments", "--out", str(summary), user="supervisor")
    assert result.code == 0, result
    assert summary.stat().st_size > 0
    nowhere = demo(
        "report", "shipments", "--out", str(tmp_path / "no" / "x.pdf"), user="supervisor"
    )
    assert nowhere.code == 2 and "does not exist" in nowhere.err
