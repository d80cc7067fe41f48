"""Report content models: the fingerprint is SHA-256 of the canonical JSON of every field, stable
for equal content and different when any field anywhere (nested ones included) changes."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from custody.domain.canonical import plain_data
from custody.domain.reports import (
    CustodyReport,
    CustodyReportEvent,
    InventoryReport,
    InventoryRow,
    InventorySection,
    SampleIdentity,
    ShipmentSummary,
    ShipmentSummaryRow,
    VerificationStatus,
)

Report = CustodyReport | InventoryReport | ShipmentSummary


def _hash(n: int) -> str:
    return hashlib.sha256(str(n).encode()).hexdigest()


def custody_report(events: int = 3) -> CustodyReport:
    sample = SampleIdentity(
        sample_id="MX-AICM-2026-000123",
        case_number="FED/CDMX/AICM/0004417/2026",
        seizing_institution="FGR",
        exhibit="3",
        parent_sample_id="",
        description="Bolsa con polvo blanco",
        substance="fentanilo",
        form="powder",
        units="",
        net_weight="12.3450",
        balance_id="BAL-07",
        seals=("S-0001", "S-0002"),
        hazard=True,
        status="stored",
        location="VAULT-A › SHELF-2",
        holder="",
    )
    return CustodyReport(
        lab_name="Laboratorio Central",
        sample=sample,
        events=tuple(
            CustodyReportEvent(
                seq=10 * i,
                when=f"2026-09-0{i} 09:00:00 CST (America/Mexico_City)",
                what="Sealed / Sellado",
                who="Tomás Técnico (tomas)",
                workstation="WS-01",
                details=(
                    ("Seals after / Sellos después", f"S-000{i}"),
                    ("Witness / Testigo", "Ana"),
                ),
                entry_hash=_hash(i),
            )
            for i in range(1, events + 1)
        ),
        verification=VerificationStatus(True, 40, 40, _hash(40), "2026-09-30 10:00 CST"),
        generated_at="2026-09-30 10:00 CST (America/Mexico_City)",
        generated_by="Sofía Supervisor (sofia)",
        software="Custody 0.1.0",
    )


def inventory_report() -> InventoryReport:
    rows = tuple(
        InventoryRow(
            f"MX-AICM-2026-{i:06d}", "C-1", str(i), "Bolsa", "stored", ("S-1",), "1.0", False
        )
        for i in range(1, 4)
    )
    return InventoryReport(
        lab_name="Laboratorio Central",
        scope="all",
        sections=(
            InventorySection("SHELF-1", "Estante 1", "VAULT-A › SHELF-1", rows),
            InventorySection("SHELF-2", "Estante 2", "VAULT-A › SHELF-2", rows[:1]),
        ),
        generated_at="2026-09-30 10:00 CST",
        generated_by="Sofía Supervisor (sofia)",
        software="Custody 0.1.0",
    )


def shipment_summary() -> ShipmentSummary:
    row = ShipmentSummaryRow(
        manifest_number="MX-AICM-M-2026-0001",
        revision=1,
        consignee="DEA STRL",
        status="dispatched",
        packages=2,
        samples=14,
        total_net_weight="184.2310",
        created_at="2026-09-01 09:00 CST",
        approved_by="Sofía Supervisor (sofia)",
        approved_at="2026-09-02 10:00 CST",
        carrier="FedEx",
        waybill="7712 3456 9901",
        dispatched_at="2026-09-03 08:00 CST",
        received_at="",
        reconciled_at="",
        open_discrepancies=1,
    )
    return ShipmentSummary(
        lab_name="Laboratorio Central",
        rows=(row, dataclasses.replace(row, manifest_number="MX-AICM-M-2026-0002")),
        generated_at="2026-09-30 10:00 CST",
        generated_by="Sofía Supervisor (sofia)",
        software="Custody 0.1.0",
    )


REPORTS: dict[str, Callable[[], Report]] = {
    "custody": custody_report,
    "inventory": inventory_report,
    "shipments": shipment_summary,
}


def _independent_fingerprint(report: Report) -> str:
    """The documented algorithm, spelled out with the standard library only."""
    text = json.dumps(
        dataclasses.asdict(report), sort_keys=True, separators=(",", ":"), ensure_ascii=False
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _changed(value: Any) -> Any:
    if isinstance(value, bool):
        return not value
    if isinstance(value, int):
        return value + 1
    if isinstance(value, str):
        return value + "x"
    raise TypeError(type(value))


def _variants(obj: Any) -> Iterator[tuple[str, Any]]:
    """(where, a copy of ``obj`` with exactly one leaf value changed) for every leaf, nested
    dataclasses and tuples included; tuples also lose their last item."""
    if dataclasses.is_dataclass(obj):
        for f in dataclasses.fields(obj):
            for where, new in _variants(getattr(obj, f.name)):
                try:
                    yield f"{f.name}.{where}", dataclasses.replace(obj, **{f.name: new})
                except ValueError:  # not valid content (e.g. a failed check without a message)
                    continue
        return
    if isinstance(obj, tuple):
        if obj:
            yield "[-1 dropped]", obj[:-1]
        for i, item in enumerate(obj):
            for where, new in _variants(item):
                yield f"[{i}].{where}", (*obj[:i], new, *obj[i + 1 :])
        return
    yield "", _changed(obj)


@pytest.mark.parametrize("kind", sorted(REPORTS))
def test_fingerprint_is_sha256_of_the_canonical_json_of_every_field(kind: str) -> None:
    report = REPORTS[kind]()
    assert report.fingerprint == _independent_fingerprint(report)
    assert len(report.fingerprint) == 64
    assert set(report.fingerprint_data()) == {f.name for f in dataclasses.fields(report)}


@pytest.mark.parametrize("kind", sorted(REPORTS))
def test_fingerprint_is_stable_for_equal_content(kind: str) -> None:
    first, second = REPORTS[kind](), REPORTS[kind]()
    assert first is not second and first == second
    assert first.fingerprint == second.fingerprint


@pytest.mark.parametrize("kind", sorted(REPORTS))
def test_fingerprint_changes_when_any_field_anywhere_changes(kind: str) -> None:
    report = REPORTS[kind]()
    seen = {report.fingerprint}
    variants = 0
    if isinstance(report, CustodyReport):  # intact → not intact needs a message too
        failed = dataclasses.replace(report.verification, intact=False, message="gap")
        fingerprint = dataclasses.replace(report, verification=failed).fingerprint
        assert fingerprint not in seen
        seen.add(fingerprint)
    for where, variant in _variants(report):
        assert variant.fingerprint not in seen, where
        seen.add(variant.fingerprint)
        variants += 1
    assert variants > 20  # the walk reached the nested fields


def test_order_of_details_and_rows_is_part_of_the_content() -> None:
    report = custody_report()
    event = report.events[0]
    swapped = dataclasses.replace(event, details=tuple(reversed(event.details)))
    other = dataclasses.replace(report, events=(swapped, *report.events[1:]))
    assert other.fingerprint != report.fingerprint

    summary = shipment_summary()
    assert dataclasses.replace(summary, rows=summary.rows[::-1]).fingerprint != summary.fingerprint


def test_fingerprint_does_not_depend_on_the_process() -> None:
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); import test_reports as t; "
        "print(*(t.REPORTS[k]().fingerprint for k in sorted(t.REPORTS)))"
    )
    here = os.path.dirname(__file__)
    outputs = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-c", code, here], env=env, capture_output=True, text=True, check=True
        )
        outputs.add(done.stdout.strip())
    expected = " ".join(REPORTS[k]().fingerprint for k in sorted(REPORTS))
    assert outputs == {expected}


def test_events_must_be_in_journal_order() -> None:
    report = custody_report()
    with pytest.raises(ValueError, match="increasing journal order"):
        dataclasses.replace(report, events=report.events[::-1])
    with pytest.raises(ValueError, match="increasing journal order"):
        dataclasses.replace(report, events=(report.events[0], report.events[0]))


def test_a_failed_verification_must_say_what_diverged() -> None:
    with pytest.raises(ValueError, match="message"):
        VerificationStatus(False, 10, 40, _hash(40), "2026-09-30", message="  ")
    failed = VerificationStatus(False, 10, 40, _hash(40), "2026-09-30", "entry #11: bad hash")
    assert not failed.intact


def test_counts_are_derived_not_stored() -> None:
    inventory = inventory_report()
    assert [s.count for s in inventory.sections] == [3, 1]
    assert inventory.total == 4
    assert shipment_summary().open_discrepancies == 2
    assert "total" not in inventory.fingerprint_data()


def test_plain_data_turns_tuples_into_lists_at_every_depth() -> None:
    data = plain_data({"a": (1, ("x", {"b": ((True, None),)})), "c": "é"})
    assert data == {"a": [1, ["x", {"b": [[True, None]]}]], "c": "é"}
