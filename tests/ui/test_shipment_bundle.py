"""Shipments › Export bundle…: a supervisor saves the signed bundle of an approved or
dispatched shipment through the GUI (on a worker thread); the file passes the stand-alone
verifier with the lab's key, and the path, SHA-256 and key fingerprint shown are the file's.
A refusal (the file exists already) is shown and writes nothing; a clerk cannot export, and a
shipment without an issued manifest has nothing to export."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot
from shipment_support import ShipLab, dispatched_shipment, packed_shipment
from shipment_support import ship_lab_fixture as ship_lab_fixture
from shipment_support import ship_template_fixture as ship_template_fixture

from custody import verifier
from custody.ui.views.shipments import ShipmentsView

SHOTS = Path("/tmp/gui_shots")


def _view(qtbot: QtBot, lab: ShipLab) -> ShipmentsView:
    view = ShipmentsView(lab.ctx, lab.lab)
    qtbot.addWidget(view)
    view.resize(1200, 800)
    return view


def _save_as(monkeypatch: pytest.MonkeyPatch, target: Path) -> list[str]:
    asked: list[str] = []

    def choose(_parent: object, _title: str, suggested: str, _filter: str) -> tuple[str, str]:
        asked.append(suggested)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(choose))
    return asked


def _export(qtbot: QtBot, view: ShipmentsView) -> None:
    qtbot.mouseClick(view.detail.export_bundle_button, Qt.MouseButton.LeftButton)
    task = view.bundle.task
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=120_000):
        pass


def test_export_a_dispatched_shipment_and_verify_the_file(
    qtbot: QtBot, ship_lab: ShipLab, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sid = dispatched_shipment(ship_lab)
    number = ship_lab.shipment(sid).manifest_number
    ship_lab.as_(ship_lab.supervisor)
    view = _view(qtbot, ship_lab)
    view.select_shipment(sid)
    assert view.detail.export_bundle_button.isEnabled()
    asked = _save_as(monkeypatch, tmp_path / "to-dea")  # no suffix: .custody.zip is added
    _export(qtbot, view)

    assert asked == [f"{number}.custody.zip"]
    path = tmp_path / "to-dea.custody.zip"
    exported = view.bundle.last
    assert exported is not None and exported.path == path
    signer = ship_lab.ctx.signer()
    report = verifier.verify(path, keys={signer.fingerprint: signer.public_key})
    assert report.bundle["kind"] == "shipment" and report.signer == signer.fingerprint
    assert report.bundle["checkpoint"]["size"] == exported.checkpoint_size
    assert len(report.extract.entries) == exported.entries
    shown = view.detail.message.text()
    assert view.detail.message.property("ok") is True, shown
    assert str(path) in shown
    assert hashlib.sha256(path.read_bytes()).hexdigest() in shown
    grouped = " ".join(signer.fingerprint[i : i + 4] for i in range(0, 32, 4))
    assert grouped in shown
    assert "bundle.export" in ship_lab.journal_kinds()
    view.show()
    view.grab().save(str(SHOTS / "export_bundle_done.png"))


def test_an_existing_file_is_refused_and_left_alone(
    qtbot: QtBot, ship_lab: ShipLab, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sid = dispatched_shipment(ship_lab)
    ship_lab.as_(ship_lab.supervisor)
    view = _view(qtbot, ship_lab)
    view.select_shipment(sid)
    target = tmp_path / "taken.custody.zip"
    target.write_bytes(b"someone else's file")
    _save_as(monkeypatch, target)
    kinds = ship_lab.journal_kinds()
    _export(qtbot, view)
    assert view.bundle.last is None
    assert view.detail.message.property("ok") is False
    assert "The bundle was not exported" in view.detail.message.text()
    assert "exists already" in view.detail.message.text()
    assert target.read_bytes() == b"someone else's file"
    assert "bundle.export" not in ship_lab.journal_kinds()[len(kinds) :]


def test_nothing_to_export_before_approval_and_a_clerk_cannot(
    qtbot: QtBot, ship_lab: ShipLab
) -> None:
    packing = packed_shipment(ship_lab)
    shipped = dispatched_shipment(ship_lab, ("MX-AICM-2026-000004",))
    ship_lab.as_(ship_lab.supervisor)
    view = _view(qtbot, ship_lab)
    view.select_shipment(packing)
    assert not view.detail.export_bundle_button.isEnabled()
    view.select_shipment(shipped)
    assert view.detail.export_bundle_button.isEnabled()

    ship_lab.as_(ship_lab.clerk)
    clerks = _view(qtbot, ship_lab)
    clerks.select_shipment(shipped)
    assert not clerks.detail.export_bundle_button.isEnabled()
    assert "supervisor or an auditor" in clerks.detail.export_bundle_button.toolTip()
