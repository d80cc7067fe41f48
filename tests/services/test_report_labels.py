"""The custody report prints every journal detail under a readable, bilingual label (never a
raw data key such as `exhibit_id`), with readable values (yes/no, #record numbers, changes)."""

from __future__ import annotations

import re

from ship_support import sealed_samples

from custody.services import corrections, custody, intake, reports, seals
from custody.services.custody import Credentials
from custody.services.intake import NewSample
from lab_support import PASSWORD, Lab

RAW_KEY = re.compile(r"^[a-z0-9_]+$")


def test_custody_report_details_have_readable_labels(lab_db: Lab) -> None:
    (sample,) = sealed_samples(lab_db, 1)  # sample.register {exhibit_id}, seal.apply {seal}
    tech = lab_db.as_(lab_db.technician)
    tech.perform(
        "open", lambda w: seals.open_sample(w, sample.id, "draw a sub-sample", seal_intact=True)
    )
    child = tech.perform(
        "sub", lambda w: intake.subsample(w, sample.id, NewSample("one bag", "1.0000", "BAL-01"))
    )
    tech.perform("reseal", lambda w: seals.reseal(w, sample.id, "SEAL-R-0002"))
    tech.perform("weigh", lambda w: seals.reweigh(w, sample.id, "8.9990", "BAL-01"))
    tech.perform(
        "amend",
        lambda w: corrections.amend_sample(
            w, sample.id, "typo in the description", description="white powder, bag one"
        ),
    )
    tech.perform(
        "transfer",
        lambda w: custody.transfer(w, sample.id, Credentials("carla", PASSWORD), "to the vault"),
    )
    lab_db.as_(lab_db.clerk).perform("store", lambda w: custody.store(w, sample.id, "VAULT-A"))

    boss = lab_db.as_(lab_db.supervisor)
    report = boss.query(lambda w: reports.custody_report(w, sample.code))
    by_kind = {event.what: dict(event.details) for event in report.events}
    labels = [label for event in report.events for label, _ in event.details]
    assert labels and not [label for label in labels if RAW_KEY.match(label)]
    assert all(" / " in label or label == "SHA-256" for label in labels), labels

    registered = by_kind["Registered / Registrada"]
    assert registered["Exhibit record / Registro del indicio"] == f"#{lab_db.exhibit_id}"
    assert by_kind["Sealed / Sellado"]["Seal / Sello"] == sample.seals[0]
    opened = by_kind["Seal broken, opened / Sello roto, abierta"]
    assert opened["Seal intact / Sello íntegro"] == "yes / sí"
    assert opened["Seals / Sellos"] == sample.seals[0]
    resealed = by_kind["Resealed / Resellado"]
    assert resealed["Seal / Sello"] == "SEAL-R-0002"
    assert resealed["Replaces seal / Reemplaza el sello"] == sample.seals[0]
    weighed = by_kind["Re-weighed / Repesada"]
    assert weighed["Previous weight / Peso anterior (g)"] == "9.0000"  # 1 g was drawn
    assert weighed["Weight / Peso (g)"] == "8.9990"
    amended = by_kind["Record amended / Registro corregido"]
    assert amended["Reason / Motivo"] == "typo in the description"
    assert amended["Fields changed / Campos modificados"] == (
        "description: white powder, bag 1 → white powder, bag one"
    )
    handed = by_kind["Handed over / Entregada"]
    assert handed["Received by (user) / Recibida por (usuario)"] == "carla"
    assert re.fullmatch(r"#\d+", handed["Custody event / Evento de custodia"])
    assert by_kind["Put away / Almacenada"]["Location / Ubicación"] == "VAULT-A"

    sub = boss.query(lambda w: reports.custody_report(w, child.code))
    drawn = dict(sub.events[0].details)
    assert drawn["Parent sample / Muestra de origen"] == sample.code
