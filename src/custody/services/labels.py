"""Label prints and scans: every printed label has a serial; a reprint voids the earlier one.

A scan is resolved only if its code parses under this lab's key (labelcode), its serial is a
print of this lab that is still valid, and its kind suits what the clerk is doing. Another
lab's label brought by an imported bundle (`foreign_labels`) stands for its local record and is
checked the same way from its kind on. Every refusal raises a Refusal, which the caller
journals with the raw input escaped; a scan never creates a record.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from custody.db import queries
from custody.db.models import LabelPrint, Location, Person, Sample, Shipment, ShipmentPackage
from custody.domain import text
from custody.domain.enums import EventType
from custody.domain.labelcode import Code, LabelKind, ScanError, encode, parse
from custody.domain.messages import join_or, message_of, t
from custody.domain.permissions import Action
from custody.errors import Conflict, NotFound, Refusal, ValidationError
from custody.services import foreign_labels
from custody.services.custody import load_sample
from custody.services.views import SampleView, sample_view
from custody.services.work import Work


class ScanContext(StrEnum):
    FIND = "find"
    RECEIVE = "receive"
    MOVE = "move"
    PACK = "pack"
    RECONCILE = "reconcile"


_KINDS: dict[ScanContext, frozenset[LabelKind]] = {
    ScanContext.FIND: frozenset(LabelKind),
    ScanContext.RECEIVE: frozenset({LabelKind.SAMPLE, LabelKind.SHIPMENT}),
    ScanContext.MOVE: frozenset({LabelKind.SAMPLE, LabelKind.LOCATION}),
    ScanContext.PACK: frozenset({LabelKind.SAMPLE, LabelKind.SHIPMENT}),
    ScanContext.RECONCILE: frozenset({LabelKind.SAMPLE, LabelKind.SHIPMENT}),
}
# What the clerk is doing, as a verb: "cannot be used to {context}" (translatable).
_DOING: dict[ScanContext, str] = {
    ScanContext.FIND: t("find"),
    ScanContext.RECEIVE: t("receive"),
    ScanContext.MOVE: t("move"),
    ScanContext.PACK: t("pack"),
    ScanContext.RECONCILE: t("reconcile"),
}
# For a sample scanned in a context: what it must be allowed to do next.
_SAMPLE_ACTIONS: dict[ScanContext, frozenset[EventType]] = {
    ScanContext.RECEIVE: frozenset({EventType.RECEIVE}),
    ScanContext.MOVE: frozenset({EventType.STORE, EventType.RETRIEVE}),
    ScanContext.PACK: frozenset({EventType.PACK}),
    ScanContext.RECONCILE: frozenset({EventType.RECEIVE}),
}


@dataclass(frozen=True)
class IssuedLabel:
    payload: str  # what the QR code carries
    code: Code
    reprint_of: int | None  # the voided serial, for a reprint
    reprint: int = 0  # 0 for the first print, n for the n-th reprint (shown on the label)


@dataclass(frozen=True)
class PrintView:
    """One label printed for a record: its serial, stock, who printed it, and whether a later
    reprint voided it."""

    serial: int
    template: str
    printed_by: str
    printed_at: datetime
    reprint_of: int | None  # the serial this print voided
    reprint_reason: str | None
    voided: bool
    voided_at: datetime | None


@dataclass(frozen=True)
class Scanned:
    code: Code
    sample: SampleView | None
    location: str | None  # location code, for a location label
    shipment_id: int | None = None  # for a shipment label: the manifest or one package
    package: int | None = None  # the package number, for a package label
    person_id: int | None = None  # for a person badge


def shipment_key(shipment_id: int, package: int | None = None) -> str:
    """The body of a shipment code: '12' for the manifest of shipment #12, '12P3' for its
    package 3."""
    return f"{shipment_id}" if package is None else f"{shipment_id}P{package}"


def parse_shipment_key(body: str) -> tuple[int, int | None]:
    head, sep, tail = body.partition("P")
    if not head.isdigit() or (sep and not tail.isdigit()):
        raise ValidationError(t("{body} is not a shipment or package code.", body=repr(body)))
    return int(head), (int(tail) if sep else None)


def _body(work: Work, kind: LabelKind, key: str) -> str:
    if kind is LabelKind.SAMPLE:
        sample = queries.first(work.session, Sample, code_key=key)
        if sample is None:
            raise NotFound(t("There is no sample {key}.", key=key))
        return sample.code_key
    if kind is LabelKind.LOCATION:
        location = queries.first(work.session, Location, code=key.strip().upper())
        if location is None:
            raise NotFound(t("There is no location '{key}'.", key=key))
        return str(location.id)
    if kind is LabelKind.SHIPMENT:
        shipment_id, package = parse_shipment_key(key.strip().upper())
        if work.session.get(Shipment, shipment_id) is None:
            raise NotFound(t("There is no shipment #{id}.", id=shipment_id))
        if package is not None and not queries.exists(
            work.session, ShipmentPackage, shipment_id=shipment_id, number=package
        ):
            raise NotFound(
                t("Shipment #{id} has no package {package}.", id=shipment_id, package=package)
            )
        return shipment_key(shipment_id, package)
    person = queries.first(work.session, Person, username=key.strip().lower())
    if person is None or not person.active:
        raise NotFound(t("There is no active user '{key}'.", key=key.strip()))
    return str(person.id)


def issue(
    work: Work,
    kind: LabelKind,
    key: str,
    label_key: bytes,
    *,
    template: str,
    reprint_reason: str | None = None,
) -> IssuedLabel:
    """Record a print (new serial) and return the payload to print. Journaled before printing."""
    actor = work.require(Action.PRINT_LABELS, subject=f"{kind.description}:{key}")
    body = _body(work, kind, key)
    valid = queries.active_prints(work.session, kind.value, body)
    try:
        reason = text.optional(reprint_reason, t("reprint reason"), max_len=500)
    except ValueError as error:
        raise ValidationError(message_of(error)) from None
    if valid and reason is None:
        raise Conflict(
            t(
                "A label for this {description} was printed already (serial {serial}); a "
                "reprint needs a reason, and it voids the earlier label.",
                description=kind.description,
                serial=valid[-1].serial,
            )
        )
    for old in valid:
        old.voided = True
        old.voided_at = work.now
    record = LabelPrint(
        kind=kind.value,
        body=body,
        serial=queries.last_serial(work.session) + 1,
        template=template,
        printed_by_id=actor.id,
        printed_at=work.now,
        reprint_of_id=valid[-1].id if valid else None,
        reprint_reason=reason,
        voided=False,
        voided_at=None,
    )
    work.session.add(record)
    work.session.flush()
    code = Code(kind, body, record.serial)
    voided = valid[-1].serial if valid else None
    work.record(
        "label.reprint" if valid else "label.print",
        f"{kind.description}:{key}",
        {"serial": record.serial, "template": template, "voids": voided, "reason": reason},
    )
    reprint = queries.print_count(work.session, kind.value, body) - 1
    return IssuedLabel(encode(code, label_key), code, voided, reprint)


def resolve(
    work: Work,
    raw: str,
    label_key: bytes,
    context: ScanContext,
    *,
    prefix: str = "",
    suffix: str = "",
) -> Scanned:
    """What a scanned label refers to, or a Refusal saying why it cannot be used here.

    A refusal carries the raw scan, escaped (ascii()), for the journaled denial.
    """
    try:
        return _resolve(work, raw, label_key, context, prefix, suffix)
    except Refusal as refusal:
        refusal.details = {"scan": ascii(raw[:300]), "context": context.value}
        raise


def _resolve(
    work: Work, raw: str, label_key: bytes, context: ScanContext, prefix: str, suffix: str
) -> Scanned:
    work.require(Action.READ)
    foreign = foreign_labels.code_of(work, raw, prefix=prefix, suffix=suffix)
    parsed = foreign or parse(raw, label_key, prefix=prefix, suffix=suffix)
    if isinstance(parsed, ScanError):
        raise ValidationError(t("Scan refused: {reason}", reason=parsed.reason), subject="scan")
    subject = f"{parsed.kind.description}:{parsed.body}"
    prints = [] if foreign else queries.active_prints(work.session, parsed.kind.value, parsed.body)
    if not foreign and not any(p.serial == parsed.serial for p in prints):
        issued = queries.first(work.session, LabelPrint, serial=parsed.serial)
        if issued is not None and issued.voided:
            raise ValidationError(
                t(
                    "This label (serial {serial}) was voided by a reprint; use the newest "
                    "label and destroy this one.",
                    serial=parsed.serial,
                ),
                subject=subject,
            )
        raise ValidationError(
            t("This label's serial {serial} was never printed here.", serial=parsed.serial),
            subject=subject,
        )
    if parsed.kind not in _KINDS[context]:
        wanted = join_or(sorted(k.description for k in _KINDS[context]))
        raise ValidationError(
            t(
                "A {description} label cannot be used to {context}; scan a {wanted} label.",
                description=parsed.kind.description,
                context=_DOING[context],
                wanted=wanted,
            ),
            subject=subject,
        )
    if parsed.kind is LabelKind.LOCATION:
        location = work.get(Location, int(parsed.body), t("location"))
        return Scanned(parsed, None, location.code)
    if parsed.kind is LabelKind.SHIPMENT:
        shipment_id, package = parse_shipment_key(parsed.body)
        return Scanned(parsed, None, None, shipment_id, package)
    if parsed.kind is LabelKind.BADGE:
        person = work.get(Person, int(parsed.body), t("person"))
        if not person.active:
            raise ValidationError(
                t("The badge of {name} is no longer valid.", name=person.full_name)
            )
        return Scanned(parsed, None, None, person_id=person.id)
    sample = queries.first(work.session, Sample, code_key=parsed.body)
    if sample is None:
        raise NotFound(
            t(
                "The label names sample {body}, which is not in this lab's records.",
                body=parsed.body,
            ),
            subject=subject,
        )
    view = sample_view(work, sample)
    needed = _SAMPLE_ACTIONS.get(context)
    if needed and not needed & set(view.allowed):
        raise ValidationError(
            t(
                "{code} is {status}: it cannot be used to {context} now.",
                code=view.code,
                status=view.status.value,
                context=_DOING[context],
            ),
            subject=subject,
        )
    return Scanned(parsed, view, None)


def prints_of(work: Work, sample_id: int) -> list[PrintView]:
    """Every label printed for a sample, oldest first (voided ones included)."""
    work.require(Action.READ)
    sample = load_sample(work, sample_id)
    rows = queries.rows_where(
        work.session, LabelPrint, "serial", kind=LabelKind.SAMPLE.value, body=sample.code_key
    )
    people = queries.people_names(work.session)
    serials = {row.id: row.serial for row in rows}
    return [
        PrintView(
            serial=row.serial,
            template=row.template,
            printed_by=people.get(row.printed_by_id, "?"),
            printed_at=row.printed_at,
            reprint_of=serials.get(row.reprint_of_id) if row.reprint_of_id else None,
            reprint_reason=row.reprint_reason,
            voided=row.voided,
            voided_at=row.voided_at,
        )
        for row in rows
    ]
