"""The scan station over a fresh demo lab: real labels scanned into the real view, the outcome
checked on the card and in the database (through the services) and the journal."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot
from scan_support import CLERK, SUPERVISOR, TECHNICIAN, Counter, fresh_counter, png_bytes

from custody import keyfile
from custody.domain.enums import SampleStatus, ShipmentStatus
from custody.domain.labelcode import Code, LabelKind
from custody.services import consignees, lab, lookup, manifests, photos, receiving, shipments
from custody.services.labels import ScanContext, shipment_key
from custody.ui.scan_filter import ScannerBurstFilter
from custody.ui.views.scan_station import ScanStationView
from custody.ui.widgets.scan_card import Verdict

CONSIGNEE = "DEA Special Testing and Research Laboratory"
A, R, W = Verdict.ACCEPTED, Verdict.REFUSED, Verdict.WARNING


@pytest.fixture
def counter(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Counter]:
    monkeypatch.delenv(keyfile.ENV, raising=False)
    made = fresh_counter(tmp_path)
    yield made
    made.ctx.close()


def open_station(qtbot: QtBot, counter: Counter) -> tuple[ScanStationView, list[Verdict]]:
    sounds: list[Verdict] = []
    view = ScanStationView(counter.ctx, counter.ctx.query(lab.lab), sound=sounds.append)
    qtbot.addWidget(view)
    view.resize(1100, 700)
    view.show()
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    qtbot.waitUntil(view.scan_edit.hasFocus)
    return view, sounds


def scan(qtbot: QtBot, view: ScanStationView, payload: str) -> None:
    """What a wedge scanner does: the characters, then Enter, into the focused scan field."""
    qtbot.keyClicks(view.scan_edit, payload)
    qtbot.keyClick(view.scan_edit, Qt.Key.Key_Return)


def test_a_valid_label_shows_the_sample_and_what_can_be_done_now(
    qtbot: QtBot, counter: Counter
) -> None:
    sample = counter.stored(1)[0]
    counter.sign_in(TECHNICIAN)
    counter.ctx.perform("photo", lambda w: photos.add_photo(w, sample.id, "bag.png", png_bytes()))
    child = counter.sample("MX-AICM-2026-000011")  # the sub-sample: sealed, the technician has it
    child_label = counter.sample_label(child)
    counter.sign_in(CLERK)
    payload = counter.sample_label(sample)
    view, sounds = open_station(qtbot, counter)

    scan(qtbot, view, payload)
    card = view.card
    assert (card.verdict, card.headline.text()) == (A, sample.code)
    assert card.description.text() == sample.description
    assert card.status.text().startswith("Stored")
    assert (card.location.text(), card.seals.text()) == (sample.location, ", ".join(sample.seals))
    assert list(card.action_buttons()) == ["retrieve"]
    assert not card.photo.isHidden() and not card.photo.pixmap().isNull()
    assert view.scan_edit.text() == "" and view.scan_edit.hasFocus()

    scan(qtbot, view, child_label)
    assert card.headline.text() == child.code and card.holder.text() == TECHNICIAN.full_name
    assert list(card.action_buttons()) == ["put_away", "hand_over", "pack"]
    assert card.photo.isHidden()
    assert sounds == [A, A] and view.history.verdicts() == [A, A]
    # a damaged label: its ID typed by hand finds the sample too
    scan(qtbot, view, sample.code.lower())
    assert (card.verdict, card.headline.text()) == (A, sample.code)


def test_a_forged_or_garbage_scan_is_refused_in_red_and_journaled(
    qtbot: QtBot, counter: Counter
) -> None:
    sample = counter.stored(1)[0]
    forged = Code(LabelKind.SAMPLE, sample.compact[:-1], 1).encode(bytes(range(32)))
    view, sounds = open_station(qtbot, counter)
    before = len(counter.journal())

    scan(qtbot, view, forged)
    assert view.card.verdict is R
    assert "NOT printed by this lab" in view.card.message.text()
    assert view.card.action_buttons() == {}
    journal = counter.journal()
    assert len(journal) == before + 1
    kind, _, data = journal[-1]
    assert (kind, data["action"], data["scan"]) == ("denied", "scan", ascii(forged))

    scan(qtbot, view, "hello/world")
    assert view.card.verdict is R and "'/'" in view.card.message.text()
    assert counter.journal()[-1][0] == "denied"
    assert sounds == [R, R] and view.history.verdicts() == [R, R]
    assert view.scan_edit.hasFocus()


def test_put_away_takes_a_location_then_the_samples(qtbot: QtBot, counter: Counter) -> None:
    samples = [counter.retrieve(s) for s in counter.stored(2)]
    payloads = [counter.sample_label(s) for s in samples]
    shelf = counter.label(LabelKind.LOCATION, "VAULT-A-S2")
    view, sounds = open_station(qtbot, counter)
    qtbot.keyClick(view.scan_edit, Qt.Key.Key_F4)
    assert view.context is ScanContext.MOVE
    assert view.panels.bar.buttons[ScanContext.MOVE].isChecked()

    scan(qtbot, view, payloads[0])  # no location yet: refused, nothing stored
    assert view.card.verdict is R and "location's label first" in view.card.message.text()
    assert counter.sample(samples[0].code).status is SampleStatus.RETRIEVED
    scan(qtbot, view, shelf)
    assert view.location == "VAULT-A-S2" and view.card.headline.text() == "VAULT-A-S2"
    for payload in payloads:
        scan(qtbot, view, payload)
        assert view.card.verdict is A, view.card.message.text()
    for sample in samples:
        stored = counter.sample(sample.code)
        assert (stored.status, stored.location, stored.holder) == (
            SampleStatus.STORED,
            "VAULT-A-S2",
            None,
        )
    assert view.card.location.text() == "VAULT-A-S2"
    assert sounds == [R, A, A, A]
    qtbot.keyClick(view.scan_edit, Qt.Key.Key_Escape)
    assert view.location is None and view.scan_edit.hasFocus()


def test_retrieve_asks_for_the_purpose(qtbot: QtBot, counter: Counter) -> None:
    sample = counter.stored(1)[0]
    payload = counter.sample_label(sample)
    view, _ = open_station(qtbot, counter)
    scan(qtbot, view, payload)
    qtbot.mouseClick(view.card.action_buttons()["retrieve"], Qt.MouseButton.LeftButton)
    dialog = view.purpose_dialog
    qtbot.waitUntil(dialog.isVisible)
    dialog.setTextValue("GC-MS analysis")
    dialog.accept()

    after = counter.sample(sample.code)
    assert (after.status, after.holder, after.location) == (
        SampleStatus.RETRIEVED,
        CLERK.full_name,
        None,
    )
    last = counter.ctx.query(lambda w: lookup.history(w, sample.id))[-1]
    assert last.purpose == "GC-MS analysis"
    assert view.card.status.text() == "Retrieved" and view.card.holder.text() == CLERK.full_name
    assert list(view.card.action_buttons()) == ["put_away", "hand_over", "pack"]
    qtbot.waitUntil(view.scan_edit.hasFocus)


def test_hand_over_from_the_card(qtbot: QtBot, counter: Counter) -> None:
    sample = counter.retrieve(counter.stored(1)[0])
    payload = counter.sample_label(sample)
    view, sounds = open_station(qtbot, counter)
    scan(qtbot, view, payload)
    qtbot.mouseClick(view.card.action_buttons()["hand_over"], Qt.MouseButton.LeftButton)
    dialog = view.hand_over_dialog
    qtbot.waitUntil(dialog.isVisible)
    dialog.receiver_edit.setText(TECHNICIAN.username)
    dialog.receiver_password.setText(TECHNICIAN.password)
    dialog.purpose_edit.setText("analysis")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    assert counter.sample(sample.code).holder == TECHNICIAN.full_name
    assert view.card.holder.text() == TECHNICIAN.full_name
    assert "Handed over to" in view.card.message.text()
    assert sounds == [A, A]
    qtbot.waitUntil(view.scan_edit.hasFocus)


def _open_shipment(counter: Counter, packages: int) -> int:
    counter.sign_in(SUPERVISOR)
    counter.ctx.perform("consignees", consignees.add_defaults)
    counter.sign_in(CLERK)
    made = counter.ctx.perform(
        "create",
        lambda w: shipments.create(w, CONSIGNEE, carrier="DHL Express", waybill="AWB 172-1"),
    )
    for n in range(packages):
        counter.ctx.perform(
            "package", lambda w, n=n: shipments.add_package(w, made.id, [f"OUT-{n + 1:04d}"])
        )
    return made.id


def test_pack_into_a_shipment_and_package(qtbot: QtBot, counter: Counter) -> None:
    shipment_id = _open_shipment(counter, packages=2)
    samples = [counter.retrieve(s) for s in counter.stored(2)]
    payloads = [counter.sample_label(s) for s in samples]
    package_2 = counter.label(LabelKind.SHIPMENT, shipment_key(shipment_id, 2))
    view, sounds = open_station(qtbot, counter)
    qtbot.keyClick(view.scan_edit, Qt.Key.Key_F5)
    assert view.context is ScanContext.PACK
    assert view.panels.pack_choice() == (shipment_id, 1)

    scan(qtbot, view, payloads[0])
    assert view.card.verdict is A and "package 1" in view.card.message.text()
    scan(qtbot, view, package_2)  # the package's label chooses it
    assert view.panels.pack_choice() == (shipment_id, 2)
    scan(qtbot, view, payloads[1])
    assert view.card.verdict is A and view.card.status.text().startswith("Packed")
    scan(qtbot, view, payloads[0])  # twice: refused with where it is
    assert "is packed: it cannot be used to pack" in view.card.message.text()

    found = counter.ctx.query(lambda w: shipments.find(w, str(shipment_id)))
    assert [p.samples for p in found.packages] == [(samples[0].code,), (samples[1].code,)]
    assert {counter.sample(s.code).status for s in samples} == {SampleStatus.PACKED}
    assert sounds == [A, A, A, R]


def test_receive_by_the_manifest_then_reconcile_every_container(
    qtbot: QtBot, counter: Counter
) -> None:
    shipment_id = _open_shipment(counter, packages=1)
    samples = [counter.retrieve(s) for s in counter.stored(2)]
    payloads = [counter.sample_label(s) for s in samples]
    for sample in samples:
        counter.ctx.perform("pack", lambda w, s=sample: shipments.pack(w, shipment_id, 1, s.id))
    counter.sign_in(SUPERVISOR)
    counter.ctx.perform(
        "approve",
        lambda w: shipments.approve(
            w, shipment_id, SUPERVISOR.password, counter.key, counter.ctx.signer()
        ),
    )
    counter.sign_in(CLERK)
    counter.ctx.perform(
        "dispatch", lambda w: shipments.dispatch(w, shipment_id, CLERK.password, "J. Pérez, DHL")
    )
    manifest = counter.ctx.query(
        lambda w: manifests.current(w, shipments.load(w, shipment_id)).qr_payload
    )
    view, sounds = open_station(qtbot, counter)
    qtbot.keyClick(view.scan_edit, Qt.Key.Key_F3)
    assert view.context is ScanContext.RECEIVE

    scan(qtbot, view, payloads[0])  # a sample before the manifest: refused
    assert view.card.verdict is R and "manifest" in view.card.message.text()
    scan(qtbot, view, manifest)
    assert view.card.verdict is A, view.card.message.text()
    assert view.context is ScanContext.RECONCILE
    assert view.panels.reconcile_choice() == shipment_id
    counts = view.panels.bar.reconcile_counts
    assert "2 expected · 0 scanned · 2 missing" in counts.text()

    scan(qtbot, view, payloads[0])
    assert view.card.verdict is A and view.card.status.text().startswith("Received")
    assert "2 expected · 1 scanned · 1 missing" in counts.text()
    scan(qtbot, view, payloads[0])
    assert view.card.verdict is W and "scanned already" in view.card.message.text()
    qtbot.mouseClick(view.panels.bar.reconcile_button, Qt.MouseButton.LeftButton)
    assert view.card.verdict is W
    assert f"{samples[1].code} was not received." in view.card.message.text()

    report = counter.ctx.query(lambda w: receiving.report(w, shipments.load(w, shipment_id)))
    assert {d.kind for d in report.discrepancies} == {"missing", "duplicate", "package"}
    found = counter.ctx.query(lambda w: shipments.find(w, str(shipment_id)))
    assert found.status is ShipmentStatus.RECEIVED
    assert sounds == [R, A, A, W, W]


def test_a_scanner_burst_anywhere_reaches_the_station_and_spares_the_focused_field(
    qtbot: QtBot, counter: Counter
) -> None:
    sample = counter.stored(1)[0]
    payload = counter.sample_label(sample)
    view, _ = open_station(qtbot, counter)
    notes = QLineEdit()
    qtbot.addWidget(notes)
    notes.setText("seal looks fine")
    notes.show()
    notes.activateWindow()
    notes.setFocus()
    qtbot.waitUntil(notes.hasFocus)
    ticks = itertools.count(0, 4)  # a key every 4 ms
    burst = ScannerBurstFilter(clock=lambda _event: next(ticks))
    burst.burst_scanned.connect(view.handle_scan)
    app = QApplication.instance()
    app.installEventFilter(burst)
    try:
        with qtbot.waitSignal(burst.burst_scanned):
            qtbot.keyClicks(notes, payload)
            qtbot.keyClick(notes, Qt.Key.Key_Return)
    finally:
        app.removeEventFilter(burst)
    assert notes.text() == "seal looks fine"
    assert (view.card.verdict, view.card.headline.text()) == (A, sample.code)


def test_put_away_from_the_card_waits_for_the_location(qtbot: QtBot, counter: Counter) -> None:
    sample = counter.retrieve(counter.stored(1)[0])
    payload = counter.sample_label(sample)
    box = counter.label(LabelKind.LOCATION, "VAULT-A-S1-B02")
    view, _ = open_station(qtbot, counter)
    scan(qtbot, view, box)  # Find: a location label offers to put away there
    assert view.card.headline.text() == "VAULT-A-S1-B02"
    assert list(view.card.action_buttons()) == ["put_away_here"]
    scan(qtbot, view, payload)
    qtbot.mouseClick(view.card.action_buttons()["put_away"], Qt.MouseButton.LeftButton)
    assert view.context is ScanContext.MOVE and view.location is None
    assert counter.sample(sample.code).status is SampleStatus.RETRIEVED  # waits for a location
    scan(qtbot, view, box)
    stored = counter.sample(sample.code)
    assert (stored.status, stored.location) == (SampleStatus.STORED, "VAULT-A-S1-B02")
    assert view.card.headline.text() == sample.code and view.location == "VAULT-A-S1-B02"


def test_the_scan_field_takes_the_focus_back(qtbot: QtBot, counter: Counter) -> None:
    shipment_id = _open_shipment(counter, packages=2)
    view, _ = open_station(qtbot, counter)
    qtbot.mouseClick(view.panels.bar.buttons[ScanContext.PACK], Qt.MouseButton.LeftButton)
    assert view.context is ScanContext.PACK and view.scan_edit.hasFocus()
    package = view.panels.bar.pack_package
    package.setFocus()
    qtbot.waitUntil(package.hasFocus)
    qtbot.keyClick(package, Qt.Key.Key_Down)  # the keyboard chooses package 2...
    assert view.panels.pack_choice() == (shipment_id, 2)
    assert view.scan_edit.hasFocus()  # ...and the next scan goes to the scan field
    sample = counter.retrieve(counter.stored(1)[0])
    qtbot.keyClick(view.scan_edit, Qt.Key.Key_F2)
    scan(qtbot, view, counter.sample_label(sample))
    qtbot.mouseClick(view.card.action_buttons()["hand_over"], Qt.MouseButton.LeftButton)
    dialog = view.hand_over_dialog
    qtbot.waitUntil(dialog.isVisible)
    dialog.reject()
    qtbot.waitUntil(view.scan_edit.hasFocus)
    assert counter.sample(sample.code).holder == CLERK.full_name
