"""FirstRunWizard on an empty SQLite file: refusals as typed, then a real set-up (lab, supervisor,
label key, workstation settings), and the failure paths (nothing half done)."""

from __future__ import annotations

import json
import sqlite3
import stat
from collections.abc import Iterator
from contextlib import closing
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from ui_support import make_ctx

from custody import keyfile, settings
from custody.context import AppContext
from custody.domain.enums import Role
from custody.errors import NotInitialised
from custody.services import lab
from custody.services.users import NewPerson
from custody.ui.dialogs.first_run import FirstRunWizard
from custody.ui.printing import available_printers

PASSPHRASE = "copper valley seven lanterns"


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv(keyfile.ENV, raising=False)  # the key goes beside the database
    path = tmp_path / "lab.sqlite"
    path.touch()
    return path


@pytest.fixture
def ctx(db: Path) -> Iterator[AppContext]:
    context = make_ctx(f"sqlite+pysqlite:///{db}")
    yield context
    context.close()


def open_wizard(qtbot, ctx: AppContext, tmp_path: Path, **kwargs: Any) -> FirstRunWizard:
    kwargs.setdefault("printers", ["PDF", "ZEBRA"])
    wizard = FirstRunWizard(ctx, settings_path=tmp_path / "config" / "settings.json", **kwargs)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    return wizard


def next_enabled(wizard: FirstRunWizard) -> bool:
    return wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def fill_lab(qtbot, wizard: FirstRunWizard, prefix: str = "mx-aicm") -> None:
    page = wizard.lab_page
    qtbot.keyClicks(page.name_edit, "Laboratorio Central de Quimica Forense")
    qtbot.keyClicks(page.prefix_edit, prefix)


def fill_supervisor(qtbot, wizard: FirstRunWizard) -> None:
    page = wizard.supervisor_page
    qtbot.keyClicks(page.full_name_edit, "Ana Lopez Ortega")
    qtbot.keyClicks(page.institution_edit, "FGR")
    qtbot.keyClicks(page.position_edit, "Jefa de laboratorio")
    qtbot.keyClicks(page.username_edit, "Ana")
    qtbot.keyClicks(page.passphrase_edit, PASSPHRASE)
    qtbot.keyClicks(page.confirm_edit, PASSPHRASE)


def go_to_printer_page(qtbot, wizard: FirstRunWizard) -> None:
    fill_lab(qtbot, wizard)
    wizard.next()
    fill_supervisor(qtbot, wizard)
    wizard.next()
    qtbot.keyClick(wizard.key_page.backup_check, Qt.Key.Key_Space)
    assert next_enabled(wizard)
    wizard.next()
    assert wizard.currentPage() is wizard.printer_page


def set_up(qtbot, wizard: FirstRunWizard) -> None:
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.CommitButton), Qt.MouseButton.LeftButton)


def journal(db: Path) -> list[tuple[str, dict[str, Any]]]:
    with closing(sqlite3.connect(db)) as conn:
        rows = conn.execute("SELECT kind, payload FROM journal ORDER BY seq").fetchall()
    return [(kind, json.loads(payload)["data"]) for kind, payload in rows]


def not_set_up(ctx: AppContext) -> bool:
    try:
        ctx.query(lab.lab)
    except NotInitialised:
        return True
    return False


def test_an_invalid_site_prefix_is_refused_as_typed(qtbot, ctx: AppContext, tmp_path) -> None:
    wizard = open_wizard(qtbot, ctx, tmp_path)
    page = wizard.lab_page
    assert page.zone_combo.currentText() == "America/Mexico_City"
    assert not next_enabled(wizard)
    fill_lab(qtbot, wizard, prefix="MX_AICM")
    assert not next_enabled(wizard)
    assert page.message_label.isVisible()
    assert "contains the character '_'" in page.message_label.text()
    page.prefix_edit.clear()
    qtbot.keyClicks(page.prefix_edit, "MX-AICM-")
    assert "Invalid site prefix 'MX-AICM-'" in page.message_label.text()
    assert not next_enabled(wizard)
    page.prefix_edit.clear()
    qtbot.keyClicks(page.prefix_edit, "mx-aicm")
    assert not page.message_label.isVisible()
    assert (
        page.example_label.text() == f"Sample IDs will look like MX-AICM-{date.today().year}-000001"
    )
    assert next_enabled(wizard)
    page.zone_combo.setCurrentText("Mars/Olympus_Mons")
    assert "'Mars/Olympus_Mons' is not a time zone name" in page.message_label.text()
    assert not next_enabled(wizard)
    page.zone_combo.setCurrentText("America/Tijuana")
    assert next_enabled(wizard)
    assert not_set_up(ctx)


