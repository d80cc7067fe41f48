"""Intake: case → seizure → exhibits → samples → sub-samples."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from custody.db import queries
from custody.db.models import Case, Exhibit, Sample, Seizure
from custody.domain import text
from custody.domain.enums import EventType, SampleForm, SampleStatus
from custody.domain.ids import SampleId, format_sample_id
from custody.domain.messages import message_of, t
from custody.domain.permissions import Action
from custody.domain.weights import WeightError, parse_grams
from custody.errors import Conflict, NotFound, ValidationError
from custody.services import events
from custody.services.custody import require_holder, transition
from custody.services.lab import lab, next_number
from custody.services.views import SampleView, sample_view
from custody.services.work import Work

PORTS = ("AICM", "MZO", "LZC", "OTHER")


@dataclass(frozen=True)
class NewSeizure:
    port: str
    place: str
    seized_at: datetime
    reason: str
    conveyance: str | None = None
    latitude: str | None = None
    longitude: str | None = None


@dataclass(frozen=True)
class NewExhibit:
    description: str
    form: SampleForm
    presumptive_substance: str | None = None
    unit_count: int | None = None
    packaging: str | None = None
    gross_weight: str | Decimal | None = None


@dataclass(frozen=True)
class NewSample:
    description: str
    net_weight: str | Decimal
    balance_id: str
    hazard: bool = True
    form: SampleForm | None = None  # default: the exhibit's / parent's form
    presumptive_substance: str | None = None
    unit_count: int | None = None


def _invalid(error: Exception) -> ValidationError:
    return ValidationError(message_of(error))


def register_case(
    work: Work,
    case_number: str,
    institution: str,
    opened_on: date,
    *,
    rcc_reference: str | None = None,
    dea_file_number: str | None = None,
    submitter_id: int | None = None,
) -> int:
    work.require(Action.REGISTER, subject=f"case:{case_number}")
    try:
        number = text.required(case_number, t("case number (NUC)"), max_len=100)
        case = Case(
            case_number=number,
            institution=text.required(institution, t("seizing institution"), max_len=200),
            rcc_reference=text.optional(rcc_reference, t("RCC reference"), max_len=100),
            dea_file_number=text.optional(dea_file_number, t("DEA file number"), max_len=100),
            opened_on=opened_on,
            submitter_id=submitter_id,
            created_at=work.now,
        )
    except ValueError as error:
        raise _invalid(error) from None
    if queries.exists(work.session, Case, case_number=number):
        raise Conflict(
            t("Case {number} is registered already.", number=number), subject=f"case:{number}"
        )
    work.session.add(case)
    work.session.flush()
    work.record("case.register", f"case:{number}")
    return case.id


def find_case(work: Work, case_number: str) -> int:
    """The id of a case by its number (NUC / carpeta)."""
    work.require(Action.READ)
    number = case_number.strip()
    case = queries.first(work.session, Case, case_number=number)
    if case is None:
        raise NotFound(t("There is no case {number}.", number=number))
    return case.id


def register_seizure(work: Work, case_id: int, details: NewSeizure) -> int:
    work.require(Action.REGISTER, subject=f"case:{case_id}")
    case = work.get(Case, case_id, t("case"))
    port = details.port.strip().upper()
    if port not in PORTS:
        raise ValidationError(
            t(
                "Unknown port '{port}'; use one of {ports}.",
                port=details.port,
                ports=", ".join(PORTS),
            )
        )
    if details.seized_at.tzinfo is None:
        raise ValidationError(t("The seizure time needs its time zone."))
    if details.seized_at > work.now:
        raise ValidationError(t("The seizure time is in the future."))
    try:
        seizure = Seizure(
            case_id=case.id,
            port=port,
            place=text.required(details.place, t("place of seizure"), max_len=200),
            latitude=text.optional(details.latitude, t("latitude"), max_len=16),
            longitude=text.optional(details.longitude, t("longitude"), max_len=16),
            conveyance=text.optional(details.conveyance, t("conveyance"), max_len=300),
            seized_at=details.seized_at,
            seized_tz=work.zone,
            reason=text.required(details.reason, t("reason the chain starts"), max_len=2000),
            created_at=work.now,
        )
    except ValueError as error:
        raise _invalid(error) from None
    work.session.add(seizure)
    work.session.flush()
    work.record("seizure.register", f"case:{case.case_number}", {"seizure_id": seizure.id})
    return seizure.id


def register_exhibit(work: Work, seizure_id: int, details: NewExhibit) -> int:
    work.require(Action.REGISTER, subject=f"seizure:{seizure_id}")
    seizure = work.get(Seizure, seizure_id, t("seizure"))
    if details.unit_count is not None and details.unit_count < 0:
        raise ValidationError(t("The unit count cannot be negative."))
    try:
        gross = None
        if details.gross_weight not in (None, ""):
            gross = parse_grams(details.gross_weight or "", field=t("gross weight"))
        exhibit = Exhibit(
            case_id=seizure.case_id,
            seizure_id=seizure.id,
            description=text.required(details.description, t("description"), max_len=2000),
            presumptive_substance=text.optional(
                details.presumptive_substance, t("presumptive substance"), max_len=200
            ),
            form=SampleForm(details.form),
            unit_count=details.unit_count,
            packaging=text.optional(details.packaging, t("packaging"), max_len=300),
            gross_weight=gross,
            created_at=work.now,
        )
    except (ValueError, WeightError) as error:
        raise _invalid(error) from None
    exhibit.number = queries.max_exhibit_number(work.session, seizure.case_id) + 1
    work.session.add(exhibit)
    work.session.flush()
    case = work.get(Case, seizure.case_id, t("case"))
    work.record(
        "exhibit.register",
        f"case:{case.case_number}",
        {"exhibit_id": exhibit.id, "number": exhibit.number},
    )
    return exhibit.id


def next_sample_id(work: Work) -> SampleId:
    prefix = lab(work).site_prefix
    return format_sample_id(prefix, work.now.year, next_number(work, prefix))


def _new_sample(
    work: Work, details: NewSample, *, exhibit: Exhibit, parent: Sample | None
) -> Sample:
    actor = work.require(Action.REGISTER)
    work.require(Action.WEIGH)
    try:
        weight = parse_grams(details.net_weight, field=t("net weight"))
        balance = text.required(details.balance_id, t("balance ID"), max_len=64)
        description = text.required(details.description, t("description"), max_len=2000)
        substance = text.optional(
            details.presumptive_substance, t("presumptive substance"), max_len=200
        )
    except (ValueError, WeightError) as error:
        raise _invalid(error) from None
    if weight <= 0:
        raise ValidationError(t("The net weight must be more than 0 g."))
    if details.unit_count is not None and details.unit_count < 0:
        raise ValidationError(t("The unit count cannot be negative."))
    source = parent or exhibit
    if parent is None and exhibit.gross_weight is not None and weight > exhibit.gross_weight:
        raise ValidationError(
            t(
                "The net weight {weight} g is above the exhibit's gross weight {gross} g.",
                weight=weight,
                gross=exhibit.gross_weight,
            )
        )
    sample_id = next_sample_id(work)
    sample = Sample(
        code=sample_id.human,
        code_key=sample_id.key,
        exhibit_id=exhibit.id,
        parent_id=parent.id if parent else None,
        description=description,
        presumptive_substance=substance or source.presumptive_substance,
        form=SampleForm(details.form or source.form),
        unit_count=details.unit_count,
        net_weight=weight,
        balance_id=balance,
        weighed_by_id=actor.id,
        weighed_at=work.now,
        hazard=details.hazard,
        status=SampleStatus.REGISTERED,
        location_id=None,
        holder_id=actor.id,
        created_at=work.now,
        created_by_id=actor.id,
    )
    work.session.add(sample)
    work.session.flush()
    return sample


def register_sample(work: Work, exhibit_id: int, details: NewSample) -> SampleView:
    exhibit = work.get(Exhibit, exhibit_id, t("exhibit"))
    sample = _new_sample(work, details, exhibit=exhibit, parent=None)
    _collected(work, sample, "sample taken from the exhibit")
    work.record("sample.register", f"sample:{sample.code}", {"exhibit_id": exhibit.id})
    return sample_view(work, sample)


def subsample(work: Work, parent_id: int, details: NewSample) -> SampleView:
    """Draw a sub-sample from an opened sample; it gets its own ID and weight."""
    parent = work.get(Sample, parent_id, t("sample"))
    transition(work, parent, EventType.SUBSAMPLE)
    work.require(Action.REGISTER)
    require_holder(work, parent)
    exhibit = work.get(Exhibit, parent.exhibit_id, t("exhibit"))
    child = _new_sample(work, details, exhibit=exhibit, parent=parent)
    if child.net_weight >= parent.net_weight:
        raise ValidationError(
            t(
                "The sub-sample ({weight} g) must weigh less than what remains of "
                "{code} ({remaining} g).",
                weight=child.net_weight,
                code=parent.code,
                remaining=parent.net_weight,
            )
        )
    parent.net_weight = parent.net_weight - child.net_weight
    events.add(
        work,
        parent,
        EventType.SUBSAMPLE,
        weight=parent.net_weight,
        balance_id=child.balance_id,
        purpose=f"sub-sample {child.code} drawn",
    )
    _collected(work, child, f"sub-sample of {parent.code}")
    work.record("sample.subsample", f"sample:{child.code}", {"parent": parent.code})
    return sample_view(work, child)


def _collected(work: Work, sample: Sample, purpose: str) -> None:
    """The first custody event of a sample: its collector holds it, at its weight."""
    events.add(
        work,
        sample,
        EventType.COLLECT,
        to_person_id=sample.holder_id,
        weight=sample.net_weight,
        balance_id=sample.balance_id,
        purpose=purpose,
    )
