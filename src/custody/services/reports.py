"""The supervisor reports, built from the database: a sample's chain of custody (every journal
entry about it, in order, with the custody event details and the verification of the whole
chain at print time), the inventory by location, and the shipment summary.

The report content models and their fingerprints are in :mod:`custody.domain.reports`; the
PDFs are drawn by :mod:`custody.render.report_pdf` from exactly that content.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from custody import __version__
from custody.db import queries, report_queries
from custody.db.migrate import head_revision
from custody.db.models import Sample, Shipment, ShipmentItem
from custody.domain import printed
from custody.domain.canonical import parse_utc
from custody.domain.messages import t
from custody.domain.permissions import Action
from custody.domain.reports import (
    CustodyReport,
    CustodyReportEvent,
    InventoryReport,
    InventoryRow,
    InventorySection,
    SampleIdentity,
    ShipmentSummary,
    ShipmentSummaryRow,
    VerificationStatus,
)
from custody.errors import NotFound
from custody.services import audit, lookup
from custody.services.lab import lab
from custody.services.manifests import local_time
from custody.services.shipment_views import shipment_view
from custody.services.work import Work

Progress = Callable[[int, int], None]

#: Journal entry kinds as printed (English / Spanish).
KINDS = {
    "sample.register": "Registered / Registrada",
    "sample.subsample": "Sub-sample drawn / Submuestra tomada",
    "sample.amend": "Record amended / Registro corregido",
    "sample.photo": "Photograph added / Fotografía agregada",
    "seal.apply": "Sealed / Sellado",
    "seal.break": "Seal broken, opened / Sello roto, abierta",
    "seal.replace": "Resealed / Resellado",
    "sample.weigh": "Re-weighed / Repesada",
    "event.correct": "Custody event corrected / Evento de custodia corregido",
    "custody.transfer": "Handed over / Entregada",
    "custody.store": "Put away / Almacenada",
    "custody.retrieve": "Retrieved / Retirada",
    "custody.destroy": "Destroyed / Destruida",
    "custody.return": "Returned / Devuelta",
    "label.print": "Label printed / Etiqueta impresa",
    "label.reprint": "Label reprinted / Etiqueta reimpresa",
    "shipment.pack": "Packed / Empacada",
    "shipment.unpack": "Unpacked / Desempacada",
    "shipment.approve": "Shipment approved, manifest issued / Envío aprobado, manifiesto emitido",
    "shipment.dispatch": "Dispatched to the carrier / Entregada al transportista",
    "shipment.receive": "Shipment received / Envío recibido",
    "shipment.scan": "Received and checked / Recibida y verificada",
    "shipment.scan_duplicate": "Scanned twice at reception / Escaneada dos veces",
    "shipment.scan_extra": "Scanned, not on the manifest / Escaneada, fuera del manifiesto",
    "shipment.close": "Shipment closed / Envío cerrado",
    "report.custody": "Custody report printed / Informe de custodia impreso",
    "denied": "Refused action / Acción rechazada",
}
_SHIPMENT_KINDS = {"shipment.approve", "shipment.dispatch", "shipment.receive", "shipment.close"}
# custody event columns shown, in order, with their printed labels
_EVENT_FIELDS = (
    ("purpose", "Purpose / Propósito"),
    ("from_person_id", "From / De"),
    ("to_person_id", "To / Para"),
    ("witness_id", "Witness / Testigo"),
    ("from_location_id", "From location / Ubicación origen"),
    ("to_location_id", "To location / Ubicación destino"),
    ("seals_before", "Seals before / Sellos antes"),
    ("seals_after", "Seals after / Sellos después"),
    ("seal_intact", "Seal intact / Sello íntegro"),
    ("weight", "Weight / Peso (g)"),
    ("balance_id", "Balance / Balanza"),
    ("notes", "Notes / Notas"),
    ("meaning", "Signature meaning / Significado de la firma"),
    ("auth", "Authentication / Autenticación"),
    ("corrects_id", "Corrects event / Corrige evento"),
    ("reason", "Reason / Motivo"),
)
# journal entry data keys, as printed (an unknown key prints as words: "some_key" -> "Some key")
_DATA_LABELS = {
    "exhibit_id": "Exhibit record / Registro del indicio",
    "event_id": "Custody event / Evento de custodia",
    "corrects": "Corrects event / Corrige evento",
    "parent": "Parent sample / Muestra de origen",
    "to": "Received by (user) / Recibida por (usuario)",
    "location": "Location / Ubicación",
    "seal": "Seal / Sello",
    "seals": "Seals / Sellos",
    "replaces": "Replaces seal / Reemplaza el sello",
    "intact": "Seal intact / Sello íntegro",
    "seal_intact": "Seal intact / Sello íntegro",
    "previous": "Previous weight / Peso anterior (g)",
    "weight": "Weight / Peso (g)",
    "alert": "Weight alert / Alerta de peso",
    "reason": "Reason / Motivo",
    "fields": "Fields changed / Campos modificados",
    "sha256": "SHA-256",
    "filename": "File / Archivo",
    "serial": "Label serial / Serie de la etiqueta",
    "template": "Label stock / Formato de etiqueta",
    "voids": "Voids label serial / Anula la serie",
    "shipment": "Shipment / Envío",
    "package": "Package / Bulto",
    "revision": "Manifest revision / Revisión del manifiesto",
    "fingerprint": "Content fingerprint / Huella del contenido",
    "pdf_sha256": "Manifest PDF SHA-256 / SHA-256 del PDF del manifiesto",
    "supersedes": "Supersedes revision / Sustituye la revisión",
    "signed_by": "Signed by (user) / Firmado por (usuario)",
    "witness": "Witness (user) / Testigo (usuario)",
    "carrier_agent": "Carrier agent / Agente del transportista",
    "clean": "Closed clean / Cerrado sin discrepancias",
    "open": "Open discrepancies / Discrepancias abiertas",
    "action": "Refused action / Acción rechazada",
    "code": "Refusal code / Código del rechazo",
    "message": "Message / Mensaje",
}
_RECORD_KEYS = {"exhibit_id", "event_id", "corrects"}  # record numbers, printed as #n


def _software() -> str:
    return f"Custody {__version__}, schema {head_revision()}"


def _who(work: Work) -> str:
    actor = work.actor
    return f"{actor.full_name} ({actor.username})" if actor else ""


def _paths(work: Work) -> tuple[dict[int, str], dict[int, tuple[str, str]]]:
    """Location id -> 'VAULT-A › SHELF-2', and id -> (code, name)."""
    rows = report_queries.locations(work.session)
    parent = {r[0]: r[3] for r in rows}
    names = {r[0]: (r[1], r[2]) for r in rows}
    paths = {}
    for ident in names:
        chain: list[str] = []
        seen: set[int] = set()
        node: int | None = ident
        while node is not None and node not in seen:
            seen.add(node)
            chain.append(names[node][0])
            node = parent.get(node)
        paths[ident] = " › ".join(reversed(chain))
    return paths, names


def _value(key: str, value: Any, people: dict[int, str], places: dict[int, str]) -> str:
    if key.endswith("person_id") or key == "witness_id":
        return people.get(value, f"#{value}")
    if key.endswith("location_id"):
        return places.get(value, f"#{value}")
    if key == "seal_intact":
        return "yes / sí" if value else "NO"
    return str(value)


def _details(
    payload: dict[str, Any], sample_id: int, people: dict[int, str], places: dict[int, str]
) -> tuple[tuple[str, str], ...]:
    out: list[tuple[str, str]] = []
    for change in payload.get("changes", []):
        values = change.get("v", {})
        if change.get("t") != "custody_events" or values.get("sample_id") != sample_id:
            continue
        for key, label in _EVENT_FIELDS:
            if values.get(key) not in (None, ""):
                out.append((label, _value(key, values[key], people, places)))
    for key, value in sorted(payload.get("data", {}).items()):
        if value not in (None, "", [], {}):
            item = (_DATA_LABELS.get(key) or key.replace("_", " ").capitalize(), _data(key, value))
            if item not in out:  # e.g. the seal's intactness, also on the custody event
                out.append(item)
    return tuple(out)


def _data(key: str, value: Any) -> str:
    """A journal data value as printed: yes/no, #record, lists and changed fields as text."""
    if isinstance(value, bool):
        return "yes / sí" if value else ("NO" if "intact" in key else "no")
    if key in _RECORD_KEYS:
        return f"#{value}"
    if isinstance(value, dict):  # changed fields: {"description": [old, new]}
        return "; ".join(f"{name}: {_data('change', v)}" for name, v in value.items())
    if isinstance(value, list):
        return (" → " if key == "change" else ", ").join(str(v) for v in value)
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _verification(work: Work, zone: str, progress: Progress | None) -> VerificationStatus:
    report = audit.verify(work, progress)
    message = ""
    if report.chain_break is not None:
        message = (
            f"The hash chain breaks at entry {report.chain_break.seq}: {report.chain_break.problem}"
        )
    elif report.divergence is not None:
        message = report.divergence.problem
    return VerificationStatus(
        intact=report.intact,
        entries_checked=report.entries,
        head_seq=report.entries,
        head_hash=report.head_hash if report.chain_break is None else "",
        checked_at=local_time(work.now, zone),
        message=message,
    )


