"""Writing custody events (the append-only rows behind a sample's timeline)."""

from __future__ import annotations

from decimal import Decimal

from custody.db.models import CustodyEvent, Sample
from custody.domain.enums import AuthMethod, EventType
from custody.services.work import Work


def add(
    work: Work,
    sample: Sample,
    event_type: EventType,
    *,
    from_person_id: int | None = None,
    to_person_id: int | None = None,
    witness_id: int | None = None,
    purpose: str | None = None,
    from_location_id: int | None = None,
    to_location_id: int | None = None,
    seals_before: str | None = None,
    seals_after: str | None = None,
    seal_intact: bool | None = None,
    weight: Decimal | None = None,
    balance_id: str | None = None,
    notes: str | None = None,
    auth: str | None = None,
    meaning: str | None = None,
    corrects_id: int | None = None,
    reason: str | None = None,
) -> CustodyEvent:
    assert work.actor is not None
    event = CustodyEvent(
        sample_id=sample.id,
        event_type=event_type,
        from_person_id=from_person_id,
        to_person_id=to_person_id,
        witness_id=witness_id,
        purpose=purpose,
        from_location_id=from_location_id,
        to_location_id=to_location_id,
        seals_before=seals_before,
        seals_after=seals_after,
        seal_intact=seal_intact,
        weight=weight,
        balance_id=balance_id,
        notes=notes,
        auth=auth or f"{work.actor.username}:{AuthMethod.SESSION.value}",
        meaning=meaning,
        workstation=work.workstation,
        occurred_at=work.now,
        zone=work.zone,
        recorded_by_id=work.actor.id,
        corrects_id=corrects_id,
        reason=reason,
    )
    work.session.add(event)
    work.session.flush()
    return event
