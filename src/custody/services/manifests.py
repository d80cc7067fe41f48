"""Transfer manifests: the content from the database, issuing a revision (the PDF and its SHA-256
stored and journaled in the approval's transaction), reprints byte for byte, superseded marks.

A revision's PDF is stored as issued; a reprint of the current revision returns exactly those
bytes. A superseded revision is printed again from its stored content with the "superseded by
revision N" mark on its face (the content, and so its fingerprint, unchanged).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from custody import __version__
from custody.db import queries, shipping_queries
from custody.db.migrate import head_revision
from custody.db.models import Consignee, Manifest, Shipment, Signature
from custody.domain.canonical import canonical_json
from custody.domain.labelcode import LabelKind
from custody.domain.manifest import (
    CheckpointMark,
    ManifestContent,
    ManifestPackage,
    ManifestRow,
    Party,
    SignatureBlock,
)
from custody.domain.messages import t
from custody.domain.permissions import Action
from custody.errors import NotFound
from custody.services import labels
from custody.services.lab import lab, settings_row
from custody.services.work import Work

#: Signature roles printed on the manifest, in order (the others are in the custody report).
PRINTED_ROLES = ("relinquished", "received", "witness")


@dataclass(frozen=True)
class Issued:
    revision: int
    fingerprint: str
    sha256: str
    supersedes: int | None


@dataclass(frozen=True)
class ManifestPdf:
    manifest_number: str
    revision: int
    data: bytes
    sha256: str  # of ``data``
    fingerprint: str
    superseded_by: int | None  # set when a later revision exists


def local_time(moment: datetime, zone: str) -> str:
    """'2026-11-27 14:05 CST (America/Mexico_City)'."""
    here = moment.astimezone(ZoneInfo(zone))
    return f"{here:%Y-%m-%d %H:%M} {here.tzname()} ({zone})"


def _grams(value: object) -> str:
    return f"{value:.4f}"


def _signatures(work: Work, shipment: Shipment, bound: str) -> tuple[SignatureBlock, ...]:
    zone = lab(work).timezone
    rows = queries.rows_where(work.session, Signature, "id", shipment_id=shipment.id)
    signed = {r.role: r for r in rows if r.bound_to == bound}
    blocks = []
    for role in PRINTED_ROLES:
        row = signed.get(role)
        if row is None:
            blocks.append(SignatureBlock(role))
            continue
        blocks.append(
            SignatureBlock(
                role,
                printed_name=row.printed_name,
                institution=row.institution or "",
                position=row.position or "",
                signed_at=local_time(row.signed_at, zone),
                meaning=row.meaning,
                method=row.method,
            )
        )
    return tuple(blocks)


def build_content(
    work: Work, shipment: Shipment, *, revision: int = 0, qr_payload: str = "", issued_at: str = ""
) -> ManifestContent:
    """The manifest's content from the live database (signatures: those bound to it)."""
    settings = lab(work)
    row_settings = settings_row(work)
    address = (row_settings.address if row_settings else None) or ""
    consignee = (
        work.session.get(Consignee, shipment.consignee_id) if shipment.consignee_id else None
    )
    sample_seals = shipping_queries.shipment_sample_seals(work.session, shipment.id)
    outer = shipping_queries.package_seals(work.session, shipment.id)
    rows: list[ManifestRow] = []
    per_package: dict[int, list[ManifestRow]] = {}
    weights: dict[int, Decimal] = {}
    total = Decimal(0)
    for line, (
        pkg,
        code,
        case,
        exhibit,
        desc,
        subst,
        form,
        units,
        weight,
        hazard,
        sid,
        _,
    ) in enumerate(shipping_queries.manifest_rows(work.session, shipment.id), start=1):
        row = ManifestRow(
            line=line,
            package=pkg,
            sample_id=code,
            case_number=case,
            exhibit=exhibit,
            description=desc,
            substance=subst or "",
            form=form.value,
            units="" if units is None else str(units),
            net_weight=_grams(weight),
            seals=tuple(sample_seals.get(sid, ())),
            hazard=hazard,
        )
        rows.append(row)
        per_package.setdefault(pkg, []).append(row)
        total += weight
        weights[pkg] = weights.get(pkg, Decimal(0)) + weight
    packages = tuple(
        ManifestPackage(
            number=n,
            outer_seals=tuple(outer.get(n, ())),
            sample_count=len(per_package.get(n, ())),
            net_weight=_grams(weights.get(n, Decimal(0))),
        )
        for n in sorted(set(outer) | set(per_package))
    )
    unsigned = ManifestContent(
        manifest_number=shipment.manifest_number,
        revision=revision,
        qr_payload=qr_payload,
        issued_at=issued_at,
        shipper=Party(settings.lab_name, address),
        consignee=Party(consignee.name, consignee.address) if consignee else Party("", ""),
        carrier=shipment.carrier or "",
        waybill=shipment.waybill or "",
        transport_mode=shipment.transport_mode or "",
        conditions=shipment.conditions or "",
        packages=packages,
        rows=tuple(rows),
        total_net_weight=_grams(total),
        signatures=(),
        software=f"Custody {__version__}, schema {head_revision()}",
    )
    bound = _bound(unsigned)
    return dataclasses.replace(unsigned, signatures=_signatures(work, shipment, bound))