def custody_report(work: Work, raw_sample: str, progress: Progress | None = None) -> CustodyReport:
    """The chain of custody of one sample, court-ready; the journal is verified first."""
    work.require(Action.VERIFY, subject=f"sample:{raw_sample}")
    view = lookup.find_sample(work, raw_sample)
    settings = lab(work)
    zone = settings.timezone
    sample = work.get(Sample, view.id, t("sample"))
    paths, _ = _paths(work)
    people = queries.people_names(work.session)
    subjects = {f"sample:{view.code}", f"sample:{sample.code_key}"}
    for item in queries.rows_where(work.session, ShipmentItem, "id", sample_id=sample.id):
        shipment = work.get(Shipment, item.shipment_id, t("shipment"))
        subjects.add(f"shipment:{shipment.manifest_number}")
    events = []
    for (
        seq,
        ts,
        entry_zone,
        station,
        actor_id,
        actor,
        kind,
        subject,
        payload,
        digest,
    ) in report_queries.journal_entries(work.session, subjects):
        data = json.loads(payload)
        mine = any(
            c.get("t") == "custody_events" and c.get("v", {}).get("sample_id") == sample.id
            for c in data.get("changes", [])
        )
        if subject.startswith("shipment:") and kind not in _SHIPMENT_KINDS and not mine:
            continue
        name = people.get(actor_id, "") if actor_id is not None else ""
        events.append(
            CustodyReportEvent(
                seq=seq,
                when=local_time(parse_utc(ts), entry_zone),
                what=KINDS.get(kind, kind),
                who=f"{name} ({actor})" if actor else "—",
                workstation=station,
                details=_details(data, sample.id, people, paths),
                entry_hash=digest,
            )
        )
    identity = SampleIdentity(
        sample_id=view.code,
        case_number=view.case_number,
        seizing_institution=report_queries.case_institution(work.session, sample.id),
        exhibit=str(view.exhibit_number),
        parent_sample_id=view.parent_code or "",
        description=view.description,
        substance=view.presumptive_substance or "",
        form=printed.form(view.form),
        units="" if view.unit_count is None else str(view.unit_count),
        net_weight=f"{view.net_weight:.4f}",
        balance_id=view.balance_id,
        seals=view.seals,
        hazard=view.hazard,
        status=printed.sample_status(view.status),
        location=paths.get(sample.location_id, "") if sample.location_id else "",
        holder=view.holder or "",
    )
    return CustodyReport(
        lab_name=settings.lab_name,
        sample=identity,
        events=tuple(events),
        verification=_verification(work, zone, progress),
        generated_at=local_time(work.now, zone),
        generated_by=_who(work),
        software=_software(),
    )


