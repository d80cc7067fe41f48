"""Export bundle…: the signed file that travels with a shipment to the consignee's lab.

Once a shipment's manifest is issued (approved or later), a supervisor or an auditor saves its
bundle (the journal extract of the shipped samples with inclusion proofs, the manifest PDF, a
fresh signed checkpoint and the lab's public keys; see `custody.verifier`). The bundle is
written by `services.bundles.export_shipment` in one transaction on a worker thread, behind a
progress dialog; the file appears complete or not at all. The path, its SHA-256 and the
fingerprint of the key that signed it are shown: the receiving lab checks that fingerprint.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from custody.context import AppContext
from custody.domain.permissions import Action, is_allowed
from custody.domain.text import grouped
from custody.errors import CustodyError
from custody.services import bundles
from custody.services.bundles import Exported
from custody.ui.error_text import error_text
from custody.ui.i18n import translate
from custody.ui.tasks import Progress, Task, run_task
from custody.ui.widgets.shipment_detail import ShipmentDetail

__all__ = ["ShipmentBundle", "bundle_file_name"]

SUFFIX = ".custody.zip"

ChooseTarget = Callable[[QWidget, str], Path | None]


def bundle_file_name(manifest_number: str) -> str:
    return f"{manifest_number}{SUFFIX}"


def _ask_target(parent: QWidget, suggested: str) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(
        parent,
        translate("ShipmentBundle", "Export the shipment's bundle"),
        suggested,
        translate("ShipmentBundle", "Custody bundles (*.custody.zip);;ZIP files (*.zip)"),
    )
    if not name:
        return None
    target = Path(name)
    return (
        target if target.name.lower().endswith(".zip") else target.with_name(target.name + SUFFIX)
    )


class ShipmentBundle(QObject):
    """Runs Export bundle… for the shipment shown in `detail`."""

    exported = Signal(object)  # the Exported result, once the file is in place

    def __init__(
        self, ctx: AppContext, detail: ShipmentDetail, label_key: Callable[[], bytes]
    ) -> None:
        super().__init__(detail)
        self.ctx = ctx
        self.detail = detail
        self.label_key = label_key
        self.task: Task | None = None  # the export running (tests wait for it)
        self.last: Exported | None = None  # the last bundle written
        button = detail.export_bundle_button
        detail.can_export = ctx.actor is not None and is_allowed(ctx.actor.role, Action.EXPORT)
        if not detail.can_export:
            button.setToolTip(self.tr("Only a supervisor or an auditor exports bundles."))
        detail.update_buttons()
        button.clicked.connect(self.export)

    def export(self) -> None:
        shown = self.detail.shipment
        if shown is None:
            return
        target = _ask_target(self.detail, bundle_file_name(shown.manifest_number))
        if target is None:
            return
        try:  # read on the GUI thread: a missing key file is said at once
            key, signer = self.label_key(), self.ctx.signer()
        except CustodyError as error:
            self.detail.say(error_text(error), ok=False)
            return
        ctx, actor, sid = self.ctx, self.ctx.actor, shown.id
        writing = self.tr("Writing and signing the bundle of {number}…").format(
            number=shown.manifest_number
        )

        def job(progress: Progress) -> Exported:
            progress.say(writing)
            progress(0, 0)
            return ctx.perform_writing(
                "export bundle",
                lambda w: bundles.export_shipment(w, sid, signer, key, target),
                target,
                actor=actor,
            )

        self.task = run_task(
            self.detail,
            self.tr("Export bundle"),
            job,
            self._on_done,
            self._on_error,
            cancellable=False,
            label=writing,
        )

    def _on_done(self, exported: Exported) -> None:
        self.last = exported
        self.detail.say(
            self.tr(
                "Bundle saved: {path}\nSHA-256: {sha256}\nSigned by key {fingerprint} — the "
                "receiving lab must hold this key. {entries} journal entries, checkpoint at "
                "{size} entries."
            ).format(
                path=exported.path,
                sha256=exported.sha256,
                fingerprint=grouped(exported.key_fingerprint),
                entries=exported.entries,
                size=exported.checkpoint_size,
            ),
            ok=True,
        )
        self.exported.emit(exported)

    def _on_error(self, error: CustodyError) -> None:
        self.detail.say(
            self.tr("The bundle was not exported: {reason}").format(reason=error_text(error)),
            ok=False,
        )
