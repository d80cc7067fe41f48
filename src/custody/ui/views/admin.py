"""The Admin view (supervisors): users, storage locations, consignees, printer calibrations, the
lab's settings, its signing key, its partner labs and this workstation's settings, one tab
each."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from custody.context import AppContext
from custody.domain.permissions import Action
from custody.services.lab import LabView
from custody.ui.naming import named
from custody.ui.views.admin_consignees import ConsigneesTab
from custody.ui.views.admin_keys import KeysTab
from custody.ui.views.admin_lab import LabTab
from custody.ui.views.admin_locations import LocationsTab, OpenPrint, print_location_labels
from custody.ui.views.admin_partners import PartnersTab
from custody.ui.views.admin_printers import PrintersTab
from custody.ui.views.admin_support import allow
from custody.ui.views.admin_users import UsersTab
from custody.ui.views.admin_workstation import WorkstationTab

__all__ = ["AdminView"]


class AdminView(QWidget):
    def __init__(
        self,
        ctx: AppContext,
        lab: LabView,
        parent: Any = None,
        *,
        settings_path: Path | None = None,
        printer_names: Sequence[str] | None = None,
        open_print: OpenPrint = print_location_labels,
    ) -> None:
        """`settings_path`, `printer_names`, `open_print`: for tests (defaults: the real ones)."""
        super().__init__(parent)
        self.ctx = ctx
        self.lab = lab
        self.users = UsersTab(ctx)
        self.locations = LocationsTab(ctx, open_print=open_print)
        self.consignees = ConsigneesTab(ctx)
        self.printers = PrintersTab(ctx, printer_names=printer_names)
        self.lab_tab = LabTab(ctx)
        self.keys = KeysTab(ctx)
        self.partners = PartnersTab(ctx)
        self.workstation = WorkstationTab(path=settings_path, printer_names=printer_names)
        allow(
            self.workstation.save_button,
            ctx,
            Action.SETTINGS,
            self.tr("Only a supervisor changes this workstation's settings."),
        )
        self.tabs = named(QTabWidget(), "admin_tabs")
        self.tabs.addTab(self.users, self.tr("Users"))
        self.tabs.addTab(self.locations, self.tr("Locations"))
        self.tabs.addTab(self.consignees, self.tr("Consignees"))
        self.tabs.addTab(self.printers, self.tr("Printers"))
        self.tabs.addTab(self.lab_tab, self.tr("Lab settings"))
        self.tabs.addTab(self.keys, self.tr("Signing key"))
        self.tabs.addTab(self.partners, self.tr("Partner labs"))
        self.tabs.addTab(self.workstation, self.tr("This workstation"))
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        refresh = QShortcut(QKeySequence(Qt.Key.Key_F5), self)
        refresh.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        refresh.activated.connect(self.refresh)

    def refresh(self) -> None:
        """Read the shown list again (F5)."""
        self._on_tabs_current_changed(self.tabs.currentIndex())

    def _on_tabs_current_changed(self, index: int) -> None:
        """Read the list again when its tab is shown (another workstation may have changed it)."""
        tab = self.tabs.widget(index)
        if isinstance(
            tab,
            UsersTab | LocationsTab | ConsigneesTab | PrintersTab | LabTab | KeysTab | PartnersTab,
        ):
            tab.refresh()
