"""`custody-cli export-bundle` and `export-journal` end to end on the demo lab: the bundle is
written, verified by the verify_bundle.py it carries (run as the recipient would, outside
Custody), and refusals leave no file."""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from cli_support import DEMO_PASSWORDS, Cli, journal_kinds
from cli_support import demo_fixture as demo_fixture  # pytest fixtures
from cli_support import demo_run_fixture as demo_run_fixture
from ship_cli_support import SAMPLES, approve, packed
from ship_cli_support import ship_fixture as ship_fixture

from custody import cli as cli_module
from custody import verifier

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture(name="run")
def run_fixture(
    ship: Cli, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Run:
    """custody-cli in this process (`custody.cli.main`) on the demo copy, as `user`."""
    for name in list(os.environ):
        if name.startswith("CUSTODY_"):
            monkeypatch.delenv(name)

    def run(*args: str, user: str) -> tuple[int, str, str]:
        monkeypatch.setenv("CUSTODY_USER", user)
        monkeypatch.setenv("CUSTODY_PASSWORD", DEMO_PASSWORDS[user])
        code = cli_module.main(["--db", str(ship.db), *args])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


def _field(text: str, name: str) -> str:
    found = re.search(rf"^  {name} +(.+)$", text, re.MULTILINE)
    assert found is not None, text
    return found.group(1)


def test_export_bundle_writes_a_bundle_its_own_verifier_accepts(
    ship: Cli, run: Run, tmp_path: Path
) -> None:
    manifest, _ = packed(ship)
    approve(ship, manifest)
    target = tmp_path / "out" / "shipment.zip"
    target.parent.mkdir()

    code, out, err = run("export-bundle", manifest.lower(), "--out", str(target), user="supervisor")

    assert code == 0, err
    assert f"Bundle of shipment {manifest} written to {target}" in out
    assert _field(out, "SHA-256") == hashlib.sha256(target.read_bytes()).hexdigest()
    report = verifier.verify(target)
    cp = report.bundle["checkpoint"]
    assert _field(out, "journal entries") == f"{len(report.extract.entries):,}"
    assert _field(out, "checkpoint") == f"{cp['size']:,} entries, signed"
    assert _field(out, "key fingerprint").replace(" ", "") == cp["key"]
    assert {s["code"] for s in report.bundle["shipment"]["samples"]} == set(SAMPLES)
    assert journal_kinds(ship.db)[-2:] == ["bundle.export", "journal.checkpoint"]
    # the recipient: unpack verify_bundle.py and the key, run it with plain Python
    recipient = tmp_path / "recipient"
    with zipfile.ZipFile(target) as zf:
        zf.extract("verify_bundle.py", recipient)
        zf.extract(f"keys/{cp['key']}.pem", recipient)
    checked = subprocess.run(
        [sys.executable, "-I", "verify_bundle.py", str(target), "--key", f"keys/{cp['key']}.pem"],
        cwd=recipient,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert checked.stdout.startswith(f"VALID: shipment bundle from {report.bundle['origin']}")
    again = run("export-bundle", manifest, "--out", str(target), user="supervisor")
    assert again[0] == 1 and "exists already" in again[2], again
    assert journal_kinds(ship.db)[-1] == "denied"


def test_export_bundle_refusals_exit_1_and_write_nothing(
    ship: Cli, run: Run, tmp_path: Path
) -> None:
    manifest, _ = packed(ship)
    target = tmp_path / "bundle.zip"
    code, _, err = run("export-bundle", manifest, "--out", str(target), user="supervisor")
    assert code == 1 and "refused:" in err and "is packing" in err, err
    assert journal_kinds(ship.db)[-1] == "denied"
    approve(ship, manifest)
    code, _, err = run("export-bundle", manifest, "--out", str(target), user="clerk")
    assert code == 1 and "refused:" in err and "clerk" in err, err
    code, _, err = run("export-bundle", "MX-NOPE-9", "--out", str(target), user="supervisor")
    assert code == 1 and "There is no shipment" in err, err
    missing = tmp_path / "no-such-folder" / "bundle.zip"
    code, _, err = run("export-bundle", manifest, "--out", str(missing), user="supervisor")
    assert code == 2 and "does not exist" in err, err
    assert not target.exists() and not missing.parent.exists()


def test_export_journal_writes_every_entry(ship: Cli, run: Run, tmp_path: Path) -> None:
    target = tmp_path / "journal.zip"

    code, out, err = run("export-journal", "--out", str(target), user="supervisor")

    assert code == 0, err
    assert f"The journal written to {target}" in out
    report = verifier.verify(target)
    with sqlite3.connect(ship.db) as conn:
        export_seq = conn.execute(
            "SELECT seq FROM journal WHERE kind = 'bundle.export' ORDER BY seq DESC"
        ).fetchone()[0]
        hashes = dict(conn.execute("SELECT seq, hash FROM journal WHERE seq <= ?", (export_seq,)))
    assert report.bundle["kind"] == "audit" and report.bundle["checkpoint"]["size"] == export_seq
    assert report.extract.entries == hashes
    assert _field(out, "journal entries") == f"{export_seq:,}"
    assert _field(out, "SHA-256") == hashlib.sha256(target.read_bytes()).hexdigest()
    code, _, err = run("export-journal", "--out", str(tmp_path / "x.zip"), user="clerk")
    assert code == 1 and "refused:" in err, err
    assert not (tmp_path / "x.zip").exists()
