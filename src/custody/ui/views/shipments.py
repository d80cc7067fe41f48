"""The Shipments view: every shipment in a lazy table (filtered by status) above the detail of
the selected one, with its actions: create, edit, package, pack by scan, unpack, approve,
dispatch, manifest, receive by the manifest's QR, reconcile, resolve and close.

Every action is one ``ctx.perform`` (one transaction, refusals journaled); a refusal shows next
to the field or in the dialog that asked for it, and nothing is changed.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from custody import keyfile
from custody.context import AppContext
from custody.domain.enums import ShipmentStatus
from custody.domain.manifest import SignatureBlock
from custody.errors import CustodyError, StorageError
from custody.services import manifests, shipments
from custody.services.lab import LabView
from custody.services.shipment_views import ShipmentRow, ShipmentView, list_shipments
from custody.services.work import Work
from custody.ui.error_text import error_text
from custody.ui.models.shipment_table import (
    PAGE_SIZE,
    Loader,
    ShipmentTableModel,
    shipment_status_label,
)
from custody.ui.views.shipment_actions import ManifestOptions, ShipmentActions
from custody.ui.views.shipment_bundle import ShipmentBundle
from custody.ui.views.shipment_import import BundleImporter
from custody.ui.views.shipment_scans import ScanHandler
from custody.ui.widgets.shipment_detail import ShipmentDetail

__all__ = ["ShipmentsView"]


class ShipmentsView(QWidget):
    def __init__(
        self,
        ctx: AppContext,
        lab: LabView,
        *,
        page_size: int = PAGE_SIZE,
        manifest_options: ManifestOptions | None = None,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.lab = lab
        self.model = ShipmentTableModel(
            _loader(ctx, None), lab.timezone, page_size=page_size, parent=self
        )
        self.model.load_failed.connect(self._on_model_load_failed)
        self.detail = ShipmentDetail(ctx, lab.timezone, self.label_key, self)
        self.shipment_actions = ShipmentActions(ctx, self.detail, self.label_key, manifest_options)
        self.scans = ScanHandler(ctx, self.detail, self.label_key)
        self.bundle = ShipmentBundle(ctx, self.detail, self.label_key)
        self.bundle_import = BundleImporter(ctx, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._filters())
        layout.addWidget(self.bundle_import.card)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self._table())
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 5)
        layout.addWidget(self.splitter, 1)
        self._connect()
        self.apply_filter()
        self.table.resizeColumnsToContents()

    # --- building ---------------------------------------------------------------------------

    def _filters(self) -> QHBoxLayout:
        self.status_combo = QComboBox()
        self.status_combo.setObjectName("shipment_status_filter")
        self.status_combo.addItem(self.tr("All"), None)
        for status in ShipmentStatus:
            self.status_combo.addItem(shipment_status_label(status), status.value)
        self.status_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        caption = QLabel(self.tr("Status filte&r:"))
        caption.setBuddy(self.status_combo)
        self.new_button = QPushButton(self.tr("&New shipment…"))
        self.new_button.setObjectName("new_shipment")
        self.new_button.setToolTip(self.tr("Create a shipment (Ctrl+N)"))
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setObjectName("refresh")
        self.refresh_button.setToolTip(self.tr("Read the shipments again (F5)"))
        for keys, slot in (
            (QKeySequence.StandardKey.New, self.shipment_actions.new_shipment),
            (QKeySequence.StandardKey.Refresh, self.refresh),
        ):
            shortcut = QShortcut(keys, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        bar = QHBoxLayout()
        bar.setContentsMargins(4, 2, 4, 2)
        bar.addWidget(caption)
        bar.addWidget(self.status_combo)
        bar.addStretch(1)
        bar.addWidget(self.refresh_button)
        bar.addWidget(self.bundle_import.button)
        bar.addWidget(self.new_button)
        return bar

    def _table(self) -> QTableView:
        self.table = QTableView()
        self.table.setObjectName("shipments")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        rows = self.table.verticalHeader()
        rows.hide()
        rows.setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(ShipmentTableModel.CONSIGNEE, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        return self.table

    def _connect(self) -> None:
        self.status_combo.currentIndexChanged.connect(self.apply_filter)
        self.new_button.clicked.connect(self.shipment_actions.new_shipment)
        self.refresh_button.clicked.connect(self.refresh)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_row_changed)
        self.shipment_actions.changed.connect(self.reload)
        self.shipment_actions.created.connect(self.select_shipment)
        self.bundle_import.imported.connect(self.select_shipment)
        self.scans.changed.connect(self.reload)
        self.detail.reconcile_panel.changed.connect(self.reload)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.reload()  # another workstation (or the command line) may have changed shipments

    # --- the list ---------------------------------------------------------------------------

    def current_status(self) -> ShipmentStatus | None:
        value = self.status_combo.currentData()
        return ShipmentStatus(value) if value else None

    def apply_filter(self) -> None:
        """Reload the table from the first shipment with the current status filter."""
        self.model.set_loader(_loader(self.ctx, self.current_status()))
        self._reselect()

    def refresh(self) -> None:
        self.model.reset()
        self._reselect()

    def _reselect(self) -> None:
        """Select the shown shipment again after a reload (or show nothing if it is gone)."""
        shown = self.detail.shipment
        row = self.model.row_of(shown.id) if shown else None
        if row is None:
            self.table.clearSelection()
            if shown is None:
                self.detail.set_shipment(None)
            return
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        self.table.selectRow(row)
        selection.blockSignals(False)
        self.table.scrollTo(self.model.index(row, 0))

    def _on_table_current_row_changed(self, current: Any, _previous: Any) -> None:
        if current.isValid():
            self.show_shipment(self.model.row_at(current.row()).id)

    def _on_model_load_failed(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("Custody"), message)

    # --- the detail -------------------------------------------------------------------------

    def show_shipment(self, shipment_id: int) -> None:
        """Read one shipment (and its manifest's signatures) and show it in the detail."""
        try:
            view, signatures = self.ctx.query(partial(_detail, shipment_id=shipment_id))
        except CustodyError as error:
            self.detail.say(error_text(error), ok=False)
            return
        self.detail.set_shipment(view, signatures)

    def reload(self) -> None:
        """After a change: the table from the start, the detail again, the same selection."""
        shown = self.detail.shipment
        if shown is not None:
            self.show_shipment(shown.id)
        self.refresh()

    def select_shipment(self, shipment_id: int) -> None:
        self.show_shipment(shipment_id)
        self.refresh()

    def label_key(self) -> bytes:
        path = self.ctx.label_key_path()
        if path is None:
            raise StorageError(self.tr("This workstation has no label key; ask IT to install it."))
        return keyfile.load(path)


def _detail(work: Work, shipment_id: int) -> tuple[ShipmentView, tuple[SignatureBlock, ...]]:
    view = shipments.find(work, str(shipment_id))
    signatures: tuple[SignatureBlock, ...] = ()
    if view.revision and view.approved_at is not None:  # the approval still stands
        signatures = manifests.current(work, shipments.load(work, shipment_id)).signatures
    return view, signatures


def _loader(ctx: AppContext, status: ShipmentStatus | None) -> Loader:
    """Pages of shipments with the status, through the service (read-only)."""

    def load(after_id: int | None, limit: int) -> Sequence[ShipmentRow]:
        return ctx.query(partial(list_shipments, status=status, after_id=after_id, limit=limit))

    return load
