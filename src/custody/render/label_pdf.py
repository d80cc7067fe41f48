"""Label sheets and rolls as vector PDF (reportlab), from the pure plan in ``label_layout``.

Fonts are DejaVu Sans and DejaVu Sans Bold, shipped in ``custody/resources/fonts`` (loaded
through ``importlib.resources``) and embedded as subsets with a ToUnicode map, so the PDF looks
the same on every printer and its text (Spanish accents, "…", "—") extracts. Their
``stringWidth`` is the measure the plan fits text with, and their descender places the
baselines, so drawn text fits its box. QR codes are filled rectangles, one per horizontal run
of dark modules, in one path; the symbol is snapped to the printer's dot grid. Output is
byte-identical for identical input (``invariant=1``; the font subsets are deterministic) and is
written atomically (temp file in the same folder, fsync, rename).
"""

from __future__ import annotations

import functools
import io
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as rl_canvas

from custody.atomic import write_atomically
from custody.domain import messages
from custody.domain.label_layout import (
    LabelContent,
    LabelPlan,
    QrItem,
    RectItem,
    TextItem,
    fit_text,
    plan,
)
from custody.domain.label_templates import (
    TEMPLATES,
    Calibration,
    Template,
    TemplateError,
    label_outlines,
    positions,
)
from custody.render.qr import matrix_runs, qr_matrix

__all__ = [
    "FONT",
    "FONT_BOLD",
    "RenderResult",
    "calibration_page",
    "font_descent",
    "measure",
    "measure_bold",
    "new_canvas",
    "register_fonts",
    "render_labels",
]

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
_FONT_FILES = {FONT: "DejaVuSans.ttf", FONT_BOLD: "DejaVuSans-Bold.ttf"}
_LINE = 0.5  # stroke width of lab boxes and calibration outlines, points
_CROSS = 6.0  # half-length of a calibration cross arm, points
_CREATOR = "Custody"


@functools.cache
def register_fonts() -> None:
    """Register :data:`FONT` and :data:`FONT_BOLD` with reportlab (once per process), from the
    package's font files, and map them as one family; any canvas can then ``setFont`` them and
    a ``Paragraph`` in them resolves ``<b>`` to the bold. ``measure`` calls this."""
    fonts = resources.files("custody") / "resources" / "fonts"
    for name, filename in _FONT_FILES.items():
        with (fonts / filename).open("rb") as data:
            pdfmetrics.registerFont(TTFont(name, data))
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD
    )


def font_descent() -> float:
    """DejaVu Sans's descender in em (positive), read from the font file."""
    register_fonts()
    return abs(float(pdfmetrics.getFont(FONT).face.descent)) / 1000.0


def measure(text: str, size: float) -> float:
    register_fonts()
    return float(stringWidth(text, FONT, size))


def measure_bold(text: str, size: float) -> float:
    register_fonts()
    return float(stringWidth(text, FONT_BOLD, size))


@dataclass(frozen=True)
class RenderResult:
    path: Path
    pages: int
    labels: int
    plans: tuple[LabelPlan, ...]


def _template(name: str) -> Template:
    try:
        return TEMPLATES[name]
    except KeyError:
        known = ", ".join(TEMPLATES)
        raise TemplateError(
            messages.t(
                "Unknown label template {name}; known: {known}.", name=repr(name), known=known
            )
        ) from None


def new_canvas(buf: io.BytesIO, t: Template, title: str) -> rl_canvas.Canvas:
    """A deterministic canvas whose initial font is ours (else reportlab adds Helvetica)."""
    register_fonts()
    size = (t.page_width, t.page_height)
    c = rl_canvas.Canvas(buf, pagesize=size, invariant=1, initialFontName=FONT)
    c.setCreator(_CREATOR)
    c.setProducer(_CREATOR)
    c.setTitle(title)
    c.setAuthor("")
    c.setSubject("")
    return c


def _snap(value: float, dpi: int) -> float:
    return round(value * dpi / 72.0) * 72.0 / dpi


