"""What the supervisor reports (:mod:`report_pdf`, :mod:`report_lists`) share: page sizes,
colours, paragraph styles, value formatting and their page furniture.

Every page carries a header (report title, lab, what the report is about) and a footer (the
content fingerprint, when and by whom it was generated, the software, "Page x of y / Página x de
y"), drawn by :func:`custody.render.pdf_common.build_pdf` like the manifest's.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from reportlab.lib import colors
from reportlab.lib.pagesizes import landscape, letter
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from custody.render.label_pdf import FONT, FONT_BOLD, register_fonts
from custody.render.pdf_common import FurnitureMetrics, PageFurniture, markup

__all__ = [
    "BAD_INK",
    "DASH",
    "GRID",
    "LANDSCAPE",
    "MARGIN",
    "METRICS",
    "PORTRAIT",
    "SHADE",
    "Report",
    "column_widths",
    "furniture",
    "grams",
    "or_dash",
    "para",
    "seals",
    "style",
]

PORTRAIT = letter
LANDSCAPE = landscape(letter)
MARGIN = 36.0  # left/right page margin, points (half an inch)
# A two-line header (title and lab, then the subject) and a three-line footer, in the margins.
METRICS = FurnitureMetrics(
    margin=MARGIN,
    top=20.0,
    bottom=23.0,
    header=62.0,
    footer=64.0,
    title_size=10.0,
    reference_size=9.0,
    reference_bold=False,
    footer_size=7.0,
    counter_size=8.0,
)
_FINGERPRINT_LABEL = "Content fingerprint / Huella del contenido (SHA-256):"
DASH = "—"  # printed for a value that is empty (a stage not reached, nothing stated)
GRID = colors.Color(0.7, 0.7, 0.7)
SHADE = colors.Color(0.91, 0.91, 0.91)
BAD_INK = colors.Color(0.68, 0.05, 0.05)


class Report(Protocol):
    """What every report tells about itself (the domain's report dataclasses)."""

    @property
    def lab_name(self) -> str: ...
    @property
    def fingerprint(self) -> str: ...
    @property
    def generated_at(self) -> str: ...
    @property
    def generated_by(self) -> str: ...
    @property
    def software(self) -> str: ...


def furniture(report: Report, title: str, subject: str) -> PageFurniture:
    """The header and footer of every page of ``report``."""
    return PageFurniture(
        title=title,
        reference=report.lab_name,
        fingerprint=report.fingerprint,
        fingerprint_label=_FINGERPRINT_LABEL,
        subject=subject,
        footer=(
            f"Generated / Generado: {report.generated_at} — {report.generated_by}",
            f"Software: {report.software}",
        ),
    )


def style(name: str, size: float = 8.0, *, bold: bool = False, **extra: Any) -> ParagraphStyle:
    """A paragraph style in the report fonts."""
    return ParagraphStyle(
        name,
        fontName=FONT_BOLD if bold else FONT,
        fontSize=size,
        leading=round(size * 1.22, 2),
        splitLongWords=1,  # a value without spaces wraps inside its cell instead of overflowing
        **extra,
    )


def para(text: str, st: ParagraphStyle) -> Paragraph:
    """A paragraph of literal text: markup characters are escaped, line breaks kept."""
    register_fonts()  # a paragraph resolves its font family when it is made
    return Paragraph(markup(text), st)


def or_dash(text: str) -> str:
    return text if text.strip() else DASH


def grams(text: str) -> str:
    """Exact decimal grams with their unit, or a dash when never weighed."""
    return f"{text} g" if text.strip() else DASH


def seals(numbers: tuple[str, ...]) -> str:
    return ", ".join(numbers) if numbers else "None / Ninguno"


def column_widths(columns: Sequence[tuple[str, float | None]], width: float) -> list[float]:
    """``(heading, points or None)`` columns: the fixed widths, the rest of ``width`` for the
    flexible one."""
    rest = width - sum(w for _, w in columns if w is not None)
    return [rest if w is None else w for _, w in columns]
