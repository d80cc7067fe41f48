"""Send an already-rendered label PDF to a system printer (CUPS on Linux) at TRUE scale.

The PDF from :mod:`custody.render.label_pdf` is exact to the point; this module must not move or
scale it. Each page is rasterised with pypdfium2 (PySide6-Essentials has no QtPdf) at the
printer's resolution, capped at :data:`MAX_DPI`, and drawn at (0, 0) onto the whole page, which
is set EXPLICITLY to the label's size with zero margins: Qt would otherwise print on its default
paper (A4) with margins, clipping or shifting a Letter sheet and shrinking a 2"x1" label.

With CUPS, Qt sends the page size as the job's ``PageSize``/``media`` option (a custom size for a
label roll, e.g. 2"x1" = ``Custom.144x72``), which overrides the queue's default paper.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from custody.ui.i18n import translate

__all__ = ["MAX_DPI", "PrintError", "available_printers", "page_image", "print_pdf_pages"]

MAX_DPI = 600
_SIZE_TOLERANCE = 0.5  # points: PDF page sizes are decimal; reportlab writes them exactly


class PrintError(RuntimeError):
    """The printer could not take the job; the message is for the clerk."""


def available_printers() -> list[str]:
    """Names of the printers the system offers (CUPS queues on Linux)."""
    return list(QPrinterInfo.availablePrinterNames())


def _printer_info(name: str) -> QPrinterInfo:
    names = available_printers()
    if name not in names:
        listed = (
            ", ".join(sorted(names))
            if names
            else translate("printing", "none — ask IT to install the printer")
        )
        raise ValueError(
            translate(
                "printing",
                "There is no printer called {name} on this computer. Available printers: {listed}.",
            ).format(name=repr(name), listed=listed)
        )
    return QPrinterInfo.printerInfo(name)


def _page_size_name(width: float, height: float) -> str:
    return f"Custody {width / 72:g}x{height / 72:g} in"


def _configure(printer: QPrinter, width: float, height: float) -> None:
    size = QPageSize(
        QSizeF(width, height),
        QPageSize.Unit.Point,
        _page_size_name(width, height),
        QPageSize.SizeMatchPolicy.ExactMatch,
    )
    # Portrait = the page exactly as given (a 2"x1" label is 144 wide, 72 tall); Landscape would
    # swap the sides.
    layout = QPageLayout(
        size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point
    )
    layout.setMode(QPageLayout.Mode.FullPageMode)
    if not printer.setPageLayout(layout):
        raise PrintError(
            translate("printing", "The printer {name} refused the label page size.").format(
                name=repr(printer.printerName())
            )
        )
    printer.setFullPage(True)
    got = printer.pageLayout().fullRect(QPageLayout.Unit.Point)
    if abs(got.width() - width) > _SIZE_TOLERANCE or abs(got.height() - height) > _SIZE_TOLERANCE:
        raise PrintError(
            translate(
                "printing",
                "The printer {name} would print on a {got} pt page instead of {wanted} pt; "
                "labels would be out of place.",
            ).format(
                name=repr(printer.printerName()),
                got=f"{got.width():.0f}×{got.height():.0f}",
                wanted=f"{width:.0f}×{height:.0f}",
            )
        )


def page_image(page: object, dpi: float, *, grayscale: bool = True) -> QImage:
    """A pypdfium2 page rendered at ``dpi`` on white, as a QImage that owns its pixels."""
    bitmap = page.render(  # type: ignore[attr-defined]
        scale=dpi / 72.0, grayscale=grayscale, fill_color=(255, 255, 255, 255)
    )
    try:
        channels = bitmap.n_channels
        fmt = {1: QImage.Format.Format_Grayscale8, 3: QImage.Format.Format_BGR888}.get(
            channels, QImage.Format.Format_RGB32
        )
        image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, fmt)
        return image.copy()  # own the pixels: the bitmap's buffer is freed below
    finally:
        bitmap.close()


def print_pdf_pages(
    pdf_path: Path, printer_name: str, page_size_points: tuple[float, float]
) -> int:
    """Print every page of ``pdf_path`` on ``printer_name`` at 100 % on a page of exactly
    ``page_size_points`` (width, height), margins zero; return the number of pages printed.

    Raises ``ValueError`` (clerk message) for an unknown printer or a PDF whose pages are not
    that size, :class:`PrintError` when the printer refuses the page size or the job.
    """
    try:
        import pypdfium2  # optional at import time: only printing needs it
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise PrintError(
            translate("printing", "Printing needs the pypdfium2 package, which is not installed.")
        ) from exc

    width, height = page_size_points
    if width <= 0 or height <= 0:
        raise ValueError(
            translate("printing", "Invalid label page size {size} pt.").format(
                size=f"{width}×{height}"
            )
        )
    info = _printer_info(printer_name)
    pdf = pypdfium2.PdfDocument(str(pdf_path))
    try:
        count = len(pdf)
        if count == 0:
            raise ValueError(
                translate("printing", "{file} has no pages to print.").format(file=pdf_path.name)
            )
        for index in range(count):
            pw, ph = pdf[index].get_size()
            if abs(pw - width) > _SIZE_TOLERANCE or abs(ph - height) > _SIZE_TOLERANCE:
                raise ValueError(
                    translate(
                        "printing",
                        "Page {page} of {file} is {size} pt, not the label page {wanted} pt; it "
                        "would not print at true scale.",
                    ).format(
                        page=index + 1,
                        file=pdf_path.name,
                        size=f"{pw:.1f}×{ph:.1f}",
                        wanted=f"{width:.1f}×{height:.1f}",
                    )
                )

        printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
        printer.setDocName(pdf_path.stem)
        printer.setColorMode(QPrinter.ColorMode.GrayScale)
        _configure(printer, width, height)
        dpi = max(72, min(printer.resolution(), MAX_DPI))
        painter = QPainter()
        if not painter.begin(printer):
            raise PrintError(
                translate("printing", "Could not start a print job on {name}.").format(
                    name=repr(printer_name)
                )
            )
        try:
            target = QRectF(printer.paperRect(QPrinter.Unit.DevicePixel))
            target.moveTo(0, 0)
            for index in range(count):
                if index and not printer.newPage():
                    raise PrintError(
                        translate("printing", "The printer {name} refused page {page}.").format(
                            name=repr(printer_name), page=index + 1
                        )
                    )
                image = page_image(pdf[index], dpi)
                painter.drawImage(target, image, QRectF(image.rect()))
        except BaseException:
            printer.abort()  # no half-printed sheet of labels
            raise
        finally:
            painter.end()
        return count
    finally:
        pdf.close()
