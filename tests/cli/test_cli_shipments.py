"""A shipment end to end through custody-cli on a real SQLite file: consignees, create, package,
pack by ID and by scanned label, approve and dispatch with re-entered passwords, the manifest
PDF read back, receipt by the manifest's QR, a scanner session, reconcile, resolve, close."""

from __future__ import annotations

import hashlib
import json

from cli_support import Cli, journal_kinds
from cli_support import demo_fixture as demo_fixture  # pytest fixtures
from cli_support import demo_run_fixture as demo_run_fixture
from ship_cli_support import (
    CONSIGNEE,
    SAMPLES,
    approve,
    create,
    in_hand,
    package_payload,
    pdf_text,
    qr_payloads,
    sample_labels,
    scan_session,
    sign,
)
from ship_cli_support import ship_fixture as ship_fixture

from custody.domain.ids import parse_human


def test_consignees_listed_added_updated_and_archived(ship: Cli) -> None:
    empty = ship("consignee", "list", user="clerk")
    assert empty.code == 0 and "0 consignee(s)" in empty.out, empty
    assert "consignee defaults" in empty.out
    added = ship("consignee", "defaults", user="supervisor")
    assert added.code == 0, added
    assert added.out.count("added: DEA ") == 3 and CONSIGNEE in added.out
    again = ship("consignee", "defaults", user="supervisor")
    assert "nothing was added" in again.out
    mine = ship(
        "consignee", "add", "Laboratorio Regional Norte", "--address", "Av. Reforma 1",
        "--address", "Monterrey, N.L.", user="supervisor",
    )  # fmt: skip
    assert mine.code == 0 and "Consignee #4 added: Laboratorio Regional Norte" in mine.out, mine
    clerk = ship("consignee", "add", "Other", "--address", "x", user="clerk")
    assert clerk.code == 1 and "refused:" in clerk.err and journal_kinds(ship.db)[-1] == "denied"
    archived = ship("consignee", "update", "laboratorio regional norte", "--archive",
                    user="supervisor")  # fmt: skip
    assert archived.code == 0 and "(archived: no new shipments to it)" in archived.out, archived
    same = ship("consignee", "update", "4", "--archive", user="supervisor")
    assert "nothing changed" in same.out
    listed = json.loads(ship("consignee", "list", "--all", "--json", user="clerk").out)
    assert [(c["name"], c["active"]) for c in listed][-1] == ("Laboratorio Regional Norte", False)
    assert listed[-1]["address"] == "Av. Reforma 1\nMonterrey, N.L."
    assert "Norte" not in ship("consignee", "list", user="clerk").out
    refused = ship("shipment", "create", "--consignee", "4", user="clerk")
    assert refused.code == 1 and "is archived" in refused.err, refused


