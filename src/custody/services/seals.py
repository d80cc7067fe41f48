"""Seals and weights: seal, open (break the seal), reseal, re-weigh."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from custody.db import queries
from custody.db.models import Seal
from custody.domain import text
from custody.domain.enums import EventType, SealState
from custody.domain.messages import message_of, t
from custody.domain.permissions import Action
from custody.domain.weights import WeightError, exceeds_tolerance, parse_grams
from custody.errors import Conflict, ValidationError
from custody.services import events
from custody.services.custody import load_sample, require_holder, transition
from custody.services.lab import lab
from custody.services.views import SampleView, sample_view
from custody.services.work import Work


@dataclass(frozen=True)
class ReweighResult:
    sample: SampleView
    previous: Decimal
    delta: Decimal
    alert: bool


def new_serial(work: Work, serial: str) -> str:
    try:
        cleaned = text.required(serial, t("seal number"), max_len=64).upper()
    except ValueError as error:
        raise ValidationError(message_of(error)) from None
    if queries.exists(work.session, Seal, serial=cleaned):
        raise Conflict(
            t(
                "Seal number {code} has been used already; every seal number is used once.",
                code=cleaned,
            ),
            subject=f"seal:{cleaned}",
        )
    return cleaned


def _applied(work: Work, sample_id: int) -> list[Seal]:
    return queries.seals_of(work.session, sample_id, SealState.APPLIED)


def _apply(work: Work, sample_id: int, serial: str) -> Seal:
    assert work.actor is not None
    seal = Seal(
        serial=serial,
        sample_id=sample_id,
        state=SealState.APPLIED,
        applied_at=work.now,
        applied_by_id=work.actor.id,
    )
    work.session.add(seal)
    work.session.flush()
    return seal


def seal(work: Work, sample_id: int, serial: str) -> SampleView:
    work.require(Action.SEAL)
    sample = load_sample(work, sample_id)
    transition(work, sample, EventType.SEAL)
    require_holder(work, sample)
    number = new_serial(work, serial)
    _apply(work, sample.id, number)
    events.add(work, sample, EventType.SEAL, seals_after=number, purpose="sealed")
    work.record("seal.apply", f"sample:{sample.code}", {"seal": number})
    return sample_view(work, sample)


def open_sample(work: Work, sample_id: int, purpose: str, *, seal_intact: bool) -> SampleView:
    """Break the sample's seals to open it; record whether they were intact."""
    actor = work.require(Action.SEAL)
    sample = load_sample(work, sample_id)
    transition(work, sample, EventType.OPEN)
    require_holder(work, sample)
    try:
        why = text.required(purpose, t("purpose"), max_len=500)
    except ValueError as error:
        raise ValidationError(message_of(error)) from None
    broken = _applied(work, sample.id)
    for old in broken:
        old.state = SealState.BROKEN
        old.ended_at = work.now
        old.ended_by_id = actor.id
        old.end_reason = why
    before = ",".join(s.serial for s in broken) or None
    events.add(
        work, sample, EventType.OPEN, seals_before=before, seal_intact=seal_intact, purpose=why
    )
    work.record("seal.break", f"sample:{sample.code}", {"seals": before, "intact": seal_intact})
    return sample_view(work, sample)


def reseal(work: Work, sample_id: int, serial: str) -> SampleView:
    work.require(Action.SEAL)
    sample = load_sample(work, sample_id)
    transition(work, sample, EventType.RESEAL)
    require_holder(work, sample)
    number = new_serial(work, serial)
    new = _apply(work, sample.id, number)
    previous = queries.seals_of(work.session, sample.id, SealState.BROKEN, unreplaced=True)
    for old in previous:
        old.state = SealState.REPLACED
        old.replaced_by_id = new.id
    before = ",".join(s.serial for s in previous) or None
    events.add(
        work, sample, EventType.RESEAL, seals_before=before, seals_after=number, purpose="resealed"
    )
    work.record("seal.replace", f"sample:{sample.code}", {"seal": number, "replaces": before})
    return sample_view(work, sample)


def reweigh(work: Work, sample_id: int, weight: str | Decimal, balance_id: str) -> ReweighResult:
    """Record a new net weight; flag it when the change exceeds the lab's tolerance."""
    actor = work.require(Action.WEIGH)
    sample = load_sample(work, sample_id)
    transition(work, sample, EventType.WEIGH)
    require_holder(work, sample)
    try:
        grams = parse_grams(weight, field=t("net weight"))
        balance = text.required(balance_id, t("balance ID"), max_len=64)
    except (ValueError, WeightError) as error:
        raise ValidationError(message_of(error)) from None
    settings = lab(work)
    previous = sample.net_weight
    alert = exceeds_tolerance(
        previous,
        grams,
        percent=settings.reweigh_tolerance_percent,
        absolute=settings.reweigh_tolerance_grams,
    )
    sample.net_weight = grams
    sample.balance_id = balance
    sample.weighed_by_id = actor.id
    sample.weighed_at = work.now
    note = None
    if alert:
        note = (
            f"ALERT: weight changed by {grams - previous} g, beyond the tolerance of "
            f"{settings.reweigh_tolerance_percent}% / {settings.reweigh_tolerance_grams} g"
        )
    events.add(work, sample, EventType.WEIGH, weight=grams, balance_id=balance, notes=note)
    work.record(
        "sample.weigh",
        f"sample:{sample.code}",
        {"previous": str(previous), "weight": str(grams), "alert": alert},
    )
    return ReweighResult(sample_view(work, sample), previous, grams - previous, alert)
