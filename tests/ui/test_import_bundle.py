"""Shipments › Import bundle…: at the receiving lab (a second database, US-OFS) a clerk imports
the origin's signed bundle through the GUI; the new shipment is selected, dispatched to us, and
its receipt starts by scanning the origin's manifest QR. A tampered bundle, or one from a lab
whose key nobody registered, is refused in red with the precise reason and creates nothing."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot
from shipment_support import ShipLab, dispatched_shipment
from shipment_support import ship_lab_fixture as ship_lab_fixture
from shipment_support import ship_template_fixture as ship_template_fixture
from ui_support import make_ctx

from bundle_support import tamper
from custody import verifier
from custody.context import AppContext
from custody.domain.enums import Role, ShipmentStatus
from custody.domain.text import grouped
from custody.services import bundles, journal_view, lab, partners, shipments, users
from custody.services.shipment_views import list_shipments
from custody.services.users import NewPerson
from custody.ui.views.shipments import ShipmentsView
from lab_support import Receiver, receiving_lab

PASSWORD = "correct horse battery staple"
SHOTS = Path("/tmp/gui_shots")
CHECKED = "read out by phone with Dra. Mariana López Ortega, 2026-09-01"


@pytest.fixture
def receiver(tmp_path: Path) -> Iterator[Receiver]:
    """The receiving lab: its own database and label key, a supervisor and a clerk."""
    folder = tmp_path / "ofs"
    folder.mkdir()
    ctx = make_ctx(f"sqlite+pysqlite:///{folder / 'ofs.sqlite'}")
    try:
        made = receiving_lab(ctx)
        ctx.actor = made.boss
        ctx.create_label_key()
        ctx.actor = made.clerk
        yield made
    finally:
        ctx.close()


def export(origin: ShipLab, sid: int, target: Path) -> Path:
    """The origin's bundle of shipment `sid`, by its supervisor."""
    ctx = origin.as_(origin.supervisor)
    signer = ctx.signer()
    ctx.perform("export", lambda w: bundles.export_shipment(w, sid, signer, origin.key, target))
    return target


def trust(rx: Receiver, origin: ShipLab) -> None:
    pem = origin.ctx.signer().public_pem()
    rx.ctx.actor = rx.boss
    rx.ctx.perform(
        "add partner",
        lambda w: partners.add_partner(w, pem, "MX-AICM", "Laboratorio Central AICM", CHECKED),
    )


def _view(qtbot: QtBot, rx: Receiver) -> ShipmentsView:
    rx.ctx.actor = rx.clerk
    view = ShipmentsView(rx.ctx, rx.ctx.query(lab.lab))
    qtbot.addWidget(view)
    view.resize(1200, 800)
    view.show()
    return view


def _import(qtbot: QtBot, view: ShipmentsView, path: Path, mp: pytest.MonkeyPatch) -> None:
    mp.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *_: (str(path), "")))
    importer = view.bundle_import
    qtbot.mouseClick(importer.button, Qt.MouseButton.LeftButton)
    task = importer.task
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=120_000):
        assert not importer.button.isEnabled()  # one import at a time


def _shipments(ctx: AppContext) -> list[str]:
    return [row.manifest_number for row in ctx.query(list_shipments)]


