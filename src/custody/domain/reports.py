"""What the supervisor reports say, as pure data, and their content fingerprints.

Three reports: the chain-of-custody report of one sample (every event in order, court-ready:
ASTM E1492, ISO/IEC 17025 7.5.2, 21 CFR 11.50, CNPP art. 227), the inventory by location (for a
physical audit of the shelves) and the shipment summary (what is where).

As with :mod:`custody.domain.manifest`, the services build these from the database and the
renderer (:mod:`custody.render.report_pdf`) draws exactly this and nothing else. Every value is
text already formatted for print (dates in the lab's zone with the zone's name, weights as exact
decimal grams). The fingerprint printed on every page is the SHA-256 of the canonical JSON of
*all* the fields, the generation time, person and software included: everything on the paper is
covered, and anyone holding the same data can recompute it.
"""

from __future__ import annotations

import hashlib
import itertools
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from custody.domain.canonical import canonical_json, plain_data

if TYPE_CHECKING:
    pass

__all__ = [
    "CustodyReport",
    "CustodyReportEvent",
    "InventoryReport",
    "InventoryRow",
    "InventorySection",
    "SampleIdentity",
    "ShipmentSummary",
    "ShipmentSummaryRow",
    "VerificationStatus",
]


class _Fingerprinted:
    """Mixin for a frozen report dataclass: its data and the SHA-256 of that data."""

    __slots__ = ()

    def fingerprint_data(self) -> dict[str, Any]:
        """The content as canonical-JSON-ready data (tuples become lists)."""
        return plain_data(self)

    @property
    def fingerprint(self) -> str:
        """SHA-256 (hex) of the canonical JSON of :meth:`fingerprint_data`."""
        return hashlib.sha256(canonical_json(self.fingerprint_data())).hexdigest()


# --- chain-of-custody report ------------------------------------------------------------------


@dataclass(frozen=True)
class SampleIdentity:
    """Who the sample is (CNPP art. 227: identity and original state) and where it is now."""

    sample_id: str  # MX-AICM-2026-000123
    case_number: str
    seizing_institution: str
    exhibit: str  # exhibit number within the case, as printed
    parent_sample_id: str  # "" unless a sub-sample
    description: str
    substance: str  # presumptive substance, "" when none stated
    form: str
    units: str  # "" when not counted
    net_weight: str  # exact decimal grams, "" when never weighed
    balance_id: str
    seals: tuple[str, ...]  # seal numbers on the container now
    hazard: bool  # potent opioid
    status: str
    location: str  # "VAULT-A › SHELF-2", "" when not in storage
    holder: str  # current custodian, printed name (username); "" when in storage


@dataclass(frozen=True)
class CustodyReportEvent:
    """One custody event as printed, with the journal entry that recorded it."""

    seq: int  # journal sequence number
    when: str  # "2026-09-01 09:00:00 CST (America/Mexico_City)"
    what: str  # "Sealed / Sellado"
    who: str  # "Tomás Técnico (tomas)"
    workstation: str
    details: tuple[tuple[str, str], ...]  # (label, value): custodians, seals, signature, …
    entry_hash: str  # hex SHA-256 of the journal entry


@dataclass(frozen=True)
class VerificationStatus:
    """The outcome of verifying the journal chain when the report was made."""

    intact: bool
    entries_checked: int
    head_seq: int
    head_hash: str
    checked_at: str
    message: str = ""  # the first divergence when not intact

    def __post_init__(self) -> None:
        if not self.intact and not self.message.strip():
            raise ValueError("A failed verification needs a message saying what diverged.")


@dataclass(frozen=True)
class CustodyReport(_Fingerprinted):
    """The chain of custody of one sample: its identity and every event, in journal order."""

    lab_name: str
    sample: SampleIdentity
    events: tuple[CustodyReportEvent, ...]
    verification: VerificationStatus
    generated_at: str
    generated_by: str
    software: str

    def __post_init__(self) -> None:
        seqs = [event.seq for event in self.events]
        if any(a >= b for a, b in itertools.pairwise(seqs)):
            raise ValueError("Custody events must be in strictly increasing journal order.")


# --- inventory by location --------------------------------------------------------------------


@dataclass(frozen=True)
class InventoryRow:
    sample_id: str
    case_number: str
    exhibit: str
    description: str
    status: str
    seals: tuple[str, ...]
    net_weight: str  # exact decimal grams, "" when never weighed
    hazard: bool


@dataclass(frozen=True)
class InventorySection:
    """The samples recorded at one location."""

    location_code: str
    location_name: str
    path: str  # "VAULT-A › SHELF-2"
    rows: tuple[InventoryRow, ...]

    @property
    def count(self) -> int:
        return len(self.rows)


@dataclass(frozen=True)
class InventoryReport(_Fingerprinted):
    lab_name: str
    scope: str  # a location code, or "all"
    sections: tuple[InventorySection, ...]
    generated_at: str
    generated_by: str
    software: str

    @property
    def total(self) -> int:
        return sum(section.count for section in self.sections)


# --- shipment summary -------------------------------------------------------------------------


@dataclass(frozen=True)
class ShipmentSummaryRow:
    """One shipment; a stage not reached yet is "" (printed as a dash)."""

    manifest_number: str
    revision: int
    consignee: str
    status: str
    packages: int
    samples: int
    total_net_weight: str  # exact decimal grams
    created_at: str
    approved_by: str
    approved_at: str
    carrier: str
    waybill: str
    dispatched_at: str
    received_at: str
    reconciled_at: str
    open_discrepancies: int


@dataclass(frozen=True)
class ShipmentSummary(_Fingerprinted):
    lab_name: str
    rows: tuple[ShipmentSummaryRow, ...]
    generated_at: str
    generated_by: str
    software: str

    @property
    def open_discrepancies(self) -> int:
        return sum(row.open_discrepancies for row in self.rows)
