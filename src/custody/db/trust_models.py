"""Records of trust between labs: the lab's own signing keys, the keys of partner labs whose
bundles it accepts, and what an imported bundle brought (witness checkpoints, the origin's
label codes, each imported sample's provenance). Journaled like every record table."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from custody.db.base import Base
from custody.db.types import UTCDateTime


class SigningKey(Base):
    """One of this lab's Ed25519 public keys (the private key is a file, never stored here)."""

    __tablename__ = "signing_keys"
    id: Mapped[int] = mapped_column(primary_key=True)
    fingerprint: Mapped[str] = mapped_column(String(32), unique=True)
    public_key: Mapped[str] = mapped_column(String(64))  # raw key, hex
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    retired_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    retired_reason: Mapped[str | None] = mapped_column(Text)


class PartnerKey(Base):
    """A public key of another lab (an origin) whose bundles this lab accepts."""

    __tablename__ = "partner_keys"
    id: Mapped[int] = mapped_column(primary_key=True)
    origin: Mapped[str] = mapped_column(String(20), index=True)  # the lab's site prefix
    lab_name: Mapped[str] = mapped_column(String(200))
    fingerprint: Mapped[str] = mapped_column(String(32), unique=True)
    public_key: Mapped[str] = mapped_column(String(64))
    added_at: Mapped[datetime] = mapped_column(UTCDateTime())
    added_by_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    how_checked: Mapped[str] = mapped_column(Text)  # how the fingerprint was confirmed


class WitnessCheckpoint(Base):
    """A signed checkpoint of another lab's journal, kept as received (a witness copy)."""

    __tablename__ = "witness_checkpoints"
    id: Mapped[int] = mapped_column(primary_key=True)
    origin: Mapped[str] = mapped_column(String(20), index=True)
    size: Mapped[int] = mapped_column(Integer)
    head: Mapped[str] = mapped_column(String(64))
    root: Mapped[str] = mapped_column(String(64))
    key_fingerprint: Mapped[str] = mapped_column(String(32))
    signature: Mapped[str] = mapped_column(String(128))
    bundle_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    shipment_id: Mapped[int | None] = mapped_column(ForeignKey("shipments.id"))
    received_at: Mapped[datetime] = mapped_column(UTCDateTime())


class ForeignLabel(Base):
    """A label printed by another lab (its exact QR text, from a verified bundle) and the
    record it stands for here: scanning it at reception finds the imported sample or package."""

    __tablename__ = "foreign_labels"
    id: Mapped[int] = mapped_column(primary_key=True)
    payload: Mapped[str] = mapped_column(String(80), unique=True)
    origin: Mapped[str] = mapped_column(String(20))
    kind: Mapped[str] = mapped_column(String(1))  # labelcode.LabelKind value
    body: Mapped[str] = mapped_column(String(40))
    serial: Mapped[int] = mapped_column(Integer)
    sample_id: Mapped[int | None] = mapped_column(ForeignKey("samples.id"), index=True)
    shipment_id: Mapped[int | None] = mapped_column(ForeignKey("shipments.id"), index=True)
    package_number: Mapped[int | None] = mapped_column(Integer)


class SampleOrigin(Base):
    """Where an imported sample comes from: the origin lab and its last journal entry."""

    __tablename__ = "sample_origins"
    id: Mapped[int] = mapped_column(primary_key=True)
    sample_id: Mapped[int] = mapped_column(ForeignKey("samples.id"), unique=True)
    origin: Mapped[str] = mapped_column(String(20))
    origin_seq: Mapped[int] = mapped_column(Integer)
    origin_hash: Mapped[str] = mapped_column(String(64))
    shipment_id: Mapped[int] = mapped_column(ForeignKey("shipments.id"), index=True)
