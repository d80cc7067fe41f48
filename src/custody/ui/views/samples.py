"""The Samples view: every sample of the lab in a lazy table, filtered by status and ID prefix.

Typing or scanning an ID into the prefix field filters at once; the table loads pages by keyset
as it scrolls (1,000,000 samples open as fast as 11).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import Any

from PySide6.QtCore import QLocale, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from custody.context import AppContext
from custody.domain.enums import SampleStatus
from custody.errors import CustodyError
from custody.services import lookup
from custody.services.lab import LabView
from custody.services.lookup import SampleRow
from custody.ui.labels import status_label
from custody.ui.models.sample_table import PAGE_SIZE, Loader, SampleTableModel

FILTER_DELAY_MS = 250  # typing in the ID filter reloads after a short pause


class SamplesView(QWidget):
    count_changed = Signal(str)  # "11 samples", "Matching: 3 samples so far…"
    selection_changed = Signal()
    sample_activated = Signal(str)  # Enter or double-click on a row: its sample ID

    def __init__(
        self, ctx: AppContext, lab: LabView, *, page_size: int = PAGE_SIZE, parent: Any = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.lab = lab
        self.count_text = ""
        self._total: int | None = None
        self.model = SampleTableModel(
            _loader(ctx, None, ""), lab.timezone, page_size=page_size, parent=self
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
            self.sample_activated.emit(self.model.row_at(index.row()).code)

    def focus_filter(self) -> None:
        self.prefix_edit.setFocus()

    def _size_columns(self) -> None:
        """Fit the columns to the first page; leave room for every status label."""
        self.table.resizeColumnsToContents()
        metrics = self.table.fontMetrics()
        widest = max(metrics.horizontalAdvance(status_label(s)) for s in SampleStatus)
        column = SampleTableModel.STATUS
        self.table.setColumnWidth(column, max(self.table.columnWidth(column), widest + 16))

    # --- building ---------------------------------------------------------------------------

    def _build_filters(self) -> None:
        bar = QHBoxLayout()
        self.status_combo = QComboBox()
        self.status_combo.setObjectName("status_filter")
        self.status_combo.addItem(self.tr("All"), None)
        for status in SampleStatus:
            self.status_combo.addItem(status_label(status), status.value)
        self.status_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.prefix_edit = QLineEdit()
        self.prefix_edit.setObjectName("prefix_filter")
        self.prefix_edit.setClearButtonEnabled(True)
        self.prefix_edit.setPlaceholderText(f"{self.lab.site_prefix}-2026-0000…")
        self.prefix_edit.setMaxLength(40)
        width = self.prefix_edit.fontMetrics().horizontalAdvance("MX-AICM-2026-000000000") + 48
        self.prefix_edit.setFixedWidth(width)
        status_caption = QLabel(self.tr("&Status:"))
        status_caption.setBuddy(self.status_combo)
        prefix_caption = QLabel(self.tr("Sample &ID starts with:"))
        prefix_caption.setBuddy(self.prefix_edit)
        for widget in (status_caption, self.status_combo, _gap(), prefix_caption, self.prefix_edit):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.setContentsMargins(4, 2, 4, 2)
        self._layout.addLayout(bar)

        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self.apply_filter)
        self.status_combo.currentIndexChanged.connect(self.apply_filter)
        self.prefix_edit.textChanged.connect(self._filter_timer.start)
        self.prefix_edit.returnPressed.connect(self.apply_filter)

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
        """Reload the table from the first sample with the current filter."""
        self._filter_timer.stop()
        status, prefix = self.current_status(), self.current_prefix()
        self._total = None
        if not prefix:  # count_samples has no prefix filter (yet)
            try:
                self._total = self.ctx.query(lambda w: lookup.count_samples(w, status))
            except CustodyError as error:
                self._on_model_load_failed(str(error))
        self.model.set_loader(_loader(self.ctx, status, prefix))
        self.table.scrollToTop()

    # --- count -------------------------------------------------------------------------

    def _update_count(self) -> None:
        if self._total is not None:
            text = self._samples(self._total)
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
        return [self.model.row_at(row).code for row in rows]


def _gap() -> QWidget:
    gap = QWidget()
    gap.setFixedWidth(16)
    return gap


def _loader(ctx: AppContext, status: SampleStatus | None, prefix: str) -> Loader:
    """Pages of samples matching the filter, through the lookup service (read-only)."""

    def load(after_code: str | None, limit: int) -> Sequence[SampleRow]:
        return ctx.query(
            partial(
                lookup.sample_page,
                after_code=after_code,
                limit=limit,
                status=status,
                code_prefix=prefix or None,
            )
        )

    return load
