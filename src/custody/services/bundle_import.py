"""Importing a partner lab's shipment bundle: verify it, check it, then continue its chain here.

The bundle is verified first, with the stand-alone verifier (`custody.verifier.verify`) and
only the keys a supervisor registered for its origin (`services.partners`): never with the key
the bundle brings. Only the description's origin is read before that, through the verifier's
own safe ZIP reader; nothing is extracted to disk. Then what it describes is checked against
its journal extract and against this lab's records (a bundle imported twice, a sample code, a
manifest number, a seal number or a label that exists here already), and only then are the
records created (`services.bundle_records`), all in the caller's one transaction. Every
refusal is a Refusal, which the app journals as a denial.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from custody import verifier
from custody.db import queries
from custody.db.models import ForeignLabel, Sample, Seal, Shipment, WitnessCheckpoint
from custody.domain.manifest import ManifestContent
from custody.domain.messages import message_of, t
from custody.domain.permissions import Action
from custody.domain.text import grouped
from custody.errors import Conflict, NotFound, ValidationError
from custody.services import bundle_records, partners
from custody.services.bundle_content import ContentError, ShipmentPart, read_shipment
from custody.services.bundle_records import Provenance
from custody.services.lab import lab
from custody.services.work import Work

MAX_PDF = 1 << 30  # the verifier's own limit for the manifest PDF
T = TypeVar("T")


@dataclass(frozen=True)
class ImportResult:
    shipment_id: int  # the shipment here
    manifest_number: str
    origin: str
    origin_lab: str
    packages: int
    samples: int
    labels: int  # the origin's label texts now recognised when scanned
    bundle_sha256: str
    checkpoint_size: int  # the origin's signed checkpoint, kept as a witness copy
    checkpoint_head: str
    checkpoint_key: str
    entries_checked: int  # journal entries of the origin verified


def _sha256(path: Path, where: str) -> str:
    digest = hashlib.sha256()
    try:
        with path.open("rb") as raw:
            while chunk := raw.read(1 << 20):
                digest.update(chunk)
    except FileNotFoundError:
        raise NotFound(t("There is no bundle file {path}.", path=path), subject=where) from None
    except OSError as error:
        raise ValidationError(
            t("The bundle file {path} cannot be read: {error}", path=path, error=error.strerror),
            subject=where,
        ) from None
    return digest.hexdigest()


def _checked(where: str, fn: Callable[[], T]) -> T:
    """`fn()` (a verifier call); its refusal refuses the bundle."""
    try:
        return fn()
    except verifier.Invalid as error:
        raise ValidationError(
            t("The bundle is refused: {reason}", reason=str(error)), subject=where
        ) from None


def _read(path: Path, *members: tuple[str, int]) -> list[bytes]:
    """Members of the bundle, through the verifier's safe reader (never extracted to disk)."""
    bundle = verifier.Bundle(path)
    try:
        return [bundle.read(name, limit) for name, limit in members]
    finally:
        bundle.zip.close()


def _peek(path: Path, where: str) -> tuple[str, str]:
    """(origin, fingerprint of the key that signed) as the bundle claims, not yet verified."""
    wanted = ((verifier.BUNDLE_JSON, verifier.MAX_JSON), (verifier.BUNDLE_SIG, verifier.MAX_JSON))
    raw_desc, raw_sig = _checked(where, lambda: _read(path, *wanted))
    desc = _checked(where, lambda: verifier.loads(raw_desc, verifier.BUNDLE_JSON))
    sig = _checked(where, lambda: verifier.loads(raw_sig, verifier.BUNDLE_SIG))
    origin = desc.get("origin") if isinstance(desc, dict) else None
    key = sig.get("key") if isinstance(sig, dict) else None
    if not isinstance(origin, str) or not 0 < len(origin) <= 20 or not isinstance(key, str):
        raise ValidationError(
            t("The bundle is refused: it does not say which lab it comes from."), subject=where
        )
    return origin.strip().upper(), key[:32]


