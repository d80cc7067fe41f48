"""The detail of one shipment: every field, the packages with their outer seals and samples,
the signatures, and the action buttons (enabled by status). The owning view runs the actions.

One scan field serves the status at hand: while the shipment is editable it packs scanned
samples into the selected package; once dispatched it takes the manifest's QR to start the
receipt. The receipt itself (expected / scanned / missing, discrepancies) is the Receipt tab.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from custody.context import AppContext
from custody.domain.enums import ShipmentStatus
from custody.domain.manifest import SignatureBlock
from custody.services.bundles import ISSUED
from custody.services.shipment_views import ShipmentView
from custody.services.shipments import EDITABLE
from custody.ui.models.shipment_table import local_time, shipment_status_label
from custody.ui.widgets.reconcile_panel import ReconcilePanel
from custody.ui.widgets.scan_entry import ScanEntry

__all__ = ["ShipmentDetail"]

S = ShipmentStatus
PACKAGE_ROLE = Qt.ItemDataRole.UserRole + 1  # the package number of a tree line
SAMPLE_ROLE = Qt.ItemDataRole.UserRole + 2  # the sample code of a sample line
_ROLES = {
    "relinquished": QT_TRANSLATE_NOOP("ShipmentDetail", "Signed by"),
    "witness": QT_TRANSLATE_NOOP("ShipmentDetail", "Witnessed by"),
    "received": QT_TRANSLATE_NOOP("ShipmentDetail", "Received by"),
}


class ShipmentDetail(QWidget):
    scanned = Signal(str)  # a scan in the pack / receive field
    selection_changed = Signal()  # the package or sample chosen in the tree

    def __init__(
        self, ctx: AppContext, zone: str, label_key: Callable[[], bytes], parent: Any = None
    ) -> None:
        super().__init__(parent)
        self._zone = ZoneInfo(zone)
        self.shipment: ShipmentView | None = None
        self.can_export = True  # the signed-in role may export bundles (ShipmentBundle says)
        self.title = QLabel()
        self.title.setObjectName("shipment_title")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setWeight(QFont.Weight.Bold)
        self.title.setFont(font)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message = QLabel()
        self.message.setObjectName("detail_message")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("detail_tabs")
        self.tabs.addTab(self._contents(), self.tr("Contents"))
        self.reconcile_panel = ReconcilePanel(ctx, label_key, self)
        self.tabs.addTab(self.reconcile_panel, self.tr("Receipt and reconciliation"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title)
        layout.addLayout(self._actions())
        layout.addWidget(self.message)
        layout.addWidget(self.tabs, 1)
        self.set_shipment(None)

    # --- building ---------------------------------------------------------------------------

    def _button(self, text: str, name: str, tip: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setToolTip(tip)
        button.setAutoDefault(False)
        return button

    def _actions(self) -> QHBoxLayout:
        self.edit_button = self._button(
            self.tr("&Edit details…"), "edit", self.tr("Consignee, carrier, waybill, conditions")
        )
        self.add_package_button = self._button(
            self.tr("Add pac&kage…"), "add_package", self.tr("A new package with its outer seals")
        )
        self.pack_button = self._button(
            self.tr("Pack &by scan"), "pack", self.tr("Scan samples into the selected package")
        )
        self.unpack_button = self._button(
            self.tr("&Unpack…"), "unpack", self.tr("Take the selected sample out, with a reason")
        )
        self.approve_button = self._button(
            self.tr("&Approve…"), "approve", self.tr("A supervisor signs; the manifest is issued")
        )
        self.dispatch_button = self._button(
            self.tr("&Dispatch…"), "dispatch", self.tr("Hand the shipment to the carrier")
        )
        self.manifest_button = self._button(
            self.tr("&Manifest…"), "manifest", self.tr("Preview, print or save the manifest")
        )
        self.receive_button = self._button(
            self.tr("Rece&ive"), "receive", self.tr("Scan the manifest's QR code on arrival")
        )
        self.reconcile_button = self._button(
            self.tr("Rec&oncile"), "reconcile", self.tr("Compare what arrived with the manifest")
        )
        self.export_bundle_button = self._button(
            self.tr("E&xport bundle…"), "export_bundle", self.tr("A signed file for the consignee")
        )
        row = QHBoxLayout()
        for button in self.buttons():
            row.addWidget(button)
        row.addStretch(1)
        return row

    def buttons(self) -> list[QPushButton]:
        return [
            self.edit_button,
            self.add_package_button,
            self.pack_button,
            self.unpack_button,
            self.approve_button,
            self.dispatch_button,
            self.manifest_button,
            self.receive_button,
            self.reconcile_button,
            self.export_bundle_button,
        ]

    def _contents(self) -> QWidget:
        page = QWidget()
        fields = QFormLayout()
        fields.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields: dict[str, QLabel] = {}
        for key, caption in (
            ("consignee", self.tr("Consignee:")),
            ("carrier", self.tr("Carrier:")),
            ("waybill", self.tr("Air waybill / tracking:")),
            ("mode", self.tr("Transport mode:")),
            ("conditions", self.tr("Conditions:")),
            ("created", self.tr("Created:")),
            ("dispatched", self.tr("Dispatched:")),
            ("received", self.tr("Received:")),
            ("closed", self.tr("Closed:")),
            ("sha256", self.tr("Manifest SHA-256:")),
        ):
            label = QLabel()
            label.setObjectName(f"field_{key}")
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            fields.addRow(caption, label)
            self.fields[key] = label
        signatures_box = QGroupBox(self.tr("Signatures"))
        self.signatures = QLabel()
        self.signatures.setObjectName("signatures")
        self.signatures.setWordWrap(True)
        self.signatures.setTextFormat(Qt.TextFormat.PlainText)
        self.signatures.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        QVBoxLayout(signatures_box).addWidget(self.signatures)
        left = QVBoxLayout()
        left.addLayout(fields)
        left.addWidget(signatures_box)
        left.addStretch(1)

        self.packages = QTreeWidget()
        self.packages.setObjectName("packages")
        self.packages.setHeaderLabels([self.tr("Package / sample"), self.tr("Outer seals")])
        self.packages.itemSelectionChanged.connect(self._on_packages_item_selection_changed)
        self.scan = ScanEntry(self.tr("&Scan:"), "shipment_scan")
        self.scan.scanned.connect(self.scanned)
        right = QVBoxLayout()
        right.addWidget(self.packages, 1)
        right.addWidget(self.scan)

        row = QHBoxLayout(page)
        row.addLayout(left, 1)
        row.addLayout(right, 1)
        return page

    # --- showing ----------------------------------------------------------------------------

    def set_shipment(
        self, shipment: ShipmentView | None, signatures: Sequence[SignatureBlock] = ()
    ) -> None:
        """Show ``shipment`` (None: nothing selected) with its manifest's signatures."""
        previous = self.shipment.id if self.shipment else None
        package = self.selected_package()
        self.shipment = shipment
        if shipment is None:
            self.title.setText(self.tr("No shipment selected"))
            for label in self.fields.values():
                label.clear()
            self.signatures.clear()
            self.packages.clear()
        else:
            self._show(shipment, signatures)
        if shipment is None or shipment.id != previous:
            self.message.clear()
            self.message.hide()
            self.scan.clear_message()
            package = None
        self._fill_tree(package)
        self._set_scan_mode()
        self.reconcile_panel.set_shipment(shipment.id if shipment else None)
        status = shipment.status if shipment else None
        receipt = self.tabs.indexOf(self.reconcile_panel)
        arrived = status in (S.DISPATCHED, S.RECEIVED, S.RECONCILED)
        self.tabs.setTabEnabled(receipt, arrived)
        if not arrived:
            self.tabs.setCurrentIndex(0)
        self.update_buttons()

    def _show(self, s: ShipmentView, signatures: Sequence[SignatureBlock]) -> None:
        revision = self.tr("revision {n}").format(n=s.revision) if s.revision else ""
        revision = revision or self.tr("no manifest yet")
        self.title.setText(f"{s.manifest_number} — {revision} — {shipment_status_label(s.status)}")
        when = self._when
        closed = ""
        if s.reconciled_at is not None:
            clean = (
                self.tr("clean")
                if s.closed_clean
                else self.tr("NOT clean (accepted with a reason)")
            )
            closed = f"{when(s.reconciled_at)} — {clean}"
        dispatched = when(s.dispatched_at, s.dispatched_by)
        if s.carrier_agent:
            dispatched += self.tr(", to {agent}").format(agent=s.carrier_agent)
        values = {
            "consignee": self._consignee(s),
            "carrier": s.carrier or "—",
            "waybill": s.waybill or "—",
            "mode": s.transport_mode or "—",
            "conditions": s.conditions or "—",
            "created": when(s.created_at, s.created_by),
            "dispatched": dispatched,
            "received": when(s.received_at, s.received_by),
            "closed": closed or "—",
            "sha256": s.manifest_sha256 or "—",
        }
        for key, value in values.items():
            self.fields[key].setText(value)
        self.signatures.setText(self._signature_text(s, signatures))

    def _when(self, moment: Any, who: str | None = None) -> str:
        if moment is None:
            return "—"
        text = local_time(moment, self._zone)
        return f"{text}, {who}" if who else text

    def _consignee(self, s: ShipmentView) -> str:
        if s.origin is None:
            return s.consignee
        return self.tr("this lab — imported from {lab} ({origin})").format(
            lab=s.origin_lab, origin=s.origin
        )

    def _signature_text(self, s: ShipmentView, signatures: Sequence[SignatureBlock]) -> str:
        lines = [
            f"{self.tr(str(_ROLES.get(b.role, b.role)))}: {b.printed_name}, {b.signed_at} — "
            f"{b.meaning} ({b.method})"
            for b in signatures
            if b.signed_at
        ]
        if s.dispatched_at is not None:
            lines.append(
                self.tr("Relinquished to the carrier: {who}, {when}").format(
                    who=s.dispatched_by or "?", when=self._when(s.dispatched_at)
                )
            )
        if s.received_at is not None:
            lines.append(
                self.tr("Received at the laboratory: {who}, {when}").format(
                    who=s.received_by or "?", when=self._when(s.received_at)
                )
            )
        if s.open_discrepancies:
            lines.append(self.tr("Open discrepancies: {n}").format(n=s.open_discrepancies))
        return "\n".join(lines) or self.tr("Not signed yet.")

    def _fill_tree(self, keep_package: int | None) -> None:
        self.packages.clear()
        s = self.shipment
        if s is None:
            return
        chosen = last = None
        for package in s.packages:
            item = QTreeWidgetItem(
                [
                    self.tr("Package {number} — %n sample(s)", "", len(package.samples)).format(
                        number=package.number
                    ),
                    ", ".join(package.outer_seals),
                ]
            )
            item.setData(0, PACKAGE_ROLE, package.number)
            for code in package.samples:
                child = QTreeWidgetItem([code, ""])
                child.setData(0, PACKAGE_ROLE, package.number)
                child.setData(0, SAMPLE_ROLE, code)
                item.addChild(child)
            self.packages.addTopLevelItem(item)
            item.setExpanded(True)
            last = item
            if package.number == keep_package:
                chosen = item
        chosen = chosen or last  # by default the newest package
        if chosen is not None:
            self.packages.setCurrentItem(chosen)
        self.packages.resizeColumnToContents(0)

    def select_package(self, number: int) -> bool:
        for index in range(self.packages.topLevelItemCount()):
            item = self.packages.topLevelItem(index)
            if item is not None and item.data(0, PACKAGE_ROLE) == number:
                self.packages.setCurrentItem(item)
                return True
        return False

    def selected_package(self) -> int | None:
        item = self.packages.currentItem()
        return None if item is None else item.data(0, PACKAGE_ROLE)

    def selected_sample(self) -> str | None:
        item = self.packages.currentItem()
        return None if item is None else item.data(0, SAMPLE_ROLE)

    def _on_packages_item_selection_changed(self) -> None:
        self._set_scan_mode()
        self.update_buttons()
        self.selection_changed.emit()

    def _set_scan_mode(self) -> None:
        status = self.shipment.status if self.shipment else None
        if status in EDITABLE:
            package = self.selected_package()
            if package is None:
                caption = self.tr("Pack (add a package first):")
            else:
                caption = self.tr("Pack into package {n} — &scan:").format(n=package)
            self.scan.set_caption(caption)
            self.scan.set_placeholder(self.tr("scan a sample label (or a package label)"))
            self.scan.setEnabled(package is not None)
        elif status is S.DISPATCHED:
            self.scan.set_caption(self.tr("Receive — &scan the manifest's QR:"))
            self.scan.set_placeholder(self.tr("the QR code on the manifest's first page"))
            self.scan.setEnabled(True)
        else:
            self.scan.set_caption(self.tr("&Scan:"))
            self.scan.set_placeholder("")
            self.scan.setEnabled(False)

    def update_buttons(self) -> None:
        s = self.shipment
        status = s.status if s else None
        editable = status in EDITABLE
        self.edit_button.setEnabled(editable)
        self.add_package_button.setEnabled(editable)
        self.pack_button.setEnabled(editable and self.selected_package() is not None)
        self.unpack_button.setEnabled(editable and self.selected_sample() is not None)
        self.approve_button.setEnabled(status is S.PACKING)
        self.dispatch_button.setEnabled(status is S.APPROVED)
        self.manifest_button.setEnabled(bool(s and s.revision))
        self.receive_button.setEnabled(status is S.DISPATCHED)
        self.reconcile_button.setEnabled(status in (S.RECEIVED, S.RECONCILED))
        self.export_bundle_button.setEnabled(status in ISSUED and self.can_export)

    def say(self, text: str, *, ok: bool) -> None:
        self.message.setProperty("ok", ok)
        self.message.setStyleSheet("color: #1b5e20;" if ok else "color: #b71c1c;")
        self.message.setText(text)
        self.message.setVisible(bool(text))
