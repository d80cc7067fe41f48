"""Page furniture and building blocks shared by the supervisor reports (:mod:`report_pdf`).

Every page carries a header (report title, lab, what the report is about) and a footer (the
content fingerprint, when and by whom it was generated, the software, "Page x of y / Página x de
y"). Page totals are known only at the end, so the canvas keeps each finished page and draws
the furniture on all of them when the document is saved. Output is byte-identical for identical
input (``invariant=1``).
"""

from __future__ import annotations

import functools
import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import landscape, letter
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph

from custody.domain.label_layout import fit_text
from custody.render.label_pdf import FONT, FONT_BOLD, measure, measure_bold, register_fonts

__all__ = [
    "BAD_INK",
    "DASH",
    "GRID",
    "LANDSCAPE",
    "MARGIN",
    "PORTRAIT",
    "SHADE",
    "Furniture",
    "build_pdf",
    "column_widths",
    "grams",
    "or_dash",
    "para",
    "seals",
    "style",
]

PORTRAIT = letter
LANDSCAPE = landscape(letter)
MARGIN = 36.0  # left/right page margin, points (half an inch)
_TOP = 62.0  # top margin: room for the header
_BOTTOM = 64.0  # bottom margin: room for the footer
_CREATOR = "Custody"
DASH = "—"  # printed for a value that is empty (a stage not reached, nothing stated)
_RULE = colors.Color(0.55, 0.55, 0.55)
GRID = colors.Color(0.7, 0.7, 0.7)
SHADE = colors.Color(0.91, 0.91, 0.91)
BAD_INK = colors.Color(0.68, 0.05, 0.05)


@dataclass(frozen=True)
class Furniture:
    """What the header and footer of every page say."""

    title: str  # "Chain-of-custody report / Informe de cadena de custodia"
    lab_name: str
    subject: str  # "Sample / Muestra: MX-AICM-2026-000123"
    fingerprint: str  # hex SHA-256 of the report's content
    generated_at: str
    generated_by: str
    software: str


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
    _register_family()  # a paragraph resolves its font family when it is made
    return Paragraph(escape(text).replace("\n", "<br/>"), st)


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


def _draw_furniture(c: Canvas, f: Furniture, page: int, pages: int) -> None:
    width, height = c._pagesize
    inner = width - 2 * MARGIN
    left, right = MARGIN, width - MARGIN
    c.saveState()
    c.setFillGray(0)

    # Header: title and lab on the first line, the subject on the second, a rule below.
    c.setFont(FONT_BOLD, 10)
    c.drawString(left, height - 30, f.title)
    room = inner - measure_bold(f.title, 10) - 12
    lab, size = fit_text(f.lab_name, room, 9, 6, measure)
    c.setFont(FONT, size)
    c.drawRightString(right, height - 30, lab)
    subject, size = fit_text(f.subject, inner, 9, 6, measure_bold)
    c.setFont(FONT_BOLD, size)
    c.drawString(left, height - 43, subject)
    c.setStrokeColor(_RULE)
    c.setLineWidth(0.5)
    c.line(left, height - 49, right, height - 49)

    # Footer: a rule, the fingerprint, generated at/by with the page number, the software.
    c.line(left, 52, right, 52)
    c.setFont(FONT, 6.5)
    c.drawString(left, 43, f"Content fingerprint / Huella del contenido (SHA-256): {f.fingerprint}")
    page_text = f"Page {page} of {pages} / Página {page} de {pages}"
    c.setFont(FONT_BOLD, 8)
    c.drawRightString(right, 33, page_text)
    room = inner - measure_bold(page_text, 8) - 12
    generated = f"Generated / Generado: {f.generated_at} — {f.generated_by}"
    text, size = fit_text(generated, room, 7, 5, measure)
    c.setFont(FONT, size)
    c.drawString(left, 33, text)
    text, size = fit_text(f"Software: {f.software}", inner, 7, 5, measure)
    c.setFont(FONT, size)
    c.drawString(left, 23, text)
    c.restoreState()


class _PagedCanvas(Canvas):  # type: ignore[misc]  # reportlab has no type hints
    """Keeps every finished page; draws the furniture on each, with the total, at save time."""

    def __init__(self, *args: Any, furniture: Furniture, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._furniture = furniture
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802  reportlab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            _draw_furniture(self, self._furniture, number, total)
            super().showPage()
        super().save()


@functools.cache
def _register_family() -> None:
    """Fonts registered, and mapped as one family, which paragraphs need to resolve bold."""
    register_fonts()
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD
    )


def build_pdf(
    story: Sequence[Flowable],
    furniture: Furniture,
    pagesize: tuple[float, float],
) -> bytes:
    """The story laid out on pages of ``pagesize`` with the furniture on each; the PDF bytes."""
    _register_family()
    width, height = pagesize
    frame = Frame(
        MARGIN,
        _BOTTOM,
        width - 2 * MARGIN,
        height - _TOP - _BOTTOM,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    buf = io.BytesIO()
    doc = BaseDocTemplate(
        buf,
        pagesize=pagesize,
        pageTemplates=[PageTemplate(id="page", frames=[frame])],
        title=f"{furniture.title} — {furniture.subject}",
        author="",
        subject="",
        creator=_CREATOR,
        producer=_CREATOR,
        invariant=1,
        initialFontName=FONT,  # else the canvas starts every page in Helvetica, not embedded
    )
    doc.build(list(story), canvasmaker=functools.partial(_PagedCanvas, furniture=furniture))
    return buf.getvalue()
