"""Admin tabs: add a location and print its label to a PDF, consignees, printer offsets, and
this workstation's settings file."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from ui_support import click_print_and_wait

from cups_support import label_code, read_qr
from custody import keyfile, settings
from custody.context import AppContext
from custody.domain.labelcode import LabelKind
from custody.services import consignees, labels, locations, printers
from custody.services.labels import ScanContext
from custody.ui.dialogs.print_labels import TO_FILE, PrintLabelsDialog
from custody.ui.views.admin_consignees import ConsigneesTab
from custody.ui.views.admin_locations import LocationsTab
from custody.ui.views.admin_printers import PrintersTab
from custody.ui.views.admin_workstation import WorkstationTab


@pytest.fixture
def ctx(own_demo: AppContext) -> AppContext:
    return own_demo


def _pick(combo: object, data: object) -> None:
    index = combo.findData(data)  # type: ignore[attr-defined]
    assert index >= 0, data
    combo.setCurrentIndex(index)  # type: ignore[attr-defined]


def test_add_a_location_under_vault_a_and_print_its_label(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path
) -> None:
    out = tmp_path / "shelf.pdf"

    def open_print(c: AppContext, codes: list[str], parent: QWidget) -> PrintLabelsDialog:
        return PrintLabelsDialog(
            c, codes, parent, printer_names=[], choose_file=lambda *_: out, kind="location"
        )

    tab = LocationsTab(ctx, open_print=open_print)
    qtbot.addWidget(tab)
    qtbot.keyClicks(tab.code_edit, "vault-a-s9")
    qtbot.keyClicks(tab.name_edit, "Vault A, shelf 9")
    _pick(tab.parent_combo, "VAULT-A")
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    assert tab.message.property("ok") is True, tab.message.text()
    stored = {p.code: p for p in ctx.query(locations.list_locations)}["VAULT-A-S9"]
    assert (stored.name, stored.parent_code) == ("Vault A, shelf 9", "VAULT-A")
    assert tab.parent_combo.currentData() == "VAULT-A-S9"  # the next one goes inside it

    # The same code again is refused with the reason; the typed values stay.
    qtbot.keyClicks(tab.code_edit, "VAULT-A-S9")
    qtbot.keyClicks(tab.name_edit, "again")
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    assert tab.message.property("ok") is False and "exists already" in tab.message.text()
    assert tab.code_edit.text() == "VAULT-A-S9"

    chosen = tab.current()
    assert chosen is not None and chosen.code == "VAULT-A-S9"
    qtbot.mouseClick(tab.print_button, Qt.MouseButton.LeftButton)
    dialog = tab.print_dialog
    assert dialog is not None and dialog.codes == ["VAULT-A-S9"]
    assert dialog.printer == TO_FILE
    click_print_and_wait(qtbot, dialog)
    assert dialog.message.property("ok") is True, dialog.message.text()
    key_path = ctx.label_key_path()
    assert key_path is not None
    key = keyfile.load(key_path)
    payloads = [read.text for read in read_qr(out, 300)]
    assert len(payloads) == 1
    assert label_code(payloads[0], key).kind == LabelKind.LOCATION
    scanned = ctx.query(lambda w: labels.resolve(w, payloads[0], key, ScanContext.MOVE))
    assert scanned.location == "VAULT-A-S9"


def test_print_asks_for_a_selection(qtbot: QtBot, ctx: AppContext) -> None:
    tab = LocationsTab(ctx)
    qtbot.addWidget(tab)
    tab.table.clearSelection()
    qtbot.mouseClick(tab.print_button, Qt.MouseButton.LeftButton)
    assert tab.print_dialog is None and "Select the locations" in tab.message.text()


def test_consignees_add_edit_archive_and_the_dea_labs(qtbot: QtBot, ctx: AppContext) -> None:
    tab = ConsigneesTab(ctx)
    qtbot.addWidget(tab)
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    assert tab.message.property("ok") is False and "name" in tab.message.text()
    qtbot.keyClicks(tab.name_edit, "Regional Toxicology Lab")
    qtbot.keyClicks(tab.address_edit, "12 Main St")
    qtbot.keyClick(tab.address_edit, Qt.Key.Key_Return)
    qtbot.keyClicks(tab.address_edit, "Springfield")
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    assert tab.message.property("ok") is True, tab.message.text()
    added = ctx.query(consignees.list_all)
    assert [(c.name, c.address) for c in added] == [
        ("Regional Toxicology Lab", "12 Main St\nSpringfield")
    ]

    tab.name_edit.setText("Regional Toxicology Laboratory")
    tab.archive_box.setChecked(True)
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert tab.message.property("ok") is True, tab.message.text()
    assert ctx.query(consignees.list_all) == []  # archived: not offered any more
    kept = ctx.query(lambda w: consignees.list_all(w, include_archived=True))
    assert [(c.name, c.active) for c in kept] == [("Regional Toxicology Laboratory", False)]

    qtbot.mouseClick(tab.dea_button, Qt.MouseButton.LeftButton)
    assert len(ctx.query(consignees.list_all)) == len(consignees.DEA_LABS)
    assert tab.model.rowCount() == len(consignees.DEA_LABS) + 1
    qtbot.mouseClick(tab.dea_button, Qt.MouseButton.LeftButton)
    assert "already" in tab.message.text()


def test_change_a_calibration(qtbot: QtBot, ctx: AppContext) -> None:
    ctx.perform(
        "calibrate", lambda w: printers.set_calibration(w, "Office-Laser", "letter-30up", "1", "0")
    )
    tab = PrintersTab(ctx, printer_names=["Office-Laser", "Zebra"])
    qtbot.addWidget(tab)
    assert tab.model.rowCount() == 1
    tab.table.selectRow(0)
    assert tab.printer_combo.currentText() == "Office-Laser" and tab.dx_spin.value() == 1
    tab.dx_spin.setValue(-0.75)
    tab.dy_spin.setValue(2.5)
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert tab.message.property("ok") is True, tab.message.text()
    stored = ctx.query(lambda w: printers.calibration_for(w, "Office-Laser", "letter-30up"))
    assert (stored.dx_mm, stored.dy_mm) == (Decimal("-0.75"), Decimal("2.5"))
    assert tab.model.index(0, 2).data() == "-0.75 mm"

    tab.printer_combo.setCurrentText("   ")  # no printer name: refused, nothing stored
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert tab.message.property("ok") is False and "printer name" in tab.message.text()
    assert tab.model.rowCount() == 1


def test_workstation_settings_are_saved(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    tab = WorkstationTab(printer_names=["Office-Laser"])
    qtbot.addWidget(tab)
    assert tab.idle_spin.value() == settings.IDLE_LOCK_DEFAULT
    assert (tab.idle_spin.minimum(), tab.idle_spin.maximum()) == (1, 30)
    tab.idle_spin.setValue(5)
    _pick(tab.language_combo, "es")
    _pick(tab.printer_combo, "Office-Laser")
    _pick(tab.template_combo, "letter-30up")
    with qtbot.waitSignal(tab.saved) as blocker:
        qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert tab.message.property("ok") is True
    assert "next start" in tab.message.text() and "Español" in tab.message.text()
    assert blocker.args == [settings.load()]
    saved = json.loads(settings.default_path().read_text("utf-8"))
    assert settings.default_path().is_relative_to(tmp_path)
    assert saved == {
        "default_label_template": "letter-30up",
        "default_printer": "Office-Laser",
        "idle_lock_minutes": 5,
        "language": "es",
    }
    again = WorkstationTab(printer_names=[])  # the printer is gone: still shown
    qtbot.addWidget(again)
    assert again.printer_combo.currentText() == "Office-Laser"
    assert again.language_combo.currentData() == "es" and again.idle_spin.value() == 5
    _pick(again.printer_combo, "")
    qtbot.mouseClick(again.save_button, Qt.MouseButton.LeftButton)
    assert again.message.property("ok") is True
    assert "Español" not in again.message.text()  # the language did not change
    assert settings.load().default_printer is None


def test_a_damaged_settings_file_is_reported(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"idle_lock_minutes": 90}', "utf-8")
    tab = WorkstationTab(path=path, printer_names=[])
    qtbot.addWidget(tab)
    assert tab.idle_spin.value() == 30
    assert tab.message.property("ok") is False and "30" in tab.message.text()
