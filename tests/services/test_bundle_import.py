"""Importing a partner lab's shipment bundle, across two labs with two separate databases: the
origin (MX-AICM, SQLite) registers, packs, approves, dispatches and exports; the stand-alone
verifier accepts the bundle without the app; the receiving lab (US-OFS, SQLite and
PostgreSQL) adds the partner's key, imports, and receives by scanning the origin's own labels.
Refusals write nothing but the journaled denial."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from import_support import (
    RX_KEY,
    Receiver,
    add_partner,
    dispatched,
    export,
    import_,
    origin_pem,
    record_counts,
)
from import_support import receiver_fixture as receiver_fixture  # pytest fixture
from svc_support import Snapshot, journal_rows

from custody import verifier
from custody.db.models import SampleOrigin, Shipment, WitnessCheckpoint
from custody.domain.enums import SampleStatus, ShipmentStatus
from custody.domain.text import grouped
from custody.errors import Conflict, ValidationError
from custody.services import audit, lookup, receipt_closing, receiving
from custody.services.shipment_views import list_shipments
from lab_support import Lab


def _scan(rx: Receiver, shipment_id: int, raw: str, **kw: Any) -> receiving.ScanResult:
    return rx.as_(rx.clerk).perform(
        "scan", lambda w: receiving.scan(w, shipment_id, raw, RX_KEY, **kw)
    )


def run_verifier(bundle: Path, pem: Path, workdir: Path) -> subprocess.CompletedProcess[str]:
    """The bundle's own verify_bundle.py, run with a clean environment where importing the
    Custody application fails."""
    with zipfile.ZipFile(bundle) as zf:
        script = workdir / "verify_bundle.py"
        script.write_bytes(zf.read("verify_bundle.py"))
    code = (
        "import runpy, sys\n"
        "sys.modules['custody'] = None\n"
        f"sys.argv = ['verify_bundle.py', {str(bundle)!r}, '--key', {str(pem)!r}]\n"
        f"runpy.run_path({str(script)!r}, run_name='__main__')\n"
    )
    return subprocess.run(
        [sys.executable, "-I", "-c", code],
        env={"PATH": os.environ.get("PATH", "")},
        cwd=workdir,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_round_trip_two_labs_reception_by_the_origins_labels(
    sqlite_lab: Lab, receiver: Receiver, tmp_path: Path
) -> None:
    sent = dispatched(sqlite_lab)
    bundle = export(sqlite_lab, sent, tmp_path / "shipment.zip")
    pem = origin_pem(sqlite_lab, tmp_path)
    checked = run_verifier(bundle, pem, tmp_path)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "VALID: shipment bundle from MX-AICM" in checked.stdout

    rx = receiver
    added = add_partner(rx, pem.read_bytes())
    assert added.fingerprint == sqlite_lab.ctx.signer().fingerprint
    done = import_(rx, bundle)
    number = sent.shipped.shipment.manifest_number
    assert (done.manifest_number, done.origin, done.origin_lab) == (
        number,
        "MX-AICM",
        "Laboratorio Central AICM",
    )
    assert (done.packages, done.samples, done.labels) == (2, 3, 6)
    (row,) = receiver.ctx.query(list_shipments)  # the list says where it comes from
    assert (row.manifest_number, row.consignee) == (number, "← Laboratorio Central AICM")
    assert done.bundle_sha256 == hashlib.sha256(bundle.read_bytes()).hexdigest()
    with zipfile.ZipFile(bundle) as zf:
        desc = json.loads(zf.read(verifier.BUNDLE_JSON))
    cp = desc["checkpoint"]
    assert (done.checkpoint_size, done.checkpoint_head, done.checkpoint_key) == (
        cp["size"],
        cp["head"],
        cp["key"],
    )
    sid = done.shipment_id

    # what was created: a dispatched shipment of the origin, samples in transit with its codes
    def records(w: Any) -> tuple[Any, ...]:
        s = w.session.get(Shipment, sid)
        witness = w.session.query(WitnessCheckpoint).one()
        origins = w.session.query(SampleOrigin).count()
        return (s.status, s.origin, s.origin_lab, s.consignee_id, witness.size, origins)

    assert rx.ctx.query(records) == (
        ShipmentStatus.DISPATCHED,
        "MX-AICM",
        "Laboratorio Central AICM",
        None,
        cp["size"],
        3,
    )
    for origin_view in sent.shipped.samples:
        here = rx.ctx.query(lambda w, c=origin_view.code: lookup.find_sample(w, c))
        assert (here.status, here.net_weight, here.seals) == (
            SampleStatus.IN_TRANSIT,
            origin_view.net_weight,
            origin_view.seals,
        )
        assert here.case_number == "FED/CDMX/AICM/0000001/2026" and here.holder is None
    rows = journal_rows(rx.ctx)
    imported = next(r for r in rows if r["kind"] == "bundle.import")
    assert imported["subject"] == f"shipment:{number}"
    assert imported["data"]["bundle_sha256"] == done.bundle_sha256
    assert imported["data"]["checkpoint"] == {
        "size": cp["size"],
        "head": cp["head"],
        "key": cp["key"],
    }
    per_sample = [r for r in rows if r["kind"] == "sample.import"]
    assert sorted(r["subject"] for r in per_sample) == sorted(
        f"sample:{s.code}" for s in sent.shipped.samples
    )
    shipped_samples = {s["code"]: s for s in desc["shipment"]["samples"]}
    for r in per_sample:
        code = r["subject"].split(":", 1)[1]
        assert r["data"]["origin_seq"] == shipped_samples[code]["last_seq"]
        assert r["data"]["origin_hash"] == shipped_samples[code]["last_hash"]

    # reception by scanning the origin's labels: lower case, a scanner's CR LF suffix
    rx.as_(rx.clerk).perform(
        "receive",
        lambda w: receiving.start(w, sid, sent.manifest.lower() + "\r\n", RX_KEY) and None,
    )
    for raw in sent.packages:
        assert _scan(rx, sid, raw.lower() + "\r\n").outcome == "package"
    # a forged label (one character of its security code changed) is refused at scan
    forged = sent.samples[0][:-1] + ("A" if sent.samples[0][-1] != "A" else "B")
    before = Snapshot(rx.ctx)
    with pytest.raises(ValidationError, match="NOT printed by this lab"):
        _scan(rx, sid, forged)
    before.assert_only_denial()
    for raw in sent.samples:
        assert _scan(rx, sid, raw.lower() + "\r\n", weight="10.0000").outcome == "expected"
    report = rx.as_(rx.clerk).perform("reconcile", lambda w: receiving.reconcile(w, sid))
    assert (report.expected, report.received, report.packages_received) == (3, 3, 2)
    assert report.discrepancies == () and report.clean
    closed = rx.as_(rx.boss).perform("close", lambda w: receipt_closing.close(w, sid))
    assert closed.clean
    for origin_view in sent.shipped.samples:
        here = rx.ctx.query(lambda w, c=origin_view.code: lookup.find_sample(w, c))
        assert here.status is SampleStatus.RECEIVED and here.holder == "Carl Clerk"
    assert rx.as_(rx.boss).query(lambda w: audit.verify(w)).intact


def test_refused_unknown_partner_tampered_bundle_and_a_second_import(
    sqlite_lab: Lab, receiver: Receiver, tmp_path: Path
) -> None:
    sent = dispatched(sqlite_lab, n=2, packages=1)
    bundle = export(sqlite_lab, sent, tmp_path / "shipment.zip")
    rx = receiver
    fingerprint = grouped(sqlite_lab.ctx.signer().fingerprint)

    def refused(path: Path, error: type[Exception], message: str) -> dict[str, Any]:
        before, counts = Snapshot(rx.ctx), record_counts(rx.ctx)
        with pytest.raises(error, match=message) as caught:
            import_(rx, path)
        assert record_counts(rx.ctx) == counts
        denial = before.assert_only_denial()
        assert denial["data"]["action"] == "import"
        assert str(caught.value) == denial["data"]["message"]
        return denial

    # no key registered for the origin: the message says what to do and which key signed it
    denial = refused(bundle, ValidationError, "No partner key is registered for MX-AICM")
    assert fingerprint in denial["data"]["message"] and denial["subject"] == "partner:MX-AICM"

    # one byte of journal.jsonl's stored bytes flipped: refused, nothing imported
    add_partner(rx, origin_pem(sqlite_lab, tmp_path).read_bytes())
    data = bundle.read_bytes()
    with zipfile.ZipFile(bundle) as zf:
        info = zf.getinfo(verifier.JOURNAL)
    header = info.header_offset
    name_len = int.from_bytes(data[header + 26 : header + 28], "little")
    extra_len = int.from_bytes(data[header + 28 : header + 30], "little")
    start = header + 30 + name_len + extra_len  # journal.jsonl's stored (deflated) bytes
    assert info.compress_type == zipfile.ZIP_DEFLATED

    def tampered(at: int, value: Callable[[int], int]) -> Path:
        changed = bytearray(data)
        changed[at] = value(changed[at])
        path = tmp_path / f"tampered-{at}.zip"
        path.write_bytes(bytes(changed))
        return path

    # one bit in the middle: the member no longer inflates to its signed bytes (or at all)
    middle = tampered(start + info.compress_size // 2, lambda b: b ^ 0x01)
    message = refused(middle, ValidationError, "The bundle is refused: ")["data"]["message"]
    assert "journal.jsonl" in message, message
    # the first byte: an invalid deflate block (zlib.error inside zipfile)
    broken = tampered(start, lambda b: 0xFF)
    refused(broken, ValidationError, "The bundle is refused: journal.jsonl is damaged inside")

    done = import_(rx, bundle)
    assert done.samples == 2
    refused(bundle, Conflict, "This bundle was imported already")
    # a fresh export of the same shipment is another bundle, but the shipment is here already
    again = export(sqlite_lab, sent, tmp_path / "again.zip")
    refused(again, Conflict, f"Shipment {done.manifest_number} exists here already")


def test_a_bundle_signed_by_a_key_not_registered_for_its_origin(
    sqlite_lab: Lab, receiver: Receiver, tmp_path: Path
) -> None:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    sent = dispatched(sqlite_lab, n=1, packages=1)
    bundle = export(sqlite_lab, sent, tmp_path / "shipment.zip")
    other = (
        Ed25519PrivateKey.generate()
        .public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    )
    add_partner(receiver, other)
    before = Snapshot(receiver.ctx)
    with pytest.raises(ValidationError, match="which is not a trusted key"):
        import_(receiver, bundle)
    before.assert_only_denial()
