"""The machinery of Custody's multi-page PDFs (transfer manifests, supervisor reports).

* :func:`fonts` — the fonts of every Custody PDF (those of :mod:`custody.render.label_pdf`),
  registered with reportlab, as one family, before first use.
* :class:`Measure` and :meth:`Measure.wrap` — text measured and broken into lines that fit a
  width, with a cache: table cells become plain ``"\\n"``-joined strings (far cheaper than a
  ``Paragraph`` per cell) that never overflow their column.
* :class:`QrFlowable` — a QR symbol from :func:`custody.render.qr.qr_matrix` as vector rects,
  with its quiet zone.
* :class:`PageFurniture`, :class:`FurnitureMetrics` and :func:`build_pdf` — every page gets a
  header (title, reference, optionally a subject line), a footer (content fingerprint, the
  document's own lines such as the software, "Page x of y / Página x de y") and optionally a
  large diagonal watermark, drawn when the document is saved, once the page count is known.
  Output is byte-identical for identical input (``invariant=1``, fixed metadata).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import inch
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from custody.domain.text_fit import fit_text
from custody.render import label_pdf
from custody.render.pdf_watermark import draw_watermark
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
_RULE_GRAY = 0.4  # the header's and the footer's rules
_RULE_WIDTH = 0.5
_GAP = 12.0  # between texts sharing a line of the furniture, points
_FINGERPRINT_SIZE = 6.5


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
    """What every page carries besides the story, as plain text."""

    title: str  # header, left, bold: "Transfer manifest / Manifiesto de transferencia"
    reference: str  # header, right: shrunk, then shortened, to fit beside the title
    fingerprint: str  # 64 hex digits, in the footer, never shortened
    fingerprint_label: str = "Content fingerprint (SHA-256) / Huella del contenido:"
    subject: str = ""  # header, a second line in bold; none when empty
    footer: tuple[str, ...] = ()  # lines below the fingerprint; the first also has "Page x of y"
    watermark: tuple[str, ...] = ()  # large diagonal lines across every page; empty: none


@dataclass(frozen=True)
class FurnitureMetrics:
    """Where the furniture sits and how large it is. Distances are in points from the page's
    edges; the story's frame lies between ``header`` and ``footer``."""

    margin: float = 0.5 * inch  # left and right, of the frame and the furniture
    top: float = 0.5 * inch  # page top to the top of the header's first line
    bottom: float = 0.5 * inch  # page bottom to the baseline of the footer's last line
    header: float = 0.92 * inch  # page top to the frame
    footer: float = 0.92 * inch  # page bottom to the frame
    title_size: float = 8.0  # the header's lines are 1.3 × this apart
    reference_size: float = 9.0  # also the subject's
    reference_bold: bool = True
    footer_size: float = 6.5  # the footer's lines other than the fingerprint
    counter_size: float = 6.5  # "Page x of y", bold

    def frame(self, size: tuple[float, float]) -> tuple[float, float, float, float]:
        """``(x, y, width, height)`` of the story's frame on a page of ``size``."""
        width, height = size
        return (
            self.margin,
            self.footer,
            width - 2 * self.margin,
            height - self.header - self.footer,
        )


def page_label(number: int, total: int) -> str:
    """The footer's page counter, bilingual."""
    return f"Page {number} of {total} / Página {number} de {total}"


def _width(font: str, text: str, size: float) -> float:
    return float(stringWidth(text, font, size))


def _fit(
    c: rl_canvas.Canvas, text: str, font: str, size: float, room: float, smallest: float
) -> str:
    """``text`` at the largest size down to ``smallest`` that fits ``room``, else shortened
    with "…"; the canvas's font is set to that size."""
    text, size = fit_text(text, room, size, smallest, partial(_width, font))
    c.setFont(font, size)
    return text


def _fingerprint_lines(f: PageFurniture, inner: float) -> tuple[str, ...]:
    """The fingerprint and its label on one line, or on two when they do not fit one (the
    digits whole on the lower line)."""
    line = f"{f.fingerprint_label} {f.fingerprint}"
    if _width(fonts()[0], line, _FINGERPRINT_SIZE) <= inner:
        return (line,)
    return (f.fingerprint_label, f.fingerprint)


