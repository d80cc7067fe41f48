"""What a shipment bundle says about its shipment: which journal entries travel in the extract,
and the "shipment" section of custody-bundle.json that the receiving lab imports.

The extract holds every entry about the shipment, about each sample on it (and the samples
they were taken from), about their cases, and the lab's set-up and key entries. The section
repeats the records as they stand (with the exact label texts printed, so the receiving lab
recognises the labels when scanned); `services.bundle_content` is its reader at the other end.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from custody.db import export_queries, queries, shipping_queries
from custody.db.models import Consignee, Manifest, Sample, Shipment, ShipmentPackage
from custody.domain.canonical import format_utc
from custody.domain.labelcode import Code, LabelKind, encode
from custody.domain.messages import t
from custody.errors import StorageError
from custody.services import labels, manifests
from custody.services.work import Work

LAB_KINDS = ("lab.init", "lab.signing_key", "lab.signing_key.rotate")


@dataclass(frozen=True)
class Plan:
    """A shipment as it will be exported: its manifest, its samples and the subjects whose
    entries make the extract."""

    shipment: Shipment
    manifest: Manifest
    rows: list[tuple[int, Sample, str, str, int, str, datetime]]  # export_queries
    subjects: frozenset[str]

    @property
    def pdf_name(self) -> str:
        return f"manifests/{self.shipment.manifest_number}-r{self.manifest.revision}.pdf"


def plan(work: Work, shipment: Shipment) -> Plan:
    manifest = manifests.current_row(work, shipment)
    rows = export_queries.shipment_samples(work.session, shipment.id)
    subjects = {f"shipment:{shipment.manifest_number}"}
    subjects |= {f"sample:{row[1].code}" for row in rows}
    subjects |= {f"case:{row[2]}" for row in rows}
    seen = {row[1].id for row in rows}
    parents = {row[1].parent_id for row in rows} - {None} - seen
    while parents:  # sub-samples: the samples they were taken from, up to the first
        found = export_queries.sample_codes(work.session, (p for p in parents if p is not None))
        subjects |= {f"sample:{code}" for code, _ in found.values()}
        seen |= set(found)
        parents = {parent for _, parent in found.values()} - {None} - seen
    return Plan(shipment, manifest, rows, frozenset(subjects))


def extract(work: Work, subjects: frozenset[str], size: int) -> dict[int, tuple[str, str]]:
    """The extract's entries ≤ `size`: seq -> (hash, subject) (the lab's key entries have
    subject "lab"), through the journal's subject and kind indexes."""
    found = {
        seq: (digest, subject)
        for seq, digest, subject in export_queries.entries_of_subjects(work.session, subjects, size)
    }
    for seq, digest in export_queries.entries_of_kinds(work.session, LAB_KINDS, size):
        found.setdefault(seq, (digest, "lab"))
    return dict(sorted(found.items()))


def _newest(entries: dict[int, tuple[str, str]]) -> dict[str, tuple[int, str]]:
    newest: dict[str, tuple[int, str]] = {}
    for seq, (digest, subject) in entries.items():  # in seq order: the last one wins
        newest[subject] = (seq, digest)
    return newest


def _utc(moment: datetime | None) -> str | None:
    return None if moment is None else format_utc(moment)


def _label(kind: LabelKind, body: str, serial: int | None, label_key: bytes) -> str | None:
    return None if serial is None else encode(Code(kind, body, serial), label_key)


def _manifest_label(work: Work, plan: Plan, label_key: bytes) -> str:
    """The QR text on the current manifest, rebuilt with `label_key` and compared with what was
    printed: a wrong key file would make every label text in the bundle unscannable."""
    body = labels.shipment_key(plan.shipment.id)
    text = encode(Code(LabelKind.SHIPMENT, body, plan.manifest.label_serial), label_key)
    if text != manifests.stored_content(plan.manifest).qr_payload:
        raise StorageError(
            t(
                "The label key file is not the one manifest {number} was printed with; "
                "restore this lab's label key before exporting.",
                number=plan.shipment.manifest_number,
            )
        )
    return text


def _samples(
    work: Work, plan: Plan, label_key: bytes, entries: dict[int, tuple[str, str]]
) -> list[dict[str, Any]]:
    session, shipment = work.session, plan.shipment
    seals = shipping_queries.shipment_sample_seals(session, shipment.id)
    serials = export_queries.active_serials(
        session, LabelKind.SAMPLE.value, (row[1].code_key for row in plan.rows)
    )
    newest = _newest(entries)
    out = []
    for package, sample, case_number, institution, exhibit, port, seized_at in plan.rows:
        last_seq, last_hash = newest[f"sample:{sample.code}"]
        out.append(
            {
                "code": sample.code,
                "package": package,
                "description": sample.description,
                "presumptive_substance": sample.presumptive_substance,
                "form": sample.form.value,
                "unit_count": sample.unit_count,
                "net_weight": str(sample.net_weight),
                "hazard": sample.hazard,
                "seals": seals.get(sample.id, []),
                "label": _label(
                    LabelKind.SAMPLE, sample.code_key, serials.get(sample.code_key), label_key
                ),
                "case_number": case_number,
                "institution": institution,
                "exhibit": exhibit,
                "port": port,
                "seized_at": format_utc(seized_at),
                "last_seq": last_seq,
                "last_hash": last_hash,
            }
        )
    return out


def _packages(work: Work, shipment: Shipment, label_key: bytes) -> list[dict[str, Any]]:
    packages = queries.rows_where(work.session, ShipmentPackage, "number", shipment_id=shipment.id)
    numbers = [p.number for p in packages]
    seals = shipping_queries.package_seals(work.session, shipment.id)
    bodies = {n: labels.shipment_key(shipment.id, n) for n in numbers}
    serials = export_queries.active_serials(work.session, LabelKind.SHIPMENT.value, bodies.values())
    return [
        {
            "number": n,
            "seals": seals.get(n, []),
            "label": _label(LabelKind.SHIPMENT, bodies[n], serials.get(bodies[n]), label_key),
        }
        for n in numbers
    ]


def section(
    work: Work, plan: Plan, label_key: bytes, entries: dict[int, tuple[str, str]]
) -> dict[str, Any]:
    """The "shipment" section of custody-bundle.json (`entries`: the extract, for each
    sample's newest entry)."""
    shipment, manifest = plan.shipment, plan.manifest
    consignee = (
        work.session.get(Consignee, shipment.consignee_id) if shipment.consignee_id else None
    )
    return {
        "manifest_number": shipment.manifest_number,
        "revision": manifest.revision,
        "status": shipment.status.value,
        "consignee": consignee.name if consignee else None,
        "consignee_address": consignee.address if consignee else None,
        "carrier": shipment.carrier,
        "waybill": shipment.waybill,
        "transport_mode": shipment.transport_mode,
        "conditions": shipment.conditions,
        "approved_at": _utc(shipment.approved_at),
        "dispatched_at": _utc(shipment.dispatched_at),
        "carrier_agent": shipment.carrier_agent,
        "manifest_pdf": plan.pdf_name,
        "manifest_sha256": manifest.sha256,
        "manifest_fingerprint": manifest.fingerprint,
        "manifest_content": manifest.content,
        "manifest_label": _manifest_label(work, plan, label_key),
        "packages": _packages(work, shipment, label_key),
        "samples": _samples(work, plan, label_key, entries),
    }
