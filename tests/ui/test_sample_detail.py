"""SampleDetailView on a fresh demo lab: the record, the full custody timeline, and the actions
(seal, open, reseal, re-weigh, add a photo, print labels), checked against what the database
holds afterwards."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot
from sqlalchemy import text
from ui_support import click_print_and_wait

from custody import demo
from custody.context import AppContext
from custody.domain.enums import EventType, SampleForm, SampleStatus
from custody.services import corrections, intake, lab, labels, lookup, photos
from custody.services.intake import NewExhibit, NewSample, NewSeizure
from custody.services.views import SampleView
from custody.ui.dialogs.print_labels import PrintLabelsDialog
from custody.ui.dialogs.sample_action import SampleActionDialog
from custody.ui.models.timeline import TimelineModel
from custody.ui.views.sample_detail import SampleDetailView
from custody.ui.widgets.photo_strip import SHA_ROLE

TECHNICIAN = demo.DEMO_USERS[1]
CLERK = demo.DEMO_USERS[2]


@pytest.fixture
def ctx(own_demo: AppContext) -> AppContext:
    return own_demo


def _view(qtbot: QtBot, ctx: AppContext, **kw: object) -> SampleDetailView:
    view = SampleDetailView(ctx, ctx.query(lab.lab), **kw)  # type: ignore[arg-type]
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    return view


def _codes(ctx: AppContext, status: SampleStatus | None = None) -> list[str]:
    return [row.code for row in ctx.query(lambda w: lookup.sample_page(w, status=status))]


def _sample(ctx: AppContext, code: str) -> SampleView:
    return ctx.query(lambda w: lookup.find_sample(w, code))


def _fresh_sample(ctx: AppContext) -> SampleView:
    """A new sample of a demo case, registered (so held) by whoever is signed in."""
    case_id = ctx.query(lambda w: intake.find_case(w, "FED/CDMX/AICM/0004417/2026"))
    seized = NewSeizure("AICM", "AICM T1", datetime(2026, 8, 12, 16, tzinfo=UTC), "X-ray")
    seizure_id = ctx.perform("s", lambda w: intake.register_seizure(w, case_id, seized))
    exhibit = NewExhibit("white powder", SampleForm.POWDER, "fentanyl", gross_weight="500")
    exhibit_id = ctx.perform("e", lambda w: intake.register_exhibit(w, seizure_id, exhibit))
    new = NewSample("powder for re-weighing", "10.0000", "BAL-01")
    return ctx.perform("r", lambda w: intake.register_sample(w, exhibit_id, new))


def _dialog(view: SampleDetailView) -> SampleActionDialog:
    dialog = view.dialog
    assert isinstance(dialog, SampleActionDialog), dialog
    return dialog


def _submit(qtbot: QtBot, dialog: SampleActionDialog) -> None:
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)


def test_shows_the_record_and_the_whole_history(qtbot: QtBot, ctx: AppContext) -> None:
    code = _codes(ctx)[0]
    view = _view(qtbot, ctx)
    assert not view.buttons["seal"].isEnabled()  # nothing shown yet
    assert view.show_sample(code)
    sample = _sample(ctx, code)
    history = ctx.query(lambda w: lookup.history(w, sample.id))
    assert view.code_label.text() == code and view.status_label.text() == "Stored"
    assert view.fields.text("case") == "FED/CDMX/AICM/0004417/2026"
    assert view.fields.text("description") == sample.description
    assert view.fields.text("weight") == "9.0000 g (balance BAL-XPR205-01)"  # 10 g - 1 g drawn
    assert view.fields.text("location") == "VAULT-A-S1-B01"
    assert view.fields.text("seals") == ", ".join(sample.seals) and sample.seals
    assert view.fields.text("allowed") == "retrieve"
    assert not view.hazard_label.isHidden() and "POSSIBLE FENTANYL" in view.hazard_label.text()
    assert len(history) > 8 and view.timeline_model.rowCount() == len(history)
    assert view.tabs.tabText(0) == f"Custody timeline ({len(history)})"
    events = [view.timeline_model.event_at(r).event_type for r in range(len(history))]
    assert events == [e.event_type for e in history] and EventType.SUBSAMPLE in events
    # stored, so nothing but printing and photographs is possible here
    enabled = {name for name, button in view.buttons.items() if button.isEnabled()}
    assert enabled == {"print", "photo"}
    assert "stored" in view.buttons["seal"].toolTip()

    # a scanned compact code in the ID box shows that sample; an unknown ID says so
    child = _codes(ctx, SampleStatus.SEALED)[0]
    qtbot.keyClicks(view.find_edit, _sample(ctx, child).compact)
    qtbot.keyClick(view.find_edit, Qt.Key.Key_Return)
    assert view.code_label.text() == child and view.fields.text("parent") == code
    assert view.find_edit.text() == ""
    assert not view.show_sample("MX-AICM-2026-999999")
    assert "There is no sample MX-AICM-2026-999999" in view.code_label.text()
    assert view.timeline_model.rowCount() == 0 and not view.buttons["print"].isEnabled()


def test_timeline_model_passes_the_qt_model_checks(qtmodeltester, ctx: AppContext) -> None:
    sample = _sample(ctx, _codes(ctx)[0])
    history = ctx.query(lambda w: lookup.history(w, sample.id))
    model = TimelineModel("America/Mexico_City")
    qtmodeltester.check(model)
    model.set_events(history)
    qtmodeltester.check(model)
    rows = {model.event_at(r).event_type: r for r in range(model.rowCount())}
    opened = model.index(rows[EventType.OPEN], TimelineModel.SEALS).data()
    assert opened.endswith("→ (intact)") and opened.startswith("SEAL-")
    stored = model.index(rows[EventType.STORE], TimelineModel.LOCATION).data()
    assert stored == "→ VAULT-A-S1-B01"
    assert model.index(0, TimelineModel.WEIGHT).data() == "10.0000"
    assert model.index(0, TimelineModel.WORKSTATION).data() == "ui-test"
    assert "UTC" in model.index(0, TimelineModel.TIME).data(Qt.ItemDataRole.ToolTipRole)


def test_corrections_show_in_the_timeline(qtbot: QtBot, ctx: AppContext) -> None:
    """ISO 17025 7.5.2: the original stays; the amendment shows with its reason."""
    code = _codes(ctx)[4]
    sample = _sample(ctx, code)
    ctx.perform(
        "amend",
        lambda w: corrections.amend_sample(w, sample.id, "typo on intake", unit_count=12),
    )
    first = ctx.query(lambda w: lookup.history(w, sample.id))[0]
    ctx.perform(
        "correct",
        lambda w: corrections.correct_event(w, first.id, "wrong purpose", purpose="random draw"),
    )
    view = _view(qtbot, ctx)
    view.show_sample(code)
    model = view.timeline_model
    amended, corrected = model.rowCount() - 2, model.rowCount() - 1
    assert model.index(amended, TimelineModel.EVENT).data() == "Correction"
    assert model.index(amended, TimelineModel.NOTES).data() == (
        f"unit_count: {sample.unit_count} → 12; Reason: typo on intake"
    )
    assert model.index(corrected, TimelineModel.EVENT).data() == f"Correction of event #{first.id}"
    assert model.index(0, TimelineModel.PURPOSE).data() == first.purpose  # the original stays
    assert view.fields.text("units") == "12"


def test_reweigh_beyond_the_tolerance_shows_the_alert(qtbot: QtBot, ctx: AppContext) -> None:
    sample = _fresh_sample(ctx)
    view = _view(qtbot, ctx)
    view.show_sample(sample.code)
    assert view.buttons["reweigh"].isEnabled()
    view.buttons["reweigh"].click()
    dialog = _dialog(view)
    weight = dialog.fields["weight"]
    qtbot.keyClicks(weight.edit, "12,3,4")
    assert not weight.error.isHidden() and "not a number of grams" in weight.error.text()
    _submit(qtbot, dialog)  # refused by the dialog itself: nothing is recorded
    assert view.dialog is dialog and _sample(ctx, sample.code).net_weight == 10
    weight.edit.clear()
    qtbot.keyClicks(weight.edit, "12.5")
    with qtbot.waitSignal(view.sample_changed) as changed:
        _submit(qtbot, dialog)
    assert changed.args == [sample.code] and view.dialog is None
    assert view.notice.property("ok") is False
    assert view.notice.text().startswith("ALERT: weight changed by 2.5000 g, beyond the tolerance")
    stored = _sample(ctx, sample.code)
    assert str(stored.net_weight) == "12.5000" and stored.balance_id == "BAL-01"
    last = ctx.query(lambda w: lookup.history(w, sample.id))[-1]
    assert last.event_type is EventType.WEIGH and (last.notes or "").startswith("ALERT")
    assert view.timeline_model.rowCount() == 2  # collected, re-weighed
    color = view.timeline_model.index(1, 0).data(Qt.ItemDataRole.ForegroundRole).color()
    assert color == QColor("#b00020")

    view.buttons["reweigh"].click()  # 1 mg more: within the tolerance
    dialog = _dialog(view)
    qtbot.keyClicks(dialog.fields["weight"].edit, "12.5010")
    _submit(qtbot, dialog)
    assert view.notice.property("ok") is True and "within the tolerance" in view.notice.text()


def test_a_used_seal_number_is_refused_and_nothing_changes(qtbot: QtBot, ctx: AppContext) -> None:
    sample = _fresh_sample(ctx)
    used = _sample(ctx, _codes(ctx)[1]).seals[0]
    view = _view(qtbot, ctx)
    view.show_sample(sample.code)
    events_before = len(ctx.query(lambda w: lookup.history(w, sample.id)))
    view.buttons["seal"].click()
    dialog = _dialog(view)
    serial = dialog.fields["serial"]
    qtbot.keyClicks(serial.edit, used.lower())
    _submit(qtbot, dialog)
    assert view.dialog is dialog and dialog.isVisible()
    assert serial.error.text() == (
        f"Seal number {used} has been used already; every seal number is used once."
    )
    assert not serial.error.isHidden()
    after = _sample(ctx, sample.code)
    assert after.status is SampleStatus.REGISTERED and after.seals == ()
    assert len(ctx.query(lambda w: lookup.history(w, sample.id))) == events_before
    with ctx.engine.connect() as conn:  # the refusal itself is journaled, nothing else
        kind, payload = conn.execute(
            text("SELECT kind, payload FROM journal ORDER BY seq DESC LIMIT 1")
        ).one()
    assert kind == "denied" and "has been used already" in payload

    serial.edit.clear()
    assert serial.error.text() == "The seal number is required and cannot be blank."
    qtbot.keyClicks(serial.edit, "SEAL-NEW-0001")
    _submit(qtbot, dialog)
    assert view.dialog is None
    assert _sample(ctx, sample.code).seals == ("SEAL-NEW-0001",)
    assert view.status_label.text() == "Sealed" and view.fields.text("seals") == "SEAL-NEW-0001"
    assert not view.buttons["seal"].isEnabled() and view.buttons["open"].isEnabled()


def test_open_then_reseal(qtbot: QtBot, ctx: AppContext) -> None:
    ctx.sign_in(TECHNICIAN.username, TECHNICIAN.password)  # holds the sealed sub-sample
    code = _codes(ctx, SampleStatus.SEALED)[0]
    old_seal = _sample(ctx, code).seals[0]
    view = _view(qtbot, ctx)
    view.show_sample(code)
    view.buttons["open"].click()
    dialog = _dialog(view)
    qtbot.keyClicks(dialog.fields["purpose"].edit, "identity testing")
    _submit(qtbot, dialog)  # the state of the seals is not chosen yet
    assert dialog.message.text() == "Choose: the state of the seals"
    dialog.choices["seal_intact"].setCurrentIndex(1)  # intact
    _submit(qtbot, dialog)
    assert view.dialog is None and _sample(ctx, code).status is SampleStatus.OPENED
    opened = ctx.query(lambda w: lookup.history(w, _sample(ctx, code).id))[-1]
    assert (opened.seals_before, opened.seal_intact, opened.purpose) == (
        old_seal,
        True,
        "identity testing",
    )
    view.buttons["reseal"].click()
    dialog = _dialog(view)
    qtbot.keyClicks(dialog.fields["serial"].edit, old_seal)  # a broken seal is not reused
    _submit(qtbot, dialog)
    assert "used already" in dialog.fields["serial"].error.text()
    dialog.fields["serial"].edit.clear()
    qtbot.keyClicks(dialog.fields["serial"].edit, "SEAL-RESEAL-1")
    _submit(qtbot, dialog)
    after = _sample(ctx, code)
    assert (after.status, after.seals) == (SampleStatus.SEALED, ("SEAL-RESEAL-1",))

    ctx.sign_in(CLERK.username, CLERK.password)  # a clerk does not seal or weigh
    view.refresh()
    assert not view.buttons["seal"].isEnabled() and not view.buttons["reweigh"].isEnabled()
    assert view.buttons["reweigh"].toolTip() == "Your role may not do this."


def test_add_photo_keeps_its_sha256(qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> None:
    picture = tmp_path / "bag.png"
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor("teal"))
    assert image.save(str(picture), "PNG")
    chosen: list[Path | None] = [picture]
    code = _codes(ctx)[2]
    view = _view(qtbot, ctx, choose_photo=lambda _parent: chosen[0])
    view.show_sample(code)
    view.buttons["photo"].click()
    digest = hashlib.sha256(picture.read_bytes()).hexdigest()
    stored = ctx.query(lambda w: photos.photos_of(w, _sample(ctx, code).id))
    assert [(p.filename, p.sha256) for p in stored] == [("bag.png", digest)]
    assert view.photos.count() == 1 and view.photos.item(0).data(SHA_ROLE) == digest
    assert not view.photos.item(0).icon().isNull()
    assert view.notice.property("ok") is True and digest in view.notice.text()
    assert view.tabs.currentWidget() is view.photos

    text = tmp_path / "notes.txt"
    text.write_text("not a picture")
    chosen[0] = text
    view.buttons["photo"].click()
    assert view.notice.property("ok") is False
    assert view.notice.text() == "Only JPEG and PNG photographs can be attached."
    chosen[0] = None  # the file dialog was cancelled
    view.buttons["photo"].click()
    assert len(ctx.query(lambda w: photos.photos_of(w, _sample(ctx, code).id))) == 1


def test_print_labels_lists_the_printed_label(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path
) -> None:
    out = tmp_path / "labels.pdf"

    def factory(c: AppContext, codes: list[str], parent: object) -> PrintLabelsDialog:
        return PrintLabelsDialog(c, codes, parent, printer_names=[], choose_file=lambda *_: out)

    code = _codes(ctx)[3]
    view = _view(qtbot, ctx, print_dialog=factory)
    view.show_sample(code)
    assert view.prints.rowCount() == 0
    view.buttons["print"].click()
    dialog = view.dialog
    assert isinstance(dialog, PrintLabelsDialog) and dialog.codes == [code]
    click_print_and_wait(qtbot, dialog)
    assert dialog.message.property("ok") is True, dialog.message.text()
    dialog.reject()
    assert out.stat().st_size > 0
    printed = ctx.query(lambda w: labels.prints_of(w, _sample(ctx, code).id))
    assert len(printed) == 1 and view.prints.rowCount() == 1
    assert view.prints.item(0, view.prints.SERIAL).text() == str(printed[0].serial)
    assert view.prints.state_of(0) == "valid" and view.tabs.tabText(1) == "Labels (1)"
