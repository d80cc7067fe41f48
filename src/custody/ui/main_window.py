"""The main window: one tab per view (Samples first), the menus and the status bar."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QTableView,
    QWidget,
)

from custody import __version__
from custody.context import AppContext
from custody.domain.enums import Role
from custody.domain.permissions import Action, is_allowed
from custody.services.lab import LabView
from custody.ui.dialogs.print_labels import PrintLabelsDialog
from custody.ui.dialogs.scanner_test import ScannerTestDialog
from custody.ui.labels import role_label
from custody.ui.models.sample_table import PAGE_SIZE, SampleTableModel
from custody.ui.views.admin import AdminView
from custody.ui.views.audit import AuditView
from custody.ui.views.intake import IntakeView
from custody.ui.views.reports import ReportsView
from custody.ui.views.sample_detail import SampleDetailView
from custody.ui.views.samples import SamplesView
from custody.ui.views.scan_station import ScanStationView
from custody.ui.views.shipments import ShipmentsView
from custody.ui.widgets.dashboard import DashboardWidget
from custody.ui.widgets.view_tabs import ViewTabs


class MainWindow(QMainWindow):
    def __init__(
        self, ctx: AppContext, lab: LabView, *, page_size: int = PAGE_SIZE, parent: Any = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.lab = lab
        self.setWindowTitle(self.tr("Custody — {lab}").format(lab=lab.lab_name))
        self.tabs = ViewTabs()
        self.tabs.setObjectName("views")
        self.tabs.setDocumentMode(True)
        self.setCentralWidget(self.tabs)
        self._view_actions: list[QAction] = []
        self.samples = SamplesView(ctx, lab, page_size=page_size, parent=self)
        self._build_status_bar()
        self.samples.count_changed.connect(self.count_label.setText)
        self.count_label.setText(self.samples.count_text)
        self.add_view(self.samples, self.tr("&Samples"))
        self._add_views()
        self._build_menus()
        self._apply_role()
        self.samples.selection_changed.connect(self._update_actions)
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        self.resize(1200, 700)
        self._focus_pending = True

    def _add_views(self) -> None:
        """The views after Samples: Ctrl+2 scan station, Ctrl+3 sample detail, then intake
        (roles that register), shipments, audit, dashboard and reports (supervisors and
        auditors), and admin (supervisors)."""
        ctx, lab = self.ctx, self.lab
        role = ctx.actor.role if ctx.actor is not None else None
        self.scan_station = ScanStationView(ctx, lab, parent=self)
        self.add_view(self.scan_station, self.tr("S&can station"))
        self.detail = SampleDetailView(ctx, lab, parent=self)
        self.add_view(self.detail, self.tr("Sample &detail"))
        self.intake: IntakeView | None = None
        if role is not None and is_allowed(role, Action.REGISTER):
            self.intake = IntakeView(ctx, lab, parent=self)
            self.add_view(self.intake, self.tr("&Intake"))
            self.intake.sample_activated.connect(self._on_sample_activated)
            self.intake.sample_changed.connect(self._on_sample_changed)
        self.shipments = ShipmentsView(ctx, lab, parent=self)
        self.add_view(self.shipments, self.tr("S&hipments"))
        self.audit: AuditView | None = None
        if role in (Role.SUPERVISOR, Role.AUDITOR):
            self.audit = AuditView(ctx, lab, parent=self)
            self.add_view(self.audit, self.tr("&Audit"))
        self.dashboard: DashboardWidget | None = None
        if role in (Role.SUPERVISOR, Role.AUDITOR):
            self.dashboard = DashboardWidget(ctx, parent=self)
            self.add_view(self.dashboard, self.tr("Dash&board"))
        self.reports: ReportsView | None = None
        if ReportsView.visible_to(role):
            self.reports = ReportsView(ctx, lab, parent=self)
            self.add_view(self.reports, self.tr("&Reports"))
        self.admin: AdminView | None = None
        if role is Role.SUPERVISOR:
            self.admin = AdminView(ctx, lab, parent=self)
            self.add_view(self.admin, self.tr("Ad&min"))
        self.samples.sample_activated.connect(self._on_sample_activated)
        self.detail.sample_changed.connect(self._on_sample_changed)

    def handle_scan(self, text: str) -> None:
        """A scanner burst recognised anywhere in the app (see ui.scan_filter): to the station."""
        self.tabs.setCurrentWidget(self.scan_station)
        self.scan_station.handle_scan(text)

    def _on_sample_activated(self, code: str) -> None:
        self.detail.show_sample(code)
        self.tabs.setCurrentWidget(self.detail)

    def _on_tabs_current_changed(self, _index: int) -> None:
        self.count_label.setVisible(self.tabs.currentWidget() is self.samples)  # its own count

    def _on_sample_changed(self, _code: str) -> None:
        self.samples.apply_filter()

    # The samples view's widgets, as the window's (tests and shortcuts reach them here).
    @property
    def table(self) -> QTableView:
        return self.samples.table

    @property
    def model(self) -> SampleTableModel:
        return self.samples.model

    @property
    def status_combo(self) -> QComboBox:
        return self.samples.status_combo

    @property
    def prefix_edit(self) -> QLineEdit:
        return self.samples.prefix_edit

    def apply_filter(self) -> None:
        self.samples.apply_filter()

    def selected_codes(self) -> list[str]:
        return self.samples.selected_codes()

    def add_view(self, view: QWidget, title: str) -> None:
        """A tab for ``view``; Ctrl+1, Ctrl+2, … switch to the views in order. The tab itself
        claims no Alt+letter (the View menu item does): Alt+letters belong to the view's fields
        and buttons and to the menus."""
        index = self.tabs.addTab(
            view, title.replace("&&", "\0").replace("&", "").replace("\0", "&&")
        )
        action = QAction(title, self)
        action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
        action.triggered.connect(lambda: self.tabs.setCurrentWidget(view))
        self.addAction(action)
        self._view_actions.append(action)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._focus_pending:  # typing or scanning an ID filters at once
            self._focus_pending = False
            self.samples.focus_filter()

    # --- building ---------------------------------------------------------------------------

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.print_labels_action = QAction(self.tr("&Print labels for the selected samples…"), self)
        self.print_labels_action.setShortcut(QKeySequence.StandardKey.Print)
        self.print_labels_action.setEnabled(False)
        self.print_labels_action.triggered.connect(self._on_print_labels_triggered)
        file_menu.addAction(self.print_labels_action)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        for action in self._view_actions:
            view_menu.addAction(action)
        self.view_menu = view_menu
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

    def _apply_role(self) -> None:
        """Show only the actions the signed-in role may take (the services check again).

        A hidden QAction is also disabled, so its shortcut does nothing.
        """
        role = self.ctx.actor.role if self.ctx.actor is not None else None
        needs: list[tuple[QAction, Action]] = [(self.print_labels_action, Action.PRINT_LABELS)]
        for action, needed in needs:
            action.setVisible(role is not None and is_allowed(role, needed))

    # --- actions ----------------------------------------------------------------------------

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
