"""A label print job as it runs on a worker thread (`ui.tasks.run_task`): journal one label per
record (one action each), draw the PDF, and print it at true scale or leave it in the chosen file.

Everything the job needs is captured on the GUI thread when it is made; the worker never reads
a widget. A cancel stops the journaling before the next label; the labels journaled until then
stay in `batch`, so the dialog can say which serials exist but were not printed.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from custody import label_jobs
from custody.context import AppContext
from custody.domain.label_templates import TEMPLATES, Calibration, TemplateError
from custody.errors import CustodyError
from custody.ui import printing
from custody.ui.tasks import Progress

__all__ = ["LabelPrintJob", "Outcome"]

PrintPdf = Callable[[Path, str, tuple[float, float]], int]
Targets = Callable[[AppContext, Sequence[str]], list[label_jobs.Target]]


def _tr(text: str) -> str:
    return QCoreApplication.translate("LabelPrintJob", text)


@dataclass(frozen=True)
class Outcome:
    """Where the labels went (a printer or a file), or the message saying why they did not."""

    where: str = ""
    error: BaseException | None = None


@dataclass
class LabelPrintJob:
    ctx: AppContext
    targets: Targets
    codes: list[str]
    template: str
    label_key: bytes
    reprint_reason: str | None
    start_at: int
    calibration: Calibration
    printer: str  # a system printer; ignored when `out` is set
    out: Path | None  # the PDF file chosen by the person, or None to print
    print_pdf: PrintPdf = printing.print_pdf_pages
    batch: label_jobs.Batch = field(default_factory=label_jobs.Batch)

    def run(self, progress: Progress) -> Outcome:
        """The worker's function. Known problems come back as `Outcome.error`; a cancel raises
        `TaskCancelled` from `progress`."""
        try:
            progress.say(_tr("Recording the labels in the journal…"))
            targets = self.targets(self.ctx, self.codes)
            label_jobs.issue(
                self.ctx,
                targets,
                template=self.template,
                label_key=self.label_key,
                reprint_reason=self.reprint_reason,
                batch=self.batch,
                progress=progress,
            )
            progress(len(targets), len(targets))
            progress.say(_tr("Drawing the labels…"))
            from custody.render.label_pdf import render_labels  # reportlab: only when drawn

            with tempfile.TemporaryDirectory(prefix="custody-") as tmp:
                pdf = self.out or Path(tmp) / "labels.pdf"
                render_labels(
                    self.batch.contents,
                    self.template,
                    start_at=self.start_at,
                    calibration=self.calibration,
                    out=pdf,
                )
                if self.out is not None:
                    return Outcome(where=str(self.out))
                progress.say(_tr("Sending the labels to {printer}…").format(printer=self.printer))
                t = TEMPLATES[self.template]
                self.print_pdf(pdf, self.printer, (t.page_width, t.page_height))
                return Outcome(where=self.printer)
        except (CustodyError, TemplateError, ValueError, OSError, printing.PrintError) as error:
            return Outcome(error=error)
