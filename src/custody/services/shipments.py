"""Shipments to a consignee lab, up to dispatch: create, package with outer seals, pack samples,
approve (a supervisor e-signs; the manifest revision is issued), dispatch to the carrier.

Status: draft → packing → approved → dispatched (→ received → reconciled: see ``receiving``).
Any change to an approved shipment withdraws the approval: it goes back to packing and needs a
new approval, which issues manifest revision N+1 and marks revision N superseded.
"""

from __future__ import annotations

from collections.abc import Sequence

from custody.db import queries
from custody.db.models import (
    Sample,
    Seal,
    Shipment,
    ShipmentItem,
    ShipmentPackage,
)
from custody.domain import text
from custody.domain.enums import AuthMethod, EventType, SealState, ShipmentStatus
from custody.domain.manifest import CheckpointMark
from custody.domain.messages import message_of, t
from custody.domain.permissions import Action
from custody.errors import Conflict, NotFound, ValidationError
from custody.services import checkpoints, consignees, events, manifests, seals
from custody.services.custody import Credentials, load_sample, require_holder, transition
from custody.services.lab import lab, next_number
from custody.services.shipment_guards import load as load  # re-exported: shipments.load
from custody.services.shipment_guards import require_complete, require_status, subject
from custody.services.shipment_views import ShipmentView, shipment_view
from custody.services.signatures import sign
from custody.services.users import authenticate
from custody.services.work import Work
from custody.signing import Signer
from custody.verifier import checkpoint_code

S = ShipmentStatus
OPEN = (S.DRAFT, S.PACKING, S.APPROVED, S.DISPATCHED, S.RECEIVED)
EDITABLE = (S.DRAFT, S.PACKING, S.APPROVED)
MEANING_APPROVE = "Approved for release / Aprobado para su liberación"
MEANING_WITNESS = "Witnessed the approval / Testigo de la aprobación"
MEANING_DISPATCH = "Relinquished to the carrier / Entregado al transportista"


def find(work: Work, raw: str) -> ShipmentView:
    """A shipment by number ('12') or manifest number ('MX-AICM-M-2026-0003', any case)."""
    work.require(Action.READ)
    return shipment_view(work, _find(work, raw))


def _find(work: Work, raw: str) -> Shipment:
    wanted = raw.strip().upper()
    if wanted.isdigit():
        return load(work, int(wanted))
    shipment = queries.first(work.session, Shipment, manifest_number=wanted)
    if shipment is None:
        raise NotFound(t("There is no shipment '{raw}'.", raw=raw.strip()))
    return shipment


def _next_manifest_number(work: Work) -> str:
    prefix = f"{lab(work).site_prefix}-M"
    return f"{prefix}-{work.now.year}-{next_number(work, prefix):04d}"


def _optional(value: str | None, field: str, max_len: int) -> str | None:
    try:
        return text.optional(value, field, max_len=max_len)
    except ValueError as error:
        raise ValidationError(message_of(error)) from None


def create(
    work: Work,
    consignee: str,
    *,
    carrier: str | None = None,
    waybill: str | None = None,
    transport_mode: str | None = None,
    conditions: str | None = None,
) -> ShipmentView:
    actor = work.require(Action.SHIP, subject="shipment:new")
    to = consignees.find(work, consignee)
    if not to.active:
        raise ValidationError(t("The consignee {name} is archived.", name=to.name))
    shipment = Shipment(
        manifest_number=_next_manifest_number(work),
        revision=0,
        consignee_id=to.id,
        carrier=_optional(carrier, t("carrier"), 200),
        waybill=_optional(waybill, t("air waybill / tracking number"), 100),
        transport_mode=_optional(transport_mode, t("transport mode"), 50),
        conditions=_optional(conditions, t("transport conditions"), 1000),
        status=S.DRAFT,
        created_at=work.now,
        created_by_id=actor.id,
    )
    work.session.add(shipment)
    work.session.flush()
    work.record("shipment.create", subject(shipment), {"consignee": to.name})
    return shipment_view(work, shipment)


