"""IntakeView, typed like a technician would: case → seizure → exhibit → samples → seals →
sub-sample → labels, each step one service action, checked against what the database holds."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QDateTime, Qt, QTime, QTimeZone
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import text
from ui_support import click_print_and_wait, make_ctx

from custody import demo
from custody.context import AppContext
from custody.domain.enums import EventType, SampleForm, SampleStatus
from custody.services import intake, lab, labels, lookup
from custody.services.views import SampleView
from custody.ui.dialogs.print_labels import PrintLabelsDialog
from custody.ui.dialogs.sample_action import SampleActionDialog
from custody.ui.views.intake import IntakeView
from custody.ui.widgets.checked_field import CheckedField

TECHNICIAN = demo.DEMO_USERS[1]
CASE = "FED/CDMX/AICM/0009999/2026"
TABLES = ("cases", "seizures", "exhibits", "samples", "seals", "custody_events", "label_prints")


@pytest.fixture
def ctx(tmp_path: Path) -> Iterator[AppContext]:
    """A fresh demo lab of its own (intake writes), the technician signed in."""
    context = make_ctx(f"sqlite+pysqlite:///{tmp_path / 'lab.sqlite'}")
    demo.populate(context)
    context.sign_in(TECHNICIAN.username, TECHNICIAN.password)
    yield context
    context.close()


@pytest.fixture
def view(qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> IntakeView:
    def print_dialog(c: AppContext, codes: list[str], parent: QWidget) -> PrintLabelsDialog:
        out = tmp_path / "labels.pdf"
        return PrintLabelsDialog(c, codes, parent, printer_names=[], choose_file=lambda *_: out)

    widget = IntakeView(ctx, ctx.query(lab.lab), print_dialog=print_dialog)
    qtbot.addWidget(widget)
    widget.resize(1000, 640)
    widget.show()
    return widget


def _counts(ctx: AppContext) -> dict[str, int]:
    """Rows per record table, and the journal's kinds (read straight from the file)."""
    with ctx.engine.connect() as conn:
        return {
            t: int(conn.execute(text(f"SELECT COUNT(*) FROM {t}")).scalar_one()) for t in TABLES
        }


def _journal_kinds(ctx: AppContext, after: int) -> list[str]:
    with ctx.engine.connect() as conn:
        rows = conn.execute(
            text("SELECT kind FROM journal WHERE seq > :s ORDER BY seq"), {"s": after}
        )
        return [row[0] for row in rows]


def _journal_size(ctx: AppContext) -> int:
    with ctx.engine.connect() as conn:
        return int(conn.execute(text("SELECT COUNT(*) FROM journal")).scalar_one())


def _type(qtbot: QtBot, field: CheckedField, value: str) -> None:
    field.edit.clear()
    qtbot.keyClicks(field.edit, value)


def _next(qtbot: QtBot, view: IntakeView) -> None:
    assert view.next_button.isEnabled(), view.blocker_label.text()
    qtbot.mouseClick(view.next_button, Qt.MouseButton.LeftButton)


def _case_and_seizure(qtbot: QtBot, view: IntakeView) -> None:
    assert view.current is view.case and not view.next_button.isEnabled()
    assert view.blocker_label.text() == "The case number (NUC) is required and cannot be blank."
    _type(qtbot, view.case.number, CASE)
    _type(qtbot, view.case.institution, "FGR / ANAM")
    _type(qtbot, view.case.rcc, "RCC-0009999")
    _type(qtbot, view.case.dea, "DEA-2026-0077")
    _next(qtbot, view)
    assert view.current is view.seizure
    view.seizure.port.setCurrentIndex(view.seizure.port.findData("MZO"))
    assert view.seizure.place.text() == "Port of Manzanillo, container terminal"
    view.seizure.when.setDateTime(
        QDateTime(QDate(2026, 9, 3), QTime(10, 30), QTimeZone.utc())  # wall clock, lab zone
    )
    _type(qtbot, view.seizure.conveyance, "Container MSKU 7718203, vessel MAERSK KENSINGTON")
    assert not view.next_button.isEnabled()  # the reason is still missing
    _type(qtbot, view.seizure.reason, "Non-intrusive inspection of a resin container")
    _next(qtbot, view)


