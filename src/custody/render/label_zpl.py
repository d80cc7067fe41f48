"""Labels as ZPL II for thermal label printers, from the same pure plan as the PDF renderer.

One ``^XA … ^XZ`` format per label. Plan coordinates (points, origin bottom-left, y up) become
printer dots (origin top-left, y down) at the template's dpi. Text is font 0 (scalable) with its
data in ``^FH`` hex-escaped form, so ``^``, ``~``, ``_`` and control characters in a value are
printed, never interpreted as commands. The QR code is a ``^GFA`` graphic field built from
:func:`~custody.render.qr.qr_matrix` with whole-dot modules, so the printer prints exactly our
matrix instead of encoding the payload itself. Output is deterministic.

Text is fitted with DejaVu Sans metrics, as for the PDF (the same ``measure``/``measure_bold``
and descender). Printer font 0 (CG Triumvirate) is narrower than DejaVu Sans at the same height,
so measuring with DejaVu is conservative: what fits the PDF fits the printer.
"""

from __future__ import annotations

from collections.abc import Sequence

from custody.domain import messages
from custody.domain.label_layout import (
    LabelContent,
    LabelPlan,
    QrItem,
    RectItem,
    TextItem,
    plan,
)
from custody.domain.label_templates import (
    MIN_DOTS_PER_MODULE,
    TEMPLATES,
    Template,
    TemplateError,
)
from custody.render.label_pdf import font_descent, measure, measure_bold
from custody.render.qr import qr_matrix

__all__ = ["HEX_INDICATOR", "SHEET_REFUSAL", "escape_field_data", "qr_graphic", "render_zpl"]

SHEET_REFUSAL = "ZPL is for label printers; use PDF for sheets"
HEX_INDICATOR = "_"  # the ^FH escape character (ZPL's default)
_LINE = 0.5  # rectangle stroke, points (as in the PDF)
_MIN_FONT_DOTS = 10  # font 0's smallest height
_ESCAPED = frozenset("^~" + HEX_INDICATOR)


def _template(name: str) -> Template:
    try:
        t = TEMPLATES[name]
    except KeyError:
        known = ", ".join(TEMPLATES)
        raise TemplateError(
            messages.t(
                "Unknown label template {name}; known: {known}.", name=repr(name), known=known
            )
        ) from None
    if t.dpi is None or t.per_page != 1:
        raise ValueError(SHEET_REFUSAL)
    return t


def escape_field_data(text: str) -> str:
    """``text`` for a ``^FH``-enabled ``^FD``: command prefixes, the escape character itself and
    control characters become ``_XX`` hex escapes; everything else is kept (UTF-8 via ^CI28)."""
    out: list[str] = []
    for ch in text:
        code = ord(ch)
        if ch in _ESCAPED or code < 0x20 or code == 0x7F:
            out.append(f"{HEX_INDICATOR}{code:02X}")
        else:
            out.append(ch)
    return "".join(out)


def qr_graphic(matrix: list[list[bool]], module_dots: int) -> tuple[int, int, str]:
    """``(total_bytes, bytes_per_row, hex)`` of the matrix as a 1-bit bitmap (1 = black), each
    module ``module_dots`` × ``module_dots`` dots, rows padded to whole bytes."""
    if module_dots < 1:
        raise ValueError("QR module size must be at least one dot.")
    width = len(matrix[0]) * module_dots if matrix else 0
    per_row = (width + 7) // 8
    rows: list[str] = []
    for modules in matrix:
        bits = 0
        for dark in modules:
            bits = (bits << module_dots) | (((1 << module_dots) - 1) if dark else 0)
        bits <<= per_row * 8 - width
        line = f"{bits:0{per_row * 2}X}" if per_row else ""
        rows.extend([line] * module_dots)
    return per_row * len(rows), per_row, "".join(rows)


class _Dots:
    """Plan points -> printer dots for one template (origin top-left, y down)."""

    def __init__(self, t: Template) -> None:
        self.k = t.effective_dpi / 72.0
        self.height = t.label_height

    def __call__(self, value: float) -> int:
        return round(value * self.k)

    def top(self, y_top: float) -> int:
        """Dot row of a plan y (points from the bottom) seen from the label's top edge."""
        return round((self.height - y_top) * self.k)


def _text(d: _Dots, item: TextItem, descent: float) -> str:
    """Font 0 with its cell's top where the plan's em box tops (``descent`` as in the plan)."""
    h = max(_MIN_FONT_DOTS, d(item.size))
    x, y = d(item.x), d.top(item.y + (1 - descent) * item.size)
    data = escape_field_data(item.text)
    return f"^FO{max(x, 0)},{max(y, 0)}^A0N,{h},{h}^FH{HEX_INDICATOR}^FD{data}^FS"


def _rect(d: _Dots, item: RectItem) -> str:
    x0, x1 = d(item.x), d(item.x + item.width)
    y0, y1 = d.top(item.y + item.height), d.top(item.y)
    thick = max(1, d(_LINE))
    w, h = max(x1 - x0, thick), max(y1 - y0, thick)
    return f"^FO{x0},{y0}^GB{w},{h},{thick}^FS"


def _qr(d: _Dots, item: QrItem, matrix: list[list[bool]]) -> str:
    if len(matrix) != item.modules:
        raise ValueError(f"QR matrix has {len(matrix)} modules, the plan {item.modules}.")
    dots = max(MIN_DOTS_PER_MODULE, d(item.module))
    total, per_row, data = qr_graphic(matrix, dots)
    x, y = d(item.x), d.top(item.y + item.side)
    return f"^FO{x},{y}^GFA,{total},{total},{per_row},{data}^FS"


def _format(t: Template, label: LabelPlan, matrix: list[list[bool]], descent: float) -> str:
    d = _Dots(t)
    lines = [
        "^XA",
        f"^PW{d(t.label_width)}",
        f"^LL{d(t.label_height)}",
        "^LH0,0",
        "^CI28",
    ]
    for item in label.items:
        if isinstance(item, QrItem):
            lines.append(_qr(d, item, matrix))
        elif isinstance(item, RectItem):
            lines.append(_rect(d, item))
        else:
            lines.append(_text(d, item, descent))
    lines.append("^XZ")
    return "\n".join(lines) + "\n"


def render_zpl(labels: Sequence[tuple[LabelContent, str]], template_name: str) -> bytes:
    """ZPL for each ``(content, qr_payload)`` on the roll template ``template_name``, UTF-8.

    Raises ``ValueError`` for sheet templates and empty input, and
    :class:`~custody.domain.label_templates.LabelDoesNotFit` (nothing produced) if any label
    does not fit."""
    t = _template(template_name)
    if not labels:
        raise ValueError("No labels to print.")
    descent = font_descent()
    matrices = [qr_matrix(payload) for _, payload in labels]
    plans = [
        plan(t, content, len(matrix), measure, measure_bold, descent=descent)
        for (content, _), matrix in zip(labels, matrices, strict=True)
    ]
    out = "".join(_format(t, p, m, descent) for p, m in zip(plans, matrices, strict=True))
    return out.encode("utf-8")
