"""Custody actions: hand over, store, retrieve, destroy, return."""

from __future__ import annotations

from dataclasses import dataclass

from custody.db import queries
from custody.db.models import Location, Sample
from custody.domain import text
from custody.domain.enums import AuthMethod, EventType
from custody.domain.messages import message_of, t
from custody.domain.permissions import Action, is_allowed
from custody.domain.states import TransitionError, next_status
from custody.errors import IllegalTransition, NotFound, PermissionDenied, ValidationError
from custody.services import events
from custody.services.users import authenticate
from custody.services.views import SampleView, sample_view
from custody.services.work import Actor, Work


@dataclass(frozen=True)
class Credentials:
    """A second person's user name and password, re-entered at this workstation."""

    username: str
    password: str


def load_sample(work: Work, sample_id: int) -> Sample:
    sample = work.session.get(Sample, sample_id)
    if sample is None:
        raise NotFound(t("There is no sample #{id}.", id=sample_id))
    return sample


def transition(work: Work, sample: Sample, event: EventType) -> None:
    """Move `sample` to its next status, or refuse with what is allowed now."""
    try:
        sample.status = next_status(sample.status, event)
    except TransitionError as error:
        raise IllegalTransition(message_of(error), subject=f"sample:{sample.code}") from None


def require_holder(work: Work, sample: Sample) -> Actor:
    actor = work.actor
    assert actor is not None
    if sample.holder_id != actor.id:
        holder = t("nobody (it is in storage)") if sample.holder_id is None else t("someone else")
        raise ValidationError(
            t(
                "You do not hold {code}: it is held by {holder}. "
                "Only the current holder can do this.",
                code=sample.code,
                holder=holder,
            ),
            subject=f"sample:{sample.code}",
        )
    return actor


def _purpose(purpose: str | None) -> str:
    try:
        return text.required(purpose, t("purpose"), max_len=500)
    except ValueError as error:
        raise ValidationError(message_of(error)) from None


def transfer(
    work: Work,
    sample_id: int,
    receiver: Credentials,
    purpose: str,
    *,
    witness: Credentials | None = None,
) -> SampleView:
    """Hand a sample over: the holder (signed in) and the receiver (re-authenticating here)."""
    giver = work.require(Action.TRANSFER)
    sample = load_sample(work, sample_id)
    subject = f"sample:{sample.code}"
    reason = _purpose(purpose)
    if receiver.username.strip().lower() == giver.username:
        raise ValidationError(t("A sample cannot be handed over to yourself."), subject=subject)
    transition(work, sample, EventType.TRANSFER)
    require_holder(work, sample)
    taker = authenticate(work, receiver.username, receiver.password, purpose="receive custody")
    if not is_allowed(taker.role, Action.TRANSFER):
        raise PermissionDenied(
            t(
                "{name} ({role}) cannot take custody of samples.",
                name=taker.full_name,
                role=taker.role.value,
            ),
            subject=subject,
        )
    witness_actor: Actor | None = None
    if witness is not None:
        witness_actor = authenticate(work, witness.username, witness.password, purpose="witness")
        if witness_actor.id in (giver.id, taker.id):
            raise ValidationError(t("The witness must be a third person."), subject=subject)
    auth = [
        f"{giver.username}:{AuthMethod.SESSION.value}",
        f"{taker.username}:{AuthMethod.PASSWORD.value}",
    ]
    if witness_actor:
        auth.append(f"{witness_actor.username}:{AuthMethod.PASSWORD.value}")
    sample.holder_id = taker.id
    event = events.add(
        work,
        sample,
        EventType.TRANSFER,
        from_person_id=giver.id,
        to_person_id=taker.id,
        witness_id=witness_actor.id if witness_actor else None,
        purpose=reason,
        auth=";".join(auth),
        meaning=f"relinquished by {giver.full_name}; received by {taker.full_name}"
        + (f"; witnessed by {witness_actor.full_name}" if witness_actor else ""),
    )
    work.record("custody.transfer", subject, {"event_id": event.id, "to": taker.username})
    return sample_view(work, sample)


def _location(work: Work, code: str) -> Location:
    location = queries.first(work.session, Location, code=code.strip().upper())
    if location is None:
        raise NotFound(t("There is no location '{code}'.", code=code))
    if not location.active:
        raise ValidationError(t("The location {code} is archived.", code=location.code))
    return location


def store(work: Work, sample_id: int, location_code: str) -> SampleView:
    actor = work.require(Action.STORE)
    sample = load_sample(work, sample_id)
    transition(work, sample, EventType.STORE)
    require_holder(work, sample)
    location = _location(work, location_code)
    sample.location_id = location.id
    sample.holder_id = None
    events.add(
        work,
        sample,
        EventType.STORE,
        from_person_id=actor.id,
        to_location_id=location.id,
        purpose="put away",
    )
    work.record("custody.store", f"sample:{sample.code}", {"location": location.code})
    return sample_view(work, sample)


def retrieve(work: Work, sample_id: int, purpose: str) -> SampleView:
    actor = work.require(Action.STORE)
    sample = load_sample(work, sample_id)
    reason = _purpose(purpose)
    origin = sample.location_id
    transition(work, sample, EventType.RETRIEVE)
    sample.location_id = None
    sample.holder_id = actor.id
    events.add(
        work,
        sample,
        EventType.RETRIEVE,
        to_person_id=actor.id,
        from_location_id=origin,
        purpose=reason,
    )
    work.record("custody.retrieve", f"sample:{sample.code}")
    return sample_view(work, sample)


def dispose(work: Work, sample_id: int, event: EventType, reason: str) -> SampleView:
    """Destroy a sample or return it to the submitting authority (supervisors)."""
    if event not in (EventType.DESTROY, EventType.RETURN):
        raise ValueError(event)
    actor = work.require(Action.DISPOSE)
    sample = load_sample(work, sample_id)
    why = _purpose(reason)
    transition(work, sample, event)
    holder = sample.holder_id
    sample.holder_id = None
    sample.location_id = None
    events.add(
        work,
        sample,
        event,
        from_person_id=holder,
        purpose=why,
        meaning=f"{event.value} authorised by {actor.full_name}",
    )
    work.record(f"custody.{event.value}", f"sample:{sample.code}")
    return sample_view(work, sample)
