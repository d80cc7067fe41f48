"""HandOverDialog: the receiver (and a witness) authenticate at this workstation; a wrong
password changes nothing but is journaled; the dialog keeps what was typed except passwords."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from scan_support import CLERK, SUPERVISOR, TECHNICIAN, Counter, fresh_counter

from custody import keyfile
from custody.domain.enums import EventType
from custody.services import lookup
from custody.services.views import SampleView
from custody.ui.dialogs.hand_over import HandOverDialog


@pytest.fixture
def counter(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Counter]:
    monkeypatch.delenv(keyfile.ENV, raising=False)
    made = fresh_counter(tmp_path)
    yield made
    made.ctx.close()


@pytest.fixture
def held(counter: Counter) -> SampleView:
    """A sample the signed-in clerk holds (taken out of storage)."""
    return counter.retrieve(counter.stored(1)[0])


def open_dialog(qtbot: QtBot, counter: Counter, sample: SampleView) -> HandOverDialog:
    dialog = HandOverDialog(counter.ctx, sample)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def fill(qtbot: QtBot, dialog: HandOverDialog, **fields: str) -> None:
    for name, text in fields.items():
        edit = getattr(dialog, name)
        edit.clear()
        qtbot.keyClicks(edit, text)


def test_wrong_password_is_refused_and_changes_nothing(
    qtbot: QtBot, counter: Counter, held: SampleView
) -> None:
    dialog = open_dialog(qtbot, counter, held)
    before = len(counter.journal())
    fill(
        qtbot,
        dialog,
        receiver_edit=TECHNICIAN.username,
        receiver_password="not the password",
        purpose_edit="analysis",
    )
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    assert dialog.isVisible() and dialog.result_view is None
    assert dialog.message.text() == "Wrong user name or password."
    assert dialog.receiver_password.text() == ""
    assert (dialog.receiver_edit.text(), dialog.purpose()) == (TECHNICIAN.username, "analysis")
    after = counter.sample(held.code)
    assert after.holder == CLERK.full_name
    history = counter.ctx.query(lambda w: lookup.history(w, held.id))
    assert EventType.TRANSFER not in {e.event_type for e in history[-1:]}
    journal = counter.journal()
    assert [kind for kind, _, _ in journal[before:]] == ["auth.failed"]
    assert journal[-1][1] == f"user:{TECHNICIAN.username}"


def test_missing_fields_are_named_before_anything_is_tried(
    qtbot: QtBot, counter: Counter, held: SampleView
) -> None:
    dialog = open_dialog(qtbot, counter, held)
    before = len(counter.journal())
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == "Enter the receiver's user name."
    fill(qtbot, dialog, receiver_edit=TECHNICIAN.username, receiver_password="x")
    fill(qtbot, dialog, witness_edit=SUPERVISOR.username)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == "The witness must enter their password."
    assert dialog.focusWidget() is dialog.witness_password
    fill(qtbot, dialog, witness_edit="")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == "Say why the sample is handed over."
    assert len(counter.journal()) == before  # nothing tried, nothing journaled


def test_hand_over_with_a_witness(qtbot: QtBot, counter: Counter, held: SampleView) -> None:
    dialog = open_dialog(qtbot, counter, held)
    fill(
        qtbot,
        dialog,
        receiver_edit=TECHNICIAN.username,
        receiver_password=TECHNICIAN.password,
        witness_edit=SUPERVISOR.username,
        witness_password=SUPERVISOR.password,
        purpose_edit="GC-MS analysis",
    )
    with qtbot.waitSignal(dialog.handed_over) as caught:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    view = caught.args[0]
    assert view.holder == TECHNICIAN.full_name and dialog.result() == dialog.DialogCode.Accepted
    event = counter.ctx.query(lambda w: lookup.history(w, held.id))[-1]
    assert (event.event_type, event.purpose) == (EventType.TRANSFER, "GC-MS analysis")
    assert (event.from_person, event.to_person, event.witness) == (
        CLERK.full_name,
        TECHNICIAN.full_name,
        SUPERVISOR.full_name,
    )
    assert event.auth == (
        f"{CLERK.username}:session;{TECHNICIAN.username}:password;{SUPERVISOR.username}:password"
    )


def test_the_witness_must_be_a_third_person(
    qtbot: QtBot, counter: Counter, held: SampleView
) -> None:
    dialog = open_dialog(qtbot, counter, held)
    fill(
        qtbot,
        dialog,
        receiver_edit=TECHNICIAN.username,
        receiver_password=TECHNICIAN.password,
        witness_edit=TECHNICIAN.username,
        witness_password=TECHNICIAN.password,
        purpose_edit="analysis",
    )
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "third person" in dialog.message.text()
    assert counter.sample(held.code).holder == CLERK.full_name
    assert counter.journal()[-1][0] == "denied"
