"""The choices behind the scan station's contexts: which shipment and package samples are packed
into, which received shipment is being checked and how far its receipt has come.

Fills :class:`~custody.ui.widgets.scan_context_bar.ScanContextBar` from the services (read-only
queries); "Reconcile now" records the discrepancies found (one user action).
"""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QComboBox

from custody.context import AppContext
from custody.domain.enums import ShipmentStatus
from custody.errors import CustodyError
from custody.services import receiving, shipment_views, shipments
from custody.services.labels import ScanContext
from custody.services.receiving import Reconciliation
from custody.services.shipment_views import ShipmentRow, ShipmentView
from custody.services.work import Work
from custody.ui.error_text import error_text
from custody.ui.models.shipment_table import shipment_status_label
from custody.ui.widgets.scan_card import Verdict
from custody.ui.widgets.scan_context_bar import CONTEXT_KEYS, ScanContextBar

__all__ = ["ScanPanels"]

PACKABLE = (ShipmentStatus.DRAFT, ShipmentStatus.PACKING, ShipmentStatus.APPROVED)
_SHOWN_DISCREPANCIES = 8


def _shipments(work: Work, statuses: tuple[ShipmentStatus, ...]) -> list[ShipmentRow]:
    rows: list[ShipmentRow] = []
    for status in statuses:
        rows += shipment_views.list_shipments(work, status, limit=5000)
    return sorted(rows, key=lambda row: row.id)


def _report(work: Work, shipment_id: int) -> Reconciliation:
    return receiving.report(work, shipments.load(work, shipment_id))


def _select(combo: QComboBox, data: Any) -> bool:
    index = combo.findData(data)
    if index >= 0:
        combo.setCurrentIndex(index)
    return index >= 0


