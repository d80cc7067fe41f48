"""The Samples view: every sample of the lab in a lazy table, filtered by status, ID prefix,
case, storage location (with everything inside it), registration dates and port of seizure
(`SampleFilterBar`; a bad filter gets its message next to the fields).

Typing or scanning an ID into the prefix field filters at once. A filter shows its first page
at once (keyset); a cheap count bounded at `WINDOW_MIN_ROWS` tells a short list (its exact
size) from a long one, whose exact count is taken off the GUI thread ("More than 1,000 samples
(counting…)" meanwhile). Once counted, a long list opens in window mode (see
`SampleTableModel.open_window`): the scroll bar spans every sample and Ctrl+End shows the last
one at once. 1,000,000 samples open as fast as 11 (benchmarks/bench_ui.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import Any

from PySide6.QtCore import QLocale, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from custody.context import AppContext
from custody.domain.enums import SampleStatus
from custody.errors import CustodyError, NotFound, ValidationError
from custody.services import locations, lookup
from custody.services.lab import LabView
from custody.services.lookup import SampleFilter, SampleRow
from custody.services.work import Actor
from custody.ui.error_text import error_text
from custody.ui.labels import status_label
from custody.ui.models.sample_table import (
    PAGE_SIZE,
    Loader,
    Pager,
    PageRequest,
    SampleTableModel,
)
from custody.ui.tasks import Progress, Task, run_task
from custody.ui.widgets.sample_filter_bar import FILTER_DELAY_MS as FILTER_DELAY_MS
from custody.ui.widgets.sample_filter_bar import FilterError, SampleFilterBar

WINDOW_MIN_ROWS = 1_000  # longer lists are counted off the GUI thread, then shown whole
_NEVER_MS = 2**31 - 1  # a count shows no progress dialog
SIZE_FROM_ROWS = 40  # column widths fit the first rows (the screenful a person sees first)


class SamplesView(QWidget):
    count_changed = Signal(str)  # "11 samples", "Matching: 3 samples so far…"
    selection_changed = Signal()
    sample_activated = Signal(str)  # Enter or double-click on a row: its sample ID
    counted = Signal(int)  # the exact count of a long list arrived (window mode)

    def __init__(
        self,
        ctx: AppContext,
        lab: LabView,
        *,
        page_size: int = PAGE_SIZE,
        window_min_rows: int = WINDOW_MIN_ROWS,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.lab = lab
        self.count_text = ""
        self._total: int | None = None
        self._more_than: int | None = None  # "more than N" while the exact count runs
        self._window_min = max(1, window_min_rows)
        self._count_task: Task | None = None
        self._generation = 0  # a count for an older filter is dropped
        self._filtered = False  # a filter beyond status: counts read "Matching: …"
        self.model = SampleTableModel(
            _loader(ctx, SampleFilter()), lab.timezone, page_size=page_size, parent=self
        )
        self.model.load_failed.connect(self._on_model_load_failed)
        self.model.page_loaded.connect(self._update_count)
        self.model.modelReset.connect(self._update_count)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._build_filters()
        self._build_table()
        self.table.selectionModel().selectionChanged.connect(self.selection_changed)
        self.table.activated.connect(self._on_table_activated)
        self.model.modelReset.connect(self.selection_changed)
        self.apply_filter()
        self._size_columns()

    def _on_table_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            try:
                code = self.model.row_at(index.row()).code
            except (CustodyError, LookupError) as error:
                self._on_model_load_failed(error_text(error))
                return
            self.sample_activated.emit(code)

    @property
    def counting(self) -> bool:
        """True while the exact count of a long list is being taken (off the GUI thread)."""
        return self._count_task is not None

    def focus_filter(self) -> None:
        self.prefix_edit.setFocus()

    def _size_columns(self) -> None:
        """Fit the columns to the first rows; leave room for every status label."""
        # Qt measures 1,000 rows by default: ~15,000 data() calls in Python, ~70 ms of opening.
        self.table.horizontalHeader().setResizeContentsPrecision(SIZE_FROM_ROWS)
        self.table.resizeColumnsToContents()
        metrics = self.table.fontMetrics()
        widest = max(metrics.horizontalAdvance(status_label(s)) for s in SampleStatus)
        column = SampleTableModel.STATUS
        self.table.setColumnWidth(column, max(self.table.columnWidth(column), widest + 16))

    # --- building ---------------------------------------------------------------------------

    def _build_filters(self) -> None:
        self.filters = SampleFilterBar(self.lab.site_prefix)
        self.status_combo = self.filters.status_combo
        self.prefix_edit = self.filters.prefix_edit
        try:
            codes = [row.code for row in self.ctx.query(locations.list_locations)]
        except CustodyError:
            codes = []  # the field still takes a typed code
        self.filters.set_locations(codes)
        self._layout.addWidget(self.filters)
        self.filters.filter_changed.connect(self.apply_filter)

    def _build_table(self) -> None:
        self.table = QTableView()
        self.table.setObjectName("samples")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setSortingEnabled(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        rows = self.table.verticalHeader()
        rows.hide()
        rows.setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(SampleTableModel.DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        self._layout.addWidget(self.table, 1)

    # --- filtering --------------------------------------------------------------------------

    def current_status(self) -> SampleStatus | None:
        value = self.status_combo.currentData()  # a StrEnum reaches Qt as a plain str
        return SampleStatus(value) if value else None

    def current_prefix(self) -> str:
        return self.prefix_edit.text().strip()

    def apply_filter(self) -> None:
        """Reload the table from the first sample with the current filter. A filter that
        cannot apply (a date that is no date, an unknown location…) empties the table and
        says why next to the fields."""
        self.filters.stop_pending()
        self._stop_counting()
        self._total = self._more_than = None
        try:
            where = self.filters.current()
            # O(WINDOW_MIN_ROWS) at most, never O(samples); it checks the filter too.
            bounded = self.ctx.query(
                partial(lookup.count_samples, where=where, limit=self._window_min)
            )
        except FilterError as error:
            self._refuse(str(error))
            return
        except (ValidationError, NotFound) as error:
            self._refuse(error_text(error))
            return
        except CustodyError as error:
            self._on_model_load_failed(error_text(error))
            return
        self.filters.show_error(None)
        self._filtered = where != SampleFilter(status=where.status)
        self.model.set_loader(_loader(self.ctx, where))  # the first page, at once
        self.table.scrollToTop()
        if self.model.exhausted:  # it all fit in the first page
            self._total = None if self._filtered else self.model.rowCount()
        elif bounded < self._window_min:  # short: paging as it scrolls is enough
            self._total = None if self._filtered else bounded
        else:
            self._more_than = bounded
            self._start_counting(where)
        self._update_count()

    def _refuse(self, message: str) -> None:
        """A filter that cannot apply: no rows (none of them would be what was asked)."""
        self.filters.show_error(message)
        self._filtered = True
        self.model.set_loader(_no_rows)
        self._update_count()

    def _start_counting(self, where: SampleFilter) -> None:
        generation = self._generation
        ctx, actor = self.ctx, self.ctx.actor

        def count(progress: Progress) -> int:
            total = _count(ctx, actor, where)
            progress.check()  # a newer filter cancelled this count: drop it
            return total

        self._count_task = run_task(
            self,
            self.tr("Counting samples"),
            count,
            partial(self._on_count_done, generation, _pager(ctx, where)),
            partial(self._on_count_failed, generation),
            on_cancelled=lambda: None,
            show_after_ms=_NEVER_MS,
        )

    def _stop_counting(self) -> None:
        self._generation += 1
        if self._count_task is not None:
            self._count_task.cancel()
            self._count_task = None

    def _on_count_done(self, generation: int, pager: Pager, total: int) -> None:
        if generation != self._generation:
            return
        self._count_task = None
        self._total, self._more_than = total, None
        self.model.open_window(total, pager)
        self._update_count()
        self.counted.emit(total)

    def _on_count_failed(self, generation: int, _error: CustodyError) -> None:
        if generation == self._generation:  # the list still pages; only the total is unknown
            self._count_task = None
            self._update_count()

    # --- count -------------------------------------------------------------------------

    def _update_count(self) -> None:
        prefix = self._filtered
        if self._more_than is not None:  # a long list; its exact count is running or failed
            more = self._samples(self._more_than)
            if prefix and self.counting:
                text = self.tr("Matching: more than {samples} (counting…)").format(samples=more)
            elif prefix:
                text = self.tr("Matching: more than {samples}").format(samples=more)
            elif self.counting:
                text = self.tr("More than {samples} (counting…)").format(samples=more)
            else:
                text = self.tr("More than {samples}").format(samples=more)
        elif self._total is not None and (not prefix or self.model.windowed):
            text = self._samples(self._total)
            if prefix:
                text = self.tr("Matching: {samples}").format(samples=text)
        elif self.model.exhausted:
            text = self.tr("Matching: {samples}").format(
                samples=self._samples(self.model.rowCount())
            )
        else:
            shown = self._samples(self.model.rowCount())
            text = self.tr("Matching: {samples} so far (scroll for more)").format(samples=shown)
        self.count_text = text
        self.count_changed.emit(text)

    def _samples(self, n: int) -> str:
        if n == 1:
            return self.tr("1 sample")
        return self.tr("{n} samples").format(n=QLocale().toString(n))

    def _on_model_load_failed(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("Custody"), message)

    def selected_codes(self) -> list[str]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        try:
            return [self.model.row_at(row).code for row in rows]
        except (CustodyError, LookupError) as error:
            self._on_model_load_failed(error_text(error))
            return []


def _no_rows(_after_code: str | None, _limit: int) -> Sequence[SampleRow]:
    return []


def _count(ctx: AppContext, actor: Actor | None, where: SampleFilter) -> int:
    """The exact number of matching samples (O(matches): run it off the GUI thread)."""
    return ctx.query(partial(lookup.count_samples, where=where), actor=actor)


def _pager(ctx: AppContext, where: SampleFilter) -> Pager:
    """Window-mode pages of samples matching the filter (read-only)."""

    def load(request: PageRequest) -> Sequence[SampleRow]:
        return ctx.query(
            partial(
                lookup.sample_page,
                after_code=request.after_code,
                before_code=request.before_code,
                skip=request.skip,
                backward=request.backward,
                limit=request.limit,
                where=where,
            )
        )

    return load


def _loader(ctx: AppContext, where: SampleFilter) -> Loader:
    """Pages of samples matching the filter, through the lookup service (read-only)."""

    def load(after_code: str | None, limit: int) -> Sequence[SampleRow]:
        return ctx.query(
            partial(lookup.sample_page, after_code=after_code, limit=limit, where=where)
        )

    return load