def test_intake_registers_exactly_what_was_typed(
    qtbot: QtBot, view: IntakeView, ctx: AppContext, tmp_path: Path
) -> None:
    before, journal_before = _counts(ctx), _journal_size(ctx)
    total_before = ctx.query(lookup.count_samples)
    _case_and_seizure(qtbot, view)

    assert view.current is view.exhibit
    _type(qtbot, view.exhibit.description, "Drum of off-white powder inside resin drums")
    _type(qtbot, view.exhibit.substance, "fentanyl")
    _type(qtbot, view.exhibit.packaging, "steel drum")
    _type(qtbot, view.exhibit.gross, "61500")
    _next(qtbot, view)

    assert view.current is view.samples
    entry = view.samples.entry
    assert entry.hazard.isChecked()  # the exhibit's substance is fentanyl
    _type(qtbot, entry.description, "Representative sample 1, top of the drum")
    _type(qtbot, entry.weight, "10.5")
    _type(qtbot, entry.balance, "BAL-XPR205-02")
    qtbot.keyClick(entry.balance.edit, Qt.Key.Key_Return)  # Return adds it
    assert view.samples.registered.count() == 1 and entry.balance.text() == "BAL-XPR205-02"
    _type(qtbot, entry.description, "Representative sample 2, bottom of the drum")
    _type(qtbot, entry.weight, "7,25")  # a decimal comma is a decimal point
    _type(qtbot, entry.units, "3")
    _next(qtbot, view)  # adds the sample being typed, then goes on

    assert view.current is view.seals and len(view.seals.fields) == 2
    first, second = view.seals.fields.values()
    _type(qtbot, first, "SEAL-900001")
    _type(qtbot, second, "seal-900001")
    assert not view.next_button.isEnabled()
    assert view.blocker_label.text().startswith("The same seal number is typed for")
    _type(qtbot, second, "SEAL-900002")
    _next(qtbot, view)

    assert view.current is view.subsample
    assert view.next_button.text() == "&Next ›"  # nothing typed: the step is skipped
    _next(qtbot, view)
    assert view.current is view.labels and view.labels.chosen() == [
        s.code for s in view.state.samples
    ]
    qtbot.mouseClick(view.labels.print_button, Qt.MouseButton.LeftButton)
    dialog = view.labels.dialog
    assert isinstance(dialog, PrintLabelsDialog)
    click_print_and_wait(qtbot, dialog)
    assert dialog.message.property("ok") is True, dialog.message.text()
    assert (tmp_path / "labels.pdf").stat().st_size > 0

    # What the database holds: exactly one case, seizure and exhibit, two sealed samples.
    after = _counts(ctx)
    assert {t: after[t] - before[t] for t in TABLES} == {
        "cases": 1,
        "seizures": 1,
        "exhibits": 1,
        "samples": 2,
        "seals": 2,
        "custody_events": 4,  # collected and sealed, twice
        "label_prints": 2,
    }
    assert ctx.query(lookup.count_samples) == total_before + 2
    assert view.state.case_id == ctx.query(lambda w: intake.find_case(w, CASE))
    samples: list[SampleView] = [
        ctx.query(lambda w, c=s.code: lookup.find_sample(w, c)) for s in view.state.samples
    ]
    assert [(s.description, str(s.net_weight), s.unit_count) for s in samples] == [
        ("Representative sample 1, top of the drum", "10.5000", None),
        ("Representative sample 2, bottom of the drum", "7.2500", 3),
    ]
    for sample, seal in zip(samples, ("SEAL-900001", "SEAL-900002"), strict=True):
        assert (sample.case_number, sample.exhibit_number) == (CASE, 1)
        assert (sample.balance_id, sample.hazard, sample.form) == (
            "BAL-XPR205-02",
            True,
            SampleForm.POWDER,
        )
        assert sample.presumptive_substance == "fentanyl" and sample.status is SampleStatus.SEALED
        assert sample.seals == (seal,)
        events = ctx.query(lambda w, i=sample.id: lookup.history(w, i))
        assert [e.event_type for e in events] == [EventType.COLLECT, EventType.SEAL]
        assert len(ctx.query(lambda w, i=sample.id: labels.prints_of(w, i))) == 1
    assert _journal_kinds(ctx, journal_before) == [
        "case.register",
        "seizure.register",
        "exhibit.register",
        "sample.register",
        "sample.register",
        "seal.apply",
        "seal.apply",
        "label.print",
        "label.print",
    ]


def test_a_bad_weight_keeps_next_disabled_with_the_reason(
    qtbot: QtBot, view: IntakeView, ctx: AppContext
) -> None:
    _case_and_seizure(qtbot, view)
    _type(qtbot, view.exhibit.description, "Bricks of white powder")
    _type(qtbot, view.exhibit.gross, "12,3,4")
    reason = "The gross weight '12.3.4' is not a number of grams."
    assert not view.next_button.isEnabled() and view.blocker_label.text() == reason
    assert view.exhibit.gross.error.text() == reason and not view.exhibit.gross.error.isHidden()
    _type(qtbot, view.exhibit.gross, "500")
    _next(qtbot, view)

    entry = view.samples.entry
    assert entry.hazard.isChecked()  # the substance is not known yet: caution
    _type(qtbot, entry.substance, "cocaine")
    assert not entry.hazard.isChecked()
    _type(qtbot, entry.substance, "Fentanilo")
    assert entry.hazard.isChecked()
    qtbot.keyClick(entry.hazard, Qt.Key.Key_Space)  # set by hand: it stays as set
    _type(qtbot, entry.substance, "fentanyl HCl")
    assert not entry.hazard.isChecked()
    _type(qtbot, entry.description, "Sample of a brick")
    _type(qtbot, entry.balance, "BAL-01")
    _type(qtbot, entry.weight, "12,3,4")
    reason = "The net weight '12.3.4' is not a number of grams."
    assert not view.next_button.isEnabled() and not view.samples.add_button.isEnabled()
    assert view.blocker_label.text() == reason == entry.weight.error.text()
    _type(qtbot, entry.weight, "0")
    assert view.blocker_label.text() == "The net weight must be more than 0 g."
    _type(qtbot, entry.weight, "600")  # more than the exhibit: the service refuses it
    samples_before = ctx.query(lookup.count_samples)
    _next(qtbot, view)
    assert view.current is view.samples
    assert entry.weight.error.text() == (
        "The net weight 600.0000 g is above the exhibit's gross weight 500.0000 g."
    )
    assert not view.next_button.isEnabled()  # until the weight is edited
    assert ctx.query(lookup.count_samples) == samples_before
    _type(qtbot, entry.weight, "12.3")
    _next(qtbot, view)
    assert view.current is view.seals and ctx.query(lookup.count_samples) == samples_before + 1