class ScanPanels(QObject):
    changed = Signal()  # a choice was made: the scan field takes the focus back
    reconciled = Signal(str, str, str)  # Verdict value, headline, message

    def __init__(self, ctx: AppContext, parent: Any = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.bar = ScanContextBar()
        self._shipment: ShipmentView | None = None  # the one packed into
        bar = self.bar
        bar.pack_shipment.activated.connect(self._on_pack_shipment_activated)
        bar.pack_package.activated.connect(lambda _index: self.changed.emit())
        bar.reconcile_shipment.activated.connect(self._on_reconcile_shipment_activated)
        bar.seal_broken.toggled.connect(lambda _checked: self.changed.emit())
        bar.reconcile_button.clicked.connect(self._on_reconcile_button_clicked)

    @staticmethod
    def context_keys() -> tuple[tuple[ScanContext, Qt.Key], ...]:
        return CONTEXT_KEYS

    def show_context(self, context: ScanContext, hint: str) -> None:
        self.bar.show_context(context, hint)
        if context is ScanContext.PACK:
            self._load(self.bar.pack_shipment, PACKABLE)
            self.refresh_packages()
        elif context is ScanContext.RECONCILE:
            self._load(self.bar.reconcile_shipment, (ShipmentStatus.RECEIVED,))
            self.refresh_counts()

    def _load(self, combo: QComboBox, statuses: tuple[ShipmentStatus, ...]) -> None:
        chosen = combo.currentData()
        combo.clear()
        try:
            rows = self.ctx.query(partial(_shipments, statuses=statuses))
        except CustodyError as error:
            combo.addItem(error_text(error), None)
            return
        if not rows:
            combo.addItem(self.tr("(no shipment to choose)"), None)
        for row in rows:
            text = self.tr("{manifest} — {consignee} ({status}, samples: {n})").format(
                manifest=row.manifest_number,
                consignee=row.consignee,
                status=shipment_status_label(row.status),
                n=row.samples,
            )
            combo.addItem(text, row.id)
        _select(combo, chosen)

    # --- pack ---------------------------------------------------------------------------------

    def pack_choice(self) -> tuple[int | None, int | None]:
        return self.bar.pack_shipment.currentData(), self.bar.pack_package.currentData()

    def select_pack(self, shipment_id: int | None, package: int | None) -> None:
        """Choose a shipment (and package) by a scanned label, listing it if it is new."""
        if not _select(self.bar.pack_shipment, shipment_id):
            self._load(self.bar.pack_shipment, PACKABLE)
            _select(self.bar.pack_shipment, shipment_id)
        self.refresh_packages()
        if package is not None:
            _select(self.bar.pack_package, package)

    def refresh_pack(self) -> None:
        """Re-read the shipments and packages after a sample was packed (their counts)."""
        self._load(self.bar.pack_shipment, PACKABLE)
        self.refresh_packages()

    def refresh_packages(self) -> None:
        combo = self.bar.pack_package
        chosen = combo.currentData()
        combo.clear()
        shipment_id = self.bar.pack_shipment.currentData()
        self._shipment = None
        if shipment_id is None:
            return
        try:
            self._shipment = self.ctx.query(partial(shipments.find, raw=str(shipment_id)))
        except CustodyError as error:
            combo.addItem(error_text(error), None)
            return
        if not self._shipment.packages:
            combo.addItem(self.tr("(no package yet: add one with its outer seal)"), None)
        for package in self._shipment.packages:
            text = self.tr("{n} — seals {seals}, samples: {count}").format(
                n=package.number,
                seals=", ".join(package.outer_seals) or "—",
                count=len(package.samples),
            )
            combo.addItem(text, package.number)
        _select(combo, chosen)

    def pack_summary(self) -> str:
        shipment_id, package = self.pack_choice()
        if self._shipment is None or shipment_id is None:
            return self.tr("Choose the shipment to pack into.")
        if package is None:
            return self.tr("{manifest} has no package yet.").format(
                manifest=self._shipment.manifest_number
            )
        return self.tr("{manifest}, package {n}").format(
            manifest=self._shipment.manifest_number, n=package
        )

    def _on_pack_shipment_activated(self) -> None:
        self.refresh_packages()
        self.changed.emit()

    # --- reconcile ----------------------------------------------------------------------------

    def reconcile_choice(self) -> int | None:
        return self.bar.reconcile_shipment.currentData()

    def select_reconcile(self, shipment_id: int) -> None:
        if not _select(self.bar.reconcile_shipment, shipment_id):
            self._load(self.bar.reconcile_shipment, (ShipmentStatus.RECEIVED,))
            _select(self.bar.reconcile_shipment, shipment_id)
        self.refresh_counts()

    def refresh_counts(self) -> None:
        """Expected / scanned / missing of the chosen shipment, read-only."""
        shipment_id = self.reconcile_choice()
        label = self.bar.reconcile_counts
        if shipment_id is None:
            label.setText("")
            return
        try:
            report = self.ctx.query(partial(_report, shipment_id=shipment_id))
        except CustodyError as error:
            label.setText(error_text(error))
            return
        label.setText(
            self.tr(
                "Samples: {expected} expected · {received} scanned · {missing} missing    "
                "Packages: {p_received} of {p_expected} scanned"
            ).format(
                expected=report.expected,
                received=report.received,
                missing=report.expected - report.received,
                p_received=report.packages_received,
                p_expected=report.packages_expected,
            )
        )

    def _on_reconcile_shipment_activated(self) -> None:
        self.refresh_counts()
        self.changed.emit()

    def _on_reconcile_button_clicked(self) -> None:
        shipment_id = self.reconcile_choice()
        if shipment_id is None:
            self.reconciled.emit(
                Verdict.REFUSED.value,
                self.tr("Reconcile"),
                self.tr("Choose the received shipment first."),
            )
            return
        try:
            report = self.ctx.perform(
                "reconcile", partial(receiving.reconcile, shipment_id=shipment_id)
            )
        except CustodyError as error:
            self.reconciled.emit(Verdict.REFUSED.value, self.tr("Reconcile"), error_text(error))
            return
        self.refresh_counts()
        open_ones = [d for d in report.discrepancies if d.resolution is None]
        if not open_ones:
            message = self.tr("Everything on the manifest arrived as shipped.")
            self.reconciled.emit(Verdict.ACCEPTED.value, report.manifest_number, message)
            return
        lines = [d.detail for d in open_ones[:_SHOWN_DISCREPANCIES]]
        if len(open_ones) > _SHOWN_DISCREPANCIES:
            lines.append(self.tr("… and {n} more.").format(n=len(open_ones) - len(lines)))
        head = self.tr("{n} discrepancy(ies) recorded for a supervisor:").format(n=len(open_ones))
        message = "\n".join([head, *lines])
        self.reconciled.emit(Verdict.WARNING.value, report.manifest_number, message)
