"""The Reports view, driven through its real widgets on a copy of the demo lab: each report is
built off the GUI thread, journaled with its content fingerprint, previewed page by page, saved
(read back with pdftotext) and printed at true scale (a real CUPS queue when there is one); an
unknown sample and a refused scan are said next to the field; a technician gets no reports."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import closing
from functools import partial
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot
from ui_support import SUPERVISOR, make_ctx

from cups_support import page_sizes, qt_pdf_queue, take_output, titled_output, tool
from custody import demo, keyfile
from custody.context import AppContext
from custody.domain.enums import Role
from custody.domain.labelcode import LabelKind
from custody.services import consignees, journal_view, lab, labels, lookup, shipments
from custody.services.journal_view import JournalLine
from custody.ui.printing import print_pdf_pages
from custody.ui.report_jobs import ReportPdf
from custody.ui.views.reports import ReportsView

WAIT_MS = 30_000
LEFT = Qt.MouseButton.LeftButton
CTRL = Qt.KeyboardModifier.ControlModifier
TECHNICIAN = demo.DEMO_USERS[1]
FIRST = "MX-AICM-2026-000001"


@pytest.fixture
def ctx(tmp_path: Path, demo_url: str) -> Iterator[AppContext]:
    """A copy of the demo lab (reports journal) with its label key, the supervisor signed in."""
    source_path = Path(demo_url.split(":///", 1)[1])
    path = tmp_path / "lab.sqlite"
    with closing(sqlite3.connect(source_path)) as source, closing(sqlite3.connect(path)) as dest:
        source.backup(dest)
    key = keyfile.default_path(source_path)
    assert key is not None and key.exists()
    shutil.copy2(key, keyfile.default_path(path))  # keeps its 0600 mode
    context = make_ctx(f"sqlite+pysqlite:///{path}")
    context.sign_in(SUPERVISOR.username, SUPERVISOR.password)
    yield context
    context.close()


def journal(ctx: AppContext) -> list[JournalLine]:
    return ctx.query(partial(journal_view.journal_page, limit=journal_view.MAX_PAGE))


def journaled_fingerprint(ctx: AppContext, seq: int) -> str:
    entry = ctx.query(partial(journal_view.journal_entry, seq=seq))
    return str(json.loads(entry.payload_text)["data"]["fingerprint"])


def pdf_text(path: Path) -> str:
    done = subprocess.run(
        [tool("pdftotext"), "-layout", str(path), "-"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return done.stdout


def open_view(qtbot: QtBot, ctx: AppContext, tmp_path: Path, **kw: object) -> ReportsView:
    options: dict[str, object] = {
        "printer_names": [],
        "choose_file": lambda _parent, name: tmp_path / name,
    }
    options.update(kw)
    view = ReportsView(ctx, ctx.query(lab.lab), **options)  # type: ignore[arg-type]
    qtbot.addWidget(view)
    view.resize(1200, 800)
    view.show()
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    return view


def built(qtbot: QtBot, view: ReportsView, start: object) -> ReportPdf:
    """Run ``start`` (a click or a key) and wait until the report is shown."""
    with qtbot.waitSignal(view.report_shown, timeout=WAIT_MS) as shown:
        start()  # type: ignore[operator]
    qtbot.waitUntil(lambda: view.task is None, timeout=WAIT_MS)
    report = shown.args[0]
    assert isinstance(report, ReportPdf)
    return report


def test_custody_report_built_journaled_previewed_and_saved(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path
) -> None:
    view = open_view(qtbot, ctx, tmp_path)
    before = journal(ctx)
    view.sample_edit.setFocus()
    qtbot.keyClicks(view.sample_edit, FIRST)
    progress: list[tuple[int, int]] = []

    def build() -> None:
        qtbot.keyClick(view.sample_edit, Qt.Key.Key_Return, CTRL)  # Ctrl+Enter builds
        assert view.task is not None
        view.task.progressed.connect(lambda done, total: progress.append((done, total)))

    report = built(qtbot, view, build)
    assert any(total > 0 for _, total in progress)  # the journal's verification reported

    # journaled once, before anything was written: who, which sample, the content fingerprint
    added = journal(ctx)[len(before) :]
    assert [(line.kind, line.subject) for line in added] == [("report.custody", f"sample:{FIRST}")]
    assert journaled_fingerprint(ctx, added[0].seq) == report.fingerprint
    assert report.intact and report.count > 0

    preview = view.preview
    assert preview.report is report and preview.page_count > 1
    assert preview.pages.page_spin.maximum() == preview.page_count
    assert not preview.placeholder.isVisible() and not preview.pages.page_label.pixmap().isNull()
    assert FIRST in preview.title_label.text()
    assert report.fingerprint in preview.info_label.text()
    qtbot.keyClick(view.sample_edit, Qt.Key.Key_PageDown)  # PgDn turns the page
    assert preview.pages.page == 2

    qtbot.keyClick(view.sample_edit, Qt.Key.Key_S, CTRL)  # Ctrl+S saves
    saved = tmp_path / f"custody-{FIRST}.pdf"
    assert preview.output.message.text() == f"Saved to {saved}."
    assert saved.read_bytes() == report.data
    text = pdf_text(saved)
    assert text.count("\f") == preview.page_count  # one form feed per page
    assert FIRST in text and report.fingerprint in text.replace("\n", "")
    assert f"Page 1 of {preview.page_count}" in text
    assert len(journal(ctx)) == len(before) + 1  # saving journals nothing more


def test_a_journal_that_does_not_verify_is_said_in_red(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path
) -> None:
    path = ctx.url.split(":///", 1)[1]
    with closing(sqlite3.connect(path)) as db, db:  # an edit behind the application's back
        db.execute("UPDATE samples SET description = 'swapped' WHERE code = ?", (FIRST,))
    view = open_view(qtbot, ctx, tmp_path)
    qtbot.keyClicks(view.sample_edit, FIRST)
    report = built(qtbot, view, lambda: qtbot.mouseClick(view.build_button, LEFT))
    assert not report.intact and report.problem
    warning = view.preview.warning_label
    assert warning.isVisible() and "did NOT verify" in warning.text()
    assert report.problem in warning.text()
    assert journal(ctx)[-1].kind == "report.custody"  # made, and on record, all the same


def test_an_unknown_sample_is_said_next_to_the_field_and_journals_nothing(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path
) -> None:
    view = open_view(qtbot, ctx, tmp_path)
    before = journal(ctx)
    qtbot.keyClicks(view.sample_edit, "MX-AICM-2026-999999")
    qtbot.keyClick(view.sample_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.message.text() != "" and view.task is None, timeout=WAIT_MS)
    assert view.message.text() == "There is no sample MX-AICM-2026-999999 in this lab's records."
    assert view.preview.report is None and view.preview.placeholder.isVisible()
    assert not view.preview.output.save_button.isEnabled()
    # A read that finds nothing is no refused action: the journal is as it was.
    assert journal(ctx) == before
    assert view.build_button.isEnabled()


def test_a_forged_scan_is_refused_and_only_the_denial_is_journaled(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path
) -> None:
    view = open_view(qtbot, ctx, tmp_path)
    before = journal(ctx)
    qtbot.keyClicks(view.sample_edit, "V1S0000000001X00000000000000000")
    qtbot.keyClick(view.sample_edit, Qt.Key.Key_Return)
    assert view.message.text().startswith("Scan refused:")
    assert view.task is None and view.preview.report is None
    added = journal(ctx)[len(before) :]
    assert [line.kind for line in added] == ["denied"]


def test_a_scanned_sample_label_builds_that_sample_s_report(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path
) -> None:
    sample = ctx.query(lambda w: lookup.find_sample(w, "MX-AICM-2026-000004"))
    path = ctx.label_key_path()
    assert path is not None
    key = keyfile.load(path)
    payload = ctx.perform(
        "label",
        lambda w: labels.issue(
            w, LabelKind.SAMPLE, sample.compact[:-1], key, template="thermal-2x1-203"
        ),
    ).payload
    view = open_view(qtbot, ctx, tmp_path)
    qtbot.keyClicks(view.sample_edit, payload)
    report = built(qtbot, view, lambda: qtbot.keyClick(view.sample_edit, Qt.Key.Key_Return))
    assert report.subject == "sample:MX-AICM-2026-000004"
    assert view.sample_edit.text() == "MX-AICM-2026-000004"
    assert journal(ctx)[-1].kind == "report.custody"


def test_inventory_of_a_shelf(qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> None:
    view = open_view(qtbot, ctx, tmp_path)
    codes = [view.location_combo.itemData(i) for i in range(view.location_combo.count())]
    assert codes[0] is None and "VAULT-A-S1" in codes  # every location first
    view.location_combo.setCurrentIndex(codes.index("VAULT-A-S1"))
    view.location_combo.activated.emit(codes.index("VAULT-A-S1"))  # chosen by the person
    assert view.inventory_radio.isChecked()
    report = built(qtbot, view, lambda: qtbot.mouseClick(view.build_button, LEFT))
    last = journal(ctx)[-1]
    assert (last.kind, last.subject) == ("report.inventory", "location:VAULT-A-S1")
    assert journaled_fingerprint(ctx, last.seq) == report.fingerprint
    qtbot.mouseClick(view.preview.output.save_button, LEFT)
    text = pdf_text(tmp_path / "inventory-VAULT-A-S1.pdf")
    assert text.count("\f") == view.preview.page_count
    assert "VAULT-A-S1-B01" in text and "VAULT-A-S1-B02" in text
    assert "VAULT-A-S2" not in text  # only the shelf and what is on it
    assert f"{report.count} " in view.preview.info_label.text()


def test_shipment_summary(qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> None:
    ctx.perform("consignees", consignees.add_defaults)
    made = ctx.perform(
        "create",
        lambda w: shipments.create(
            w, "DEA Special Testing and Research Laboratory", carrier="DHL Express"
        ),
    )
    view = open_view(
        qtbot, ctx, tmp_path, printer_names=["NO-SUCH-PRINTER"], print_pdf=print_pdf_pages
    )
    view.shipments_radio.setChecked(True)
    report = built(qtbot, view, lambda: qtbot.mouseClick(view.build_button, LEFT))
    last = journal(ctx)[-1]
    assert (last.kind, last.subject) == ("report.shipments", "shipments")
    assert journaled_fingerprint(ctx, last.seq) == report.fingerprint
    assert report.count == 1
    view.sample_edit.setFocus()
    qtbot.keyClick(view.sample_edit, Qt.Key.Key_S, CTRL)
    text = pdf_text(tmp_path / "shipments.pdf")
    assert made.manifest_number in text and "DHL Express" in text
    shift = CTRL | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(view.sample_edit, Qt.Key.Key_P, shift)  # Ctrl+Shift+P prints: a clear refusal
    message = view.preview.output.message
    assert message.property("ok") is False
    assert "There is no printer called 'NO-SUCH-PRINTER'" in message.text()


def test_printed_through_cups_at_true_scale(qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> None:
    """The inventory of every location: landscape Letter, several pages, each at 100 %."""
    queue, out = qt_pdf_queue()
    view = open_view(qtbot, ctx, tmp_path, printer_names=[queue], print_pdf=print_pdf_pages)
    view.inventory_radio.setChecked(True)  # "Every location" is the first entry
    report = built(qtbot, view, lambda: qtbot.mouseClick(view.build_button, LEFT))
    assert report.file_name == "inventory-all.pdf" and view.preview.page_count > 1
    for stale in out.glob(titled_output("inventory-all")):
        stale.unlink()
    view.build_button.setFocus()
    qtbot.keyClick(view.build_button, Qt.Key.Key_P, CTRL | Qt.KeyboardModifier.ShiftModifier)
    message = view.preview.output.message
    assert message.property("ok") is True, message.text()
    printed = take_output(out, titled_output("inventory-all"), tmp_path / "printed.pdf")
    assert page_sizes(printed) == [(792, 612)] * view.preview.page_count  # Letter, landscape


@pytest.mark.parametrize("role", list(Role))
def test_only_supervisors_and_auditors_get_reports(role: Role) -> None:
    assert ReportsView.visible_to(role) is (role in (Role.SUPERVISOR, Role.AUDITOR))
    assert not ReportsView.visible_to(None)


def test_a_technician_sees_no_report(qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> None:
    ctx.sign_in(TECHNICIAN.username, TECHNICIAN.password)
    before = journal(ctx)
    view = open_view(qtbot, ctx, tmp_path)
    assert not view.allowed
    notice = view.findChild(QLabel, "reports_not_allowed")
    assert notice is not None and notice.isVisible()
    assert notice.text() == "Reports are for supervisors and auditors."
    assert view.findChildren(QPushButton) == [] and view.findChildren(QLineEdit) == []
    qtbot.keyClick(view, Qt.Key.Key_Return, CTRL)
    assert journal(ctx) == before
