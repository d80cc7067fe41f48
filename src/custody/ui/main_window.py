"""The main window: the lab's samples, filtered by status and ID prefix. Read-only for now."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from html import escape
from typing import Any

from PySide6.QtCore import QLocale, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QTableView,
    QToolBar,
    QWidget,
)

from custody import __version__
from custody.context import AppContext
from custody.domain.enums import SampleStatus
from custody.errors import CustodyError
from custody.services import lookup
from custody.services.lab import LabView
from custody.services.lookup import SampleRow
from custody.ui.dialogs.print_labels import PrintLabelsDialog
from custody.ui.dialogs.scanner_test import ScannerTestDialog
from custody.ui.labels import role_label, status_label
from custody.ui.models.sample_table import PAGE_SIZE, Loader, SampleTableModel

FILTER_DELAY_MS = 250  # typing in the ID filter reloads after a short pause


class MainWindow(QMainWindow):
    def __init__(
        self, ctx: AppContext, lab: LabView, *, page_size: int = PAGE_SIZE, parent: Any = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.lab = lab
        self.setWindowTitle(self.tr("Custody — {lab}").format(lab=lab.lab_name))

        self._total: int | None = None
        self.model = SampleTableModel(
            _loader(ctx, None, ""), lab.timezone, page_size=page_size, parent=self
        )
        self.model.load_failed.connect(self._on_model_load_failed)
        self.model.page_loaded.connect(self._update_count)
        self.model.modelReset.connect(self._update_count)

        self._build_filters()
        self._build_table()
        self._build_menus()
        self._build_status_bar()
        self.resize(1200, 700)
        self.apply_filter()
        self._size_columns()
        self._focus_pending = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._focus_pending:  # typing or scanning an ID filters at once
            self._focus_pending = False
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
        bar = QToolBar(self.tr("Filters"))
        bar.setObjectName("filters")
        bar.setMovable(False)
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
        bar.setContentsMargins(4, 2, 4, 2)
        self.addToolBar(bar)

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
        self.setCentralWidget(self.table)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.print_labels_action = QAction(self.tr("&Print labels for the selected samples…"), self)
        self.print_labels_action.setShortcut(QKeySequence.StandardKey.Print)
        self.print_labels_action.setEnabled(False)
        self.print_labels_action.triggered.connect(self._on_print_labels_triggered)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.model.modelReset.connect(self._update_actions)
        file_menu.addAction(self.print_labels_action)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        tools_menu = self.menuBar().addMenu(self.tr("&Tools"))
        self.scanner_test_action = QAction(self.tr("&Scanner self-test…"), self)
        self.scanner_test_action.triggered.connect(self._on_scanner_test_triggered)
        tools_menu.addAction(self.scanner_test_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about_action = QAction(self.tr("&About Custody"), self)
        about_action.setMenuRole(QAction.MenuRole.AboutRole)
        about_action.triggered.connect(self._on_about_triggered)
        help_menu.addAction(about_action)

    def _build_status_bar(self) -> None:
        self.count_label = QLabel()
        self.count_label.setObjectName("count")
        self.user_label = QLabel()
        self.user_label.setObjectName("user")
        actor = self.ctx.actor
        if actor is not None:
            self.user_label.setText(
                self.tr("Signed in: {name} ({role})").format(
                    name=actor.full_name, role=role_label(actor.role)
                )
            )
        self.statusBar().addWidget(self.count_label, 1)
        self.statusBar().addPermanentWidget(self.user_label)

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

    # --- status bar -------------------------------------------------------------------------

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
        self.count_label.setText(text)

    def _samples(self, n: int) -> str:
        if n == 1:
            return self.tr("1 sample")
        return self.tr("{n} samples").format(n=QLocale().toString(n))

    def _on_model_load_failed(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("Custody"), message)

    def selected_codes(self) -> list[str]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.row_at(row).code for row in rows]

    def _update_actions(self) -> None:
        self.print_labels_action.setEnabled(bool(self.table.selectionModel().selectedRows()))

    def _on_print_labels_triggered(self) -> None:
        codes = self.selected_codes()
        if not codes:
            return
        dialog = PrintLabelsDialog(self.ctx, codes, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _on_scanner_test_triggered(self) -> None:
        dialog = ScannerTestDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _on_about_triggered(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Custody"),
            self.tr(
                "<h3>Custody {version}</h3><p>Chain of custody for seized drug samples.</p>"
                "<p>Lab: {lab} ({prefix})<br>Time zone: {zone}</p>"
            ).format(
                version=__version__,
                lab=escape(self.lab.lab_name),
                prefix=escape(self.lab.site_prefix),
                zone=escape(self.lab.timezone),
            ),
        )


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
