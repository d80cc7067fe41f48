"""Admin › Lab settings: a supervisor changes the lab's address, zone and tolerance with a
reason; a refusal shows next to the form and keeps what was typed; other roles cannot save."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from custody.context import AppContext
from custody.services import lab_settings
from custody.ui.views.admin_lab import LabTab


@pytest.fixture
def ctx(own_demo: AppContext) -> AppContext:
    return own_demo


def test_change_with_a_reason_and_see_it_stored(qtbot: QtBot, ctx: AppContext) -> None:
    tab = LabTab(ctx)
    qtbot.addWidget(tab)
    before = ctx.query(lab_settings.details)
    assert tab.name_edit.text() == before.lab_name
    assert tab.prefix_label.text() == before.site_prefix
    assert tab.percent_edit.text() == "0.5" and tab.grams_edit.text() == "0.0050"

    tab.address_edit.setPlainText("Av. Insurgentes Sur 1000\nCiudad de México")
    tab.zone_combo.setCurrentText("America/Tijuana")
    tab.percent_edit.setText("1")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert tab.message.property("ok") is False
    assert "reason for the change is required" in tab.message.text()
    assert tab.zone_combo.currentText() == "America/Tijuana"  # what was typed stays
    assert ctx.query(lab_settings.details) == before

    qtbot.keyClicks(tab.reason_edit, "new address")
    qtbot.keyClick(tab.reason_edit, Qt.Key.Key_Return)
    assert tab.message.property("ok") is True, tab.message.text()
    stored = ctx.query(lab_settings.details)
    assert stored.address == "Av. Insurgentes Sur 1000\nCiudad de México"
    assert stored.timezone == "America/Tijuana"
    assert stored.reweigh_tolerance_percent == Decimal("1")
    assert tab.reason_edit.text() == ""


def test_an_unknown_zone_is_refused_next_to_the_form(qtbot: QtBot, ctx: AppContext) -> None:
    tab = LabTab(ctx)
    qtbot.addWidget(tab)
    tab.zone_combo.setCurrentText("Mexico/Nowhere")
    tab.reason_edit.setText("typo test")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert tab.message.property("ok") is False
    assert "'Mexico/Nowhere' is not a time zone name" in tab.message.text()
