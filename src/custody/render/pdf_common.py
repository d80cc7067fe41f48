"""Shared furniture for Custody's multi-page PDFs (transfer manifests, custody reports).

* :func:`fonts` — the fonts of every Custody PDF (those of :mod:`custody.render.label_pdf`),
  registered with reportlab before first use.
* :class:`Measure` and :meth:`Measure.wrap` — text measured and broken into lines that fit a
  width, with a cache: table cells become plain ``"\\n"``-joined strings (far cheaper than a
  ``Paragraph`` per cell) that never overflow their column.
* :class:`QrFlowable` — a QR symbol from :func:`custody.render.qr.qr_matrix` as vector rects,
  with its quiet zone.
* :class:`PageFurniture` and :func:`build_pdf` — every page gets a header (title, reference),
  a footer (content fingerprint, software, "Page x of y / Página x de y") and optionally a large
  diagonal watermark, drawn when the document is saved, once the page count is known. Output is
  byte-identical for identical input (``invariant=1``, fixed metadata).
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import inch
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from custody.render import label_pdf
from custody.render.qr import matrix_runs, qr_matrix

__all__ = [
    "PAGE_SIZES",
    "FurnitureMetrics",
    "Measure",
    "PageFurniture",
    "QrFlowable",
    "build_pdf",
    "fonts",
    "markup",
    "page_label",
    "page_size",
]

PAGE_SIZES: dict[str, tuple[float, float]] = {"letter": LETTER, "a4": A4}
_CREATOR = "Custody"
_EPSILON = 0.01  # points of slack when comparing summed widths with a limit


def fonts() -> tuple[str, str]:
    """``(regular, bold)``: label_pdf's fonts, registered with reportlab (idempotent)."""
    label_pdf.register_fonts()
    return label_pdf.FONT, label_pdf.FONT_BOLD


def page_size(name: str | tuple[float, float]) -> tuple[float, float]:
    """``"letter"``, ``"a4"`` or an explicit ``(width, height)`` in points."""
    if isinstance(name, tuple):
        return name
    try:
        return PAGE_SIZES[name.lower()]
    except KeyError:
        known = ", ".join(PAGE_SIZES)
        raise ValueError(f"Unknown page size {name!r}; known: {known}.") from None


def markup(text: str) -> str:
    """Plain text as Paragraph markup: XML special characters escaped, newlines as breaks."""
    return "<br/>".join(escape(line) for line in text.split("\n"))


class Measure:
    """Widths of text in one font and size (cached), and greedy line breaking."""

    def __init__(self, font: str, size: float) -> None:
        self.font = font
        self.size = size
        self._widths: dict[str, float] = {}
        self._wrapped: dict[tuple[str, float], tuple[str, ...]] = {}
        self.space = self.width(" ")

    def width(self, text: str) -> float:
        found = self._widths.get(text)
        if found is None:
            found = self._widths[text] = float(stringWidth(text, self.font, self.size))
        return found

    def widest_word(self, text: str) -> float:
        return max((self.width(word) for word in text.split()), default=0.0)

    def wrap(self, text: str, limit: float) -> tuple[str, ...]:
        """Lines of ``text`` each at most ``limit`` points wide: breaks at spaces and at the
        text's own newlines; a word longer than the line is cut, after a ``/``, ``-`` or ``,``
        when there is one. Nothing is dropped: joining the words gives the text back."""
        key = (text, limit)
        found = self._wrapped.get(key)
        if found is None:
            if "\n" not in text and self.width(text) <= limit:
                found = (text,)
            else:
                found = tuple(
                    line for para in text.split("\n") for line in self._wrap_para(para, limit)
                )
            self._wrapped[key] = found
        return found

    def _wrap_para(self, text: str, limit: float) -> list[str]:
        lines: list[str] = []
        line: list[str] = []
        used = 0.0
        for word in text.split():
            w = self.width(word)
            if line and used + self.space + w <= limit + _EPSILON:
                line.append(word)
                used += self.space + w
                continue
            if line:
                lines.append(" ".join(line))
            if w <= limit + _EPSILON:
                line, used = [word], w
                continue
            pieces = self._cut(word, limit)
            lines.extend(pieces[:-1])
            line, used = [pieces[-1]], self.width(pieces[-1])
        lines.append(" ".join(line))
        return lines

    def _cut(self, word: str, limit: float) -> list[str]:
        pieces: list[str] = []
        start = 0
        while start < len(word):
            end = start + 1  # at least one character per line, however narrow the column
            used = self.width(word[start])
            while end < len(word) and used + self.width(word[end]) <= limit + _EPSILON:
                used += self.width(word[end])
                end += 1
            if end < len(word):
                soft = max(word.rfind(c, start, end) for c in "/-,;")
                if soft > start:
                    end = soft + 1
            pieces.append(word[start:end])
            start = end
        return pieces


