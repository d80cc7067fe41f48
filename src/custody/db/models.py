"""Record tables: the current state. Every change to them is explained by the journal."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from custody.db.base import DIGEST, Base, enum_column
from custody.db.shipping import Discrepancy as Discrepancy
from custody.db.shipping import Manifest as Manifest
from custody.db.shipping import ReceiptScan as ReceiptScan
from custody.db.shipping import Signature as Signature
from custody.db.trust_models import ForeignLabel as ForeignLabel
from custody.db.trust_models import PartnerKey as PartnerKey
from custody.db.trust_models import SampleOrigin as SampleOrigin
from custody.db.trust_models import SigningKey as SigningKey
from custody.db.trust_models import WitnessCheckpoint as WitnessCheckpoint
from custody.db.types import Grams, UTCDateTime
from custody.domain.enums import (
    EventType,
    LocationKind,
    Role,
    SampleForm,
    SampleStatus,
    SealState,
    ShipmentStatus,
)


class LabSettings(Base):
    """One row: the lab's identity. Created by `init`."""

    __tablename__ = "lab_settings"
    id: Mapped[int] = mapped_column(primary_key=True)
    lab_name: Mapped[str] = mapped_column(String(200))
    site_prefix: Mapped[str] = mapped_column(String(20))
    timezone: Mapped[str] = mapped_column(String(64))
    reweigh_tolerance_percent: Mapped[str] = mapped_column(String(12))  # decimal text, e.g. "0.5"
    reweigh_tolerance_grams: Mapped[Decimal] = mapped_column(Grams())
    address: Mapped[str | None] = mapped_column(Text)  # printed as the shipper on manifests
    checkpoint_interval: Mapped[int | None] = mapped_column(Integer)  # sign every N entries
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class IdCounter(Base):
    """Last sequential number per ID prefix and year."""

    __tablename__ = "id_counters"
    __table_args__ = (UniqueConstraint("prefix", "year"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    prefix: Mapped[str] = mapped_column(String(20))
    year: Mapped[int] = mapped_column(Integer)
    last_number: Mapped[int] = mapped_column(Integer)


class Person(Base):
    """A person in the chain: a user of Custody (with role and password) or an outsider."""

    __tablename__ = "people"
    id: Mapped[int] = mapped_column(primary_key=True)
    full_name: Mapped[str] = mapped_column(String(200))
    institution: Mapped[str | None] = mapped_column(String(200))
    position: Mapped[str | None] = mapped_column(String(200))
    badge: Mapped[str | None] = mapped_column(String(64))
    username: Mapped[str | None] = mapped_column(String(64), unique=True)
    role: Mapped[Role | None] = mapped_column(enum_column(Role))
    password_hash: Mapped[str | None] = mapped_column(String(255), info=DIGEST)
    active: Mapped[bool] = mapped_column()
    failed_logins: Mapped[int] = mapped_column(Integer)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class Location(Base):
    """A place where samples are kept: vault › shelf › box."""

    __tablename__ = "locations"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[LocationKind] = mapped_column(enum_column(LocationKind))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("locations.id"), index=True)
    active: Mapped[bool] = mapped_column()


class Case(Base):
    __tablename__ = "cases"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_number: Mapped[str] = mapped_column(String(100), unique=True)  # NUC / carpeta
    institution: Mapped[str] = mapped_column(String(200))  # FGR, ANAM, SEMAR, GN...
    rcc_reference: Mapped[str | None] = mapped_column(String(100))
    dea_file_number: Mapped[str | None] = mapped_column(String(100))
    opened_on: Mapped[date] = mapped_column(Date)
    submitter_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class Seizure(Base):
    __tablename__ = "seizures"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    port: Mapped[str] = mapped_column(String(32), index=True)  # AICM, MZO, LZC, OTHER
    place: Mapped[str] = mapped_column(String(200))
    latitude: Mapped[str | None] = mapped_column(String(16))
    longitude: Mapped[str | None] = mapped_column(String(16))
    conveyance: Mapped[str | None] = mapped_column(String(300))  # flight / AWB / vessel...
    seized_at: Mapped[datetime] = mapped_column(UTCDateTime())
    seized_tz: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class Exhibit(Base):
    __tablename__ = "exhibits"
    __table_args__ = (UniqueConstraint("case_id", "number"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    seizure_id: Mapped[int] = mapped_column(ForeignKey("seizures.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    description: Mapped[str] = mapped_column(Text)
    presumptive_substance: Mapped[str | None] = mapped_column(String(200))
    form: Mapped[SampleForm] = mapped_column(enum_column(SampleForm))
    unit_count: Mapped[int | None] = mapped_column(Integer)
    packaging: Mapped[str | None] = mapped_column(String(300))
    gross_weight: Mapped[Decimal | None] = mapped_column(Grams())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class Sample(Base):
    """What travels to the lab. Every sub-sample is a Sample with its own ID."""

    __tablename__ = "samples"
    # Filter by status, exhibit (case, port), location or registration time, page by code
    # (keyset): each index serves its filter and the code order (migrations 0005 and 0006).
    __table_args__ = (
        Index("ix_samples_status_code", "status", "code"),
        Index("ix_samples_exhibit_code", "exhibit_id", "code"),
        Index("ix_samples_location_code", "location_id", "code"),
        Index("ix_samples_created_code", "created_at", "code"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)  # MX-AICM-2026-000123
    code_key: Mapped[str] = mapped_column(String(40), unique=True)  # without hyphens
    exhibit_id: Mapped[int] = mapped_column(ForeignKey("exhibits.id"))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("samples.id"), index=True)
    description: Mapped[str] = mapped_column(Text)
    presumptive_substance: Mapped[str | None] = mapped_column(String(200))
    form: Mapped[SampleForm] = mapped_column(enum_column(SampleForm))
    unit_count: Mapped[int | None] = mapped_column(Integer)
    net_weight: Mapped[Decimal] = mapped_column(Grams())
    balance_id: Mapped[str] = mapped_column(String(64))
    weighed_by_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    weighed_at: Mapped[datetime] = mapped_column(UTCDateTime())
    hazard: Mapped[bool] = mapped_column()
    status: Mapped[SampleStatus] = mapped_column(enum_column(SampleStatus))
    location_id: Mapped[int | None] = mapped_column(ForeignKey("locations.id"))
    holder_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    created_by_id: Mapped[int] = mapped_column(ForeignKey("people.id"))


class Photo(Base):
    """A photograph of a sample or its packaging; its SHA-256 is kept with it."""

    __tablename__ = "photos"
    id: Mapped[int] = mapped_column(primary_key=True)
    sample_id: Mapped[int] = mapped_column(ForeignKey("samples.id"), index=True)
    sha256: Mapped[str] = mapped_column(String(64))
    media_type: Mapped[str] = mapped_column(String(32))
    filename: Mapped[str] = mapped_column(String(255))
    size_bytes: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = mapped_column(LargeBinary)  # journaled as its SHA-256
    added_by_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    added_at: Mapped[datetime] = mapped_column(UTCDateTime())


class Seal(Base):
    """A tamper-evident seal, by serial number: applied, then broken or replaced."""

    __tablename__ = "seals"
    id: Mapped[int] = mapped_column(primary_key=True)
    serial: Mapped[str] = mapped_column(String(64), unique=True)
    sample_id: Mapped[int | None] = mapped_column(ForeignKey("samples.id"), index=True)
    state: Mapped[SealState] = mapped_column(enum_column(SealState))
    applied_at: Mapped[datetime] = mapped_column(UTCDateTime())
    applied_by_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    ended_by_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    end_reason: Mapped[str | None] = mapped_column(Text)
    replaced_by_id: Mapped[int | None] = mapped_column(ForeignKey("seals.id"))
    package_id: Mapped[int | None] = mapped_column(ForeignKey("shipment_packages.id"), index=True)


class CustodyEvent(Base):
    """One custody event. Append-only (database triggers); corrections are new events."""

    __tablename__ = "custody_events"
    id: Mapped[int] = mapped_column(primary_key=True)
    sample_id: Mapped[int] = mapped_column(ForeignKey("samples.id"), index=True)
    event_type: Mapped[EventType] = mapped_column(enum_column(EventType))
    from_person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    to_person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    witness_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    purpose: Mapped[str | None] = mapped_column(Text)
    from_location_id: Mapped[int | None] = mapped_column(ForeignKey("locations.id"))
    to_location_id: Mapped[int | None] = mapped_column(ForeignKey("locations.id"))
    seals_before: Mapped[str | None] = mapped_column(String(300))
    seals_after: Mapped[str | None] = mapped_column(String(300))
    seal_intact: Mapped[bool | None] = mapped_column()
    weight: Mapped[Decimal | None] = mapped_column(Grams())
    balance_id: Mapped[str | None] = mapped_column(String(64))
    notes: Mapped[str | None] = mapped_column(Text)
    auth: Mapped[str] = mapped_column(String(200))  # how each party authenticated
    meaning: Mapped[str | None] = mapped_column(String(200))  # what the signature means
    workstation: Mapped[str] = mapped_column(String(128))
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime())
    zone: Mapped[str] = mapped_column(String(64))
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    corrects_id: Mapped[int | None] = mapped_column(ForeignKey("custody_events.id"))
    reason: Mapped[str | None] = mapped_column(Text)


class Consignee(Base):
    """A receiving laboratory (reference data, e.g. a DEA OFS laboratory)."""

    __tablename__ = "consignees"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    address: Mapped[str] = mapped_column(Text)
    active: Mapped[bool] = mapped_column()


class Shipment(Base):
    """A shipment to a consignee lab: draft → packing → approved → dispatched → received →
    reconciled. ``revision`` is the latest issued manifest revision (0: none issued yet)."""

    __tablename__ = "shipments"
    id: Mapped[int] = mapped_column(primary_key=True)
    manifest_number: Mapped[str] = mapped_column(String(40), unique=True)
    revision: Mapped[int] = mapped_column(Integer)
    consignee_id: Mapped[int | None] = mapped_column(ForeignKey("consignees.id"))
    carrier: Mapped[str | None] = mapped_column(String(200))
    waybill: Mapped[str | None] = mapped_column(String(100))
    transport_mode: Mapped[str | None] = mapped_column(String(50))
    conditions: Mapped[str | None] = mapped_column(Text)
    status: Mapped[ShipmentStatus] = mapped_column(enum_column(ShipmentStatus), index=True)
    manifest_sha256: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    created_by_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    approved_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    approved_by_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    dispatched_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    dispatched_by_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    carrier_agent: Mapped[str | None] = mapped_column(String(300))  # who took it, as printed
    received_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    received_by_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    reconciled_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    reconciled_by_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    closed_clean: Mapped[bool | None] = mapped_column()
    origin: Mapped[str | None] = mapped_column(String(20))  # another lab's prefix: imported
    origin_lab: Mapped[str | None] = mapped_column(String(200))


class ShipmentPackage(Base):
    """A numbered outer container; its outer seals are Seal rows with ``package_id`` set."""

    __tablename__ = "shipment_packages"
    __table_args__ = (UniqueConstraint("shipment_id", "number"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    shipment_id: Mapped[int] = mapped_column(ForeignKey("shipments.id"))
    number: Mapped[int] = mapped_column(Integer)
    received_seal_intact: Mapped[bool | None] = mapped_column()
    received_notes: Mapped[str | None] = mapped_column(Text)


class ShipmentItem(Base):
    """A sample in a shipment, and what the receiving lab found when it scanned it."""

    __tablename__ = "shipment_items"
    __table_args__ = (UniqueConstraint("shipment_id", "sample_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    shipment_id: Mapped[int] = mapped_column(ForeignKey("shipments.id"))
    package_id: Mapped[int | None] = mapped_column(ForeignKey("shipment_packages.id"))
    sample_id: Mapped[int] = mapped_column(ForeignKey("samples.id"), index=True)
    received_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    received_by_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    received_seal_intact: Mapped[bool | None] = mapped_column()
    received_weight: Mapped[Decimal | None] = mapped_column(Grams())
    received_notes: Mapped[str | None] = mapped_column(Text)


class LabelPrint(Base):
    """One printed label: its serial is in the QR payload. A reprint voids the earlier one."""

    __tablename__ = "label_prints"
    __table_args__ = (UniqueConstraint("serial"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(1))  # labelcode.LabelKind value
    body: Mapped[str] = mapped_column(String(40), index=True)  # the record's key in the code
    serial: Mapped[int] = mapped_column(Integer)
    template: Mapped[str] = mapped_column(String(40))
    printed_by_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    printed_at: Mapped[datetime] = mapped_column(UTCDateTime())
    reprint_of_id: Mapped[int | None] = mapped_column(ForeignKey("label_prints.id"))
    reprint_reason: Mapped[str | None] = mapped_column(Text)
    voided: Mapped[bool] = mapped_column()
    voided_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class PrinterCalibration(Base):
    """Per printer and label template: how far to shift what is printed so it lands on the
    label. Offsets are integer hundredths of a millimetre (exact, like weights)."""

    __tablename__ = "printer_calibrations"
    __table_args__ = (UniqueConstraint("printer", "template"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    printer: Mapped[str] = mapped_column(String(200))
    template: Mapped[str] = mapped_column(String(40))
    dx_hmm: Mapped[int] = mapped_column(Integer)  # > 0 moves right
    dy_hmm: Mapped[int] = mapped_column(Integer)  # > 0 moves up
    updated_by_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


# Every table whose rows the journal must explain, in replay/report order.
JOURNALED: tuple[type[Base], ...] = (
    LabSettings,
    IdCounter,
    Person,
    Location,
    Case,
    Seizure,
    Exhibit,
    Sample,
    Photo,
    Seal,
    CustodyEvent,
    Consignee,
    Shipment,
    ShipmentPackage,
    ShipmentItem,
    LabelPrint,
    PrinterCalibration,
    Manifest,
    Signature,
    ReceiptScan,
    Discrepancy,
    SigningKey,
    PartnerKey,
    WitnessCheckpoint,
    ForeignLabel,
    SampleOrigin,
)

# Tables protected from UPDATE and DELETE by database triggers, besides the journal.
APPEND_ONLY = ("custody_events",)
