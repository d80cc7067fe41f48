"""The actions of the Shipments view, each a dialog that runs one service call through
``ctx.perform``: new shipment, edit details, add package, unpack, approve, dispatch, manifest.

A dialog stays open with the refusal when the service refuses; on success the view is told
(`changed`, `created`) and reads the shipment again.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QWidget

from custody.context import AppContext
from custody.errors import CustodyError
from custody.services import consignees, lookup, manifests, shipments
from custody.services.custody import Credentials
from custody.services.shipment_views import ShipmentView
from custody.services.work import Work
from custody.ui import printing
from custody.ui.dialogs.approve_shipment import ApproveShipmentDialog
from custody.ui.dialogs.dispatch_shipment import DispatchShipmentDialog
from custody.ui.dialogs.manifest_preview import ManifestPreviewDialog
from custody.ui.dialogs.shipment_details import ShipmentDetails, ShipmentDetailsDialog
from custody.ui.dialogs.text_prompt import TextPromptDialog
from custody.ui.error_text import error_text
from custody.ui.widgets.shipment_detail import ShipmentDetail

__all__ = ["ManifestOptions", "ShipmentActions"]

ChooseFile = Callable[[QWidget, str], Path | None]
PrintPdf = Callable[[Path, str, tuple[float, float]], int]


class ManifestOptions:
    """How the manifest preview prints and saves (tests pass printers and a file chooser)."""

    def __init__(
        self,
        printer_names: Sequence[str] | None = None,
        choose_file: ChooseFile | None = None,
        print_pdf: PrintPdf = printing.print_pdf_pages,
    ) -> None:
        self.kwargs: dict[str, Any] = {"printer_names": printer_names, "print_pdf": print_pdf}
        if choose_file is not None:
            self.kwargs["choose_file"] = choose_file


def _unpack(work: Work, sid: int, code: str, why: str) -> ShipmentView:
    return shipments.unpack(work, sid, lookup.find_sample(work, code).id, why)


class ShipmentActions(QObject):
    changed = Signal()  # the shown shipment changed
    created = Signal(int)  # a new shipment, by id

    def __init__(
        self,
        ctx: AppContext,
        detail: ShipmentDetail,
        label_key: Callable[[], bytes],
        manifest_options: ManifestOptions | None = None,
    ) -> None:
        super().__init__(detail)
        self.ctx = ctx
        self.detail = detail
        self.label_key = label_key
        self._manifest = manifest_options or ManifestOptions()
        self.dialog: QDialog | None = None  # the dialog opened last (tests drive it)
        d = detail
        d.edit_button.clicked.connect(self.edit_details)
        d.add_package_button.clicked.connect(self.add_package)
        d.pack_button.clicked.connect(d.scan.setFocus)
        d.receive_button.clicked.connect(d.scan.setFocus)
        d.unpack_button.clicked.connect(self.unpack)
        d.approve_button.clicked.connect(self.approve)
        d.dispatch_button.clicked.connect(self.dispatch)
        d.manifest_button.clicked.connect(self.manifest)
        d.reconcile_button.clicked.connect(self.reconcile)

    def _open(self, dialog: QDialog, on_accepted: Callable[[], None] | None = None) -> None:
        self.dialog = dialog
        dialog.accepted.connect(on_accepted or self.changed.emit)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _perform(self, label: str, fn: Callable[[Work], Any]) -> Any:
        return self.ctx.perform(label, fn)

    def _signer(self) -> str:
        return self.ctx.actor.full_name if self.ctx.actor else ""

    def _consignees(self) -> list[consignees.ConsigneeView] | None:
        try:
            return self.ctx.query(consignees.list_all)
        except CustodyError as error:
            self.detail.say(error_text(error), ok=False)
            return None

    # --- creating and editing ---------------------------------------------------------------

    def new_shipment(self) -> None:
        available = self._consignees()
        if available is None:
            return

        def create(d: ShipmentDetails) -> ShipmentView:
            return self._perform(
                "create shipment",
                lambda w: shipments.create(
                    w, d.consignee, carrier=d.carrier, waybill=d.waybill,
                    transport_mode=d.transport_mode, conditions=d.conditions,
                ),
            )  # fmt: skip

        parent = self.detail.window()
        dialog = ShipmentDetailsDialog(available, create, parent=parent)
        self._open(dialog, lambda: self._created(dialog))

    def _created(self, dialog: ShipmentDetailsDialog) -> None:
        view = dialog.outcome
        if isinstance(view, ShipmentView):
            self.created.emit(view.id)
            self.detail.say(
                self.tr("Shipment {number} created. Add a package next.").format(
                    number=view.manifest_number
                ),
                ok=True,
            )

    def edit_details(self) -> None:
        shown, available = self.detail.shipment, self._consignees()
        if shown is None or available is None:
            return

        def update(d: ShipmentDetails) -> ShipmentView:
            return self._perform(
                "update shipment",
                lambda w: shipments.update_details(
                    w, shown.id, consignee=d.consignee, carrier=d.carrier, waybill=d.waybill,
                    transport_mode=d.transport_mode, conditions=d.conditions,
                ),
            )  # fmt: skip

        self._open(ShipmentDetailsDialog(available, update, shown, parent=self.detail.window()))

    def add_package(self) -> None:
        shown = self.detail.shipment
        if shown is None:
            return

        def add(text: str) -> ShipmentView:
            seals = [s for s in re.split(r"[\s,;]+", text) if s]
            return self._perform("add package", lambda w: shipments.add_package(w, shown.id, seals))

        self._open(
            TextPromptDialog(
                self.tr("Add a package to {number}").format(number=shown.manifest_number),
                self.tr("Seal the outer package, then enter its seal number(s)."),
                self.tr("Outer &seal numbers:"),
                self.tr("&Add package"),
                add,
                missing=self.tr("A package needs at least one outer seal number."),
                placeholder=self.tr("e.g. OUT-0001, OUT-0002"),
                parent=self.detail.window(),
            ),
            self._package_added,
        )

    def _package_added(self) -> None:
        self.changed.emit()
        shown = self.detail.shipment
        if shown is not None and shown.packages:
            self.detail.select_package(shown.packages[-1].number)
            self.detail.scan.setFocus()  # next: scan the samples into it

    def unpack(self) -> None:
        shown, code = self.detail.shipment, self.detail.selected_sample()
        if shown is None or code is None:
            return

        def unpack(reason: str) -> ShipmentView:
            return self._perform("unpack", partial(_unpack, sid=shown.id, code=code, why=reason))

        self._open(
            TextPromptDialog(
                self.tr("Unpack {code}").format(code=code),
                self.tr("{code} comes out of {number} and back into your hands.").format(
                    code=code, number=shown.manifest_number
                ),
                self.tr("&Reason:"),
                self.tr("&Unpack"),
                unpack,
                missing=self.tr("Say why the sample is taken out of the shipment."),
                max_length=500,
                parent=self.detail.window(),
            )
        )

    # --- signing ----------------------------------------------------------------------------

    def approve(self) -> None:
        shown = self.detail.shipment
        if shown is None:
            return

        def approve(password: str, witness: Credentials | None) -> ShipmentView:
            key = self.label_key()
            return self._perform(
                "approve shipment",
                lambda w: shipments.approve(
                    w, shown.id, password, key, self.ctx.signer(), witness=witness
                ),
            )

        dialog = ApproveShipmentDialog(shown, self._signer(), approve, self.detail.window())
        self._open(dialog)

    def dispatch(self) -> None:
        shown = self.detail.shipment
        if shown is None:
            return

        def dispatch(agent: str, password: str) -> ShipmentView:
            return self._perform(
                "dispatch shipment", lambda w: shipments.dispatch(w, shown.id, password, agent)
            )

        dialog = DispatchShipmentDialog(shown, self._signer(), dispatch, self.detail.window())
        self._open(dialog)

    # --- manifest and receipt ---------------------------------------------------------------

    def manifest(self) -> None:
        shown = self.detail.shipment
        if shown is None:
            return
        try:  # journaled (who, which revision, its SHA-256) before it is shown
            pdf = self._perform("print manifest", lambda w: manifests.print_copy(w, shown.id))
        except CustodyError as error:
            self.detail.say(error_text(error), ok=False)
            return
        dialog = ManifestPreviewDialog(pdf, self.detail.window(), **self._manifest.kwargs)
        self._open(dialog, lambda: None)

    def reconcile(self) -> None:
        self.detail.tabs.setCurrentWidget(self.detail.reconcile_panel)
        self.detail.reconcile_panel.reconcile()
