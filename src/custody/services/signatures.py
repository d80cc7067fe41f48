"""Electronic signatures on shipments (21 CFR 11.50 / 11.70): who signed, when, with what
meaning, how they authenticated, and the manifest content fingerprint the signature is bound to.
Approval, dispatch and reception sign through :func:`sign`."""

from __future__ import annotations

from custody.db import queries
from custody.db.models import Shipment, Signature
from custody.services.work import Actor, Work


def sign(
    work: Work, shipment: Shipment, who: Actor, role: str, meaning: str, method: str, bound: str
) -> Signature:
    person = queries.person(work.session, who.id)
    signature = Signature(
        shipment_id=shipment.id,
        role=role,
        person_id=who.id,
        printed_name=who.full_name,
        institution=person.institution,
        position=person.position,
        meaning=meaning,
        method=method,
        bound_to=bound,
        signed_at=work.now,
        workstation=work.workstation,
    )
    work.session.add(signature)
    return signature
