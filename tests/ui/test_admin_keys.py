"""Admin › Signing key: the fingerprint (text and QR) is the lab's key, its public PEM exports
with that fingerprint, a rotation shows the new key and lists the old one as retired, the
checkpoint code copied verifies, the interval is saved; a clerk only reads."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QFontInfo, QGuiApplication
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot
from ui_support import make_ctx

from custody import demo, verifier
from custody.context import AppContext
from custody.domain.text import grouped
from custody.services import checkpoints, lab
from custody.ui.views.admin import AdminView
from custody.ui.views.admin_keys import KeysTab

SUPERVISOR, TECHNICIAN, CLERK = demo.DEMO_USERS
SHOTS = Path("/tmp/gui_shots")


@pytest.fixture
def ctx(own_demo: AppContext) -> AppContext:
    return own_demo


def _tab(qtbot: QtBot, ctx: AppContext) -> KeysTab:
    tab = KeysTab(ctx)
    qtbot.addWidget(tab)
    tab.resize(900, 700)
    return tab


def _shown(tab: KeysTab) -> str:
    return tab.fingerprint_label.text().replace(" ", "")


def _decoded(tab: KeysTab) -> list[str]:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert tab.qr.grab().toImage().save(buffer, "PNG")
    buffer.close()
    image = Image.open(io.BytesIO(data.data())).convert("L")
    return [result.text for result in zxingcpp.read_barcodes(image)]


def _save_as(monkeypatch: pytest.MonkeyPatch, target: Path) -> list[str]:
    asked: list[str] = []

    def choose(_parent: object, _title: str, suggested: str, _filter: str) -> tuple[str, str]:
        asked.append(suggested)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(choose))
    return asked


def test_the_key_shown_is_the_lab_key_and_its_pem_exports(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = _tab(qtbot, ctx)
    signer = ctx.signer()
    assert tab.fingerprint_label.text() == grouped(signer.fingerprint)
    assert len(tab.fingerprint_label.text().split()) == 8  # 32 characters in groups of 4
    assert QFontInfo(tab.fingerprint_label.font()).fixedPitch()  # 0 and O, 1 and l differ
    assert tab.fingerprint_label.font().pointSizeF() >= tab.font().pointSizeF() * 1.5
    tab.show()
    assert _decoded(tab) == [signer.fingerprint]
    assert tab.key_file_label.text() == str(ctx.signing_key_file)
    newest = ctx.query(checkpoints.latest)
    assert newest is not None
    assert f"{newest[0]['size']:,} entries" in tab.checkpoint_label.text()
    assert newest[0]["head"][:12] in tab.checkpoint_label.text()
    assert tab.retired_model.rowCount() == 0
    tab.grab().save(str(SHOTS / "admin_signing_key.png"))

    asked = _save_as(monkeypatch, tmp_path / "for-dea")  # no suffix: .pem is added
    qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)
    assert asked == [f"MX-AICM-signing-key-{signer.fingerprint[:8]}.pem"]
    written = tmp_path / "for-dea.pem"
    assert tab.message.property("ok") is True, tab.message.text()
    key = verifier.public_key_of_pem(written.read_bytes())
    assert verifier.fingerprint(key) == _shown(tab) == signer.fingerprint
    assert key == signer.public_key


def test_rotating_shows_the_new_key_and_lists_the_old_one_as_retired(
    qtbot: QtBot, ctx: AppContext
) -> None:
    tab = _tab(qtbot, ctx)
    old = _shown(tab)
    key_file = ctx.signing_key_file
    assert key_file is not None
    qtbot.mouseClick(tab.rotate_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.ok_button.click()
    assert "Say why" in dialog.message.text()
    dialog.reason_edit.setText("the key file was copied to a USB stick")
    dialog.ok_button.click()
    assert "Tick the box" in dialog.message.text()
    assert _shown(tab) == old and ctx.signer().fingerprint == old  # nothing happened yet
    dialog.confirm_box.setChecked(True)
    with qtbot.waitSignal(dialog.accepted):
        dialog.ok_button.click()

    new = ctx.signer().fingerprint
    assert new != old
    assert _shown(tab) == new
    assert tab.message.property("ok") is True and grouped(new) in tab.message.text()
    assert tab.retired_model.rowCount() == 1
    cells = [tab.retired_model.index(0, c).data() for c in range(4)]
    assert cells[0] == grouped(old)
    assert cells[3] == "the key file was copied to a USB stick"
    assert key_file.with_name(f"{key_file.name}.retired-{old}").exists()
    assert grouped(new)[:9] in tab.checkpoint_label.text()  # signed by the new key
    stored = ctx.query(checkpoints.keys)
    assert [k.fingerprint for k in stored] == [new, old]
    tab.show()
    tab.grab().save(str(SHOTS / "admin_signing_key_rotated.png"))


def test_the_checkpoint_code_copied_verifies_with_the_lab_key(
    qtbot: QtBot, ctx: AppContext
) -> None:
    tab = _tab(qtbot, ctx)
    before = ctx.query(checkpoints.latest)
    assert before is not None
    qtbot.mouseClick(tab.make_button, Qt.MouseButton.LeftButton)
    assert tab.message.property("ok") is True, tab.message.text()
    after = ctx.query(checkpoints.latest)
    assert after is not None and after[0]["size"] > before[0]["size"]
    assert f"{after[0]['size']:,} entries" in tab.checkpoint_label.text()

    qtbot.mouseClick(tab.copy_button, Qt.MouseButton.LeftButton)
    code = QGuiApplication.clipboard().text()
    parsed = verifier.parse_checkpoint_code(code)
    assert parsed["size"] == after[0]["size"] and parsed["origin"] == "MX-AICM"
    message = verifier.checkpoint_message(parsed)
    assert verifier.signature_holds(ctx.signer().public_key, parsed["signature"], message)


def test_the_interval_is_saved(qtbot: QtBot, ctx: AppContext) -> None:
    tab = _tab(qtbot, ctx)
    assert tab.interval_spin.value() == checkpoints.DEFAULT_INTERVAL
    tab.interval_spin.setValue(250)
    qtbot.mouseClick(tab.interval_button, Qt.MouseButton.LeftButton)
    assert tab.message.property("ok") is True, tab.message.text()
    assert ctx.query(checkpoints.interval) == 250
    assert tab.interval_spin.value() == 250


def test_a_clerk_reads_but_cannot_manage(qtbot: QtBot, ctx: AppContext) -> None:
    ctx.sign_in(CLERK.username, CLERK.password)
    tab = _tab(qtbot, ctx)
    assert _shown(tab) == ctx.signer().fingerprint
    assert tab.export_button.isEnabled() and tab.copy_button.isEnabled()
    for widget in (tab.rotate_button, tab.make_button, tab.interval_button, tab.interval_spin):
        assert not widget.isEnabled()
    assert "supervisor" in tab.rotate_button.toolTip()


def test_the_admin_view_has_the_signing_key_and_partner_tabs(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path
) -> None:
    view = AdminView(
        ctx, ctx.query(lab.lab), settings_path=tmp_path / "settings.json", printer_names=[]
    )
    qtbot.addWidget(view)
    titles = [view.tabs.tabText(i) for i in range(view.tabs.count())]
    assert titles[5:7] == ["Signing key", "Partner labs"]
    assert view.tabs.widget(5) is view.keys and view.tabs.widget(6) is view.partners
    # Another workstation rotates the key: showing the tab reads it again.
    other = make_ctx(ctx.url)
    try:
        other.sign_in(SUPERVISOR.username, SUPERVISOR.password)
        new = other.rotate_signing_key("test: rotated elsewhere")
    finally:
        other.close()
    view.tabs.setCurrentWidget(view.keys)
    assert _shown(view.keys) == new
    view.resize(1100, 760)
    view.show()
    view.grab().save(str(SHOTS / "admin_view_signing_key_tab.png"))
