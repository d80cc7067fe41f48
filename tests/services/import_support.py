"""Two labs for import tests: the origin (lab_support's MX-AICM lab, SQLite) dispatches and
exports a shipment; the receiving lab (US-OFS, its own database) adds the partner's key and
imports the bundle."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from ship_support import (
    KEY,
    Shipped,
    approve,
    dispatch,
    manifest_payload,
    package_payload,
    packed,
    sample_payload,
)
from svc_support import count

from custody.context import AppContext
from custody.services import bundle_import, bundles, partners
from lab_support import Lab, Receiver, receiving_lab

RX_KEY = bytes(range(100, 132))  # the receiving lab's own label key: not the origin's
CHECKED = "read over the phone with Dra. López, 2026-09-01"
TRUST_TABLES = ("partner_keys", "witness_checkpoints", "foreign_labels", "sample_origins")


@dataclass
class Sent:
    shipped: Shipped
    samples: list[str]  # the sample labels' exact text
    packages: list[str]
    manifest: str


@pytest.fixture(params=["sqlite", "postgresql"], name="receiver")
def receiver_fixture(
    request: pytest.FixtureRequest, tmp_path: Path, make_ctx: Callable[[str], AppContext]
) -> Receiver:
    if request.param == "sqlite":
        (tmp_path / "ofs").mkdir()
        url = f"sqlite+pysqlite:///{tmp_path / 'ofs' / 'ofs.sqlite'}"
    else:
        url = request.getfixturevalue("pg_url")
    return receiving_lab(make_ctx(url))


def dispatched(origin: Lab, n: int = 3, packages: int = 2) -> Sent:
    shipped = packed(origin, n, packages)
    samples = [sample_payload(origin, s) for s in shipped.samples]
    boxes = [package_payload(origin, shipped, p) for p in range(1, packages + 1)]
    approve(origin, shipped)
    dispatch(origin, shipped)
    return Sent(shipped, samples, boxes, manifest_payload(origin, shipped))


def export(origin: Lab, sent: Sent, target: Path) -> Path:
    """The origin's real export of the shipment's bundle (a supervisor, with the lab's keys)."""
    ctx = origin.as_(origin.supervisor)
    signer = ctx.signer()
    done = ctx.perform(
        "export", lambda w: bundles.export_shipment(w, sent.shipped.id, signer, KEY, target)
    )
    assert done.sha256 == hashlib.sha256(target.read_bytes()).hexdigest()
    return target


def origin_pem(origin: Lab, tmp_path: Path) -> Path:
    pem = tmp_path / "origin.pem"
    pem.write_bytes(origin.ctx.signer().public_pem())
    return pem


def add_partner(rx: Receiver, pem: bytes) -> partners.PartnerView:
    return rx.as_(rx.boss).perform(
        "add partner",
        lambda w: partners.add_partner(w, pem, "MX-AICM", "Laboratorio Central AICM", CHECKED),
    )


def import_(rx: Receiver, path: Path) -> bundle_import.ImportResult:
    return rx.as_(rx.clerk).perform("import", lambda w: bundle_import.import_bundle(w, path))


def record_counts(ctx: AppContext) -> dict[str, int]:
    return {t: count(ctx, t) for t in ("shipments", "samples", "seals", *TRUST_TABLES)}