class QrFlowable(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """A QR symbol (vector, one path of merged runs) of ``side`` points, plus its 4-module
    quiet zone on every side (nothing is drawn there)."""

    QUIET = 4

    def __init__(self, payload: str, side: float = 1.0 * inch) -> None:
        super().__init__()
        self.payload = payload
        self.matrix = qr_matrix(payload)
        self.module = side / len(self.matrix)
        self.side = side
        self.width = self.height = side + 2 * self.QUIET * self.module

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        m = self.module
        left = self.QUIET * m
        top = self.height - self.QUIET * m
        path = self.canv.beginPath()
        for row, col, length in matrix_runs(self.matrix):
            path.rect(left + col * m, top - (row + 1) * m, length * m, m)
        self.canv.setFillGray(0)
        self.canv.drawPath(path, stroke=0, fill=1)


@dataclass(frozen=True)
class PageFurniture:
    """What every page carries besides the story."""

    title: str  # header, left: "Transfer manifest / Manifiesto de transferencia"
    reference: str  # header, right: "MX-AICM-M-2026-0007 · Revision / Revisión 2"
    fingerprint: str  # 64 hex digits
    software: str = ""
    fingerprint_label: str = "Content fingerprint (SHA-256) / Huella del contenido:"
    watermark: tuple[str, ...] = field(default_factory=tuple)  # lines; empty: none


@dataclass(frozen=True)
class FurnitureMetrics:
    """Where the furniture sits; the story's frame lies between ``header`` and ``footer``."""

    margin: float = 0.5 * inch
    header: float = 0.42 * inch  # from the top margin down to the frame
    footer: float = 0.42 * inch  # from the bottom margin up to the frame
    title_size: float = 8.0
    reference_size: float = 9.0
    footer_size: float = 6.5

    def frame(self, size: tuple[float, float]) -> tuple[float, float, float, float]:
        """``(x, y, width, height)`` of the story's frame on a page of ``size``."""
        width, height = size
        return (
            self.margin,
            self.margin + self.footer,
            width - 2 * self.margin,
            height - 2 * self.margin - self.header - self.footer,
        )


def page_label(number: int, total: int) -> str:
    """The footer's page counter, bilingual."""
    return f"Page {number} of {total} / Página {number} de {total}"


def _draw_furniture(
    c: rl_canvas.Canvas,
    f: PageFurniture,
    m: FurnitureMetrics,
    number: int,
    total: int,
) -> None:
    regular, bold = fonts()
    width, height = c._pagesize
    left, right = m.margin, width - m.margin
    c.saveState()
    c.setFillGray(0)
    c.setStrokeGray(0)
    top = height - m.margin
    c.setFont(bold, m.title_size)
    c.drawString(left, top - m.title_size, f.title)
    c.setFont(bold, m.reference_size)
    c.drawRightString(right, top - m.reference_size, f.reference)
    c.setLineWidth(0.6)
    rule = top - max(m.title_size, m.reference_size) - 4
    c.line(left, rule, right, rule)

    size = m.footer_size
    base = m.margin
    rule = base + 2 * size * 1.25 + 3
    c.setLineWidth(0.4)
    c.line(left, rule, right, rule)
    c.setFont(regular, size)
    line = f"{f.fingerprint_label} {f.fingerprint}"
    first = base + size * 1.25
    if stringWidth(line, regular, size) <= right - left:
        c.drawString(left, first, line)
    else:  # too narrow: the label above, the digits whole on their own line
        c.drawString(left, first + size * 1.25, f.fingerprint_label)
        c.drawString(left, first, f.fingerprint)
    c.drawString(left, base, f.software)
    c.setFont(bold, size)
    c.drawRightString(right, base, page_label(number, total))
    if f.watermark:
        _draw_watermark(c, f.watermark, bold, width, height)
    c.restoreState()


def _actual_text(text: str) -> str:
    """A PDF text string (UTF-16BE with BOM, hex) for a marked-content ``/ActualText``."""
    return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"


def _draw_watermark(
    c: rl_canvas.Canvas, lines: Sequence[str], font: str, width: float, height: float
) -> None:
    """Large translucent diagonal text across the page, over the content (still readable).

    Text extractors read diagonal glyphs one by one, in scattered lines; each line is therefore
    wrapped in a marked-content span whose ``/ActualText`` is the line, so ``pdftotext`` (and
    any PDF reader's search) finds it whole."""
    diagonal = math.hypot(width, height)
    widest = max(stringWidth(line, font, 10.0) for line in lines)
    size = min(60.0, 10.0 * 0.8 * diagonal / widest)
    c.saveState()
    c.setFillColorRGB(0.8, 0.0, 0.0, alpha=0.22)
    c.translate(width / 2, height / 2)
    c.rotate(math.degrees(math.atan2(height, width)))
    step = size * 1.2
    y = (len(lines) - 1) * step / 2 - size * 0.35
    c.setFont(font, size)
    for line in lines:
        c.addLiteral(f"/Span <</ActualText {_actual_text(line)}>> BDC")
        c.drawCentredString(0, y, line)
        c.addLiteral("EMC")
        y -= step
    c.restoreState()


class _FurnishedCanvas(rl_canvas.Canvas):  # type: ignore[misc]  # reportlab is untyped
    """Holds every page until :meth:`save`, then draws the furniture with the page count."""

    def __init__(
        self, *args: Any, furniture: PageFurniture, metrics: FurnitureMetrics, **kw: Any
    ) -> None:
        super().__init__(*args, **kw)
        self._furniture = furniture
        self._metrics = metrics
        self._held: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802  # reportlab's name
        self._held.append({k: v for k, v in self.__dict__.items() if k != "_held"})
        self._startPage()

    def save(self) -> None:
        held = self._held
        total = len(held)
        for number in range(total):
            state, held[number] = held[number], {}  # each page's state goes once it is out
            self.__dict__.update(state)
            _draw_furniture(self, self._furniture, self._metrics, number + 1, total)
            super().showPage()
        self._held = []
        super().save()


def build_pdf(
    story: list[Flowable],
    furniture: PageFurniture,
    *,
    size: tuple[float, float] = LETTER,
    metrics: FurnitureMetrics | None = None,
    title: str = "",
) -> bytes:
    """Lay ``story`` out on pages of ``size`` with ``furniture`` on every page; the PDF's bytes."""
    fonts()
    m = metrics or FurnitureMetrics()
    frame = Frame(
        *m.frame(size),
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    buf = io.BytesIO()
    doc = BaseDocTemplate(
        buf,
        pagesize=size,
        leftMargin=m.margin,
        rightMargin=m.margin,
        topMargin=m.margin,
        bottomMargin=m.margin,
        title=title or furniture.title,
        author="",
        subject="",
        creator=_CREATOR,
        producer=_CREATOR,
        invariant=1,
    )
    template = PageTemplate(id="page", frames=[frame])
    doc.addPageTemplates([template])
    doc.build(
        story,
        canvasmaker=partial(_FurnishedCanvas, furniture=furniture, metrics=m),
    )
    return buf.getvalue()
