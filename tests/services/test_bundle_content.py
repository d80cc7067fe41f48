"""What the verifier does not check and the importer must: bundles signed by the origin's real
key (real exports of the wrong kind or status, and test-written ones with odd content) are
refused for what they say, and nothing but the denial is written."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from import_support import (
    KEY,
    Sent,
    add_partner,
    dispatched,
    export,
    import_,
    origin_pem,
    receiving_lab,
    record_counts,
)
from ship_support import approve, packed
from svc_support import Snapshot

from bundle_support import Edit, write_bundle
from custody.errors import Conflict, ValidationError
from custody.services import bundles
from lab_support import Lab


def _crafted(origin: Lab, sent: Sent, path: Path, **kw: Any) -> Path:
    return write_bundle(origin.as_(origin.supervisor), sent.shipped.id, KEY, path, **kw)


def test_content_the_importer_refuses(sqlite_lab: Lab, tmp_path: Path, make_ctx: Any) -> None:
    (tmp_path / "ofs").mkdir()
    rx = receiving_lab(make_ctx(f"sqlite+pysqlite:///{tmp_path / 'ofs' / 'ofs.sqlite'}"))
    add_partner(rx, origin_pem(sqlite_lab, tmp_path).read_bytes())
    early = packed(sqlite_lab, 2, 1)
    approve(sqlite_lab, early)
    sent = dispatched(sqlite_lab, n=2, packages=1)

    def refused(path: Path, message: str) -> None:
        before, counts = Snapshot(rx.ctx), record_counts(rx.ctx)
        with pytest.raises(ValidationError, match=message):
            import_(rx, path)
        assert record_counts(rx.ctx) == counts
        before.assert_only_denial()

    # real exports that are valid bundles, but not of a shipment on its way here
    boss = sqlite_lab.as_(sqlite_lab.supervisor)
    signer = boss.signer()
    audit_zip = tmp_path / "journal.zip"
    boss.perform("export", lambda w: bundles.export_journal(w, signer, audit_zip))
    refused(audit_zip, "This is 'audit' bundle, not a shipment")
    approved_only = export(sqlite_lab, Sent(early, [], [], ""), tmp_path / "approved.zip")
    refused(approved_only, "shipment MX-AICM-M-2026-0001 is approved, not dispatched")

    # signed by the origin's real key, but what they say is wrong
    def swap_labels(desc: dict[str, Any]) -> None:
        a, b = desc["shipment"]["samples"]
        a["label"], b["label"] = b["label"], a["label"]

    def other_content(desc: dict[str, Any]) -> None:
        content = json.loads(desc["shipment"]["manifest_content"])
        content["carrier"] = "Someone Else"
        desc["shipment"]["manifest_content"] = json.dumps(content)

    def older_entry(desc: dict[str, Any]) -> None:
        desc["shipment"]["samples"][0]["last_seq"] = 1

    def bad_weight(desc: dict[str, Any]) -> None:
        desc["shipment"]["samples"][0]["net_weight"] = "-1"

    def lost_package(desc: dict[str, Any]) -> None:
        desc["shipment"]["samples"][1]["package"] = 7

    cases: list[tuple[Edit, str]] = [
        (swap_labels, "is not its label code"),
        (other_content, "content is not the one issued at approval"),
        (older_entry, r"last entry of MX-AICM-2026-\d+ \(1\) is not in the extract"),
        (bad_weight, "cannot be negative"),
        (lost_package, "travel in package 7, which is not listed"),
    ]
    for i, (edit, message) in enumerate(cases):
        refused(_crafted(sqlite_lab, sent, tmp_path / f"crafted-{i}.zip", edit=edit), message)
    # the same writer's faithful bundle imports: the refusals above are about their content
    fine = import_(rx, _crafted(sqlite_lab, sent, tmp_path / "fine.zip"))
    assert fine.samples == 2 and fine.labels == 4  # manifest, package, two samples

    # a seal number this lab holds already (seal numbers are unique): refused, not merged
    later = dispatched(sqlite_lab, n=1, packages=1)
    used = sent.shipped.samples[0].seals[0]

    def reused_seal(desc: dict[str, Any]) -> None:
        desc["shipment"]["samples"][0]["seals"] = [used]

    clash = _crafted(sqlite_lab, later, tmp_path / "clash.zip", edit=reused_seal)
    before, counts = Snapshot(rx.ctx), record_counts(rx.ctx)
    with pytest.raises(Conflict, match=f"Seal number {used} is used here already"):
        import_(rx, clash)
    assert record_counts(rx.ctx) == counts
    before.assert_only_denial()
