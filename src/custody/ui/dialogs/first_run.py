"""First run on an empty database: the lab, its first supervisor, the label key, the printer.

The "Set up the lab" button (the printer page is the commit page) runs the steps that are not
done yet, in order: `lab.initialise` (one transaction: the lab and its supervisor, or nothing),
sign the supervisor in, create the label key (`AppContext.create_label_key`), save this
workstation's printer and label template. A refusal shows on the page and stops there; the
button then retries only what is left, so nothing is done twice and nothing is half done.
After the lab is set up, its pages are read-only. The last page shows the key's fingerprint.

`lab_view` is set once the lab exists (even if the wizard is then cancelled); `fingerprint`
once the key exists.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWizard

from custody import settings
from custody.context import AppContext
from custody.errors import Refusal, StorageError
from custody.services import lab
from custody.services.lab import LabView
from custody.services.users import UserView
from custody.ui.dialogs.first_run_pages import (
    DonePage,
    KeyPage,
    LabPage,
    PrinterPage,
    SupervisorPage,
)
from custody.ui.error_text import error_text
from custody.ui.printing import available_printers


class FirstRunWizard(QWizard):
    def __init__(
        self,
        ctx: AppContext,
        *,
        database: str = "",
        settings_path: Path | None = None,
        printers: list[str] | None = None,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.settings_path = settings_path or settings.default_path()
        self.setObjectName("first_run")
        self.setWindowTitle(self.tr("Custody — Set up your lab"))
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.lab_view: LabView | None = None
        self.supervisor: UserView | None = None
        self.fingerprint: str | None = None
        self._settings_saved = False
        self._username = ""
        chosen = settings.load(self.settings_path)
        self.lab_page = LabPage(database)
        self.supervisor_page = SupervisorPage()
        self.key_page = KeyPage(ctx.label_key_path())
        self.printer_page = PrinterPage(
            available_printers() if printers is None else printers,
            chosen.default_label_template,
            self.set_up,
        )
        self.done_page = DonePage()
        for page in (
            self.lab_page,
            self.supervisor_page,
            self.key_page,
            self.printer_page,
            self.done_page,
        ):
            self.addPage(page)
        self.setMinimumSize(680, 500)

    # --- setting up -----------------------------------------------------------------------

    def set_up(self) -> bool:
        """Run the steps not done yet; False (with the reason on the page) at the first refusal."""
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            message = self._run_steps()
        finally:
            QApplication.restoreOverrideCursor()
        self.printer_page.show_message(message or "")
        if message is None:
            self._show_summary()
        return message is None

    def _run_steps(self) -> str | None:
        if self.lab_view is None:
            problem = self.key_page.path_problem()  # the folder may have changed meanwhile
            if problem is not None:
                return problem
            try:
                self._initialise()
            except (Refusal, StorageError) as error:
                return self.tr("The lab was not set up: {reason}").format(reason=error_text(error))
        if self.ctx.actor is None:
            try:
                self.ctx.sign_in(self._username, self.supervisor_page.passphrase())
            except (Refusal, StorageError) as error:
                return self.tr(
                    "The lab is set up, but signing {user} in failed: {reason}\n"
                    "Press “Set up the lab” to try again."
                ).format(user=self._username, reason=error_text(error))
            self.supervisor_page.forget_passphrase()
        if self.fingerprint is None:
            try:
                self.fingerprint = self.ctx.create_label_key()
            except (Refusal, StorageError) as error:
                return self.tr(
                    "The lab and its supervisor are set up, but the label key could not be "
                    "created: {reason}\n\nFix this (the folder {folder} must exist and be "
                    "writable, with free space), then press “Set up the lab” again: only the key "
                    "is created then. Without the key, labels cannot be printed or checked."
                ).format(reason=error_text(error), folder=self._key_folder())
        if not self._settings_saved:
            try:
                chosen = settings.load(self.settings_path).replace(
                    default_printer=self.printer_page.printer(),
                    default_label_template=self.printer_page.template(),
                )
                settings.save(chosen, self.settings_path)
            except (settings.SettingsError, StorageError) as error:
                return self.tr(
                    "The lab and its label key are set up, but this workstation's printer "
                    "choice could not be saved: {reason}\nFix this and press “Set up the lab” "
                    "again, or Cancel to continue without it."
                ).format(reason=error_text(error))
            self._settings_saved = True
        return None

    def _initialise(self) -> None:
        page = self.supervisor_page
        self._username = page.username()
        self.lab_view, self.supervisor = self.ctx.perform(
            "init",
            partial(
                lab.initialise,
                lab_name=self.lab_page.lab_name(),
                site_prefix=self.lab_page.site_prefix(),
                supervisor=page.person(),
                username=self._username,
                password=page.passphrase(),
                timezone=self.lab_page.timezone(),
            ),
            actor=None,
        )
        for done in (self.lab_page, self.supervisor_page, self.key_page):
            done.setEnabled(False)  # the lab exists: going back shows it, never changes it

    def _key_folder(self) -> str:
        path = self.ctx.label_key_path()
        return str(path.parent) if path is not None else "?"

    def _show_summary(self) -> None:
        view, user = self.lab_view, self.supervisor
        assert view is not None and user is not None
        key = self.ctx.label_key_path()
        self.done_page.summary_label.setText(
            self.tr(
                "Lab: {lab}\nSite prefix: {prefix} (sample IDs: {prefix}-YYYY-NNNNNN)\n"
                "Time zone: {zone}\nSupervisor: {name} ({user})\n\n"
                "Label key: {key}\nFingerprint: {fingerprint}\n\n"
                "Back the label key file up together with the database now: without it, "
                "printed labels cannot be checked. The fingerprint, also kept in the journal, "
                "tells the right key file from another."
            ).format(
                lab=view.lab_name,
                prefix=view.site_prefix,
                zone=view.timezone,
                name=user.full_name,
                user=user.username,
                key=key,
                fingerprint=self.fingerprint,
            )
        )