def inventory(work: Work, location: str | None = None) -> InventoryReport:
    """What should be on each shelf: the samples kept at a location and everything under it
    (or at every location), one section per location."""
    work.require(Action.READ)
    settings = lab(work)
    paths, names = _paths(work)
    rows = report_queries.locations(work.session)
    if location is None:
        chosen = [r[0] for r in rows]
        scope = "all"
    else:
        code = location.strip().upper()
        root = next((r[0] for r in rows if r[1] == code), None)
        if root is None:
            raise NotFound(t("There is no location '{location}'.", location=location.strip()))
        children: dict[int | None, list[int]] = {}
        for ident, _, _, parent in rows:
            children.setdefault(parent, []).append(ident)
        chosen, stack = [], [root]
        while stack:
            node = stack.pop()
            chosen.append(node)
            stack.extend(children.get(node, []))
        scope = code
    found = report_queries.samples_at(work.session, chosen)
    seals = report_queries.applied_seals(work.session, [r[8] for r in found])
    by_place: dict[int, list[InventoryRow]] = {}
    for place, code, case, exhibit, desc, status, weight, hazard, sid in found:
        by_place.setdefault(place, []).append(
            InventoryRow(
                sample_id=code,
                case_number=case,
                exhibit=str(exhibit),
                description=desc,
                status=printed.sample_status(status),
                seals=tuple(seals.get(sid, ())),
                net_weight=f"{weight:.4f}",
                hazard=hazard,
            )
        )
    sections = tuple(
        InventorySection(names[p][0], names[p][1], paths[p], tuple(by_place[p]))
        for p in sorted(by_place, key=lambda p: paths[p])
    )
    return InventoryReport(
        lab_name=settings.lab_name,
        scope=scope,
        sections=sections,
        generated_at=local_time(work.now, settings.timezone),
        generated_by=_who(work),
        software=_software(),
    )