def _withdraw_approval(work: Work, shipment: Shipment) -> None:
    """A change to an approved shipment: back to packing; the next approval issues N+1."""
    if shipment.status is S.APPROVED:
        shipment.status = S.PACKING
        shipment.approved_at = None
        shipment.approved_by_id = None


def update_details(
    work: Work,
    shipment_id: int,
    *,
    consignee: str | None = None,
    carrier: str | None = None,
    waybill: str | None = None,
    transport_mode: str | None = None,
    conditions: str | None = None,
) -> ShipmentView:
    """Change what will be printed on the manifest (None: leave as is)."""
    work.require(Action.SHIP, subject=f"shipment:{shipment_id}")
    shipment = load(work, shipment_id)
    require_status(shipment, EDITABLE, t("change the shipment"))
    before = _details(shipment)
    if consignee is not None:
        to = consignees.find(work, consignee)
        if not to.active:
            raise ValidationError(t("The consignee {name} is archived.", name=to.name))
        shipment.consignee_id = to.id
    for field, value, what, size in (
        ("carrier", carrier, t("carrier"), 200),
        ("waybill", waybill, t("air waybill / tracking number"), 100),
        ("transport_mode", transport_mode, t("transport mode"), 50),
        ("conditions", conditions, t("transport conditions"), 1000),
    ):
        if value is not None:
            setattr(shipment, field, _optional(value, what, size))
    if _details(shipment) == before:
        return shipment_view(work, shipment)
    withdrawn = shipment.status is S.APPROVED
    _withdraw_approval(work, shipment)
    work.session.flush()
    work.record("shipment.update", subject(shipment), {"approval_withdrawn": withdrawn})
    return shipment_view(work, shipment)


def _details(s: Shipment) -> tuple[object, ...]:
    return (s.consignee_id, s.carrier, s.waybill, s.transport_mode, s.conditions)


def add_package(work: Work, shipment_id: int, outer_seals: Sequence[str]) -> ShipmentView:
    """A new numbered package with its outer seal numbers (each used once, ever)."""
    actor = work.require(Action.SHIP, subject=f"shipment:{shipment_id}")
    shipment = load(work, shipment_id)
    require_status(shipment, EDITABLE, t("add a package"))
    if not outer_seals:
        raise ValidationError(t("A package needs at least one outer seal number."))
    numbers = [seals.new_serial(work, s) for s in outer_seals]
    if len(set(numbers)) != len(numbers):
        raise ValidationError(t("The same outer seal number was given twice."))
    number = 1 + max((p.number for p in _packages(work, shipment)), default=0)
    package = ShipmentPackage(shipment_id=shipment.id, number=number)
    work.session.add(package)
    work.session.flush()
    for serial in numbers:
        work.session.add(
            Seal(
                serial=serial,
                sample_id=None,
                package_id=package.id,
                state=SealState.APPLIED,
                applied_at=work.now,
                applied_by_id=actor.id,
            )
        )
    if shipment.status is S.DRAFT:
        shipment.status = S.PACKING
    _withdraw_approval(work, shipment)
    work.session.flush()
    work.record("shipment.package", subject(shipment), {"package": number, "seals": numbers})
    return shipment_view(work, shipment)


def _packages(work: Work, shipment: Shipment) -> list[ShipmentPackage]:
    return queries.rows_where(work.session, ShipmentPackage, "number", shipment_id=shipment.id)


def _package(work: Work, shipment: Shipment, number: int) -> ShipmentPackage:
    package = queries.first(work.session, ShipmentPackage, shipment_id=shipment.id, number=number)
    if package is None:
        raise NotFound(
            t(
                "Shipment {shipment} has no package {number}; add it first.",
                shipment=shipment.manifest_number,
                number=number,
            ),
            subject=subject(shipment),
        )
    return package


