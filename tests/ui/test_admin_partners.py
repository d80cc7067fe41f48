"""Admin › Partner labs: a supervisor adds another lab's public key from its PEM file after
confirming the fingerprint shown (and saying how); a file that is no key, a missing
confirmation or this lab's own prefix add nothing; a clerk cannot add."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from custody import demo, signing
from custody.context import AppContext
from custody.domain.text import grouped
from custody.services import partners
from custody.ui.views.admin_partners import PartnersTab

SUPERVISOR, TECHNICIAN, CLERK = demo.DEMO_USERS
SHOTS = Path("/tmp/gui_shots")


@pytest.fixture
def ctx(own_demo: AppContext) -> AppContext:
    return own_demo


@pytest.fixture
def partner_pem(tmp_path: Path) -> tuple[Path, signing.Signer]:
    """The public key file another lab sent (its private key stays with it)."""
    folder = tmp_path / "strl"
    folder.mkdir()
    key = signing.create(folder / "strl.signing-key")
    pem = folder / "strl-public.pem"
    pem.write_bytes(key.public_pem())
    return pem, key


def _open(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    def choose(*_args: object) -> tuple[str, str]:
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(choose))


def _tab(qtbot: QtBot, ctx: AppContext) -> PartnersTab:
    tab = PartnersTab(ctx)
    qtbot.addWidget(tab)
    tab.resize(1200, 420)
    return tab


def test_add_a_partner_key_after_confirming_its_fingerprint(
    qtbot: QtBot,
    ctx: AppContext,
    monkeypatch: pytest.MonkeyPatch,
    partner_pem: tuple[Path, signing.Signer],
) -> None:
    pem, key = partner_pem
    tab = _tab(qtbot, ctx)
    assert tab.model.rowCount() == 0
    _open(monkeypatch, pem)
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.fingerprint_label.text() == grouped(key.fingerprint)
    assert dialog.fingerprint_label.font().pointSizeF() > dialog.font().pointSizeF() * 1.5
    qtbot.keyClicks(dialog.origin_edit, "us-strl")
    qtbot.keyClicks(dialog.name_edit, "DEA Special Testing and Research Laboratory")
    dialog.ok_button.click()  # how it was confirmed is required
    assert "how the fingerprint was confirmed" in dialog.message.text()
    assert ctx.query(partners.partners) == []
    dialog.how_edit.setPlainText("Read out by phone with Dr. Ana Ruiz, STRL, 2026-09-01")
    dialog.resize(660, dialog.sizeHint().height())
    dialog.grab().save(str(SHOTS / "admin_add_partner_dialog.png"))
    with qtbot.waitSignal(dialog.accepted):
        dialog.ok_button.click()

    stored = ctx.query(partners.partners)
    assert [(p.origin, p.fingerprint, p.public_key) for p in stored] == [
        ("US-STRL", key.fingerprint, key.public_key)
    ]
    assert stored[0].how_checked == "Read out by phone with Dr. Ana Ruiz, STRL, 2026-09-01"
    assert tab.message.property("ok") is True, tab.message.text()
    assert tab.model.rowCount() == 1
    cells = [tab.model.index(0, c).data() for c in range(5)]
    assert cells[0] == "US-STRL"
    assert cells[1] == "DEA Special Testing and Research Laboratory"
    assert cells[2] == grouped(key.fingerprint)
    assert cells[4].startswith("Read out by phone")
    assert tab.current() == stored[0]
    tab.show()
    tab.grab().save(str(SHOTS / "admin_partner_labs.png"))


def test_a_file_that_is_not_a_public_key_opens_nothing(
    qtbot: QtBot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    tab = _tab(qtbot, ctx)
    bogus = tmp_path / "manifest.pem"
    bogus.write_text("-----BEGIN PUBLIC KEY-----\nnot base64 at all\n-----END PUBLIC KEY-----\n")
    _open(monkeypatch, bogus)
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    assert tab.dialog is None
    assert tab.message.property("ok") is False
    assert "manifest.pem is not a usable public key" in tab.message.text()
    assert ctx.query(partners.partners) == []


def test_this_labs_own_prefix_is_refused_in_the_dialog(
    qtbot: QtBot,
    ctx: AppContext,
    monkeypatch: pytest.MonkeyPatch,
    partner_pem: tuple[Path, signing.Signer],
) -> None:
    tab = _tab(qtbot, ctx)
    _open(monkeypatch, partner_pem[0])
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert dialog is not None
    dialog.origin_edit.setText("MX-AICM")
    dialog.name_edit.setText("Ourselves")
    dialog.how_edit.setPlainText("by phone")
    dialog.ok_button.click()
    assert dialog.isVisible()
    assert "MX-AICM is this lab's own site prefix" in dialog.message.text()
    assert ctx.query(partners.partners) == []


def test_a_clerk_sees_the_list_but_cannot_add(
    qtbot: QtBot, ctx: AppContext, partner_pem: tuple[Path, signing.Signer]
) -> None:
    pem, key = partner_pem
    ctx.perform(
        "add partner key",
        lambda w: partners.add_partner(w, pem.read_bytes(), "US-STRL", "STRL", "by phone"),
    )
    ctx.sign_in(CLERK.username, CLERK.password)
    tab = _tab(qtbot, ctx)
    assert tab.model.index(0, 2).data() == grouped(key.fingerprint)
    assert not tab.add_button.isEnabled()
    assert "supervisor" in tab.add_button.toolTip()
