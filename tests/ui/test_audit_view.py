"""AuditView: the journal browser (model checks, filters, an entry in full) and "Verify now"
on the demo database, intact and after edits made behind Custody's back."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from functools import partial
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QDate, QModelIndex, Qt
from ui_support import SUPERVISOR, make_ctx

from custody.context import AppContext
from custody.services import journal_view, lab
from custody.services.lab import LabView
from custody.ui.models.journal_table import ROW_ROLE, JournalTableModel
from custody.ui.views.audit import AuditView

WAIT_MS = 20_000


def db_path(url: str) -> Path:
    return Path(url.split(":///", 1)[1])


def journal(url: str, where: str = "1 = 1") -> list[tuple]:
    """(seq, kind, actor, subject, ts, prev_hash, hash) straight from the file."""
    with sqlite3.connect(db_path(url)) as conn:
        return conn.execute(
            "SELECT seq, kind, actor, subject, ts, prev_hash, hash FROM journal "
            f"WHERE {where} ORDER BY seq"
        ).fetchall()


def detail_fields(text: str) -> dict[str, str]:
    """The "Name:   value" lines above the payload in the detail pane."""
    head = text.split("\n\n", 1)[0]
    return dict(
        (name.strip(), value.strip())
        for name, value in (line.split(":", 1) for line in head.splitlines())
    )


def open_view(qtbot, ctx: AppContext, lab_view: LabView, **kwargs) -> AuditView:
    view = AuditView(ctx, lab_view, **kwargs)
    qtbot.addWidget(view)
    view.resize(1300, 760)
    view.show()
    qtbot.waitExposed(view)
    return view


def load_all(view: AuditView) -> list[int]:
    while view.model.canFetchMore(QModelIndex()):
        view.model.fetchMore(QModelIndex())
    return [view.model.row_at(r).seq for r in range(view.model.rowCount())]


def wait_for_filter(qtbot, view: AuditView) -> None:
    with qtbot.waitSignal(view.filters.filter_changed, timeout=WAIT_MS):
        pass


@pytest.fixture
def tampered_copy(tmp_path: Path, demo_url: str) -> Iterator[Callable[..., AppContext]]:
    """A consistent copy of the demo database (SQLite backup API), edited with sqlite3."""
    made: list[AppContext] = []

    def copy(*statements: str) -> AppContext:
        target = tmp_path / f"copy{len(made)}.sqlite"
        with sqlite3.connect(db_path(demo_url)) as source, sqlite3.connect(target) as dest:
            source.backup(dest)
        with sqlite3.connect(target) as conn:
            for statement in statements:
                conn.execute(statement)
        conn.close()
        ctx = make_ctx(f"sqlite+pysqlite:///{target}")
        made.append(ctx)
        ctx.sign_in(SUPERVISOR.username, SUPERVISOR.password)
        return ctx

    yield copy
    for ctx in made:
        ctx.close()


# --- the model --------------------------------------------------------------------------------


def test_the_model_passes_qt_model_checks_while_paging(
    qtmodeltester, signed_in: AppContext, lab_view: LabView
) -> None:
    calls: list[tuple[int | None, int]] = []

    def load(after: int | None, limit: int):
        calls.append((after, limit))
        return signed_in.query(partial(journal_view.journal_page, after_seq=after, limit=limit))

    model = JournalTableModel(load, lab_view.timezone, page_size=16)
    qtmodeltester.check(model)  # the tester fetches pages itself
    calls.clear()
    model.reset()
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    qtmodeltester.check(model)
    stored = journal(signed_in.url)
    assert [model.row_at(r).seq for r in range(model.rowCount())] == [row[0] for row in stored]
    assert calls[:3] == [(None, 16), (16, 16), (32, 16)]
    first = model.index(0, JournalTableModel.KIND)
    assert first.data() == "lab.init"
    assert model.index(0, JournalTableModel.ACTOR).data() == "—"
    assert model.index(1, JournalTableModel.ACTOR).data() == "supervisor"
    assert first.data(ROW_ROLE).seq == 1
    zone = ZoneInfo(lab_view.timezone)
    stamp = datetime.fromisoformat(stored[0][4]).astimezone(zone)
    assert model.index(0, JournalTableModel.TIME).data() == f"{stamp:%Y-%m-%d %H:%M:%S}"
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Time (America/Mexico_City)"


# --- filters and the entry in full ------------------------------------------------------------


def test_lists_the_whole_journal_and_shows_an_entry_in_full(
    qtbot, signed_in: AppContext, lab_view: LabView
) -> None:
    view = open_view(qtbot, signed_in, lab_view, page_size=50)
    stored = journal(signed_in.url)
    assert load_all(view) == [row[0] for row in stored]
    assert view.count_label.text() == f"Matching: {len(stored)} entries"
    target = next(row for row in stored if row[1] == "custody.store")
    row = [view.model.row_at(r).seq for r in range(view.model.rowCount())].index(target[0])
    view.table.selectRow(row)
    detail = view.detail.toPlainText()
    fields = detail_fields(detail)
    assert fields["Entry"] == f"{target[0]}  custody.store"
    assert fields["Prev hash"] == target[5]
    assert fields["Hash"] == target[6]
    assert fields["Subject"] == target[3]
    assert fields["Actor"] == "clerk"
    assert '\n  "kind": "custody.store",' in detail  # the payload, indented


def test_filters_by_kind_actor_subject_and_seq(
    qtbot, signed_in: AppContext, lab_view: LabView
) -> None:
    view = open_view(qtbot, signed_in, lab_view)
    url = signed_in.url
    assert view.filters.kind_combo.findText("seal.apply") >= 0  # the kinds in use are offered

    qtbot.keyClicks(view.filters.kind_combo.lineEdit(), "seal.")
    wait_for_filter(qtbot, view)
    expected = journal(url, "kind LIKE 'seal.%'")
    assert load_all(view) == [row[0] for row in expected]
    assert {view.model.row_at(r).kind for r in range(view.model.rowCount())} == {
        "seal.apply",
        "seal.break",
        "seal.replace",
    }

    view.filters.actor_combo.setCurrentIndex(view.filters.actor_combo.findData("technician"))
    expected = journal(url, "kind LIKE 'seal.%' AND actor = 'technician'")
    assert expected and load_all(view) == [row[0] for row in expected]

    view.filters.clear_button.click()
    qtbot.keyClicks(view.filters.subject_edit, "aicm-2026-000004")
    wait_for_filter(qtbot, view)
    expected = journal(url, "subject = 'sample:MX-AICM-2026-000004'")
    assert len(expected) >= 3 and load_all(view) == [row[0] for row in expected]

    view.filters.clear_button.click()
    view.filters.first_seq_spin.setValue(10)
    view.filters.last_seq_spin.setValue(20)
    wait_for_filter(qtbot, view)
    assert load_all(view) == list(range(10, 21))
    assert view.count_label.text() == "Matching: 11 entries"


def test_filters_by_day_in_the_lab_zone(qtbot, signed_in: AppContext, lab_view: LabView) -> None:
    view = open_view(qtbot, signed_in, lab_view)
    stored = journal(signed_in.url)
    zone = ZoneInfo(lab_view.timezone)
    first_day = datetime.fromisoformat(stored[0][4]).astimezone(zone).date()
    view.filters.since_edit.setDate(QDate(first_day.year, first_day.month, first_day.day))
    wait_for_filter(qtbot, view)
    assert load_all(view) == [row[0] for row in stored]
    day_before = first_day - timedelta(days=1)
    view.filters.since_edit.setDate(view.filters.since_edit.minimumDate())  # "any"
    view.filters.until_edit.setDate(QDate(day_before.year, day_before.month, day_before.day))
    wait_for_filter(qtbot, view)
    assert load_all(view) == []
    assert view.count_label.text() == "Matching: 0 entries"


def test_signed_out_the_view_says_why_it_is_empty(
    qtbot, demo_ctx: AppContext, lab_view: LabView
) -> None:
    view = open_view(qtbot, demo_ctx, lab_view)
    assert view.model.rowCount() == 0
    assert view.message_label.isVisible()
    assert view.message_label.text() == "Sign in first."


# --- verify now -------------------------------------------------------------------------------


def run_verify(qtbot, view: AuditView) -> None:
    with qtbot.waitSignal(view.verified, timeout=WAIT_MS):
        qtbot.mouseClick(view.verify_button, Qt.MouseButton.LeftButton)
        assert not view.verify_button.isEnabled()  # one verification at a time
    assert view.verify_button.isEnabled()
    assert view.result_card.isVisible()


def test_verify_now_on_the_intact_demo(qtbot, signed_in: AppContext, lab_view: LabView) -> None:
    view = open_view(qtbot, signed_in, lab_view)
    with qtbot.waitSignal(view.verified, timeout=WAIT_MS) as outcome:
        run_verify(qtbot, view)
    assert outcome.args == [True]
    stored = journal(signed_in.url)
    card = view.result_card
    assert card.heading.text() == "The journal is intact"
    assert card.property("state") == "intact"
    text = card.plain_text
    assert "What it means: Nothing was changed outside Custody." in text
    assert f"Journal entries checked: {len(stored)}" in text
    assert f"Head hash: {stored[-1][6]}" in text
    assert "by supervisor at workstation ui-test" in text
    assert not card.show_entry_button.isVisible()


def test_verify_now_names_a_record_edited_behind_custodys_back(
    qtbot, tampered_copy, lab_view: LabView
) -> None:
    ctx = tampered_copy("UPDATE samples SET description = 'x' WHERE id = 1")
    view = open_view(qtbot, ctx, ctx.query(lab.lab))
    with qtbot.waitSignal(view.verified, timeout=WAIT_MS) as outcome:
        run_verify(qtbot, view)
    assert outcome.args == [False]
    card = view.result_card
    assert card.heading.text() == "A record does not match the journal: samples #1"
    assert card.property("state") == "broken"
    text = card.plain_text
    assert "Table: samples" in text and "Record: #1" in text and "Field: description" in text
    assert "Table holds: 'x'" in text
    assert "Journal says: 'Representative sample 1" in text
    assert (
        "What it means: The samples table was changed outside Custody (a direct database "
        "edit): the field 'description' of record #1 no longer holds the value the journal "
        "recorded." in text
    )
    last = max(row[0] for row in journal(ctx.url, "subject = 'sample:MX-AICM-2026-000001'"))
    assert f"Last journal entry touching it: {last}" in text

    qtbot.mouseClick(card.show_entry_button, Qt.MouseButton.LeftButton)
    assert view.filters.first_seq_spin.value() == last
    assert view.model.row_at(0).seq == last
    assert view.table.currentIndex().row() == 0
    assert detail_fields(view.detail.toPlainText())["Entry"] == f"{last}  custody.store"


def test_verify_now_finds_an_edited_journal_entry(qtbot, tampered_copy) -> None:
    ctx = tampered_copy(
        "DROP TRIGGER journal_no_update",
        "UPDATE journal SET payload = replace(payload, 'SEAL-', 'SEAL-X') "
        "WHERE seq = (SELECT MIN(seq) FROM journal WHERE kind = 'seal.apply')",
    )
    seq = journal(ctx.url, "kind = 'seal.apply'")[0][0]
    view = open_view(qtbot, ctx, ctx.query(lab.lab))
    run_verify(qtbot, view)
    card = view.result_card
    assert card.heading.text() == f"The journal was altered: its hash chain breaks at entry {seq}"
    assert "Problem: hash does not match the entry's content" in card.plain_text
    assert f"entries from seq {seq} on cannot be trusted" in card.plain_text
    assert "Head hash" not in card.plain_text
    qtbot.mouseClick(card.show_entry_button, Qt.MouseButton.LeftButton)
    assert view.model.row_at(0).seq == seq
    assert '"serial": "SEAL-X' in view.detail.toPlainText()  # the altered entry, as stored


def test_verify_now_signed_out_says_it_could_not_run(
    qtbot, demo_ctx: AppContext, lab_view: LabView
) -> None:
    view = open_view(qtbot, demo_ctx, lab_view)
    task = view.verify()
    with qtbot.waitSignal(task.finished, timeout=WAIT_MS):
        pass
    assert view.result_card.heading.text() == "Verification could not run"
    assert "Sign in first." in view.result_card.plain_text
    assert view.verify_button.isEnabled()