def test_import_then_receive_by_the_manifest_qr(
    qtbot: QtBot,
    ship_lab: ShipLab,
    receiver: Receiver,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sid = dispatched_shipment(ship_lab)
    number = ship_lab.shipment(sid).manifest_number
    bundle = export(ship_lab, sid, tmp_path / f"{number}.custody.zip")
    trust(receiver, ship_lab)
    view = _view(qtbot, receiver)
    assert view.model.rowCount() == 0 and not view.bundle_import.card.isVisible()

    _import(qtbot, view, bundle, monkeypatch)
    card = view.bundle_import.card
    assert card.state == "imported", card.details.text()
    assert card.isVisible()
    assert number in card.heading.text() and "MX-AICM" in card.heading.text()
    assert "2 sample(s) in 1 package(s)" in card.details.text()
    assert _shipments(receiver.ctx) == [number]
    assert view.model.rowCount() == 1  # the list was read again
    shown = view.detail.shipment
    assert shown is not None and shown.manifest_number == number
    assert shown.status is ShipmentStatus.DISPATCHED
    # where it comes from, in the list and in the detail (it has no consignee here)
    (row,) = receiver.ctx.query(list_shipments)
    assert row.consignee == f"← {shown.origin_lab}"
    assert shown.origin == "MX-AICM" and shown.origin_lab
    consignee = view.detail.fields["consignee"].text()
    assert consignee == f"this lab — imported from {shown.origin_lab} (MX-AICM)"
    view.grab().save(str(SHOTS / "import_bundle_imported.png"))

    # The receipt starts as usual: the origin's manifest QR, scanned here.
    assert view.detail.receive_button.isEnabled()
    qtbot.keyClicks(view.detail.scan.edit, ship_lab.manifest_payload(sid).lower())
    qtbot.keyClick(view.detail.scan.edit, Qt.Key.Key_Return)
    assert "Receipt started" in view.detail.message.text(), view.detail.scan.message.text()
    here = receiver.ctx.query(lambda w: shipments.find(w, number))
    assert here.status is ShipmentStatus.RECEIVED and here.received_by == "Carl Clerk"
    assert view.detail.tabs.currentWidget() is view.detail.reconcile_panel


def _last_denial(ctx: AppContext) -> str | None:
    lines = ctx.query(lambda w: journal_view.journal_page(w, kind="denied"))
    if not lines:
        return None
    entry = ctx.query(lambda w: journal_view.journal_entry(w, lines[-1].seq))
    return str(json.loads(entry.payload_text)["data"]["action"])


def _tampered(bundle: Path, target: Path) -> Path:
    """The same bundle with README.txt rewritten, everything else (the comment too) kept."""

    def change(members: dict[str, bytes]) -> None:
        members["README.txt"] += b"\nP.S. nothing to see here.\n"

    return tamper(bundle, target, change)


def test_a_tampered_bundle_is_refused_in_red_and_creates_nothing(
    qtbot: QtBot,
    ship_lab: ShipLab,
    receiver: Receiver,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sid = dispatched_shipment(ship_lab)
    bundle = export(ship_lab, sid, tmp_path / "good.custody.zip")
    bad = _tampered(bundle, tmp_path / "bad.custody.zip")
    with pytest.raises(verifier.Invalid, match=r"README\.txt differs"):
        verifier.verify(bad)
    trust(receiver, ship_lab)
    view = _view(qtbot, receiver)

    _import(qtbot, view, bad, monkeypatch)
    card = view.bundle_import.card
    assert card.state == "refused" and card.isVisible()
    assert "REFUSED" in card.heading.text() and "nothing was imported" in card.heading.text()
    assert "bad.custody.zip" in card.details.text()
    assert "README.txt differs from the signed custody-bundle.json" in card.details.text()
    assert "red" in card.styleSheet() or "#c62828" in card.styleSheet()
    assert _shipments(receiver.ctx) == [] and view.model.rowCount() == 0
    assert _last_denial(receiver.ctx) == "import bundle"  # the refusal is journaled
    view.grab().save(str(SHOTS / "import_bundle_refused.png"))

    # The good bundle still imports afterwards; a second import of it is refused.
    _import(qtbot, view, bundle, monkeypatch)
    assert card.state == "imported", card.details.text()
    _import(qtbot, view, bundle, monkeypatch)
    assert card.state == "refused"
    assert "imported already" in card.details.text()
    assert len(_shipments(receiver.ctx)) == 1


def test_a_bundle_from_a_lab_nobody_registered_is_refused(
    qtbot: QtBot,
    ship_lab: ShipLab,
    receiver: Receiver,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sid = dispatched_shipment(ship_lab)
    bundle = export(ship_lab, sid, tmp_path / "shipment.custody.zip")
    view = _view(qtbot, receiver)
    _import(qtbot, view, bundle, monkeypatch)
    card = view.bundle_import.card
    assert card.state == "refused"
    fingerprint = grouped(ship_lab.ctx.signer().fingerprint)
    assert "No partner key is registered for MX-AICM" in card.details.text()
    assert fingerprint in card.details.text()
    assert _shipments(receiver.ctx) == []


def test_an_auditor_cannot_import(qtbot: QtBot, receiver: Receiver) -> None:
    receiver.ctx.actor = receiver.boss
    receiver.ctx.perform(
        "add",
        lambda w: users.add_user(w, NewPerson("Ada Auditor"), "ada", Role.AUDITOR, PASSWORD),
    )
    receiver.ctx.sign_in("ada", PASSWORD)
    view = ShipmentsView(receiver.ctx, receiver.ctx.query(lab.lab))
    qtbot.addWidget(view)
    assert not view.bundle_import.button.isEnabled()
    assert "receive shipments" in view.bundle_import.button.toolTip()
