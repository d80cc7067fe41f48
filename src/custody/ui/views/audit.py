"""The Audit view (supervisors, auditors): browse the journal with filters, read an entry in full,
and "Verify now" — the hash chain and the replay of every record, off the GUI thread with a
progress dialog, ending in a readable result (intact, or the first break / divergence and what it
means).
"""

from __future__ import annotations

from dataclasses import asdict
from functools import partial
from itertools import pairwise
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QLocale, QModelIndex, Qt, Signal
from PySide6.QtGui import QFontDatabase, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from custody.context import AppContext
from custody.errors import CustodyError
from custody.services import audit, journal_view, users
from custody.services.audit import VerifyReport
from custody.services.journal_view import JournalEntry
from custody.services.lab import LabView
from custody.services.work import Actor
from custody.ui.error_text import error_text
from custody.ui.i18n import format_date_time
from custody.ui.models.journal_table import PAGE_SIZE, JournalLoader, JournalTableModel
from custody.ui.tasks import Progress, Task, run_task
from custody.ui.widgets.journal_filter_bar import JournalFilter, JournalFilterBar
from custody.ui.widgets.verify_result import VerifyResultCard

__all__ = ["AuditView"]

VERIFY_SHORTCUT = "Ctrl+Shift+V"


class AuditView(QWidget):
    verified = Signal(bool)  # a "Verify now" ended: intact or not

    def __init__(
        self, ctx: AppContext, lab: LabView, parent: Any = None, *, page_size: int = PAGE_SIZE
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.lab = lab
        self._zone = ZoneInfo(lab.timezone)
        self.verify_task: Task | None = None
        self._verify_actor: Actor | None = None

        self.filters = JournalFilterBar(lab.timezone)
        self.filters.filter_changed.connect(self.apply_filter)
        self.model = JournalTableModel(
            _loader(ctx, JournalFilter()), lab.timezone, page_size=page_size, parent=self
        )
        self.model.load_failed.connect(self._on_model_load_failed)
        self.model.page_loaded.connect(self._update_count)
        self.model.modelReset.connect(self._on_model_reset)
        self.result_card = VerifyResultCard()
        self.result_card.hide()
        self.result_card.entry_requested.connect(self.show_entry)
        self._build()
        self.refresh()
        self._size_columns()

    # --- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.verify_button = QPushButton(self.tr("V&erify now"))
        self.verify_button.setObjectName("verify_now")
        self.verify_button.setShortcut(QKeySequence(VERIFY_SHORTCUT))
        self.verify_button.setToolTip(
            self.tr(
                "Check the journal's hash chain and replay it against every record ({key})"
            ).format(key=VERIFY_SHORTCUT)
        )
        self.verify_button.clicked.connect(self._on_verify_button_clicked)
        self.refresh_button = QPushButton(self.tr("&Refresh"))
        self.refresh_button.setObjectName("refresh_journal")
        self.refresh_button.setShortcut(QKeySequence.StandardKey.Refresh)
        self.refresh_button.setToolTip(self.tr("Load the entries written since (F5)"))
        self.refresh_button.clicked.connect(self.refresh)

        self.table = QTableView()
        self.table.setObjectName("journal")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(JournalTableModel.SUMMARY, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_changed)

        self.detail = QPlainTextEdit()
        self.detail.setObjectName("entry_detail")
        self.detail.setReadOnly(True)
        self.detail.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.detail.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.detail.setPlaceholderText(self.tr("Select an entry to read it in full."))
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 7)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([7000, 3000])

        self.message_label = QLabel()
        self.message_label.setObjectName("audit_message")
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet("color: #b71c1c;")
        self.message_label.hide()
        self.count_label = QLabel()
        self.count_label.setObjectName("journal_count")

        top = QHBoxLayout()
        top.addWidget(self.filters, 1)
        buttons = QVBoxLayout()
        buttons.addWidget(self.verify_button)
        buttons.addWidget(self.refresh_button)
        top.addLayout(buttons)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message_label, 1)
        bottom.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.result_card)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        order = (
            self.filters.clear_button,
            self.verify_button,
            self.refresh_button,
            self.result_card.show_entry_button,
            self.result_card.copy_button,
            self.table,
            self.detail,
        )
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)

    # --- the journal ------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the filter lists and the journal from its first matching entry."""
        try:
            kinds = self.ctx.query(journal_view.journal_kinds)
            people = self.ctx.query(users.list_users)
        except CustodyError as error:
            self._show_message(error_text(error))
        else:
            self.filters.set_kinds(kinds)
            self.filters.set_users([(u.username, u.full_name) for u in people if u.username])
        self.apply_filter()

    def apply_filter(self) -> None:
        """Reload the table from the first entry matching the filters."""
        self._show_message("")
        self.model.set_loader(_loader(self.ctx, self.filters.current()))
        self.table.scrollToTop()

    def show_entry(self, seq: int) -> None:
        """Clear the filters, start the journal at entry `seq` and select it."""
        self.filters.show_from_seq(seq)
        if self.model.rowCount() and self.model.row_at(0).seq == seq:
            self.table.selectRow(0)
            self.table.setFocus()

    def _on_model_reset(self) -> None:
        self.detail.clear()
        self._update_count()

    def _size_columns(self) -> None:
        """Fit the columns to the first page; the details take the rest."""
        self.table.resizeColumnsToContents()
        limit = self.table.fontMetrics().horizontalAdvance("sample:MX-AICM-2026-000000") + 16
        for column in (JournalTableModel.SUBJECT, JournalTableModel.KIND):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), limit))

    def _on_model_load_failed(self, message: str) -> None:
        self._show_message(message)

    def _on_table_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            self.detail.clear()
            return
        seq = self.model.row_at(current.row()).seq
        try:
            entry = self.ctx.query(partial(journal_view.journal_entry, seq=seq))
        except CustodyError as error:
            self._show_message(error_text(error))
            return
        self.detail.setPlainText(self._entry_text(entry))

    def _entry_text(self, entry: JournalEntry) -> str:
        if entry.at is None:
            when = self.tr("(the stored time cannot be read)")
        else:
            local = entry.at.astimezone(self._zone)
            utc = f"{entry.at:%Y-%m-%d %H:%M:%S.%f} UTC"
            when = f"{local:%Y-%m-%d %H:%M:%S} {self._zone.key} = {utc}"
        facts = [
            (self.tr("Entry"), f"{entry.seq}  {entry.kind}"),
            (self.tr("Time"), when),
            (
                self.tr("Recorded in"),
                self.tr("time zone {zone}, workstation {ws}").format(
                    zone=entry.zone, ws=entry.workstation
                ),
            ),
            (self.tr("Actor"), entry.actor or self.tr("(nobody signed in)")),
            (self.tr("Subject"), entry.subject or "—"),
            (self.tr("Prev hash"), entry.prev_hash),
            (self.tr("Hash"), entry.hash),
        ]
        width = max(len(name) for name, _ in facts) + 2
        lines = [f"{name + ':':<{width}}{value}" for name, value in facts]
        lines += ["", self.tr("Payload (hash = SHA-256(prev hash ‖ payload as stored)):")]
        lines.append(entry.pretty_payload())
        return "\n".join(lines)

    def _update_count(self) -> None:
        n = self.model.rowCount()
        if n == 1:
            shown = self.tr("1 entry")
        else:
            shown = self.tr("{n} entries").format(n=QLocale().toString(n))
        if self.model.exhausted:
            self.count_label.setText(self.tr("Matching: {shown}").format(shown=shown))
        else:
            self.count_label.setText(
                self.tr("Matching: {shown} so far (scroll for more)").format(shown=shown)
            )

    def _show_message(self, message: str) -> None:
        self.message_label.setText(message)
        self.message_label.setVisible(bool(message))

    # --- verify -----------------------------------------------------------------------------

    def verify(self) -> Task:
        """Verify the journal on a worker thread behind a progress dialog."""
        ctx, actor = self.ctx, self.ctx.actor  # who asked, even if the session ends meanwhile
        self._verify_actor = actor
        comparing = self.tr("Comparing every record with the journal…")

        def work(progress: Progress) -> VerifyReport:
            def step(done: int, total: int) -> None:
                progress(done, total)
                if done >= total:  # the chain is checked; the replay compares record tables
                    progress.say(comparing)
                    progress(done, 0)

            return ctx.query(partial(audit.verify, progress=step), actor=actor)

        self.verify_button.setEnabled(False)
        self.result_card.show_running()
        self.verify_task = run_task(
            self,
            self.tr("Verify the journal"),
            work,
            self._on_verify_done,
            self._on_verify_failed,
            on_cancelled=self._on_verify_cancelled,
            label=self.tr("Checking the hash chain…"),
        )
        return self.verify_task

    def _on_verify_button_clicked(self) -> None:
        self.verify()

    def _on_verify_done(self, report: VerifyReport) -> None:
        self.verify_button.setEnabled(True)
        now = self.ctx.clock().astimezone(self._zone)
        who = self._verify_actor.username if self._verify_actor else "—"
        when = self.tr("{time} {zone}, by {user} at workstation {ws}").format(
            time=format_date_time(now, seconds=True),
            zone=self._zone.key,
            user=who,
            ws=self.ctx.workstation,
        )
        self.result_card.show_report(report, when)
        self.verified.emit(report.intact)

    def _on_verify_failed(self, error: CustodyError) -> None:
        self.verify_button.setEnabled(True)
        self.result_card.show_failed(error_text(error))

    def _on_verify_cancelled(self) -> None:
        self.verify_button.setEnabled(True)
        self.result_card.show_cancelled()


def _loader(ctx: AppContext, where: JournalFilter) -> JournalLoader:
    """Pages of journal entries matching `where`, through the journal view service."""
    filters = asdict(where)

    def load(after_seq: int | None, limit: int) -> list[journal_view.JournalLine]:
        return ctx.query(
            partial(journal_view.journal_page, after_seq=after_seq, limit=limit, **filters)
        )

    return load
