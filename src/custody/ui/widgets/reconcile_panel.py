"""Receipt and reconciliation of one shipment at the receiving counter.

Every package and sample is scanned into one field (with the seal's condition and, optionally,
the weight received); the expected / scanned / missing lists are read back from the database
after every scan. "Reconcile" records the discrepancies found; a supervisor resolves each one
with a reason, then closes the shipment: clean, or not clean with a reason.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from custody.context import AppContext
from custody.domain.enums import ShipmentStatus
from custody.errors import CustodyError
from custody.services import receipt_closing, receipt_progress, receiving, shipments
from custody.services.receipt_progress import ReceiptProgress
from custody.services.receiving import DiscrepancyView, Reconciliation
from custody.ui.dialogs.text_prompt import TextPromptDialog
from custody.ui.error_text import error_text, message_text
from custody.ui.widgets.scan_entry import ScanEntry

__all__ = ["ReconcilePanel"]

_KINDS = {
    "missing": QT_TRANSLATE_NOOP("reconcile", "Missing"),
    "package": QT_TRANSLATE_NOOP("reconcile", "Package not scanned"),
    "extra": QT_TRANSLATE_NOOP("reconcile", "Not on the manifest"),
    "duplicate": QT_TRANSLATE_NOOP("reconcile", "Scanned twice"),
    "seal": QT_TRANSLATE_NOOP("reconcile", "Seal broken"),
    "weight": QT_TRANSLATE_NOOP("reconcile", "Weight"),
}
_ID_ROLE = Qt.ItemDataRole.UserRole + 1


def kind_label(kind: str) -> str:
    return QCoreApplication.translate("reconcile", str(_KINDS.get(kind, kind)))


class ReconcilePanel(QWidget):
    changed = Signal()  # something was written: a scan, discrepancies, a resolution, the close

    def __init__(self, ctx: AppContext, label_key: Callable[[], bytes], parent: Any = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._label_key = label_key
        self.shipment_id: int | None = None
        self.progress: ReceiptProgress | None = None
        self.report: Reconciliation | None = None
        self.dialog: TextPromptDialog | None = None
        layout = QVBoxLayout(self)
        layout.addLayout(self._scan_row())
        self.counts = QLabel()
        self.counts.setObjectName("receipt_counts")
        layout.addWidget(self.counts)
        lists = QHBoxLayout()
        self.expected_box, self.expected_list = self._list("expected")
        self.scanned_box, self.scanned_list = self._list("scanned")
        self.missing_box, self.missing_list = self._list("missing")
        for box in (self.expected_box, self.scanned_box, self.missing_box):
            lists.addWidget(box)
        layout.addLayout(lists, 1)
        layout.addWidget(self._discrepancy_box(), 1)
        self.message = QLabel()
        self.message.setObjectName("reconcile_message")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.message)
        self.set_shipment(None)

    # --- building ---------------------------------------------------------------------------

    def _scan_row(self) -> QHBoxLayout:
        self.scan = ScanEntry(self.tr("Scan a packa&ge or sample:"), "receipt_scan")
        self.scan.set_placeholder(self.tr("scan each package and sample label"))
        self.seal_box = QCheckBox(self.tr("Seal &intact"))
        self.seal_box.setObjectName("seal_intact")
        self.seal_box.setChecked(True)
        self.weight_edit = QLineEdit()
        self.weight_edit.setObjectName("weight")
        self.weight_edit.setMaxLength(20)
        self.weight_edit.setPlaceholderText(self.tr("optional"))
        self.weight_edit.setFixedWidth(self.fontMetrics().horizontalAdvance("0000.0000 g") + 24)
        weight_caption = QLabel(self.tr("&Weight received (g):"))
        weight_caption.setBuddy(self.weight_edit)
        self.scan.scanned.connect(self._on_scan_scanned)
        row = QHBoxLayout()
        row.addWidget(self.scan, 1)
        row.addWidget(self.seal_box, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(weight_caption, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.weight_edit, 0, Qt.AlignmentFlag.AlignTop)
        return row

    def _list(self, name: str) -> tuple[QGroupBox, QListWidget]:
        box = QGroupBox()
        items = QListWidget()
        items.setObjectName(name)
        items.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        inner = QVBoxLayout(box)
        inner.setContentsMargins(4, 4, 4, 4)
        inner.addWidget(items)
        return box, items

    def _discrepancy_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Discrepancies"))
        self.discrepancies = QTreeWidget()
        self.discrepancies.setObjectName("discrepancies")
        self.discrepancies.setRootIsDecorated(False)
        self.discrepancies.setHeaderLabels(
            [self.tr("#"), self.tr("Kind"), self.tr("Container"), self.tr("Detail"),
             self.tr("Resolution")]
        )  # fmt: skip
        self.discrepancies.itemSelectionChanged.connect(self._update_buttons)
        self.resolve_button = QPushButton(self.tr("&Resolve…"))
        self.resolve_button.setObjectName("resolve")
        self.close_button = QPushButton(self.tr("C&lose shipment…"))
        self.close_button.setObjectName("close_shipment")
        self.resolve_button.clicked.connect(self._on_resolve_clicked)
        self.close_button.clicked.connect(self._on_close_clicked)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.resolve_button)
        buttons.addWidget(self.close_button)
        inner = QVBoxLayout(box)
        inner.addWidget(self.discrepancies)
        inner.addLayout(buttons)
        return box

    # --- loading ----------------------------------------------------------------------------

    def set_shipment(self, shipment_id: int | None) -> None:
        """Show the receipt of a shipment (the same one again: read it again, keep messages)."""
        if shipment_id != self.shipment_id:
            self.scan.clear_message()
            self.message.clear()
        self.shipment_id = shipment_id
        self.refresh()

    def refresh(self) -> None:
        """Read the receipt's state again (read-only)."""
        self.progress, self.report = None, None
        if self.shipment_id is not None:
            sid = self.shipment_id
            try:
                self.progress = self.ctx.query(lambda w: receipt_progress.progress(w, sid))
                if self.progress.status in (ShipmentStatus.RECEIVED, ShipmentStatus.RECONCILED):
                    self.report = self.ctx.query(
                        lambda w: receiving.report(w, shipments.load(w, sid))
                    )
            except CustodyError as error:
                self._say(error_text(error), ok=False)
        self._show_lists()
        self._show_discrepancies()
        self._update_buttons()

    def _show_lists(self) -> None:
        for items in (self.expected_list, self.scanned_list, self.missing_list):
            items.clear()
        p = self.progress
        if p is None:
            self.counts.setText(self.tr("Select a shipment."))
            self._titles(0, 0, 0)
            return
        for package in p.packages:
            text = self.tr("Package {n} (outer seals {seals})").format(
                n=package.number, seals=", ".join(package.outer_seals) or "—"
            )
            self.expected_list.addItem(text)
            if not package.scanned:
                self.missing_list.addItem(text)
            elif package.seal_intact:
                self.scanned_list.addItem(self.tr("{what} — seal intact").format(what=text))
            else:
                self.scanned_list.addItem(self.tr("{what} — SEAL BROKEN").format(what=text))
        for sample in p.samples:
            text = self.tr("{code} (package {n})").format(code=sample.code, n=sample.package)
            self.expected_list.addItem(text)
            if not sample.scanned:
                self.missing_list.addItem(text)
                continue
            state = self.tr("seal intact") if sample.seal_intact else self.tr("SEAL BROKEN")
            if sample.weight_received is not None:
                state += f", {sample.weight_received} g"
            self.scanned_list.addItem(f"{text} — {state}")
        for code in p.extra:
            self.scanned_list.addItem(self.tr("{code} — NOT ON THE MANIFEST").format(code=code))
        for code in p.duplicates:
            self.scanned_list.addItem(self.tr("{code} — scanned more than once").format(code=code))
        packages_in = sum(1 for package in p.packages if package.scanned)
        self.counts.setText(
            self.tr(
                "Samples scanned: {scanned} of {expected} (missing {missing}) · packages "
                "scanned: {packages_in} of {packages}"
            ).format(
                scanned=len(p.scanned),
                expected=len(p.samples),
                missing=len(p.missing),
                packages_in=packages_in,
                packages=len(p.packages),
            )
        )
        self._titles(
            self.expected_list.count(), self.scanned_list.count(), self.missing_list.count()
        )

    def _titles(self, expected: int, scanned: int, missing: int) -> None:
        self.expected_box.setTitle(self.tr("Expected ({n})").format(n=expected))
        self.scanned_box.setTitle(self.tr("Scanned ({n})").format(n=scanned))
        self.missing_box.setTitle(self.tr("Missing ({n})").format(n=missing))

    def _show_discrepancies(self) -> None:
        self.discrepancies.clear()
        for d in self.report.discrepancies if self.report else ():
            where = d.sample or (self.tr("package {n}").format(n=d.package) if d.package else "")
            item = QTreeWidgetItem(
                [str(d.id), kind_label(d.kind), where, d.detail, d.resolution or self.tr("open")]
            )
            item.setData(0, _ID_ROLE, d.id)
            item.setToolTip(3, d.detail)
            self.discrepancies.addTopLevelItem(item)
        for column in range(4):
            self.discrepancies.resizeColumnToContents(column)

    @property
    def status(self) -> ShipmentStatus | None:
        return self.progress.status if self.progress else None

    def selected_discrepancy(self) -> DiscrepancyView | None:
        items = self.discrepancies.selectedItems()
        if not items or self.report is None:
            return None
        wanted = items[0].data(0, _ID_ROLE)
        return next((d for d in self.report.discrepancies if d.id == wanted), None)

    def _update_buttons(self) -> None:
        receiving_now = self.status is ShipmentStatus.RECEIVED
        for widget in (self.scan, self.seal_box, self.weight_edit):
            widget.setEnabled(receiving_now)
        chosen = self.selected_discrepancy()
        self.resolve_button.setEnabled(
            receiving_now and chosen is not None and chosen.resolution is None
        )
        self.close_button.setEnabled(receiving_now)

    def _say(self, text: str, *, ok: bool) -> None:
        self.message.setProperty("ok", ok)
        self.message.setStyleSheet("color: #1b5e20;" if ok else "color: #b71c1c;")
        self.message.setText(text)

    # --- actions ----------------------------------------------------------------------------

    def focus_scan(self) -> None:
        self.scan.setFocus()

    def _on_scan_scanned(self, raw: str) -> None:
        if self.shipment_id is None:
            return
        sid, intact = self.shipment_id, self.seal_box.isChecked()
        weight = self.weight_edit.text().strip() or None
        try:
            key = self._label_key()
            result = self.ctx.perform(
                "receive scan",
                lambda w: receiving.scan(w, sid, raw, key, seal_intact=intact, weight=weight),
            )
        except CustodyError as error:
            self.scan.show_refusal(error_text(error))  # the seal and weight stay for another try
            return
        if result.outcome in ("expected", "package"):
            self.scan.show_ok(message_text(result.message))
        else:
            self.scan.show_refusal(message_text(result.message))
        self.seal_box.setChecked(True)
        self.weight_edit.clear()
        self.refresh()
        self.changed.emit()

    def reconcile(self) -> None:
        """Compare expected with scanned and record every new discrepancy."""
        if self.shipment_id is None:
            return
        sid = self.shipment_id
        try:
            result = self.ctx.perform("reconcile", lambda w: receiving.reconcile(w, sid))
        except CustodyError as error:
            self._say(error_text(error), ok=False)
            return
        self.refresh()
        open_ones = sum(1 for d in result.discrepancies if d.resolution is None)
        if result.clean:
            self._say(self.tr("Reconciled: no open discrepancy."), ok=True)
        else:
            self._say(
                self.tr("Reconciled: {n} open discrepancy(ies) to resolve.").format(n=open_ones),
                ok=False,
            )
        self.changed.emit()

    def _open(self, dialog: TextPromptDialog) -> None:
        self.dialog = dialog
        dialog.accepted.connect(self._on_dialog_accepted)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _on_dialog_accepted(self) -> None:
        self.refresh()
        self.changed.emit()

    def _on_resolve_clicked(self) -> None:
        chosen = self.selected_discrepancy()
        if chosen is None:
            return
        did = chosen.id

        def resolve(text: str) -> object:
            return self.ctx.perform("resolve", lambda w: receipt_closing.resolve(w, did, text))

        self._open(
            TextPromptDialog(
                self.tr("Resolve discrepancy #{n}").format(n=did),
                chosen.detail,
                self.tr("&Resolution:"),
                self.tr("&Resolve"),
                resolve,
                missing=self.tr("Say how the discrepancy was resolved."),
                placeholder=self.tr("e.g. found in package 2, scanned late; recounted"),
                parent=self,
            )
        )

    def _on_close_clicked(self) -> None:
        if self.shipment_id is None:
            return
        sid = self.shipment_id
        self.reconcile()  # closing reconciles anyway: show what it finds before asking
        found = self.report.discrepancies if self.report else ()
        open_ones = [d for d in found if d.resolution is None]

        def close(text: str) -> object:
            reason = text or None
            return self.ctx.perform(
                "close shipment", lambda w: receipt_closing.close(w, sid, accept_reason=reason)
            )

        if open_ones:
            intro = self.tr(
                "{n} discrepancy(ies) are unresolved. The shipment can be closed only as NOT "
                "clean, with the reason recorded."
            ).format(n=len(open_ones))
            label, confirm = self.tr("&Reason:"), self.tr("Close as &not clean")
            missing = self.tr("Give the reason for closing with unresolved discrepancies.")
        else:
            intro = self.tr(
                "Every discrepancy is resolved (or none was found): the shipment is closed as "
                "clean. Reconciliation runs once more first."
            )
            label, confirm, missing = "", self.tr("Close as &clean"), ""
        self._open(
            TextPromptDialog(
                self.tr("Close the shipment"),
                intro,
                label,
                confirm,
                close,
                missing=missing,
                parent=self,
            )
        )
