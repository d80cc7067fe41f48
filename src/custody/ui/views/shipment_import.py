"""Import bundle…: a partner lab's signed shipment bundle becomes a shipment here, dispatched to
this lab, ready for its receipt.

The bundle is verified and imported by `services.bundle_import.import_bundle` in one
transaction on a worker thread, behind a progress dialog: only keys a supervisor registered for
the sending lab are trusted (Admin › Partner labs). The outcome stays on screen above the list:
what was imported (manifest, origin, samples), or — in red, impossible to miss — why the bundle
was refused and that nothing was imported. After an import the new shipment is selected, and
the receipt starts as usual by scanning the QR code on its manifest.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from custody.context import AppContext
from custody.domain.permissions import Action, is_allowed
from custody.domain.text import grouped
from custody.errors import CustodyError
from custody.services import bundle_import
from custody.services.bundle_import import ImportResult
from custody.ui.error_text import error_text
from custody.ui.i18n import translate
from custody.ui.naming import named
from custody.ui.tasks import Progress, Task, run_task

__all__ = ["BundleImporter", "ImportResultCard"]

ChooseBundle = Callable[[QWidget], Path | None]

_STYLE = """
QFrame#import_result { border: 1px solid palette(mid); border-radius: 4px; }
QFrame#import_result[state="imported"] { background: #e8f5e9; border: 1px solid #2e7d32; }
QFrame#import_result[state="refused"] { background: #ffebee; border: 2px solid #c62828; }
QFrame#import_result QLabel { background: transparent; color: #202020; }
QFrame#import_result[state="refused"] QLabel#import_heading { color: #b71c1c; }
QFrame#import_result[state="imported"] QLabel#import_heading { color: #1b5e20; }
"""


def _ask_bundle(parent: QWidget) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(
        parent,
        translate("BundleImporter", "Import a partner lab's shipment bundle"),
        "",
        translate("BundleImporter", "Custody bundles (*.zip);;All files (*)"),
    )
    return Path(name) if name else None


class ImportResultCard(QFrame):
    """What the last import did: imported (green) or refused (red), with every detail."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("import_result")
        self.setStyleSheet(_STYLE)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.heading = named(QLabel(), "import_heading")
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.details = named(QLabel(), "import_details")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.close_button = named(QPushButton(self.tr("Dismiss")), "dismiss")
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.hide)
        text = QVBoxLayout()
        text.addWidget(self.heading)
        text.addWidget(self.details)
        row = QHBoxLayout(self)
        row.addLayout(text, 1)
        row.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    @property
    def state(self) -> str:
        return str(self.property("state") or "")

    def _set(self, state: str, heading: str, details: str) -> None:
        self.setProperty("state", state)
        self.style().unpolish(self)
        self.style().polish(self)
        for label in (self.heading, self.details):
            self.style().unpolish(label)
            self.style().polish(label)
        self.heading.setText(heading)
        self.details.setText(details)
        self.show()

    def show_imported(self, result: ImportResult) -> None:
        self._set(
            "imported",
            self.tr("Bundle imported: shipment {number} from {lab} ({origin})").format(
                number=result.manifest_number, lab=result.origin_lab, origin=result.origin
            ),
            self.tr(
                "{samples} in {packages}, verified against the key {fingerprint} registered "
                "for {origin} ({entries} journal entries checked; the lab's signed checkpoint "
                "at {size} entries is kept). Next: scan the QR code on the manifest to start "
                "the receipt, then every package and sample.\nBundle SHA-256: {sha256}"
            ).format(
                samples=self.tr("%n sample(s)", "", result.samples),
                packages=self.tr("%n package(s)", "", result.packages),
                fingerprint=grouped(result.checkpoint_key),
                origin=result.origin,
                entries=result.entries_checked,
                size=result.checkpoint_size,
                sha256=result.bundle_sha256,
            ),
        )

    def show_refused(self, path: Path, reason: str) -> None:
        self._set(
            "refused",
            self.tr("Bundle REFUSED — nothing was imported"),
            self.tr("{file}: {reason}").format(file=path.name, reason=reason),
        )


class BundleImporter(QObject):
    """The Import bundle… button of the Shipments view, and the card saying what it did."""

    imported = Signal(int)  # the new shipment, by id

    def __init__(
        self, ctx: AppContext, parent: QWidget, choose: ChooseBundle = _ask_bundle
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._parent = parent
        self._choose = choose
        self.task: Task | None = None  # the import running (tests wait for it)
        self.last: ImportResult | None = None
        self.button = named(QPushButton(self.tr("Im&port bundle…")), "import_bundle")
        self.button.setToolTip(
            self.tr("Verify a partner lab's signed bundle and create its shipment here")
        )
        self.button.clicked.connect(self.import_bundle)
        self.card = ImportResultCard(parent)
        self._allowed = ctx.actor is not None and is_allowed(ctx.actor.role, Action.SHIP)
        self.button.setEnabled(self._allowed)
        if not self._allowed:
            self.button.setToolTip(self.tr("Only the staff who receive shipments import bundles."))

    def import_bundle(self) -> None:
        path = self._choose(self._parent)
        if path is None:
            return
        ctx, actor = self.ctx, self.ctx.actor
        checking = self.tr("Verifying {file} and importing its shipment…").format(file=path.name)

        def job(progress: Progress) -> ImportResult:
            progress.say(checking)
            progress(0, 0)
            work = partial(bundle_import.import_bundle, path=path)
            return ctx.perform("import bundle", work, actor=actor)

        self.button.setEnabled(False)
        self.task = run_task(
            self._parent,
            self.tr("Import bundle"),
            job,
            self._on_done,
            partial(self._on_error, path),
            cancellable=False,
            label=checking,
        )
        self.task.finished.connect(self._on_task_finished)

    def _on_task_finished(self) -> None:
        self.button.setEnabled(self._allowed)

    def _on_done(self, result: ImportResult) -> None:
        self.last = result
        self.imported.emit(result.shipment_id)
        self.card.show_imported(result)

    def _on_error(self, path: Path, error: CustodyError) -> None:
        self.card.show_refused(path, error_text(error))
