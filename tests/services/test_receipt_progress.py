"""Receipt progress: what is expected, scanned and missing, read back after real scans."""

from __future__ import annotations

from decimal import Decimal

import pytest
from ship_support import (
    KEY,
    approve,
    dispatch,
    package_payload,
    packed,
    receive,
    sample_payload,
)
from svc_support import Snapshot

from custody.domain.enums import ShipmentStatus
from custody.errors import NotFound
from custody.services import receipt_progress, receiving
from lab_support import Lab


def test_progress_follows_every_scan_and_writes_nothing(lab_db: Lab) -> None:
    shipped = packed(lab_db, 3, packages=2)
    payloads = [sample_payload(lab_db, s) for s in shipped.samples]
    stranger = sample_payload(lab_db, packed(lab_db, 1).samples[0])
    approve(lab_db, shipped)
    dispatch(lab_db, shipped)
    receive(lab_db, shipped)
    ctx = lab_db.as_(lab_db.clerk)

    def read() -> receipt_progress.ReceiptProgress:
        snapshot = Snapshot(ctx)
        got = ctx.query(lambda w: receipt_progress.progress(w, shipped.id))
        assert Snapshot(ctx).__dict__ == snapshot.__dict__  # a read never writes
        return got

    before = read()
    codes = sorted(s.code for s in shipped.samples)
    assert before.status is ShipmentStatus.RECEIVED
    assert [p.number for p in before.packages] == [1, 2]
    assert not any(p.scanned for p in before.packages)
    assert sorted(s.code for s in before.missing) == codes and before.scanned == ()

    def scan(raw: str, **kw: object) -> None:
        ctx.perform("scan", lambda w: receiving.scan(w, shipped.id, raw, KEY, **kw))  # type: ignore[arg-type]

    scan(package_payload(lab_db, shipped, 2), seal_intact=False)
    scan(payloads[0], weight="9.9")
    scan(payloads[0])
    scan(stranger)
    after = read()
    first = shipped.samples[0].code
    assert [(p.number, p.scanned, p.seal_intact) for p in after.packages] == [
        (1, False, None),
        (2, True, False),
    ]
    assert [(s.code, s.seal_intact, s.weight_received) for s in after.scanned] == [
        (first, True, Decimal("9.9000"))
    ]
    assert sorted(s.code for s in after.missing) == [c for c in codes if c != first]
    assert after.duplicates == (first,)
    assert len(after.extra) == 1 and after.extra[0] not in codes


def test_unknown_shipment_is_refused(lab_db: Lab) -> None:
    ctx = lab_db.as_(lab_db.clerk)
    with pytest.raises(NotFound, match="no shipment #999"):
        ctx.query(lambda w: receipt_progress.progress(w, 999))
