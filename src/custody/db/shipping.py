"""Shipment records beyond the shipment itself: issued manifests, e-signatures, the scans made
at reception, and the discrepancies reconciliation finds. (Split from models.py for size;
foreign keys name tables by string, so there is no import cycle.)"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from custody.db.base import DIGEST, Base
from custody.db.types import UTCDateTime


class Manifest(Base):
    """One issued revision of a shipment's transfer manifest: the PDF exactly as issued (a
    reprint gives these bytes back), its SHA-256 and its content fingerprint."""

    __tablename__ = "manifests"
    __table_args__ = (UniqueConstraint("shipment_id", "revision"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    shipment_id: Mapped[int] = mapped_column(ForeignKey("shipments.id"), index=True)
    revision: Mapped[int] = mapped_column(Integer)
    fingerprint: Mapped[str] = mapped_column(String(64))  # SHA-256 of the canonical content
    sha256: Mapped[str] = mapped_column(String(64))  # SHA-256 of the PDF bytes
    pdf: Mapped[bytes] = mapped_column(LargeBinary)  # journaled as its SHA-256
    content: Mapped[str] = mapped_column(Text, info=DIGEST)  # canonical JSON of what it says
    label_serial: Mapped[int] = mapped_column(Integer)  # the QR code's print serial
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime())
    issued_by_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    superseded_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class Signature(Base):
    """An electronic signature on a shipment (21 CFR 11.50/11.70): who, when, what it means,
    how they authenticated, and the manifest content fingerprint it is bound to."""

    __tablename__ = "signatures"
    id: Mapped[int] = mapped_column(primary_key=True)
    shipment_id: Mapped[int] = mapped_column(ForeignKey("shipments.id"), index=True)
    role: Mapped[str] = mapped_column(String(20))  # relinquished | witness | received
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    printed_name: Mapped[str] = mapped_column(String(200))
    institution: Mapped[str | None] = mapped_column(String(200))
    position: Mapped[str | None] = mapped_column(String(200))
    meaning: Mapped[str] = mapped_column(String(200))
    method: Mapped[str] = mapped_column(String(200))
    bound_to: Mapped[str] = mapped_column(String(64))  # manifest content fingerprint
    signed_at: Mapped[datetime] = mapped_column(UTCDateTime())
    workstation: Mapped[str] = mapped_column(String(128))


class ReceiptScan(Base):
    """Every scan made while receiving a shipment, in order: expected, duplicate or extra."""

    __tablename__ = "receipt_scans"
    id: Mapped[int] = mapped_column(primary_key=True)
    shipment_id: Mapped[int] = mapped_column(ForeignKey("shipments.id"), index=True)
    sample_id: Mapped[int | None] = mapped_column(ForeignKey("samples.id"))
    outcome: Mapped[str] = mapped_column(String(20))  # expected | duplicate | extra
    scanned_at: Mapped[datetime] = mapped_column(UTCDateTime())
    scanned_by_id: Mapped[int] = mapped_column(ForeignKey("people.id"))


class Discrepancy(Base):
    """What reconciliation found wrong with a received shipment, until someone resolves it."""

    __tablename__ = "discrepancies"
    id: Mapped[int] = mapped_column(primary_key=True)
    shipment_id: Mapped[int] = mapped_column(ForeignKey("shipments.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # missing | extra | duplicate | seal | weight
    sample_id: Mapped[int | None] = mapped_column(ForeignKey("samples.id"))
    package_number: Mapped[int | None] = mapped_column(Integer)
    detail: Mapped[str] = mapped_column(Text)
    found_at: Mapped[datetime] = mapped_column(UTCDateTime())
    resolution: Mapped[str | None] = mapped_column(Text)
    resolved_by_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