def test_a_shipment_from_packing_to_a_clean_close(ship: Cli) -> None:
    in_hand(ship)
    payloads = sample_labels(ship)
    manifest, number = create(ship)
    assert manifest.startswith("MX-AICM-M-") and manifest.endswith("-0001")
    package = ship("shipment", "package", manifest, "--seal", "OUT-0001", "--seal", "OUT-0002",
                   user="clerk")  # fmt: skip
    assert "Package 1 added to" in package.out and "OUT-0001, OUT-0002" in package.out, package

    # by human ID, by compact code (a typed scan) and by the scanned label's QR payload
    first, second, third = SAMPLES
    code = parse_human(second).compact  # what a scanner reads from the ID's barcode
    pack = ship("shipment", "pack", str(number), "--package", "1", first, code,
                payloads[third].lower(), user="clerk")  # fmt: skip
    assert pack.code == 0, pack
    for sample in SAMPLES:
        assert f"{sample} packed into package 1 of {manifest}." in pack.out
    assert "Package 1 now holds 3 sample(s)" in pack.out

    # dispatch and the manifest need an approval first
    early = ship("shipment", "dispatch", manifest, "--carrier-agent", "J. Pérez", user="clerk",
                 **sign("clerk"))  # fmt: skip
    assert early.code == 1 and "must be approved" in early.err, early
    assert f"Shipment {manifest} was NOT dispatched. Nothing was signed" in early.err
    pdf = ship.home / "manifest.pdf"
    none_yet = ship("manifest", manifest, "--out", str(pdf), user="clerk")
    assert none_yet.code == 1 and "has no manifest yet" in none_yet.err, none_yet
    assert not pdf.exists()

    approved = approve(ship, manifest)
    assert f"Shipment {manifest} approved by Dra. Mariana López Ortega." in approved.out
    sha = approved.out.split("manifest revision 1 issued, SHA-256 ")[1].split()[0]
    dispatched = ship("shipment", "dispatch", manifest, "--carrier-agent",
                      "Juan Pérez, DHL, badge 4471", user="clerk", **sign("clerk"))  # fmt: skip
    assert dispatched.code == 0, dispatched
    assert "3 sample(s) in 1 package(s) handed to Juan Pérez, DHL, badge 4471" in dispatched.out

    # the manifest as issued: byte for byte, every sample on it, its QR starts the receipt
    written = ship("manifest", manifest, "--out", str(pdf), user="clerk")
    assert written.code == 0, written
    assert f"Manifest {manifest} revision 1 written to {pdf}" in written.out
    assert hashlib.sha256(pdf.read_bytes()).hexdigest() == sha
    assert f"SHA-256      {sha}" in written.out and "fingerprint  " in written.out
    text = pdf_text(pdf)
    assert manifest in text and all(sample in text for sample in SAMPLES)
    copy = ship.home / "copy.pdf"
    assert ship("manifest", str(number), "--out", str(copy), user="clerk").code == 0
    assert copy.read_bytes() == pdf.read_bytes()
    (manifest_qr,) = qr_payloads(pdf, dpi=150)[:1]

    started = ship("shipment", "receive", manifest, "--manifest", manifest_qr, user="clerk")
    assert started.code == 0, started
    assert f"Receipt of {manifest} started (manifest revision 1)" in started.out
    one = ship("shipment", "receive", manifest, "--scan", payloads[third], "--weight", "10.0001",
               "--notes", "bag intact", user="clerk")  # fmt: skip
    assert one.code == 0 and f"{third} received." in one.out, one
    session = scan_session(ship, manifest, [
        package_payload(ship, number, 1), payloads[first], "", payloads[second],
        payloads[first], "GARBAGE-NOT-A-LABEL",
    ])  # fmt: skip
    assert session.code == 1, session
    lines = session.out.splitlines()
    assert lines[0].split()[:2] == ["1", "package"] and "Package 1 received." in lines[0]
    assert lines[1].split()[:3] == ["2", "received", first]
    assert lines[2].split()[:3] == ["3", "received", second]
    assert lines[3].split()[:2] == ["4", "DUPLICATE"] and "scanned already" in lines[3]
    assert lines[4].split()[:4] == ["5", "REFUSED", "Scan", "refused:"]
    assert "label codes contain only letters A-Z and digits 0-9" in lines[4]
    assert "5 scan(s): 2 received, 1 package(s), 1 duplicate(s), 0 extra, 1 refused." in lines
    assert journal_kinds(ship.db)[-1] == "denied"  # the garbage scan, journaled

    report = ship("shipment", "reconcile", manifest, user="clerk")
    assert report.code == 1, report
    assert "samples    expected 3, received 3" in report.out
    assert "packages   expected 1, received 1" in report.out
    (line,) = [row for row in report.out.splitlines() if "duplicate" in row.split()]
    assert first in line and "[OPEN]" in line
    discrepancy = line.split()[0].lstrip("#")
    refused = ship("shipment", "close", manifest, user="supervisor")
    assert refused.code == 1 and "cannot be closed as clean" in refused.err, refused
    resolved = ship("shipment", "resolve", discrepancy, "--resolution",
                    "the clerk scanned the same bag twice", user="supervisor")  # fmt: skip
    assert resolved.code == 0, resolved
    assert f"Discrepancy #{discrepancy} (duplicate) resolved" in resolved.out
    clean = ship("shipment", "reconcile", manifest, user="clerk")
    assert clean.code == 0 and "(0 open, 1 resolved)" in clean.out, clean
    closed = ship("shipment", "close", manifest, user="supervisor")
    assert closed.code == 0 and f"Shipment {manifest} closed clean" in closed.out, closed

    shown = ship("shipment", "show", manifest, user="clerk")
    assert "status         reconciled" in shown.out, shown
    assert "carrier agent  Juan Pérez, DHL, badge 4471" in shown.out
    assert "America/Mexico_City" in shown.out and " UTC by Lucía Hernández Cruz" in shown.out
    assert "(clean)" in shown.out and "outer seals OUT-0001, OUT-0002" in shown.out
    data = json.loads(ship("shipment", "show", manifest.lower(), "--json", user="clerk").out)
    assert data["status"] == "reconciled" and data["closed_clean"] is True
    assert data["manifest_sha256"] == sha and data["sample_count"] == 3
    assert data["packages"][0]["samples"] == sorted(SAMPLES)
    listed = json.loads(ship("shipment", "list", "--status", "reconciled", "--json",
                             user="clerk").out)  # fmt: skip
    assert [(r["manifest_number"], r["samples"]) for r in listed] == [(manifest, 3)]
    verify = ship("verify", user="clerk")
    assert verify.code == 0 and "INTACT" in verify.out, verify