def open_shipment_of(work: Work, sample_id: int) -> tuple[Shipment, ShipmentItem] | None:
    for item in queries.rows_where(work.session, ShipmentItem, "id", sample_id=sample_id):
        shipment = load(work, item.shipment_id)
        if shipment.status in OPEN:
            return shipment, item
    return None


def pack(work: Work, shipment_id: int, package_number: int, sample_id: int) -> ShipmentView:
    """Put a sealed sample the clerk holds into a package of an open shipment."""
    work.require(Action.SHIP, subject=f"shipment:{shipment_id}")
    shipment = load(work, shipment_id)
    sample = load_sample(work, sample_id)
    where = f"sample:{sample.code}"
    already = open_shipment_of(work, sample.id)
    if already is not None:
        other, item = already
        package = work.session.get(ShipmentPackage, item.package_id) if item.package_id else None
        there = (
            t("this shipment")
            if other.id == shipment.id
            else t("shipment {shipment}", shipment=other.manifest_number)
        )
        raise Conflict(
            t(
                "{code} is already packed in package {package} of {shipment}.",
                code=sample.code,
                package=package.number,
                shipment=there,
            )
            if package
            else t("{code} is already packed in {shipment}.", code=sample.code, shipment=there),
            subject=where,
        )
    require_status(shipment, EDITABLE, t("pack samples"))
    package = _package(work, shipment, package_number)
    transition(work, sample, EventType.PACK)  # refuses what is not sealed and in hand
    if not queries.seals_of(work.session, sample.id, SealState.APPLIED):
        raise ValidationError(
            t("{code} has no intact seal; only sealed samples can be shipped.", code=sample.code),
            subject=where,
        )
    require_holder(work, sample)
    work.session.add(
        ShipmentItem(shipment_id=shipment.id, package_id=package.id, sample_id=sample.id)
    )
    _withdraw_approval(work, shipment)
    events.add(
        work,
        sample,
        EventType.PACK,
        purpose=f"packed for shipment {shipment.manifest_number}, package {package.number}",
    )
    work.record(
        "shipment.pack", where, {"shipment": shipment.manifest_number, "package": package.number}
    )
    return shipment_view(work, shipment)


def unpack(work: Work, shipment_id: int, sample_id: int, reason: str) -> ShipmentView:
    """Take a sample out of a shipment that has not left (it returns to the clerk's hands)."""
    actor = work.require(Action.SHIP, subject=f"shipment:{shipment_id}")
    shipment = load(work, shipment_id)
    sample = load_sample(work, sample_id)
    require_status(shipment, EDITABLE, t("unpack samples"))
    why = _optional(reason, t("reason"), 500)
    if why is None:
        raise ValidationError(t("Say why the sample is taken out of the shipment."))
    item = queries.first(work.session, ShipmentItem, shipment_id=shipment.id, sample_id=sample.id)
    if item is None:
        raise NotFound(
            t(
                "{code} is not in shipment {shipment}.",
                code=sample.code,
                shipment=shipment.manifest_number,
            )
        )
    transition(work, sample, EventType.UNPACK)
    work.session.delete(item)
    sample.holder_id = actor.id
    _withdraw_approval(work, shipment)
    events.add(work, sample, EventType.UNPACK, to_person_id=actor.id, purpose=why)
    work.record("shipment.unpack", f"sample:{sample.code}", {"shipment": shipment.manifest_number})
    return shipment_view(work, shipment)