def test_a_weak_passphrase_is_refused_with_the_reason(qtbot, ctx: AppContext, tmp_path) -> None:
    wizard = open_wizard(qtbot, ctx, tmp_path)
    fill_lab(qtbot, wizard)
    wizard.next()
    page = wizard.supervisor_page
    qtbot.keyClicks(page.full_name_edit, "Ana Lopez Ortega")
    qtbot.keyClicks(page.username_edit, "ana lopez")
    assert "The user name must be 1–64 letters" in page.message_label.text()
    page.username_edit.clear()
    qtbot.keyClicks(page.username_edit, "ana")
    for weak, reason in (
        ("short one", "must be at least 15 characters"),
        ("Password Password", "too common or too simple"),
        ("ana likes long walks", "must not contain the user name"),
    ):
        page.passphrase_edit.clear()
        page.confirm_edit.clear()
        qtbot.keyClicks(page.passphrase_edit, weak)
        qtbot.keyClicks(page.confirm_edit, weak)
        assert reason in page.message_label.text(), weak
        assert not next_enabled(wizard), weak
    page.passphrase_edit.clear()
    page.confirm_edit.clear()
    qtbot.keyClicks(page.passphrase_edit, PASSPHRASE)
    qtbot.keyClicks(page.confirm_edit, PASSPHRASE[:-1])
    assert page.message_label.text() == "The two passphrases differ."
    assert not next_enabled(wizard)
    qtbot.keyClicks(page.confirm_edit, PASSPHRASE[-1])
    assert not page.message_label.isVisible()
    assert next_enabled(wizard)
    assert not_set_up(ctx)


def test_setting_the_lab_up(qtbot, ctx: AppContext, db: Path, tmp_path: Path) -> None:
    wizard = open_wizard(qtbot, ctx, tmp_path, database=str(db))
    assert not next_enabled(wizard)
    go_to_printer_page(qtbot, wizard)
    key_path = tmp_path / "lab.label-key"
    assert wizard.key_page.path_label.text() == str(key_path)
    page = wizard.printer_page
    assert [page.printer_combo.itemData(i) for i in range(page.printer_combo.count())] == [
        None,
        "PDF",
        "ZEBRA",
    ]
    page.printer_combo.setCurrentIndex(page.printer_combo.findData("ZEBRA"))
    page.template_combo.setCurrentIndex(page.template_combo.findData("letter-30up"))
    set_up(qtbot, wizard)

    assert wizard.currentPage() is wizard.done_page, page.message_label.text()
    assert ctx.query(lab.lab) == lab.LabView(
        "Laboratorio Central de Quimica Forense",
        "MX-AICM",
        "America/Mexico_City",
        wizard.lab_view.reweigh_tolerance_percent,
        wizard.lab_view.reweigh_tolerance_grams,
    )
    assert ctx.actor is not None and (ctx.actor.username, ctx.actor.role) == (
        "ana",
        Role.SUPERVISOR,
    )

    assert stat.S_IMODE(key_path.stat().st_mode) == 0o600
    fingerprint = keyfile.fingerprint(keyfile.load(key_path))
    assert wizard.fingerprint == fingerprint
    assert f"Fingerprint: {fingerprint}" in wizard.done_page.summary_label.text()
    assert str(key_path) in wizard.done_page.summary_label.text()
    entries = journal(db)
    assert [kind for kind, _ in entries] == ["lab.init", "user.create", "auth.ok", "lab.label_key"]
    assert entries[3][1] == {"fingerprint": fingerprint, "file": str(key_path)}
    other = make_ctx(ctx.url)  # the supervisor can sign in from anywhere
    try:
        assert other.sign_in("ana", PASSPHRASE).full_name == "Ana Lopez Ortega"
    finally:
        other.close()

    saved = settings.load(tmp_path / "config" / "settings.json")
    assert saved == settings.Settings(default_printer="ZEBRA", default_label_template="letter-30up")
    assert wizard.supervisor_page.passphrase_edit.text() == ""  # the secret is not kept
    assert not wizard.button(QWizard.WizardButton.BackButton).isVisible()
    with qtbot.waitSignal(wizard.accepted):
        qtbot.mouseClick(
            wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton
        )