def import_bundle(work: Work, path: Path) -> ImportResult:
    """Verify the shipment bundle at `path` and create its shipment here, dispatched to us."""
    named = f"bundle:{path.name}"[:100]  # a journal subject
    actor = work.require(Action.SHIP, subject=named)
    digest = _sha256(path, named)
    where = f"bundle:{digest}"
    origin, signed_by = _peek(path, where)
    done = queries.first(work.session, WitnessCheckpoint, bundle_sha256=digest)
    if done is not None:
        shipment = work.session.get(Shipment, done.shipment_id) if done.shipment_id else None
        raise Conflict(
            t(
                "This bundle was imported already (shipment {shipment}, on {date} UTC); "
                "nothing was changed.",
                shipment=shipment.manifest_number if shipment else "?",
                date=f"{done.received_at:%Y-%m-%d %H:%M}",
            ),
            subject=where,
        )
    keys = partners.trusted_keys(work, origin)
    if not keys:
        raise ValidationError(
            t(
                "No partner key is registered for {origin}, so its bundles cannot be checked. "
                "A supervisor must add that lab's public key (`partner add`) after confirming "
                "its fingerprint with the lab by phone or letter; this bundle says it is "
                "signed by key {fingerprint}.",
                origin=origin,
                fingerprint=grouped(signed_by),
            ),
            subject=f"partner:{origin}",
        )
    report = _checked(where, lambda: verifier.verify(path, keys=keys))
    desc = report.bundle
    if desc.get("kind") != "shipment":
        raise ValidationError(
            t(
                "This is {kind} bundle, not a shipment: only shipment bundles are imported.",
                kind=repr(desc.get("kind")),
            ),
            subject=where,
        )
    try:
        part = read_shipment(desc.get("shipment"))
        _agrees_with_journal(part, report.extract)
    except ContentError as error:
        raise ValidationError(
            t("The bundle is refused: {reason}", reason=message_of(error)), subject=where
        ) from None
    _not_here_yet(work, part)
    (pdf,) = _checked(where, lambda: _read(path, (part.manifest_pdf, MAX_PDF)))
    if hashlib.sha256(pdf).hexdigest() != part.manifest_sha256 or _sha256(path, where) != digest:
        raise ValidationError(
            t("The bundle file changed while it was being imported; nothing was imported."),
            subject=where,
        )
    lab_name = partners.lab_name_of(work, origin, report.signer) or str(desc.get("lab_name"))
    checkpoint = desc["checkpoint"]
    checked = len(report.extract.entries)
    came = Provenance(origin, lab_name, digest, checkpoint, report.signer, checked)
    shipment_id = bundle_records.create(work, actor, part, came, pdf)
    return ImportResult(
        shipment_id=shipment_id,
        manifest_number=part.manifest_number,
        origin=origin,
        origin_lab=lab_name,
        packages=len(part.packages),
        samples=len(part.samples),
        labels=len(part.labels()),
        bundle_sha256=digest,
        checkpoint_size=int(checkpoint["size"]),
        checkpoint_head=str(checkpoint["head"]),
        checkpoint_key=str(checkpoint["key"]),
        entries_checked=checked,
    )


def _fail(reason: str) -> ContentError:
    return ContentError(t("it disagrees with its own journal extract: {reason}", reason=reason))


def _agrees_with_journal(part: ShipmentPart, extract: verifier.Extract) -> None:
    """What the description says must be what the verified journal extract recorded."""
    shipment_id, manifests = None, {}
    for body in extract.payloads:
        for change in body["changes"]:
            values: dict[str, Any] = change.get("v") or {}
            if change.get("op") != "insert":
                continue
            if change.get("t") == "shipments":
                if values.get("manifest_number") == part.manifest_number:
                    shipment_id = change.get("k")
            elif change.get("t") == "manifests":
                manifests[(values.get("shipment_id"), values.get("revision"))] = values
    manifest = manifests.get((shipment_id, part.revision))
    if part.manifest_label.code.body != str(shipment_id):
        raise _fail(t("the manifest's label is not the label of shipment {n}", n=shipment_id))
    content = part.manifest_content.encode()
    if (
        manifest is None
        or manifest.get("fingerprint") != part.manifest_fingerprint
        or manifest.get("content") != "sha256:" + hashlib.sha256(content).hexdigest()
        or hashlib.sha256(content).hexdigest() != part.manifest_fingerprint
    ):
        raise _fail(t("the manifest's content is not the one issued at approval"))
    try:
        issued = ManifestContent.from_data(json.loads(content))
    except (ValueError, TypeError, KeyError):
        raise _fail(t("the manifest's content cannot be read")) from None
    rows = sorted((r.sample_id, r.package) for r in issued.rows)
    if (
        issued.qr_payload != part.manifest_label.payload
        or issued.manifest_number != part.manifest_number
        or rows != sorted((s.sample_id.human, s.package) for s in part.samples)
    ):
        raise _fail(t("the samples or the label differ from the manifest's content"))
    for sample in part.samples:
        if extract.entries.get(sample.last_seq) != sample.last_hash:
            raise _fail(
                t(
                    "the last entry of {code} ({seq}) is not in the extract",
                    code=sample.sample_id.human,
                    seq=sample.last_seq,
                )
            )


def _not_here_yet(work: Work, part: ShipmentPart) -> None:
    """Refuse what would clash with this lab's own records (nothing is written yet)."""
    subject = f"shipment:{part.manifest_number}"
    own = lab(work).site_prefix
    if part.manifest_number.startswith(f"{own}-") or any(
        s.sample_id.prefix == own for s in part.samples
    ):
        raise Conflict(
            t(
                "The bundle names samples or a manifest in this lab's own series {prefix}; "
                "it cannot be imported here.",
                prefix=own,
            ),
            subject=subject,
        )
    if queries.exists(work.session, Shipment, manifest_number=part.manifest_number):
        raise Conflict(
            t("Shipment {number} exists here already.", number=part.manifest_number),
            subject=subject,
        )
    for sample in part.samples:
        if queries.exists(work.session, Sample, code_key=sample.sample_id.key):
            raise Conflict(
                t("Sample {code} exists here already.", code=sample.sample_id.human),
                subject=f"sample:{sample.sample_id.human}",
            )
    for serial in part.seal_serials():
        if queries.exists(work.session, Seal, serial=serial):
            raise Conflict(
                t(
                    "Seal number {serial} is used here already; seal numbers are unique, so "
                    "the shipment cannot be imported. Ask a supervisor.",
                    serial=serial,
                ),
                subject=subject,
            )
    for label in part.labels():
        if queries.exists(work.session, ForeignLabel, payload=label.payload):
            raise Conflict(
                t("The label {payload} is known here already.", payload=label.payload),
                subject=subject,
            )
