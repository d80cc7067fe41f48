"""The Reports view (supervisors and auditors): a sample's chain of custody (type its ID or scan
its label), the inventory of a location and everything in it (or of every location), and the
shipment summary.

A report is built off the GUI thread behind a progress dialog (`ui.report_jobs`: the custody
report verifies the whole journal first), journaled with its content fingerprint, then shown
page by page on the right, where Print (true scale) and Save as PDF output exactly those bytes.
Keys: Ctrl+Enter builds (Enter in the sample field too), Ctrl+S saves, Ctrl+Shift+P prints,
PgUp/PgDn turn the pages, Ctrl+± zoom.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from itertools import pairwise
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from custody import keyfile
from custody.context import AppContext
from custody.domain.enums import Role
from custody.domain.ids import InvalidIdError, lookup_key
from custody.errors import CustodyError, StorageError
from custody.services import labels, locations
from custody.services.lab import LabView
from custody.services.labels import ScanContext
from custody.ui import printing
from custody.ui.error_text import error_text
from custody.ui.report_jobs import (
    ReportJob,
    ReportPdf,
    Stages,
    custody_job,
    inventory_job,
    shipments_job,
)
from custody.ui.scan_filter import RAW_KEYS_PROPERTY
from custody.ui.tasks import Task, run_task
from custody.ui.widgets.pdf_output_bar import ChooseFile, PrintPdf
from custody.ui.widgets.report_preview import ReportPreview, ask_report_file

__all__ = ["REPORT_ROLES", "ReportsView"]

#: Who sees the view. The services let every role read, but reports are the supervisor's work
#: and the auditor's; the services check again.
REPORT_ROLES = frozenset({Role.SUPERVISOR, Role.AUDITOR})
BUILD_KEYS = ("Ctrl+Return", "Ctrl+Enter")
PRINT_KEY = "Ctrl+Shift+P"  # Ctrl+P is the main window's "print labels"


class ReportsView(QWidget):
    report_shown = Signal(object)  # the ReportPdf now previewed (journaled already)

    def __init__(
        self,
        ctx: AppContext,
        lab: LabView,
        parent: Any = None,
        *,
        printer_names: Sequence[str] | None = None,
        choose_file: ChooseFile = ask_report_file,
        print_pdf: PrintPdf = printing.print_pdf_pages,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.lab = lab
        self.task: Task | None = None
        self._key: bytes | None = None
        role = ctx.actor.role if ctx.actor is not None else None
        self.allowed = self.visible_to(role)
        if not self.allowed:
            notice = QLabel(self.tr("Reports are for supervisors and auditors."))
            notice.setObjectName("reports_not_allowed")
            QVBoxLayout(self).addWidget(notice, 0, Qt.AlignmentFlag.AlignCenter)
            return
        self.preview = ReportPreview(
            shortcut_scope=self,
            printer_names=printer_names,
            choose_file=choose_file,
            print_pdf=print_pdf,
        )
        self.preview.setObjectName("report_preview")
        layout = QHBoxLayout(self)
        layout.addWidget(self._form())
        layout.addWidget(self.preview, 1)
        self._tab_order()
        self._shortcuts()
        self.reload_locations()
        self.custody_radio.setChecked(True)

    @staticmethod
    def visible_to(role: Role | None) -> bool:
        """Whether ``role`` gets the Reports view."""
        return role in REPORT_ROLES

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        focus = QApplication.focusWidget()
        if self.allowed and (focus is None or not self.isAncestorOf(focus)):
            self.sample_edit.setFocus()  # typing or scanning an ID is the first thing to do

    # --- building ---------------------------------------------------------------------------

    def _form(self) -> QWidget:
        self.custody_radio = QRadioButton(self.tr("Chain of &custody of one sample"))
        self.custody_radio.setObjectName("report_custody")
        self.sample_edit = QLineEdit()
        self.sample_edit.setObjectName("report_sample")
        self.sample_edit.setPlaceholderText(self.tr("Sample ID, or scan its label"))
        self.sample_edit.setClearButtonEnabled(True)
        self.sample_edit.setProperty(RAW_KEYS_PROPERTY, True)  # a scan here is for the report
        self.inventory_radio = QRadioButton(self.tr("Inventory by &location"))
        self.inventory_radio.setObjectName("report_inventory")
        self.location_combo = QComboBox()
        self.location_combo.setObjectName("report_location")
        self.shipments_radio = QRadioButton(self.tr("Shipment summar&y"))
        self.shipments_radio.setObjectName("report_shipments")
        self.kinds = QButtonGroup(self)
        for radio in (self.custody_radio, self.inventory_radio, self.shipments_radio):
            self.kinds.addButton(radio)
        self.build_button = QPushButton(self.tr("Build report (Ctrl+Enter)"))
        self.build_button.setObjectName("build_report")
        self.build_button.setDefault(True)
        self.message = QLabel()
        self.message.setObjectName("report_message")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setStyleSheet("color: #b71c1c;")
        note = QLabel(
            self.tr(
                "Building a report records in the journal who made it and its content "
                "fingerprint; Print and Save then output exactly what you see."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: palette(mid);")

        box = QGroupBox(self.tr("Report"))
        inner = QVBoxLayout(box)
        inner.addWidget(self.custody_radio)
        inner.addWidget(_indented(self.sample_edit))
        inner.addWidget(self.inventory_radio)
        inner.addWidget(_indented(self.location_combo))
        inner.addWidget(self.shipments_radio)
        inner.addWidget(
            _indented(QLabel(self.tr("Every shipment, newest first, and what is still open.")))
        )
        inner.addSpacing(8)
        inner.addWidget(self.build_button)
        inner.addWidget(self.message)
        column = QWidget()
        column.setObjectName("report_form")
        column.setMaximumWidth(400)
        left = QVBoxLayout(column)
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(box)
        left.addWidget(note)
        left.addStretch(1)

        self.kinds.buttonToggled.connect(self._on_kinds_button_toggled)
        self.sample_edit.textEdited.connect(lambda _: self.custody_radio.setChecked(True))
        self.sample_edit.returnPressed.connect(self.build)
        self.location_combo.activated.connect(lambda _: self.inventory_radio.setChecked(True))
        self.build_button.clicked.connect(self.build)
        return column

    def _tab_order(self) -> None:
        pages, output = self.preview.pages, self.preview.output
        order = (
            self.custody_radio,
            self.sample_edit,
            self.inventory_radio,
            self.location_combo,
            self.shipments_radio,
            self.build_button,
            pages.previous_button,
            pages.page_spin,
            pages.next_button,
            pages.zoom_combo,
            pages.pages_area,
            output.printer_combo,
            output.print_button,
            output.save_button,
        )
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)

    def _shortcuts(self) -> None:
        output = self.preview.output
        self.build_button.setToolTip(self.tr("Build the chosen report (Ctrl+Enter)"))
        output.save_button.setToolTip(self.tr("Save the report as PDF (Ctrl+S)"))
        output.print_button.setToolTip(
            self.tr("Print the report at true scale ({key})").format(key=PRINT_KEY)
        )
        bindings = [(QKeySequence(key), self.build) for key in BUILD_KEYS]
        bindings += [
            (QKeySequence(QKeySequence.StandardKey.Save), output.save_button.click),
            (QKeySequence(PRINT_KEY), output.print_button.click),
            (QKeySequence(QKeySequence.StandardKey.Refresh), self.reload_locations),
        ]
        for keys, slot in bindings:
            shortcut = QShortcut(keys, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    def reload_locations(self) -> None:
        """Fill the location list (F5): every location first, then each one, indented under
        its parent (its own report covers everything under it); the choice is kept."""
        chosen = self.location_combo.currentData()
        self.location_combo.clear()
        self.location_combo.addItem(self.tr("Every location"), None)
        try:
            places = [p for p in self.ctx.query(locations.list_locations) if p.active]
        except CustodyError as error:
            self._say(error_text(error))
            return
        children: dict[str | None, list[str]] = {}
        names = {place.code: place.name for place in places}
        for place in places:
            parent = place.parent_code if place.parent_code in names else None
            children.setdefault(parent, []).append(place.code)

        def add(code: str, depth: int) -> None:
            self.location_combo.addItem(f"{'    ' * depth}{code} — {names[code]}", code)
            for child in sorted(children.get(code, [])):
                add(child, depth + 1)

        for root in sorted(children.get(None, [])):
            add(root, 0)
        self.location_combo.setCurrentIndex(max(0, self.location_combo.findData(chosen)))

    # --- building a report ------------------------------------------------------------------

    def build(self) -> Task | None:
        """Build the chosen report off the GUI thread; None if nothing was started."""
        if not self.allowed or self.task is not None:  # one at a time
            return None
        self._say("")
        stages = Stages(
            chain=self.tr("Checking the journal's hash chain…"),
            compare=self.tr("Comparing every record with the journal…"),
            reading=self.tr("Reading the records…"),
            drawing=self.tr("Drawing the PDF…"),
        )
        actor = self.ctx.actor  # who asked, even if the session ends meanwhile
        job: ReportJob
        if self.custody_radio.isChecked():
            code = self._sample_code()
            if code is None:
                return None
            job = custody_job(self.ctx, actor, code, stages)
            title = self.tr("Chain-of-custody report")
        elif self.inventory_radio.isChecked():
            job = inventory_job(self.ctx, actor, self.location_combo.currentData(), stages)
            title = self.tr("Inventory")
        else:
            job = shipments_job(self.ctx, actor, stages)
            title = self.tr("Shipment summary")
        self.build_button.setEnabled(False)
        self.task = run_task(
            self,
            title,
            job,
            self._on_task_done,
            self._on_task_failed,
            on_cancelled=self._on_task_cancelled,
            label=stages.reading,
        )
        self.task.finished.connect(self._on_task_finished)
        return self.task

    def _sample_code(self) -> str | None:
        """The sample ID typed, or the sample of the label scanned (a refused scan is
        journaled, as at the scan station); None after saying what is wrong."""
        raw = self.sample_edit.text().strip()
        if not raw:
            self._say(self.tr("Type the sample's ID or scan its label."))
            self.sample_edit.setFocus()
            return None
        try:
            lookup_key(raw)
            return raw  # an ID, typed or in its compact form: the report finds the sample
        except InvalidIdError:
            pass
        try:
            resolve = partial(
                labels.resolve, raw=raw, label_key=self._label_key(), context=ScanContext.FIND
            )
            scanned = self.ctx.perform("scan for a report", resolve)
        except CustodyError as error:
            self._say(error_text(error))
            self.sample_edit.selectAll()
            return None
        if scanned.sample is None:
            self._say(self.tr("That is not a sample's label; scan the sample's own label."))
            return None
        self.sample_edit.setText(scanned.sample.code)
        return scanned.sample.code

    def _label_key(self) -> bytes:
        if self._key is None:
            path = self.ctx.label_key_path()
            if path is None:
                raise StorageError(
                    self.tr("This workstation has no label key; type the sample's ID instead.")
                )
            self._key = keyfile.load(path)
        return self._key

    # --- outcomes (GUI thread) --------------------------------------------------------------

    def _on_task_done(self, report: ReportPdf) -> None:
        try:
            self.preview.show_report(report)
        except ValueError as error:  # not a PDF the viewer can open (it was journaled)
            self._say(self.tr("The report cannot be shown: {error}").format(error=error))
            return
        self.report_shown.emit(report)

    def _on_task_failed(self, error: CustodyError) -> None:
        self._say(error_text(error))
        if self.custody_radio.isChecked():
            self.sample_edit.setFocus()
            self.sample_edit.selectAll()

    def _on_task_cancelled(self) -> None:
        self._say(self.tr("Cancelled; no report was made."))

    def _on_task_finished(self) -> None:
        self.task = None
        self.build_button.setEnabled(True)

    def _on_kinds_button_toggled(self, button: QRadioButton, checked: bool) -> None:
        if not checked:
            return
        if button is self.custody_radio:
            self.sample_edit.setFocus()
        elif button is self.inventory_radio:
            self.location_combo.setFocus()

    def _say(self, text: str) -> None:
        self.message.setText(text)


def _indented(widget: QWidget) -> QWidget:
    holder = QWidget()
    row = QHBoxLayout(holder)
    row.setContentsMargins(22, 0, 0, 4)
    row.addWidget(widget)
    return holder
