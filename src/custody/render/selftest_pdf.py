"""The scanner self-test label: :data:`~custody.domain.scanner_check.TEST_PAYLOAD` as a QR code
and as a Code 128 barcode, a bilingual title and instructions, on one page of a label template.

Geometry is planned in whole printer dots from the page's top-left corner (as printers
rasterise), so every QR module and every Code 128 bar is a whole number of dots: QR modules are
at least 3 dots with the 4-module quiet zone, Code 128 bars at least 2 dots and 0.19 mm with a
10-module quiet zone on each side.

* Sheet templates (Letter, A4) print ONE FULL PAGE, not one die-cut label: the Code 128 of the
  47-character payload is 508 modules long (about 7 in at 0.33 mm bars), far wider than a
  sheet label. Print it on plain paper.
* Roll templates print one label. The Code 128 goes across the label when it fits, else along
  its long side (4"×6"); on the 2"×1" and 4"×2" labels it cannot fit at a readable bar width,
  so they carry the QR code only (:attr:`SelftestResult.code128_module_dots` is ``None``;
  :func:`code128_templates` names the templates that carry both).

Output is byte-identical for identical input (reportlab ``invariant=1``) and written atomically.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass, replace
from pathlib import Path

from reportlab.graphics.barcode.code128 import Code128
from reportlab.pdfgen import canvas as rl_canvas

from custody.atomic import write_atomically
from custody.domain import messages
from custody.domain.label_templates import (
    MIN_DOTS_PER_MODULE,
    QUIET_ZONE_MODULES,
    TEMPLATES,
    Template,
    TemplateError,
)
from custody.domain.scanner_check import TEST_PAYLOAD
from custody.render.label_pdf import FONT, FONT_BOLD, measure, measure_bold, new_canvas
from custody.render.qr import matrix_runs, qr_matrix

__all__ = [
    "INSTRUCTIONS",
    "TITLE",
    "SelftestResult",
    "code128_templates",
    "selftest_page",
]

TITLE = "Scanner self-test / Prueba del lector"
#: (English, Spanish) instructions, longest first: the longest that fits legibly is printed.
INSTRUCTIONS = (
    (
        "Open Tools > Scanner self-test in Custody, or run: custody-cli labels selftest "
        "--check. Then scan this label.",
        "Abra Herramientas > Prueba del lector en Custody, o ejecute: custody-cli labels "
        "selftest --check. Luego escanee esta etiqueta.",
    ),
    (
        "Custody: Tools > Scanner self-test, then scan this label.",
        "Custody: Herramientas > Prueba del lector; escanee esta etiqueta.",
    ),
)
_MIN_BODY = (6.0, 5.0)  # smallest body size, points, for each INSTRUCTIONS variant
_STEP = 0.5
_LEADING = 1.25  # line height, in em
_ASCENT = 0.9  # baseline below the top of a line, in em
C128_QUIET = 10  # modules of white each side of a Code 128 symbol
_C128_MIN_MM = 0.19
_C128_MAX_MM = 0.33  # the GS1 nominal X dimension: no need for wider bars
_QR_MAX_MM = 0.6  # a bigger symbol only gets harder to fit in a scanner's field of view
_MM_PER_INCH = 25.4


@dataclass(frozen=True)
class SelftestResult:
    path: Path
    template: str
    qr_module_dots: int
    code128_module_dots: int | None  # None: the Code 128 does not fit this template

    @property
    def has_code128(self) -> bool:
        return self.code128_module_dots is not None


@dataclass(frozen=True)
class _Bars:
    x: int  # top-left corner of the first bar, dots
    y: int
    module: int  # dots per module
    thickness: int  # bar height (across the reading direction), dots
    vertical: bool  # read top to bottom


@dataclass(frozen=True)
class _Line:
    x: float  # dots from the left; the centre of the line when ``centred``
    baseline: float  # dots from the top
    size: float  # points
    bold: bool
    centred: bool
    text: str


@dataclass(frozen=True)
class _Plan:
    dpi: int
    qr_x: int  # outer corner of the quiet zone, dots
    qr_y: int
    qr_module: int
    bars: _Bars | None
    lines: tuple[_Line, ...]


def _dots(mm: float, dpi: int) -> float:
    return mm * dpi / _MM_PER_INCH


def _code128_widths(payload: str) -> list[int]:
    """Bar and space widths in modules, bar first (reportlab's encoder: start B, then C for the
    trailing digits, check symbol, stop)."""
    symbol = Code128(payload)
    symbol.validate()
    symbol.encode()
    pattern: str = symbol.decompose()
    return [" abcd".index(ch.lower()) for ch in pattern]


def _wrap(text: str, width: float, size: float, bold: bool) -> list[str] | None:
    """``text`` broken at spaces into lines no wider than ``width`` points; None when one word
    alone is wider."""
    width_of = measure_bold if bold else measure
    lines: list[str] = []
    for word in text.split():
        if width_of(word, size) > width:
            return None
        if lines and width_of(f"{lines[-1]} {word}", size) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def _sizes(largest: float, smallest: float) -> list[float]:
    count = math.floor((largest - smallest) / _STEP + 1e-9)
    return [largest - i * _STEP for i in range(count + 1)]


def _text(
    box: tuple[int, int, int, int], dpi: int, body_max: float, centred: bool, rest: int
) -> tuple[tuple[_Line, ...], int] | None:
    """Title and instructions in ``box`` (x, y, w, h dots), leaving ``rest`` dots free below;
    the longest instructions at the largest size that fits. Returns the lines and their
    height (dots)."""
    x, y, w, h = box
    width = w * 72.0 / dpi
    for variant, smallest in zip(INSTRUCTIONS, _MIN_BODY, strict=True):
        for body in _sizes(body_max, smallest):
            title = body * 1.5
            blocks = [(_wrap(TITLE, width, title, True), title, True)]
            blocks += [(_wrap(part, width, body, False), body, False) for part in variant]
            if any(lines is None for lines, _, _ in blocks):
                continue
            out: list[_Line] = []
            top = float(y)
            for lines, size, bold in blocks:
                em = size * dpi / 72.0
                for line in lines or ():
                    left = x + w / 2 if centred else float(x)
                    out.append(_Line(left, top + em * _ASCENT, size, bold, centred, line))
                    top += em * _LEADING
                top += em * 0.4  # a little space between title, English and Spanish
            used = math.ceil(top - y)
            if used + rest <= h:
                return tuple(out), used
    return None


def _place_bars(
    t: Template, content: tuple[int, int, int, int], modules: int
) -> tuple[_Bars | None, tuple[int, int, int, int], _Line | None]:
    """The Code 128 along the bottom of ``content`` when it fits across, else along its right
    edge; the content area left over, and the human-readable line under horizontal bars."""
    dpi = t.effective_dpi
    x, y, w, h = content
    smallest = max(2, math.ceil(_dots(_C128_MIN_MM, dpi)))
    largest = max(smallest, round(_dots(_C128_MAX_MM, dpi)))
    total = modules + 2 * C128_QUIET
    gap = round(dpi * 0.08)
    if total * smallest <= w:
        module = min(largest, w // total)
        thickness = min(round(dpi * 0.5), h // 4)
        hri = 8.0 if t.dpi is None else 6.0
        band = thickness + gap + round(hri * dpi / 72.0 * _LEADING)
        left = x + (w - total * module) // 2 + C128_QUIET * module
        top = y + h - band
        bars = _Bars(left, top, module, thickness, vertical=False)
        baseline = top + thickness + gap + hri * dpi / 72.0
        line = _Line(x + w / 2, baseline, hri, False, True, TEST_PAYLOAD)
        return bars, (x, y, w, h - band - gap), line
    thickness = min(round(dpi * 0.5), w // 4)
    if total * smallest <= h and w - thickness - gap >= 2 * h // 5:
        module = min(largest, h // total)
        top = y + (h - total * module) // 2 + C128_QUIET * module
        bars = _Bars(x + w - thickness, top, module, thickness, vertical=True)
        return bars, (x, y, w - thickness - gap, h), None
    return None, content, None


def _plan(t: Template) -> _Plan:
    dpi = t.effective_dpi
    width, height = (math.floor(side * dpi / 72.0) for side in (t.page_width, t.page_height))
    margin = round(dpi * (0.5 if t.dpi is None else 0.05))
    gap = round(dpi * 0.08)
    content = (margin, margin, width - 2 * margin, height - 2 * margin)
    modules = sum(_code128_widths(TEST_PAYLOAD))
    bars, rest, hri = _place_bars(t, content, modules)
    lines = (hri,) if hri is not None else ()
    qr_modules = len(qr_matrix(TEST_PAYLOAD)) + 2 * QUIET_ZONE_MODULES
    cap = max(MIN_DOTS_PER_MODULE, round(_dots(_QR_MAX_MM, dpi)))
    least = qr_modules * MIN_DOTS_PER_MODULE
    x, y, w, h = rest
    body_max = 11.0 if t.dpi is None else 9.0
    if w >= 1.5 * h:  # a wide label: QR at the left, text at its right
        module = min(cap, min(h, int(w * 0.45)) // qr_modules)
        side = module * qr_modules
        text_box = (x + side + gap, y, w - side - gap, h)
        fitted = _text(text_box, dpi, body_max, centred=False, rest=0)
        if module < MIN_DOTS_PER_MODULE or fitted is None:
            raise TemplateError(
                messages.t(
                    "The scanner self-test label does not fit on {template}.", template=t.title
                )
            )
        shown, used = fitted
        shift = (h - used) // 2  # centre the text block beside the QR code
        shown = tuple(
            _Line(ln.x, ln.baseline + shift, ln.size, ln.bold, ln.centred, ln.text) for ln in shown
        )
        return _Plan(dpi, x, y + (h - side) // 2, module, bars, lines + shown)
    fitted = _text(rest, dpi, body_max, centred=True, rest=least + gap)
    if fitted is None:
        raise TemplateError(
            messages.t("The scanner self-test label does not fit on {template}.", template=t.title)
        )
    shown, used = fitted
    module = min(cap, min(w, h - used - gap) // qr_modules)
    side = module * qr_modules
    if bars is not None and hri is not None:  # move the Code 128 up, right under the QR code
        up = bars.y - (y + used + gap + side + gap)
        bars = replace(bars, y=bars.y - up)
        lines = (replace(hri, baseline=hri.baseline - up),)
    return _Plan(dpi, x + (w - side) // 2, y + used + gap, module, bars, lines + shown)


def code128_templates() -> tuple[str, ...]:
    """The templates whose self-test label carries the Code 128 barcode as well."""
    return tuple(name for name, t in TEMPLATES.items() if _plan(t).bars is not None)


def _draw(c: rl_canvas.Canvas, t: Template, p: _Plan) -> None:
    scale = 72.0 / p.dpi

    def px(dots: float) -> float:
        return dots * scale

    def py(dots: float) -> float:  # dots from the top -> PDF y (from the bottom)
        return t.page_height - dots * scale

    c.setFillGray(0)
    path = c.beginPath()
    m = p.qr_module
    left, top = p.qr_x + QUIET_ZONE_MODULES * m, p.qr_y + QUIET_ZONE_MODULES * m
    for row, col, length in matrix_runs(qr_matrix(TEST_PAYLOAD)):
        path.rect(px(left + col * m), py(top + (row + 1) * m), px(length * m), px(m))
    if p.bars is not None:
        b = p.bars
        along = 0
        for i, modules in enumerate(_code128_widths(TEST_PAYLOAD)):
            if i % 2 == 0:  # a bar (spaces are the odd entries)
                start, size = along * b.module, modules * b.module
                if b.vertical:
                    path.rect(px(b.x), py(b.y + start + size), px(b.thickness), px(size))
                else:
                    path.rect(px(b.x + start), py(b.y + b.thickness), px(size), px(b.thickness))
            along += modules
    c.drawPath(path, stroke=0, fill=1)
    for line in p.lines:
        c.setFont(FONT_BOLD if line.bold else FONT, line.size)
        if line.centred:
            c.drawCentredString(px(line.x), py(line.baseline), line.text)
        else:
            c.drawString(px(line.x), py(line.baseline), line.text)


def selftest_page(template_name: str, out: Path) -> SelftestResult:
    """Write the self-test label for ``template_name`` to ``out`` (PDF, one page, atomic)."""
    try:
        t = TEMPLATES[template_name]
    except KeyError:
        known = ", ".join(TEMPLATES)
        raise TemplateError(
            messages.t(
                "Unknown label template {name}; known: {known}.",
                name=repr(template_name),
                known=known,
            )
        ) from None
    p = _plan(t)  # measures the text with label_pdf's measure, which also readies its fonts
    buf = io.BytesIO()
    c = new_canvas(buf, t, f"Scanner self-test - {t.title}")
    _draw(c, t, p)
    c.showPage()
    c.save()
    write_atomically(out, buf.getvalue())
    bars = p.bars.module if p.bars is not None else None
    return SelftestResult(out, template_name, p.qr_module, bars)