def _bound(content: ManifestContent) -> str:
    """What an approval signs: the content without revision, QR, issue time or signatures."""
    bare = dataclasses.replace(content, revision=0, qr_payload="", issued_at="", signatures=())
    return bare.fingerprint


def unsigned_fingerprint(work: Work, shipment: Shipment) -> str:
    return _bound(build_content(work, shipment))


def issue(work: Work, shipment: Shipment, label_key: bytes, checkpoint: CheckpointMark) -> Issued:
    """Issue the next revision: a new QR serial (voiding the previous revision's), the PDF
    rendered and stored with its SHA-256, the previous revision marked superseded."""
    actor = work.require(Action.APPROVE, subject=f"shipment:{shipment.manifest_number}")
    previous = current_row(work, shipment) if shipment.revision else None
    revision = shipment.revision + 1
    label = labels.issue(
        work,
        LabelKind.SHIPMENT,
        labels.shipment_key(shipment.id),
        label_key,
        template="manifest",
        reprint_reason=f"manifest revision {revision}" if previous else None,
    )
    content = build_content(
        work,
        shipment,
        revision=revision,
        qr_payload=label.payload,
        issued_at=local_time(work.now, lab(work).timezone),
    )
    content = dataclasses.replace(content, checkpoint=checkpoint)
    from custody.render.manifest_pdf import render_manifest  # reportlab: only when drawn

    pdf = render_manifest(content)
    digest = hashlib.sha256(pdf).hexdigest()
    if previous is not None:
        previous.superseded_at = work.now
    work.session.add(
        Manifest(
            shipment_id=shipment.id,
            revision=revision,
            fingerprint=content.fingerprint,
            sha256=digest,
            pdf=pdf,
            content=canonical_json(content.fingerprint_data()).decode(),
            label_serial=label.code.serial,
            issued_at=work.now,
            issued_by_id=actor.id,
            superseded_at=None,
        )
    )
    shipment.revision = revision
    shipment.manifest_sha256 = digest
    work.session.flush()
    return Issued(revision, content.fingerprint, digest, previous.revision if previous else None)


def current_row(work: Work, shipment: Shipment) -> Manifest:
    row = queries.first(work.session, Manifest, shipment_id=shipment.id, revision=shipment.revision)
    if row is None:
        raise NotFound(
            t(
                "Shipment {shipment} has no manifest yet: it is issued when a supervisor "
                "approves the shipment.",
                shipment=shipment.manifest_number,
            )
        )
    return row


def current(work: Work, shipment: Shipment) -> ManifestContent:
    return stored_content(current_row(work, shipment))


def stored_content(row: Manifest) -> ManifestContent:
    return ManifestContent.from_data(json.loads(row.content))


def manifest_pdf(work: Work, shipment_id: int, revision: int | None = None) -> ManifestPdf:
    """The PDF of a revision (default: the current one). The current revision comes back byte
    for byte as issued; an older one is marked "superseded by revision N" on its face."""
    work.require(Action.READ)
    shipment = work.session.get(Shipment, shipment_id)
    if shipment is None:
        raise NotFound(t("There is no shipment #{id}.", id=shipment_id))
    if shipment.revision == 0:
        current_row(work, shipment)  # NotFound: "has no manifest yet"
    wanted = shipment.revision if revision is None else revision
    row = queries.first(work.session, Manifest, shipment_id=shipment.id, revision=wanted)
    if row is None:
        issued = shipment.revision
        raise NotFound(
            t(
                "Shipment {shipment} has no manifest revision {revision} "
                "(revisions 1–{issued} exist).",
                shipment=shipment.manifest_number,
                revision=wanted,
                issued=issued,
            )
            if issued
            else t(
                "Shipment {shipment} has no manifest revision {revision} (none issued yet).",
                shipment=shipment.manifest_number,
                revision=wanted,
            )
        )
    if row.revision == shipment.revision:
        data = row.pdf
        superseded_by = None
    else:
        from custody.render.manifest_pdf import render_manifest

        superseded_by = shipment.revision
        data = render_manifest(stored_content(row), superseded_by=superseded_by)
    return ManifestPdf(
        shipment.manifest_number,
        row.revision,
        data,
        hashlib.sha256(data).hexdigest(),
        row.fingerprint,
        superseded_by,
    )


def print_copy(work: Work, shipment_id: int, revision: int | None = None) -> ManifestPdf:
    """A copy of a manifest revision to print or save, journaled (who printed which revision,
    and the SHA-256 of what they got) before the caller writes it anywhere."""
    pdf = manifest_pdf(work, shipment_id, revision)
    work.record(
        "manifest.print",
        f"shipment:{pdf.manifest_number}",
        {"revision": pdf.revision, "sha256": pdf.sha256, "superseded_by": pdf.superseded_by},
    )
    return pdf


def recompute_fingerprint(work: Work, shipment_id: int) -> tuple[str, str]:
    """(stored fingerprint of the current revision, fingerprint recomputed from the live
    database): equal unless the records changed after issue."""
    work.require(Action.READ)
    shipment = work.session.get(Shipment, shipment_id)
    if shipment is None:
        raise NotFound(t("There is no shipment #{id}.", id=shipment_id))
    row = current_row(work, shipment)
    stored = stored_content(row)
    live = build_content(
        work,
        shipment,
        revision=row.revision,
        qr_payload=stored.qr_payload,
        issued_at=stored.issued_at,
    )
    live = dataclasses.replace(live, software=stored.software)
    return row.fingerprint, live.fingerprint
