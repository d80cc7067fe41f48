"""Helpers for the Shipments view tests: a fresh demo lab (with the DEA consignees) per test,
copied from one built per session, and service recipes for what the tests do not click.

Import the fixtures by name: ``from shipment_support import ship_lab_fixture as ship_lab_fixture``.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import text
from ui_support import make_ctx

from custody import demo, keyfile
from custody.context import AppContext
from custody.domain.labelcode import LabelKind
from custody.services import consignees, custody, lab, labels, lookup, manifests, shipments
from custody.services.lab import LabView
from custody.services.shipment_views import ShipmentView
from custody.services.views import SampleView
from custody.services.work import Actor

SUPERVISOR, TECHNICIAN, CLERK = demo.DEMO_USERS
STRL = consignees.DEA_LABS[0][0]  # DEA Special Testing and Research Laboratory
STORED = ("MX-AICM-2026-000002", "MX-AICM-2026-000003", "MX-AICM-2026-000004")
DB = "lab.sqlite"
KEY_FILE = "lab.label-key"
SIGNING_KEY_FILE = "lab.signing-key"


@dataclass
class ShipLab:
    ctx: AppContext
    lab: LabView
    key: bytes
    supervisor: Actor
    clerk: Actor
    technician: Actor

    def as_(self, actor: Actor) -> AppContext:
        self.ctx.actor = actor
        return self.ctx

    def retrieve(self, code: str) -> SampleView:
        """The clerk takes a stored demo sample out of the vault (to pack it)."""
        sample = self.ctx.query(lambda w: lookup.find_sample(w, code))
        return self.as_(self.clerk).perform(
            "retrieve", lambda w: custody.retrieve(w, sample.id, "to ship to DEA OFS")
        )

    def sample_label(self, code: str) -> str:
        """Print (journal) a label for the sample; its QR payload."""
        sample = self.ctx.query(lambda w: lookup.find_sample(w, code))
        issued = self.as_(self.clerk).perform(
            "label",
            lambda w: labels.issue(
                w, LabelKind.SAMPLE, sample.compact[:-1], self.key, template="thermal-2x1-203"
            ),
        )
        return issued.payload

    def package_label(self, shipment_id: int, number: int) -> str:
        issued = self.as_(self.clerk).perform(
            "label",
            lambda w: labels.issue(
                w,
                LabelKind.SHIPMENT,
                labels.shipment_key(shipment_id, number),
                self.key,
                template="package-4x2",
            ),
        )
        return issued.payload

    def manifest_payload(self, shipment_id: int) -> str:
        """The QR payload printed on the shipment's current manifest revision."""
        return self.ctx.query(
            lambda w: manifests.current(w, shipments.load(w, shipment_id)).qr_payload
        )

    def shipment(self, shipment_id: int) -> ShipmentView:
        return self.ctx.query(lambda w: shipments.find(w, str(shipment_id)))

    def journal_kinds(self) -> list[str]:
        with self.ctx.engine.connect() as conn:
            rows = conn.execute(text("SELECT kind FROM journal ORDER BY seq"))
            return [row[0] for row in rows]


@pytest.fixture(scope="session", name="ship_template")
def ship_template_fixture(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo lab with the DEA consignees, built once; tests work on copies."""
    folder = tmp_path_factory.mktemp("ship-template")
    ctx = make_ctx(f"sqlite+pysqlite:///{folder / DB}")
    try:
        demo.populate(ctx)
        ctx.sign_in(SUPERVISOR.username, SUPERVISOR.password)
        ctx.perform("consignees", consignees.add_defaults)
    finally:
        ctx.close()
    return folder


@pytest.fixture(name="ship_lab")
def ship_lab_fixture(ship_template: Path, tmp_path: Path) -> Iterator[ShipLab]:
    """A fresh copy of the template lab for one test, the clerk signed in."""
    for name in (DB, f"{DB}-wal", KEY_FILE, SIGNING_KEY_FILE):
        if (ship_template / name).exists():
            shutil.copy(ship_template / name, tmp_path / name)
            (tmp_path / name).chmod(0o600)
    ctx = make_ctx(f"sqlite+pysqlite:///{tmp_path / DB}")
    try:
        people = {
            user.username: ctx.sign_in(user.username, user.password)
            for user in (SUPERVISOR, TECHNICIAN, CLERK)
        }
        key_path = ctx.label_key_path()
        assert key_path is not None
        yield ShipLab(
            ctx,
            ctx.query(lab.lab),
            keyfile.load(key_path),
            people[SUPERVISOR.username],
            people[CLERK.username],
            people[TECHNICIAN.username],
        )
    finally:
        ctx.close()


def packed_shipment(lab: ShipLab, codes: tuple[str, ...] = STORED[:2]) -> int:
    """A shipment to the STRL with one package holding ``codes``, by the clerk (services)."""
    ctx = lab.as_(lab.clerk)
    view = ctx.perform(
        "create",
        lambda w: shipments.create(
            w, STRL, carrier="DHL Express", waybill="AWB 172-55310842", transport_mode="air"
        ),
    )
    ctx.perform("package", lambda w: shipments.add_package(w, view.id, [f"OUT-{view.id}-1"]))
    for code in codes:
        sample = lab.retrieve(code)
        ctx.perform("pack", lambda w, s=sample: shipments.pack(w, view.id, 1, s.id))
    return view.id


def dispatched_shipment(lab: ShipLab, codes: tuple[str, ...] = STORED[:2]) -> int:
    """As :func:`packed_shipment`, then approved by the supervisor and dispatched by the clerk."""
    sid = packed_shipment(lab, codes)
    lab.as_(lab.supervisor).perform(
        "approve",
        lambda w: shipments.approve(w, sid, SUPERVISOR.password, lab.key, lab.ctx.signer()),
    )
    lab.as_(lab.clerk).perform(
        "dispatch", lambda w: shipments.dispatch(w, sid, CLERK.password, "Juan Perez, DHL")
    )
    return sid