def shipment_summary(work: Work) -> ShipmentSummary:
    """Every shipment, newest first: where it is in its life and what is still open."""
    work.require(Action.READ)
    settings = lab(work)
    zone = settings.timezone

    def when(moment: Any) -> str:
        return local_time(moment, zone) if moment is not None else ""

    rows = []
    for shipment in reversed(queries.all_of(work.session, Shipment, order_by="id")):
        view = shipment_view(work, shipment)
        weights = report_queries.shipment_weight(work.session, shipment.id)
        rows.append(
            ShipmentSummaryRow(
                manifest_number=view.manifest_number,
                revision=view.revision,
                consignee=view.consignee,
                status=printed.shipment_status(view.status),
                packages=len(view.packages),
                samples=view.sample_count,
                total_net_weight=f"{weights or Decimal(0):.4f}",
                created_at=when(view.created_at),
                approved_by=view.approved_by or "",
                approved_at=when(view.approved_at),
                carrier=view.carrier or "",
                waybill=view.waybill or "",
                dispatched_at=when(view.dispatched_at),
                received_at=when(view.received_at),
                reconciled_at=when(view.reconciled_at),
                open_discrepancies=view.open_discrepancies,
            )
        )
    return ShipmentSummary(
        lab_name=settings.lab_name,
        rows=tuple(rows),
        generated_at=local_time(work.now, zone),
        generated_by=_who(work),
        software=_software(),
    )


def record_print(work: Work, report: str, subject: str, fingerprint: str) -> None:
    """Journal that a report was produced (who, what, its content fingerprint) before the PDF
    is written anywhere: an audit trail of access to custody records (CJIS 5.4)."""
    work.require(Action.READ, subject=subject)
    work.record(f"report.{report}", subject, {"fingerprint": fingerprint})