def approve(
    work: Work,
    shipment_id: int,
    password: str,
    label_key: bytes,
    signer: Signer,
    *,
    witness: Credentials | None = None,
) -> ShipmentView:
    """A supervisor re-enters the password to sign "approved for release"; the lab signs a
    checkpoint of its journal (printed on the manifest); the manifest revision is issued (and
    the previous one, if any, superseded) in the same transaction."""
    actor = work.require(Action.APPROVE, subject=f"shipment:{shipment_id}")
    shipment = load(work, shipment_id)
    require_status(shipment, (S.PACKING,), t("approve"))
    require_complete(work, shipment)
    authenticate(work, actor.username, password, purpose="sign the manifest")
    witness_actor = None
    if witness is not None:
        witness_actor = authenticate(work, witness.username, witness.password, purpose="witness")
        if witness_actor.id == actor.id:
            raise ValidationError(
                t("The witness must be another person."), subject=subject(shipment)
            )
    made = checkpoints.make(
        work, signer, f"approval of {shipment.manifest_number}", subject=subject(shipment)
    )
    mark = CheckpointMark(
        made.statement["origin"],
        made.statement["size"],
        made.statement["head"],
        made.statement["key"],
        checkpoint_code(made.statement),
    )
    bound = manifests.unsigned_fingerprint(work, shipment)
    method = f"password re-entered at {work.workstation} (21 CFR 11.200)"
    sign(work, shipment, actor, "relinquished", MEANING_APPROVE, method, bound)
    if witness_actor is not None:
        sign(work, shipment, witness_actor, "witness", MEANING_WITNESS, method, bound)
    shipment.status = S.APPROVED
    shipment.approved_at, shipment.approved_by_id = work.now, actor.id
    work.session.flush()
    issued = manifests.issue(work, shipment, label_key, mark)
    work.record(
        "shipment.approve",
        subject(shipment),
        {
            "revision": issued.revision,
            "fingerprint": issued.fingerprint,
            "pdf_sha256": issued.sha256,
            "supersedes": issued.supersedes,
            "signed_by": actor.username,
            "witness": witness_actor.username if witness_actor else None,
            "checkpoint_seq": made.seq,
        },
    )
    return shipment_view(work, shipment)


def dispatch(work: Work, shipment_id: int, password: str, carrier_agent: str) -> ShipmentView:
    """Hand the approved shipment to the carrier: the clerk re-enters the password; the
    carrier's agent is recorded as printed; every sample goes in transit."""
    actor = work.require(Action.SHIP, subject=f"shipment:{shipment_id}")
    shipment = load(work, shipment_id)
    require_status(shipment, (S.APPROVED,), t("dispatch"))
    try:
        agent = text.required(carrier_agent, t("carrier agent (name, company, ID)"), max_len=300)
    except ValueError as error:
        raise ValidationError(message_of(error)) from None
    authenticate(work, actor.username, password, purpose="dispatch")
    method = f"password re-entered at {work.workstation} (21 CFR 11.200)"
    bound = manifests.current(work, shipment).fingerprint
    sign(work, shipment, actor, "dispatched", MEANING_DISPATCH, method, bound)
    meaning = f"relinquished by {actor.full_name} to {agent} ({shipment.carrier})"
    for item in queries.rows_where(work.session, ShipmentItem, "id", shipment_id=shipment.id):
        sample = work.get(Sample, item.sample_id, t("sample"))
        holder = sample.holder_id
        transition(work, sample, EventType.SHIP)
        sample.holder_id = None
        sample.location_id = None
        events.add(
            work,
            sample,
            EventType.SHIP,
            from_person_id=holder,
            purpose=f"shipped on {shipment.manifest_number} rev. {shipment.revision}",
            notes=f"carrier {shipment.carrier}, waybill {shipment.waybill}, agent {agent}",
            auth=f"{actor.username}:{AuthMethod.PASSWORD.value}",
            meaning=meaning,
        )
    shipment.status = S.DISPATCHED
    shipment.dispatched_at, shipment.dispatched_by_id = work.now, actor.id
    shipment.carrier_agent = agent
    work.session.flush()
    work.record("shipment.dispatch", subject(shipment), {"carrier_agent": agent})
    return shipment_view(work, shipment)