def _draw_qr(
    c: rl_canvas.Canvas, t: Template, item: QrItem, matrix: list[list[bool]], ox: float, oy: float
) -> None:
    """The symbol at the plan's place, its top-left corner snapped to the printer's dot grid
    (counted from the page's top-left corner, as printers rasterise); modules are whole dots."""
    dpi = t.effective_dpi
    side = item.side
    left = _snap(ox + item.x, dpi)
    top = t.page_height - _snap(t.page_height - (oy + item.y + side), dpi)
    m = item.module
    path = c.beginPath()
    for row, col, length in matrix_runs(matrix):
        path.rect(left + col * m, top - (row + 1) * m, length * m, m)
    c.setFillGray(0)
    c.drawPath(path, stroke=0, fill=1)


def _draw_plan(
    c: rl_canvas.Canvas,
    t: Template,
    label: LabelPlan,
    matrix: list[list[bool]],
    ox: float,
    oy: float,
) -> None:
    c.setFillGray(0)
    c.setStrokeGray(0)
    c.setLineWidth(_LINE)
    for item in label.items:
        if isinstance(item, QrItem):
            _draw_qr(c, t, item, matrix, ox, oy)
        elif isinstance(item, RectItem):
            c.rect(ox + item.x, oy + item.y, item.width, item.height, stroke=1, fill=0)
        elif isinstance(item, TextItem):
            c.setFont(FONT_BOLD if item.bold else FONT, item.size)
            c.drawString(ox + item.x, oy + item.y, item.text)


def render_labels(
    labels: Sequence[tuple[LabelContent, str]],
    template_name: str,
    *,
    start_at: int = 1,
    calibration: Calibration | None = None,
    out: Path,
) -> RenderResult:
    """Draw each ``(content, qr_payload)`` on ``template_name`` from position ``start_at`` of
    the first sheet; write ``out`` atomically. Nothing is written if any label does not fit
    (:class:`~custody.domain.label_templates.LabelDoesNotFit` names the field and why)."""
    t = _template(template_name)
    if not labels:
        raise ValueError("No labels to print.")
    spots = positions(t, len(labels), start_at, calibration)
    descent = font_descent()
    matrices = [qr_matrix(payload) for _, payload in labels]
    plans = [
        plan(t, content, len(matrix), measure, measure_bold, descent=descent)
        for (content, _), matrix in zip(labels, matrices, strict=True)
    ]
    buf = io.BytesIO()
    c = new_canvas(buf, t, f"Labels - {t.title}")
    page = 1
    for (number, ox, oy), label, matrix in zip(spots, plans, matrices, strict=True):
        while page < number:
            c.showPage()
            page += 1
        _draw_plan(c, t, label, matrix, ox, oy)
    c.showPage()
    c.save()
    write_atomically(out, buf.getvalue())
    return RenderResult(out, page, len(labels), tuple(plans))


def _cross(c: rl_canvas.Canvas, x: float, y: float) -> None:
    c.line(x - _CROSS, y, x + _CROSS, y)
    c.line(x, y - _CROSS, x, y + _CROSS)


def calibration_page(
    template_name: str, out: Path, calibration: Calibration | None = None
) -> RenderResult:
    """One page: every label outline (with the calibration applied), a cross at each label's
    corners, and the template name and offsets inside the first label, to hold against a sheet."""
    t = _template(template_name)
    cal = calibration or Calibration()
    buf = io.BytesIO()
    c = new_canvas(buf, t, f"Calibration - {t.title}")
    c.setStrokeGray(0)
    c.setFillGray(0)
    c.setLineWidth(_LINE)
    outlines = label_outlines(t, cal)
    for x, y, w, h in outlines:
        c.rect(x, y, w, h, stroke=1, fill=0)
        for cx, cy in ((x, y), (x + w, y), (x, y + h), (x + w, y + h)):
            _cross(c, cx, cy)
    x, y, w, h = outlines[0]
    lines = (t.name, f"dx {cal.dx:+.1f} pt  dy {cal.dy:+.1f} pt")
    inner = w - 4 * _CROSS
    size = min(10.0, h / (2 * len(lines) + 1))
    baseline = y + h / 2 + size * (len(lines) - 1) * 0.6 - size * 0.35
    for line in lines:
        text, fitted = fit_text(line, inner, size, min(size, 4.0), measure)
        c.setFont(FONT, fitted)
        c.drawCentredString(x + w / 2, baseline, text)
        baseline -= fitted * 1.2
    c.showPage()
    c.save()
    write_atomically(out, buf.getvalue())
    return RenderResult(out, 1, 0, ())
