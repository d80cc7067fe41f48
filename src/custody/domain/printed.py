"""How stored values are printed on the bilingual reports: "Stored / Almacenada", not "stored".

Display only. The stored and journaled values never change; a value this version does not know
prints as stored. (Issued manifests keep their own representation: their fingerprints are
recomputed from it.)"""

from __future__ import annotations

from custody.domain.enums import SampleForm, SampleStatus, ShipmentStatus

__all__ = ["form", "sample_status", "shipment_status"]

_SAMPLE_STATUS: dict[str, str] = {
    SampleStatus.REGISTERED: "Registered / Registrada",
    SampleStatus.SEALED: "Sealed / Sellada",
    SampleStatus.STORED: "Stored / Almacenada",
    SampleStatus.RETRIEVED: "Retrieved / Retirada",
    SampleStatus.OPENED: "Opened / Abierta",
    SampleStatus.PACKED: "Packed / Embalada",
    SampleStatus.IN_TRANSIT: "In transit / En tránsito",
    SampleStatus.RECEIVED: "Received / Recibida",
    SampleStatus.RETURNED: "Returned / Devuelta",
    SampleStatus.DESTROYED: "Destroyed / Destruida",
}
_SHIPMENT_STATUS: dict[str, str] = {
    ShipmentStatus.DRAFT: "Draft / Borrador",
    ShipmentStatus.PACKING: "Packing / En embalaje",
    ShipmentStatus.APPROVED: "Approved / Aprobado",
    ShipmentStatus.DISPATCHED: "Dispatched / Despachado",
    ShipmentStatus.RECEIVED: "Received / Recibido",
    ShipmentStatus.RECONCILED: "Reconciled / Conciliado",
    ShipmentStatus.CANCELLED: "Cancelled / Cancelado",
}
_FORM: dict[str, str] = {
    SampleForm.POWDER: "Powder / Polvo",
    SampleForm.TABLETS: "Tablets / Tabletas",
    SampleForm.LIQUID: "Liquid / Líquido",
    SampleForm.PATCH: "Patch / Parche",
    SampleForm.PLANT: "Plant material / Material vegetal",
    SampleForm.OTHER: "Other / Otra",
}


def sample_status(status: str) -> str:
    return _SAMPLE_STATUS.get(status, status)


def shipment_status(status: str) -> str:
    return _SHIPMENT_STATUS.get(status, status)


def form(value: str) -> str:
    return _FORM.get(value, value)
