"""Enumerations of the domain. Values are stored in the database and the journal."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    TECHNICIAN = "technician"
    CLERK = "clerk"
    SUPERVISOR = "supervisor"
    AUDITOR = "auditor"


class SampleStatus(StrEnum):
    REGISTERED = "registered"  # created, not yet sealed
    SEALED = "sealed"  # sealed, in someone's hands
    STORED = "stored"  # in a storage location
    RETRIEVED = "retrieved"  # taken out of storage, in someone's hands, sealed
    OPENED = "opened"  # seal broken for sampling or analysis
    PACKED = "packed"  # in a shipment package
    IN_TRANSIT = "in_transit"
    RECEIVED = "received"  # received at the lab, sealed, in someone's hands
    RETURNED = "returned"  # returned to the submitting authority (terminal)
    DESTROYED = "destroyed"  # destroyed (terminal)


class EventType(StrEnum):
    COLLECT = "collect"
    SEAL = "seal"
    TRANSFER = "transfer"
    STORE = "store"
    RETRIEVE = "retrieve"
    OPEN = "open"
    SUBSAMPLE = "subsample"
    RESEAL = "reseal"
    WEIGH = "weigh"
    PACK = "pack"
    UNPACK = "unpack"
    SHIP = "ship"
    RECEIVE = "receive"
    RETURN = "return"
    DESTROY = "destroy"
    CORRECT = "correct"


class SealState(StrEnum):
    APPLIED = "applied"
    BROKEN = "broken"
    REPLACED = "replaced"


class ShipmentStatus(StrEnum):
    DRAFT = "draft"
    PACKING = "packing"
    APPROVED = "approved"
    DISPATCHED = "dispatched"
    RECEIVED = "received"
    RECONCILED = "reconciled"
    CANCELLED = "cancelled"


class SampleForm(StrEnum):
    POWDER = "powder"
    TABLETS = "tablets"
    LIQUID = "liquid"
    PATCH = "patch"
    PLANT = "plant"
    OTHER = "other"


class LocationKind(StrEnum):
    SITE = "site"
    ROOM = "room"
    VAULT = "vault"
    SHELF = "shelf"
    BOX = "box"


class AuthMethod(StrEnum):
    PASSWORD = "password"  # noqa: S105  re-entered password at this workstation (21 CFR 11.200)
    SESSION = "session"  # the signed-in session of the acting user
