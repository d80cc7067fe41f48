"""What a transfer manifest says, as pure data, and its content fingerprint.

The services build a :class:`ManifestContent` from the database; the renderer
(:mod:`custody.render.manifest_pdf`) draws exactly this and nothing else, so the fingerprint
printed on every page — SHA-256 of the canonical JSON of :meth:`ManifestContent.fingerprint_data`
— can be recomputed from the database by anyone. Everything is text already formatted for print
(dates in the lab's zone with the zone's name, weights as exact decimal grams), so the renderer
makes no decisions a court could ask about.

The superseded marker is not part of the content: marking revision 1 superseded when revision 2
is issued changes how the old PDF looks, not what it attested.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from custody.domain.canonical import canonical_json, plain_data

__all__ = [
    "CheckpointMark",
    "ManifestContent",
    "ManifestPackage",
    "ManifestRow",
    "Party",
    "SignatureBlock",
    "fingerprint",
]


@dataclass(frozen=True)
class Party:
    """Shipper or consignee as printed: a name and a postal address (several lines)."""

    name: str
    address: str


@dataclass(frozen=True)
class ManifestPackage:
    number: int  # 1, 2, … within the shipment
    outer_seals: tuple[str, ...]  # seal numbers on the outer container
    sample_count: int
    net_weight: str  # exact decimal grams of its samples, e.g. "1012.3450"


@dataclass(frozen=True)
class ManifestRow:
    line: int  # 1-based item number on the manifest
    package: int  # package number the sample travels in
    sample_id: str  # MX-AICM-2026-000123
    case_number: str
    exhibit: int
    description: str
    substance: str  # presumptive substance, "" when none stated
    form: str  # powder, tablets, …
    units: str  # unit count as text ("" when not counted)
    net_weight: str  # exact decimal grams
    seals: tuple[str, ...]  # seal numbers on the sample container
    hazard: bool  # potent opioid: hazard line on the manifest


@dataclass(frozen=True)
class SignatureBlock:
    """One signature block. ``signed_at`` empty: left blank on the page for a wet signature."""

    role: str  # "relinquished" | "received" | "witness"
    printed_name: str = ""
    institution: str = ""
    position: str = ""
    signed_at: str = ""  # "2026-11-27 14:05 CST (America/Mexico_City)"
    meaning: str = ""  # "Approved for release", …
    method: str = ""  # "password re-entered at WS-01 (21 CFR 11.200)"


@dataclass(frozen=True)
class CheckpointMark:
    """The lab's signed journal checkpoint made at approval, printed with its QR code. Not part
    of the content fingerprint: it attests the journal, not what the manifest says."""

    origin: str
    size: int  # journal entries covered
    head: str  # hash of the last one (hex)
    key: str  # signing key fingerprint
    code: str  # verifier.checkpoint_code: the whole signed checkpoint as one line


@dataclass(frozen=True)
class ManifestContent:
    manifest_number: str  # MX-AICM-M-2026-0007
    revision: int  # 1, 2, …
    qr_payload: str  # the shipment label code (kind shipment), scanned at reception
    issued_at: str
    shipper: Party
    consignee: Party
    carrier: str
    waybill: str
    transport_mode: str
    conditions: str
    packages: tuple[ManifestPackage, ...]
    rows: tuple[ManifestRow, ...]
    total_net_weight: str  # exact decimal grams of all rows
    signatures: tuple[SignatureBlock, ...]
    software: str = ""  # "Custody 0.3.0, schema 0004"
    notes: tuple[str, ...] = field(default_factory=tuple)
    checkpoint: CheckpointMark | None = None

    def fingerprint_data(self) -> dict[str, Any]:
        """The content as canonical-JSON-ready data (tuples become lists), without the
        checkpoint."""
        data = plain_data(self)
        del data["checkpoint"]
        return data

    @property
    def fingerprint(self) -> str:
        return fingerprint(self)

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> ManifestContent:
        """The inverse of :meth:`fingerprint_data` (a stored revision, rendered again)."""
        fields = dict(data)
        fields["shipper"] = Party(**data["shipper"])
        fields["consignee"] = Party(**data["consignee"])
        fields["packages"] = tuple(
            ManifestPackage(**{**p, "outer_seals": tuple(p["outer_seals"])})
            for p in data["packages"]
        )
        fields["rows"] = tuple(
            ManifestRow(**{**r, "seals": tuple(r["seals"])}) for r in data["rows"]
        )
        fields["signatures"] = tuple(SignatureBlock(**b) for b in data["signatures"])
        fields["notes"] = tuple(data.get("notes", ()))
        return cls(**fields)


def fingerprint(content: ManifestContent) -> str:
    """SHA-256 (hex) of the canonical JSON of the manifest's content."""
    return hashlib.sha256(canonical_json(content.fingerprint_data())).hexdigest()