def test_an_existing_case_is_found_not_registered_twice(
    qtbot: QtBot, view: IntakeView, ctx: AppContext
) -> None:
    existing = "FED/CDMX/AICM/0004417/2026"
    cases = _counts(ctx)["cases"]
    _type(qtbot, view.case.number, existing)
    _type(qtbot, view.case.institution, "FGR")
    _next(qtbot, view)
    assert view.current is view.case and view.state.case_id is None
    assert view.case.number.error.text() == f"Case {existing} is registered already."
    view.case.existing_radio.click()
    assert not view.case.institution.isEnabled()
    _type(qtbot, view.case.number, "FED/NOT/THERE")
    _next(qtbot, view)
    assert view.case.number.error.text() == "There is no case FED/NOT/THERE."
    _type(qtbot, view.case.number, existing)
    _next(qtbot, view)
    assert view.current is view.seizure
    assert view.state.case_id == ctx.query(lambda w: intake.find_case(w, existing))
    assert _counts(ctx)["cases"] == cases
    assert view.step_list.item(0).text() == "✓ 1. Case"
    assert not view.step_list.item(2).flags() & Qt.ItemFlag.ItemIsEnabled  # no seizure yet


def test_subsample_from_a_held_sample_then_seal_both(
    qtbot: QtBot, view: IntakeView, ctx: AppContext
) -> None:
    parent_code = ctx.query(lambda w: lookup.sample_page(w, status=SampleStatus.SEALED))[0].code
    parent = ctx.query(lambda w: lookup.find_sample(w, parent_code))
    view.step_list.setCurrentRow(view.steps.index(view.subsample))
    assert view.current is view.subsample
    step = view.subsample
    qtbot.keyClicks(step.parent_field.edit, parent.compact)  # as a scanner types it
    assert step.parent_status.text().startswith(f"{parent_code}: sealed, ")
    _type(qtbot, step.entry.description, "Sub-sample for the DEA")
    _type(qtbot, step.entry.weight, "0.25")
    _type(qtbot, step.entry.balance, "BAL-XPR205-01")
    assert view.blocker_label.text() == (
        f"Open {parent_code} first: a sub-sample is drawn from an opened sample."
    )
    qtbot.mouseClick(step.open_button, Qt.MouseButton.LeftButton)
    dialog = step.opener.dialog
    assert isinstance(dialog, SampleActionDialog)
    qtbot.keyClicks(dialog.fields["purpose"].edit, "draw a sub-sample for the DEA")
    dialog.choices["seal_intact"].setCurrentIndex(1)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert step.opener.dialog is None
    assert step.parent_status.text().startswith(f"{parent_code}: opened, ")
    _next(qtbot, view)  # draws it, then the seals: the sub-sample and a reseal of its parent

    assert view.current is view.seals
    child = view.state.samples[0]
    assert child.parent_code == parent_code and str(child.net_weight) == "0.2500"
    assert list(view.seals.fields) == [child.code, parent_code]
    _type(qtbot, view.seals.fields[child.code], "SEAL-SUB-1")
    _type(qtbot, view.seals.fields[parent_code], parent.seals[0])  # broken: never reused
    _next(qtbot, view)
    assert view.current is view.seals  # the child is sealed; the reseal was refused
    assert "used already" in view.seals.fields[parent_code].error.text()
    assert list(view.seals.fields) == [parent_code]
    _type(qtbot, view.seals.fields[parent_code], "SEAL-RESEAL-7")
    _next(qtbot, view)

    now = {c: ctx.query(lambda w, c=c: lookup.find_sample(w, c)) for c in (child.code, parent_code)}
    assert (now[child.code].status, now[child.code].seals) == (SampleStatus.SEALED, ("SEAL-SUB-1",))
    assert (now[parent_code].status, now[parent_code].seals) == (
        SampleStatus.SEALED,
        ("SEAL-RESEAL-7",),
    )
    assert now[parent_code].net_weight == parent.net_weight - child.net_weight