def test_an_existing_label_key_stops_before_anything_is_done(
    qtbot, ctx: AppContext, tmp_path: Path
) -> None:
    keyfile.create(tmp_path / "lab.label-key")  # another lab's key
    wizard = open_wizard(qtbot, ctx, tmp_path)
    fill_lab(qtbot, wizard)
    wizard.next()
    fill_supervisor(qtbot, wizard)
    wizard.next()
    qtbot.keyClick(wizard.key_page.backup_check, Qt.Key.Key_Space)
    assert "A label key exists already" in wizard.key_page.message_label.text()
    assert "CUSTODY_LABEL_KEY" in wizard.key_page.message_label.text()
    assert not next_enabled(wizard)
    assert not_set_up(ctx)


def test_a_failed_key_creation_says_what_to_do_then_creates_only_the_key(
    qtbot, ctx: AppContext, db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    unwritable = Path("/proc/custody.label-key")  # a folder nobody can create files in, not root
    if not unwritable.parent.is_dir():
        pytest.skip("needs Linux /proc")
    monkeypatch.setenv(keyfile.ENV, str(unwritable))
    wizard = open_wizard(qtbot, ctx, tmp_path)
    go_to_printer_page(qtbot, wizard)
    set_up(qtbot, wizard)
    message = wizard.printer_page.message_label.text()
    assert wizard.currentPage() is wizard.printer_page
    assert message.startswith(
        "The lab and its supervisor are set up, but the label key could not be created: "
        "The label key could not be written"
    )
    assert "the folder /proc must exist and be writable" in message
    assert "press “Set up the lab” again: only the key is created then" in message
    assert ctx.query(lab.lab).site_prefix == "MX-AICM"
    assert not wizard.lab_page.isEnabled()  # the lab exists: its pages cannot change it now
    assert not (tmp_path / "config" / "settings.json").exists()

    shared = tmp_path / "shared"
    shared.mkdir()
    monkeypatch.setenv(keyfile.ENV, str(shared / "lab.label-key"))  # IT fixed the place
    set_up(qtbot, wizard)
    assert wizard.currentPage() is wizard.done_page, wizard.printer_page.message_label.text()
    entries = journal(db)
    kinds = [kind for kind, _ in entries]
    assert kinds == ["lab.init", "user.create", "auth.ok", "lab.label_key"]  # nothing twice
    assert entries[-1][1]["file"] == str(shared / "lab.label-key")
    assert stat.S_IMODE((shared / "lab.label-key").stat().st_mode) == 0o600
    assert (tmp_path / "config" / "settings.json").exists()


def test_a_refusal_at_set_up_shows_on_the_page(
    qtbot, ctx: AppContext, db: Path, tmp_path: Path
) -> None:
    wizard = open_wizard(qtbot, ctx, tmp_path)
    go_to_printer_page(qtbot, wizard)
    elsewhere = make_ctx(ctx.url)  # another workstation set the same database up meanwhile
    try:
        elsewhere.perform(
            "init",
            lambda w: lab.initialise(
                w,
                lab_name="Otro laboratorio",
                site_prefix="MX-MZO",
                supervisor=NewPerson("Otra Persona"),
                username="otra",
                password="granite orchard quietly hums",
            ),
            actor=None,
        )
    finally:
        elsewhere.close()
    set_up(qtbot, wizard)
    assert wizard.currentPage() is wizard.printer_page
    assert (
        wizard.printer_page.message_label.text()
        == "The lab was not set up: This database is set up already."
    )
    assert wizard.lab_view is None and ctx.actor is None
    assert not (tmp_path / "lab.label-key").exists()
    assert not (tmp_path / "config" / "settings.json").exists()


def test_cancel_leaves_the_database_empty(qtbot, ctx: AppContext, tmp_path: Path) -> None:
    wizard = open_wizard(qtbot, ctx, tmp_path, printers=None)
    combo = wizard.printer_page.printer_combo
    assert [combo.itemData(i) for i in range(1, combo.count())] == available_printers()
    fill_lab(qtbot, wizard)
    wizard.next()
    with qtbot.waitSignal(wizard.rejected):
        qtbot.mouseClick(
            wizard.button(QWizard.WizardButton.CancelButton), Qt.MouseButton.LeftButton
        )
    assert wizard.lab_view is None
    assert not_set_up(ctx)
    assert journal(tmp_path / "lab.sqlite") == []