def _pitch(m: FurnitureMetrics) -> float:
    return 1.25 * max(m.footer_size, m.counter_size)


def _rules(f: PageFurniture, m: FurnitureMetrics, inner: float) -> tuple[float, float]:
    """How far the header's rule lies below the page's top, and the footer's above its bottom."""
    header = m.top + m.title_size + (1.3 * m.title_size if f.subject else 0.0) + 5
    rows = len(_fingerprint_lines(f, inner)) + len(f.footer or ("",))
    return header, m.bottom + _pitch(m) * (rows - 1) + 1.5 * _FINGERPRINT_SIZE


def _draw_furniture(
    c: rl_canvas.Canvas,
    f: PageFurniture,
    m: FurnitureMetrics,
    number: int,
    total: int,
) -> None:
    """Header (title and reference, the subject below, a rule) and footer (a rule, the
    fingerprint, the footer's lines with the page counter on the first) on the current page."""
    regular, bold = fonts()
    width, height = c._pagesize
    left, right = m.margin, width - m.margin
    inner = right - left
    header, footer = _rules(f, m, inner)
    c.saveState()
    c.setFillGray(0)
    c.setStrokeGray(_RULE_GRAY)
    c.setLineWidth(_RULE_WIDTH)
    c.line(left, height - header, right, height - header)
    c.line(left, footer, right, footer)

    y = height - m.top - m.title_size
    c.setFont(bold, m.title_size)
    c.drawString(left, y, f.title)
    room = inner - _width(bold, f.title, m.title_size) - _GAP
    font = bold if m.reference_bold else regular
    c.drawRightString(right, y, _fit(c, f.reference, font, m.reference_size, room, 6))
    if f.subject:
        y -= 1.3 * m.title_size
        c.drawString(left, y, _fit(c, f.subject, bold, m.reference_size, inner, 6))

    pitch = _pitch(m)
    y = footer - 1.5 * _FINGERPRINT_SIZE
    c.setFont(regular, _FINGERPRINT_SIZE)
    for line in _fingerprint_lines(f, inner):
        c.drawString(left, y, line)
        y -= pitch
    counter = page_label(number, total)
    c.setFont(bold, m.counter_size)
    c.drawRightString(right, y, counter)
    room = inner - _width(bold, counter, m.counter_size) - _GAP
    for line in f.footer or ("",):
        c.drawString(left, y, _fit(c, line, regular, m.footer_size, room, 5))
        room, y = inner, y - pitch
    if f.watermark:
        draw_watermark(c, f.watermark, bold)
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
    story: Sequence[Flowable],
    furniture: PageFurniture,
    *,
    size: tuple[float, float] = LETTER,
    metrics: FurnitureMetrics | None = None,
    title: str = "",
) -> bytes:
    """Lay ``story`` out on pages of ``size`` with ``furniture`` on every page; the PDF's bytes.
    ``title`` (the PDF's metadata) defaults to the furniture's title and subject."""
    regular, _ = fonts()
    m = metrics or FurnitureMetrics()
    header, footer = _rules(furniture, m, size[0] - 2 * m.margin)
    if header > m.header or footer > m.footer:
        raise ValueError(
            f"The page header and footer need {header:.0f} pt at the top and {footer:.0f} pt at "
            f"the bottom; the metrics leave {m.header:.0f} and {m.footer:.0f}."
        )
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
        topMargin=m.header,
        bottomMargin=m.footer,
        title=title or " — ".join(t for t in (furniture.title, furniture.subject) if t),
        author="",
        subject="",
        creator=_CREATOR,
        producer=_CREATOR,
        invariant=1,
        initialFontName=regular,  # pages start in our font, not in Helvetica (not embedded)
    )
    template = PageTemplate(id="page", frames=[frame])
    doc.addPageTemplates([template])
    doc.build(
        list(story),
        canvasmaker=partial(_FurnishedCanvas, furniture=furniture, metrics=m),
    )
    return buf.getvalue()
