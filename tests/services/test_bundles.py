"""Signed export bundles: a shipment's bundle (journal extract, manifest, shipment section) and
the auditor's export of the whole journal, checked with the stand-alone verifier as shipped.
SQLite and PostgreSQL; nothing is left behind when an export fails or is refused."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from ship_support import (
    CONSIGNEE,
    KEY,
    Shipped,
    approve,
    dispatch,
    ensure_consignees,
    manifest_payload,
    package_payload,
    packed,
    sample_payload,
    sealed_samples,
)
from svc_support import Snapshot, count, journal_rows

from custody import signing, verifier
from custody.db.models import Manifest, Shipment
from custody.errors import (
    Conflict,
    IllegalTransition,
    PermissionDenied,
    StorageError,
)
from custody.services import bundle_writer, bundles, intake, manifests, seals, shipments
from custody.services.bundle_content import read_shipment
from custody.services.intake import NewSample
from custody.services.work import Work
from lab_support import Lab

SECTION_KEYS = {
    "manifest_number", "revision", "status", "consignee", "consignee_address", "carrier",
    "waybill", "transport_mode", "conditions", "approved_at", "dispatched_at", "carrier_agent",
    "manifest_pdf", "manifest_sha256", "manifest_fingerprint", "manifest_content",
    "manifest_label", "packages", "samples",
}  # fmt: skip
SAMPLE_KEYS = {
    "code", "package", "description", "presumptive_substance", "form", "unit_count",
    "net_weight", "hazard", "seals", "label", "case_number", "institution", "exhibit", "port",
    "seized_at", "last_seq", "last_hash",
}  # fmt: skip


def _with_subsample(lab: Lab) -> Shipped:
    """Two packages: two sealed samples and a sub-sample drawn from a third (which stays)."""
    ensure_consignees(lab)
    first, second, parent = sealed_samples(lab, 3)
    tech = lab.as_(lab.technician)
    tech.perform("open", lambda w: seals.open_sample(w, parent.id, "sampling", seal_intact=True))
    child = tech.perform(
        "sub", lambda w: intake.subsample(w, parent.id, NewSample("sub-sample", "2.5", "BAL-01"))
    )
    child = tech.perform("seal", lambda w: seals.seal(w, child.id, "S-CHILD-1"))
    view = tech.perform(
        "create",
        lambda w: shipments.create(w, CONSIGNEE, carrier="DHL Express", waybill="AWB 1"),
    )
    sid = view.id
    for number in (1, 2):
        tech.perform("pkg", lambda w, n=number: shipments.add_package(w, sid, [f"OUT-{n}"]))
    for sample, number in ((first, 1), (second, 2), (child, 2)):
        view = tech.perform("pack", lambda w, s=sample, n=number: shipments.pack(w, sid, n, s.id))
    return Shipped(view, [first, second, child])


def _export(lab: Lab, shipped: Shipped, target: Path) -> bundles.Exported:
    ctx = lab.as_(lab.supervisor)
    signer = ctx.signer()
    return ctx.perform(
        "export bundle",
        lambda w: bundles.export_shipment(w, shipped.id, signer, KEY, target),
    )


def _manifest(work: Work, shipment_id: int) -> Manifest:
    shipment = work.session.get(Shipment, shipment_id)
    assert shipment is not None
    return manifests.current_row(work, shipment)


def _members(path: Path) -> dict[str, zipfile.ZipInfo]:
    with zipfile.ZipFile(path) as zf:
        return {info.filename: info for info in zf.infolist()}


def _read(path: Path, name: str) -> bytes:
    with zipfile.ZipFile(path) as zf:
        return zf.read(name)


def _lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in _read(path, verifier.JOURNAL).splitlines()]


def test_a_shipment_bundle_verifies_and_carries_exactly_its_shipment(
    lab_db: Lab, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shipped = _with_subsample(lab_db)
    labelled, unlabelled, child = shipped.samples
    sample_label = sample_payload(lab_db, labelled)
    package_label = package_payload(lab_db, shipped, 2)
    (unrelated,) = sealed_samples(lab_db, 1)  # same case, never on the shipment
    approve(lab_db, shipped)
    dispatch(lab_db, shipped)
    target = tmp_path / "bundle.zip"

    done = _export(lab_db, shipped, target)

    report = verifier.verify(target)
    desc = report.bundle
    signer = lab_db.ctx.signer()
    trusted = verifier.verify(target, keys={signer.fingerprint: signer.public_key})
    assert not trusted.trusted_from_bundle and trusted.signer == signer.fingerprint
    number = shipped.shipment.manifest_number
    pdf_name = f"manifests/{number}-r1.pdf"
    assert set(_members(target)) == {
        verifier.BUNDLE_JSON, verifier.BUNDLE_SIG, verifier.JOURNAL, pdf_name,
        f"keys/{signer.fingerprint}.pem", "README.txt", "verify_bundle.py",
    }  # fmt: skip
    assert _read(target, "verify_bundle.py") == Path(verifier.__file__).read_bytes()
    assert _read(target, f"keys/{signer.fingerprint}.pem") == signer.public_pem()
    assert done.sha256 == hashlib.sha256(target.read_bytes()).hexdigest()
    assert (done.path, done.key_fingerprint) == (target, signer.fingerprint)
    assert (desc["kind"], desc["origin"], desc["created_by"]) == ("shipment", "MX-AICM", "sofia")
    # the export is journaled, then covered by the checkpoint that travels in the bundle
    rows = journal_rows(lab_db.ctx)
    export, checkpoint = rows[-2], rows[-1]
    assert (export["kind"], export["subject"]) == ("bundle.export", f"shipment:{number}")
    assert export["data"] == {"kind": "shipment", "file": "bundle.zip", "entries": done.entries}
    assert checkpoint["kind"] == verifier.CHECKPOINT_KIND
    assert checkpoint["data"]["checkpoint"] == desc["checkpoint"]
    assert done.checkpoint_size == desc["checkpoint"]["size"] == export["seq"]
    # the extract: the shipment's, its samples' (and the parent's), the case's, the lab's keys
    case = next(r["subject"] for r in rows if r["kind"] == "case.register")
    wanted = {f"shipment:{number}", case} | {f"sample:{s.code}" for s in shipped.samples}
    wanted.add(f"sample:{child.parent_code}")
    lab_kinds = {"lab.init", "lab.signing_key"}
    expected = [
        r for r in rows[:-1] if r["subject"] in wanted or r["kind"] in lab_kinds
    ]  # every one of them up to the checkpoint, nothing else
    lines = _lines(target)
    assert [line["seq"] for line in lines] == [r["seq"] for r in expected]
    assert len(lines) == done.entries == len(report.extract.entries)
    assert desc["journal"] == {"complete": False, "entries": [[x["seq"], x["hash"]] for x in lines]}
    subjects = {json.loads(line["payload"])["subject"] for line in lines}
    assert f"sample:{unrelated.code}" not in subjects
    assert f"sample:{child.parent_code}" in subjects and "lab" in subjects
    assert all(line["proof"] for line in lines)
    # the shipment section, as the receiving lab reads it
    ship = desc["shipment"]
    assert set(ship) == SECTION_KEYS
    assert (ship["manifest_number"], ship["revision"], ship["status"]) == (number, 1, "dispatched")
    assert (ship["consignee"], ship["carrier"]) == (CONSIGNEE, "DHL Express")
    assert ship["carrier_agent"] == "Juan Pérez, DHL, badge 4471"
    assert ship["manifest_label"] == manifest_payload(lab_db, shipped)
    assert ship["manifest_pdf"] == pdf_name
    stored = lab_db.ctx.query(lambda w: _manifest(w, shipped.id).pdf)
    assert _read(target, pdf_name) == stored
    assert ship["manifest_sha256"] == hashlib.sha256(stored).hexdigest()
    assert [(p["number"], p["seals"], p["label"]) for p in ship["packages"]] == [
        (1, ["OUT-1"], None),
        (2, ["OUT-2"], package_label),
    ]
    by_code = {s["code"]: s for s in ship["samples"]}
    assert list(by_code) == [s.code for s in shipped.samples]
    assert all(set(s) == SAMPLE_KEYS for s in ship["samples"])
    assert by_code[labelled.code]["label"] == sample_label
    assert by_code[unlabelled.code]["label"] is None
    assert by_code[child.code]["seals"] == ["S-CHILD-1"]
    assert by_code[child.code]["net_weight"] == "2.5000"
    assert by_code[child.code]["package"] == 2
    for code, sample in by_code.items():
        newest = [x for x in lines if json.loads(x["payload"])["subject"] == f"sample:{code}"][-1]
        assert (sample["last_seq"], sample["last_hash"]) == (newest["seq"], newest["hash"])
        assert sample["case_number"] == case.removeprefix("case:")
    part = read_shipment(ship)  # the importer's reader accepts it as it is
    assert [s.sample_id.human for s in part.samples] == list(by_code)
    # the verifier as shipped, run as the recipient would
    assert verifier.main([str(target), "--fingerprint", signer.fingerprint]) == 0
    assert "VALID: shipment bundle from MX-AICM" in capsys.readouterr().out
    readme = _read(target, "README.txt").decode()
    assert f"--fingerprint {signer.fingerprint}" in readme and "EN ESPAÑOL" in readme


def test_a_changed_byte_anywhere_is_caught(sqlite_lab: Lab, tmp_path: Path) -> None:
    shipped = packed(sqlite_lab, 1)
    approve(sqlite_lab, shipped)
    target = tmp_path / "bundle.zip"
    _export(sqlite_lab, shipped, target)
    data = target.read_bytes()
    comment = data[-verifier.FILE_SIG_LENGTH :]
    assert comment.startswith(verifier.FILE_SIG_TAG)
    for at, why in ((len(data) - 3, "file signature"), (len(data) // 2, None)):
        broken = tmp_path / f"broken-{at}.zip"
        broken.write_bytes(data[:at] + bytes([data[at] ^ 1]) + data[at + 1 :])
        with pytest.raises(verifier.Invalid, match=why):
            verifier.verify(broken)


def test_refused_exports_write_no_file_and_only_the_denial(lab_db: Lab, tmp_path: Path) -> None:
    shipped = packed(lab_db, 1)
    out = tmp_path / "out"
    out.mkdir()
    target = out / "bundle.zip"
    supervisor = lab_db.as_(lab_db.supervisor)
    signer = supervisor.signer()

    def export() -> None:
        lab_db.ctx.perform(
            "export", lambda w: bundles.export_shipment(w, shipped.id, signer, KEY, target)
        )

    before = Snapshot(lab_db.ctx)
    with pytest.raises(IllegalTransition, match="is packing: its bundle can be exported once"):
        export()
    before.assert_only_denial()
    approve(lab_db, shipped)
    lab_db.as_(lab_db.technician)
    before = Snapshot(lab_db.ctx)
    with pytest.raises(PermissionDenied, match="technician"):
        export()
    before.assert_only_denial()
    assert list(out.iterdir()) == []
    target.write_bytes(b"someone else's file")
    lab_db.as_(lab_db.supervisor)
    before = Snapshot(lab_db.ctx)
    with pytest.raises(Conflict, match="exists already"):
        export()
    before.assert_only_denial()
    assert target.read_bytes() == b"someone else's file"
    assert [p.name for p in out.iterdir()] == ["bundle.zip"]


def test_the_auditor_exports_every_entry_and_it_verifies(lab_db: Lab, tmp_path: Path) -> None:
    shipped = packed(lab_db, 2)
    approve(lab_db, shipped)
    target = tmp_path / "journal.zip"
    seen: list[tuple[int, int]] = []
    auditor = lab_db.as_(lab_db.auditor)
    signer = auditor.signer()

    done = auditor.perform(
        "export journal",
        lambda w: bundles.export_journal(w, signer, target, lambda d, n: seen.append((d, n))),
    )

    report = verifier.verify(target)
    desc = report.bundle
    rows = journal_rows(lab_db.ctx)
    export = rows[-2]
    assert (export["kind"], export["subject"], export["actor"]) == (
        "bundle.export",
        "lab",
        "aurelio",
    )
    assert export["data"] == {"kind": "audit", "file": "journal.zip", "entries": export["seq"]}
    assert (desc["kind"], desc["journal"], desc["shipment"]) == ("audit", {"complete": True}, None)
    assert done.entries == done.checkpoint_size == export["seq"] == len(rows) - 1
    lines = _lines(target)
    assert [x["seq"] for x in lines] == list(range(1, len(rows)))
    assert [json.loads(x["payload"])["kind"] for x in lines] == [r["kind"] for r in rows[:-1]]
    assert all("proof" not in x for x in lines)
    assert seen[-1] == (done.entries, done.entries)
    members = _members(target)
    assert set(members) == {
        verifier.BUNDLE_JSON, verifier.BUNDLE_SIG, verifier.JOURNAL,
        f"keys/{signer.fingerprint}.pem", "README.txt", "verify_bundle.py",
    }  # fmt: skip
    compression = {name: info.compress_type for name, info in members.items()}
    assert compression.pop(verifier.JOURNAL) == zipfile.ZIP_DEFLATED
    assert set(compression.values()) == {zipfile.ZIP_STORED}
    assert done.sha256 == hashlib.sha256(target.read_bytes()).hexdigest()
    lab_db.as_(lab_db.clerk)
    before = Snapshot(lab_db.ctx)
    with pytest.raises(PermissionDenied):
        lab_db.ctx.perform(
            "export", lambda w: bundles.export_journal(w, signer, tmp_path / "clerk.zip")
        )
    before.assert_only_denial()
    assert not (tmp_path / "clerk.zip").exists()


def test_a_failure_while_writing_leaves_no_file_and_no_entry(
    sqlite_lab: Lab, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shipped = packed(sqlite_lab, 1)
    approve(sqlite_lab, shipped)
    ctx = sqlite_lab.as_(sqlite_lab.supervisor)
    signer = ctx.signer()
    entries = count(ctx, "journal")
    out = tmp_path / "out"
    out.mkdir()

    def disk_full(_fd: int) -> None:
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patch:  # the whole file is written, then fsync fails
        patch.setattr(bundle_writer.os, "fsync", disk_full)
        with pytest.raises(StorageError, match="No space left on device"):
            ctx.perform(
                "export",
                lambda w: bundles.export_shipment(w, shipped.id, signer, KEY, out / "a.zip"),
            )
    real_write = bundle_writer.Sink.write
    calls = []

    def fails_midway(self: bundle_writer.Sink, data: bytes) -> None:
        calls.append(len(data))
        if len(calls) == 5:
            raise OSError(5, "Input/output error")
        real_write(self, data)

    with monkeypatch.context() as patch:  # the journal is half written
        patch.setattr(bundle_writer.Sink, "write", fails_midway)
        with pytest.raises(StorageError, match="Input/output error"):
            ctx.perform("export", lambda w: bundles.export_journal(w, signer, out / "b.zip"))
    assert len(calls) == 5
    assert list(out.iterdir()) == []
    assert count(ctx, "journal") == entries  # rolled back: no bundle.export, no checkpoint

    def taken(self: bundle_writer.BundleFile, desc: dict[str, Any]) -> None:
        (out / "c.zip").write_bytes(b"written meanwhile")  # the name is taken before the end
        real_describe(self, desc)

    real_describe = bundle_writer.BundleFile.describe
    with monkeypatch.context() as patch:
        patch.setattr(bundle_writer.BundleFile, "describe", taken)
        with pytest.raises(Conflict, match="exists already"):
            ctx.perform("export", lambda w: bundles.export_journal(w, signer, out / "c.zip"))
    assert [p.name for p in out.iterdir()] == ["c.zip"]
    assert (out / "c.zip").read_bytes() == b"written meanwhile"
    done = ctx.perform("export", lambda w: bundles.export_journal(w, signer, out / "d.zip"))
    assert verifier.verify(done.path).bundle["kind"] == "audit"


def test_a_second_revision_travels_alone_without_the_unpacked_sample(
    lab_db: Lab, tmp_path: Path
) -> None:
    shipped = packed(lab_db, 2)
    kept, removed = shipped.samples
    approve(lab_db, shipped)
    lab_db.as_(lab_db.technician).perform(
        "unpack", lambda w: shipments.unpack(w, shipped.id, removed.id, "kept for re-testing")
    )
    approve(lab_db, shipped)  # revision 2; revision 1 is superseded
    target = tmp_path / "bundle.zip"

    _export(lab_db, shipped, target)

    desc = verifier.verify(target).bundle
    number = shipped.shipment.manifest_number
    assert [n for n in _members(target) if n.startswith("manifests/")] == [
        f"manifests/{number}-r2.pdf"
    ]
    ship = desc["shipment"]
    assert (ship["revision"], [s["code"] for s in ship["samples"]]) == (2, [kept.code])
    assert ship["manifest_label"] == manifest_payload(lab_db, shipped)
    subjects = {json.loads(x["payload"])["subject"] for x in _lines(target)}
    assert f"sample:{removed.code}" not in subjects and f"sample:{kept.code}" in subjects


def test_after_a_key_rotation_the_bundle_carries_both_keys_and_the_rotation(
    sqlite_lab: Lab, tmp_path: Path
) -> None:
    shipped = packed(sqlite_lab, 1)
    approve(sqlite_lab, shipped)
    ctx = sqlite_lab.as_(sqlite_lab.supervisor)
    old = ctx.signer()
    ctx.rotate_signing_key("workstation replaced")
    new = ctx.signer()
    target = tmp_path / "bundle.zip"

    done = _export(sqlite_lab, shipped, target)

    desc = verifier.verify(target).bundle  # with the keys the bundle lists
    assert done.key_fingerprint == new.fingerprint == desc["checkpoint"]["key"]
    listed = {k["fingerprint"]: k for k in desc["keys"]}
    assert set(listed) == {old.fingerprint, new.fingerprint}
    assert listed[old.fingerprint]["retired_at"] is not None
    assert listed[new.fingerprint]["retired_at"] is None
    assert [r["statement"]["new"] for r in desc["rotations"]] == [new.fingerprint]
    for fp in listed:
        assert _read(target, f"keys/{fp}.pem") == signing.public_pem(listed[fp]["public_key"])
    # a recipient who holds only the old key follows the signed rotation to the new one
    assert verifier.verify(target, keys={old.fingerprint: old.public_key}).signer == new.fingerprint
    # and one who holds only the current key accepts the approval checkpoint the old key signed
    assert verifier.verify(target, keys={new.fingerprint: new.public_key}).signer == new.fingerprint
    stranger = Ed25519PrivateKey.generate().public_key().public_bytes_raw().hex()
    with pytest.raises(verifier.Invalid, match="not a trusted key"):
        verifier.verify(target, keys={verifier.fingerprint(stranger): stranger})
