"""Amendments (ISO/IEC 17025 7.5.2): the original stays, the change carries old, new, reason."""

from __future__ import annotations

from typing import Any

from custody.db.models import CustodyEvent, Sample
from custody.domain import text
from custody.domain.enums import EventType, SampleForm
from custody.domain.messages import message_of, t
from custody.domain.permissions import Action
from custody.errors import PermissionDenied, ValidationError
from custody.services import events
from custody.services.custody import load_sample
from custody.services.views import SampleView, sample_view
from custody.services.work import Work

AMENDABLE = ("description", "presumptive_substance", "form", "unit_count", "hazard")
CORRECTABLE = ("purpose", "notes")


def _reason(reason: str) -> str:
    try:
        return text.required(reason, t("reason for the correction"), max_len=1000)
    except ValueError as error:
        raise ValidationError(message_of(error)) from None


def amend_sample(work: Work, sample_id: int, reason: str, **fields: Any) -> SampleView:
    """Correct descriptive fields of a sample. The journal keeps old and new values."""
    work.require(Action.AMEND)
    sample = load_sample(work, sample_id)
    why = _reason(reason)
    unknown = sorted(set(fields) - set(AMENDABLE))
    if unknown or not fields:
        fields_list = ", ".join(AMENDABLE)
        raise ValidationError(
            t(
                "Only these fields can be corrected: {fields}. Not: {unknown}.",
                fields=fields_list,
                unknown=", ".join(unknown),
            )
            if unknown
            else t("Only these fields can be corrected: {fields}.", fields=fields_list)
        )
    changed: dict[str, list[Any]] = {}
    for name, value in fields.items():
        if name == "form":
            value = SampleForm(value)
        elif name in ("description", "presumptive_substance"):
            try:
                value = (text.required if name == "description" else text.optional)(
                    value, name.replace("_", " "), max_len=2000
                )
            except ValueError as error:
                raise ValidationError(message_of(error)) from None
        elif name == "unit_count" and value is not None and int(value) < 0:
            raise ValidationError(t("The unit count cannot be negative."))
        old = getattr(sample, name)
        if old != value:
            setattr(sample, name, value)
            changed[name] = [str(old), str(value)]
    if not changed:
        raise ValidationError(t("Nothing to correct: the values are the same as recorded."))
    events.add(
        work,
        sample,
        EventType.CORRECT,
        reason=why,
        notes="; ".join(f"{k}: {o} → {n}" for k, (o, n) in changed.items()),
    )
    work.record("sample.amend", f"sample:{sample.code}", {"reason": why, "fields": changed})
    return sample_view(work, sample)


def correct_event(work: Work, event_id: int, reason: str, **fields: str | None) -> int:
    """Correct a custody event by a new CORRECT event that points at it. Returns its id."""
    actor = work.require(Action.AMEND)
    original = work.get(CustodyEvent, event_id, t("custody event"))
    if original.event_type == EventType.CORRECT:
        raise ValidationError(t("Correct the original event, not a correction."))
    is_supervisor = actor.role.value == "supervisor"
    if original.recorded_by_id != actor.id and not is_supervisor:
        raise PermissionDenied(
            t("Only the person who recorded an event or a supervisor may correct it.")
        )
    why = _reason(reason)
    unknown = sorted(set(fields) - set(CORRECTABLE))
    if unknown or not fields:
        raise ValidationError(
            t("Only these event fields can be corrected: {fields}.", fields=", ".join(CORRECTABLE))
        )
    changed = {k: [getattr(original, k), v] for k, v in fields.items() if getattr(original, k) != v}
    if not changed:
        raise ValidationError(t("Nothing to correct: the values are the same as recorded."))
    sample: Sample = load_sample(work, original.sample_id)
    correction = events.add(
        work,
        sample,
        EventType.CORRECT,
        corrects_id=original.id,
        reason=why,
        purpose=fields.get("purpose", original.purpose),
        notes="; ".join(f"{k}: {o} → {n}" for k, (o, n) in changed.items()),
    )
    work.record(
        "event.correct",
        f"sample:{sample.code}",
        {"corrects": original.id, "reason": why, "fields": changed},
    )
    return correction.id
